"""'What did we last decide about X?': the newest resolutions on a topic from the register, newest
first, each dated and cited."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from assistant.text import split_units
from assistant.types import Answer, Citation, Decision, Filters, human_date
from assistant.views.register import select, sort_rows

if TYPE_CHECKING:
    from assistant.core import Assistant

LATEST_SHOWN = 5
QUOTE_WORDS = 60


def latest_decisions(
    assistant: Assistant, topic: str, filters: Filters | None = None
) -> list[Decision]:
    """The resolutions on ``topic``, newest first (undated ones last)."""
    rows = select(assistant.register, filters, topic=topic, kind="resolution")
    return sort_rows(rows, newest_first=True)


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
