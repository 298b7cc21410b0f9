"""Hybrid retrieval: dense (Chroma) and BM25 fused by reciprocal rank, with filters and boosts.

User filters (committee, dates, document kind) are hard: they go to Chroma as a ``where`` clause
and to BM25 as a predicate. What the question itself names (``Query``) is soft: a boost in the
fused score, so a slightly wrong reading of the question never empties the results.

LangChain's ``EnsembleRetriever`` fuses whole retrievers' document lists by weighted reciprocal
rank; this fusion also folds in each part's rankings for a question of several parts and the
boosts for what the question names, and keeps every candidate's dense and BM25 ranks and scores,
which the learned reranker reads. So ``fuse_rankings`` is written out here; the retriever is
still a LangChain ``BaseRetriever`` (``invoke(question, filters=..., history=...)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from assistant.retrieval.adapter import QueryAdapter
from assistant.retrieval.complete_sentences import Neighbours
from assistant.retrieval.names import Vocabulary
from assistant.retrieval.passages import has_content, to_passage
from assistant.retrieval.question import Query, understand
from assistant.retrieval.rerank import Candidate, RelevanceScorer
from assistant.settings import Settings
from assistant.store.chroma import IndexStore
from assistant.store.keyword import KeywordIndex
from assistant.types import Filters, Passage

QUERY_VECTORS_KEPT = 64


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """The Chroma ``where`` clause for user filters (None when there are none)."""
    if filters is None:
        return None
    clauses: list[dict[str, Any]] = []
    if filters.committee:
        clauses.append({"committee": filters.committee})
    if filters.doc_kind:
        clauses.append({"doc_kind": filters.doc_kind})
    if filters.date_from:
        clauses.append({"date_num": {"$gte": int(filters.date_from.strftime("%Y%m%d"))}})
    if filters.date_to:
        clauses.append({"date_num": {"$lte": int(filters.date_to.strftime("%Y%m%d"))}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def passes(filters: Filters | None, meta: dict[str, Any]) -> bool:
    """The same filters as ``chroma_where``, for the keyword index."""
    if filters is None:
        return True
    date_num = int(meta.get("date_num") or 0)
    return not (
        (filters.committee and meta.get("committee") != filters.committee)
        or (filters.doc_kind and meta.get("doc_kind") != filters.doc_kind)
        or (filters.date_from and date_num < int(filters.date_from.strftime("%Y%m%d")))
        or (filters.date_to and date_num > int(filters.date_to.strftime("%Y%m%d")))
    )


def diversify(ranked: list[str], source_of: Any, top: int, per_source: int) -> list[str]:
    """Let at most ``per_source`` passages of one file into the first ``top`` places, so a
    question about two documents sees both; the rest keep their order after them."""
    if per_source <= 0:
        return ranked
    head: list[str] = []
    deferred: list[str] = []
    counts: dict[str, int] = {}
    for key in ranked:
        source = source_of(key)
        if len(head) < top and counts.get(source, 0) < per_source:
            head.append(key)
            counts[source] = counts.get(source, 0) + 1
        else:
            deferred.append(key)
    return head + deferred


@dataclass(slots=True)
class Searched:
    """One search of a question: each chunk found (its text and metadata), and the fused
    ranking with its candidates' signals of the whole question and of each part."""

    found: dict[str, tuple[str, dict[str, Any]]]
    whole: tuple[dict[str, float], dict[str, Candidate]]
    parts: list[tuple[dict[str, float], dict[str, Candidate]]]


def kept_in_top(keys: list[str], order: list[str], top: int) -> list[str]:
    """``order`` with each of ``keys`` in the first ``top`` places, in place of the lowest placed
    others; the order among the places is kept."""
    head = order[:top]
    others = [key for key in head if key not in keys]
    missing = [key for key in dict.fromkeys(keys) if key not in head][: len(others)]
    dropped = set(others[len(others) - len(missing) :]) if missing else set()
    placed = (set(head) - dropped) | set(missing)
    return [key for key in order if key in placed] + [key for key in order if key not in placed]


def fuse_rankings(lists: list[tuple[float, dict[str, float]]], rrf_k: int) -> dict[str, float]:
    """Weighted reciprocal rank fusion of scored candidate lists (higher score ranks first)."""
    fused: dict[str, float] = {}
    for weight, scores in lists:
        for rank, key in enumerate(sorted(scores, key=lambda key: -scores[key])):
            fused[key] = fused.get(key, 0.0) + weight / (rrf_k + rank + 1)
    return fused


class HybridRetriever(BaseRetriever):
    """Dense + keyword retrieval fused by reciprocal rank (a LangChain retriever)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: IndexStore
    keyword: KeywordIndex
    settings: Settings
    vocabulary: Vocabulary = Vocabulary()
    use_dense: bool = True
    use_keyword: bool = True
    use_boosts: bool = True
    # Weight of each part's ranking against the whole question's (1.0) in a multi-part question.
    part_weight: float = 1.0

    # Unit-length stored vectors, row i = keyword.ids[i] (None: search Chroma's HNSW index).
    vectors: Any = None
    # The chunks by document and position, built on first use (completes cut sentences).
    neighbours: Neighbours | None = None
    # The learned reranker (None: fused order, as for the ablation rows without it).
    scorer: RelevanceScorer | None = None
    # The learned query adapter (None: the model's own question vectors).
    adapter: QueryAdapter | None = None
    _positions: dict[str, int] | None = None
    _query_vectors: dict[tuple[str, int], Any] = PrivateAttr(default_factory=dict)

    @classmethod
    def from_store(cls, store: IndexStore, settings: Settings) -> HybridRetriever:
        """Build the keyword index, name vocabulary and (for exact search) the vector matrix
        from what Chroma holds.

        Chroma's HNSW search is approximate: on the real corpus (9,085 chunks) it missed 6% of
        the true 40 nearest chunks on average, 95% for one question, and which ones it missed
        changed from one process to the next. Comparing with every vector is exact and
        repeatable, and takes milliseconds at council scale.
        """
        vectors = None
        if store.count() <= settings.exact_search_limit:
            ids, texts, metas, matrix = store.records_with_vectors()
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            vectors = matrix / np.where(norms == 0, 1.0, norms)
        else:
            store.tune_search()
            ids, texts, metas = store.records()
        return cls(
            store=store,
            keyword=KeywordIndex(ids, texts, metas),
            settings=settings,
            vocabulary=Vocabulary.from_metadata(metas),
            vectors=vectors,
        )

    def search(self, plan: Query, filters: Filters | None = None, k: int = 10) -> list[Passage]:
        """The ``k`` best passages for a planned question, best first.

        With the learned reranker on (``settings.rerank``) the fused candidates are reordered by
        it and ``Passage.score`` is its logit; for a question of several asking parts, each
        part's own best passage is then kept among the ``top_k`` (``settings.part_leaders``; one
        the whole question did not reach keeps its logit for its part). Otherwise the fused
        order stands, and a chunk that is only a heading or a label (it ranks high on its
        context header alone but holds nothing to quote) goes after the passages that do.
        """
        s = self.settings
        reranking = self.scorer is not None and s.rerank
        searched = self._search_lists(plan, filters)
        candidates = self._candidates(plan, searched, s.rerank_depth if reranking else 2 * k)
        leaders: list[Passage] = []
        if reranking and self.scorer is not None:
            candidates = self.scorer.rerank(self.scorer.asked(plan), candidates)
            if s.part_leaders:
                leaders = self._part_leaders(plan, searched, s.rerank_depth)
        by_id = {c.passage.id: c.passage for c in candidates}
        for leader in leaders:
            by_id.setdefault(leader.id, leader)
        order = diversify(list(by_id), lambda key: by_id[key].source, s.top_k, s.max_per_source)
        order = kept_in_top([p.id for p in leaders], order, s.top_k)
        passages = [by_id[key] for key in order]
        if not reranking:
            passages = sorted(passages, key=lambda p: not has_content(p))
        return passages[:k]

    def _part_leaders(self, plan: Query, searched: Searched, depth: int) -> list[Passage]:
        """For a question of several asking parts, the passage the reranker puts first for each
        part searched alone. Fused and reranked as a whole, the passages that serve every part
        a little outrank the one that answers one part well, such as the second of two reports
        a question asks about."""
        scorer = self.scorer
        pairs = zip(plan.parts, searched.parts, strict=True)
        asking = [(part, ranking) for part, ranking in pairs if part.asking]
        if scorer is None or len(asking) < 2:
            return []
        leaders = []
        for part, (fused, signals) in asking:
            own = self._ranked(part, fused, searched.found, signals, depth)
            ranked = scorer.rerank(scorer.asked(part), own)
            if ranked:
                leaders.append(ranked[0].passage)
        return leaders

    def candidates(
        self, plan: Query, filters: Filters | None = None, depth: int = 30
    ) -> list[Candidate]:
        """The ``depth`` best passages by fused rank, cut sentences completed.

        A question of several parts (``plan.parts``) is also searched part by part, and the
        rankings fused, so the passages each part needs can reach the candidates.
        """
        return self._candidates(plan, self._search_lists(plan, filters), depth)

    def _search_lists(self, plan: Query, filters: Filters | None) -> Searched:
        """The fused ranking of the whole question and of each of its parts, each with its
        candidates' signals."""
        found: dict[str, tuple[str, dict[str, Any]]] = {}
        signals: dict[str, Candidate] = {}
        whole = (self._fused(plan, filters, found, signals), signals)
        parts = []
        for part in plan.parts:
            own: dict[str, Candidate] = {}
            parts.append((self._fused(part, filters, found, own), own))
        return Searched(found, whole, parts)

    def _candidates(self, plan: Query, searched: Searched, depth: int) -> list[Candidate]:
        """The whole question's candidates: its ranking fused with its parts'."""
        fused, signals = searched.whole
        if searched.parts:
            lists = [(1.0, fused)] + [(self.part_weight, scores) for scores, _ in searched.parts]
            fused = fuse_rankings(lists, self.settings.rrf_k)
        return self._ranked(plan, fused, searched.found, signals, depth)

    def _ranked(
        self,
        plan: Query,
        fused: dict[str, float],
        found: dict[str, tuple[str, dict[str, Any]]],
        signals: dict[str, Candidate],
        depth: int,
    ) -> list[Candidate]:
        """The ``depth`` best of ``fused`` as candidates, cut sentences completed."""
        s = self.settings
        ranked = sorted(fused, key=lambda key: -fused[key])
        by_source = diversify(
            ranked, lambda key: str(found[key][1].get("source")), s.top_k, s.max_per_source
        )
        if self.neighbours is None:
            self.neighbours = Neighbours(self.keyword.texts, self.keyword.metadatas)
        result = []
        for fused_rank, key in enumerate(by_source[:depth]):
            passage = self.neighbours.complete(to_passage(key, *found[key], score=fused[key]))
            candidate = signals.get(key) or Candidate(passage)
            candidate.passage = passage
            candidate.fused_rank = fused_rank
            if key not in signals:
                candidate.chunk_cos = self._chunk_cos(key, plan.text)
            result.append(candidate)
        return result

    def _fused(
        self,
        plan: Query,
        filters: Filters | None,
        found: dict[str, tuple[str, dict[str, Any]]],
        signals: dict[str, Candidate],
    ) -> dict[str, float]:
        """Dense and BM25 rankings of ``plan.text`` fused, plus the metadata boosts; each
        candidate's ranks and chunk similarity go to ``signals``."""
        fused: dict[str, float] = {}
        s = self.settings
        rrf_k = s.rrf_k
        if self.use_dense:
            for rank, (key, text, meta, cos) in enumerate(self._dense(plan.text, filters)):
                fused[key] = fused.get(key, 0.0) + s.dense_weight / (rrf_k + rank + 1)
                found[key] = (text, meta)
                signals[key] = Candidate(to_passage(key, text, meta, 0.0), rank, None, cos)
        if self.use_keyword:
            hits = self.keyword.search(
                plan.text, self.settings.fetch_k, lambda meta: passes(filters, meta)
            )
            for rank, (position, bm25) in enumerate(hits):
                key = self.keyword.ids[position]
                fused[key] = fused.get(key, 0.0) + s.keyword_weight / (rrf_k + rank + 1)
                found[key] = (self.keyword.texts[position], self.keyword.metadatas[position])
                if key in signals:
                    signals[key].bm25_rank = rank
                    signals[key].bm25_score = bm25
                else:
                    signals[key] = Candidate(to_passage(key, *found[key], 0.0), None, rank)
                    signals[key].bm25_score = bm25
                    signals[key].chunk_cos = self._chunk_cos(key, plan.text)
        if self.use_boosts:
            for key in fused:
                _, meta = found[key]
                match = plan.metadata_match(meta)
                fused[key] += s.boost_weight * match / (rrf_k + 1)
        return fused

    def query_vector(self, text: str) -> np.ndarray:
        """The unit vector of ``text`` (moved by the query adapter, when there is one),
        embedded once per question: dense search and each candidate's similarity use it.
        Keyed by text and adapter, as users share one retriever."""
        key = (text, id(self.adapter))
        found = self._query_vectors.get(key)
        if found is not None:
            return found
        query = np.asarray(self.store.embeddings.embed_query(text), dtype=np.float32)
        query = query / (np.linalg.norm(query) or 1.0)
        vector = self.adapter.apply(query) if self.adapter else query
        if len(self._query_vectors) >= QUERY_VECTORS_KEPT:
            self._query_vectors.clear()
        self._query_vectors[key] = vector
        return vector

    def _chunk_cos(self, key: str, text: str) -> float:
        """Similarity of the question to a stored chunk (0 when vectors are not in memory)."""
        if self.vectors is None:
            return 0.0
        if self._positions is None:
            self._positions = {key: i for i, key in enumerate(self.keyword.ids)}
        return float(self.vectors[self._positions[key]] @ self.query_vector(text))

    def _dense(
        self, text: str, filters: Filters | None
    ) -> list[tuple[str, str, dict[str, Any], float]]:
        """(id, embedded text, metadata, similarity) of the nearest chunks, nearest first."""
        k = self.settings.fetch_k
        if self.vectors is None:
            pairs = self.store.vectorstore.similarity_search_by_vector_with_relevance_scores(
                self.query_vector(text).tolist(), k=k, filter=chroma_where(filters)
            )
            # The collection's space is cosine (IndexStore.vectorstore): distance = 1 - cos.
            return [(str(d.id), d.page_content, d.metadata, 1 - dist) for d, dist in pairs]
        similarity = self.vectors @ self.query_vector(text)
        nearest: list[tuple[str, str, dict[str, Any], float]] = []
        # A stable sort: equal scores keep the stored order, so every run ranks alike.
        for position in np.argsort(-similarity, kind="stable"):
            meta = self.keyword.metadatas[position]
            if passes(filters, meta):
                key, chunk = self.keyword.ids[position], self.keyword.texts[position]
                nearest.append((key, chunk, meta, float(similarity[position])))
                if len(nearest) == k:
                    break
        return nearest

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        filters: Filters | None = None,
        history: list[str] | None = None,
    ) -> list[Document]:
        """``retriever.invoke(question, filters=Filters(...), history=[...])``: the user's
        filters are as hard here as in the chat, and a follow-up keeps its subject."""
        plan = understand(query, history, vocabulary=self.vocabulary)
        passages = self.search(plan, filters, k=self.settings.top_k)
        return [
            Document(id=p.id, page_content=p.text, metadata={**p.metadata, "score": p.score})
            for p in passages
        ]
