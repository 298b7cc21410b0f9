"""Retriever ablation on a built index:
``python -m evals.ablate --corpus DIR --questions FILE.jsonl --index-dir INDEX``.

Each row switches parts of the hybrid retriever off (dense search, BM25, question understanding:
boosts, per-clause search; the learned reranker's reordering; the query adapters, which also move
the question when the extractive answerer scores sentences) and answers with the extractive
answerer (otherwise the same in every row); it prints the same summary
line as ``evals.run`` (latency left out). Index variants (no context headers, no structure) are
built by ``evals.run`` with ``ASSISTANT_CONTEXT_HEADERS`` / ``ASSISTANT_PARSE_STRUCTURE``; see
evals/README.md.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.run import answer_result, format_summary, load_questions, without_latency
from evals.scoring import score_question, summarise


@dataclass(frozen=True)
class Row:
    """One retriever configuration."""

    dense: bool
    keyword: bool
    equal_weights: bool
    understanding: bool
    rerank: bool = False
    adapters: bool = False


ROWS = {
    "dense only": Row(dense=True, keyword=False, equal_weights=True, understanding=False),
    "BM25 only": Row(dense=False, keyword=True, equal_weights=True, understanding=False),
    "hybrid": Row(dense=True, keyword=True, equal_weights=False, understanding=False),
    "+ question understanding": Row(
        dense=True, keyword=True, equal_weights=False, understanding=True
    ),
    "+ learned reranker": Row(
        dense=True, keyword=True, equal_weights=False, understanding=True, rerank=True
    ),
    "+ query adapters": Row(
        dense=True, keyword=True, equal_weights=False, understanding=True, rerank=True,
        adapters=True,
    ),
}


def ask(assistant: Any, question: str, history: list[str] | None, row: Row) -> Any:
    """Retrieve with the row's retriever and answer extractively."""
    from assistant.core import RETRIEVED_PASSAGES
    from assistant.retrieval.question import Query

    plan = assistant.plan(question, history)
    if not row.understanding:
        # No boosts, no per-clause search; a follow-up keeps the subject it carries.
        plan = Query(question=question, text=plan.text if history else question)
    k = max(RETRIEVED_PASSAGES, assistant.settings.top_k)
    return assistant.answerer.answer(plan, assistant.retriever.search(plan, None, k=k))


def run_row(assistant: Any, questions: list[Any], row: Row, k: int) -> dict[str, Any]:
    """The summary of one row (the retriever and answerer are put back as they were)."""
    retriever, scorer = assistant.retriever, assistant.answerer.scorer
    before = (retriever.use_dense, retriever.use_keyword, retriever.use_boosts, retriever.settings)
    # The learned answer step's scorer has no adapter: ``adapters`` holds what each one had.
    adapters = [(part, part.adapter) for part in (retriever, scorer) if hasattr(part, "adapter")]
    retriever.use_dense, retriever.use_keyword = row.dense, row.keyword
    retriever.use_boosts = row.understanding
    for part, adapter in adapters:
        part.adapter = adapter if row.adapters else None
    weights = {"dense_weight": 1.0, "keyword_weight": 1.0} if row.equal_weights else {}
    retriever.settings = before[3].model_copy(update={**weights, "rerank": row.rerank})
    try:
        records = [
            score_question(
                q, answer_result(ask(assistant, q.question, list(q.history) or None, row)), k
            )
            for q in questions
        ]
    finally:
        retriever.use_dense, retriever.use_keyword, retriever.use_boosts = before[:3]
        retriever.settings = before[3]
        for part, adapter in adapters:
            part.adapter = adapter
    summary = summarise(records, k)
    return without_latency(summary)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--index-dir", type=Path, required=True, help="a built index")
    parser.add_argument("--rows", default=",".join(ROWS), help="comma-separated row names")
    parser.add_argument("-k", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.core import build_assistant
    from assistant.settings import Settings

    settings = Settings(corpus_path=args.corpus.resolve(), index_path=args.index_dir.resolve())
    assistant = build_assistant(settings)
    questions = load_questions(args.questions)
    for name in args.rows.split(","):
        summary = run_row(assistant, questions, ROWS[name], args.k)
        print(format_summary(summary, f"{args.index_dir.name} | {name}"), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
