"""The embedding model's transformer run by onnxruntime, in fp32 or int8.

sentence-transformers' own ``backend="onnx"`` needs ``optimum-onnx``, which pins transformers
below 4.58 and would break this stack, so the transformer is exported once with
``torch.onnx.export`` (the TorchScript exporter) into a cache folder, quantised there with
onnxruntime's dynamic int8 quantisation when asked, and pooled here as the sentence-transformers
pipeline pools it (mean or CLS, then unit length).
"""

from __future__ import annotations

import hashlib
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17
# Padded word pieces a batch may hold. At query time a question is encoded with a few dozen
# sentences of very different lengths: in one batch every one would be padded to the longest,
# which took twice as long as batches of like lengths (evals/README.md).
BATCH_TOKENS = 1024


class OnnxEncoder:
    """Encodes texts like ``SentenceTransformer.encode(normalize_embeddings=True)``."""

    def __init__(self, model: SentenceTransformer, model_path: str, cache: Path, int8: bool):
        self.model = model
        self.model_path = model_path
        self.cache = cache
        self.int8 = int8
        self.pooling = _pooling_mode(model)

    @cached_property
    def session(self) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 3
        return ort.InferenceSession(
            str(self.exported()), options, providers=["CPUExecutionProvider"]
        )

    @cached_property
    def input_names(self) -> list[str]:
        return [i.name for i in self.session.get_inputs()]

    def exported(self) -> Path:
        """The ONNX file for this model and precision, exported on first use."""
        folder = self.cache / _slug(self.model_path)
        fp32 = folder / "model.onnx"
        if not fp32.exists():
            folder.mkdir(parents=True, exist_ok=True)
            _export(self.model, fp32)
        if not self.int8:
            return fp32
        int8 = folder / "model-int8.onnx"
        if not int8.exists():
            from onnxruntime.quantization import QuantType, quantize_dynamic

            tmp = int8.with_name(f".{os.getpid()}.{int8.name}")
            quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8)
            os.replace(tmp, int8)
        return int8

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        """Unit-length vectors, one row per text, in the order given. Texts are batched by
        length, at most ``batch_size`` and ``BATCH_TOKENS`` padded word pieces a batch, so a
        batch pads to about its own longest text."""
        tokens = self.model.tokenizer(texts, truncation=True, max_length=self.model.max_seq_length)
        lengths = [len(ids) for ids in tokens["input_ids"]]
        out = np.zeros((len(texts), self.model.get_embedding_dimension() or 0), np.float32)
        for rows in length_batches(lengths, batch_size, BATCH_TOKENS):
            batch = {key: [values[i] for i in rows] for key, values in tokens.items()}
            out[rows] = self._encode_batch(self.model.tokenizer.pad(batch, return_tensors="np"))
        return out

    def _encode_batch(self, tokens: Any) -> np.ndarray:
        feed = {name: tokens[name].astype(np.int64) for name in self.input_names if name in tokens}
        if "token_type_ids" in self.input_names and "token_type_ids" not in feed:
            feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        hidden = self.session.run(None, feed)[0]
        if self.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            mask = feed["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def length_batches(lengths: list[int], most: int, tokens: int) -> list[list[int]]:
    """Indices of texts grouped shortest first, each group of at most ``most`` texts and
    ``tokens`` word pieces once padded to its longest (a longer text alone in its group)."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        if current and (len(current) >= most or (len(current) + 1) * lengths[index] > tokens):
            batches.append(current)
            current = []
        current.append(index)
    return batches + [current] if current else batches


def _pooling_mode(model: SentenceTransformer) -> str:
    for module in model:
        config: dict[str, Any] = getattr(module, "get_config_dict", dict)()
        mode = config.get("pooling_mode")
        if mode in ("mean", "cls"):
            return str(mode)
        if mode is not None or config.get("pooling_mode_max_tokens"):
            break
    raise ConfigError(
        "the ONNX embedding backend supports models with mean or CLS pooling; use "
        "ASSISTANT_EMBEDDING_BACKEND=torch for this model"
    )


def _export(model: SentenceTransformer, target: Path) -> None:
    import torch

    class LastHiddenState(torch.nn.Module):
        """The transformer with positional inputs, as the exporter traces it."""

        def __init__(self, transformer: Any, names: list[str]) -> None:
            super().__init__()
            self.transformer = transformer
            self.names = names

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            named = dict(zip(self.names, inputs, strict=True))
            return self.transformer(**named).last_hidden_state

    sample = model.tokenizer(["a sample sentence", "two"], padding=True, return_tensors="pt")
    names = [n for n in INPUTS if n in sample]
    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]}
    tmp = target.with_name(f".{os.getpid()}.{target.name}")
    with torch.no_grad():
        torch.onnx.export(
            LastHiddenState(model[0].auto_model, names).eval(),
            tuple(sample[n] for n in names),
            str(tmp),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
        )
    os.replace(tmp, target)


def _slug(model_path: str) -> str:
    name = Path(model_path).name or "model"
    return f"{name}-{hashlib.sha1(model_path.encode()).hexdigest()[:10]}"
