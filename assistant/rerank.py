"""Rerank the fused candidates and score the sentences an answer may quote, with the learned
relevance models of :mod:`assistant.relevance`.

A passage is judged on what retrieval already computed (its stored vector's similarity, its dense,
BM25 and fused ranks and BM25 score) and on the question's rare terms it holds, so reranking
costs no model call. Reading every candidate's sentences with the bi-encoder as well was tried:
it cost ~0.7 s a question and found no more answers on unseen questions (evals/README.md). The
learned answer step reads the sentences of the top passages; their vectors are cached by text.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.callbacks import Callbacks
from langchain_core.documents import BaseDocumentCompressor, Document
from pydantic import ConfigDict

from assistant.boilerplate import Boilerplate
from assistant.embeddings import SentenceEmbeddings
from assistant.fit import Uniform
from assistant.keyword import content_terms, tokenize
from assistant.query import QueryPlan, plan_query
from assistant.relevance import (
    ANSWERABLE_FEATURES,
    PASSAGE_FEATURES,
    SENTENCE_FEATURES,
    RelevanceModels,
)
from assistant.sentences import words
from assistant.subject import in_context
from assistant.types import Passage
from assistant.units import (
    SHORT_UNIT_WORDS,
    Unit,
    has_content,
    is_furniture,
    is_title,
    units_of,
)

CACHE_SIZE = 50_000
LONG_UNIT_WORDS = 60


@dataclass(slots=True)
class Candidate:
    """A fused candidate and what retrieval knows about it."""

    passage: Passage
    dense_rank: int | None = None
    bm25_rank: int | None = None
    chunk_cos: float = 0.0
    bm25_score: float = 0.0
    fused_rank: int | None = None
    logit: float = 0.0
    features: np.ndarray = field(default_factory=lambda: np.zeros(0))


class VectorCache:
    """Unit-length sentence vectors by text, least recently used dropped first."""

    def __init__(self, embeddings: SentenceEmbeddings, size: int = CACHE_SIZE) -> None:
        self.embeddings = embeddings
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vector in zip(missing, self.embeddings.encode(missing), strict=True):
                self._cache[text] = vector
        rows = []
        for text in texts:
            self._cache.move_to_end(text)
            rows.append(self._cache[text])
        while len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


@dataclass(slots=True)
class Asked:
    """A question as scoring reads it: its text, its parts, their vectors and rare terms."""

    plan: QueryPlan
    vector: np.ndarray
    part_vectors: np.ndarray
    terms: set[str]
    weight: float


class RelevanceScorer:
    """Features of passages and sentences for a question, scored by the learned models."""

    def __init__(
        self,
        embeddings: SentenceEmbeddings,
        terms: Any = None,
        boilerplate: Boilerplate | None = None,
        models: RelevanceModels | None = None,
    ) -> None:
        self.vectors = VectorCache(embeddings)
        self.terms = terms or Uniform()
        self.boilerplate = boilerplate or Boilerplate(set())
        self.models = models or RelevanceModels.load()

    def asked(self, plan: QueryPlan) -> Asked:
        texts = [plan.text, *(part.text for part in plan.parts)]
        vectors = self.vectors.encode(texts)
        terms = content_terms(f"{plan.topic} {plan.question}" if plan.topic else plan.question)
        weight = sum(self.terms.idf(t) for t in terms)
        return Asked(plan, vectors[0], vectors[1:], terms, weight)

    def share(self, asked: Asked, text: str) -> float:
        """idf-weighted share of the question's terms that ``text`` holds."""
        if not asked.weight:
            return 0.0
        held = asked.terms & set(tokenize(text))
        return sum(self.terms.idf(t) for t in held) / asked.weight

    # --- passages ------------------------------------------------------------------------

    def rerank(self, asked: Asked, candidates: list[Candidate]) -> list[Candidate]:
        """``candidates`` best first by the passage model; each gets its logit."""
        if not candidates:
            return []
        rows = with_gaps(
            np.vstack([self.passage_features(asked, c) for c in candidates]),
            PASSAGE_FEATURES,
            {"coverage_gap": "coverage", "bm25_gap": "bm25"},
        )
        logits = self.models.passage.logit(rows)
        for candidate, row, logit in zip(candidates, rows, logits, strict=True):
            candidate.features = row
            candidate.logit = float(logit)
            candidate.passage.score = float(logit)
        # A stable sort: ties keep the fused order.
        return sorted(candidates, key=lambda c: -c.logit)

    def passage_features(self, asked: Asked, candidate: Candidate) -> np.ndarray:
        passage = candidate.passage
        plan = asked.plan
        meta = passage.metadata
        named = plan.named_fits(meta)
        values = {
            "chunk_cos": candidate.chunk_cos,
            "dense_rr": _reciprocal(candidate.dense_rank),
            "bm25_rr": _reciprocal(candidate.bm25_rank),
            "fused_rr": _reciprocal(candidate.fused_rank),
            "bm25": math.log1p(candidate.bm25_score),
            "kind_match": float(plan.kind_fits(meta)),
            "coverage": self.share(asked, in_context(passage)),
            "named_match": float(sum(fits is True for fits in named)),
            "named_miss": float(sum(fits is False for fits in named)),
            "no_content": float(not has_content(passage)),
        }
        return np.array([values.get(name, 0.0) for name in PASSAGE_FEATURES])

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
            "best_coverage": max((self.share(asked, in_context(p)) for p in passages), default=0),
            "named_unmatched": float(unmatched),
        }
        return np.array([values[name] for name in ANSWERABLE_FEATURES])

    # --- sentences -----------------------------------------------------------------------

    def score_units(self, asked: Asked, ranked: list[Candidate]) -> list[Unit]:
        """Every quotable unit of the ``ranked`` passages, ``score`` its probability of
        answering the question and ``part_fits`` that of answering each part."""
        units, rows, part_rows = self.unit_features(asked, ranked)
        if not units:
            return []
        model = self.models.sentence
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
        vectors = self.vectors.encode([u.text for u in units])
        cos = vectors @ asked.vector
        part_cos = vectors @ asked.part_vectors.T if len(asked.part_vectors) else None
        rows: list[np.ndarray] = []
        part_rows: list[np.ndarray] = []
        for i, unit in enumerate(units):
            candidate = ranked[unit.passage_rank]
            unit.vector = vectors[i]
            unit.title = is_title(unit.text, candidate.passage.metadata)
            unit.boilerplate = unit.text in self.boilerplate
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
            "overlap": self.share(asked, unit.text),
            "title_overlap": self.share(asked, title),
            "passage_logit": candidate.logit,
            "passage_rr": _reciprocal(unit.passage_rank),
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


def with_gaps(rows: np.ndarray, names: Sequence[str], gaps: dict[str, str]) -> np.ndarray:
    """``rows`` with each gap column set to its source column less that column's maximum:
    how far a candidate is from the best one for the same question."""
    rows = rows.copy()
    for gap, source in gaps.items():
        column = rows[:, names.index(source)]
        rows[:, names.index(gap)] = column - column.max()
    return rows


def _reciprocal(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / (1 + rank)


class LearnedReranker(BaseDocumentCompressor):
    """The passage model as a LangChain document compressor (for
    ``ContextualCompressionRetriever``): documents from the hybrid retriever, reordered, the
    ``top_n`` best kept, each with its ``relevance`` logit in the metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    scorer: RelevanceScorer
    top_n: int = 5

    def compress_documents(
        self, documents: Sequence[Document], query: str, callbacks: Callbacks | None = None
    ) -> Sequence[Document]:
        asked = self.scorer.asked(plan_query(query))
        candidates = [
            Candidate(
                Passage(
                    id=str(doc.id or ""),
                    text=doc.page_content,
                    source=str(doc.metadata.get("source", "")),
                    page=int(doc.metadata.get("page") or 0),
                    score=0.0,
                    metadata=dict(doc.metadata),
                ),
                dense_rank=doc.metadata.get("dense_rank"),
                bm25_rank=doc.metadata.get("bm25_rank"),
                chunk_cos=float(doc.metadata.get("chunk_cos") or 0.0),
                bm25_score=float(doc.metadata.get("bm25_score") or 0.0),
                fused_rank=fused_rank,  # the base retriever's order
            )
            for fused_rank, doc in enumerate(documents)
        ]
        ranked = self.scorer.rerank(asked, candidates)[: self.top_n]
        return [
            Document(
                id=c.passage.id,
                page_content=c.passage.text,
                metadata={**c.passage.metadata, "relevance": c.logit},
            )
            for c in ranked
        ]
