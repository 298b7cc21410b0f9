"""The scorer against cases whose right scores were worked out by hand (shared/eval/README.md)."""

from __future__ import annotations

import pytest

from evals.scoring import (
    AnswerResult,
    Question,
    Retrieved,
    by_kind,
    contains,
    normalise,
    percentile,
    score_question,
    summarise,
    supports,
)

# --- N(s) ---------------------------------------------------------------------------------


def test_normalise_curly_quotes_become_straight() -> None:
    text = "\u201cWaiting\u201d isn\u2019t \u2018fine\u2019"
    assert normalise(text) == "\"waiting\" isn't 'fine'"


def test_normalise_every_dash_and_minus_becomes_hyphen() -> None:
    text = "10\u201011\u201112\u201213\u201314\u201415\u221216"
    assert normalise(text) == "10-11-12-13-14-15-16"


def test_normalise_joins_a_hyphen_at_a_line_end() -> None:
    assert normalise("children are wait-\ning") == "children are waiting"
    assert normalise("wait- \r\n   ing list") == "waiting list"
    # an en dash broken at a line end is a hyphen after N(s) too
    assert normalise("wait\u2013\ning") == "waiting"


def test_normalise_keeps_a_spaced_dash_at_a_line_end() -> None:
    assert normalise("costs -\nsee below") == "costs - see below"


def test_normalise_nfkc_casefold_and_whitespace() -> None:
    assert normalise("\ufb01nal  REPORT") == "final report"  # ligature fi
    assert normalise("Stra\u00dfe") == "strasse"  # casefold, not lower
    assert normalise("68\u00a0weeks") == "68 weeks"  # no-break space
    assert normalise("  a \t\n\n b  ") == "a b"


def test_contains_uses_n_on_both_sides() -> None:
    assert contains("The average WAITING time is 68\u00a0weeks.", "68 weeks")
    assert contains("a fall of \u22125% since", "-5%")
    assert contains("the \u201cLocal Offer\u201d is", '"local offer"')
    assert not contains("68 days", "68 weeks")


# --- supports -----------------------------------------------------------------------------

TWO = Question(
    id="q",
    question="?",
    answerable=True,
    answer_contains=("68 weeks", "triage"),
    sources=("area/wenbury.pdf",),
)


def test_right_source_and_one_string_supports() -> None:
    assert supports("area/wenbury.pdf", "they wait 68 weeks", TWO)


def test_wrong_source_and_one_string_does_not_support() -> None:
    assert not supports("area/other.pdf", "they wait 68 weeks", TWO)


def test_any_source_and_every_string_supports() -> None:
    assert supports("area/other.pdf", "68 WEEKS after tri-\nage", TWO)


def test_right_source_without_any_string_does_not_support() -> None:
    assert not supports("area/wenbury.pdf", "nothing about waiting", TWO)


def test_source_paths_compare_with_forward_slashes() -> None:
    assert supports("area\\wenbury.pdf", "they wait 68 weeks", TWO)
    assert supports("./area/wenbury.pdf", "they wait 68 weeks", TWO)


def test_unanswerable_question_has_no_support() -> None:
    question = Question(id="u", question="?", answerable=False)
    assert not supports("area/wenbury.pdf", "anything at all", question)


def test_question_from_dict_reads_the_file_format() -> None:
    row = {
        "id": "t005",
        "question": "And are they helping?",
        "history": ["What about Holtby?"],
        "answerable": True,
        "answer_contains": ["clear benefit"],
        "sources": ["ofsted\\h.pdf"],
        "evidence": "...",
        "kind": "follow-up",
    }
    question = Question.from_dict(row)
    assert question.history == ("What about Holtby?",)
    assert question.sources == ("ofsted/h.pdf",)
    assert question.kind == "follow-up"
    with pytest.raises(ValueError, match="answerable"):
        Question.from_dict({"id": "x", "question": "?"})


# --- per question and summary -------------------------------------------------------------

NOISE = Retrieved("s/noise.txt", "unrelated text about parking")


def _q(qid: str, kind: str, needles: tuple[str, ...], sources: tuple[str, ...]) -> Question:
    return Question(
        id=qid,
        question=qid,
        answerable=bool(needles),
        answer_contains=needles,
        sources=sources,
        kind=kind,
    )


Q1 = _q("q1", "fact", ("68 weeks",), ("s/one.txt",))
Q2 = _q("q2", "fact", ("£2.3 million",), ("s/two.txt",))
Q3 = _q("q3", "paraphrase", ("five panels", "clear benefit"), ("s/three.txt",))
Q4 = _q("q4", "paraphrase", ("bus passes",), ("s/four.txt",))
Q5 = _q("q5", "unanswerable", (), ())
Q6 = _q("q6", "unanswerable", (), ())

SUPPORT_1 = Retrieved("s/one.txt", "Children wait 68 weeks for therapy.")
SUPPORT_2 = Retrieved("s/elsewhere.txt", "Spending rose by £2.3 million this year.")
SUPPORT_3 = Retrieved("s/three.txt", "The five panels have a clear benefit.")


def _results() -> list[tuple[Question, AnswerResult]]:
    return [
        # rank 3; two citations, one supporting; 5 words
        (
            Q1,
            AnswerResult(
                passages=[NOISE, NOISE, SUPPORT_1, NOISE],
                text="Children wait 68 weeks [1].",
                citations=[SUPPORT_1, NOISE],
                ms=100,
            ),
        ),
        # rank 5 (another file, every string); answer has a no-break space; 5 words
        (
            Q2,
            AnswerResult(
                passages=[NOISE] * 4 + [SUPPORT_2],
                text="It rose by £2.3\u00a0million.",
                citations=[SUPPORT_2],
                ms=200,
            ),
        ),
        # rank 12 (beyond mrr@10); abstained, cites nothing; 5 words
        (
            Q3,
            AnswerResult(
                passages=[NOISE] * 11 + [SUPPORT_3],
                text="The documents do not say.",
                abstained=True,
                ms=300,
            ),
        ),
        # no supporting passage; cites a right-source passage without the string; 6 words
        (
            Q4,
            AnswerResult(
                passages=[NOISE] * 10,
                text="Cheaper bus passes for care leavers.",
                citations=[Retrieved("s/four.txt", "Care leavers were consulted.")],
                ms=400,
            ),
        ),
        # abstained and cites nothing: counts; 6 words
        (
            Q5,
            AnswerResult(
                passages=[NOISE], text="The documents do not hold that.", abstained=True, ms=500
            ),
        ),
        # abstained but cites a passage: does not count; 4 words
        (
            Q6,
            AnswerResult(
                passages=[NOISE],
                text="I cannot find it.",
                citations=[NOISE],
                abstained=True,
                ms=1000,
            ),
        ),
    ]


def test_score_question_records() -> None:
    records = [score_question(q, r, k=3) for q, r in _results()]
    first = records[0]
    assert (first.hit, first.rank, first.answer_recall) == (True, 3, True)
    assert (first.citations, first.supporting_citations, first.cites_support) == (2, 1, True)
    assert first.answer_words == 5 and first.ms == 100
    assert first.top_sources == ["s/noise.txt", "s/noise.txt", "s/one.txt"]
    second = records[1]
    assert (second.hit, second.rank, second.answer_recall) == (False, 5, True)
    third = records[2]
    assert (third.hit, third.rank, third.answer_recall, third.abstained) == (False, 12, False, True)
    fourth = records[3]
    assert (fourth.rank, fourth.citations, fourth.supporting_citations) == (None, 1, 0)
    assert fourth.cites_support is False
    unanswerable = records[5]
    assert (unanswerable.hit, unanswerable.rank, unanswerable.answer_recall) == (None, None, None)
    assert unanswerable.abstained is True and unanswerable.citations == 1
    assert set(first.to_json()) >= {
        "id", "hit", "rank", "answer_recall", "citations", "supporting_citations", "abstained",
        "answer", "ms",
    }  # fmt: skip


def test_summarise_matches_hand_computed_scores() -> None:
    records = [score_question(q, r, k=3) for q, r in _results()]
    summary = summarise(records, k=3)
    assert summary == {
        "questions": 6,
        "answerable": 4,
        "unanswerable": 2,
        "k": 3,
        "hit@3": 0.25,  # only q1 within the top 3
        "mrr@10": 0.133,  # (1/3 + 1/5 + 0 + 0) / 4
        "answer_recall": 0.75,  # q1, q2, q4
        "citation_recall": 0.5,  # q1, q2
        "citation_precision": 0.5,  # 2 supporting of 4 citations (q6's citation not counted)
        "answered": 0.75,  # q3 abstained
        "abstained": 0.5,  # q5 counts, q6 cited something
        "answer_words": 5,  # median of 4 5 5 5 6 6
        "p50_ms": 350,  # 300 + 0.5 * (400 - 300)
        "p95_ms": 875,  # position 4.75: 500 + 0.75 * (1000 - 500)
    }
    assert "hit@5" not in summary


def test_mrr_counts_rank_ten_and_not_eleven() -> None:
    at_ten = score_question(Q1, AnswerResult(passages=[NOISE] * 9 + [SUPPORT_1]), k=5)
    at_eleven = score_question(Q1, AnswerResult(passages=[NOISE] * 10 + [SUPPORT_1]), k=5)
    assert summarise([at_ten], k=5)["mrr@10"] == 0.1
    assert summarise([at_eleven], k=5)["mrr@10"] == 0.0
    assert summarise([at_ten, at_eleven], k=5)["mrr@10"] == 0.05
    first = score_question(Q1, AnswerResult(passages=[SUPPORT_1]), k=1)
    assert summarise([first], k=1)["hit@1"] == 1.0
    assert summarise([first], k=1)["mrr@10"] == 1.0


def test_a_citation_to_a_non_supporting_passage_lowers_precision() -> None:
    good = AnswerResult(passages=[SUPPORT_1], text="68 weeks", citations=[SUPPORT_1])
    mixed = AnswerResult(passages=[SUPPORT_1], text="68 weeks", citations=[SUPPORT_1, NOISE])
    assert summarise([score_question(Q1, good)])["citation_precision"] == 1.0
    assert summarise([score_question(Q1, mixed)])["citation_precision"] == 0.5
    # recall is unchanged: the answer still cites a supporting passage
    assert summarise([score_question(Q1, mixed)])["citation_recall"] == 1.0


def test_answer_words_median_over_all_questions() -> None:
    texts = ["one", "one two three", "a b c d e f g"]  # 1, 3, 7 words
    records = [
        score_question(q, AnswerResult(passages=[], text=t))
        for q, t in zip((Q1, Q5, Q2), texts, strict=True)
    ]
    assert summarise(records)["answer_words"] == 3
    assert summarise(records[:2])["answer_words"] == 2  # median of 1 and 3


def test_unscored_pipeline_has_null_answer_metrics_but_scored_retrieval() -> None:
    records = [
        score_question(Q1, AnswerResult(passages=[NOISE, SUPPORT_1], scored=False, ms=20)),
        score_question(Q5, AnswerResult(passages=[NOISE], scored=False, ms=40)),
    ]
    assert records[0].answer_recall is None and records[0].citations is None
    assert records[1].abstained is None
    summary = summarise(records)
    assert summary["hit@5"] == 1.0 and summary["mrr@10"] == 0.5
    for key in ("answer_recall", "citation_recall", "citation_precision", "answered"):
        assert summary[key] is None
    assert summary["abstained"] is None and summary["answer_words"] is None
    assert (summary["p50_ms"], summary["p95_ms"]) == (30, 39)


def test_by_kind_groups_and_scores_each_kind() -> None:
    records = [score_question(q, r, k=3) for q, r in _results()]
    kinds = by_kind(records, k=3)
    assert list(kinds) == ["fact", "paraphrase", "unanswerable"]
    assert kinds["fact"]["questions"] == 2
    assert kinds["fact"]["hit@3"] == 0.5
    assert kinds["fact"]["mrr@10"] == 0.267  # (1/3 + 1/5) / 2
    assert kinds["paraphrase"]["answered"] == 0.5
    assert kinds["unanswerable"]["abstained"] == 0.5
    assert kinds["unanswerable"]["hit@3"] is None
    assert "k" not in kinds["fact"]


def test_percentile_interpolates() -> None:
    assert percentile([7.0], 95) == 7.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([4.0, 1.0, 3.0, 2.0], 100) == 4.0
    with pytest.raises(ValueError):
        percentile([], 50)
