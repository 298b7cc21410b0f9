"""How well each quotable unit of the top passages answers a question: its meaning, the rare
words it shares with the question (and with its section's title), whether it holds the kind of
fact asked for, and priors (a resolution when asked what was resolved, a real sentence)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.answer.cross_encoder import SentenceCrossEncoder, pair_text
from assistant.answer.weights import SentenceWeights
from assistant.retrieval.adapter import QueryAdapter
from assistant.retrieval.facts import COUNT, DATE, GRADE, NUMBER, SUM, holds
from assistant.retrieval.passages import (
    SHORT_UNIT_WORDS,
    Unit,
    mark_titles,
    units_of,
)
from assistant.retrieval.question import Query
from assistant.retrieval.rerank import VectorCache
from assistant.store.boilerplate import Boilerplate
from assistant.store.embeddings import SentenceEmbeddings
from assistant.store.keyword import TermStats
from assistant.text import tokenize, words
from assistant.types import Passage

ANSWER_PASSAGES = 5

# Reranker logits beyond this (either way) count as this.
PASSAGE_LOGIT_CLIP = 3.0
# Units the cross-encoder reads: the best by the rest of the score. Further down it never
# changed which unit came first on the question sets it was chosen on (evals/README.md).
CROSS_UNITS = 8

# Kinds of fact a stock sentence can hold for its own document (a grade, a date, a figure).
FACTS = frozenset({NUMBER, COUNT, SUM, GRADE, DATE})


@dataclass(frozen=True, slots=True)
class Asking:
    """A question (or one of its parts) as scoring sees it."""

    vector: np.ndarray
    terms: frozenset[str]
    weight: float
    wanted: frozenset[str]
    figures: frozenset[str]


class SentenceScorer:
    """Scores the units of passages against a question (and each of its parts)."""

    def __init__(
        self,
        embeddings: SentenceEmbeddings,
        terms: TermStats,
        boilerplate: Boilerplate,
        weights: SentenceWeights,
        adapter: QueryAdapter | None = None,
        cross: SentenceCrossEncoder | None = None,
        vectors: VectorCache | None = None,
    ) -> None:
        # The same passages come up again and again (members ask about the same meetings), so
        # their sentences are embedded once; the reranker's cache, when given, is shared.
        self.vectors = vectors or VectorCache(embeddings)
        self.terms = terms
        self.boilerplate = boilerplate
        self.weights = weights
        self.adapter = adapter
        self.cross = cross

    def score(self, plan: Query, passages: list[Passage]) -> list[Unit]:
        """The quotable units of ``passages``, each scored on how well it answers ``plan``."""
        units = [u for rank, p in enumerate(passages) for u in units_of(rank, p)]
        wanted = plan.wanted
        mark_titles(units, passages)
        # A heading names a topic (and is in every quote's label); it answers nothing, unless
        # it is an inspection's judgement ('Overall effectiveness: Inadequate').
        units = [u for u in units if not u.title or (GRADE in wanted and holds(GRADE, u.text))]
        if not units:
            return []
        questions = [plan, *plan.parts]
        if plan.followed:  # a follow-up pointing back is also read with the question it points to
            questions.append(plan.followed)
        texts = [q.question for q in questions]
        vectors = self.vectors.encode(texts + [u.text for u in units])
        if self.adapter is not None:  # the question moved as for retrieval, sentences as they are
            vectors[: len(texts)] = [self.adapter.apply(v) for v in vectors[: len(texts)]]
        asking = [self._asking(q, v) for q, v in zip(questions, vectors, strict=False)]
        # When a part only sets the scene, a sentence is judged on the parts that ask; otherwise
        # on the whole question too (a sentence answering one part well is a good answer).
        flags = [part.asking for part in plan.parts]
        judged = [all(flags), *flags] + [True] * bool(plan.followed)
        title_terms = [set(tokenize(_section_title(p))) for p in passages]
        for unit, vector in zip(units, vectors[len(questions) :], strict=True):
            unit.vector = vector
            unit.prior = self._prior(plan, unit, passages[unit.passage_rank])
            unit.boilerplate = unit.text in self.boilerplate
            terms = set(tokenize(unit.text))
            fits = [
                self._fit(question, unit, terms, title_terms[unit.passage_rank])
                for question in asking
            ]
            unit.score = max(fit for fit, judge in zip(fits, judged, strict=True) if judge)
            unit.part_fits = fits[1 : 1 + len(plan.parts)]
            unit.topic_fit = max(fits)
        if self.cross is not None:
            self._add_cross(plan, units, passages)
        return units

    def _add_cross(self, plan: Query, units: list[Unit], passages: list[Passage]) -> None:
        """The cross-encoder's logit, weighted, added to every fit: to the whole question's fit
        its logit for the whole question, to an asking part's fit its logit for that part read
        alone (a sentence answering the second half of a question is found by the second half)."""
        asking = [i for i, part in enumerate(plan.parts) if part.asking]
        whole, *read = self._cross_logits(
            [(plan.question, [u.score for u in units])]
            + [(plan.parts[i].text, [u.part_fits[i] for u in units]) for i in asking],
            units,
            passages,
        )
        by_part = [whole] * len(plan.parts)
        for i, logits in zip(asking, read, strict=True):
            by_part[i] = logits
        weight = self.weights["cross"]
        for j, unit in enumerate(units):
            unit.cross = whole[j]
            shift = weight * unit.cross
            unit.prior += shift
            unit.score += shift
            unit.topic_fit += shift
            unit.part_fits = [
                fit + weight * logits[j]
                for fit, logits in zip(unit.part_fits, by_part, strict=True)
            ]

    def _cross_logits(
        self, asked: list[tuple[str, list[float]]], units: list[Unit], passages: list[Passage]
    ) -> list[list[float]]:
        """The cross-encoder's logit for each unit read with each question of ``asked`` (the
        question and its asking parts, read in one go): it reads the units that fit that
        question best; the others get the lowest of those logits (already ranked out)."""
        assert self.cross is not None
        best = [sorted(range(len(units)), key=lambda j: -f[j])[:CROSS_UNITS] for _, f in asked]
        texts = [pair_text(u.text, passages[u.passage_rank]) for u in units]
        read = self.cross.logits_of(
            [
                (question, [texts[j] for j in order])
                for (question, _), order in zip(asked, best, strict=True)
            ]
        )
        logits = []
        for order, found in zip(best, read, strict=True):
            row = [float(found.min())] * len(units)
            for j, logit in zip(order, found, strict=True):
                row[j] = float(logit)
            logits.append(row)
        return logits

    def feature_rows(
        self, plan: Query, passages: list[Passage]
    ) -> tuple[list[Unit], list[dict[str, float]], np.ndarray]:
        """The scored units of ``passages``, what each one's fit to the whole question is made
        of (the similarity read without the adapter), and the question's vector: what
        ``evals.fit_sentences`` fits the weights on."""
        units = self.score(plan, passages)
        vector = self.vectors.encode([plan.question])[0]
        asking = self._asking(plan, vector)
        titles = [set(tokenize(_section_title(p))) for p in passages]
        rows = [
            self.features(asking, u, set(tokenize(u.text)), titles[u.passage_rank])
            | prior_features(plan, u, passages[u.passage_rank])
            for u in units
        ]
        return units, rows, vector

    def _asking(self, question: Query, vector: np.ndarray) -> Asking:
        """What scoring needs of a question (or part), worked out once for all its units."""
        weight = sum(self.terms.idf(t) for t in question.words) or 1.0
        return Asking(vector, question.words, weight, question.wanted, question.figures)

    def _fit(
        self, question: Asking, unit: Unit, unit_terms: set[str], title_terms: set[str]
    ) -> float:
        """How well ``unit`` answers ``question``: meaning, rare words shared, what is asked for."""
        features = self.features(question, unit, unit_terms, title_terms)
        return self._weighted(features) + unit.prior

    def _prior(self, plan: Query, unit: Unit, passage: Passage) -> float:
        return self._weighted(prior_features(plan, unit, passage)) + self.weights.bias

    def _weighted(self, features: dict[str, float]) -> float:
        return float(sum(self.weights[name] * value for name, value in features.items()))

    def features(
        self, question: Asking, unit: Unit, unit_terms: set[str], title_terms: set[str]
    ) -> dict[str, float]:
        """What the fit of ``unit`` to ``question`` is made of (its priors apart)."""
        idf = self.terms.idf
        overlap = sum(idf(t) for t in question.terms & unit_terms)
        on_topic = sum(idf(t) for t in question.terms & title_terms)
        held = {
            kind for kind in question.wanted if holds(kind, unit.text, question.figures)
        }
        # Inspection reports word their judgement and the next inspection's timing alike (often
        # as a heading): there the stock wording holding the fact asked for is the answer.
        stock_answer = bool(held & FACTS)
        return {
            "boilerplate": float(unit.boilerplate and not stock_answer),
            "title": float(unit.title and not (GRADE in question.wanted and stock_answer)),
            "cosine": float(unit.vector @ question.vector),
            "overlap": overlap / question.weight,
            "heading": on_topic / question.weight,
            "asked": float(bool(held)),
        }


def prior_features(plan: Query, unit: Unit, passage: Passage) -> dict[str, float]:
    """Beyond wording: the passage's rank and how relevant the reranker found it, the section
    the question asks for (a resolution, an action), a real sentence, not a fragment, and the
    cross-encoder's logit (0 until it has read the unit)."""
    meta = passage.metadata
    # Asked what was decided (or actioned), the minutes' resolution (action) section.
    kind = meta.get("section_kind")
    return {
        "rank": (ANSWER_PASSAGES - unit.passage_rank) / ANSWER_PASSAGES,
        "passage": passage_logit(passage),
        "resolution": float(plan.wants_resolution and kind == "resolution"),
        "action": float(plan.wants_action and kind == "action"),
        "short": float(not unit.title and words(unit.text) < SHORT_UNIT_WORDS),
        "cross": unit.cross,
    }


def passage_logit(passage: Passage) -> float:
    """The learned reranker's logit for the passage (``Passage.score``), clipped so that one
    passage scored far above the rest does not outweigh how well a sentence fits the question.
    With the reranker off the score is the fused one, near 0 for every passage: no prior."""
    return max(-PASSAGE_LOGIT_CLIP, min(PASSAGE_LOGIT_CLIP, passage.score))


def _section_title(passage: Passage) -> str:
    """The heading and agenda item a passage sits under: they say what it is about."""
    meta = passage.metadata
    return f"{meta.get('heading', '')} {meta.get('item_title', '')}"

