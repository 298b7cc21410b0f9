"""Ingest benchmark: the embedding model alone on the corpus's chunks, then a fresh ingest of the
corpus (in a temp folder), then a re-ingest of the same, unchanged corpus. Prints wall time,
chunks/s and the ratio of full-ingest to model-only throughput, measured side by side in one
run; it asserts nothing. The backend and batch size come from the settings
(ASSISTANT_EMBEDDING_BACKEND, ASSISTANT_EMBEDDING_BATCH_SIZE).

    .venv/bin/python -m benchmarks.ingest                     # the demo corpus/
    .venv/bin/python -m benchmarks.ingest --corpus ../shared/corpus
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Run both ingests and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(REPO / "corpus"), help="folder to index")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        figures = run(Path(args.corpus), Path(tmp) / "index")
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        fresh, again = figures["fresh"], figures["reingest"]
        print(f"corpus {figures['corpus']}: {fresh['files_indexed']} files indexed, "
              f"{fresh['failed']} failed, {fresh['chunks']} chunks")
        print(f"model load: {figures['model_load_s']} s ({figures['backend']})")
        raw = figures["model_only"]
        print(f"model only: {raw['seconds']} s for {raw['chunks']} chunks "
              f"({raw['chunks_per_s']} chunks/s)")
        print(f"fresh ingest: {fresh['seconds']} s, of which chunks "
              f"{fresh['chunks_per_s']} chunks/s, then {fresh['sentences_embedded']} sentences "
              f"embedded for quoting in {fresh['sentences_s']} s")
        print(f"re-ingest, nothing changed: {again['seconds']} s "
              f"({again['added']} added, {again['skipped']} unchanged)")
        print(f"ratio model only / the ingest's chunk part: {figures['ratio']}")
        print(f"peak RSS: {figures['peak_rss_mb']} MB")
    return 0


def run(corpus: Path, index: Path) -> dict[str, Any]:
    """Fresh ingest then re-ingest into ``index``; the model is loaded (and timed) first."""
    from assistant.ingest.pipeline import ingest, prepare_chunks
    from assistant.settings import Settings
    from assistant.store.chroma import IndexStore
    from assistant.store.embeddings import SentenceEmbeddings

    settings = Settings(_env_file=None, corpus_path=corpus, index_path=index)
    started = time.monotonic()
    embeddings = SentenceEmbeddings(
        settings.embedding_model,
        settings.embedding_batch_size,
        settings.embedding_backend,
        settings.onnx_cache_path,
    )
    embeddings.encode(["warm up"])
    model_load = time.monotonic() - started
    texts = [doc.page_content for doc in prepare_chunks(settings, IndexStore(settings, embeddings))]
    started = time.monotonic()
    embeddings.embed_documents(texts)
    raw_seconds = time.monotonic() - started
    fresh = ingest(settings, store=IndexStore(settings, embeddings))
    again = ingest(settings, store=IndexStore(settings, embeddings))
    chunk_seconds = fresh.seconds - fresh.sentences_seconds
    return {
        "corpus": str(corpus),
        "backend": settings.embedding_backend,
        "model_load_s": round(model_load, 1),
        "model_only": {
            "chunks": len(texts),
            "seconds": round(raw_seconds, 1),
            "chunks_per_s": round(len(texts) / raw_seconds, 1) if raw_seconds else None,
        },
        # The chunks' part of the ingest: the sentences embedded for quoting come after it.
        "ratio": round(raw_seconds / chunk_seconds, 2) if chunk_seconds else None,
        "fresh": {
            "files_indexed": fresh.files_indexed,
            "failed": len(fresh.failed),
            "chunks": fresh.chunks,
            "seconds": round(fresh.seconds, 1),
            "chunks_per_s": round(fresh.chunks / chunk_seconds, 1) if chunk_seconds else None,
            "sentences_embedded": fresh.sentences_embedded,
            "sentences_s": round(fresh.sentences_seconds, 1),
        },
        "reingest": {
            "seconds": round(again.seconds, 1),
            "added": again.added,
            "skipped": again.skipped_unchanged,
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


if __name__ == "__main__":
    sys.exit(main())
