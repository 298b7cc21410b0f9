"""The chat page: a Gradio conversation on the left, the cited passages on the right.

API (for gradio_client, tests and benchmarks)::

    from gradio_client import Client
    answer, sources_html = Client(url).predict(
        "When did the Cabinet approve the budget?",  # message: the question
        [],            # history: earlier user questions of the conversation, oldest first
        "Any",         # committee: "Any" or one of Assistant.committees()
        "",            # date_from: "" or YYYY-MM-DD (meeting date, inclusive)
        "",            # date_to: "" or YYYY-MM-DD (meeting date, inclusive)
        "Any",         # doc_kind: "Any" or one of Assistant.doc_kinds()
        api_name="/respond",
    )

``answer`` is the plain answer text with [n] markers (or the refusal / error message);
``sources_html`` is the sources panel for it. An invalid date raises ``gr.Error`` (the client
sees an ``AppError`` with the message). Everything taken from documents is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import gradio as gr

from assistant.core import Assistant
from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.types import Answer, Filters, Passage, human_date

ANY = "Any"
API_NAME = "respond"
QUEUE_SIZE = 32
CONCURRENCY = 2
CLOSEST_SHOWN = 3
TITLE = "Committee Assistant"
INTRO = (
    "Ask about decisions, discussions and findings in the indexed minutes and inspection "
    "letters. Every answer quotes the documents and cites them as [n]; the passages are "
    "on the right."
)
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


# ---- pure formatting --------------------------------------------------------------------------


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


# ---- inputs -----------------------------------------------------------------------------------


def parse_date(value: str | None, label: str) -> dt.date | None:
    """'' → None; 'YYYY-MM-DD' → date; anything else → a ``gr.Error`` naming the field."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        # gr.Error renders its message as HTML: escape what the user typed.
        raise gr.Error(
            f"{label} “{html.escape(value)}” is not a date. Use YYYY-MM-DD, e.g. 2025-01-30.",
            title="Invalid date",
            print_exception=False,
        ) from None


def parse_filters(
    committee: str | None, date_from: str | None, date_to: str | None, doc_kind: str | None
) -> Filters:
    """The UI's filter values as ``Filters``; "Any" and blanks mean no restriction."""
    start = parse_date(date_from, "Date from")
    end = parse_date(date_to, "Date to")
    if start and end and start > end:
        raise gr.Error(
            f"Date from ({start}) is after date to ({end}).",
            title="Invalid date range",
            print_exception=False,
        )
    return Filters(
        committee=committee if committee and committee != ANY else None,
        date_from=start,
        date_to=end,
        doc_kind=doc_kind if doc_kind and doc_kind != ANY else None,
    )


def earlier_questions(history: Sequence[Any] | None) -> list[str]:
    """User questions from ``history``: plain strings, or chat messages with role "user"."""
    texts = [
        item if isinstance(item, str) else item.get("content")
        for item in history or []
        if isinstance(item, str) or (isinstance(item, dict) and item.get("role") == "user")
    ]
    return [text.strip() for text in texts if isinstance(text, str) and text.strip()]


def too_long_message(settings: Settings, message: str) -> str:
    return (
        f"Your question is {len(message)} characters long; the limit is "
        f"{settings.max_question_chars}. Please ask a shorter question."
    )


# ---- the page ---------------------------------------------------------------------------------


def answer_question(
    assistant: Assistant, settings: Settings, message: str, history: Sequence[Any] | None,
    filters: Filters,
) -> tuple[str, str]:
    """(answer text, sources HTML); refusals and assistant errors become the answer text."""
    message = (message or "").strip()
    if not message:
        return "Please type a question.", EMPTY_SOURCES
    if len(message) > settings.max_question_chars:
        text = too_long_message(settings, message)
        return text, message_html(text)
    try:
        answer = assistant.ask(message, earlier_questions(history), filters)
    except AssistantError as exc:
        text = f"Sorry, the question could not be answered: {exc}"
        return text, message_html(text)
    text = "\n\n".join([answer.text, *answer.notes])
    return text, sources_html(answer)


def build_demo(assistant: Assistant, settings: Settings) -> gr.Blocks:
    """The chat page for ``assistant``; its API endpoint is ``/respond`` (see module doc)."""
    committees = [ANY, *assistant.committees()]
    kinds = [ANY, *assistant.doc_kinds()]

    def respond(
        message: str, history: list[str] | None, committee: str, date_from: str, date_to: str,
        doc_kind: str,
    ) -> tuple[str, str]:
        """Answer ``message``; ``history`` is the earlier user questions, oldest first."""
        filters = parse_filters(committee, date_from, date_to, doc_kind)
        return answer_question(assistant, settings, message, history, filters)

    def chat_turn(
        message: str, chat: list[dict[str, Any]], questions: list[str], committee: str,
        date_from: str, date_to: str, doc_kind: str,
    ) -> tuple[str, list[dict[str, Any]], list[str], str]:
        message = (message or "").strip()
        if not message:
            raise gr.Error("Please type a question first.", title="Empty question", duration=4)
        text, panel = respond(message, questions, committee, date_from, date_to, doc_kind)
        chat = [
            *(chat or []),
            {"role": "user", "content": escape_text(message)},
            {"role": "assistant", "content": answer_html(text)},
        ]
        if len(message) <= settings.max_question_chars:
            questions = [*(questions or []), message]
        return "", chat, questions, panel

    with gr.Blocks(title=TITLE, fill_width=True, analytics_enabled=False) as demo:
        gr.Markdown(f"## {TITLE}\n{INTRO}")
        questions = gr.State([])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=360):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    elem_id="chat",
                    height=520,
                    layout="bubble",
                    sanitize_html=True,
                    render_markdown=False,
                    allow_tags=False,
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=["copy"],
                    placeholder="Ask a question about the minutes and inspection letters.",
                )
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="Type a question and press Enter", show_label=False,
                        max_lines=4, scale=5, elem_id="question", autofocus=True,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                clear = gr.Button("New conversation", size="sm", variant="secondary")
            with gr.Column(scale=2, min_width=320):
                with gr.Accordion("Filters", open=True):
                    with gr.Row():
                        committee = gr.Dropdown(committees, value=ANY, label="Committee")
                        doc_kind = gr.Dropdown(kinds, value=ANY, label="Document kind")
                    with gr.Row():
                        date_from = gr.Textbox(label="Date from", placeholder="YYYY-MM-DD")
                        date_to = gr.Textbox(label="Date to", placeholder="YYYY-MM-DD")
                gr.Markdown("### Sources")
                sources = gr.HTML(
                    EMPTY_SOURCES, elem_id="sources", css_template=SOURCES_CSS, js_on_load=None
                )
        inputs = [box, chatbot, questions, committee, date_from, date_to, doc_kind]
        outputs = [box, chatbot, questions, sources]
        for trigger in (box.submit, send.click):
            trigger(chat_turn, inputs, outputs, api_visibility="private")
        clear.click(lambda: ("", [], [], EMPTY_SOURCES), None, outputs, api_visibility="private")
        # The chatbot's own trash button clears only the messages: forget the questions too.
        chatbot.clear(
            lambda: ([], EMPTY_SOURCES), None, [questions, sources], api_visibility="private"
        )
        gr.api(respond, api_name=API_NAME)
    demo.queue(max_size=QUEUE_SIZE, default_concurrency_limit=CONCURRENCY)
    return demo


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    """'user:password' → (user, password); None or '' → None."""
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        raise AssistantError("ASSISTANT_AUTH must look like 'user:password'")
    return user, password


def launch_options(settings: Settings) -> dict[str, Any]:
    """``Blocks.launch`` arguments: address, login, and no file serving beyond the app's own."""
    return {
        "server_name": settings.host,
        "server_port": settings.port,
        "auth": parse_auth(settings.auth),
        "allowed_paths": [],
        # Belt and braces: Gradio serves neither anyway, as the app never creates files there.
        "blocked_paths": [str(settings.index_path.resolve()), str(settings.corpus_path.resolve())],
        "ssr_mode": False,
        "footer_links": ["api"],
    }


def main(settings: Settings | None = None) -> int:
    """Index the corpus if needed, then serve the chat page until interrupted."""
    from assistant.cli import format_report
    from assistant.core import build_assistant
    from assistant.ingest import index_status, ingest

    settings = settings or Settings()
    try:
        options = launch_options(settings)
        status = index_status(settings)
        if not status["up_to_date"]:
            print(f"indexing {settings.corpus_path}: {status['reason']}")
            print(format_report(ingest(settings, progress=True)))
        demo = build_demo(build_assistant(settings), settings)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    demo.launch(**options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
