"""The baseline: what a user builds from the LangChain RAG tutorial, over the same files.

Files as plain text (one document per page), ``RecursiveCharacterTextSplitter(1000, 200)``, the
same embedding model through ``HuggingFaceEmbeddings``, a persistent ``Chroma``, and
``similarity_search``. It gives no answer, only retrieval, so the harness scores its retrieval
and reports its answer metrics as null.

The index is reused: a manifest beside the Chroma store records the corpus fingerprint (paths,
sizes, modification times) and the chunk count; a re-run on an unchanged corpus embeds nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.scoring import AnswerResult, Retrieved

if TYPE_CHECKING:
    import chromadb
    from langchain_chroma import Chroma
    from langchain_core.documents import Document

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
COLLECTION = "naive"
MANIFEST = "naive-manifest.json"
# Bump when anything below changes what is indexed, so old caches are rebuilt.
NAIVE_VERSION = "1"
SUFFIXES = {".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm"}
BATCH = 256


def loader_name() -> str:
    """'assistant' when the project's loaders are importable, else 'fallback'."""
    try:
        from assistant.ingest.loaders import load_file, scan_corpus  # noqa: F401
    except ImportError:
        return "fallback"
    return "assistant"


def corpus_files(root: Path) -> list[Path]:
    """The files the baseline reads: the project's scan when present, else by suffix."""
    if loader_name() == "assistant":
        from assistant.ingest.loaders import scan_corpus

        supported, _unsupported = scan_corpus(root)
        return sorted(Path(p) if Path(p).is_absolute() else root / p for p in supported)
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
    )


def corpus_fingerprint(root: Path, files: list[Path]) -> str:
    """A hash of every file's relative path, size and modification time."""
    digest = hashlib.sha256()
    for path in files:
        stat = path.stat()
        rel = path.relative_to(root).as_posix()
        digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def load_pages(path: Path, root: Path) -> list[tuple[int, str]]:
    """(page number, text) for one file, with the project's loader when it exists."""
    if loader_name() == "assistant":
        from assistant.ingest.loaders import load_file

        return [(page.number, page.text) for page in load_file(path, root).pages]
    return _fallback_pages(path)


def _fallback_pages(path: Path) -> list[tuple[int, str]]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        return [(i, page.extract_text() or "") for i, page in enumerate(reader.pages, start=1)]
    if suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        return [(1, "\n".join(p.text for p in document.paragraphs))]
    if suffix in {".html", ".htm"}:
        from bs4 import BeautifulSoup

        html = path.read_text(encoding="utf-8", errors="replace")
        return [(1, BeautifulSoup(html, "lxml").get_text("\n"))]
    return [(1, path.read_text(encoding="utf-8", errors="replace"))]


def split_corpus(root: Path, files: list[Path]) -> list[Document]:
    """Every file's pages split as the tutorial does; unreadable files are skipped with a note."""
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    pages: list[Document] = []
    for path in files:
        source = path.relative_to(root).as_posix()
        try:
            loaded = load_pages(path, root)
        except Exception as exc:  # a baseline skips what it cannot read, like DirectoryLoader
            print(f"naive: skipped {source}: {exc}", file=sys.stderr)
            continue
        for number, text in loaded:
            if text.strip():
                meta = {"source": source, "page": number}
                pages.append(Document(page_content=text, metadata=meta))
    return splitter.split_documents(pages)


def _chunk_id(index: int, doc: Document) -> str:
    key = f"{doc.metadata['source']}\0{doc.metadata['page']}\0{index}\0{doc.page_content}"
    return hashlib.sha1(key.encode()).hexdigest()


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class NaivePipeline:
    """Tutorial-style retrieval over ``corpus`` with a Chroma store in ``index_dir``."""

    name = "naive"

    def __init__(self, corpus: Path, index_dir: Path, model_path: str, k: int = 5) -> None:
        self.corpus = corpus.resolve()
        self.index_dir = index_dir
        self.model_path = model_path
        self.k = k
        self.embedded = 0
        self._store: Chroma | None = None

    def _client(self) -> chromadb.ClientAPI:
        import chromadb

        self.index_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(
            path=str(self.index_dir / "chroma"),
            settings=chromadb.config.Settings(anonymized_telemetry=False),
        )

    def _store_for(self, client: chromadb.ClientAPI) -> Chroma:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from langchain_chroma import Chroma
        from langchain_huggingface import HuggingFaceEmbeddings

        embeddings = HuggingFaceEmbeddings(model_name=self.model_path)
        return Chroma(collection_name=COLLECTION, embedding_function=embeddings, client=client)

    def build(self, progress: bool = True) -> int:
        """Index the corpus unless the cache already holds it; returns chunks embedded now."""
        files = corpus_files(self.corpus)
        fingerprint = corpus_fingerprint(self.corpus, files)
        manifest_path = self.index_dir / MANIFEST
        manifest = _read_json(manifest_path)
        client = self._client()
        names = {getattr(c, "name", c) for c in client.list_collections()}
        if manifest.get("fingerprint") == fingerprint and COLLECTION in names:
            if client.get_collection(COLLECTION).count() == manifest.get("chunks"):
                self._store = self._store_for(client)
                self.embedded = 0
                return 0
        # Stale or partial: drop the collection (not the folder, which Chroma keeps open).
        manifest_path.unlink(missing_ok=True)
        if COLLECTION in names:
            client.delete_collection(COLLECTION)
        started = time.monotonic()
        docs = split_corpus(self.corpus, files)
        store = self._store_for(client)
        done = 0
        for batch_start, batch in zip(
            range(0, len(docs), BATCH), _batches(docs, BATCH), strict=True
        ):
            ids = [_chunk_id(batch_start + i, doc) for i, doc in enumerate(batch)]
            store.add_documents(batch, ids=ids)
            done += len(batch)
            if progress:
                print(f"\rnaive: embedded {done}/{len(docs)} chunks", end="", file=sys.stderr)
        if progress:
            seconds = time.monotonic() - started
            summary = f"naive: {len(files)} files, {len(docs)} chunks in {seconds:.0f}s"
            print(f"\n{summary}", file=sys.stderr)
        manifest_path.write_text(json.dumps({"fingerprint": fingerprint, "chunks": len(docs)}))
        self._store = store
        self.embedded = len(docs)
        return len(docs)

    def ask(self, question: str, history: list[str] | None = None) -> AnswerResult:
        """The top ``max(k, 10)`` chunks for the question alone (the tutorial ignores history)."""
        if self._store is None:
            raise RuntimeError("call build() before ask()")
        docs = self._store.similarity_search(question, k=max(self.k, 10))
        passages = [Retrieved(str(d.metadata.get("source", "")), d.page_content) for d in docs]
        return AnswerResult(passages=passages, scored=False)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
