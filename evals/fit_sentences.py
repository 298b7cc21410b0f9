"""Fit the weights of the answer step's sentence score (``assistant/answer/sentence_weights.json``)
on labelled question sets.

    python -m evals.fit_sentences --set ../shared/corpus ../shared/eval/dev.jsonl \\
        --set corpus evals/demo.jsonl

For every question, the quotable units of its top five passages are read as the answer step
reads them (:meth:`SentenceScorer.feature_rows`). The weights maximise, by a softmax over those
units and a "none of them" choice, the share of the units holding every expected answer string
(or, where none holds them all, one of them); for an unanswerable question, of "none".

The similarity to the question is read twice: without an adapter (the ``plain`` weights) and
with the sentence query adapter (``adapted``). So that the adapted weights trust the
similarity no more than it earns on unseen questions, each set's similarities come from a
sentence adapter fitted without that set (as ``evals.fit_adapter`` fits it, from the shipped
retrieval adapter). The report gives each set's best unit, before and after, for weights fitted
without that set.

The fitted score is then put on the scale the rest of the answer step is set in: a unit's
distance from the best unit keeps the size the margins (``SAME_PASSAGE_SLACK``, …) expect, and
the abstention threshold falls where "none" is chosen with the cut that puts the most training
questions on the right side (a question the answer step's other checks decline counts for
neither cut).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer.weights import FEATURES, PRIORS, WEIGHTS_FILE, SentenceWeights
from evals.fit_adapter import SentenceExample, fit, held_out_sets
from evals.fit_relevance import open_assistant
from evals.run import load_questions
from evals.scoring import contains

NAMES = FEATURES + PRIORS
COSINE = NAMES.index("cosine")
CUTS = np.arange(-4.0, 2.01, 0.25)  # margins over "none" tried as the abstention cut
# The sentence adapter's fit, as evals.fit_adapter makes it.
ADAPTER_L2, ADAPTER_EPOCHS, ADAPTER_TAU = 0.01, 5, 0.05


@dataclass
class Row:
    """One question: its units' features, its vectors, which units answer, how it was answered."""

    set_name: str
    answerable: bool
    features: np.ndarray  # units × NAMES, the similarity read as asked
    question: np.ndarray
    units: np.ndarray
    positive: np.ndarray | None  # None: no unit answers (unanswerable, or not retrieved)
    before: np.ndarray  # the units' scores with the weights in use when collected
    declined: bool  # declined by the answer step's other checks
    question_id: str = ""


def collect(corpus: Path, questions_file: Path) -> list[Row]:
    """The questions of one set whose top passages have quotable units."""
    return collect_from(open_assistant(corpus, fitted=True), questions_file)


def collect_from(assistant: Any, questions_file: Path) -> list[Row]:
    """:func:`collect` with an assistant already open."""
    scorer = assistant.answerer.scorer
    threshold = assistant.settings.abstain_threshold
    rows = []
    for question in load_questions(questions_file):
        plan = assistant.plan(question.question, list(question.history) or None)
        passages = assistant.search(plan)
        units, features, vector = scorer.feature_rows(plan, passages[:5])
        if not units:
            continue
        before = np.array([u.score for u in units])
        answer = assistant.answerer.answer(plan, passages)
        rows.append(
            Row(
                questions_file.stem,
                question.answerable,
                np.array([[f[name] for name in NAMES] for f in features], dtype=np.float32),
                np.asarray(vector, dtype=np.float32),
                np.vstack([u.vector for u in units]).astype(np.float32),
                _positives([u.text for u in units], question.answer_contains)
                if question.answerable
                else None,
                before,
                answer.abstained and before.max() >= threshold,
                question.id,
            )
        )
    return rows


def _positives(texts: list[str], strings: Sequence[str]) -> np.ndarray | None:
    every = np.array([all(contains(t, s) for s in strings) for t in texts])
    some = np.array([any(contains(t, s) for s in strings) for t in texts])
    return every if every.any() else some if some.any() else None


def with_similarity(
    rows: Sequence[Row], matrices: dict[str, np.ndarray | None]
) -> list[np.ndarray]:
    """Each row's features with the similarity read by its set's adapter (None: as asked)."""
    result = []
    for row in rows:
        matrix = matrices[row.set_name]
        vector = row.question if matrix is None else row.question + row.question @ matrix
        features = row.features.copy()
        features[:, COSINE] = row.units @ (vector / np.linalg.norm(vector))
        result.append(features)
    return result


def fit_weights(
    rows: Sequence[Row], features: Sequence[np.ndarray], l2: float
) -> tuple[np.ndarray, float]:
    """Weights and the "none" score by L-BFGS on the mean softmax loss (answerable questions no
    unit answers are left out: their passages were not the right ones)."""
    import torch

    data = [
        (torch.from_numpy(x), None if r.positive is None else torch.from_numpy(r.positive))
        for r, x in zip(rows, features, strict=True)
        if not (r.answerable and r.positive is None)
    ]
    weights = torch.zeros(len(NAMES), requires_grad=True)
    none = torch.zeros((), requires_grad=True)
    optimiser = torch.optim.LBFGS([weights, none], max_iter=300, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss = torch.zeros(())
        for x, positive in data:
            scores = torch.cat([x @ weights, none.view(1)])
            chosen = scores[-1] if positive is None else torch.logsumexp(scores[:-1][positive], 0)
            loss = loss + torch.logsumexp(scores, 0) - chosen
        loss = loss / len(data) + l2 * (weights**2).sum()
        loss.backward()
        return loss

    optimiser.step(closure)
    return weights.detach().numpy().astype(np.float64), float(none.detach())


def best_answers(rows: Sequence[Row], scores: Sequence[np.ndarray]) -> float:
    """Share of the questions some unit answers whose best-scored unit answers."""
    hits = [
        r.positive[int(np.argmax(s))]
        for r, s in zip(rows, scores, strict=True)
        if r.answerable and r.positive is not None
    ]
    return float(np.mean(hits))


def choose_cut(rows: Sequence[Row], margins: Sequence[float]) -> float:
    """The margin over "none" below which to decline that puts the most questions right: an
    answerable one some unit answers is answered, an unanswerable one declined."""

    def right(cut: float) -> int:
        total = 0
        for row, margin in zip(rows, margins, strict=True):
            if row.declined:
                continue
            if row.answerable and row.positive is not None:
                total += margin >= cut
            elif not row.answerable:
                total += margin < cut
        return total

    return float(max(CUTS, key=lambda cut: (right(cut), cut)))


def on_scale(
    rows: Sequence[Row], learned: Sequence[np.ndarray], cut: float, none: float, threshold: float
) -> tuple[float, float]:
    """``alpha`` and ``bias`` putting learned scores on the scale of the scores before: units'
    distances from their question's mean keep their size on average, and a margin of ``cut``
    over "none" falls on ``threshold``."""
    before = np.concatenate([r.before - r.before.mean() for r in rows])
    after = np.concatenate([s - s.mean() for s in learned])
    alpha = float(before @ after / (after @ after))
    return alpha, threshold - alpha * (none + cut)


def fit_kind(
    rows: Sequence[Row],
    matrices: dict[str, np.ndarray | None],
    l2: float,
    threshold: float,
    current: SentenceWeights,
) -> SentenceWeights:
    """Weights fitted on every set; the cut and the report from weights fitted without the set
    each question is from, beside the ``current`` weights on the same similarities."""
    features = dict(zip(map(id, rows), with_similarity(rows, matrices), strict=True))
    in_use = np.array([current[name] for name in NAMES])
    out_of_fold: dict[int, np.ndarray] = {}
    margins: dict[int, float] = {}
    for _, held, rest in held_out_sets(rows):
        weights, none = fit_weights(rest, [features[id(r)] for r in rest], l2)
        for row in held:
            out_of_fold[id(row)] = features[id(row)] @ weights
            margins[id(row)] = float(out_of_fold[id(row)].max() - none)
    cut = choose_cut(rows, [margins[id(r)] for r in rows])
    weights, none = fit_weights(rows, [features[id(r)] for r in rows], l2)
    learned = [features[id(r)] @ weights for r in rows]
    alpha, bias = on_scale(rows, learned, cut, none, threshold)
    report = {
        "questions": len(rows),
        "best unit answers, weights before": round(
            best_answers(rows, [features[id(r)] @ in_use for r in rows]), 3
        ),
        "best unit answers, fitted without the set": round(
            best_answers(rows, [out_of_fold[id(r)] for r in rows]), 3
        ),
        "cut": cut,
        "scale": round(alpha, 4),
        "l2": l2,
    }
    named = {name: round(float(alpha * w), 4) for name, w in zip(NAMES, weights, strict=True)}
    return SentenceWeights(named, round(bias, 4), report)


def fold_adapters(rows: Sequence[Row], retrieval: np.ndarray) -> dict[str, np.ndarray | None]:
    """For each set, a sentence adapter fitted on the other sets (from ``retrieval``)."""
    examples = [
        SentenceExample(r.set_name, r.question, r.units, r.positive)
        for r in rows
        if r.answerable and r.positive is not None
    ]
    return {
        name: fit(rest, ADAPTER_L2, ADAPTER_EPOCHS, ADAPTER_TAU, retrieval)
        for name, _, rest in held_out_sets(examples)
    } | {r.set_name: None for r in rows if r.set_name not in {e.set_name for e in examples}}


def main(argv: Sequence[str] | None = None) -> int:
    from assistant.retrieval.adapter import QueryAdapter
    from assistant.settings import Settings
    from evals.fit_relevance import sets_parser

    parser = sets_parser(__doc__, WEIGHTS_FILE)
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)
    if len({Path(q).resolve() for _, q in args.set}) < 2:
        parser.error("give at least two question sets: each is scored by weights fitted without it")
    settings = Settings()
    rows = [row for corpus, questions in args.set for row in collect(Path(corpus), Path(questions))]
    sets = [Path(q).name for _, q in args.set]
    threshold = settings.abstain_threshold
    plain = fit_kind(
        rows, {r.set_name: None for r in rows}, args.l2, threshold, SentenceWeights.load(False)
    )
    adapters = QueryAdapter.for_model(settings.embedding_model)
    fitted = {"plain": plain}
    if "retrieval" in adapters:
        matrices = fold_adapters(rows, adapters["retrieval"].matrix.astype(np.float32))
        current = SentenceWeights.load(True)
        fitted["adapted"] = fit_kind(rows, matrices, args.l2, threshold, current)
    else:
        print("no query adapter for this model: the plain weights serve both", file=sys.stderr)
        fitted["adapted"] = plain
    for kind, weights in fitted.items():
        weights.fitted_on["sets"] = sets
        print(f"{kind}: {weights.fitted_on}\n  {weights.weights} bias {weights.bias}")
    SentenceWeights.save_all(fitted, args.out)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
