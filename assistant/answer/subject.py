"""Which passages are about what a question names: the council or area, the meeting's date,
the agenda item, the fund, scheme or plan it names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from assistant.retrieval.dates import (
    dates_named,
    mentions,
    name_financial_year,
    on_or_after_season,
    writes_financial_year,
    writes_season,
    writes_year,
)
from assistant.retrieval.names import GENERIC_WORDS, acronym, distinctive_words
from assistant.retrieval.passages import Unit, in_context
from assistant.retrieval.question import INSPECTION_KIND_SLACK, Query, content_terms
from assistant.text import stem, tokenize
from assistant.types import Passage, human_date

AND = re.compile(r"\s+and\s+")
# The owner a thing's name opens with (the "Holtby's" of "Holtby's Licensing Panel").
POSSESSOR = re.compile(r"^\S+['’]s\s+")
GENERIC_TERMS = frozenset(stem(word) for word in GENERIC_WORDS)


def on_subject(plan: Query, units: list[Unit], passages: list[Passage]) -> list[Unit]:
    """The units of passages from documents about the council or area the question names, and
    from the meeting or inspection it dates (when any passage is)."""
    named = (
        {p.source for p in passages if any(about(p, name) for name in plan.councils)}
        if plan.councils
        else {p.source for p in passages}
    )
    kept = [u for u in units if passages[u.passage_rank].source in named]
    ranges = _asked_dates(plan)
    if ranges is None:
        return kept
    plans = [replace(plan, date_from=start, date_to=end) for start, end in ranges]
    dated = [u for u in kept if any(p.date_fits(passages[u.passage_rank].metadata) for p in plans)]
    return dated or kept


def _asked_dates(plan: Query) -> list[tuple[dt.date | None, dt.date | None]] | None:
    """The dates an answer's quotes must be of: the question's (any of them, when it names
    several), or for a question of several parts that name dates, those of the parts that ask
    something; None when one of those names no date of its own. A date that only sets the scene
    ('The depot sale was put on hold in June 2024 - who bought the depot?') or belongs to
    another part does not date an undated part's answer, which may be in a later paper."""
    if len(plan.years) > 1 and _whole_year(plan.own_dates):
        # 'in 2022 and then in 2024': the first year read as the question's date is one of
        # the years asked about.
        return [(dt.date(year, 1, 1), dt.date(year, 12, 31)) for year in plan.years]
    if not any(part.own_dates[0] for part in plan.parts):
        named = dates_named(plan.question)
        # 'Once Wenbury had sold the depot in May 2024, what did Holtby buy in August 2024?':
        # either date may be the one asked about, not only the first one named.
        return [*named] if len(named) > 1 else [(plan.date_from, plan.date_to)]
    asking = [part for part in plan.parts if part.asking]
    if any(part.own_dates[0] is None for part in asking):
        return None
    return [part.own_dates for part in asking]


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


def unknown_names(plan: Query, knows: Callable[[str], bool]) -> list[str]:
    """Proper nouns of the question that no indexed document mentions at all (a word with no
    indexed terms, such as the 'By' of 'By-law', is not a name)."""
    return [
        name
        for name in plan.proper_nouns
        if (terms := tokenize(name)) and all(not knows(t) for t in terms)
    ]


def councils_not_found(plan: Query, passages: list[Passage]) -> list[str]:
    """Councils or areas the question names that none of ``passages`` is from or mentions. Of a
    question naming several ('which of A, B and C …'), the answer may concern only some: it is
    missing only when none is found."""
    missing = [n for n in sorted(plan.councils) if not any(about(p, n) for p in passages)]
    return missing if len(plan.councils) < 2 or len(missing) == len(plan.councils) else []


def things_not_found(plan: Query, passages: list[Passage]) -> list[str]:
    """The things the question names that none of ``passages`` mentions (every word of the name
    in its text or context): those passages are about something else. A body the question
    names by its acronym ('KCC's Scrutiny Committee') is matched as that body, and things joined
    by 'and' ('North Yorkshire and Darlington') are each looked for on their own. Words any body
    may have in its name ('County', 'Borough') are not looked for, nor the owner a name opens
    with (who is asked about is the council check's and the unknown names' to find), and a
    document's path counts as its context (an inspection's folder names the area in full)."""
    found = [set(tokenize(f"{in_context(p)} {p.source}")) for p in passages]
    known = {acronym(council).lower() for council in plan.councils} - {""} | GENERIC_TERMS
    return [
        name
        for name in plan.things
        if not all(
            any(content_terms(part) - known <= tokens for tokens in found)
            for part in AND.split(POSSESSOR.sub("", name))
        )
    ]


def date_not_held(plan: Query, passages: list[Passage]) -> str:
    """The meeting day or month the question names ('11 December 2014', 'October 2022') when no
    passage about the body it names is dated then ('' otherwise): the documents hold another
    meeting or report, not the one asked about, unless one of them writes that date ('the value
    at 30 September 2024' in a later report; minutes announcing a later meeting do not) or its
    file name does (an inspection letter is dated by its visit and named by the day it was
    sent). A year alone is not checked ('the 2024 salary disclosure' names the period a later
    paper covers), nor a date only the history gives."""
    named = [r for r in [plan.own_dates] if r[0] and not _whole_year(r)]
    if not named or not passages:
        return ""
    start, end = named[0]
    assert start is not None and end is not None
    dated = replace(plan, date_from=start, date_to=end)
    bodies = _about_named(plan, passages)
    if any(not p.metadata.get("date") or dated.date_fits(p.metadata) for p in bodies):
        return ""
    if any(_writes_date(p, start, end) for p in bodies):
        return ""
    return human_date(start) if start == end else f"{start:%B %Y}"


def _writes_date(passage: Passage, start: dt.date, end: dt.date) -> bool:
    """Whether the passage's file name, text or heading gives a day within ``start``..``end``
    (a day without a year read in the paper's own year, or the year before). Minutes record
    what happened up to their meeting: a later day they write is one announced (the next
    meeting, a deadline), so it does not count."""
    if mentions(passage.source, start, end):
        return True
    meta = passage.metadata
    announced = meta.get("doc_kind") == "minutes" and str(meta.get("date")) < start.isoformat()
    return not announced and mentions(in_context(passage), start, end, _dated(passage))


def _dated(passage: Passage) -> dt.date | None:
    date = passage.metadata.get("date")
    return dt.date.fromisoformat(str(date)) if date else None


def year_not_held(plan: Query, passages: list[Passage]) -> str:
    """The year the question names ('its 2022 focused visit') when the passages about the body it
    names are all inspection reports and none is from within a few months of that year ('' when
    any is, or when a passage about the body is not an inspection report: minutes of 2025 may
    discuss '2024' as the period a report covers). Another year's inspection does not answer."""
    if not plan.years or not plan.councils:
        return ""
    bodies = _about_named(plan, passages)
    if not bodies or any(p.metadata.get("doc_kind") != "inspection" for p in bodies):
        return ""
    if any(_near_year(p.metadata.get("date"), year) for p in bodies for year in plan.years):
        return ""
    return " or ".join(str(year) for year in plan.years)


def year_not_quoted(plan: Query, quoted: list[Passage]) -> str:
    """The year, financial year or season the question names ('in 2021', 'the 2021-22 budget',
    'autumn 2025') when none of the passages an answer would quote is dated in it or writes it
    ('' when one is): those passages are about another time, whatever their words share with the
    question. Of several named, one is enough (a comparison may be answered from one side's
    report)."""
    if not (plan.years or plan.financial_years or plan.seasons) or not quoted:
        return ""
    # A season's year is checked by the season.
    years = [year for year in plan.years if all(year != y for _, y in plan.seasons)]
    for passage in quoted:
        if any(_holds_year(passage, year) for year in years):
            return ""
        if any(_holds_financial_year(passage, first) for first in plan.financial_years):
            return ""
        if any(_holds_season(passage, season, year) for season, year in plan.seasons):
            return ""
    named = [f"{season} {year}" for season, year in plan.seasons]
    named += [str(year) for year in years]
    named += [name_financial_year(first) for first in plan.financial_years]
    return " or ".join(named)


def _holds_year(passage: Passage, year: int) -> bool:
    meta = passage.metadata
    if str(meta.get("date", "")).startswith(str(year)):
        return True
    return writes_year(f"{meta.get('doc_title', '')} {passage.text}", year)


def _holds_financial_year(passage: Passage, first: int) -> bool:
    """Whether a passage is dated in either calendar year of a financial year (its budget is set
    in the first, its outturn reported in the second) or writes it, its file name included."""
    if str(passage.metadata.get("date", ""))[:4] in (str(first), str(first + 1)):
        return True
    return writes_financial_year(_written(passage), first)


def _holds_season(passage: Passage, season: str, year: int) -> bool:
    """Whether a passage is dated in the season or later that year (minutes record what has
    happened, a report looks back), or writes the season or a day or month within it."""
    date = passage.metadata.get("date")
    if date and on_or_after_season(dt.date.fromisoformat(str(date)), season, year):
        return True
    return writes_season(_written(passage), season, year)


def _written(passage: Passage) -> str:
    """What a passage writes, with its file name and document title."""
    return f"{passage.source} {passage.metadata.get('doc_title', '')} {passage.text}"


def _near_year(date: object, year: int) -> bool:
    """Whether a report's date is within the year or the months either side of it (a visit at
    the end of one year is published in the next); an undated report may be of any year."""
    if not date:
        return True
    day = dt.date.fromisoformat(str(date))
    slack = INSPECTION_KIND_SLACK
    return dt.date(year, 1, 1) - slack <= day <= dt.date(year, 12, 31) + slack


def _about_named(plan: Query, passages: list[Passage]) -> list[Passage]:
    """The passages about the councils or areas the question names (all, when it names none)."""
    if not plan.councils:
        return passages
    return [p for p in passages if any(about(p, name) for name in plan.councils)]


def _whole_year(dates: tuple[dt.date | None, dt.date | None]) -> bool:
    start, end = dates
    return bool(start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31))
