"""User filters become the same restriction for Chroma and for BM25."""

from __future__ import annotations

import datetime as dt

from assistant.retrieval.hybrid import chroma_where, passes
from assistant.retrieval.passages import to_passage
from assistant.types import Filters


def test_where_clause_and_predicate_agree() -> None:
    filters = Filters("Cabinet", dt.date(2025, 1, 1), dt.date(2025, 1, 31), "minutes")
    assert chroma_where(filters) == {
        "$and": [
            {"committee": "Cabinet"},
            {"doc_kind": "minutes"},
            {"date_num": {"$gte": 20250101}},
            {"date_num": {"$lte": 20250131}},
        ]
    }
    inside = {"committee": "Cabinet", "doc_kind": "minutes", "date_num": 20250130}
    assert passes(filters, inside)
    assert not passes(filters, {**inside, "date_num": 20250201})
    assert not passes(filters, {**inside, "committee": "Audit Committee"})
    assert chroma_where(Filters()) is None and passes(None, inside)
    assert chroma_where(Filters(committee="Cabinet")) == {"committee": "Cabinet"}


def test_passage_text_drops_the_context_header() -> None:
    header = "Fernleigh | Cabinet | 30 January 2025\n"
    passage = to_passage(
        "id1",
        header + "The plan was approved.",
        {"header_chars": len(header), "source": "a/b.pdf", "page": 3},
        0.5,
    )
    assert passage.text == "The plan was approved."
    assert (passage.source, passage.page) == ("a/b.pdf", 3)


def test_diversify_caps_one_file_in_the_top_places() -> None:
    from assistant.retrieval.hybrid import diversify

    source = {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "c1": "c"}
    ranked = ["a1", "a2", "a3", "b1", "c1"]
    assert diversify(ranked, source.__getitem__, top=3, per_source=2) == [
        "a1",
        "a2",
        "b1",
        "a3",
        "c1",
    ]
    assert diversify(ranked, source.__getitem__, top=3, per_source=0) == ranked
