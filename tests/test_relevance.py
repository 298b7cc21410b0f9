"""The learned relevance models: fitting, saving, loading, and the shipped weights."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.retrieval.relevance import (
    ANSWERABLE_FEATURES,
    PASSAGE_FEATURES,
    SENTENCE_FEATURES,
    LogisticModel,
    RelevanceModels,
    neutral,
)


def test_fit_learns_which_feature_separates_the_labels() -> None:
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(400, 3))
    labels = (rows[:, 1] + 0.1 * rng.normal(size=400) > 0).astype(float)
    model = LogisticModel.fit(("a", "b", "c"), rows, labels)
    assert abs(model.weights[1]) > 5 * max(abs(model.weights[0]), abs(model.weights[2]))
    predicted = model.probability(rows) >= 0.5
    assert (predicted == labels.astype(bool)).mean() > 0.95


def test_probability_is_monotone_in_a_positive_weight() -> None:
    model = neutral(("x", "y"), "x")
    low, high = model.probability(np.array([[0.1, 5.0], [0.9, -5.0]]))
    assert high > low


def test_models_round_trip_through_json(tmp_path) -> None:
    rows = np.random.default_rng(1).normal(size=(50, len(PASSAGE_FEATURES)))
    labels = (rows[:, 0] > 0).astype(float)
    passage = LogisticModel.fit(PASSAGE_FEATURES, rows, labels)
    sentence = neutral(SENTENCE_FEATURES, "cos")
    answerable = neutral(ANSWERABLE_FEATURES, "best_sentence")
    models = RelevanceModels(passage, sentence, answerable, 0.4, 0.2, 0.1, {"sets": []})
    path = tmp_path / "relevance.json"
    models.save(path)
    loaded = RelevanceModels.load(path)
    assert (loaded.threshold, loaded.floor, loaded.slack) == (0.4, 0.2, 0.1)
    np.testing.assert_allclose(loaded.passage.logit(rows), passage.logit(rows), atol=1e-4)


def test_weights_for_other_features_are_refused(tmp_path) -> None:
    path = tmp_path / "relevance.json"
    RelevanceModels.unfitted().save(path)
    data = json.loads(path.read_text())
    data["sentence"]["features"] = ["cos"]
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="features"):
        RelevanceModels.load(path)


def test_the_shipped_weights_load_and_say_what_they_were_fitted_on() -> None:
    models = RelevanceModels.load()
    assert 0.0 < models.threshold < 1.0
    assert models.fitted_on["sentence_positives"] > 0
    # Similarity of a sentence to the question (three collinear columns for a one-part
    # question) must count for it, not against it.
    similarity = ("cos", "part_cos", "cos_gap")
    weights = models.sentence.weights / models.sentence.scale
    assert sum(weights[SENTENCE_FEATURES.index(name)] for name in similarity) > 0
