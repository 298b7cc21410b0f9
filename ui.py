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

``answer`` is the plain answer text with [n] markers followed by its notes (or the refusal /
error message); ``sources_html`` is the sources panel for it. With a chat model configured this
waits for the checked answer. An invalid date raises ``gr.Error`` (the client sees an
``AppError`` with the message). Everything taken from documents is HTML-escaped.

The chat itself streams: ``Client(url).submit(message, [], committee, date_from, date_to,
doc_kind, api_name="/chat_stream")`` yields ("", chat messages, sources_html) for every draft
of the model (the last chat message's HTML starts with ``ui_format.DRAFT_LABEL``; the panel says
the sources come when the answer is complete), then once for the checked answer, whose HTML
replaces the draft and shows ``answer.notes`` in small text. Without a model it yields once.
The page remembers a session's questions as the conversation's history.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.core import Assistant
from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.types import Answer, Filters
from ui_format import (
    DRAFT_SOURCES,
    EMPTY_SOURCES,
    SOURCES_CSS,
    answer_html,
    draft_html,
    escape_text,
    final_html,
    message_html,
    sources_html,
)

ANY = "Any"
API_NAME = "respond"
CHAT_API_NAME = "chat_stream"
QUEUE_SIZE = 32
CONCURRENCY = 2
TITLE = "Committee Assistant"
INTRO = (
    "Ask about decisions, discussions and findings in the indexed minutes and inspection "
    "letters. Every answer quotes the documents and cites them as [n]; the passages are "
    "on the right."
)


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


@dataclass(frozen=True)
class Step:
    """One state of the reply to a question: a draft, or the final answer (or refusal)."""

    text: str  # plain text: the draft, or the answer followed by its notes
    chat: str  # the chat bubble's HTML
    sources: str  # the sources panel's HTML
    final: bool


def message_step(text: str, sources: str | None = None) -> Step:
    """A refusal or error shown as the answer, and in the sources panel unless given."""
    return Step(text, answer_html(text), message_html(text) if sources is None else sources, True)


def answer_step(answer: Answer) -> Step:
    """The checked answer: its text and notes replace the draft; its sources fill the panel."""
    text = "\n\n".join([answer.text, *answer.notes])
    return Step(text, final_html(answer), sources_html(answer), True)


def answer_steps(
    assistant: Assistant, settings: Settings, message: str, history: Sequence[Any] | None,
    filters: Filters,
) -> Iterator[Step]:
    """Drafts as the model writes (if one is configured), then the final step, always last."""
    message = (message or "").strip()
    if not message:
        yield message_step("Please type a question.", EMPTY_SOURCES)
        return
    if len(message) > settings.max_question_chars:
        yield message_step(too_long_message(settings, message))
        return
    try:
        for item in assistant.stream(message, earlier_questions(history), filters):
            if isinstance(item, Answer):
                yield answer_step(item)
                return
            yield Step(item, draft_html(item), DRAFT_SOURCES, False)
    except AssistantError as exc:
        yield message_step(f"Sorry, the question could not be answered: {exc}")
        return
    # Assistant.stream always ends with an Answer; say so plainly were it ever not to.
    yield message_step("Sorry, the question could not be answered: the answer was cut short.")


def answer_question(
    assistant: Assistant, settings: Settings, message: str, history: Sequence[Any] | None,
    filters: Filters,
) -> tuple[str, str]:
    """(answer text, sources HTML) of the final step; refusals and errors become the text."""
    *_, last = answer_steps(assistant, settings, message, history, filters)
    return last.text, last.sources


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
    ) -> Iterator[tuple[str, list[dict[str, Any]], list[str], str]]:
        """Stream the reply into the chat: drafts first, then the checked answer."""
        message = (message or "").strip()
        if not message:
            raise gr.Error("Please type a question first.", title="Empty question", duration=4)
        filters = parse_filters(committee, date_from, date_to, doc_kind)
        earlier = list(questions or [])
        asked = [*earlier, message] if len(message) <= settings.max_question_chars else earlier
        chat = [*(chat or []), {"role": "user", "content": escape_text(message)}]
        for step in answer_steps(assistant, settings, message, earlier, filters):
            yield "", [*chat, {"role": "assistant", "content": step.chat}], asked, step.sources

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
        # The Enter key's handler doubles as the streaming API (see module doc).
        box.submit(chat_turn, inputs, outputs, api_name=CHAT_API_NAME)
        send.click(chat_turn, inputs, outputs, api_visibility="private")
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
