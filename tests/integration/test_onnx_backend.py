"""The ONNX embedding backend against the torch one, with the real bundled model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.store.embeddings import SentenceEmbeddings

pytestmark = pytest.mark.integration

TEXTS = [
    "RESOLVED that Cabinet approves the revenue budget for 2025-26.",
    "Waiting times for neurodevelopmental assessments remain too long.",
    "Apologies",
    "The committee noted the report. " * 60,  # longer than the model reads: truncated alike
]


def test_onnx_fp32_matches_torch_and_int8_stays_close(embeddings, tmp_path: Path) -> None:
    reference = embeddings.encode(TEXTS)
    fp32 = SentenceEmbeddings(backend="onnx", onnx_cache=tmp_path).encode(TEXTS)
    assert fp32.shape == reference.shape
    assert np.abs(fp32 - reference).max() < 1e-4
    int8 = SentenceEmbeddings(backend="onnx-int8", onnx_cache=tmp_path).encode(TEXTS)
    cosines = (int8 * reference).sum(axis=1)
    assert cosines.min() > 0.85
    assert np.allclose(np.linalg.norm(int8, axis=1), 1.0, atol=1e-5)
    exported = sorted(p.name for p in tmp_path.rglob("*.onnx"))
    assert exported == ["model-int8.onnx", "model.onnx"]


def test_onnx_vectors_keep_the_order_texts_came_in(tmp_path: Path) -> None:
    model = SentenceEmbeddings(backend="onnx", onnx_cache=tmp_path, batch_size=2)
    together = model.encode(TEXTS)
    one_by_one = np.vstack([model.encode([t]) for t in TEXTS])
    assert np.abs(together - one_by_one).max() < 1e-4
