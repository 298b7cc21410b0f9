"""Learned relevance: two small logistic models over what the bundled sentence model and the
keyword index say about a candidate, one for passages (the reranker) and one for sentences (what
the answer quotes, and whether anything answers at all).

No cross-encoder or reranker model ships in a package this project can install offline, so the
learned part sits on top of what the bundled bi-encoder and BM25 already say: each feature is a
similarity, a rank or a share of rare words, and the weights that combine them are fitted on
labelled questions by ``python -m evals.fit_relevance`` and stored in ``relevance.json`` beside
this file. A third model turns what the other two found (best sentence, best passage, coverage,
names unmatched) into one probability that the documents answer the question: the one score
the learned answer step abstains on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS_FILE = Path(__file__).with_name("relevance.json")

PASSAGE_FEATURES = (
    "chunk_cos",  # question vs the stored chunk vector (context header included)
    "dense_rr",  # 1 / (1 + rank) in the dense ranking (0: not in it)
    "bm25_rr",  # 1 / (1 + rank) in the BM25 ranking (0: not in it)
    "bm25",  # log(1 + BM25 score)
    "bm25_gap",  # ... less the best candidate's
    "fused_rr",  # 1 / (1 + rank) in the fused ranking (boosts for what the question names)
    "kind_match",  # a resolution (action) when the question asks what was decided (actioned)
    "coverage",  # idf-weighted share of the question's terms in the passage and its header
    "coverage_gap",  # ... less the largest share among the candidates
    "named_match",  # council, committee or date the question names that the passage has
    "named_miss",  # ... that the passage does not have
    "no_content",  # only a heading, label or address block
)

SENTENCE_FEATURES = (
    "cos",  # question vs the sentence
    "part_cos",  # best part of a multi-part question vs the sentence (= cos for one part)
    "cos_gap",  # part_cos less the best part_cos among the candidate sentences
    "overlap",  # idf-weighted share of the question's terms in the sentence
    "overlap_gap",  # ... less the largest share among the candidate sentences
    "title_overlap",  # ... in the heading and item title the sentence sits under
    "passage_logit",  # the reranker's score of the sentence's passage
    "passage_rr",  # 1 / (1 + rank) of the passage after reranking
    "short",  # under 8 words
    "title",  # a heading or item title
    "furniture",  # an address block, cover fields or an attachment list
    "boilerplate",  # a sentence shape found in many documents
    "resolution",  # part of a resolution, when the question asks what was decided
    "log_words",  # length
    "long",  # over 60 words: a block the splitter could not cut, rarely a quotable answer
)

ANSWERABLE_FEATURES = (
    "best_sentence",  # the sentence model's highest probability among the candidates
    "best_passage",  # the reranker's highest logit
    "best_coverage",  # largest share of the question's rare terms one top passage holds
    "named_unmatched",  # council, committee or date the question names that no top passage has
)


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """``p = sigmoid(bias + x · weights)`` over named features, standardised by mean/scale."""

    names: tuple[str, ...]
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray

    def logit(self, rows: np.ndarray) -> np.ndarray:
        rows = np.atleast_2d(np.asarray(rows, dtype=np.float64))
        return np.asarray(((rows - self.mean) / self.scale) @ self.weights + self.bias)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(rows)))

    @classmethod
    def fit(
        cls, names: tuple[str, ...], rows: np.ndarray, labels: np.ndarray, l2: float = 1.0
    ) -> LogisticModel:
        """L2-regularised maximum likelihood by Newton's method (a few hundred rows: exact)."""
        x = np.asarray(rows, dtype=np.float64)
        y = np.asarray(labels, dtype=np.float64)
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale == 0] = 1.0
        z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
        w = np.zeros(z.shape[1])
        penalty = np.eye(z.shape[1]) * l2
        penalty[0, 0] = 0.0  # the bias is not shrunk
        for _ in range(50):
            p = 1.0 / (1.0 + np.exp(-(z @ w)))
            gradient = z.T @ (p - y) + penalty @ w
            hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
            step = np.linalg.solve(hessian, gradient)
            w -= step
            if np.abs(step).max() < 1e-8:
                break
        return cls(names, w[1:], float(w[0]), mean, scale)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.names),
            "weights": [round(float(v), 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], expected: tuple[str, ...]) -> LogisticModel:
        names = tuple(data["features"])
        if names != expected:
            raise ValueError(f"relevance weights are for features {names}, not {expected}")
        return cls(
            names,
            np.asarray(data["weights"], dtype=np.float64),
            float(data["bias"]),
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
        )


def neutral(names: tuple[str, ...], feature: str) -> LogisticModel:
    """A model that ranks by one feature alone (before any fitting; tests and ablation)."""
    weights = np.array([1.0 if n == feature else 0.0 for n in names])
    zeros = np.zeros(len(names))
    return LogisticModel(names, weights, 0.0, zeros, np.ones(len(names)))


@dataclass(frozen=True, slots=True)
class RelevanceModels:
    """The fitted passage and sentence models, and the answer step's two cut-offs."""

    passage: LogisticModel
    sentence: LogisticModel
    answerable: LogisticModel
    # The answer abstains when the answerable model's probability is under this.
    threshold: float = 0.5
    # A sentence is quoted only when its probability of answering reaches this,
    floor: float = 0.1
    # and further sentences when their probability is within this of the best one's.
    slack: float = 0.2
    fitted_on: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> RelevanceModels:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            passage=LogisticModel.from_dict(data["passage"], PASSAGE_FEATURES),
            sentence=LogisticModel.from_dict(data["sentence"], SENTENCE_FEATURES),
            answerable=LogisticModel.from_dict(data["answerable"], ANSWERABLE_FEATURES),
            threshold=float(data["threshold"]),
            floor=float(data["floor"]),
            slack=float(data["slack"]),
            fitted_on=dict(data.get("fitted_on") or {}),
        )

    def save(self, path: Path = WEIGHTS_FILE) -> None:
        data = {
            "passage": self.passage.to_dict(),
            "sentence": self.sentence.to_dict(),
            "answerable": self.answerable.to_dict(),
            "threshold": round(self.threshold, 4),
            "floor": round(self.floor, 4),
            "slack": round(self.slack, 4),
            "fitted_on": self.fitted_on,
        }
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def unfitted(cls) -> RelevanceModels:
        """Keep the fused order and rank sentences by similarity (no weights)."""
        return cls(
            passage=neutral(PASSAGE_FEATURES, "fused_rr"),
            sentence=neutral(SENTENCE_FEATURES, "cos"),
            answerable=neutral(ANSWERABLE_FEATURES, "best_sentence"),
            threshold=1 / (1 + math.exp(-0.6)),
            floor=1 / (1 + math.exp(-0.45)),
            slack=0.05,
        )
