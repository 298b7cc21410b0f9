"""Query latency at scale: a synthetic council of ``--chunks`` chunks (``scale_corpus``) is
indexed once into ``.cache/scale/``, then the full ``Assistant.ask`` is timed on generated
questions with the learned reranker on and off, and with dense search exact (vectors in memory)
and through Chroma's HNSW index. Prints p50 / p95 per configuration and the peak RSS; it asserts
nothing. Run each size in its own process (the RSS is the process's peak).

    .venv/bin/python -m benchmarks.scale --chunks 10000
    ASSISTANT_EMBEDDING_BACKEND=onnx-int8 .venv/bin/python -m benchmarks.scale --chunks 100000
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.scale_corpus import COMMITTEES, PLACES, TOPICS, write_corpus

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / ".cache" / "scale"
QUESTIONS = [
    "What did the {c} resolve about {t}?",
    "How much was forecast to be spent on {t}?",
    "What did members ask about {t} in {pl}?",
    "Who was asked to report again on {t}?",
    "What did the {c} decide on {t} in {y}?",
    "How many actions in the plan for {t} had been completed?",
]


def questions(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(QUESTIONS).format(
            c=rng.choice(COMMITTEES), t=rng.choice(TOPICS), pl=rng.choice(PLACES),
            y=rng.randint(2013, 2020),
        )
        for _ in range(count)
    ]


def build(chunks: int) -> tuple[Any, dict[str, Any]]:
    """Settings of the scale index for ``chunks`` (built if missing) and the ingest figures."""
    from assistant.ingest.pipeline import index_status, ingest
    from assistant.settings import Settings

    corpus = CACHE / f"corpus-{chunks}"
    if not corpus.is_dir():
        write_corpus(corpus, chunks)
    backend = os.environ.get("ASSISTANT_EMBEDDING_BACKEND", "torch")
    settings = Settings(
        _env_file=None, corpus_path=corpus, index_path=CACHE / f"index-{chunks}-{backend}"
    )
    figures: dict[str, Any] = {"backend": settings.embedding_backend}
    if not index_status(settings)["up_to_date"]:
        report = ingest(settings)
        figures.update(ingest_s=round(report.seconds), chunks_per_s=round(
            report.chunks / report.seconds, 1))
    return settings, figures


def time_asks(settings: Any, asked: list[str], **overrides: Any) -> dict[str, float]:
    from assistant.core import build_assistant

    started = time.monotonic()
    assistant = build_assistant(settings.model_copy(update=overrides))
    opened = time.monotonic() - started
    assistant.ask(asked[0])  # warm up: the model's first call, the neighbour table
    millis = []
    for question in asked:
        started = time.monotonic()
        assistant.ask(question)
        millis.append((time.monotonic() - started) * 1000)
    millis.sort()
    rss_mb = current_rss_mb()  # the assistant is still held: what serving this config takes
    return {
        "rss_mb": rss_mb,
        "open_s": round(opened, 1),
        "p50_ms": round(statistics.median(millis)),
        "p95_ms": round(millis[int(0.95 * (len(millis) - 1))]),
    }


def current_rss_mb() -> int:
    """Resident memory of this process now (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--skip-hnsw", action="store_true", help="time exact search only")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    settings, figures = build(args.chunks)
    from assistant.store.chroma import IndexStore

    count = IndexStore(settings).count()
    print(f"scale index: {count} chunks ({figures})")
    asked = questions(args.questions)
    configs: dict[str, dict[str, Any]] = {
        "exact, reranker on": {},
        "exact, reranker off": {"rerank": False},
    }
    if not args.skip_hnsw:
        configs["HNSW, reranker on"] = {"exact_search_limit": 0}
        configs["HNSW, reranker off"] = {"exact_search_limit": 0, "rerank": False}
    for name, overrides in configs.items():
        result = time_asks(settings, asked, **overrides)
        print(f"{count} chunks, {name}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms "
              f"(index opened in {result['open_s']} s; RSS {result['rss_mb']} MB)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB (the process: any ingest, then one assistant per configuration)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
