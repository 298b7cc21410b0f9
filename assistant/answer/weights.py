"""The weights of the answer step's sentence score: data, refitted on labelled questions.

A unit's score is a weighted sum of what :mod:`assistant.answer.sentence_scorer` reads of it
(its similarity to the question, the rare words they share, its section, whether it holds the
kind of fact asked for, …) plus a bias. The weights are fitted by ``python -m
evals.fit_sentences``: a softmax over the units of each question's top passages and a "none of
them" choice, the units holding an expected answer the positives, the "none" choice for
questions the documents do not answer. They are then put on the scale the abstention threshold
and the answer step's margins are set in. Two sets are shipped: ``adapted``, for a similarity
read with the sentence query adapter, and ``plain``, for one read without it. The shipped file
holds the hand-set weights: fitted ones gave no more right answers on sets written after them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError

WEIGHTS_FILE = Path(__file__).with_name("sentence_weights.json")
# What the fit of a unit to a question is made of, and the unit's priors.
FEATURES = ("boilerplate", "title", "cosine", "overlap", "heading", "asked")
PRIORS = ("rank", "passage", "resolution", "action", "short", "cross")
KINDS = ("adapted", "plain")


@dataclass(frozen=True, slots=True)
class SentenceWeights:
    """A weight for each of ``FEATURES`` and ``PRIORS``, and the bias added to every score."""

    weights: dict[str, float]
    bias: float = 0.0
    fitted_on: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> float:
        return self.weights[name]

    def to_json(self) -> dict[str, Any]:
        return {"weights": self.weights, "bias": self.bias, "fitted_on": self.fitted_on}

    @classmethod
    def load(cls, adapted: bool, path: Path = WEIGHTS_FILE) -> SentenceWeights:
        """The shipped weights for a similarity read with the sentence adapter (``adapted``)
        or without it."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))[KINDS[0] if adapted else KINDS[1]]
            weights = {name: float(data["weights"][name]) for name in FEATURES + PRIORS}
            return cls(weights, float(data["bias"]), dict(data.get("fitted_on") or {}))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ConfigError(f"cannot read the sentence weights in {path}: {error}") from error

    @staticmethod
    def save_all(weights: dict[str, SentenceWeights], path: Path = WEIGHTS_FILE) -> None:
        """One file with the weights of each kind (``KINDS``)."""
        data = {kind: weights[kind].to_json() for kind in KINDS}
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
