"""The fitted weights of the sentence score: reading, saving, the shipped file, and fitting."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.weights import FEATURES, KINDS, PRIORS, SentenceWeights
from assistant.errors import ConfigError
from assistant.retrieval.question import understand
from assistant.settings import Settings
from assistant.store.keyword import KeywordIndex
from assistant.types import Passage
from evals.fit_sentences import NAMES, Row, best_answers, choose_cut, fit_weights, on_scale


def weights_of(value: float, bias: float = 0.0) -> SentenceWeights:
    return SentenceWeights(dict.fromkeys(FEATURES + PRIORS, value), bias, {"sets": ["x"]})


def test_weights_round_trip_by_kind(tmp_path) -> None:
    path = tmp_path / "weights.json"
    SentenceWeights.save_all({"adapted": weights_of(0.5, 0.1), "plain": weights_of(0.2)}, path)
    adapted = SentenceWeights.load(adapted=True, path=path)
    plain = SentenceWeights.load(adapted=False, path=path)
    assert adapted["cosine"] == 0.5 and adapted.bias == 0.1
    assert plain["cosine"] == 0.2 and plain.bias == 0.0
    assert adapted.fitted_on == {"sets": ["x"]}


def test_a_weights_file_missing_a_feature_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "weights.json"
    data = {kind: weights_of(0.5).to_json() for kind in KINDS}
    del data["plain"]["weights"]["overlap"]
    path.write_text(json.dumps(data))
    with pytest.raises(ConfigError, match="overlap"):
        SentenceWeights.load(adapted=False, path=path)
    assert SentenceWeights.load(adapted=True, path=path)["overlap"] == 0.5


def test_the_shipped_weights_say_where_they_come_from_and_trust_the_similarity() -> None:
    for adapted in (True, False):
        weights = SentenceWeights.load(adapted)
        assert weights.fitted_on
        assert weights["cosine"] > 0  # a sentence more like the question answers it better
        assert weights["boilerplate"] < 0  # stock wording of every report answers nothing


def test_the_answer_step_scores_with_the_weights_it_is_given(embeddings, tmp_path) -> None:
    passage = Passage(
        "1",
        "The library will open on Sundays from May. Parking charges rise by 10p in June.",
        "cabinet/minutes.pdf",
        2,
        0.5,
        {"committee": "Cabinet", "date": "2024-03-14", "doc_kind": "minutes"},
    )
    plan = understand("When will the library open on Sundays?")
    texts = ["The library will open on Sundays from May.", "Parking charges rise by 10p."]
    terms = KeywordIndex(["a", "b"], texts, [{}, {}])
    path = tmp_path / "weights.json"
    shipped = {kind: SentenceWeights.load(kind == "adapted") for kind in KINDS}
    SentenceWeights.save_all(shipped, path)
    settings = Settings(_env_file=None, sentence_weights=path)
    before = _scores(embeddings, settings, terms, plan, passage)
    # The same weights and a bias: every unit's score moves by the bias.
    moved = {k: SentenceWeights(w.weights, w.bias + 0.5, w.fitted_on) for k, w in shipped.items()}
    SentenceWeights.save_all(moved, path)
    after = _scores(embeddings, settings, terms, plan, passage)
    assert set(before) == set(after) and len(before) == 2
    for text, score in before.items():
        assert after[text] == pytest.approx(score + 0.5)
    best = max(before, key=before.__getitem__)
    assert best.startswith("The library")


def rows_where_one_feature_marks_the_answer(seed: int) -> list[Row]:
    """Questions whose answering unit has the 'overlap' feature set and a noisy 'cosine', and
    unanswerable ones where no unit has it."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(60):
        features = rng.normal(scale=0.1, size=(6, len(NAMES))).astype(np.float32)
        answerable = i % 3 != 0
        positive = None
        if answerable:
            positive = np.zeros(6, dtype=bool)
            positive[i % 6] = True
            features[i % 6, NAMES.index("overlap")] += 1.0
        rows.append(
            Row(f"s{i % 2}", answerable, features, np.ones(2), np.ones((6, 2)), positive,
                features[:, NAMES.index("cosine")].astype(np.float64), declined=False)
        )
    return rows


def test_fitting_learns_which_feature_marks_the_answering_unit() -> None:
    rows = rows_where_one_feature_marks_the_answer(0)
    weights, none = fit_weights(rows, [r.features for r in rows], l2=1e-3)
    assert np.argmax(weights) == NAMES.index("overlap")
    held = rows_where_one_feature_marks_the_answer(1)
    scores = [r.features @ weights for r in held]
    assert best_answers(held, scores) == 1.0
    assert best_answers(held, [r.before for r in held]) < 0.5  # the noisy similarity alone
    # "None" beats the best unit of an unanswerable question, not of an answerable one.
    margins = [float(s.max() - none) for s in scores]
    cut = choose_cut(held, margins)
    assert all((m >= cut) == r.answerable for r, m in zip(held, margins, strict=True))


def test_the_scale_keeps_distances_and_puts_the_cut_on_the_threshold() -> None:
    rows = rows_where_one_feature_marks_the_answer(2)
    learned = [2.0 * r.before + 7.0 for r in rows]  # the same ranking, twice as spread
    alpha, bias = on_scale(rows, learned, cut=-1.0, none=5.0, threshold=0.35)
    assert alpha == pytest.approx(0.5)
    assert alpha * (5.0 - 1.0) + bias == pytest.approx(0.35)


def _scores(embeddings, settings, terms, plan, passage) -> dict[str, float]:
    answerer = ExtractiveAnswerer(embeddings, settings, terms)
    return {u.text: u.score for u in answerer.scorer.score(plan, [passage])}
