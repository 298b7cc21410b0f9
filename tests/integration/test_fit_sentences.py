"""What the sentence-weight fit reads is what the answer step scores."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.core import build_assistant
from evals.fit_sentences import COSINE, NAMES, collect_from
from evals.run import load_questions

pytestmark = pytest.mark.integration
QUESTIONS = Path(__file__).resolve().parents[2] / "evals" / "demo.jsonl"


def test_weighted_features_give_the_answer_steps_scores(demo_settings) -> None:
    assistant = build_assistant(demo_settings)
    assert isinstance(assistant.answerer, ExtractiveAnswerer)
    scorer = assistant.answerer.scorer
    assert scorer.adapter is not None
    rows = collect_from(assistant, QUESTIONS)
    assert len(rows) > 20
    assert any(r.positive is not None and r.positive.any() for r in rows if r.answerable)
    assert any(r.positive is None for r in rows if not r.answerable)
    weights = np.array([scorer.weights[name] for name in NAMES])
    checked = 0
    questions = {q.id: q for q in load_questions(QUESTIONS)}
    for row in rows:
        question = questions[row.question_id]
        plan = assistant.plan(question.question, list(question.history) or None)
        if plan.parts or plan.followed:
            continue  # scored on its parts too: the fit reads the whole question only
        features = row.features.copy()
        # The fit reads the similarity as asked; the answer step reads it moved by the adapter.
        features[:, COSINE] = row.units @ scorer.adapter.apply(row.question)
        np.testing.assert_allclose(features @ weights + scorer.weights.bias, row.before, atol=1e-4)
        checked += 1
    assert checked > 10
