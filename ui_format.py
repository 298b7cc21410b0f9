"""Pure HTML formatting of the chat page: escaped answers, drafts, notes and the sources panel.

Everything taken from documents or from the model is HTML-escaped here, never trusted as markup.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence

from assistant.types import Answer, Passage, human_date
from assistant.views.export import source_line
from assistant.views.timeline import TimelineEntry

CLOSEST_SHOWN = 3
EMPTY_SOURCES = '<div class="empty">Sources for the latest answer appear here.</div>'
CITE_MARK = re.compile(r"\[(\d+)\]")
# Passage line breaks: a blank line or a break after a sentence or before a list item is kept;
# other single breaks are the source's line wrapping (PDF text) and read better as spaces.
BREAK_RUN = re.compile(r"[ \t]*\n\s*")
LIST_START = re.compile(r"[•●▪◦*\-–]\s|\(?[a-zA-Z0-9]{1,3}[.)]\s")
LINE, PARAGRAPH, JOIN = "\x00", "\x01", "\x02"

SOURCES_CSS = """
.sources { display: flex; flex-direction: column; gap: 12px; font-size: 14px; }
.empty, .note { color: var(--body-text-color-subdued); padding: 8px 0; }
.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
  background: var(--background-fill-secondary); }
.source h4 { margin: 0 0 6px 0; font-size: 15px; }
.source .n { color: var(--color-accent); font-weight: 700; margin-right: 4px; }
.source table { border-collapse: collapse; margin: 0 0 6px 0; font-size: 13px; width: auto; }
.source table, .source tr, .source th, .source td { border: none; background: none; }
.source th { text-align: left; font-weight: 600; padding: 1px 12px 1px 0; white-space: nowrap;
  color: var(--body-text-color); opacity: 0.7; vertical-align: top; }
.source td { padding: 1px 0; word-break: break-word; }
.source code { font-size: 12px; }
.source blockquote { margin: 6px 0 0 0; padding: 6px 10px; border-left: 3px solid
  var(--color-accent); background: var(--background-fill-primary);
  max-height: 320px; overflow-y: auto; line-height: 1.45; }
.source mark { background: #fde68a; color: #111; padding: 0 1px; border-radius: 2px; }
"""


DRAFT_LABEL = "Draft, still being written and not yet checked against the passages:"
DRAFT_SOURCES = (
    '<div class="sources"><div class="note">The sources appear when the answer is complete.'
    "</div></div>"
)


def escape_text(text: str) -> str:
    """Plain text as HTML that shows exactly that text (line breaks kept).

    Only element content is produced here, never attribute values, so quotes need no escaping
    (escaping them would show up as entities in the chat's aria-labels).
    """
    return html.escape(text, quote=False).replace("\n", "<br>")


def answer_html(text: str) -> str:
    """The answer as chat HTML: escaped, with its [n] markers in bold."""
    return CITE_MARK.sub(r"<strong>[\1]</strong>", escape_text(text))


def quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of ``text`` where the quotes occur (whitespace-tolerant)."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        words = quote.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        spans.extend(m.span() for m in re.finditer(pattern, text))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, quotes: Iterable[str]) -> str:
    """``text`` escaped, with every quoted span wrapped in ``<mark>`` (escape first, then mark)."""
    shown = display_breaks(text)
    parts: list[str] = []
    cursor = 0
    for start, end in quote_spans(text, quotes):
        parts.append(html.escape(shown[cursor:start]))
        parts.append(f"<mark>{html.escape(shown[start:end])}</mark>")
        cursor = end
    parts.append(html.escape(shown[cursor:]))
    return breaks_to_html("".join(parts))


def display_breaks(text: str) -> str:
    """A same-length copy of ``text`` whose line breaks are LINE / PARAGRAPH / JOIN markers
    or spaces, so quote spans found in ``text`` still apply to it."""
    text = re.sub(f"[{LINE}{PARAGRAPH}{JOIN}]", " ", text)

    def marker(match: re.Match[str]) -> str:
        run, before = match.group(), text[: match.start()].rstrip()[-1:]
        if run.count("\n") > 1:
            mark = PARAGRAPH
        elif before in tuple(".:;?!") or LIST_START.match(text, match.end()):
            mark = LINE
        elif before == "-" and text[match.end() : match.end() + 1].isalnum():
            mark = JOIN
        else:
            mark = " "
        return mark * len(run)

    return BREAK_RUN.sub(marker, text)


def breaks_to_html(escaped: str) -> str:
    """Turn the markers of ``display_breaks`` (after escaping) into HTML."""
    escaped = re.sub(f"{PARAGRAPH}+", "<br><br>", escaped)
    return re.sub(f"{LINE}+", "<br>", escaped).replace(JOIN, "")


def meeting_date(value: str) -> str:
    """'2025-01-30' → '30 January 2025'; anything else unchanged."""
    try:
        return human_date(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _meta_rows(passage: Passage) -> str:
    rows = [
        ("Committee", html.escape(passage.committee or str(passage.metadata.get("council", "")))),
        ("Meeting date", html.escape(meeting_date(passage.date))),
        ("Agenda item", html.escape(passage.item)),
        ("Page", str(passage.page) if passage.page else ""),
        ("Source", f"<code>{html.escape(passage.source)}</code>" if passage.source else ""),
    ]
    cells = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows if value)
    return f"<table>{cells}</table>"


def source_card(passage: Passage, quotes: Sequence[str], n: int | None = None) -> str:
    """One source: [n], title, where it comes from, and the passage with the quotes marked."""
    number = f'<span class="n">[{n}]</span>' if n is not None else ""
    anchor = f' id="source-{n}"' if n is not None else ""
    return (
        f'<div class="source"{anchor}><h4>{number}{html.escape(passage.title)}</h4>'
        f"{_meta_rows(passage)}<blockquote>{highlight(passage.text, quotes)}</blockquote></div>"
    )


def sources_html(answer: Answer) -> str:
    """The sources panel for ``answer``: each cited passage once per [n], in [n] order."""
    by_n: dict[int, tuple[Passage, list[str]]] = {}
    for citation in answer.citations:
        passage, quotes = by_n.setdefault(citation.n, (citation.passage, []))
        quotes.append(citation.quote)
    if by_n:
        cards = [source_card(p, q, n) for n, (p, q) in sorted(by_n.items())]
        return f'<div class="sources">{"".join(cards)}</div>'
    if not answer.passages:
        return '<div class="sources"><div class="note">No passages matched.</div></div>'
    closest = [source_card(p, []) for p in answer.passages[:CLOSEST_SHOWN]]
    note = '<div class="note">Closest passages found; none of them answers the question.</div>'
    return f'<div class="sources">{note}{"".join(closest)}</div>'


def message_html(text: str) -> str:
    """An error or refusal as a sources-panel note."""
    return f'<div class="sources"><div class="note">{escape_text(text)}</div></div>'



def draft_html(text: str) -> str:
    """The model's unchecked draft as chat HTML: labelled as a draft, escaped, markers as typed."""
    return f"<em>{html.escape(DRAFT_LABEL, quote=False)}</em><br>{escape_text(text)}"


def final_html(answer: Answer) -> str:
    """The checked answer as chat HTML, with its notes in small text underneath."""
    notes = "".join(f"<br><small>{escape_text(note)}</small>" for note in answer.notes)
    return answer_html(answer.text) + (f"<br>{notes}" if notes else "")


TIMELINE_CSS = """
.timeline { font-size: 14px; line-height: 1.5; }
.timeline ol { padding-left: 0; list-style: none; }
.timeline li { margin: 0 0 8px 0; }
.timeline .date { font-weight: 700; margin-right: 6px; }
.timeline .n { color: var(--color-accent); font-weight: 700; }
.timeline .sources li { font-size: 13px; margin: 0 0 2px 0; }
.timeline .empty { color: var(--body-text-color-subdued); }
"""
NO_TIMELINE = "No minutes or inspection findings in the documents name this topic."
TIMELINE_PROMPT = "Type a topic to see what the minutes and inspections said about it, by date."


def timeline_html(entries: Sequence[TimelineEntry] | None) -> str:
    """One line per entry: date, where, the verbatim quote in quotes and [n]; then the sources
    written out. ``None`` (nothing asked yet) shows the prompt."""
    if not entries:
        note = TIMELINE_PROMPT if entries is None else NO_TIMELINE
        return f'<div class="timeline"><div class="empty">{html.escape(note)}</div></div>'
    lines = "".join(
        f'<li><span class="date">{html.escape(meeting_date(e.date))}</span> '
        f"— {html.escape(e.passage.label())}: “{html.escape(' '.join(e.quote.split()))}” "
        f'<span class="n">[{n}]</span></li>'
        for n, e in enumerate(entries, start=1)
    )
    sources = "".join(
        f"<li>{html.escape(source_line(n, e.passage))}</li>" for n, e in enumerate(entries, start=1)
    )
    return (
        f'<div class="timeline"><ol class="entries">{lines}</ol>'
        f'<h4>Sources</h4><ol class="sources">{sources}</ol></div>'
    )
