"""Passages cut mid-sentence are completed from their overlapping neighbours, verbatim."""

from __future__ import annotations

from assistant.retrieval.complete_sentences import Neighbours
from assistant.types import Passage

PAGE = (
    "The Panel noted the placement figures for the year. Noting that 18% of Holtby children were "
    "placed outside of Holtby, 40% of those not placed in Holtby were placed in Wenbury. The Chair "
    "thanked officers for the report and asked for a further update in March."
)


def _chunks(*spans: tuple[int, int]) -> tuple[list[str], list[dict[str, object]]]:
    texts = [PAGE[a:b] for a, b in spans]
    metas: list[dict[str, object]] = [
        {"source": "cpp.pdf", "position": i, "page": 1, "header_chars": 0}
        for i in range(len(spans))
    ]
    return texts, metas


def _passage(texts: list[str], metas: list[dict[str, object]], index: int) -> Passage:
    return Passage(str(index), texts[index], "cpp.pdf", 1, 0.0, dict(metas[index]))


def test_a_passage_cut_mid_sentence_is_completed_from_the_next_chunk() -> None:
    cut = PAGE.index("those not placed")
    texts, metas = _chunks((0, cut - 1), (PAGE.index("Noting"), len(PAGE)))
    completed = Neighbours(texts, metas).complete(_passage(texts, metas, 0))
    assert completed.text.endswith("were placed in Wenbury.")
    assert completed.text in PAGE  # still a verbatim span of the page


def test_a_passage_starting_mid_sentence_gets_the_sentence_start() -> None:
    start = PAGE.index("outside of Holtby")
    texts, metas = _chunks((0, PAGE.index("those not")), (start, len(PAGE)))
    completed = Neighbours(texts, metas).complete(_passage(texts, metas, 1))
    assert completed.text.startswith("Noting that 18% of Holtby children")
    assert completed.text in PAGE


def test_no_overlap_or_another_section_leaves_the_passage_as_it_is() -> None:
    cut = PAGE.index("those not placed")
    texts, metas = _chunks((0, cut - 1), (cut, len(PAGE)))  # adjacent, no shared text
    passage = _passage(texts, metas, 0)
    assert Neighbours(texts, metas).complete(passage).text == passage.text
    texts, metas = _chunks((0, cut - 1), (PAGE.index("Noting"), len(PAGE)))
    metas[1]["heading"] = "Another section"
    passage = _passage(texts, metas, 0)
    assert Neighbours(texts, metas).complete(passage).text == passage.text
