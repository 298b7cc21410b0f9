"""Learned linear adapters on the question's vector: ``q + qW``, renormalised.

The bundled bi-encoder was trained on web question–passage pairs, not on council minutes and
inspection letters. A 384 × 384 matrix fitted on labelled questions (``python -m
evals.fit_adapter``) moves a question's vector towards the chunks that answer questions like it
(``retrieval``), and a second, fitted from the first, towards the sentences that answer it
(``sentence``, for the answer step). The chunk and sentence vectors stay as they are: nothing is
re-embedded, and an adapter costs one matrix product a question. They are fitted for one
embedding model; with any other model they are not used.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ADAPTER_FILE = Path(__file__).with_name("query_adapter.npz")
USES = ("retrieval", "sentence")
LOG = logging.getLogger(__name__)


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

    @staticmethod
    def save_all(adapters: dict[str, QueryAdapter], path: Path = ADAPTER_FILE) -> None:
        """One file for the adapters of one model, by use (``USES``)."""
        model = next(iter(adapters.values())).model
        fitted_on = {use: a.fitted_on for use, a in adapters.items()}
        info = json.dumps({"model": model, "fitted_on": fitted_on})
        matrices = {use: a.matrix.astype(np.float16) for use, a in adapters.items()}
        np.savez_compressed(path, info=np.array(info), **matrices)  # type: ignore[arg-type]

    @classmethod
    def for_model(cls, model: str, path: Path = ADAPTER_FILE) -> dict[str, QueryAdapter]:
        """The shipped adapters by use when they were fitted for ``model``; none for another
        model, and none (with a warning) from a file this version cannot read."""
        if not path.exists():
            return {}
        try:
            with np.load(path) as data:
                info = json.loads(str(data["info"]))
                if info["model"] != model:
                    return {}
                fitted_on = info["fitted_on"]
                return {
                    use: cls(data[use].astype(np.float32), model, dict(fitted_on.get(use) or {}))
                    for use in USES
                    if use in data.files
                }
        except (OSError, ValueError, KeyError) as exc:
            LOG.warning("query adapters in %s not used: %s", path, exc)
            return {}
