"""Dense search over the demo index: exact (every stored vector compared), filtered like BM25,
and the same as Chroma's own search where HNSW is exact; above the limit, Chroma's HNSW."""

from __future__ import annotations

import datetime as dt

import numpy as np

from assistant.retrieval.hybrid import HybridRetriever
from assistant.store.chroma import IndexStore
from assistant.types import Filters

QUESTION = "How long are children waiting for a neurodevelopmental assessment?"


def test_exact_dense_search_ranks_every_chunk_by_cosine(demo_settings) -> None:
    store = IndexStore(demo_settings)
    retriever = HybridRetriever.from_store(store, demo_settings)
    assert retriever.vectors is not None
    assert retriever.vectors.shape == (store.count(), store.embeddings.dimension)

    ids, _, _, matrix = store.records_with_vectors()
    query = np.asarray(store.embeddings.embed_query(QUESTION))
    cosine = (matrix @ query) / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(query))
    expected = [ids[i] for i in np.argsort(-cosine)[: demo_settings.fetch_k]]
    dense = retriever._dense(QUESTION, None)
    found = [key for key, _, _, _ in dense]
    assert found == expected
    # The similarity handed to the reranker is that cosine.
    assert abs(dense[0][3] - cosine.max()) < 1e-5
    # On 194 chunks Chroma's HNSW finds the true neighbours too: the two searches agree.
    chroma = store.vectorstore.similarity_search(QUESTION, k=10)
    assert [str(d.id) for d in chroma] == found[:10]


def test_exact_dense_search_applies_the_user_filters(demo_settings) -> None:
    retriever = HybridRetriever.from_store(IndexStore(demo_settings), demo_settings)
    filters = Filters(committee="Cabinet", date_from=dt.date(2024, 1, 1))
    found = retriever._dense(QUESTION, filters)
    assert found, "the demo corpus has Cabinet minutes from 2024 on"
    assert all(meta["committee"] == "Cabinet" for _, _, meta, _ in found)
    assert all(int(meta["date_num"]) >= 20240101 for _, _, meta, _ in found)


def test_above_the_limit_dense_search_is_chromas(demo_settings) -> None:
    settings = demo_settings.model_copy(update={"exact_search_limit": 10})
    retriever = HybridRetriever.from_store(IndexStore(settings), settings)
    assert retriever.vectors is None
    found = retriever._dense(QUESTION, None)
    assert len(found) == settings.fetch_k
    # Chroma's cosine distances become the same similarities exact search gives.
    exact = HybridRetriever.from_store(IndexStore(demo_settings), demo_settings)
    cosines = {key: cos for key, _, _, cos in exact._dense(QUESTION, None)}
    assert all(abs(cos - cosines[key]) < 1e-4 for key, _, _, cos in found[:10])
    # With an adapter, Chroma is searched with the moved question too.
    from assistant.core import build_assistant

    adapter = build_assistant(demo_settings).retriever.adapter
    retriever.adapter = exact.adapter = adapter
    moved = {key: cos for key, _, _, cos in exact._dense(QUESTION, None)}
    found = retriever._dense(QUESTION, None)
    assert [key for key, *_ in found[:10]] == list(moved)[:10]
    assert all(abs(cos - moved[key]) < 1e-4 for key, _, _, cos in found[:10])


def test_above_the_limit_chroma_searches_with_the_configured_ef(demo_settings) -> None:
    settings = demo_settings.model_copy(update={"exact_search_limit": 10, "hnsw_ef_search": 321})
    store = IndexStore(settings)
    HybridRetriever.from_store(store, settings)
    collection = store.client.get_collection(settings.collection)
    assert collection.configuration["hnsw"]["ef_search"] == 321
    # Below the limit nothing is changed: the vectors are searched in memory.
    exact = demo_settings.model_copy(update={"hnsw_ef_search": 555})
    assert HybridRetriever.from_store(IndexStore(exact), exact).vectors is not None
    again = store.client.get_collection(settings.collection)
    assert again.configuration["hnsw"]["ef_search"] == 321


def test_the_retrievers_invoke_honours_the_users_filters(demo_settings) -> None:
    retriever = HybridRetriever.from_store(IndexStore(demo_settings), demo_settings)
    unfiltered = retriever.invoke(QUESTION)
    committees = {doc.metadata.get("committee") for doc in unfiltered}
    assert len(committees) > 1
    committee = sorted(c for c in committees if c)[0]
    filtered = retriever.invoke(QUESTION, filters=Filters(committee=committee))
    assert filtered
    assert {doc.metadata.get("committee") for doc in filtered} == {committee}


def test_with_the_query_adapters_dense_search_ranks_by_the_moved_question(demo_settings) -> None:
    from assistant.core import build_assistant

    assistant = build_assistant(demo_settings)
    retriever = assistant.retriever
    assert retriever.adapter is not None
    assert assistant.answerer.scorer.adapter is not None  # the sentence adapter
    ids, _, _, matrix = retriever.store.records_with_vectors()
    query = np.asarray(retriever.store.embeddings.embed_query(QUESTION))
    moved = retriever.adapter.apply(query / np.linalg.norm(query))
    assert float(moved @ (query / np.linalg.norm(query))) < 0.999  # the adapter moves it
    cosine = (matrix @ moved) / np.linalg.norm(matrix, axis=1)
    expected = [ids[i] for i in np.argsort(-cosine)[: demo_settings.fetch_k]]
    assert [key for key, _, _, _ in retriever._dense(QUESTION, None)] == expected
    off = build_assistant(demo_settings.model_copy(update={"query_adapter": False}))
    assert off.retriever.adapter is None and off.answerer.scorer.adapter is None
