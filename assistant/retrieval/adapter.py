"""A learned linear adapter on the question's vector: ``q + qW``, renormalised.

The bundled bi-encoder was trained on web question–passage pairs, not on council minutes and
inspection letters. A 384 × 384 matrix fitted on labelled questions (``python -m
evals.fit_adapter``) moves a question's vector towards the chunks that answer questions like it,
while the chunk vectors in the index stay as they are: nothing is re-embedded, and the adapter
costs one matrix product a question. It is fitted for one embedding model; with any other model
it is not used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ADAPTER_FILE = Path(__file__).with_name("query_adapter.npz")


@dataclass(frozen=True, slots=True)
class QueryAdapter:
    """``W`` of the adapter, the embedding model it was fitted for, and how it was fitted."""

    matrix: np.ndarray
    model: str
    fitted_on: dict[str, Any] = field(default_factory=dict)

    def apply(self, vector: np.ndarray) -> np.ndarray:
        """The adapted unit vector of a unit question vector."""
        vector = np.asarray(vector, dtype=np.float32)
        moved = vector + vector @ self.matrix
        return moved / (np.linalg.norm(moved) or 1.0)

    def save(self, path: Path = ADAPTER_FILE) -> None:
        info = json.dumps({"model": self.model, "fitted_on": self.fitted_on})
        np.savez_compressed(path, matrix=self.matrix.astype(np.float16), info=np.array(info))

    @classmethod
    def load(cls, path: Path = ADAPTER_FILE) -> QueryAdapter:
        with np.load(path) as data:
            info = json.loads(str(data["info"]))
            matrix = data["matrix"].astype(np.float32)
        return cls(matrix, str(info["model"]), dict(info.get("fitted_on") or {}))

    @classmethod
    def for_model(cls, model: str, path: Path = ADAPTER_FILE) -> QueryAdapter | None:
        """The shipped adapter when it was fitted for ``model``, else None."""
        if not path.exists():
            return None
        adapter = cls.load(path)
        return adapter if adapter.model == model else None
