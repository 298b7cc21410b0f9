"""Views across meetings: the latest decisions on a topic, a topic's timeline, a pre-meeting
briefing. Each is built from the register (``register.py``) and the index, and quotes verbatim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from assistant.retrieval.hybrid import passes, to_passage
from assistant.retrieval.question import content_terms
from assistant.text import split_units, tokenize
from assistant.types import Answer, Citation, Decision, Filters, Passage, human_date
from assistant.views.register import names_topic, select, sort_rows

if TYPE_CHECKING:
    from assistant.core import Assistant

TIMELINE_KINDS = ("minutes", "inspection")
TIMELINE_DEPTH = 15  # passages retrieved per document kind
KEYWORD_DEPTH = 200  # chunks the keyword search adds per document kind
LINE_WORDS = 80  # a timeline line longer than this is a block, not a sentence
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


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated line: ``quote`` is an exact substring of ``passage.text``."""

    date: str
    passage: Passage
    quote: str


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


def latest_decisions(
    assistant: Assistant, topic: str, filters: Filters | None = None
) -> list[Decision]:
    """The resolutions on ``topic``, newest first (undated ones last)."""
    rows = select(assistant.register, filters, topic=topic, kind="resolution")
    return sort_rows(rows, newest_first=True)


def timeline(
    assistant: Assistant, topic: str, filters: Filters | None = None, whole_lines: bool = True
) -> list[TimelineEntry]:
    """Minutes and inspection findings on ``topic``, oldest first, one line per document.

    Candidates come from the hybrid retriever (what the topic means) and from a wide keyword
    search (every chunk that names it); a document's line is its first candidate's sentence
    naming the topic (with ``whole_lines`` off, the sentence naming most of it: an agenda
    item's long title is seldom named whole in one sentence).
    """
    terms = content_terms(topic)
    if not terms:
        return []
    best: dict[str, TimelineEntry] = {}
    for passage in _timeline_candidates(assistant, topic, filters or Filters()):
        if passage.source in best or not passage.date:
            continue
        if not names_topic(terms, f"{passage.metadata.get('item_title', '')}\n{passage.text}"):
            continue
        quote = best_line(passage.text, terms)
        if quote and (names_topic(terms, quote) or not whole_lines):
            best[passage.source] = TimelineEntry(passage.date, passage, quote)
    return sorted(best.values(), key=lambda e: (e.date, e.passage.source))


def _timeline_candidates(assistant: Assistant, topic: str, base: Filters) -> list[Passage]:
    plan = assistant.plan(topic)
    found: list[Passage] = []
    for kind in TIMELINE_KINDS if not base.doc_kind else (base.doc_kind,):
        narrowed = Filters(base.committee, base.date_from, base.date_to, kind)
        found += assistant.retriever.search(plan, narrowed, k=TIMELINE_DEPTH)
        keyword = assistant.retriever.keyword
        hits = keyword.search(topic, KEYWORD_DEPTH, where=partial(passes, narrowed))
        found += [
            to_passage(keyword.ids[i], keyword.texts[i], keyword.metadatas[i], score)
            for i, score in hits
        ]
    return found


def best_line(text: str, terms: set[str]) -> str:
    """The sentence of ``text`` naming most of ``terms`` (the first of equals), verbatim; a
    run-on block (a letter's address lines, a table) only when nothing else names any."""
    scored = [
        (
            len(terms & set(tokenize(text[a:b]))) > 0 and len(text[a:b].split()) <= LINE_WORDS,
            len(terms & set(tokenize(text[a:b]))),
            -a,
            a,
            b,
        )
        for a, b in split_units(text)
    ]
    if not scored:
        return ""
    _, hits, _, start, end = max(scored)
    return text[start:end] if hits else ""


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

LATEST_SHOWN = 5
QUOTE_WORDS = 60


def latest_answer(
    assistant: Assistant, question: str, topic: str, filters: Filters | None = None
) -> Answer | None:
    """The newest resolution on ``topic`` first, then the earlier ones, each dated and cited;
    None when the register holds none (the question then goes the ordinary way)."""
    rows = latest_decisions(assistant, topic, filters)[:LATEST_SHOWN]
    if not rows:
        return None
    passages = [row.passage() for row in rows]
    citations = [Citation(n, p, short_quote(p.text)) for n, p in enumerate(passages, start=1)]
    lines = [f"The most recent decision on {topic} — {_when(rows[0])}: “{citations[0].quote}” [1]"]
    if len(rows) > 1:
        lines.append("Earlier, newest first:")
        lines.extend(
            f"- {_when(row)}: “{c.quote}” [{c.n}]"
            for row, c in zip(rows[1:], citations[1:], strict=True)
        )
    return Answer(question, "\n".join(lines), citations, passages, abstained=False)


def short_quote(text: str, max_words: int = QUOTE_WORDS) -> str:
    """The first sentences of ``text`` up to about ``max_words`` words, verbatim."""
    units = split_units(text)
    if not units:
        return text
    start, end = units[0]
    for _, b in units[1:]:
        if len(text[start:b].split()) > max_words:
            break
        end = b
    return text[start:end]


def _when(row: Decision) -> str:
    day = human_date(dt.date.fromisoformat(row.date)) if row.date else "undated"
    where = ", ".join(p for p in (row.committee or row.council, day) if p)
    return f"{where}, item {row.item}" if row.item_number else where
