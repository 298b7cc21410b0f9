"""Question understanding without an LLM: which body, committee, date and kind of passage.

What the question names (or, for a follow-up, what the earlier questions named) becomes a boost
in retrieval and is added to the retrieval text. Names are matched against what the index
actually holds, so the rules work for any council's documents.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.retrieval.asks import asked, asks
from assistant.retrieval.dates import (
    date_range,
    describe_range,
    financial_years_named,
    seasons_named,
    years_named,
)
from assistant.retrieval.facts import figures
from assistant.retrieval.names import PROPER_NOUN, Vocabulary, committees_in, named_things, names_in
from assistant.text import stem, tokenize

# Words that say how a question is asked, not what it is about.
QUESTION_WORDS = frozenset(
    """according actually agree back big came come current currently decide did do does down get
    give given going got happen have how key main many much one part put said
    say see summary summarise tell thing think told turn want went""".split()
)


def content_terms(question: str) -> set[str]:
    """The stemmed terms of a question that name what it is about."""
    return set(tokenize(question)) - {stem(w) for w in QUESTION_WORDS}


RESOLUTION_WORDS = re.compile(
    r"\b(resolv\w*|resolution\w*|decid\w*|decision\w*|agree\w*|approv\w*|recommend\w*|"
    r"voted?|motion)\b",
    re.I,
)
VOTE_WORDS = re.compile(r"\b(?:vot(?:e|es|ed|ing)|unanimous(?:ly)?)\b", re.I)
ACTION_WORDS = re.compile(r"\b(action\w*|follow[- ]up|asked to|agreed to provide)\b", re.I)
# "What did we last decide about X?": the newest decision first (views.latest_answer).
_LATEST = r"(?:last|latest|most recent(?:ly)?)"
_DECIDED = r"(?:decid\w*|decision\w*|resol\w*|agreed)"
LATEST_DECISION = re.compile(
    rf"\b{_LATEST}\s+(?:\w+\s+)?{_DECIDED}\b|\b{_DECIDED}\s+(?:\w+\s+)?{_LATEST}\b", re.I
)
ABOUT_TOPIC = re.compile(r"\b(?:about|on|regarding|concerning|over)\s+(.+?)\s*[?.!]*$", re.I)
INSPECTION_KIND_SLACK = dt.timedelta(days=120)
VISIT_DAYS = dt.timedelta(days=14)
# A follow-up that points back at what an earlier question named.
REFERS_BACK = re.compile(
    r"\b(?:that|this|those|these)\s+(?!is\b|was\b|are\b|were\b|the\b|a\b|an\b)[a-z]+", re.I
)
# A clause ends at a sentence mark, a colon or semicolon, or a spaced dash ("… late - what …").
CLAUSE_BREAK = re.compile(r"(?<=[?.!;:])\s+|\s+[-\u2013\u2014]\s+")
# "…, and why did it …", "… and the cost of …": a second question joined by "and" (not the
# "and" of "between X and the Y" or "both X and the Y", which name one thing).
AND_BREAK = re.compile(
    r",?\s+and\s+(?=(?:how|when|what|which|who|whom|whose|why|where|whether|is|are|was|were|"
    r"did|does|do|has|have|had|the)\b)",
    re.I,
)
CLAUSE_WORD = re.compile(r"[A-Za-z0-9£%]+")
CLAUSE_STOPWORDS = frozenset(
    "a an and are as at be by did do does for from give had has have how i in is it its me of on "
    "or please show tell that the their them they this to us was were what when where which who "
    "why with".split()
)
MIN_CLAUSE_WORDS = 2
PAIRED = re.compile(r"\b(?:between|both)\b(?:(?!\band\b)[^?.!;:])*$", re.I)


@dataclass(slots=True)
class Query:
    """A question as every later stage reads it: what it names (body, committee, dates), what it
    asks for, its parts, and the earlier question a follow-up points back to. It is read once,
    by ``understand``; nothing downstream parses the question again."""

    question: str
    text: str
    councils: set[str] = field(default_factory=set)
    committees: set[str] = field(default_factory=set)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    wants_resolution: bool = False
    wants_action: bool = False
    wants_vote: bool = False
    carried: list[str] = field(default_factory=list)
    # The earlier question a follow-up points back to ('that contract', 'it'), if it does.
    topic: str = ""
    # What a "what did we last decide about X" question is about ("" for other questions).
    latest_topic: str = ""
    parts: list[Query] = field(default_factory=list)
    # The day, month or year the question's own words name (not one carried from earlier).
    own_dates: tuple[dt.date | None, dt.date | None] = (None, None)
    years: tuple[int, ...] = ()  # the years its own words name on their own
    # The financial years its own words name, by their first year ('2024-25': 2024).
    financial_years: tuple[int, ...] = ()
    seasons: tuple[tuple[str, int], ...] = ()  # the seasons it names ('autumn 2025')
    words: frozenset[str] = frozenset()  # its tokens
    terms: frozenset[str] = frozenset()  # the tokens that name what it is about
    wanted: frozenset[str] = frozenset()  # the kinds of fact it asks for
    figures: frozenset[str] = frozenset()  # the figures its own words give
    # A part that asks something (not one that only sets the scene).
    asking: bool = True
    proper_nouns: tuple[str, ...] = ()
    things: tuple[str, ...] = ()  # the funds, plans, schemes it names
    # The question read with the earlier one it points back to ('that contract').
    followed: Query | None = None

    @property
    def subject(self) -> Query:
        """The question as read with what it points back to, if it does."""
        return self.followed or self

    def named_fits(self, meta: dict[str, Any]) -> list[bool | None]:
        """For the council, committee and date the question names: whether a chunk's metadata
        has it (None where the question names none)."""
        return [
            meta.get("council") in self.councils if self.councils else None,
            meta.get("committee") in self.committees if self.committees else None,
            self.date_fits(meta) if self.date_from else None,
        ]

    def kind_fits(self, meta: dict[str, Any]) -> bool:
        """A resolution (an action) when the question asks what was decided (actioned)."""
        kind = meta.get("section_kind")
        return (self.wants_resolution and kind == "resolution") or (
            self.wants_action and kind == "action"
        )

    def metadata_match(self, meta: dict[str, Any]) -> float:
        """How well a chunk's metadata fits what the question names (0 = nothing named fits)."""
        score = float(sum(fits is True for fits in self.named_fits(meta)))
        if self.kind_fits(meta):
            score += 0.5
        return score

    def date_fits(self, meta: dict[str, Any]) -> bool:
        """Whether a chunk's meeting (or inspection) date is in the range the question names."""
        if not meta.get("date") or self.date_from is None or self.date_to is None:
            return False
        day = dt.date.fromisoformat(str(meta["date"]))
        if meta.get("doc_kind") != "inspection":
            return self.date_from <= day <= self.date_to
        # An inspection is dated by the first day of a visit of up to two weeks (a question may
        # name the month it ended in), and its report is published weeks after it.
        return self.date_from - VISIT_DAYS <= day <= self.date_to + INSPECTION_KIND_SLACK


def understand(
    question: str, history: list[str] | None = None, vocabulary: Vocabulary | None = None
) -> Query:
    """Read a question (and the conversation before it) into a ``Query``."""
    vocab = vocabulary or Vocabulary()
    plan = _read(question, history or [], vocab)
    if history and REFERS_BACK.search(question):
        # 'How much is that contract worth?': the thing referred to is named only earlier.
        plan.topic = history[-1]
        plan.text = f"{history[-1]} {plan.text}"
        plan.followed = _read_words(Query(f"{plan.topic} {question}", plan.text))
    clauses = split_clauses(question)
    if len(clauses) > 1:
        plan.parts = [_plan_part(i, clauses, history or [], vocab) for i in range(len(clauses))]
        for part, asking in zip(plan.parts, asked(clauses), strict=True):
            part.asking = asking
    plan.proper_nouns = tuple(PROPER_NOUN.findall(question))
    plan.things = tuple(named_things(question))
    return plan


def _read_words(query: Query) -> Query:
    """``query`` with the words of its question and what it asks for."""
    query.words = frozenset(tokenize(query.question))
    query.terms = frozenset(content_terms(query.question))
    query.wanted = asks(query.question)
    query.figures = figures(query.question)
    return query


def split_clauses(question: str) -> list[str]:
    """The questions a multi-part question asks, each a clause of a few content words.

    "The tracker shows the bypass as late - what has the Leader said?" and "What rent did it
    set, and why did rents rise?" are two questions each; a clause too short to be searched on
    its own ("and are they working?") stays joined to the one before it (or after).
    """
    text = question.strip()
    cuts = sorted(
        {m.span() for m in CLAUSE_BREAK.finditer(text)}
        | {m.span() for m in AND_BREAK.finditer(text) if not PAIRED.search(text[: m.start()])}
    )
    spans: list[tuple[int, int]] = []
    start = 0
    for cut_start, cut_end in cuts:
        if cut_start > start:
            spans.append((start, cut_start))
        start = max(start, cut_end)
    spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for begin, end in spans:
        begin = begin if pending is None else pending
        if _clause_words(text[begin:end]) < MIN_CLAUSE_WORDS:
            pending = begin
            continue
        merged.append((begin, end))
        pending = None
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(text))
        else:
            merged.append((pending, len(text)))
    return [text[begin:end].strip(" ,;:-") for begin, end in merged]


def _clause_words(text: str) -> int:
    return sum(1 for w in CLAUSE_WORD.findall(text) if w.lower() not in CLAUSE_STOPWORDS)


def _plan_part(index: int, clauses: list[str], history: list[str], vocab: Vocabulary) -> Query:
    """One clause planned alone, keeping the subject (body, committee, date) of the others and
    of the conversation: the nearest clause before it first, then the ones after it."""
    others = [*history, *clauses[index + 1 :][::-1], *clauses[:index]]
    return _read(clauses[index], others, vocab)


def _read(question: str, earlier: list[str], vocab: Vocabulary) -> Query:
    """What ``question`` names, then the subject of ``earlier`` text (latest first) it lacks."""
    plan = _read_words(Query(question=question, text=question))
    plan.own_dates = date_range(question)
    plan.date_from, plan.date_to = plan.own_dates
    plan.years = years_named(question)
    plan.financial_years = financial_years_named(question)
    plan.seasons = seasons_named(question)
    plan.councils = names_in(question, vocab.councils)
    plan.committees = committees_in(question, vocab.committees, vocab.councils)
    plan.wants_resolution = bool(RESOLUTION_WORDS.search(question))
    plan.wants_action = bool(ACTION_WORDS.search(question))
    plan.wants_vote = bool(VOTE_WORDS.search(question))
    plan.latest_topic = latest_topic(question)
    for text in reversed(earlier):
        _carry_subject(plan, text, vocab)
    if plan.carried:
        plan.text = " ".join(plan.carried) + " " + question
    return plan


def latest_topic(question: str) -> str:
    """X of a question asking for the latest decision about X, else ""."""
    if not LATEST_DECISION.search(question):
        return ""
    about = ABOUT_TOPIC.search(question)
    return about.group(1).strip() if about else ""


def _carry_subject(plan: Query, earlier: str, vocab: Vocabulary) -> None:
    """A follow-up keeps the body, committee and date of earlier questions it does not replace."""
    if not plan.councils and (councils := names_in(earlier, vocab.councils)):
        plan.councils = councils
        plan.carried.extend(sorted(councils))
    committees = committees_in(earlier, vocab.committees, vocab.councils)
    if not plan.committees and committees:
        plan.committees = committees
        plan.carried.extend(sorted(committees))
    if plan.date_from is None:
        start, end = date_range(earlier)
        if start is not None and end is not None:
            plan.date_from, plan.date_to = start, end
            plan.carried.append(describe_range(start, end))
