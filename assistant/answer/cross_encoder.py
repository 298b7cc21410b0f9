"""How well a sentence answers a question, read by a cross-encoder: the embedding model given
the question and the sentence (headed by its passage's context) as one input, so that its
attention compares them word by word, where the bi-encoder compares two vectors made apart.

No cross-encoder ships in a package this project can install offline, so this one is the
bundled all-MiniLM-L6-v2 with its transformer layers and a one-number head fitted on labelled
questions (``python -m evals.fit_cross_encoder``). The shipped file holds only what was fitted:
a low-rank change to each of the layers' weight matrices (``W + B @ A``, added at load), their
biases and layer norms, and the head. Everything else is the bundled model's own, so it serves
that model only.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.cross_encoders import BaseCrossEncoder

from assistant.errors import ConfigError
from assistant.store.onnx_encoder import length_batches
from assistant.types import Passage

if TYPE_CHECKING:
    import torch

CROSS_ENCODER_FILE = Path(__file__).with_name("cross_encoder.safetensors")
MAX_TOKENS = 128
# Characters of the context header put before the sentence.
CONTEXT_CHARS = 160
CONTEXT_KEYS = ("council", "committee", "doc_title", "heading", "item_title")
BATCH = 64
# Padded word pieces a batch of pairs may hold (about eight pairs of the longest kind).
BATCH_TOKENS = 1024
# Question-sentence pairs remembered: the calibration and a follow-up re-read the same ones.
CACHE_PAIRS = 20_000


def pair_text(sentence: str, passage: Passage) -> str:
    """The sentence as the cross-encoder reads it: after what its passage is from and about."""
    meta = passage.metadata
    context = " | ".join(str(meta[k]) for k in CONTEXT_KEYS if meta.get(k))[:CONTEXT_CHARS]
    return f"{context}: {sentence}" if context else sentence


def mean_pooled(hidden: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
    """The mean of the tokens' last states (padding left out), as the bi-encoder pools."""
    mask = attention.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1)


def pair_logits(
    tokenizer: Any, encoder: Any, head: Any, questions: list[str], texts: list[str]
) -> torch.Tensor:
    """The head's logit for each (question, text) pair, read as one input (the text cut to fit
    ``MAX_TOKENS``): the same reading in fitting as in use."""
    inputs = tokenizer(
        questions,
        texts,
        truncation="only_second",
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )
    hidden = encoder(**inputs).last_hidden_state
    return head(mean_pooled(hidden, inputs["attention_mask"])).squeeze(-1)


class SentenceCrossEncoder(BaseCrossEncoder):
    """Logits for (question, sentence) pairs: above 0, the sentence likely answers. As a
    LangChain ``BaseCrossEncoder`` it also serves ``CrossEncoderReranker``."""

    def __init__(self, model_path: str, weights: Path = CROSS_ENCODER_FILE) -> None:
        self.model_path = model_path
        self.weights = weights
        self._cache: OrderedDict[tuple[str, str], float] = OrderedDict()

    @cached_property
    def _model(self) -> tuple[Any, Any, Any]:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from safetensors.torch import load_file
        from transformers import AutoModel, AutoTokenizer

        try:
            fitted = load_file(str(self.weights))
            tokenizer = AutoTokenizer.from_pretrained(self.model_path)
            encoder = AutoModel.from_pretrained(self.model_path)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot load the sentence cross-encoder: {exc}") from exc
        try:
            head = apply_fitted(encoder, fitted)
        except (KeyError, RuntimeError) as exc:
            raise ConfigError(
                f"the cross-encoder weights in {self.weights} do not fit the model at "
                f"{self.model_path}: {exc}"
            ) from exc
        encoder.eval()
        return tokenizer, encoder, head.eval()

    def logits(self, question: str, texts: list[str]) -> np.ndarray:
        """One logit per text of how well it answers ``question`` (remembered per pair)."""
        return self.logits_of([(question, texts)])[0]

    def logits_of(self, asked: list[tuple[str, list[str]]]) -> list[np.ndarray]:
        """``logits`` for several questions' texts at once (a question and its parts): the
        pairs not remembered are read together, shortest first, so each batch pads little."""
        pairs = [(q, t) for q, texts in asked for t in texts]
        new = list(dict.fromkeys(pair for pair in pairs if pair not in self._cache))
        if new:
            tokenizer = self._model[0]
            questions, texts = [q for q, _ in new], [t for _, t in new]
            ids = tokenizer(questions, texts, truncation="only_second", max_length=MAX_TOKENS)
            lengths = [len(row) for row in ids["input_ids"]]
            for rows in length_batches(lengths, BATCH, BATCH_TOKENS):
                read = self._run([questions[i] for i in rows], [texts[i] for i in rows])
                for i, logit in zip(rows, read, strict=True):
                    self._cache[new[i]] = float(logit)
        while len(self._cache) > CACHE_PAIRS:
            self._cache.popitem(last=False)
        return [np.array([self._cache[(q, t)] for t in texts], np.float64) for q, texts in asked]

    def score(self, text_pairs: list[tuple[str, str]]) -> list[float]:
        """LangChain's interface: a logit for each (question, text) pair."""
        by_question: dict[str, list[str]] = {}
        for question, text in text_pairs:
            by_question.setdefault(question, []).append(text)
        scores: dict[tuple[str, str], float] = {}
        for question, texts in by_question.items():
            logits = self.logits(question, texts)
            scores |= {(question, t): float(v) for t, v in zip(texts, logits, strict=True)}
        return [scores[pair] for pair in text_pairs]

    def _run(self, questions: list[str], texts: list[str]) -> np.ndarray:
        import torch

        with torch.inference_mode():
            return pair_logits(*self._model, questions, texts).numpy()


def apply_fitted(encoder: Any, fitted: dict[str, torch.Tensor]) -> Any:
    """Load a fitted file's tensors (as ``load_file`` reads them) into the bundled ``encoder``;
    the fitted head. Raises KeyError or RuntimeError when they do not fit the model."""
    fitted = dict(fitted)
    head = _head(fitted.pop("head.weight"), fitted.pop("head.bias"))
    encoder.load_state_dict(_merged(fitted, encoder.state_dict()), strict=False)
    return head


def _merged(fitted: dict[str, torch.Tensor], state: dict[str, torch.Tensor]) -> dict[str, Any]:
    """The model's tensors the fitted file changes: ``name.lora_A``/``name.lora_B`` pairs added
    to ``name.weight`` as ``B @ A``, other tensors replacing the model's of the same name."""
    merged = {}
    for name, tensor in fitted.items():
        if name.endswith(".lora_B"):
            continue
        if name.endswith(".lora_A"):
            module = name.removesuffix(".lora_A")
            change = fitted[f"{module}.lora_B"].float() @ tensor.float()
            name, tensor = f"{module}.weight", state[f"{module}.weight"] + change
        elif name not in state:
            raise KeyError(name)
        merged[name] = tensor.float()
    return merged


def _head(weight: torch.Tensor, bias: torch.Tensor) -> Any:
    import torch

    head = torch.nn.Linear(weight.shape[1], 1)
    head.load_state_dict({"weight": weight.float(), "bias": bias.float()})
    return head
