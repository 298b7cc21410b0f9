"""The default answer: the sentences of the best passages that answer the question, quoted
verbatim with [n] citations, or a plain statement that the documents do not answer it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from assistant.boilerplate import Boilerplate
from assistant.embeddings import SentenceEmbeddings
from assistant.keyword import content_terms, tokenize
from assistant.prompts import CANNOT_ANSWER_DETAIL, NAMED_BUT_ABSENT
from assistant.query import QueryPlan, acronym, distinctive_words
from assistant.sentences import split_units, words
from assistant.settings import Settings
from assistant.types import Answer, Citation, Passage

# How a unit's score is made: similarity to the question, share of its rare words, and priors.
WEIGHTS = {
    "cosine": 0.6,
    "overlap": 0.4,
    "rank": 0.08,
    "figure": 0.12,
    "resolution": 0.08,
    "action": 0.08,
    "summary": 0.05,
    "heading": 0.15,
    "title": -0.25,
    "short": -0.08,
    "boilerplate": -0.3,
}
ANSWER_PASSAGES = 5
MAX_ANSWER_WORDS = 100
WHOLE_BLOCK_WORDS = 110
SHORT_UNIT_WORDS = 8
HAS_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
PROPER_NOUN = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]+(?:[A-Z][a-z]+)*)\b")


class TermStats(Protocol):
    """Corpus statistics of (tokenized) terms: the keyword index provides them."""

    def idf(self, term: str) -> float: ...

    def knows(self, term: str) -> bool: ...


class _Uniform:
    def idf(self, term: str) -> float:
        return 1.0

    def knows(self, term: str) -> bool:
        return True


@dataclass(slots=True)
class Unit:
    """A quotable span of one passage and how well it answers the question."""

    passage_rank: int
    start: int
    end: int
    text: str
    score: float = 0.0


class ExtractiveAnswerer:
    """Picks and quotes sentences; abstains when the evidence is weak."""

    def __init__(
        self,
        embeddings: SentenceEmbeddings,
        settings: Settings,
        terms: TermStats | None = None,
        boilerplate: Boilerplate | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.settings = settings
        self.terms: TermStats = terms or _Uniform()
        self.boilerplate = boilerplate or Boilerplate(set())

    def answer(self, plan: QueryPlan, passages: list[Passage]) -> Answer:
        """An ``Answer`` quoting the best units of the top passages (or abstaining)."""
        top = passages[:ANSWER_PASSAGES]
        missing = self._unknown_names(plan) or self._named_but_absent(plan, top)
        covered = self._coverage(plan, top) >= self.settings.min_coverage
        units = self._score(plan, top) if top and covered and not missing else []
        chosen = _with_following_clauses(plan, self._choose(units), units, top)
        if not chosen:
            text = (
                NAMED_BUT_ABSENT.format(names=" or ".join(missing))
                if missing
                else (CANNOT_ANSWER_DETAIL)
            )
            return Answer(plan.question, text, [], passages, abstained=True)
        text, citations = self._compose(chosen, top)
        return Answer(plan.question, text, citations, passages, abstained=False)

    def _unknown_names(self, plan: QueryPlan) -> list[str]:
        """Proper nouns of the question that no indexed document mentions at all."""
        names = PROPER_NOUN.findall(plan.question)
        return [n for n in names if all(not self.terms.knows(t) for t in tokenize(n))]

    def _coverage(self, plan: QueryPlan, passages: list[Passage]) -> float:
        """The largest share (by rarity) of the question's content words one passage holds.

        A question whose rare words no passage contains asks about something the documents do
        not cover, however similar the passages sound.
        """
        terms = content_terms(plan.question)
        total = sum(self.terms.idf(t) for t in terms)
        if not total:
            return 1.0
        return max(
            (
                sum(self.terms.idf(t) for t in terms & set(tokenize(_in_context(p)))) / total
                for p in passages
            ),
            default=0.0,
        )

    def _named_but_absent(self, plan: QueryPlan, passages: list[Passage]) -> list[str]:
        """Bodies the question names that none of the passages is from or mentions."""
        missing: list[str] = []
        for name in sorted(plan.councils):
            if not any(_about(p, name) for p in passages):
                missing.append(name)
        return missing

    def _score(self, plan: QueryPlan, passages: list[Passage]) -> list[Unit]:
        units = [u for rank, p in enumerate(passages) for u in _units(rank, p)]
        if not units:
            return []
        vectors = self.embeddings.encode([plan.question] + [u.text for u in units])
        similarity = vectors[1:] @ vectors[0]
        terms = set(tokenize(plan.question))
        weight = sum(self.terms.idf(t) for t in terms) or 1.0
        w = WEIGHTS
        for unit, cosine in zip(units, similarity, strict=True):
            overlap = sum(self.terms.idf(t) for t in terms & set(tokenize(unit.text))) / weight
            passage = passages[unit.passage_rank]
            topic = set(tokenize(_section_title(passage)))
            on_topic = sum(self.terms.idf(t) for t in terms & topic) / weight
            prior = _prior(plan, unit, passage) + w["heading"] * on_topic
            if unit.text in self.boilerplate:
                prior += w["boilerplate"]
            unit.score = float(w["cosine"] * cosine + w["overlap"] * overlap + prior)
        return units

    def _choose(self, units: list[Unit]) -> list[Unit]:
        """The best units above the threshold, not overlapping, within the word budget."""
        ranked = sorted(units, key=lambda u: -u.score)
        if not ranked or ranked[0].score < self.settings.abstain_threshold:
            return []
        floor = max(self.settings.abstain_threshold, ranked[0].score - 0.12)
        chosen: list[Unit] = []
        budget = MAX_ANSWER_WORDS
        for unit in ranked:
            if len(chosen) >= self.settings.answer_sentences or unit.score < floor:
                break
            repeated = any(_overlaps(unit, c) or _same_words(unit, c) for c in chosen)
            if repeated or (chosen and words(unit.text) > budget):
                continue
            chosen.append(unit)
            budget -= words(unit.text)
        return sorted(chosen, key=lambda u: (u.passage_rank, u.start))

    def _compose(self, chosen: list[Unit], passages: list[Passage]) -> tuple[str, list[Citation]]:
        """'Cabinet, 30 January 2025, item 87: “…” [1]' lines, one per cited passage."""
        numbers: dict[int, int] = {}
        lines: list[str] = []
        citations: list[Citation] = []
        for rank in dict.fromkeys(u.passage_rank for u in chosen):
            numbers[rank] = len(numbers) + 1
            passage = passages[rank]
            quotes = [u for u in chosen if u.passage_rank == rank]
            body = " ".join(f"“{_one_line(u.text)}” [{numbers[rank]}]" for u in quotes)
            lines.append(f"{passage.label()}: {body}")
            citations.extend(Citation(numbers[rank], passage, u.text) for u in quotes)
        return "\n\n".join(lines), citations


def _prior(plan: QueryPlan, unit: Unit, passage: Passage) -> float:
    """What the question asks for, beyond wording: a figure, a resolution, a real sentence."""
    meta = passage.metadata
    w = WEIGHTS
    kind = meta.get("section_kind")
    bonus = w["rank"] * (ANSWER_PASSAGES - unit.passage_rank) / ANSWER_PASSAGES
    if plan.wants_number and HAS_FIGURE.search(unit.text):
        bonus += w["figure"]
    if plan.wants_resolution and kind == "resolution":
        bonus += w["resolution"]
    if plan.wants_action and kind == "action":
        bonus += w["action"]
    if kind == "summary":
        bonus += w["summary"]
    if _is_title(unit.text, meta):
        bonus += w["title"]
    elif words(unit.text) < SHORT_UNIT_WORDS:
        bonus += w["short"]
    return bonus


def _in_context(passage: Passage) -> str:
    """A passage's text with what its context header says (body, committee, title, item)."""
    meta = passage.metadata
    keys = ("council", "committee", "doc_title", "heading", "item_title")
    return " ".join([passage.text, *(str(meta.get(k, "")) for k in keys)])


def _section_title(passage: Passage) -> str:
    """The heading and agenda item a passage sits under: they say what it is about."""
    meta = passage.metadata
    return f"{meta.get('heading', '')} {meta.get('item_title', '')}"


def _is_title(text: str, meta: dict[str, object]) -> bool:
    """Headings and item titles name a topic; they never answer a question about it."""
    if meta.get("section_kind") == "heading":
        return True
    bare = text.strip().rstrip(".").lower()
    titles = {str(meta.get(k, "")).strip().lower() for k in ("item_title", "heading", "doc_title")}
    if bare in titles or any(bare.endswith(t) for t in titles if len(t) > 10):
        return True
    return not re.search(r"[.;:!?]\W*$", text.strip()) and words(text) < 14


def _with_following_clauses(
    plan: QueryPlan, chosen: list[Unit], units: list[Unit], passages: list[Passage]
) -> list[Unit]:
    """Asked what was resolved, quote the best clause's resolution on to its end (in budget)."""
    if not (plan.wants_resolution and chosen):
        return chosen
    best = max(chosen, key=lambda u: u.score)
    if passages[best.passage_rank].metadata.get("section_kind") != "resolution":
        return chosen
    budget = MAX_ANSWER_WORDS - sum(words(u.text) for u in chosen)
    following = sorted(
        (u for u in units if u.passage_rank == best.passage_rank and u.start >= best.end),
        key=lambda u: u.start,
    )
    extended = list(chosen)
    for unit in following:
        if budget < words(unit.text) or any(_overlaps(unit, c) for c in extended):
            break
        extended.append(unit)
        budget -= words(unit.text)
    return sorted(extended, key=lambda u: (u.passage_rank, u.start))


def _units(rank: int, passage: Passage) -> list[Unit]:
    text = passage.text
    units = [Unit(rank, a, b, text[a:b]) for a, b in split_units(text)]
    is_resolution = passage.metadata.get("section_kind") == "resolution"
    if is_resolution and words(text) <= WHOLE_BLOCK_WORDS and len(units) > 1:
        units.append(Unit(rank, 0, len(text), text))  # a resolution is best quoted whole
    return units


def _overlaps(a: Unit, b: Unit) -> bool:
    return a.passage_rank == b.passage_rank and a.start < b.end and b.start < a.end


def _same_words(a: Unit, b: Unit) -> bool:
    """The same sentence found twice (overlapping chunks, or one text printed in two papers)."""
    return a.text.split() == b.text.split() or a.text in b.text or b.text in a.text


def _one_line(text: str) -> str:
    """Quotes are shown on one line; whitespace differences are not changes of wording.

    A line break after a hyphen is kept: it may be a word broken across lines.
    """
    return re.sub(r"(?<!-)\s+", " ", text.strip())


def _about(passage: Passage, name: str) -> bool:
    """Whether the passage is from, or mentions, the body called ``name``."""
    meta = passage.metadata
    context = " ".join(
        str(meta.get(key, "")) for key in ("council", "committee", "doc_title", "source")
    )
    haystack = f"{context} {passage.text}".lower()
    words = distinctive_words(name)
    abbr = acronym(name)
    return bool(words) and all(w in haystack for w in words) or bool(
        abbr and abbr in passage.text
    )
