"""The page: tabs Ask (the chat, cited passages on the right), Decisions register, Timeline,
Briefing, and Upload (for clerks; only when a login is required). The tabs are built in
``ui_views``; every one only formats what ``assistant`` returns.

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
The page remembers a session's questions as the conversation's history, and its latest
answer: ``Client.predict(api_name="/answer_markdown")`` (same client, after ``/chat_stream``)
returns that answer as a Markdown file (``assistant.views.export.answer_markdown``), None
before one.

The other endpoints (dates "" or YYYY-MM-DD; invalid input raises ``gr.Error``)::

    client.predict(committee, date_from, date_to, topic, kind, api_name="/decisions")
        # → the register rows passing the filters, oldest first: dicts of every
        #   ``Decision`` field; committee and kind ("resolution", "action") may be "Any"
    client.predict(topic, api_name="/timeline")
        # → [{date, label, quote, source, page, title, text}], oldest first; quote ⊂ text
    client.predict(committee, before, api_name="/brief")  # → briefing Markdown
    client.predict(api_name="/filters")  # → {"committees": [...], "doc_kinds": [...]}
    client.predict([handle_file(path), ...], api_name="/upload")  # Upload tab only
        # → (ingest summary, dropdown updates...): copies the files into the corpus folder,
        #   re-indexes, and swaps the rebuilt assistant in for every tab
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.core import Assistant
from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.types import Answer, Filters
from assistant.views.export import answer_markdown
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
from ui_views import (
    ANY,
    Choosers,
    Holder,
    briefing_tab,
    export_file,
    filter_choices,
    parse_date,
    parse_filters,
    register_tab,
    timeline_tab,
    upload_tab,
)

# parse_date and parse_filters live in ui_views (the tabs share them) and are part of this API.
__all__ = [
    "ANY", "build_demo", "launch_options", "main", "parse_auth", "parse_date", "parse_filters",
]
API_NAME = "respond"
CHAT_API_NAME = "chat_stream"
EXPORT_API_NAME = "answer_markdown"
QUEUE_SIZE = 32
CONCURRENCY = 2
TITLE = "Committee Assistant"
INTRO = (
    "Ask about decisions, discussions and findings in the indexed minutes and inspection "
    "letters. Every answer quotes the documents and cites them as [n]; the passages are "
    "on the right."
)


# ---- inputs -----------------------------------------------------------------------------------


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
    answer: Answer | None = None  # the checked answer (None for drafts, refusals, errors)


def message_step(text: str, sources: str | None = None) -> Step:
    """A refusal or error shown as the answer, and in the sources panel unless given."""
    return Step(text, answer_html(text), message_html(text) if sources is None else sources, True)


def answer_step(answer: Answer) -> Step:
    """The checked answer: its text and notes replace the draft; its sources fill the panel."""
    text = "\n\n".join([answer.text, *answer.notes])
    return Step(text, final_html(answer), sources_html(answer), True, answer)


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


def build_demo(
    assistant: Assistant, settings: Settings, *, uploads: bool | None = None
) -> gr.Blocks:
    """The page for ``assistant`` (API endpoints: see the module doc). The Upload tab exists
    when ``uploads`` is true, by default when ``settings.auth`` requires a login."""
    holder = Holder(assistant)
    choosers = Choosers()
    with gr.Blocks(title=TITLE, fill_width=True, analytics_enabled=False) as demo:
        gr.Markdown(f"## {TITLE}\n{INTRO}")
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                chat_tab(holder, settings, choosers)
            register_tab(holder, choosers, demo)
            timeline_tab(holder)
            briefing_tab(holder, choosers)
            if settings.auth if uploads is None else uploads:
                upload_tab(holder, settings, choosers)
        demo.load(
            lambda: choosers.updates(holder.assistant), None, choosers.components(),
            api_visibility="private",
        )

        def filters() -> dict[str, list[str]]:
            """The committees and document kinds the filters offer right now."""
            return filter_choices(holder.assistant)

        gr.api(filters, api_name="filters")
    demo.queue(max_size=QUEUE_SIZE, default_concurrency_limit=CONCURRENCY)
    return demo


def answer_file(answer: Answer | None) -> str | None:
    """The latest answer as a Markdown file to download (None before the first answer)."""
    return export_file("answer.md", answer_markdown(answer)) if answer is not None else None


def chat_tab(holder: Holder, settings: Settings, choosers: Choosers) -> None:
    """The conversation, its filters and sources panel, and the answer download."""

    def respond(
        message: str, history: list[str] | None, committee: str, date_from: str, date_to: str,
        doc_kind: str,
    ) -> tuple[str, str]:
        """Answer ``message``; ``history`` is the earlier user questions, oldest first."""
        filters = parse_filters(committee, date_from, date_to, doc_kind)
        return answer_question(holder.assistant, settings, message, history, filters)

    def chat_turn(
        message: str, chat: list[dict[str, Any]], questions: list[str], committee: str,
        date_from: str, date_to: str, doc_kind: str, last: Answer | None,
    ) -> Iterator[tuple[str, list[dict[str, Any]], list[str], str, Answer | None]]:
        """Stream the reply into the chat: drafts first, then the checked answer."""
        message = (message or "").strip()
        if not message:
            raise gr.Error("Please type a question first.", title="Empty question", duration=4)
        filters = parse_filters(committee, date_from, date_to, doc_kind)
        earlier = list(questions or [])
        asked = [*earlier, message] if len(message) <= settings.max_question_chars else earlier
        chat = [*(chat or []), {"role": "user", "content": escape_text(message)}]
        for step in answer_steps(holder.assistant, settings, message, earlier, filters):
            bubble = {"role": "assistant", "content": step.chat}
            yield "", [*chat, bubble], asked, step.sources, step.answer if step.final else last

    last_answer = gr.State(None)
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
            with gr.Row():
                clear = gr.Button("New conversation", size="sm", variant="secondary")
                download = gr.DownloadButton(
                    "Download answer (Markdown)", size="sm", elem_id="answer-download"
                )
        with gr.Column(scale=2, min_width=320):
            with gr.Accordion("Filters", open=True):
                with gr.Row():
                    committee = gr.Dropdown(
                        [ANY, *holder.assistant.committees()], value=ANY, label="Committee"
                    )
                    doc_kind = gr.Dropdown(
                        [ANY, *holder.assistant.doc_kinds()], value=ANY, label="Document kind"
                    )
                with gr.Row():
                    date_from = gr.DateTime(
                        include_time=False, type="string", label="Date from", elem_id="date-from"
                    )
                    date_to = gr.DateTime(
                        include_time=False, type="string", label="Date to", elem_id="date-to"
                    )
            gr.Markdown("### Sources")
            sources = gr.HTML(
                EMPTY_SOURCES, elem_id="sources", css_template=SOURCES_CSS, js_on_load=None
            )
    choosers.committees.append(committee)
    choosers.kinds.append(doc_kind)
    inputs = [box, chatbot, questions, committee, date_from, date_to, doc_kind, last_answer]
    outputs = [box, chatbot, questions, sources, last_answer]
    # The Enter key's handler doubles as the streaming API (see module doc); after each turn
    # the download button gets the latest answer (the /answer_markdown API of the session).
    box.submit(chat_turn, inputs, outputs, api_name=CHAT_API_NAME).then(
        answer_file, [last_answer], [download], api_name=EXPORT_API_NAME
    )
    send.click(chat_turn, inputs, outputs, api_visibility="private").then(
        answer_file, [last_answer], [download], api_visibility="private"
    )
    clear.click(
        lambda: ("", [], [], EMPTY_SOURCES, None, None), None, [*outputs, download],
        api_visibility="private",
    )
    # The chatbot's own trash button clears only the messages: forget the questions too.
    chatbot.clear(
        lambda: ([], EMPTY_SOURCES, None, None), None, [questions, sources, last_answer, download],
        api_visibility="private",
    )
    gr.api(respond, api_name=API_NAME)


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
    from assistant.ingest.pipeline import index_status, ingest

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
