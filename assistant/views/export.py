"""Markdown and CSV of answers and views, each with its citations written out in full."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from assistant.types import Answer, Decision, Passage, human_date
from assistant.views.briefing import Briefing
from assistant.views.latest import short_quote
from assistant.views.timeline import TimelineEntry

CSV_COLUMNS = (
    "council",
    "committee",
    "date",
    "item",
    "kind",
    "text",
    "document",
    "source",
    "page",
)


def source_line(n: int, passage: Passage) -> str:
    """'[n] Cabinet, 14 March 2024, item 85 — Printed minutes …, page 2 (cabinet/…pdf)'."""
    return f"[{n}] {passage.label()} — {passage.title}, page {passage.page} ({passage.source})"


def answer_markdown(answer: Answer) -> str:
    lines = [f"# {answer.question}", "", answer.text, ""]
    if answer.citations:
        lines += ["## Sources", ""]
        seen: set[int] = set()
        for c in answer.citations:
            if c.n not in seen:
                seen.add(c.n)
                lines.append(f"- {source_line(c.n, c.passage)}")
    lines += [f"_{note}_" for note in answer.notes]
    return "\n".join(lines).rstrip() + "\n"


def register_markdown(rows: Sequence[Decision], title: str = "Decisions and actions") -> str:
    lines = [f"# {title}", "", f"{len(rows)} rows.", ""]
    for n, row in enumerate(rows, start=1):
        lines.append(f"{n}. **{_heading(row)}** ({row.kind}): “{_one_line(row.text)}” [{n}]")
    return _with_sources(lines, [row.passage() for row in rows])


def register_csv(rows: Iterable[Decision]) -> str:
    """One row per decision or action; ``text`` verbatim (line breaks kept, CSV-quoted)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [r.council, r.committee, r.date, r.item, r.kind, r.text, r.title, r.source, r.page]
        )
    return out.getvalue()


def timeline_markdown(topic: str, entries: Sequence[TimelineEntry]) -> str:
    lines = [f"# Timeline: {topic}", ""]
    if not entries:
        lines.append("No minutes or inspection findings in the documents name this topic.")
    for n, e in enumerate(entries, start=1):
        lines.append(f"- **{_day(e.date)}** — {e.passage.label()}: “{_one_line(e.quote)}” [{n}]")
    return _with_sources(lines, [e.passage for e in entries])


def briefing_markdown(brief: Briefing) -> str:
    before = f" before {human_date(brief.before)}" if brief.before else ""
    lines = [f"# Briefing: {brief.committee}{before}", ""]
    passages: list[Passage] = []

    def cite(passage: Passage) -> int:
        passages.append(passage)
        return len(passages)

    lines += ["## Resolutions of the last meetings", ""]
    for date, rows in brief.meetings:
        lines.append(f"### {_day(date)}")
        lines += [
            f"- {row.item or 'Resolution'}: “{short_quote(_one_line(row.text))}” "
            f"[{cite(row.passage())}]"
            for row in rows
        ] or ["- No resolutions recorded."]
        lines.append("")
    lines += ["## Actions with no later mention", ""]
    lines += [
        f"- {_day(row.date)}, {row.item or 'action'}: “{_one_line(row.text)}” "
        f"[{cite(row.passage())}]"
        for row in brief.outstanding
    ] or ["- None."]
    lines += ["", f"## Latest inspection findings on the agenda ({_day(brief.agenda_date)})", ""]
    lines += [
        f"- {item} — {_day(e.date)}, {e.passage.title}: “{_one_line(e.quote)}” [{cite(e.passage)}]"
        for item, e in brief.findings
    ] or ["- No inspection finding names an item of this agenda."]
    return _with_sources(lines, passages)


def _with_sources(lines: list[str], passages: Sequence[Passage]) -> str:
    if passages:
        lines += ["", "## Sources", ""]
        lines += [f"- {source_line(n, p)}" for n, p in enumerate(passages, start=1)]
    return "\n".join(lines).rstrip() + "\n"


def _heading(row: Decision) -> str:
    parts = [row.committee or row.council, _day(row.date)]
    if row.item:
        parts.append(f"item {row.item}")
    return ", ".join(p for p in parts if p)


def _day(date: str) -> str:
    try:
        return human_date(dt.date.fromisoformat(date))
    except ValueError:
        return date or "undated"


def _one_line(text: str) -> str:
    """Line breaks of the PDF layout as spaces (Markdown would break the list item)."""
    return " ".join(text.split())
