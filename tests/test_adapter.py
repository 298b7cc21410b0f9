"""The learned query adapters: applying, saving, loading, the shipped matrices, and fitting."""

from __future__ import annotations

import numpy as np

from assistant.retrieval.adapter import USES, QueryAdapter
from assistant.settings import BUNDLED_MODEL
from evals.fit_adapter import Example, SentenceExample, best_sentence_answers, dense_ranking, fit


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def test_the_adapted_vector_is_a_unit_vector_moved_by_the_matrix() -> None:
    matrix = np.zeros((3, 3), dtype=np.float32)
    matrix[0, 1] = 1.0  # the first coordinate pulls the vector along the second
    adapter = QueryAdapter(matrix, "m")
    moved = adapter.apply(np.array([1.0, 0.0, 0.0]))
    np.testing.assert_allclose(moved, unit(np.array([1.0, 1.0, 0.0])), atol=1e-6)
    untouched = adapter.apply(np.array([0.0, 0.0, 1.0]))
    np.testing.assert_allclose(untouched, [0.0, 0.0, 1.0], atol=1e-6)


def test_adapters_round_trip_and_serve_only_their_own_model(tmp_path) -> None:
    rng = np.random.default_rng(0)
    matrices = {use: rng.normal(scale=0.01, size=(4, 4)).astype(np.float32) for use in USES}
    path = tmp_path / "adapter.npz"
    adapters = {use: QueryAdapter(m, "model-a", {"questions": 3}) for use, m in matrices.items()}
    QueryAdapter.save_all(adapters, path)
    loaded = QueryAdapter.for_model("model-a", path)
    assert set(loaded) == set(USES)
    for use in USES:
        assert loaded[use].fitted_on == {"questions": 3}
        np.testing.assert_allclose(loaded[use].matrix, matrices[use], atol=1e-4)
    assert QueryAdapter.for_model("model-b", path) == {}
    assert QueryAdapter.for_model("model-a", tmp_path / "missing.npz") == {}


def test_an_unreadable_adapter_file_is_reported_and_not_used(tmp_path, caplog) -> None:
    path = tmp_path / "adapter.npz"
    np.savez_compressed(path, matrix=np.zeros((4, 4)))  # no model information
    assert QueryAdapter.for_model("model-a", path) == {}
    assert "not used" in caplog.text


def test_the_shipped_adapters_are_for_the_bundled_model() -> None:
    adapters = QueryAdapter.for_model(BUNDLED_MODEL)
    assert set(adapters) == set(USES)
    for adapter in adapters.values():
        assert adapter.matrix.shape == (384, 384)
        assert adapter.fitted_on["questions"] > 0


def test_fitting_moves_questions_towards_the_chunks_that_answer_them() -> None:
    # Chunks in 8 dimensions; each question sits nearer a distractor than its answer, but the
    # answer is always the question's vector turned the same way: a linear map can learn it.
    rng = np.random.default_rng(3)
    turn = np.eye(8, dtype=np.float32)[[1, 0, 3, 2, 5, 4, 7, 6]]
    examples = []
    for i in range(40):
        question = unit(rng.normal(size=8))
        answer = unit(question @ turn + 0.1 * rng.normal(size=8))
        distractor = unit(question + 0.3 * rng.normal(size=8))
        others = unit(rng.normal(size=(20, 8)))
        chunks = np.vstack([answer, distractor, others]).astype(np.float32)
        positive = np.zeros(len(chunks), dtype=bool)
        positive[0] = True
        examples.append(Example(f"s{i % 2}", question, chunks, np.arange(len(chunks)), positive))
    before = dense_ranking(examples, None)
    after = dense_ranking(examples, fit(examples, l2=0.0001, epochs=300, tau=0.1))
    assert after[2] > before[2] + 0.3  # mrr@10


def test_a_sentence_adapter_starts_from_the_one_it_is_given() -> None:
    rng = np.random.default_rng(5)
    start = rng.normal(scale=0.05, size=(8, 8)).astype(np.float32)
    question = unit(rng.normal(size=8))
    sentences = unit(rng.normal(size=(6, 8)))
    # The answering sentence is the one the start ranks last.
    last = int(np.argmin(sentences @ QueryAdapter(start, "").apply(question)))
    example = SentenceExample("s", question, sentences, np.eye(6, dtype=bool)[last])
    assert best_sentence_answers([example], start) == 0.0
    # No epochs: the start, unchanged; trained: the answering sentence becomes the best one.
    np.testing.assert_allclose(fit([example], 0.0, 0, 0.1, start), start)
    trained = fit([example], 0.0, 200, 0.1, start)
    assert best_sentence_answers([example], trained) == 1.0
