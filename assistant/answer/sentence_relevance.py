"""The learned sentence and answerable models at work: every quotable unit of the reranked
passages scored on its probability of answering the question (and each of its parts), and the
features the answerable model reads. The learned answer step quotes from these."""

from __future__ import annotations

import math

import numpy as np

from assistant.retrieval.passages import (
    SHORT_UNIT_WORDS,
    Unit,
    in_context,
    is_furniture,
    is_title,
    units_of,
)
from assistant.retrieval.relevance import ANSWERABLE_FEATURES, SENTENCE_FEATURES
from assistant.retrieval.rerank import Asked, Candidate, RelevanceScorer, reciprocal, with_gaps
from assistant.text import words
from assistant.types import Passage

LONG_UNIT_WORDS = 60


class SentenceRelevance:
    """Scores sentences with the learned sentence model, reading what ``scorer`` knows of the
    question and its passages (vectors, rare terms, passage logits)."""

    def __init__(self, scorer: RelevanceScorer) -> None:
        self.scorer = scorer

    def question_features(
        self, asked: Asked, passages: list[Passage], units: list[Unit]
    ) -> np.ndarray:
        """What the answerable model reads: how well the best candidates answer."""
        fits = [asked.plan.named_fits(p.metadata) for p in passages]
        unmatched = sum(
            named is not None and not any(row[i] for row in fits)
            for i, named in enumerate(asked.plan.named_fits({}))
        )
        values = {
            "best_sentence": max((u.score for u in units), default=0.0),
            "best_passage": max((p.score for p in passages), default=-10.0),
            "best_coverage": max(
                (self.scorer.share(asked, in_context(p)) for p in passages), default=0
            ),
            "named_unmatched": float(unmatched),
        }
        return np.array([values[name] for name in ANSWERABLE_FEATURES])

    def score_units(self, asked: Asked, ranked: list[Candidate]) -> list[Unit]:
        """Every quotable unit of the ``ranked`` passages, ``score`` its probability of
        answering the question and ``part_fits`` that of answering each part."""
        units, rows, part_rows = self.unit_features(asked, ranked)
        if not units:
            return []
        model = self.scorer.models.sentence
        for unit, p in zip(units, model.probability(rows), strict=True):
            unit.score = float(p)
        if len(asked.part_vectors):
            n = len(asked.part_vectors)
            fits = model.probability(part_rows).reshape(len(units), n)
            for unit, row in zip(units, fits, strict=True):
                unit.part_fits = [float(v) for v in row]
        for unit in units:
            unit.topic_fit = max([unit.score, *unit.part_fits])
        return units

    def unit_features(
        self, asked: Asked, ranked: list[Candidate]
    ) -> tuple[list[Unit], np.ndarray, np.ndarray]:
        """The units of the ranked passages, their feature rows for the whole question, and
        (for a question of several parts) one row per unit and part, unit-major."""
        units = [u for rank, c in enumerate(ranked) for u in units_of(rank, c.passage)]
        if not units:
            return [], np.zeros((0, len(SENTENCE_FEATURES))), np.zeros((0, 0))
        vectors = self.scorer.vectors.encode([u.text for u in units])
        cos = vectors @ asked.vector
        part_cos = vectors @ asked.part_vectors.T if len(asked.part_vectors) else None
        rows: list[np.ndarray] = []
        part_rows: list[np.ndarray] = []
        for i, unit in enumerate(units):
            candidate = ranked[unit.passage_rank]
            unit.vector = vectors[i]
            unit.title = is_title(unit.text, candidate.passage.metadata)
            unit.boilerplate = unit.text in self.scorer.boilerplate
            base = self._unit_values(asked, unit, candidate)
            best_part = float(cos[i] if part_cos is None else part_cos[i].max())
            rows.append(_row(base, float(cos[i]), best_part))
            if part_cos is not None:
                part_rows.extend(_row(base, float(c), float(c)) for c in part_cos[i])
        gaps = {"cos_gap": "part_cos", "overlap_gap": "overlap"}
        whole = with_gaps(np.vstack(rows), SENTENCE_FEATURES, gaps)
        if not part_rows:
            return units, whole, np.zeros((0, len(SENTENCE_FEATURES)))
        # Each part's rows are measured against the best sentence for that part.
        n = len(asked.part_vectors)
        parts = np.vstack(part_rows).reshape(len(units), n, -1)
        for j in range(n):
            parts[:, j, :] = with_gaps(parts[:, j, :], SENTENCE_FEATURES, gaps)
        return units, whole, parts.reshape(len(units) * n, -1)

    def _unit_values(self, asked: Asked, unit: Unit, candidate: Candidate) -> dict[str, float]:
        meta = candidate.passage.metadata
        title = f"{meta.get('heading', '')} {meta.get('item_title', '')}"
        n = words(unit.text)
        return {
            "overlap": self.scorer.share(asked, unit.text),
            "title_overlap": self.scorer.share(asked, title),
            "passage_logit": candidate.logit,
            "passage_rr": reciprocal(unit.passage_rank),
            "short": float(n < SHORT_UNIT_WORDS and not unit.title),
            "title": float(unit.title),
            "furniture": float(is_furniture(unit.text)),
            "boilerplate": float(unit.boilerplate),
            "resolution": float(
                asked.plan.wants_resolution and meta.get("section_kind") == "resolution"
            ),
            "log_words": math.log(1 + n),
            "long": float(n > LONG_UNIT_WORDS),
        }


def _row(base: dict[str, float], cos: float, part_cos: float) -> np.ndarray:
    values = {**base, "cos": cos, "part_cos": part_cos}
    return np.array([values.get(name, 0.0) for name in SENTENCE_FEATURES])
