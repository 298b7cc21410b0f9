"""Choose the abstention cut on one question set and check it on another:
``python -m evals.calibrate --corpus DIR --index-dir INDEX --choose A.jsonl [...] --check B.jsonl``.

The extractive answer declines when its best sentence scores under ``abstain_threshold`` or,
asked for a figure, when no sentence giving one scores ``figure_margin`` above it. This
retrieves each question once, answers it at every point of a grid of the two, and scores every
point as ``evals.run`` does. The chosen point maximises the balanced score, the mean of
answer recall (answerable questions answered with the expected strings) and abstention
(unanswerable ones declined): a wrong answer from an official record costs as much as a
missed one, so neither class outweighs the other because a set happens to hold more of it.
The point is chosen on the ``--choose`` sets pooled and reported, with the shipped settings,
on each ``--check`` set.
"""

from __future__ import annotations

import argparse
import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.run import answer_result, format_summary, load_questions, without_latency
from evals.scoring import Question, QuestionScore, score_question, summarise

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
FIGURE_MARGINS = (0.0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


@dataclass(frozen=True)
class Point:
    """One setting of the abstention cut and the figure margin."""

    threshold: float
    figure_margin: float

    def __str__(self) -> str:
        return f"abstain_threshold={self.threshold} figure_margin={self.figure_margin}"

    def settings(self) -> dict[str, float]:
        return {"abstain_threshold": self.threshold, "figure_margin": self.figure_margin}


@dataclass
class Retrieved:
    """A question read and its passages found once, to be answered at every point."""

    question: Question
    plan: Any
    passages: list[Any]
    fixed: Any = None  # an answer that does not depend on the cuts (from the register)


def balanced(summary: dict[str, Any]) -> float:
    """The mean of answer recall and abstention (a missing one counts as 0)."""
    return ((summary["answer_recall"] or 0.0) + (summary["abstained"] or 0.0)) / 2


def retrieve_all(assistant: Any, questions: Sequence[Question]) -> list[Retrieved]:
    rows = []
    for question in questions:
        plan = assistant.plan(question.question, list(question.history) or None)
        fixed = assistant.latest_from_register(plan, None)
        passages = [] if fixed is not None else assistant.search(plan)
        rows.append(Retrieved(question, plan, passages, fixed))
    return rows


def answer_at(assistant: Any, rows: Sequence[Retrieved], point: Point, k: int) -> list[Any]:
    """Every question's score with the answerer's cuts set to ``point``."""
    answerer = assistant.answerer
    before = answerer.settings
    answerer.settings = before.model_copy(update=point.settings())
    try:
        return [
            score_question(
                row.question,
                answer_result(row.fixed or answerer.answer(row.plan, row.passages)),
                k,
            )
            for row in rows
        ]
    finally:
        answerer.settings = before


def sweep(
    assistant: Any, rows: Sequence[Retrieved], points: Sequence[Point], k: int
) -> dict[Point, list[QuestionScore]]:
    return {point: answer_at(assistant, rows, point, k) for point in points}


def choose(records: dict[Point, list[QuestionScore]], k: int) -> Point:
    """The point with the best balanced score (ties: the one answering more questions)."""

    def key(point: Point) -> tuple[float, float]:
        summary = summarise(records[point], k)
        return round(balanced(summary), 3), summary["answered"] or 0.0

    return max(records, key=key)


def report(name: str, records: list[QuestionScore], k: int) -> str:
    summary = without_latency(summarise(records, k))
    return f"{format_summary(summary, name)} balanced={balanced(summary):.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index-dir", type=Path, required=True, help="a built index")
    parser.add_argument("--choose", type=Path, nargs="+", required=True)
    parser.add_argument("--check", type=Path, nargs="*", default=[])
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--all-points", action="store_true", help="print every grid point")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.answer.extractive import ExtractiveAnswerer
    from assistant.core import build_assistant
    from assistant.settings import Settings

    settings = Settings(corpus_path=args.corpus.resolve(), index_path=args.index_dir.resolve())
    assistant = build_assistant(settings)
    if not isinstance(assistant.answerer, ExtractiveAnswerer):
        parser.error("the cuts are the extractive answer step's (ASSISTANT_ANSWER_STEP=rules)")
    shipped = Point(settings.abstain_threshold, settings.figure_margin)
    points = [Point(t, m) for t, m in itertools.product(THRESHOLDS, FIGURE_MARGINS)]
    points += [shipped] if shipped not in points else []
    pooled: dict[Point, list[QuestionScore]] = {point: [] for point in points}
    for path in args.choose:
        swept = sweep(assistant, retrieve_all(assistant, load_questions(path)), points, args.k)
        for point, records in swept.items():
            pooled[point] += records
    if args.all_points:
        for point in points:
            print(report(str(point), pooled[point], args.k), flush=True)
    chosen = choose(pooled, args.k)
    print(report(f"chosen {chosen} | choose sets", pooled[chosen], args.k))
    print(report(f"shipped {shipped} | choose sets", pooled[shipped], args.k), flush=True)
    for path in args.check:
        rows = retrieve_all(assistant, load_questions(path))
        for label, point in (("chosen", chosen), ("shipped", shipped)):
            records = answer_at(assistant, rows, point, args.k)
            print(report(f"{label} {point} | {path.stem}", records, args.k), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
