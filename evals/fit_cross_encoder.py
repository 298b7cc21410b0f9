"""Fit the sentence cross-encoder (``assistant/answer/cross_encoder.safetensors``) on labelled
question sets.

    python -m evals.fit_cross_encoder --set ../shared/corpus ../shared/eval/dev.jsonl \\
        --set ../shared/corpus more.jsonl --set corpus evals/demo.jsonl \\
        --index ../shared/corpus INDEX

Every question is read and searched as the assistant does, and the quotable units of its top
five passages are scored by the answer step without the cross-encoder. A unit holding every
expected answer string (or, where none holds them all, one of them) is a positive; the other
units of the question are negatives: the ten the answer step scored highest (the ones it
confuses with the answer) and five more at random. Every unit of an unanswerable question is a
negative, so that the model learns a near miss from an answer. Answerable questions no unit
answers are left out (their passages were not the right ones).

With ``--parts``, a question of several asking parts also gives pairs read with each part's
text, as the answer step reads them: each part is matched to a distinct expected answer string
(the matching under which the rest of the score fits the strings' units to their parts best),
the units holding its string are its positives, and the units holding none are its negatives
as above.

The model is the bundled all-MiniLM-L6-v2 given the question and the unit (headed by its
passage's context, :func:`~assistant.answer.cross_encoder.pair_text`) as one input, its tokens'
last states mean-pooled into a one-number head. Its six transformer layers and the head are
fitted (the word embeddings stay the bundled model's) by binary cross-entropy, two epochs. To
ship in the repository under 5 MB, each weight matrix's change from the bundled model is cut to
its best rank-``RANK`` approximation (:func:`shippable`); the file holds those, the layers'
biases and norms (float16) and the head.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from assistant.answer.cross_encoder import (
    CROSS_ENCODER_FILE,
    apply_fitted,
    pair_logits,
    pair_text,
)
from evals.fit_sentences import _positives
from evals.run import load_questions
from evals.scoring import contains

HARD_NEGATIVES, RANDOM_NEGATIVES = 10, 5
EPOCHS, BATCH, WARMUP = 2, 32, 30
LAYER_RATE, HEAD_RATE = 5e-5, 1e-3
# Rank of each weight matrix's fitted change as shipped: 48 keeps the file under 5 MB.
RANK = 48
SEED = 0


@dataclass(frozen=True)
class Pair:
    question: str
    text: str
    label: float


def collect(
    assistant: Any, questions_file: Path, rng: random.Random, parts: bool = False
) -> list[Pair]:
    """The training pairs of one question set (see the module's docstring)."""
    scorer = assistant.answerer.scorer
    scorer.cross = None  # the negatives are the ones the rest of the score confuses
    pairs = []
    for question in load_questions(questions_file):
        plan = assistant.plan(question.question, list(question.history) or None)
        top = assistant.search(plan)[:5]
        units = scorer.score(plan, top) if top else []
        texts = [u.text for u in units]
        positive = _positives(texts, question.answer_contains) if question.answerable else None
        if question.answerable and positive is None:
            continue
        labels = [False] * len(units) if positive is None else list(positive)
        negatives = sorted(
            (u for u, y in zip(units, labels, strict=True) if not y), key=lambda u: -u.score
        )
        positives = [u for u, y in zip(units, labels, strict=True) if y]
        pairs += _pairs(question.question, positives, _hard_and_random(negatives, rng), top)
        if parts and question.answerable:
            pairs += part_pairs(plan, units, top, question.answer_contains, rng)
    return pairs


def _hard_and_random(ranked: list[Any], rng: random.Random) -> list[Any]:
    """The negatives kept: the best-scored few, and a random few of the rest."""
    rest = ranked[HARD_NEGATIVES:]
    return ranked[:HARD_NEGATIVES] + rng.sample(rest, min(RANDOM_NEGATIVES, len(rest)))


def _pairs(question: str, positives: list[Any], negatives: list[Any], top: list[Any]) -> list[Pair]:
    return [
        Pair(question, pair_text(u.text, top[u.passage_rank]), float(y))
        for u, y in [(u, 1) for u in positives] + [(u, 0) for u in negatives]
    ]


def part_pairs(
    plan: Any, units: list[Any], top: list[Any], strings: Sequence[str], rng: random.Random
) -> list[Pair]:
    """Pairs read with each asking part's text (see the module's docstring)."""
    asking = [i for i, part in enumerate(plan.parts) if part.asking]
    if len(asking) < 2 or len(strings) < len(asking):
        return []
    holders = {s: [u for u in units if contains(u.text, s)] for s in strings}

    def fit(index: int, string: str) -> float:
        return max((u.part_fits[index] for u in holders[string]), default=-1e9)

    matching = max(
        itertools.permutations(strings, len(asking)),
        key=lambda chosen: sum(fit(i, s) for i, s in zip(asking, chosen, strict=True)),
    )
    holding_any = {id(u) for held in holders.values() for u in held}
    pairs = []
    for index, string in zip(asking, matching, strict=True):
        if not holders[string]:
            continue
        negatives = sorted(
            (u for u in units if id(u) not in holding_any), key=lambda u: -u.part_fits[index]
        )
        chosen = _hard_and_random(negatives, rng)
        pairs += _pairs(plan.parts[index].text, holders[string], chosen, top)
    return pairs


def train(
    model_path: str, pairs: list[Pair], start: Path | None = None, epochs: int = EPOCHS
) -> dict[str, Any]:
    """The fitted layers and head (float32), named as the cross-encoder loads them: fitted from
    the bundled model, or further from the fitted file ``start``."""
    from safetensors.torch import load_file
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    encoder = AutoModel.from_pretrained(model_path)
    if start is None:
        head = torch.nn.Linear(encoder.config.hidden_size, 1)
    else:
        head = apply_fitted(encoder, load_file(str(start)))
    encoder.embeddings.requires_grad_(False)
    layers = [p for p in encoder.encoder.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(
        [{"params": layers, "lr": LAYER_RATE}, {"params": head.parameters(), "lr": HEAD_RATE}],
        weight_decay=0.01,
    )
    positives = sum(p.label for p in pairs)
    loss_of = torch.nn.BCEWithLogitsLoss(
        pos_weight=torch.tensor(((len(pairs) - positives) / max(positives, 1)) ** 0.5)
    )
    batches = [pairs[i : i + BATCH] for i in range(0, len(pairs), BATCH)]
    steps, step = epochs * len(batches), 0
    order = random.Random(SEED)
    encoder.train()
    for epoch in range(epochs):
        order.shuffle(batches)
        total = 0.0
        for batch in batches:
            scale = min(1.0, (step + 1) / WARMUP) * (1 - step / steps)
            for group, rate in zip(optimiser.param_groups, (LAYER_RATE, HEAD_RATE), strict=True):
                group["lr"] = rate * scale
            logits = pair_logits(
                tokenizer, encoder, head, [p.question for p in batch], [p.text for p in batch]
            )
            loss = loss_of(logits, torch.tensor([p.label for p in batch]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item()
            step += 1
        print(f"epoch {epoch + 1}: mean loss {total / len(batches):.4f}", file=sys.stderr)
    fitted = {f"encoder.{k}": v.detach() for k, v in encoder.encoder.state_dict().items()}
    return fitted | {f"head.{k}": v.detach() for k, v in head.state_dict().items()}


def shippable(
    fitted: dict[str, torch.Tensor], bundled: dict[str, torch.Tensor], rank: int = RANK
) -> dict[str, torch.Tensor]:
    """The fitted tensors as the shipped file holds them: each weight matrix's change from the
    bundled model cut to its best rank-``rank`` approximation (truncated SVD), stored as
    ``lora_B @ lora_A``; biases and norms whole; all float16 but the head."""
    shipped = {}
    for name, tensor in fitted.items():
        if name.startswith("head."):
            shipped[name] = tensor.float()
        elif name.endswith(".weight") and tensor.dim() == 2:
            module = name.removesuffix(".weight")
            change = tensor.float() - bundled[name].float()
            u, s, vh = torch.linalg.svd(change, full_matrices=False)
            shipped[f"{module}.lora_B"] = (u[:, :rank] * s[:rank]).half()
            shipped[f"{module}.lora_A"] = vh[:rank].half()
        else:
            shipped[name] = tensor.half()
    return {k: v.contiguous() for k, v in shipped.items()}


def bundled_layers(model_path: str) -> dict[str, torch.Tensor]:
    """The bundled model's layer tensors, named as the fitted ones."""
    from transformers import AutoModel

    encoder = AutoModel.from_pretrained(model_path)
    return {f"encoder.{k}": v for k, v in encoder.encoder.state_dict().items()}


def main(argv: Sequence[str] | None = None) -> int:
    from safetensors.torch import save_file

    from assistant.settings import BUNDLED_MODEL
    from assistant.store.embeddings import resolve_model_path
    from evals.fit_relevance import open_assistant, sets_parser

    parser = sets_parser(__doc__, CROSS_ENCODER_FILE)
    parser.add_argument(
        "--index",
        nargs=2,
        action="append",
        default=[],
        metavar=("CORPUS", "DIR"),
        help="an index of CORPUS already built (others are built in the evaluation cache)",
    )
    parser.add_argument(
        "--keep-full", type=Path, help="also write the fit before the rank cut, to measure its cost"
    )
    parser.add_argument(
        "--start", type=Path, help="fit further from this fitted file, not from the bundled model"
    )
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument(
        "--parts", action="store_true", help="also pairs read with each asking part's text"
    )
    args = parser.parse_args(argv)
    built = {Path(corpus).resolve(): Path(where) for corpus, where in args.index}
    assistants: dict[Path, Any] = {}
    rng = random.Random(SEED)
    pairs: list[Pair] = []
    for corpus, questions in args.set:
        key = Path(corpus).resolve()
        if key not in assistants:
            assistants[key] = open_assistant(key, fitted=True, index_dir=built.get(key))
        pairs += collect(assistants[key], Path(questions), rng, args.parts)
    print(f"{len(pairs)} pairs, {sum(p.label for p in pairs):.0f} positive", file=sys.stderr)
    model_path = resolve_model_path(BUNDLED_MODEL)
    fitted = train(model_path, pairs, args.start, args.epochs)
    sets = ", ".join(Path(q).name for _, q in args.set)
    if args.start is not None:
        sets = f"{_fitted_on(args.start)}; then {sets}"
    metadata = {"base": BUNDLED_MODEL, "fitted_on": sets}
    if args.keep_full:
        full = {k: v.half() if k.startswith("encoder.") else v for k, v in fitted.items()}
        save_file({k: v.contiguous() for k, v in full.items()}, str(args.keep_full), metadata)
    save_file(shippable(fitted, bundled_layers(model_path)), str(args.out), metadata)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _fitted_on(path: Path) -> str:
    """The sets a fitted file says it was fitted on."""
    from safetensors import safe_open

    with safe_open(str(path), "pt") as fitted:
        return str((fitted.metadata() or {}).get("fitted_on", path.name))


if __name__ == "__main__":
    sys.exit(main())
