"""Rerank the fused candidates and score the sentences an answer may quote, with the learned
relevance models of :mod:`assistant.retrieval.relevance`.

A passage is judged on what retrieval already computed (its stored vector's similarity, its dense,
BM25 and fused ranks and BM25 score) and on the question's rare terms it holds, so reranking
costs no model call. Reading every candidate's sentences with the bi-encoder as well was tried:
it cost ~0.7 s a question and found no more answers on unseen questions (evals/README.md). The
learned answer step reads the sentences of the top passages; their vectors are cached by text.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from langchain_core.callbacks import Callbacks
from langchain_core.documents import BaseDocumentCompressor, Document
from pydantic import ConfigDict

from assistant.retrieval.passages import (
    has_content,
    in_context,
)
from assistant.retrieval.question import Query, understand
from assistant.retrieval.relevance import (
    PASSAGE_FEATURES,
    RelevanceModels,
)
from assistant.store.boilerplate import Boilerplate
from assistant.store.embeddings import SentenceEmbeddings
from assistant.store.keyword import TermStats, Uniform
from assistant.store.sentence_vectors import SentenceVectors
from assistant.text import tokenize
from assistant.types import Passage

CACHE_SIZE = 50_000


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
    """Unit-length sentence vectors by text: the ones saved at ingest, then the ones embedded
    since (least recently used dropped first)."""

    def __init__(
        self,
        embeddings: SentenceEmbeddings,
        size: int = CACHE_SIZE,
        saved: SentenceVectors | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.size = size
        self.saved = saved if saved is not None else SentenceVectors.empty()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:  # the UI answers users on several threads
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            unsaved = [t for t in missing if not self._from_saved(t)]
            if unsaved:
                for text, vector in zip(unsaved, self.embeddings.encode(unsaved), strict=True):
                    self._cache[text] = vector
            rows = []
            for text in texts:
                self._cache.move_to_end(text)
                rows.append(self._cache[text])
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)

    def _from_saved(self, text: str) -> bool:
        vector = self.saved.get(text)
        if vector is not None:
            self._cache[text] = vector
        return vector is not None


@dataclass(slots=True)
class Asked:
    """A question as scoring reads it: its text, its parts, their vectors and rare terms."""

    plan: Query
    vector: np.ndarray
    part_vectors: np.ndarray
    terms: set[str]
    weight: float


class RelevanceScorer:
    """Features of passages and sentences for a question, scored by the learned models."""

    def __init__(
        self,
        embeddings: SentenceEmbeddings,
        terms: TermStats | None = None,
        boilerplate: Boilerplate | None = None,
        models: RelevanceModels | None = None,
        saved: SentenceVectors | None = None,
    ) -> None:
        self.vectors = VectorCache(embeddings, saved=saved)
        self.terms: TermStats = terms or Uniform()
        self.boilerplate = boilerplate or Boilerplate(set())
        self.models = models or RelevanceModels.load()

    def asked(self, plan: Query) -> Asked:
        texts = [plan.text, *(part.text for part in plan.parts)]
        vectors = self.vectors.encode(texts)
        terms = set(plan.subject.terms)
        weight = sum(self.terms.idf(t) for t in terms)
        return Asked(plan, vectors[0], vectors[1:], terms, weight)

    def share(self, asked: Asked, text: str) -> float:
        """idf-weighted share of the question's terms that ``text`` holds."""
        if not asked.weight:
            return 0.0
        held = asked.terms & set(tokenize(text))
        return sum(self.terms.idf(t) for t in held) / asked.weight

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
            "dense_rr": reciprocal(candidate.dense_rank),
            "bm25_rr": reciprocal(candidate.bm25_rank),
            "fused_rr": reciprocal(candidate.fused_rank),
            "bm25": math.log1p(candidate.bm25_score),
            "kind_match": float(plan.kind_fits(meta)),
            "coverage": self.share(asked, in_context(passage)),
            "named_match": float(sum(fits is True for fits in named)),
            "named_miss": float(sum(fits is False for fits in named)),
            "no_content": float(not has_content(passage)),
        }
        return np.array([values.get(name, 0.0) for name in PASSAGE_FEATURES])


def with_gaps(rows: np.ndarray, names: Sequence[str], gaps: dict[str, str]) -> np.ndarray:
    """``rows`` with each gap column set to its source column less that column's maximum:
    how far a candidate is from the best one for the same question."""
    rows = rows.copy()
    for gap, source in gaps.items():
        column = rows[:, names.index(source)]
        rows[:, names.index(gap)] = column - column.max()
    return rows


def reciprocal(rank: int | None) -> float:
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
        asked = self.scorer.asked(understand(query))
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
