"""Fit the query adapters (``assistant/retrieval/query_adapter.npz``) on labelled question sets.

    python -m evals.fit_adapter --set ../shared/corpus ../shared/eval/dev.jsonl \\
        --set corpus evals/demo.jsonl

Retrieval: for every answerable question, the chunks of its corpus that support it (as the
scorer labels support, ``evals.scoring.supports``) are the positives; the negatives are the
chunks nearest to the unadapted question and the fused candidates. ``W`` is fitted by a softmax
over that pool (the positives' share), with an L2 pull towards the identity map.

Sentences: with the retrieval adapter in place, the quotable sentences of each question's top
passages, those holding an expected answer string the positives; the sentence adapter starts
from the retrieval adapter and is fitted the same way.

``--folds`` reports, before fitting, each set's questions served by adapters fitted on the
other sets: the dense ranking, and how often the sentence most like the question answers it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from assistant.retrieval.adapter import ADAPTER_FILE, QueryAdapter
from evals.fit_relevance import open_assistant
from evals.run import load_questions
from evals.scoring import Question, contains, normalise, supports

POOL = 300  # nearest chunks to the unadapted question, the negatives the softmax reads
RANKED = 100  # depth of the dense ranking the folds report on


@dataclass
class Example:
    """One answerable question: its vector, the chunks it is scored over, which support it."""

    set_name: str
    vector: np.ndarray
    chunks: np.ndarray  # unit chunk vectors of its corpus (shared between its questions)
    pool: np.ndarray
    positive: np.ndarray  # over ``pool``

    @property
    def candidates(self) -> np.ndarray:
        return self.chunks[self.pool]


@dataclass
class SentenceExample:
    """One answerable question: its vector, the sentences of its top passages, which answer."""

    set_name: str
    vector: np.ndarray
    candidates: np.ndarray
    positive: np.ndarray


def supporting_chunks(texts: list[str], sources: list[str], question: Question) -> list[int]:
    """Positions of the chunks (normalised ``texts``) that support ``question``."""
    return [
        i
        for i, (source, text) in enumerate(zip(sources, texts, strict=True))
        if supports(source, text, question, normalised=True)
    ]


def collect(corpus: Path, questions_file: Path) -> list[Example]:
    """The answerable questions of one set with support in the corpus's index."""
    assistant = open_assistant(corpus)
    retriever = assistant.retriever
    retriever.adapter = None  # fitted on the model's own question vectors
    chunks = np.asarray(retriever.vectors, dtype=np.float32)
    texts = [normalise(t) for t in retriever.keyword.texts]
    sources = [str(m.get("source")) for m in retriever.keyword.metadatas]
    position = {key: i for i, key in enumerate(retriever.keyword.ids)}
    examples = []
    for question in load_questions(questions_file):
        if not question.answerable:
            continue
        positives = supporting_chunks(texts, sources, question)
        if not positives:
            continue
        plan = assistant.plan(question.question, list(question.history) or None)
        vector = retriever.query_vector(plan.text)
        nearest = np.argsort(-(chunks @ vector), kind="stable")[:POOL].tolist()
        fused = [position[c.passage.id] for c in retriever.candidates(plan, None, 40)]
        pool = np.array(list(dict.fromkeys(nearest + fused + positives)))
        is_positive = np.isin(pool, positives)
        examples.append(Example(questions_file.stem, vector, chunks, pool, is_positive))
    return examples


def collect_sentences(
    corpus: Path, questions_file: Path, retrieval: QueryAdapter
) -> list[SentenceExample]:
    """The answerable questions of one set whose top passages (found with ``retrieval``) hold
    a sentence with an expected answer string."""
    assistant = open_assistant(corpus, fitted=True)
    assistant.retriever.adapter = retrieval
    scorer = assistant.answerer.scorer
    examples = []
    for question in load_questions(questions_file):
        if not question.answerable:
            continue
        plan = assistant.plan(question.question, list(question.history) or None)
        units = scorer.score(plan, assistant.retriever.search(plan, None, k=5))
        positive = np.array(
            [any(contains(u.text, s) for s in question.answer_contains) for u in units]
        )
        if not positive.any():
            continue
        vector = scorer.vectors.encode([plan.question])[0]  # what the answer step moves
        sentences = np.vstack([u.vector for u in units]).astype(np.float32)
        examples.append(SentenceExample(questions_file.stem, vector, sentences, positive))
    return examples


def fit(
    examples: Sequence[Example | SentenceExample],
    l2: float,
    epochs: int,
    tau: float,
    start: np.ndarray | None = None,
    seed: int = 0,
) -> np.ndarray:
    """``W`` by Adam on the mean softmax loss of the positives, in batches of 32, from
    ``start`` (or no change)."""
    import torch

    torch.manual_seed(seed)
    dims = examples[0].vector.shape[0]
    first = np.zeros((dims, dims), np.float32) if start is None else start
    matrix = torch.tensor(first, dtype=torch.float32, requires_grad=True)
    optimiser = torch.optim.Adam([matrix], lr=1e-3)
    tensors = [
        (
            torch.from_numpy(np.asarray(e.vector, dtype=np.float32)),
            torch.from_numpy(np.asarray(e.candidates, dtype=np.float32)),
            torch.from_numpy(e.positive),
        )
        for e in examples
    ]
    for _ in range(epochs):
        order = torch.randperm(len(tensors)).tolist()
        for offset in range(0, len(order), 32):
            batch = [tensors[i] for i in order[offset : offset + 32]]
            loss = torch.zeros(())
            for vector, pool, positive in batch:
                moved = vector + vector @ matrix
                scores = pool @ (moved / moved.norm()) / tau
                loss = loss - torch.logsumexp(scores[positive], 0) + torch.logsumexp(scores, 0)
            loss = loss / len(batch) + l2 * (matrix**2).sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return np.asarray(matrix.detach().numpy(), dtype=np.float32)


def dense_ranking(examples: Sequence[Example], matrix: np.ndarray | None) -> tuple[float, ...]:
    """hit@5, hit@40 and mrr@10 of the first supporting chunk in the dense ranking."""
    ranks = []
    for e in examples:
        vector = e.vector
        if matrix is not None:
            vector = QueryAdapter(matrix, "").apply(vector)
        order = np.argsort(-(e.chunks @ vector), kind="stable")[:RANKED]
        positives = set(e.pool[e.positive].tolist())
        ranks.append(next((r for r, i in enumerate(order) if i in positives), RANKED))
    r = np.array(ranks)
    mrr = np.where(r < 10, 1 / (r + 1), 0.0).mean()
    return float((r < 5).mean()), float((r < 40).mean()), float(mrr)


def best_sentence_answers(
    examples: Sequence[SentenceExample], matrix: np.ndarray | None
) -> float:
    """Share of questions whose sentence most like the (adapted) question answers it."""
    right = 0
    for e in examples:
        vector = e.vector if matrix is None else QueryAdapter(matrix, "").apply(e.vector)
        right += bool(e.positive[int(np.argmax(e.candidates @ vector))])
    return right / max(len(examples), 1)


class Labelled(Protocol):
    set_name: str


E = TypeVar("E", bound=Labelled)


def held_out_sets(examples: Sequence[E]) -> Iterator[tuple[str, list[E], list[E]]]:
    """Each set's name, its examples and those of every other set."""
    for name in dict.fromkeys(e.set_name for e in examples):
        held = [e for e in examples if e.set_name == name]
        yield name, held, [e for e in examples if e.set_name != name]


def report_folds(examples: Sequence[Example], l2: float, epochs: int, tau: float) -> None:
    """Each set ranked by a retrieval adapter fitted on all the other sets."""
    for name, held, rest in held_out_sets(examples):
        before = dense_ranking(held, None)
        after = dense_ranking(held, fit(rest, l2, epochs, tau))
        cells = " ".join(f"{b:.3f}->{a:.3f}" for b, a in zip(before, after, strict=True))
        print(f"{name}: {len(held)} questions, hit@5 hit@40 mrr@10 {cells}", flush=True)


def report_sentence_folds(
    examples: Sequence[SentenceExample], start: np.ndarray, l2: float, epochs: int, tau: float
) -> None:
    """Each set's best sentence by the question as it is, moved by the retrieval adapter
    (``start``, fitted on every set), and by a sentence adapter fitted on the other sets."""
    for name, held, rest in held_out_sets(examples):
        cells = [best_sentence_answers(held, m) for m in (None, start)]
        cells.append(best_sentence_answers(held, fit(rest, l2, epochs, tau, start)))
        shares = " -> ".join(f"{c:.3f}" for c in cells)
        print(f"{name}: {len(held)} questions, best sentence answers {shares}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    from evals.fit_relevance import sets_parser

    parser = sets_parser(__doc__, ADAPTER_FILE)
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--sentence-epochs", type=int, default=5)
    parser.add_argument("--tau", type=float, default=0.05)
    parser.add_argument("--folds", action="store_true", help="report leave-one-set-out first")
    args = parser.parse_args(argv)
    from assistant.settings import Settings

    examples = [e for c, q in args.set for e in collect(Path(c), Path(q))]
    if args.folds:
        report_folds(examples, args.l2, args.epochs, args.tau)
    model = Settings().embedding_model
    matrix = fit(examples, args.l2, args.epochs, args.tau)
    retrieval = QueryAdapter(matrix, model, fitted_on(args, len(examples), args.epochs))
    sentences = [e for c, q in args.set for e in collect_sentences(Path(c), Path(q), retrieval)]
    if args.folds:
        report_sentence_folds(sentences, matrix, args.l2, args.sentence_epochs, args.tau)
    sentence_matrix = fit(sentences, args.l2, args.sentence_epochs, args.tau, matrix)
    sentence = QueryAdapter(
        sentence_matrix, model, fitted_on(args, len(sentences), args.sentence_epochs)
    )
    QueryAdapter.save_all({"retrieval": retrieval, "sentence": sentence}, args.out)
    print(f"dense ranking of the fitted sets, before -> after: {dense_ranking(examples, None)} "
          f"-> {dense_ranking(examples, matrix)}")
    shares = [best_sentence_answers(sentences, m) for m in (None, matrix, sentence_matrix)]
    print(f"best sentence answers, as asked -> retrieval adapter -> sentence adapter: {shares}")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def fitted_on(args: argparse.Namespace, questions: int, epochs: int) -> dict[str, Any]:
    return {
        "sets": [Path(q).name for _, q in args.set],
        "questions": questions,
        "l2": args.l2,
        "epochs": epochs,
        "tau": args.tau,
    }


if __name__ == "__main__":
    sys.exit(main())
