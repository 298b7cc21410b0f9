"""The decisions and actions register: every resolution and action of every meeting, one row each.

Built at ingest from the structure parser's sections (``decisions_of``) and saved beside the
index (``register.json``, replaced atomically after each ingest), so the register describes
exactly the documents that are indexed. ``select`` filters it the way the CLI and UI do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from assistant.retrieval.question import content_terms
from assistant.text import split_units, tokenize
from assistant.types import (
    Decision,
    DecisionKind,
    DocMeta,
    Filters,
    Page,
    ParsedDocument,
    Section,
)

REGISTER = "register.json"
# Inspection letters' and reports' "recommendations" and agendas' proposed decisions are not
# decisions taken.
NOT_DECISIONS = ("inspection", "agenda", "report")
MIN_WORDS = 4
# A sentence of the minutes' discussion that records a decision the meeting took.
# (A bare "Decision:" label is not a decision.)
AGREED = re.compile(r"\b(?:agreed|resolved)\b", re.I)
# ... but not a condition or a question ("unless Cabinet agreed otherwise", "asked whether it
# was agreed").
NOT_AGREED = re.compile(r"\b(?:unless|if|whether|until|not)\b[^.;]*\b(?:agreed|resolved)\b", re.I)
# A topic of up to three terms must be named in full; a longer one by two thirds of its terms.
WHOLE_TOPIC = 3
TOPIC_SHARE = 2 / 3


def decisions_of(parsed: ParsedDocument, pages: Iterable[Page] = ()) -> list[Decision]:
    """The resolutions and actions of one parsed document, in reading order: its resolution and
    action sections, and in minutes the sentences of the discussion that record an agreement
    ("The minutes … were agreed as a true record", "It was resolved to …")."""
    meta = parsed.meta
    if meta.doc_kind in NOT_DECISIONS:
        return []
    by_number = {page.number: page for page in pages}
    rows: list[Decision] = []
    for section in parsed.sections:
        if section.section_kind in ("resolution", "action"):
            texts = [section.text]
            kind = section.section_kind
        elif section.section_kind == "discussion" and meta.doc_kind == "minutes":
            texts = [
                section.text[a:b]
                for a, b in split_units(section.text)
                if AGREED.search(section.text[a:b]) and not NOT_AGREED.search(section.text[a:b])
            ]
            kind = "resolution"
        else:
            continue
        page = by_number.get(section.page)
        rows += [
            _row(meta, section, kind, text, _printed_page(page, text) if page else section.page)
            for text in texts
            if len(text.split()) >= MIN_WORDS
        ]
    return rows


def _printed_page(page: Page, text: str) -> int:
    """The printed page ``text`` (a span of ``page``) is on."""
    return page.printed_page(max(page.text.find(text), 0))


def _row(meta: DocMeta, section: Section, kind: DecisionKind, text: str, page: int) -> Decision:
    return Decision(
        kind=kind,
        text=text,
        source=meta.source,
        page=page,
        title=meta.title,
        council=meta.council,
        committee=meta.committee,
        date=meta.date.isoformat() if meta.date else "",
        item_number=section.item_number,
        item_title=section.item_title,
        doc_kind=meta.doc_kind,
    )


def save_register(index_path: Path, rows: Iterable[Decision]) -> None:
    """Write the register; a crash leaves the old file or the new one, never half of one."""
    index_path.mkdir(parents=True, exist_ok=True)
    path = index_path / REGISTER
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps([dataclasses.asdict(r) for r in rows], indent=0))
    os.replace(tmp, path)


def load_register(index_path: Path) -> list[Decision]:
    """The saved register, oldest meeting first; empty when no ingest has written one."""
    path = index_path / REGISTER
    if not path.exists():
        return []
    return sort_rows([Decision(**row) for row in json.loads(path.read_text())])


def sort_rows(rows: Iterable[Decision], newest_first: bool = False) -> list[Decision]:
    """By meeting date (undated last), then document and page: the order of the minutes."""
    ordered = sorted(rows, key=lambda r: (r.source, r.page))
    dated = sorted((r for r in ordered if r.date), key=lambda r: r.date, reverse=newest_first)
    return dated + [r for r in ordered if not r.date]


def select(
    rows: Iterable[Decision],
    filters: Filters | None = None,
    topic: str = "",
    kind: str | None = None,
) -> list[Decision]:
    """The rows that pass the committee / date filters, name the topic and are of ``kind``."""
    filters = filters or Filters()
    terms = content_terms(topic)
    return [
        row
        for row in rows
        if (kind is None or row.kind == kind)
        and (not filters.committee or row.committee == filters.committee)
        and _in_range(row.date, filters.date_from, filters.date_to)
        and (not terms or names_topic(terms, f"{row.item_title}\n{row.text}"))
    ]


def names_topic(terms: set[str], text: str) -> bool:
    """Whether ``text`` names enough of a topic's terms (see ``TOPIC_SHARE``)."""
    if not terms:
        return True
    found = len(terms & set(tokenize(text)))
    return found == len(terms) if len(terms) <= WHOLE_TOPIC else found >= TOPIC_SHARE * len(terms)


def _in_range(date: str, start: dt.date | None, end: dt.date | None) -> bool:
    if not (start or end):
        return True
    if not date:
        return False
    day = dt.date.fromisoformat(date)
    return (start is None or day >= start) and (end is None or day <= end)
