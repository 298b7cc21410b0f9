"""Fit the learned relevance models (``assistant/relevance.json``) on labelled question sets.

    python -m evals.fit_relevance --set ../shared/corpus ../shared/eval/dev.jsonl \\
        --set corpus evals/demo.jsonl

For every answerable question, each fused candidate passage is a row for the passage model,
labelled as the scorer labels support (``evals.scoring.supports``); each sentence of the passages
the fitted reranker puts first is a row for the sentence model, labelled by whether it holds an
expected answer string. The abstention threshold is the sentence probability that best separates
answerable questions from unanswerable ones (both weighted equally). Indexes are built (or
reused) exactly as ``evals.run`` builds them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer.sentence_relevance import SentenceRelevance
from assistant.retrieval.relevance import (
    ANSWERABLE_FEATURES,
    PASSAGE_FEATURES,
    SENTENCE_FEATURES,
    WEIGHTS_FILE,
    LogisticModel,
    RelevanceModels,
)
from evals.run import load_questions
from evals.scoring import Question, contains, supports

SENTENCE_PASSAGES = 5


@dataclass
class Collected:
    """Feature rows and labels gathered from question sets."""

    passage_rows: list[np.ndarray]
    passage_labels: list[float]
    questions: list[tuple[Any, Question, Any]]  # (assistant, question, plan)


@cache
def open_assistant(corpus: Path, fitted: bool = False, index_dir: Path | None = None) -> Any:
    """The assistant over ``corpus``'s evaluation index (or the one in ``index_dir``), with
    unfitted relevance models (or, ``fitted``, the shipped ones); opened once a process for
    all the sets over that corpus."""
    from assistant.core import build_assistant
    from assistant.ingest.pipeline import ingest
    from assistant.settings import Settings
    from evals.run import index_dir_for, parse_args

    where = ["--index-dir", str(index_dir)] if index_dir else []
    args = parse_args(["--corpus", str(corpus), "--questions", os.devnull, *where])
    settings = Settings(corpus_path=corpus)
    settings = replace_settings(settings, index_path=index_dir_for("assistant", args, settings))
    ingest(settings, progress=False)
    return build_assistant(settings, models=None if fitted else RelevanceModels.unfitted())


def replace_settings(settings: Any, **changes: Any) -> Any:
    return settings.model_copy(update=changes)


def collect_passages(
    sets: Sequence[tuple[Path, Path]], index_dir: Path | None = None
) -> Collected:
    collected = Collected([], [], [])
    for corpus, questions_file in sets:
        assistant = open_assistant(corpus, index_dir=index_dir)
        for question in load_questions(questions_file):
            plan = assistant.plan(question.question, list(question.history) or None)
            collected.questions.append((assistant, question, plan))
            if not question.answerable:
                continue
            scorer = assistant.retriever.scorer
            candidates = assistant.retriever.candidates(plan)
            asked = scorer.asked(plan)
            for candidate in scorer.rerank(asked, candidates):
                collected.passage_rows.append(candidate.features)
                passage = candidate.passage
                collected.passage_labels.append(
                    float(supports(passage.source, passage.text, question))
                )
    return collected


def sentence_rows(
    collected: Collected, passage_model: LogisticModel
) -> tuple[np.ndarray, np.ndarray, list[tuple[bool, list[np.ndarray]]], list[Any]]:
    """Rows and labels of the sentence model, per question (answerable?, its rows), and per
    question what the answerable model reads (scorer, asked, ranked passages, units)."""
    rows: list[np.ndarray] = []
    labels: list[float] = []
    per_question: list[tuple[bool, list[np.ndarray]]] = []
    contexts: list[Any] = []
    for assistant, question, plan in collected.questions:
        scorer = assistant.retriever.scorer
        scorer.models = replace(scorer.models, passage=passage_model)
        asked = scorer.asked(plan)
        ranked = scorer.rerank(asked, assistant.retriever.candidates(plan))[:SENTENCE_PASSAGES]
        units, unit_rows, _ = SentenceRelevance(scorer).unit_features(asked, ranked)
        per_question.append((question.answerable, list(unit_rows)))
        contexts.append((scorer, asked, [c.passage for c in ranked], units, unit_rows))
        if not question.answerable:
            continue
        for unit, row in zip(units, unit_rows, strict=True):
            rows.append(row)
            labels.append(float(any(contains(unit.text, s) for s in question.answer_contains)))
    return np.vstack(rows), np.asarray(labels), per_question, contexts


def answerable_rows(sentence_model: LogisticModel, contexts: list[Any]) -> np.ndarray:
    """One row per question for the answerable model, with the fitted sentence model."""
    rows = []
    for scorer, asked, passages, units, unit_rows in contexts:
        if units:
            for unit, p in zip(units, sentence_model.probability(unit_rows), strict=True):
                unit.score = float(p)
        rows.append(SentenceRelevance(scorer).question_features(asked, passages, units))
    return np.vstack(rows)


def best_threshold(best: list[tuple[bool, float]]) -> float:
    """The cut on a per-question probability that best separates answerable from unanswerable
    questions: the most questions on the right side (answered when answerable, declined when
    not), the midpoint of the best interval."""
    answerable = np.array([p for a, p in best if a])
    unanswerable = np.array([p for a, p in best if not a])
    cuts = np.unique(np.concatenate([answerable, unanswerable, [0.0, 1.0]]))
    scored = []
    for low, high in zip(cuts[:-1], cuts[1:], strict=True):
        cut = (low + high) / 2
        right = int((answerable >= cut).sum() + (unanswerable < cut).sum())
        scored.append((right, -abs(cut - 0.5), cut))
    return max(scored)[2]


def sets_parser(doc: str, out: Path) -> argparse.ArgumentParser:
    """The options every fitting command shares: labelled sets (``--set CORPUS QUESTIONS``,
    repeated) and where the fitted file goes."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument(
        "--set", nargs=2, action="append", metavar=("CORPUS", "QUESTIONS"), required=True
    )
    parser.add_argument("--out", type=Path, default=out)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = sets_parser(__doc__, WEIGHTS_FILE)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--slack", type=float, default=0.2)
    parser.add_argument(
        "--index-dir", type=Path, help="an index of the sets' corpus already built (one corpus)"
    )
    args = parser.parse_args(argv)
    sets = [(Path(c), Path(q)) for c, q in args.set]
    collected = collect_passages(sets, args.index_dir)
    passage_model = LogisticModel.fit(
        PASSAGE_FEATURES, np.vstack(collected.passage_rows), np.asarray(collected.passage_labels),
        l2=args.l2,
    )
    rows, labels, per_question, contexts = sentence_rows(collected, passage_model)
    sentence_model = LogisticModel.fit(SENTENCE_FEATURES, rows, labels, l2=args.l2)
    floor = best_threshold(
        [
            (answerable, float(sentence_model.probability(np.vstack(r)).max()) if r else 0.0)
            for answerable, r in per_question
        ]
    )
    question_rows = answerable_rows(sentence_model, contexts)
    answerable = np.array([float(a) for a, _ in per_question])
    answerable_model = LogisticModel.fit(
        ANSWERABLE_FEATURES, question_rows, answerable, l2=args.l2
    )
    probabilities = answerable_model.probability(question_rows)
    pairs = list(zip(answerable, probabilities, strict=True))
    threshold = best_threshold([(bool(a), float(p)) for a, p in pairs])
    fitted_on = {
        "sets": [f"{q.name} ({sum(1 for _ in load_questions(q))} questions)" for _, q in sets],
        "passage_rows": len(collected.passage_labels),
        "passage_positives": int(sum(collected.passage_labels)),
        "sentence_rows": len(labels),
        "sentence_positives": int(labels.sum()),
        "l2": args.l2,
    }
    models = RelevanceModels(
        passage_model, sentence_model, answerable_model, threshold, floor, args.slack, fitted_on
    )
    models.save(args.out)
    named = (("passage", passage_model), ("sentence", sentence_model))
    for name, model in (*named, ("answerable", answerable_model)):
        named_weights = zip(model.names, model.weights, strict=True)
        weights = ", ".join(f"{n}={w:+.2f}" for n, w in named_weights)
        print(f"{name}: bias={model.bias:+.2f} {weights}")
    for label, p in sorted(pairs, key=lambda pair: pair[1]):
        print(f"answerable p={p:.3f} {'answerable' if label else 'unanswerable'}")
    print(f"threshold={threshold:.3f} floor={floor:.3f} slack={args.slack} {fitted_on}")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
