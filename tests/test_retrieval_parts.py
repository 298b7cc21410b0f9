"""Multi-part questions: split into clauses, each searched with the shared subject, fused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from assistant.retrieval.hybrid import HybridRetriever, fuse_rankings
from assistant.retrieval.names import Vocabulary, committees_in
from assistant.retrieval.question import split_clauses, understand
from assistant.settings import Settings
from assistant.store.chroma import IndexStore
from assistant.store.keyword import KeywordIndex

VOCAB = Vocabulary(
    councils=("Dudley", "Kent County Council"),
    committees=("Cabinet", "Council", "County Council", "Corporate Parenting Panel"),
)


def test_clauses_split_at_dashes_sentences_and_joined_questions() -> None:
    assert split_clauses(
        "Kent's report rates EHCPs issued within 20 weeks as red - what did the Cabinet "
        "Member tell County Council in March 2025?"
    ) == [
        "Kent's report rates EHCPs issued within 20 weeks as red",
        "what did the Cabinet Member tell County Council in March 2025?",
    ]
    assert split_clauses(
        "What grade did the November 2022 inspection give, and how did it describe the trend "
        "since 2018?"
    ) == [
        "What grade did the November 2022 inspection give",
        "how did it describe the trend since 2018?",
    ]
    # A clause too short to search alone joins its neighbour; lists inside a clause stay whole.
    assert split_clauses("How many panels does the area have, and are they helping?") == [
        "How many panels does the area have, and are they helping?"
    ]
    assert split_clauses("Give me: the grade for children's services and the SEND outcome.") == [
        "Give me: the grade for children's services",
        "the SEND outcome.",
    ]
    assert split_clauses(
        "What changed between the inspection and the visit, and what did Cabinet say?"
    ) == ["What changed between the inspection and the visit", "what did Cabinet say?"]
    assert split_clauses("What are the smoke-free zones around parks, play areas and schools?") == [
        "What are the smoke-free zones around parks, play areas and schools?"
    ]


def test_each_part_keeps_the_subject_of_the_others() -> None:
    plan = understand(
        "Dudley's February 2024 focused visit refers back to the previous inspection. What "
        "grade did that November 2022 inspection give, and how did it describe the trend?",
        vocabulary=VOCAB,
    )
    assert [p.question for p in plan.parts] == [
        "Dudley's February 2024 focused visit refers back to the previous inspection.",
        "What grade did that November 2022 inspection give",
        "how did it describe the trend?",
    ]
    grade, trend = plan.parts[1], plan.parts[2]
    assert grade.councils == {"Dudley"} and grade.date_from == dt.date(2022, 11, 1)
    # The nearest clause before it gives the date, not the first one of the question.
    assert trend.councils == {"Dudley"} and trend.date_from == dt.date(2022, 11, 1)
    assert trend.text.endswith(" how did it describe the trend?")
    assert "November 2022" in trend.text and "Dudley" in trend.text
    assert understand("What did Cabinet decide in May 2024?", vocabulary=VOCAB).parts == []


def test_committees_are_meetings_not_roles_or_parts_of_a_body_name() -> None:
    question = "What did the Cabinet Member for Education tell County Council about Kent's plans?"
    assert committees_in(question, VOCAB.committees, VOCAB.councils) == {"County Council"}
    assert (
        committees_in("What did Kent County Council spend?", VOCAB.committees, VOCAB.councils)
        == set()
    )
    assert committees_in("What did Kent's Cabinet resolve?", VOCAB.committees, VOCAB.councils) == {
        "Cabinet"
    }
    history = ["What did the Cabinet Member say at County Council in March 2025?"]
    follow_up = understand("And how many pupils?", history, VOCAB)
    assert follow_up.committees == {"County Council"}


def test_fuse_rankings_rewards_agreement_and_weights() -> None:
    whole = {"a": 3.0, "b": 2.0, "c": 1.0}
    part = {"d": 9.0, "c": 8.0}

    def order(weight: float) -> list[str]:
        fused = fuse_rankings([(1.0, whole), (weight, part)], rrf_k=60)
        return sorted(fused, key=lambda key: -fused[key])

    assert order(1.0)[0] == "c"  # ranked by both lists
    assert order(1.5) == ["c", "d", "a", "b"]
    assert order(0.1) == ["c", "a", "b", "d"]  # a light part cannot pass the whole's second


def _retriever(tmp_path: Path, rows: list[tuple[str, str, dict[str, Any]]]) -> HybridRetriever:
    settings = Settings(_env_file=None, index_path=tmp_path / "index", top_k=3)
    ids = [r[0] for r in rows]
    texts = [r[1] for r in rows]
    metas = [{"header_chars": 0, **r[2]} for r in rows]
    store = IndexStore(settings, embeddings=object())  # type: ignore[arg-type]
    return HybridRetriever(
        store=store,
        keyword=KeywordIndex(ids, texts, metas),
        settings=settings,
        vocabulary=Vocabulary.from_metadata(metas),
        use_dense=False,
    )


def test_a_two_part_question_finds_the_second_document(tmp_path: Path) -> None:
    """The whole question's words and first date (the visit) favour the visit letter; the part
    naming the earlier inspection and its date brings that inspection into the top places."""
    visit = {"source": "visit.pdf", "council": "Dudley", "date": "2024-02-01"}
    inspection = {"source": "inspection.pdf", "council": "Dudley", "date": "2022-11-07"}
    other = {"source": "other.pdf", "council": "Sandwell", "date": "2023-06-01"}
    rows = [
        ("v1", "Focused visit: this visit refers back to previous findings.", visit),
        ("v2", "The focused visit refers back to earlier work.", visit),
        ("v3", "Previous focused visit letters were sent back.", visit),
        ("i1", "Inspection judgement grade: requires improvement to be good", inspection),
    ] + [(f"n{i}", f"Highways repairs to road number {i} and pavements.", other) for i in range(12)]
    retriever = _retriever(tmp_path, rows)
    question = (
        "Dudley's February 2024 focused visit refers back to the previous inspection. "
        "What grade did that November 2022 inspection give?"
    )
    plan = understand(question, vocabulary=retriever.vocabulary)
    assert len(plan.parts) == 2
    whole_only = understand(question, vocabulary=retriever.vocabulary)
    whole_only.parts = []
    assert [p.id for p in retriever.search(whole_only, k=3)] == ["v1", "v2", "v3"]
    assert "i1" in [p.id for p in retriever.search(plan, k=3)]


HEADING = "What does the area partnership need to do better?"


def test_a_chunk_that_is_only_a_heading_ranks_after_passages_with_sentences(tmp_path: Path) -> None:
    meta = {"source": "send.pdf", "council": "Plymouth", "date": "2023-06-26"}
    rows = [
        # the heading's own chunk, as structure parsing leaves it
        ("h1", "What does the area partnership need to do better?", {**meta, "heading": HEADING}),
        ("s1", "The area partnership needs to improve how quickly EHC plans are issued.", meta),
    ] + [(f"n{i}", f"Highways repairs to road number {i} and pavements.", meta) for i in range(6)]
    retriever = _retriever(tmp_path, rows)
    plan = understand("What does the area partnership need to do better?")
    ranked = [p.id for p in retriever.search(plan, k=4)]
    assert ranked[0] == "s1" and "h1" not in ranked[:1]
