"""Ingest benchmark: a fresh index of a corpus (in a temp folder), then a re-ingest of the same,
unchanged corpus. Prints wall time, chunks and chunks/s; it asserts nothing.

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
        print(f"model load: {figures['model_load_s']} s")
        print(f"fresh ingest: {fresh['seconds']} s ({fresh['chunks_per_s']} chunks/s)")
        print(f"re-ingest, nothing changed: {again['seconds']} s "
              f"({again['added']} added, {again['skipped']} unchanged)")
        print(f"peak RSS: {figures['peak_rss_mb']} MB")
    return 0


def run(corpus: Path, index: Path) -> dict[str, Any]:
    """Fresh ingest then re-ingest into ``index``; the model is loaded (and timed) first."""
    from assistant.embeddings import SentenceEmbeddings
    from assistant.ingest import ingest
    from assistant.settings import Settings
    from assistant.store import IndexStore

    settings = Settings(_env_file=None, corpus_path=corpus, index_path=index)
    started = time.monotonic()
    embeddings = SentenceEmbeddings(settings.embedding_model, settings.embedding_batch_size)
    embeddings.encode(["warm up"])
    model_load = time.monotonic() - started
    fresh = ingest(settings, store=IndexStore(settings, embeddings))
    again = ingest(settings, store=IndexStore(settings, embeddings))
    return {
        "corpus": str(corpus),
        "model_load_s": round(model_load, 1),
        "fresh": {
            "files_indexed": fresh.files_indexed,
            "failed": len(fresh.failed),
            "chunks": fresh.chunks,
            "seconds": round(fresh.seconds, 1),
            "chunks_per_s": round(fresh.chunks / fresh.seconds, 1) if fresh.seconds else None,
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
