"""Choosing the abstention cut: the balanced score, and the point it picks."""

from __future__ import annotations

from evals.calibrate import Point, balanced, choose
from evals.scoring import QuestionScore


def record(answerable: bool, abstained: bool, right: bool = False) -> QuestionScore:
    return QuestionScore(
        id="q",
        kind="fact" if answerable else "unanswerable",
        answerable=answerable,
        question="?",
        hit=True if answerable else None,
        rank=1 if answerable else None,
        answer_recall=(right and not abstained) if answerable else None,
        cites_support=(right and not abstained) if answerable else None,
        citations=0 if abstained else 1,
        supporting_citations=int(right and not abstained),
        abstained=abstained,
        answer_words=0 if abstained else 20,
        answer="",
        ms=1,
    )


def test_balanced_weighs_answer_recall_and_abstention_alike() -> None:
    summary = {"answer_recall": 0.75, "abstained": 0.25}
    assert balanced(summary) == 0.5
    assert balanced({"answer_recall": None, "abstained": 1.0}) == 0.5


def test_choose_prefers_declining_the_unanswerable_when_answers_are_kept() -> None:
    # Three answerable questions answered rightly at both points; the stricter point also
    # declines the unanswerable one.
    answered = [record(True, False, right=True)] * 3
    loose, strict = Point(0.3, 0.1), Point(0.45, 0.1)
    records = {loose: answered + [record(False, False)], strict: answered + [record(False, True)]}
    assert choose(records, 5) == strict


def test_choose_does_not_trade_many_answers_for_one_abstention() -> None:
    loose, strict = Point(0.3, 0.1), Point(0.45, 0.1)
    records = {
        loose: [record(True, False, right=True)] * 4 + [record(False, False)] * 2,
        strict: [record(True, True)] * 3 + [record(True, False, right=True)]
        + [record(False, True), record(False, False)],
    }
    assert choose(records, 5) == loose


def test_choose_breaks_a_tie_towards_answering_more() -> None:
    # Both points: balanced 0.5. The looser one answers an answerable question (wrongly).
    loose, strict = Point(0.3, 0.1), Point(0.45, 0.1)
    records = {
        strict: [record(True, True), record(False, True)],
        loose: [record(True, False), record(False, True)],
    }
    assert choose(records, 5) == loose
