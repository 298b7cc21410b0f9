"""A pre-meeting briefing for a committee: its last meetings' resolutions, its actions no later
minutes mention, and for each item of its next agenda the latest inspection finding on it.
Built from the register (``register.py``) and the index; everything quoted verbatim."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.retrieval.question import content_terms
from assistant.text import tokenize
from assistant.types import Decision, Filters
from assistant.views.register import sort_rows
from assistant.views.timeline import TimelineEntry, timeline

if TYPE_CHECKING:
    from assistant.core import Assistant

MEETINGS_BRIEFED = 3
AGENDA_KINDS = ("agenda", "minutes")
# An agenda item's title must carry this many content words to be looked up in inspections
# ("Apologies", "Minutes" would match anything).
FINDING_MIN_TERMS = 2
COUNCIL_WORDS = frozenset(
    "the of and council county city borough district metropolitan royal london local area "
    "partnership".split()
)
# An action counts as taken up when a later chunk of its committee holds this share of the
# action's words, weighted by rarity (names and subjects count, 'to' and 'report' hardly).
MENTION_SHARE = 0.5


@dataclass(slots=True)
class Briefing:
    """What a member reads before a committee meeting."""

    committee: str
    before: dt.date | None
    meetings: list[tuple[str, list[Decision]]] = field(default_factory=list)
    outstanding: list[Decision] = field(default_factory=list)
    agenda_date: str = ""
    agenda: list[str] = field(default_factory=list)
    findings: list[tuple[str, TimelineEntry]] = field(default_factory=list)


def briefing(assistant: Assistant, committee: str, before: dt.date | None = None) -> Briefing:
    """The committee's last meetings' resolutions, its actions with no later mention, and the
    latest inspection findings on the items of its next (or latest) agenda."""
    brief = Briefing(committee=committee, before=before)
    rows = [r for r in assistant.register if r.committee == committee and _before(r.date, before)]
    council = next((r.council for r in rows if r.council), "")
    dates = sorted({r.date for r in rows if r.date}, reverse=True)[:MEETINGS_BRIEFED]
    brief.meetings = [
        (d, [r for r in rows if r.date == d and r.kind == "resolution"]) for d in dates
    ]
    later = _committee_chunks(assistant, committee, before)
    brief.outstanding = [
        r
        for r in sort_rows(rows)
        if r.kind == "action" and not _mentioned_later(assistant, r, later)
    ]
    brief.agenda_date, brief.agenda = agenda_items(assistant, committee, before)
    for item in brief.agenda:
        if len(content_terms(item)) < FINDING_MIN_TERMS:
            continue
        entry = latest_finding(assistant, item, council, before)
        if entry is not None:
            brief.findings.append((item, entry))
    return brief


def agenda_items(
    assistant: Assistant, committee: str, before: dt.date | None
) -> tuple[str, list[str]]:
    """The item titles of the committee's first meeting on or after ``before`` (its agenda),
    else of its latest meeting: (meeting date, titles in item order)."""
    items: dict[str, dict[str, str]] = {}
    for meta in assistant.retriever.keyword.metadatas:
        if meta.get("doc_kind") not in AGENDA_KINDS:
            continue
        if meta.get("committee") == committee and meta.get("date") and meta.get("item_title"):
            number = str(meta.get("item_number") or "")
            items.setdefault(str(meta["date"]), {}).setdefault(str(meta["item_title"]), number)
    if not items:
        return "", []
    upcoming = sorted(d for d in items if before and d >= before.isoformat())
    past = sorted(d for d in items if _before(d, before))
    date = upcoming[0] if upcoming else (past[-1] if past else "")
    if not date:
        return "", []
    titled = sorted(items[date].items(), key=lambda kv: _item_order(kv[1]))
    return date, [title for title, _ in titled]


def latest_finding(
    assistant: Assistant, topic: str, council: str = "", before: dt.date | None = None
) -> TimelineEntry | None:
    """The newest inspection passage naming ``topic`` (of ``council``'s area when given,
    published before ``before`` when given)."""
    until = before - dt.timedelta(days=1) if before else None
    entries = [
        e
        for e in timeline(
            assistant, topic, Filters(date_to=until, doc_kind="inspection"), whole_lines=False
        )
        if not council or same_area(str(e.passage.metadata.get("council") or ""), council)
    ]
    return entries[-1] if entries else None


def same_area(one: str, other: str) -> bool:
    """Whether two council names name one area ("Kent" and "Kent County Council" do)."""
    a, b = _area_words(one), _area_words(other)
    return bool(a and b) and (a <= b or b <= a)


def _area_words(name: str) -> set[str]:
    return set(re.findall(r"[a-z]+", name.lower())) - COUNCIL_WORDS


def _committee_chunks(
    assistant: Assistant, committee: str, before: dt.date | None
) -> list[tuple[str, set[str]]]:
    """(date, terms) of every dated chunk of the committee before ``before``."""
    keyword = assistant.retriever.keyword
    return [
        (str(meta["date"]), set(tokenize(text)))
        for text, meta in zip(keyword.texts, keyword.metadatas, strict=True)
        if meta.get("committee") == committee
        and meta.get("date")
        and _before(str(meta["date"]), before)
    ]


def _mentioned_later(
    assistant: Assistant, action: Decision, chunks: list[tuple[str, set[str]]]
) -> bool:
    terms = set(tokenize(action.text)) - {"action"}
    weight = {t: assistant.retriever.keyword.idf(t) for t in terms}
    total = sum(weight.values()) or 1.0
    return any(
        sum(weight[t] for t in terms & found) / total >= MENTION_SHARE
        for date, found in chunks
        if date > action.date
    )


def _before(date: str, before: dt.date | None) -> bool:
    return before is None or (bool(date) and date < before.isoformat())


def _item_order(number: str) -> tuple[float, str]:
    head = number.split(".")[0]
    return (float(head) if head.isdigit() else float("inf"), number)


# ---- the answer to "what did we last decide about X" ----------------------------------------


