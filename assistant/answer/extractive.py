"""The default answer: the sentences of the best passages that answer the question, quoted
verbatim with [n] citations, or a plain statement that the documents do not answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from assistant.answer.citations import compose
from assistant.answer.cross_encoder import SentenceCrossEncoder
from assistant.answer.prompts import (
    CANNOT_ANSWER_DETAIL,
    DATED_BUT_ABSENT,
    NAMED_BUT_ABSENT,
    NO_FIGURE,
    YEAR_NOT_QUOTED,
)
from assistant.answer.sentence_scorer import ANSWER_PASSAGES, SentenceScorer
from assistant.answer.subject import (
    councils_not_found,
    date_not_held,
    on_subject,
    things_not_found,
    unknown_names,
    year_not_held,
    year_not_quoted,
)
from assistant.answer.units import (
    MAX_ANSWER_WORDS,
    add_new,
    with_completions,
    with_context,
    with_following_clauses,
    with_neighbours,
    with_vote_records,
)
from assistant.answer.weights import WEIGHTS_FILE, SentenceWeights
from assistant.retrieval.adapter import QueryAdapter
from assistant.retrieval.facts import COUNT, DATE, GRADE, NUMBER, SUM, holds
from assistant.retrieval.passages import Unit
from assistant.retrieval.question import Query
from assistant.retrieval.rerank import VectorCache
from assistant.settings import Settings
from assistant.store.boilerplate import Boilerplate
from assistant.store.embeddings import SentenceEmbeddings
from assistant.store.keyword import TermStats, Uniform
from assistant.types import Answer, Passage

# Asked for one of these, an answer must quote it (a date is in every quote's label).
REQUIRED = frozenset({NUMBER, COUNT, SUM, GRADE})
# A sentence answers with the figure or grade asked for only if it scores near the best one,
ASKED_SLACK = 0.15
# and fits the question at least the abstention threshold plus a margin: for a figure the
# ``figure_margin`` setting (figures are in most sentences of council papers, so one near the
# topic is weak evidence; evals.calibrate chooses it), for a grade this one (judgement wording
# is found nowhere else, and the judgement is often a short heading).
GRADE_MARGIN = -ASKED_SLACK
# Other sentences of the best passage quoted with it when they score this close.
SAME_PASSAGE_SLACK = 0.12
# A sentence of another passage scoring this close to the best one is quoted too (with its own
# citation): the scores cannot tell the two apart, and the reader can (chosen with the word
# budget on question sets, evals/README.md).
TIE_SLACK = 0.15
# An asked part's answer, or a named council's or year's, may take the answer this far past the
# word budget: the first quote can fill the budget alone.
PART_WORDS = 60
PART_BUDGET = MAX_ANSWER_WORDS + PART_WORDS


class ExtractiveAnswerer:
    """Picks and quotes sentences; abstains when the evidence is weak."""

    def __init__(
        self,
        embeddings: SentenceEmbeddings,
        settings: Settings,
        terms: TermStats | None = None,
        boilerplate: Boilerplate | None = None,
        adapter: QueryAdapter | None = None,
        cross: SentenceCrossEncoder | None = None,
        vectors: VectorCache | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.settings = settings
        self.terms: TermStats = terms or Uniform()
        self.boilerplate = boilerplate or Boilerplate(set())
        # The weights for the similarity the scorer reads: with the adapter, or without it.
        weights = SentenceWeights.load(
            adapted=adapter is not None, path=settings.sentence_weights or WEIGHTS_FILE
        )
        self.scorer = SentenceScorer(
            embeddings, self.terms, self.boilerplate, weights, adapter, cross, vectors
        )

    def answer(self, plan: Query, passages: list[Passage]) -> Answer:
        """An ``Answer`` quoting the best units of the top passages (or abstaining)."""
        top = passages[:ANSWER_PASSAGES]
        if when := date_not_held(plan, top) or year_not_held(plan, top):
            text = DATED_BUT_ABSENT.format(when=when)
            return Answer(plan.question, text, [], passages, abstained=True)
        missing = (
            unknown_names(plan, self.terms.knows)
            or councils_not_found(plan, top)
            or things_not_found(plan, top)
        )
        units = self.scorer.score(plan, top) if top and not missing else []
        units = on_subject(plan, units, top)
        chosen = self._select(plan, units, top)
        chosen = with_following_clauses(plan, chosen, units, top)
        chosen = with_neighbours(chosen, units, MAX_ANSWER_WORDS)
        chosen = with_completions(chosen, units)
        chosen = with_vote_records(plan, chosen, units, self.settings.abstain_threshold)
        if when := year_not_quoted(plan, [top[u.passage_rank] for u in chosen]):
            text = YEAR_NOT_QUOTED.format(when=when)
            return Answer(plan.question, text, [], passages, abstained=True)
        if not chosen:
            text = (
                NAMED_BUT_ABSENT.format(names=" or ".join(missing))
                if missing
                else (
                    NO_FIGURE if units and self._lacks_figure(plan, units) else CANNOT_ANSWER_DETAIL
                )
            )
            return Answer(plan.question, text, [], passages, abstained=True)
        text, citations = compose(chosen, top)
        return Answer(plan.question, text, citations, passages, abstained=False)

    def _select(self, plan: Query, units: list[Unit], passages: list[Passage]) -> list[Unit]:
        """The best sentence (holding the figure asked for) with what it needs to be understood,
        close runners-up of its passage, the best sentence for each asked part of the question
        the quotes do not answer yet."""
        ranked = sorted(units, key=lambda u: -u.score)
        best = self._anchor(plan, ranked)
        if best is None:
            return []
        anchor = _in_resolution(plan, best, ranked, passages, self.settings.abstain_threshold)
        chosen = add_new(with_context(anchor, units), [], MAX_ANSWER_WORDS)
        floor = max(self.settings.abstain_threshold, best.score - SAME_PASSAGE_SLACK)
        for unit in self._runners_up(anchor, best.score, units, floor):
            if len(chosen) >= self.settings.answer_sentences:
                break
            chosen = add_new(with_context(unit, units), chosen, MAX_ANSWER_WORDS)
        chosen = self._answer_parts(plan, chosen, units)
        chosen = self._answer_each_named(plan, chosen, units, passages)
        return sorted(chosen, key=lambda u: (u.passage_rank, u.start))

    def _runners_up(self, anchor: Unit, best: float, units: list[Unit], floor: float) -> list[Unit]:
        """Sentences scoring near the best one: of the anchor's passage (there one close to the
        topic a question's first part sets counts too, as it costs no further citation), or of
        another passage when it ties with the best."""
        same = [u for u in units if u.passage_rank == anchor.passage_rank]
        near = [(max(u.score, u.topic_fit), u) for u in same]
        tied = best - TIE_SLACK
        others = [u for u in units if u.passage_rank != anchor.passage_rank]
        near += [(u.score, u) for u in others if u.score >= tied]
        near = [(fit, u) for fit, u in near if fit >= floor]
        return [u for _, u in sorted(near, key=lambda pair: -pair[0])]

    def _anchor(self, plan: Query, ranked: list[Unit]) -> Unit | None:
        """The sentence the answer is built on (holding the figure or grade asked for itself); None
        when nothing answers well enough."""
        threshold = self.settings.abstain_threshold
        if not ranked or ranked[0].score < threshold:
            return None
        anchor = ranked[0]
        for kind in _required_of_anchor(plan):
            if kind == GRADE:  # a grade is found nowhere but in a judgement: no relative floor
                floor = threshold + GRADE_MARGIN
            else:
                floor = max(threshold + self.settings.figure_margin, anchor.score - ASKED_SLACK)
            holding = [u for u in ranked if u.score >= floor and holds(kind, u.text, plan.figures)]
            if not holding:
                return None
            anchor = holding[0]
        return anchor

    def _answer_parts(self, plan: Query, chosen: list[Unit], units: list[Unit]) -> list[Unit]:
        """A sentence for each asked part of the question that the quotes do not answer yet."""
        for index, part in enumerate(plan.parts):
            best = self._best_for(index, part, units, chosen, plan.figures) if part.asking else None
            if best is not None:
                chosen = add_new(with_context(best, units), chosen, PART_BUDGET)
        return chosen

    def _answer_each_named(
        self, plan: Query, chosen: list[Unit], units: list[Unit], passages: list[Passage]
    ) -> list[Unit]:
        """Asked about several councils or years ('how were Wenbury and Holtby judged?'), the
        best sentence of the passages from each one the quotes leave out, if it answers well
        enough: one council's report does not answer for the other's."""
        for belongs in _named_sides(plan):
            if any(belongs(passages[u.passage_rank]) for u in chosen):
                continue
            own = [u for u in units if belongs(passages[u.passage_rank])]
            best = max(own, key=lambda u: u.score, default=None)
            if best is not None and best.score >= self.settings.abstain_threshold:
                chosen = add_new(with_context(best, units), chosen, PART_BUDGET)
        return chosen

    def _lacks_figure(self, plan: Query, units: list[Unit]) -> bool:
        """Asked for a figure or a grade, the passages are on the subject but no close sentence
        gives one."""
        best = max((u.score for u in units), default=0.0)
        return bool(REQUIRED & plan.wanted) and best >= self.settings.abstain_threshold

    def _best_for(
        self,
        index: int,
        part: Query,
        units: list[Unit],
        chosen: list[Unit],
        given: frozenset[str],
    ) -> Unit | None:
        """The sentence not yet quoted that best answers part ``index`` of the question (holding
        the kind of fact the part asks for), if any answers it well."""
        candidates = [
            u for u in units if all(u is not c for c in chosen) and _holds_all(part, u, given)
        ]
        best = max(candidates, key=lambda u: u.part_fits[index], default=None)
        # Holding the figure or grade the part asks for is evidence of its own.
        slack = ASKED_SLACK if REQUIRED & part.wanted else 0.0
        if best is None or best.part_fits[index] < self.settings.abstain_threshold - slack:
            return None
        # A sentence already quoted that answers the part better is enough.
        quoted = max(
            (u.part_fits[index] for u in chosen if _holds_all(part, u, given)), default=None
        )
        if quoted is not None and best.part_fits[index] < quoted:
            return None
        return best


def _in_resolution(
    plan: Query, best: Unit, ranked: list[Unit], passages: list[Passage], threshold: float
) -> Unit:
    """Asked what was resolved, the best clause of the resolution of the item ``best`` is from,
    when a top passage holds one that fits the question above ``threshold`` (a debate's sentence
    can read closer to the question than the decision's clauses); otherwise ``best``."""
    home = passages[best.passage_rank]
    if not plan.wants_resolution or _kind(home) == "resolution" or not home.item:
        return best
    for unit in ranked:
        other = passages[unit.passage_rank]
        if _kind(other) == "resolution" and (other.source, other.item) == (home.source, home.item):
            return unit if unit.score >= threshold else best
    return best


def _named_sides(plan: Query) -> list[Callable[[Passage], bool]]:
    """For a question naming several councils, or several years, whether a passage is from
    each one (by its metadata)."""
    if len(plan.councils) > 1:
        return [partial(_of_council, name) for name in sorted(plan.councils)]
    if len(plan.years) > 1:
        return [partial(_of_year, year) for year in plan.years]
    return []


def _of_council(name: str, passage: Passage) -> bool:
    return passage.metadata.get("council") == name


def _of_year(year: int, passage: Passage) -> bool:
    return str(passage.metadata.get("date", "")).startswith(str(year))


def _kind(passage: Passage) -> object:
    return passage.metadata.get("section_kind")


def _required_of_anchor(plan: Query) -> frozenset[str]:
    """The figure or grade the answer's first quote must hold: what the question asks for, or
    for a question of several parts what every asking part asks for ('the rent rise and the
    size of the repairs budget'); parts asking different things are answered part by part."""
    if not plan.parts:
        return REQUIRED & plan.wanted
    asking = [part.wanted for part in plan.parts if part.asking]
    return REQUIRED.intersection(*asking) if asking else frozenset()


def _holds_all(part: Query, unit: Unit, given: frozenset[str]) -> bool:
    """Whether ``unit`` holds every kind of fact ``part`` asks for, other than the figures the
    question ``given`` (a meeting's date is in every quote's label, so a date is not required
    of the sentence)."""
    return all(holds(kind, unit.text, given) for kind in part.wanted - {DATE})
