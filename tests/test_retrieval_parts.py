"""Multi-part questions: split into clauses, each searched with the shared subject, fused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from assistant.retrieval.hybrid import HybridRetriever, fuse_rankings, kept_in_top
from assistant.retrieval.names import Vocabulary, committees_in
from assistant.retrieval.question import split_clauses, understand
from assistant.retrieval.rerank import RelevanceScorer
from assistant.settings import Settings
from assistant.store.chroma import IndexStore
from assistant.store.keyword import KeywordIndex

VOCAB = Vocabulary(
    councils=("Wenbury", "Holtby County Council"),
    committees=("Cabinet", "Council", "County Council", "Corporate Parenting Panel"),
)


def test_clauses_split_at_dashes_sentences_and_joined_questions() -> None:
    assert split_clauses(
        "Holtby's report rates repairs completed within 28 days as amber - what has the Portfolio "
        "Holder told Full Council in June 2024?"
    ) == [
        "Holtby's report rates repairs completed within 28 days as amber",
        "what has the Portfolio Holder told Full Council in June 2024?",
    ]
    assert split_clauses(
        "What budget did the June 2021 review set, and how did it justify the rise "
        "since 2019?"
    ) == [
        "What budget did the June 2021 review set",
        "how did it justify the rise since 2019?",
    ]
    # A clause too short to search alone joins its neighbour; lists inside a clause stay whole.
    assert split_clauses("How many patrols does the town have, and are they working?") == [
        "How many patrols does the town have, and are they working?"
    ]
    assert split_clauses("Give me: the rent for council homes and the repair backlog.") == [
        "Give me: the rent for council homes",
        "the repair backlog.",
    ]
    assert split_clauses(
        "What changed between the inspection and the visit, and what did Cabinet say?"
    ) == ["What changed between the inspection and the visit", "what did Cabinet say?"]
    assert split_clauses("What are the dog-free areas in parks, sports pitches and beaches?") == [
        "What are the dog-free areas in parks, sports pitches and beaches?"
    ]


def test_each_part_keeps_the_subject_of_the_others() -> None:
    plan = understand(
        "Wenbury's May 2023 monitoring visit checks progress since the earlier inspection. What "
        "rating did that March 2021 inspection give, and why did it see a decline?",
        vocabulary=VOCAB,
    )
    assert [p.question for p in plan.parts] == [
        "Wenbury's May 2023 monitoring visit checks progress since the earlier inspection.",
        "What rating did that March 2021 inspection give",
        "why did it see a decline?",
    ]
    grade, trend = plan.parts[1], plan.parts[2]
    assert grade.councils == {"Wenbury"} and grade.date_from == dt.date(2021, 3, 1)
    # The nearest clause before it gives the date, not the first one of the question.
    assert trend.councils == {"Wenbury"} and trend.date_from == dt.date(2021, 3, 1)
    assert trend.text.endswith(" why did it see a decline?")
    assert "March 2021" in trend.text and "Wenbury" in trend.text
    assert understand("What did Cabinet decide in May 2024?", vocabulary=VOCAB).parts == []


def test_committees_are_meetings_not_roles_or_parts_of_a_body_name() -> None:
    question = "What has the Cabinet Member for Highways told County Council about Holtby's plans?"
    assert committees_in(question, VOCAB.committees, VOCAB.councils) == {"County Council"}
    assert (
        committees_in("What did Holtby County Council spend?", VOCAB.committees, VOCAB.councils)
        == set()
    )
    assert committees_in("What did Holtby's Cabinet decide?", VOCAB.committees, VOCAB.councils) == {
        "Cabinet"
    }
    history = ["What has the Cabinet Member told County Council in June 2024?"]
    follow_up = understand("And how many libraries?", history, VOCAB)
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
    visit = {"source": "visit.pdf", "council": "Wenbury", "date": "2023-05-01"}
    inspection = {"source": "inspection.pdf", "council": "Wenbury", "date": "2021-03-08"}
    other = {"source": "other.pdf", "council": "Holtby", "date": "2022-06-01"}
    rows = [
        ("v1", "Monitoring visit: this visit checks progress on earlier findings.", visit),
        ("v2", "The monitoring visit checks progress on previous work.", visit),
        ("v3", "Earlier monitoring visit letters tracked progress.", visit),
        ("i1", "Inspection judgement rating: requires improvement to be good", inspection),
    ] + [(f"n{i}", f"Highways repairs to road number {i} and pavements.", other) for i in range(12)]
    retriever = _retriever(tmp_path, rows)
    question = (
        "Wenbury's May 2023 monitoring visit checks progress since the earlier inspection. "
        "What rating did that March 2021 inspection give?"
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


def test_each_asking_part_keeps_its_own_best_passage_in_the_top_places(
    tmp_path: Path, embeddings
) -> None:
    """Reranked as a whole, passages touching both halves of the question (the budget report
    and the Cabinet minutes) outrank the one passage answering the second half (the depot's)."""
    budget = {"source": "budget.pdf", "council": "Holtby County Council", "doc_kind": "report"}
    cabinet = {"source": "cabinet.pdf", "council": "Holtby County Council", "doc_kind": "minutes"}
    depot = {"source": "depot.pdf", "council": "Holtby County Council", "doc_kind": "report"}
    rows = [
        ("b1", "Holtby County Council's budget report sets the council tax rise for next year at "
         "4.99%.", budget),
        ("b2", "The budget report explains the council tax rise and the cost of the highways "
         "depot.", budget),
        ("b3", "Council tax in Holtby will rise; the report also notes depot running costs.",
         budget),
        ("m1", "Cabinet discussed the budget report, the council tax rise and the depot.", cabinet),
        ("m2", "Holtby's Cabinet noted the council tax report and asked about the depot.", cabinet),
        ("d1", "The highways depot was bought by Marsh Lane Logistics Ltd on 3 March.", depot),
    ] + [(f"n{i}", f"Highways repairs to road number {i} and pavements.", {"source": "o.pdf"})
         for i in range(12)]
    retriever = _retriever(tmp_path, rows)
    retriever.scorer = RelevanceScorer(embeddings, retriever.keyword)
    plan = understand(
        "How much will council tax rise in Holtby's budget report, and who bought the highways "
        "depot?",
        vocabulary=retriever.vocabulary,
    )
    assert [part.asking for part in plan.parts] == [True, True]
    settings = retriever.settings
    retriever.settings = settings.model_copy(update={"part_leaders": False})
    assert "d1" not in [p.id for p in retriever.search(plan, k=3)]
    retriever.settings = settings
    top = [p.id for p in retriever.search(plan, k=3)]
    assert "d1" in top and len(top) == 3


def test_kept_keys_take_the_lowest_places_of_the_others() -> None:
    order = ["a", "b", "c", "d", "e"]
    assert kept_in_top(["e"], order, 3) == ["a", "b", "e", "c", "d"]
    assert kept_in_top(["d", "e"], order, 3) == ["a", "d", "e", "b", "c"]
    assert kept_in_top(["b"], order, 3) == order  # already in the top places
