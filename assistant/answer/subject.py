"""Which passages are about what a question names: the council or area, the meeting's date,
the agenda item, the fund, scheme or plan it names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from assistant.retrieval.passages import Unit, in_context
from assistant.retrieval.question import (
    MONTH_RE,
    QueryPlan,
    acronym,
    content_terms,
    date_range,
    distinctive_words,
)
from assistant.text import tokenize
from assistant.types import Passage, human_date


def on_subject(plan: QueryPlan, units: list[Unit], passages: list[Passage]) -> list[Unit]:
    """The units of passages from documents about the council or area the question names, and
    from the meeting or inspection it dates (when any passage is)."""
    named = (
        {p.source for p in passages if any(about(p, name) for name in plan.councils)}
        if plan.councils
        else {p.source for p in passages}
    )
    kept = [u for u in units if passages[u.passage_rank].source in named]
    ranges = [r for r in map(date_range, (part.question for part in plan.parts)) if r[0]] or [
        (plan.date_from, plan.date_to)
    ]
    plans = [replace(plan, date_from=start, date_to=end) for start, end in ranges]
    dated = [u for u in kept if any(p.date_fits(passages[u.passage_rank].metadata) for p in plans)]
    return dated or kept


def about(passage: Passage, name: str) -> bool:
    """Whether the passage is from, or mentions, the body called ``name``."""
    meta = passage.metadata
    context = " ".join(
        str(meta.get(key, "")) for key in ("council", "committee", "doc_title", "source")
    )
    haystack = f"{context} {passage.text}".lower()
    words = distinctive_words(name)
    abbr = acronym(name)
    return bool(words) and all(w in haystack for w in words) or bool(abbr and abbr in passage.text)


def item_of(passage: Passage) -> tuple[str, str] | None:
    """The agenda item (or report section) a passage is part of, if it is known."""
    meta = passage.metadata
    item = str(meta.get("item_number") or meta.get("heading") or "")
    return (passage.source, item) if item else None


# A named thing: two or more capitalised words, perhaps joined by one small word ('Winter
# Warmth Fund', 'Written Statement of Action').
WORD = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
NAMED_THING = re.compile(rf"\b{WORD}(?:\s+(?:(?:of|and|for|the|on|in)\s+)?{WORD})+")
# A person or a post is who speaks in a passage, rarely what it says ('the Cabinet Member for
# Education said …'), and a month is a date, not a name.
NOT_A_THING = re.compile(
    rf"\b(?:members?|chair\w*|vice|cllrs?|councillors?|mr|mrs|ms|miss|dr|sir|dame|leaders?|"
    rf"directors?|heads?|officers?|mayor|executive|managers?|clerks?|inspectors?|ministers?|"
    rf"secretary|{MONTH_RE})\b",
    re.I,
)


def named_things(question: str) -> list[str]:
    """The names of things in ``question`` ('Winter Warmth Fund'); its first word is
    capitalised only because it comes first."""
    first_lowered = re.sub(r"^\W*\w+", lambda m: m.group(0).lower(), question)
    return [n for n in NAMED_THING.findall(first_lowered) if not NOT_A_THING.search(n)]


def things_not_found(question: str, passages: list[Passage]) -> list[str]:
    """The things ``question`` names that none of ``passages`` mentions (every word of the name
    in its text or context): those passages are about something else."""
    found = [set(tokenize(in_context(p))) for p in passages]
    return [
        name
        for name in named_things(question)
        if not any(content_terms(name) <= tokens for tokens in found)
    ]


def date_not_held(plan: QueryPlan, passages: list[Passage]) -> str:
    """The meeting day or month the question names ('11 December 2014', 'October 2022') when no
    passage about the body it names is dated then ('' otherwise): the documents hold another
    meeting or report, not the one asked about. A year alone is not checked ('the 2024 salary
    disclosure' names the period a later paper covers), nor a date only the history gives."""
    named = [r for r in map(date_range, [plan.question]) if r[0] and not _whole_year(r)]
    if not named or not passages:
        return ""
    start, end = named[0]
    assert start is not None and end is not None
    dated = replace(plan, date_from=start, date_to=end)
    bodies = [p for p in passages if not plan.councils or any(about(p, n) for n in plan.councils)]
    if any(not p.metadata.get("date") or dated.date_fits(p.metadata) for p in bodies):
        return ""
    return human_date(start) if start == end else f"{start:%B %Y}"


def _whole_year(dates: tuple[dt.date | None, dt.date | None]) -> bool:
    start, end = dates
    return bool(start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31))
