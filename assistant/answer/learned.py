"""The learned answer step (``ASSISTANT_ANSWER_STEP=learned``): the sentences of the best passages
that answer the question, quoted verbatim with [n] citations, or a plain statement that the
documents do not answer it. Not the default: on questions written after it, it answered fewer
questions correctly than the rules of :mod:`assistant.answer.extractive` (see evals/README.md).

Which sentences answer is the learned sentence model's call (:mod:`assistant.retrieval.rerank`):
the best one is quoted when its probability of answering reaches the fitted floor, with the
sentence it leans on, close runners-up from its passage, the best sentence for each part of a
question of several parts that the quotes do not answer yet, and a resolution's following
clauses when a decision is asked for; the answerable model's probability decides whether to
answer at all.
"""

from __future__ import annotations

from assistant.answer.citations import compose
from assistant.answer.prompts import (
    CANNOT_ANSWER_DETAIL,
    DATED_BUT_ABSENT,
    NAMED_BUT_ABSENT,
    YEAR_NOT_QUOTED,
)
from assistant.answer.sentence_relevance import SentenceRelevance
from assistant.answer.subject import (
    councils_not_found,
    date_not_held,
    on_subject,
    unknown_names,
    year_not_held,
    year_not_quoted,
)
from assistant.answer.units import MAX_ANSWER_WORDS, add_new, with_context, with_following_clauses
from assistant.retrieval.passages import Unit
from assistant.retrieval.question import Query
from assistant.retrieval.rerank import Candidate, RelevanceScorer
from assistant.settings import Settings
from assistant.types import Answer, Passage

ANSWER_PASSAGES = 5


class LearnedAnswerer:
    """Picks and quotes sentences; abstains when no sentence is likely enough to answer."""

    def __init__(self, scorer: RelevanceScorer, settings: Settings) -> None:
        self.scorer = scorer
        self.sentences = SentenceRelevance(scorer)
        self.settings = settings

    @property
    def floor(self) -> float:
        return self.scorer.models.floor

    def answer(self, plan: Query, passages: list[Passage]) -> Answer:
        """An ``Answer`` quoting the best units of the top passages (or abstaining)."""
        top = passages[:ANSWER_PASSAGES]
        if when := date_not_held(plan, top) or year_not_held(plan, top):
            text = DATED_BUT_ABSENT.format(when=when)
            return Answer(plan.question, text, [], passages, abstained=True)
        missing = unknown_names(plan, self.scorer.terms.knows) or councils_not_found(plan, top)
        units = [] if missing or not top else self.scored_units(plan, top)
        chosen = self._select(plan, on_subject(plan, units, top)) if units else []
        if chosen and self.answerable(plan, top, units) < self.scorer.models.threshold:
            chosen = []
        chosen = with_following_clauses(plan, chosen, units, top)
        if when := year_not_quoted(plan, [top[u.passage_rank] for u in chosen]):
            text = YEAR_NOT_QUOTED.format(when=when)
            return Answer(plan.question, text, [], passages, abstained=True)
        if not chosen:
            names = " or ".join(missing)
            text = NAMED_BUT_ABSENT.format(names=names) if missing else CANNOT_ANSWER_DETAIL
            return Answer(plan.question, text, [], passages, abstained=True)
        text, citations = compose(chosen, top)
        return Answer(plan.question, text, citations, passages, abstained=False)

    def scored_units(self, plan: Query, passages: list[Passage]) -> list[Unit]:
        """The units of ``passages`` (ranked, ``score`` the reranker's logit) with their
        probability of answering the question."""
        candidates = [Candidate(p, logit=p.score) for p in passages]
        return self.sentences.score_units(self.scorer.asked(plan), candidates)

    def answerable(self, plan: Query, passages: list[Passage], units: list[Unit]) -> float:
        """The answerable model's probability that these passages answer the question."""
        row = self.sentences.question_features(self.scorer.asked(plan), passages, units)
        return float(self.scorer.models.answerable.probability(row)[0])

    def _select(self, plan: Query, units: list[Unit]) -> list[Unit]:
        """The best sentence with what it needs to be understood, close runners-up, and the
        best sentence for each part of the question the quotes do not answer yet."""
        ranked = sorted(units, key=lambda u: -u.score)
        if not ranked or ranked[0].score < self.floor:
            return []
        anchor = ranked[0]
        chosen = add_new(with_context(anchor, units), [], MAX_ANSWER_WORDS)
        floor = max(self.floor, anchor.score - self.scorer.models.slack)
        # Runners-up come from the anchor's passage: a further passage is a further citation,
        # and only a part of the question the quotes leave unanswered earns one.
        same = [u for u in ranked[1:] if u.passage_rank == anchor.passage_rank]
        for unit in same:
            if unit.score < floor or len(chosen) >= self.settings.answer_sentences:
                break
            chosen = add_new(with_context(unit, units), chosen, MAX_ANSWER_WORDS)
        for index in range(len(plan.parts)):
            if any(u.part_fits[index] >= self.floor for u in chosen):
                continue
            best = max(units, key=lambda u: u.part_fits[index])
            if best.part_fits[index] >= self.floor:
                chosen = add_new(with_context(best, units), chosen, MAX_ANSWER_WORDS)
        return sorted(chosen, key=lambda u: (u.passage_rank, u.start))
