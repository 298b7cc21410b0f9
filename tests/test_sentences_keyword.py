"""Quotable units and the keyword index."""

from __future__ import annotations

from assistant.store.keyword import KeywordIndex
from assistant.text import split_units, tokenize

TEXT = (
    "The Chair, Cllr. T. Marlowe, opened the meeting. It was noted that 22,866 young people "
    "voted!\n• The average wait is 68 weeks for a first assessment.\n\n"
    "RESOLVED that:\n(a) the report be noted; and\n"
    "(b) the capital programme of £1,372m be approved."
)


def test_units_are_exact_spans() -> None:
    units = [TEXT[a:b] for a, b in split_units(TEXT)]
    assert units == [
        "The Chair, Cllr. T. Marlowe, opened the meeting.",
        "It was noted that 22,866 young people voted!",
        "The average wait is 68 weeks for a first assessment.",
        "(a) the report be noted; and",
        "(b) the capital programme of £1,372m be approved.",
    ]


def test_lines_wrapped_by_a_pdf_conversion_are_one_sentence() -> None:
    text = (
        "Members noted the Vacancy Threshold for new school places, and that the\n\n"
        "briefing had set out a current pupil projection for the district of 2.74%, so the\n\n"
        "board would not meet these tests.\n\n"
        "## 4.5 Cemetery Fees Report for the Year Ending March 31, 2023\n\n"
        "That the report BE RECEIVED.\n\n"
        "What needs to improve?\n◼ The quality of pathway plans.\n◼ Access to health histories."
    )
    units = [" ".join(text[a:b].split()) for a, b in split_units(text)]
    assert units[0].startswith("Members noted") and units[0].endswith("not meet these tests.")
    assert "That the report BE RECEIVED." in units  # a heading line is not joined to the next
    assert units[-2:] == ["The quality of pathway plans.", "Access to health histories."]


def test_a_sentence_goes_on_over_a_page_break_of_text_converted_from_pdf() -> None:
    text = (
        "the consent of the Board be given to the sale of the old depot to the\n\n---\n\n8\n\n"
        "Holtby Riverside company, for the sum of €12,500,000.\n\nThe item was closed.\n\n"
        "---\n9\n\nA new page starts with a sentence of its own."
    )
    units = [" ".join(text[a:b].split()) for a, b in split_units(text)]
    assert units == [
        "the consent of the Board be given to the sale of the old depot to the --- 8 "
        "Holtby Riverside company, for the sum of €12,500,000.",
        "The item was closed.",
        "A new page starts with a sentence of its own.",
    ]


def test_tokenize_keeps_figures_and_stems_words() -> None:
    assert tokenize("Children waiting 68 weeks; £1,372m and 4%") == [
        "children",
        "wait",
        "68",
        "week",
        "1372",
        "4",
    ]


def test_a_name_spelled_with_or_without_accents_is_one_word() -> None:
    accented = tokenize("Fáilte Ireland and Seán Ó Briain")
    assert accented == tokenize("Failte Ireland and Sean O Briain")
    assert tokenize("Fáilte") == ["failt"]


def test_keyword_search_ranks_and_filters() -> None:
    texts = [
        "Wenbury | speech and language therapy waiting time is 41 weeks",
        "Holtby | the partnership's arrangements lead to positive outcomes",
        "Wenbury | the local offer website is hard to use",
    ]
    metas = [{"council": "Wenbury"}, {"council": "Holtby"}, {"council": "Wenbury"}]
    index = KeywordIndex(["a", "b", "c"], texts, metas)
    hits = index.search("How long is the wait for speech therapy?", k=3)
    assert hits[0][0] == 0
    only_holtby = index.search("therapy outcomes", k=3, where=lambda m: m["council"] == "Holtby")
    assert [position for position, _ in only_holtby] == [1]
    assert index.idf("therapy") > 0


def test_keyword_scores_equal_rank_bm25_okapi() -> None:
    """The postings-array BM25 gives rank_bm25's BM25Okapi scores to the bit, including a
    term in most chunks (negative idf, floored), a repeated term and an unknown one."""
    from rank_bm25 import BM25Okapi

    texts = [
        "Cabinet resolved to approve the budget of £1,372m for 2025",
        "The committee noted the budget report and resolved to defer",
        "Speech and language therapy waiting times are 68 weeks",
        "Budget budget budget: the committee approved the capital budget",
        "",
    ]
    index = KeywordIndex([str(i) for i in range(len(texts))], texts, [{}] * len(texts))
    reference = BM25Okapi([tokenize(t) for t in texts])
    for query in ["budget approve", "committee committee resolved", "therapy 68", "zzz", "1372"]:
        terms = tokenize(query)
        assert index.scores(terms).tolist() == list(reference.get_scores(terms)), query
    assert index.scores(tokenize("budget")).max() > 0
