"""The ablation rows: with everything on, a row scores exactly what the assistant answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core import build_assistant
from evals import ablate
from evals.run import answer_result, load_questions
from evals.scoring import score_question, summarise

pytestmark = pytest.mark.integration
QUESTIONS = Path(__file__).resolve().parents[2] / "evals" / "demo.jsonl"


def test_full_row_matches_the_assistant_and_rows_switch_retrievers(demo_settings) -> None:
    assistant = build_assistant(demo_settings)
    questions = load_questions(QUESTIONS)
    full = ablate.run_row(assistant, questions, ablate.ROWS["+ query adapters"], 5)
    records = [
        score_question(q, answer_result(assistant.ask(q.question, list(q.history) or None)), 5)
        for q in questions
    ]
    expected = {k: v for k, v in summarise(records, 5).items() if k not in ("p50_ms", "p95_ms")}
    assert full == expected
    dense = ablate.run_row(assistant, questions, ablate.ROWS["dense only"], 5)
    assert dense["hit@5"] != full["hit@5"] or dense["mrr@10"] != full["mrr@10"]
    fused = ablate.run_row(assistant, questions, ablate.ROWS["+ question understanding"], 5)
    reranked = ablate.run_row(assistant, questions, ablate.ROWS["+ learned reranker"], 5)
    assert fused["mrr@10"] != reranked["mrr@10"]  # the reranker reorders the same candidates
    assert reranked != full  # the adapters move the question
    retriever = assistant.retriever  # put back as it was
    assert (retriever.use_dense, retriever.use_keyword, retriever.use_boosts) == (True, True, True)
    assert retriever.settings is demo_settings
    assert retriever.adapter is not None and assistant.answerer.scorer.adapter is not None
