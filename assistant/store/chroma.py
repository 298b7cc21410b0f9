"""The index: a Chroma collection, LangChain's SQL record manager beside it, and a lock.

Chroma runs embedded (``PersistentClient`` under ``index_path``) or, with ``chroma_host`` set, as a
server through ``HttpClient``. The record manager always lives under ``index_path``; together with
``langchain_core.indexing.index`` it makes re-ingest skip unchanged chunks and remove stale ones.
"""

from __future__ import annotations

import fcntl
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, cast

import chromadb
import numpy as np
from chromadb.api.types import Where
from langchain_chroma import Chroma
from langchain_classic.indexes import SQLRecordManager
from langchain_core.documents import Document

from assistant.errors import IndexBusy, IndexMissing, ModelMismatch
from assistant.settings import Settings, vectors_of
from assistant.store.embeddings import SentenceEmbeddings

MANIFEST = "manifest.json"


@contextmanager
def index_lock(index_path: Path) -> Iterator[None]:
    """Hold the index's write lock, or fail at once with ``IndexBusy``."""
    index_path.mkdir(parents=True, exist_ok=True)
    with open(index_path / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IndexBusy(
                f"the index at {index_path} is busy: another ingest is running. "
                "Wait for it to finish and try again."
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def ingest_lock(settings: Settings) -> Iterator[None]:
    """The index folder's lock and, with a PostgreSQL record manager, a database advisory lock
    on the collection, so ingests on other machines sharing that database wait their turn."""
    with index_lock(settings.index_path):
        if not settings.records_database.startswith("postgresql"):
            yield
            return
        import sqlalchemy

        engine = sqlalchemy.create_engine(settings.records_database)
        key = f"committee-assistant/{settings.collection}"
        try:
            with engine.connect() as connection:
                taken = connection.execute(
                    sqlalchemy.text("SELECT pg_try_advisory_lock(hashtext(:key))"), {"key": key}
                ).scalar()
                if not taken:
                    raise IndexBusy(
                        f"the index {settings.collection!r} is busy: another ingest sharing its "
                        "record manager database is running. Wait for it to finish and try again."
                    )
                try:
                    yield
                finally:
                    connection.execute(
                        sqlalchemy.text("SELECT pg_advisory_unlock(hashtext(:key))"), {"key": key}
                    )
        finally:
            engine.dispose()


class IndexStore:
    """Opens the Chroma collection and record manager described by ``settings``."""

    def __init__(self, settings: Settings, embeddings: SentenceEmbeddings | None = None) -> None:
        self.settings = settings
        self.embeddings = embeddings or SentenceEmbeddings(
            settings.embedding_model,
            settings.embedding_batch_size,
            settings.embedding_backend,
            settings.onnx_cache_path,
        )

    @cached_property
    def client(self) -> chromadb.ClientAPI:
        s = self.settings
        if s.chroma_host:
            return chromadb.HttpClient(host=s.chroma_host, port=s.chroma_port)
        s.index_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(s.index_path / "chroma"))

    @cached_property
    def vectorstore(self) -> Chroma:
        return Chroma(
            collection_name=self.settings.collection,
            embedding_function=self.embeddings,
            client=self.client,
            collection_metadata=self.model_metadata(),
            collection_configuration={
                "hnsw": {"space": "cosine", "ef_search": self.settings.hnsw_ef_search}
            },
        )

    @cached_property
    def record_manager(self) -> SQLRecordManager:
        self.settings.index_path.mkdir(parents=True, exist_ok=True)
        manager = SQLRecordManager(
            f"chroma/{self.settings.collection}", db_url=self.settings.records_database
        )
        manager.create_schema()
        return manager

    def model_metadata(self) -> dict[str, str | int]:
        """What every chunk and the collection record about the embedding model."""
        meta: dict[str, str | int] = {
            "embedding_model": self.settings.embedding_model,
            "embedding_dim": self.embeddings.dimension,
        }
        if vectors_of(self.settings.embedding_backend) != "fp32":  # new ids: re-embedded
            meta["embedding_backend"] = self.settings.embedding_backend
        return meta

    def exists(self) -> bool:
        """Whether the collection has been created (by an earlier ingest)."""
        names = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        return self.settings.collection in names

    def check_model(self) -> None:
        """Refuse an index built with another embedding model: its vectors would be nonsense."""
        if not self.exists():
            return
        stored = self.client.get_collection(self.settings.collection).metadata or {}
        model = stored.get("embedding_model")
        if model is not None and model != self.settings.embedding_model:
            raise ModelMismatch(
                f"the index at {self.location()} was built with embedding model {model!r}, "
                f"but ASSISTANT_EMBEDDING_MODEL is {self.settings.embedding_model!r}. "
                "Use the same model, or delete the index and ingest again."
            )

    def require(self) -> None:
        """Raise ``IndexMissing`` unless an index with chunks exists."""
        if not self.exists() or self.count() == 0:
            raise IndexMissing(
                f"no index at {self.location()}: run `assistant ingest` (or `make run`) first."
            )
        self.check_model()

    def location(self) -> str:
        s = self.settings
        if s.chroma_host:
            return f"chroma://{s.chroma_host}:{s.chroma_port}/{s.collection}"
        return str(s.index_path)

    def count(self) -> int:
        return self.client.get_collection(self.settings.collection).count()

    def records(self) -> tuple[list[str], list[str], list[dict[str, Any]]]:
        """Every stored chunk: ids, embedded texts, metadata (for the keyword index)."""
        ids, texts, metas, _ = self._all(["documents", "metadatas"])
        return ids, texts, metas

    def records_with_vectors(
        self,
    ) -> tuple[list[str], list[str], list[dict[str, Any]], np.ndarray]:
        """``records()`` and the stored embeddings, one row per chunk in the same order."""
        ids, texts, metas, batches = self._all(["documents", "metadatas", "embeddings"])
        if not ids:
            return ids, texts, metas, np.zeros((0, self.embeddings.dimension), dtype=np.float32)
        return ids, texts, metas, np.vstack([np.asarray(b, dtype=np.float32) for b in batches])

    def documents_of(self, sources: list[str]) -> list[Document]:
        """The stored chunks of ``sources`` as indexed (embedded text, metadata, id)."""
        if not sources:
            return []
        collection = self.client.get_collection(self.settings.collection)
        where = cast(Where, {"source": {"$in": sources}})
        got = collection.get(where=where, include=["documents", "metadatas"])
        return [
            Document(id=id_, page_content=text, metadata=dict(meta or {}))
            for id_, text, meta in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True
            )
        ]

    def _all(
        self, include: list[str]
    ) -> tuple[list[str], list[str], list[dict[str, Any]], list[Any]]:
        collection = self.client.get_collection(self.settings.collection)
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict[str, Any]] = []
        vectors: list[Any] = []
        batch = 2000
        for offset in range(0, collection.count(), batch):
            got = collection.get(include=include, limit=batch, offset=offset)  # type: ignore[arg-type]
            ids.extend(got["ids"])
            texts.extend(got["documents"] or [])
            metas.extend(dict(m or {}) for m in got["metadatas"] or [])
            if "embeddings" in include and got["embeddings"] is not None:
                vectors.append(got["embeddings"])  # whole batches: no small array per chunk
        return ids, texts, metas, vectors

    def reconcile(self) -> int:
        """Make Chroma and the record manager agree after an interrupted ingest.

        Ids in Chroma the record manager never recorded are removed from Chroma; keys the record
        manager holds but Chroma lacks are forgotten so the next ``index()`` adds them again.
        Returns how many entries were repaired.
        """
        if not self.exists():
            return 0
        collection = self.client.get_collection(self.settings.collection)
        in_chroma: set[str] = set()
        batch = 5000
        for offset in range(0, collection.count(), batch):
            in_chroma.update(collection.get(include=[], limit=batch, offset=offset)["ids"])
        recorded = set(self.record_manager.list_keys())
        orphans = sorted(in_chroma - recorded)
        missing = sorted(recorded - in_chroma)
        for start in range(0, len(orphans), batch):
            collection.delete(ids=orphans[start : start + batch])
        if missing:
            self.record_manager.delete_keys(missing)
        return len(orphans) + len(missing)

    def tune_search(self) -> None:
        """Give the collection's HNSW search the configured ``ef_search`` (it can change after
        creation; indexes built before the setting existed get it here)."""
        collection = self.client.get_collection(self.settings.collection)
        hnsw = (collection.configuration or {}).get("hnsw") or {}
        if hnsw.get("ef_search") != self.settings.hnsw_ef_search:
            collection.modify(configuration={"hnsw": {"ef_search": self.settings.hnsw_ef_search}})

    def generation(self) -> str:
        """A mark every ingest changes (kept in the collection's metadata, so every process and
        machine using the collection sees it); "" before the first ingest."""
        if not self.exists():
            return ""
        metadata = self.client.get_collection(self.settings.collection).metadata or {}
        return str(metadata.get("generation", ""))

    def new_generation(self) -> None:
        """Mark the collection as changed (the end of an ingest)."""
        collection = self.client.get_collection(self.settings.collection)
        metadata = {**(collection.metadata or {}), "generation": uuid.uuid4().hex}
        collection.modify(metadata=metadata)

    def read_manifest(self) -> dict[str, Any] | None:
        path = self.settings.index_path / MANIFEST
        if not path.exists():
            return None
        try:
            data: dict[str, Any] = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError):
            return None
        return data

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        """Written atomically: a crash leaves the old manifest or the new one, never half."""
        path = self.settings.index_path / MANIFEST
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True))
        os.replace(tmp, path)
