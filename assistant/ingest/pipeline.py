"""The ingest pipeline: scan → load (guarded) → structure → chunk → LangChain ``index()``.

``index()`` with a persistent record manager and ``cleanup="full"`` is what makes re-ingest cheap
and exact: unchanged chunks are skipped without embedding, a changed file's old chunks go, and a
deleted file's chunks go.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_core.indexing import index
from tqdm import tqdm

from assistant.errors import AssistantError, LoadError
from assistant.ingest.chunking import Chunker, ChunkLimits
from assistant.ingest.guarded import load_files
from assistant.ingest.loaders import relative_source, scan_corpus
from assistant.ingest.structure import parse_document, parse_plain
from assistant.retrieval.passages import to_passage, units_of
from assistant.settings import Settings, vectors_of
from assistant.store import sentence_vectors
from assistant.store.chroma import IndexStore, ingest_lock
from assistant.store.sentence_vectors import model_tag
from assistant.types import Decision, IngestReport, LoadedDocument, ParsedDocument
from assistant.views.register import decisions_of, load_register, save_register

# Bump when loading, structure or chunking change what is indexed for the same files.
# 3: the decisions register is written with the index; 4: Markdown converted from PDF cites the
# printed page.
PIPELINE_VERSION = 4


def corpus_fingerprint(root: Path, files: list[Path]) -> dict[str, list[int]]:
    """Size and modification time of every supported file, by corpus-relative path."""
    prints: dict[str, list[int]] = {}
    for path in files:
        stat = path.stat()
        prints[relative_source(path, root)] = [stat.st_size, stat.st_mtime_ns]
    return prints


# Settings added after indexes were built: a manifest without them was built with these values.
BUILT_BEFORE = {"context_headers": True, "parse_structure": True, "embedding_vectors": "fp32"}


def index_settings(settings: Settings) -> dict[str, Any]:
    """The settings that change what is indexed; a difference means the index is stale."""
    return {
        "embedding_model": settings.embedding_model,
        "embedding_vectors": vectors_of(settings.embedding_backend),
        "chunk_tokens": settings.chunk_tokens,
        "chunk_overlap_tokens": settings.chunk_overlap_tokens,
        "context_headers": settings.context_headers,
        "parse_structure": settings.parse_structure,
        "pipeline_version": PIPELINE_VERSION,
    }


def ingest(
    settings: Settings, *, progress: bool = False, store: IndexStore | None = None
) -> IngestReport:
    """Bring the index in step with ``settings.corpus_path``; safe to interrupt and re-run."""
    started = time.monotonic()
    root = settings.corpus_path
    if not root.is_dir():
        raise AssistantError(f"corpus folder {root} does not exist")
    store = store or IndexStore(settings)
    with ingest_lock(settings):
        store.check_model()
        files, unsupported = scan_corpus(root)
        skip = {name.lower() for name in settings.skip_names}
        ignored = [p for p in files if p.name.lower() in skip]
        files = [p for p in files if p.name.lower() not in skip]
        if not files:
            raise AssistantError(f"no supported documents in {root}: nothing to index")
        report = IngestReport(
            files_seen=len(files) + len(unsupported),
            unsupported=[relative_source(p, root) for p in unsupported],
            ignored=[relative_source(p, root) for p in ignored],
        )
        previous = store.read_manifest() or {}
        fingerprint = corpus_fingerprint(root, files)
        report.updated = _changed_files(previous.get("files", {}), fingerprint)
        store.reconcile()
        documents = _read(files, settings, report, progress)
        chunks = _chunk(documents, settings, store, report)
        kept = _keep_failed(store, previous, report)
        chunks += kept
        # Batches of like length pad little: the model reads each batch at its longest text.
        chunks.sort(key=lambda doc: len(doc.page_content))
        with tqdm(total=len(chunks), unit="chunk", desc="index", disable=not progress) as bar:
            result = index(
                _counted(chunks, bar),
                store.record_manager,
                store.vectorstore,
                cleanup="full",
                source_id_key="source",
                key_encoder=lambda doc: str(doc.metadata["chunk_id"]),
                batch_size=64,
            )
        report.added = result["num_added"]
        report.skipped_unchanged = result["num_skipped"]
        report.deleted = result["num_deleted"]
        save_register(settings.index_path, _register(documents) + _kept_rows(settings, kept))
        sentences_started = time.monotonic()
        report.sentences_embedded = embed_quotable_sentences(settings, store, progress)
        report.sentences_seconds = time.monotonic() - sentences_started
        store.new_generation()  # running assistants reload what they hold in memory
        store.write_manifest(
            {
                "corpus": str(root.resolve()),
                "files": fingerprint,
                "failed": dict(report.failed),
                "chunks": report.chunks + len(kept),
                **index_settings(settings),
            }
        )
    report.seconds = time.monotonic() - started
    return report


def embed_quotable_sentences(settings: Settings, store: IndexStore, progress: bool = False) -> int:
    """Save the vectors of every sentence an answer may quote from the index (as the answer
    step splits each chunk), embedding only the ones not saved yet; returns how many."""
    ids, texts, metas = store.records()
    quotable = (
        unit.text
        for chunk_id, text, meta in zip(ids, texts, metas, strict=True)
        for unit in units_of(0, to_passage(chunk_id, text, meta, 0.0))
    )
    tag = model_tag(settings)
    return sentence_vectors.refresh(settings.index_path, tag, store.embeddings, quotable, progress)


def _keep_failed(
    store: IndexStore, previous: dict[str, Any], report: IngestReport
) -> list[Document]:
    """The stored chunks of files indexed before that failed this time, passed to the indexer
    again so its full cleanup does not delete them: a file that cannot be read today (a parser
    crash, memory pressure) keeps its last indexed version until it reads again."""
    before = set(previous.get("files", {}))
    failed = [source for source, _ in report.failed if source in before]
    kept = store.documents_of(failed) if store.exists() else []
    held = {str(doc.metadata.get("source")) for doc in kept}
    report.failed = [
        (source, f"{reason}; its last indexed version is kept" if source in held else reason)
        for source, reason in report.failed
    ]
    return kept


def _kept_rows(settings: Settings, kept: list[Document]) -> list[Decision]:
    """The saved register rows of the files whose last indexed version is kept."""
    sources = {str(doc.metadata.get("source")) for doc in kept}
    return [r for r in load_register(settings.index_path) if r.source in sources] if sources else []


def prepare_chunks(settings: Settings, store: IndexStore) -> list[Document]:
    """The chunks an ingest of ``settings.corpus_path`` would index, without indexing them
    (for the ingest benchmark's model-only figure)."""
    files, _ = scan_corpus(settings.corpus_path)
    skip = {name.lower() for name in settings.skip_names}
    files = [p for p in files if p.name.lower() not in skip]
    report = IngestReport()
    return _chunk(_read(files, settings, report, False), settings, store, report)


def _register(documents: list[tuple[LoadedDocument, ParsedDocument]]) -> list[Decision]:
    return [row for loaded, parsed in documents for row in decisions_of(parsed, loaded.pages)]


def _changed_files(before: dict[str, list[int]], now: dict[str, list[int]]) -> int:
    return sum(1 for path, print_ in now.items() if path in before and before[path] != print_)


def _read(
    files: list[Path], settings: Settings, report: IngestReport, progress: bool
) -> list[tuple[LoadedDocument, ParsedDocument]]:
    """Load (in a guarded worker) and parse every file; failures go to the report."""
    documents: list[tuple[LoadedDocument, ParsedDocument]] = []
    parse = parse_document if settings.parse_structure else parse_plain
    loaded_docs = load_files(
        files,
        settings.corpus_path,
        timeout=settings.parse_timeout,
        memory_mb=settings.parse_memory_mb,
        workers=settings.parse_workers,
    )
    for path, loaded in tqdm(
        loaded_docs, total=len(files), unit="file", desc="read", disable=not progress
    ):
        if isinstance(loaded, LoadError):
            report.failed.append((relative_source(path, settings.corpus_path), loaded.reason))
        else:
            documents.append((loaded, parse(loaded)))
    documents.sort(key=lambda pair: pair[0].source)  # workers finish in any order
    inherit_councils([parsed for _, parsed in documents])
    unify_committees([parsed for _, parsed in documents])
    return documents


def _chunk(
    documents: list[tuple[LoadedDocument, ParsedDocument]],
    settings: Settings,
    store: IndexStore,
    report: IngestReport,
) -> list[Document]:
    """Every document's chunks as LangChain documents (embedded text + metadata)."""
    embeddings = store.embeddings
    chunker = Chunker(
        embeddings.count_tokens,
        ChunkLimits(
            model_max_tokens=embeddings.max_tokens,
            body_tokens=settings.chunk_tokens,
            overlap_tokens=settings.chunk_overlap_tokens,
        ),
        extra_metadata=store.model_metadata(),
        context_headers=settings.context_headers,
    )
    out: list[Document] = []
    for loaded, parsed in documents:
        chunks = chunker.chunk(loaded, parsed)
        if not chunks:
            report.failed.append((loaded.source, "no text to index after parsing"))
            continue
        report.files_indexed += 1
        report.chunks += len(chunks)
        out.extend(
            Document(id=c.id, page_content=c.embed_text, metadata=c.metadata) for c in chunks
        )
    return out


def _counted(docs: list[Document], bar: tqdm[Any]) -> Iterator[Document]:
    for doc in docs:
        bar.update(1)
        yield doc


def inherit_councils(documents: list[ParsedDocument]) -> None:
    """A document that does not name its council takes the one every document beside it names.

    Walks up from the document's folder to the first folder whose documents name exactly one
    council (a Kent appendix takes "Kent County Council"; a folder of many areas gives nothing).
    """
    councils: dict[str, set[str]] = {}
    for doc in documents:
        for folder in _folders(doc.meta.source):
            if doc.meta.council:
                councils.setdefault(folder, set()).add(doc.meta.council)
    for doc in documents:
        if doc.meta.council:
            continue
        for folder in _folders(doc.meta.source):
            named = councils.get(folder, set())
            if len(named) == 1:
                doc.meta.council = next(iter(named))
                break
            if len(named) > 1:
                break


def unify_committees(documents: list[ParsedDocument]) -> None:
    """One spelling per committee: names that differ only in case, spaces or punctuation (a
    folder's "Young Peoples" against the minutes' "Young People's") take the longest spelling
    (punctuation kept from the text; the most used of equals), so filters, the register and
    briefings see one committee."""
    spellings: dict[str, Counter[str]] = {}
    for doc in documents:
        if doc.meta.committee:
            spellings.setdefault(_name_key(doc.meta.committee), Counter())[doc.meta.committee] += 1
    for doc in documents:
        if doc.meta.committee:
            counts = spellings[_name_key(doc.meta.committee)]
            doc.meta.committee = max(counts, key=lambda name: (len(name), counts[name]))


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _folders(source: str) -> list[str]:
    """Enclosing folders of a corpus-relative path, nearest first, short of the corpus root.

    The root is left out so one file added or deleted at the top cannot change the metadata
    (and so the chunk ids) of every other document.
    """
    parts = source.split("/")[:-1]
    return ["/".join(parts[:i]) for i in range(len(parts), 0, -1)]


def index_status(settings: Settings, store: IndexStore | None = None) -> dict[str, Any]:
    """What the index holds and whether it is in step with the corpus folder."""
    store = store or IndexStore(settings)
    manifest = store.read_manifest()
    status: dict[str, Any] = {
        "index": store.location(),
        "embedding_model": settings.embedding_model,
        "exists": store.exists(),
        "chunks": store.count() if store.exists() else 0,
        "files": len(manifest["files"]) if manifest else 0,
        "corpus": str(settings.corpus_path),
    }
    status["up_to_date"], status["reason"] = _freshness(settings, manifest, status["chunks"])
    return status


def _built_with(manifest: dict[str, Any], key: str) -> Any:
    """The value of an index setting the manifest records (older manifests lack some)."""
    if key == "embedding_vectors" and key not in manifest and "embedding_backend" in manifest:
        return vectors_of(manifest["embedding_backend"])
    return manifest.get(key, BUILT_BEFORE.get(key))


def _freshness(
    settings: Settings, manifest: dict[str, Any] | None, chunks: int
) -> tuple[bool, str]:
    if manifest is None or chunks == 0:
        return False, "no index has been built"
    if manifest.get("corpus") != str(settings.corpus_path.resolve()):
        return False, f"the index was built from {manifest.get('corpus')}"
    wanted = index_settings(settings)
    changed = [k for k, v in wanted.items() if _built_with(manifest, k) != v]
    if changed:
        return False, "settings changed since the last ingest: " + ", ".join(changed)
    if not settings.corpus_path.is_dir():
        return False, f"corpus folder {settings.corpus_path} is missing"
    files, _ = scan_corpus(settings.corpus_path)
    skip = {name.lower() for name in settings.skip_names}  # as ingest() does: never indexed
    files = [p for p in files if p.name.lower() not in skip]
    now = corpus_fingerprint(settings.corpus_path, files)
    if now != manifest.get("files"):
        added = len(set(now) - set(manifest.get("files", {})))
        removed = len(set(manifest.get("files", {})) - set(now))
        changed_n = _changed_files(manifest.get("files", {}), now)
        return False, f"corpus changed: {added} new, {changed_n} changed, {removed} deleted files"
    return True, "up to date"
