"""The page's tabs beyond the chat: decisions register, timeline, briefing, and clerks' upload.

Each tab is a thin formatter over ``assistant.views.register`` / ``assistant.views.briefing`` /
``assistant.views.export``; nothing here decides what is relevant. The live assistant sits in a
``Holder`` so an upload can swap in a rebuilt one for every tab at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.core import Assistant
from assistant.errors import AssistantError
from assistant.ingest.loaders import SUPPORTED_SUFFIXES
from assistant.settings import Settings
from assistant.types import Decision, Filters
from assistant.views.briefing import briefing
from assistant.views.export import (
    briefing_markdown,
    register_csv,
    register_markdown,
    timeline_markdown,
)
from assistant.views.register import select
from assistant.views.timeline import TimelineEntry, timeline
from ui_format import TIMELINE_CSS, timeline_html

ANY = "Any"
DECISION_KINDS = ("resolution", "action")
REGISTER_COLUMNS = ["date", "committee", "item", "kind", "text", "document", "page"]
EXPORTS = Path(tempfile.gettempdir()) / "committee-assistant-exports"
NO_BRIEFING = "Choose a committee and press **Brief**."


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


def parse_kind(kind: str | None) -> str | None:
    """"Any" or blank → None; "resolution" / "action" as they are; else a ``gr.Error``."""
    if not kind or kind == ANY:
        return None
    if kind not in DECISION_KINDS:
        raise gr.Error(
            f"Kind “{html.escape(kind)}” is not one of Any, resolution, action.",
            title="Invalid kind",
            print_exception=False,
        )
    return kind


# ---- the live assistant and the dropdowns fed by its index -------------------------------------


class Holder:
    """The assistant every tab uses; an upload replaces it with one over the new index, and an
    ingest by another process (another worker, another machine) is picked up on next use."""

    def __init__(self, assistant: Assistant) -> None:
        self._assistant = assistant

    @property
    def assistant(self) -> Assistant:
        self._assistant.refresh()
        return self._assistant

    @assistant.setter
    def assistant(self, assistant: Assistant) -> None:
        self._assistant = assistant


@dataclass
class Choosers:
    """Dropdowns whose choices come from the index (refreshed at page load and after upload)."""

    committees: list[gr.Dropdown] = dataclasses.field(default_factory=list)  # Any + committees
    kinds: list[gr.Dropdown] = dataclasses.field(default_factory=list)  # Any + document kinds
    briefing: list[gr.Dropdown] = dataclasses.field(default_factory=list)  # committees only

    def components(self) -> list[gr.Dropdown]:
        return [*self.committees, *self.kinds, *self.briefing]

    def updates(self, assistant: Assistant) -> list[gr.Dropdown]:
        """New choices for ``components()``, in the same order; the chosen values stay."""
        committees, kinds = assistant.committees(), assistant.doc_kinds()
        return [
            *(gr.Dropdown(choices=[ANY, *committees]) for _ in self.committees),
            *(gr.Dropdown(choices=[ANY, *kinds]) for _ in self.kinds),
            *(gr.Dropdown(choices=list(committees)) for _ in self.briefing),
        ]


def filter_choices(assistant: Assistant) -> dict[str, list[str]]:
    """What the dropdowns offer: {"committees": [...], "doc_kinds": [...]}."""
    return {"committees": assistant.committees(), "doc_kinds": assistant.doc_kinds()}


def export_file(name: str, text: str) -> str:
    """``text`` saved as ``name`` in a folder of its own (named by its content) for download."""
    folder = EXPORTS / hashlib.sha256(text.encode()).hexdigest()[:20]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as tmp:
        tmp.write(text)
    os.replace(tmp.name, path)  # a session never reads another's half-written copy
    return str(path)


# ---- decisions register -----------------------------------------------------------------------


def register_rows(
    assistant: Assistant, committee: str | None, date_from: str | None, date_to: str | None,
    topic: str | None, kind: str | None,
) -> list[Decision]:
    """The register's rows that pass the filters, oldest meeting first."""
    filters = parse_filters(committee, date_from, date_to, None)
    return select(assistant.register, filters, topic=(topic or "").strip(), kind=parse_kind(kind))


def register_table(rows: Sequence[Decision]) -> pd.DataFrame:
    cells = [
        [r.date, r.committee or r.council, r.item, r.kind, r.text, r.title or r.source, r.page]
        for r in rows
    ]
    return pd.DataFrame(cells, columns=REGISTER_COLUMNS)


def register_title(committee: str | None, topic: str | None, kind: str | None) -> str:
    parts = [p for p in (committee if committee != ANY else "", (topic or "").strip()) if p]
    nouns = {"resolution": "Resolutions", "action": "Actions"}
    noun = nouns.get(kind or "", "Decisions and actions")
    return f"{noun}: {', '.join(parts)}" if parts else noun


def register_tab(holder: Holder, choosers: Choosers, demo: gr.Blocks) -> None:
    def decisions(
        committee: str, date_from: str, date_to: str, topic: str, kind: str
    ) -> list[dict[str, Any]]:
        """The register rows passing the filters (all Decision fields), oldest first."""
        rows = register_rows(holder.assistant, committee, date_from, date_to, topic, kind)
        return [dataclasses.asdict(row) for row in rows]

    def show(
        committee: str, date_from: str, date_to: str, topic: str, kind: str
    ) -> tuple[pd.DataFrame, str, str, str]:
        rows = register_rows(holder.assistant, committee, date_from, date_to, topic, kind)
        title = register_title(committee, topic, kind)
        return (
            register_table(rows),
            f"{len(rows)} rows.",
            export_file("decisions.csv", register_csv(rows)),
            export_file("decisions.md", register_markdown(rows, title)),
        )

    with gr.Tab("Decisions register", id="register"):
        with gr.Row():
            committee = gr.Dropdown(
                [ANY, *holder.assistant.committees()], value=ANY, label="Committee",
                elem_id="reg-committee",
            )
            date_from = gr.DateTime(include_time=False, type="string", label="From")
            date_to = gr.DateTime(include_time=False, type="string", label="To")
            kind = gr.Dropdown([ANY, *DECISION_KINDS], value=ANY, label="Kind")
        with gr.Row():
            topic = gr.Textbox(label="Topic", placeholder="e.g. Holtmoor Relief Road", scale=4)
            button = gr.Button("Show", variant="primary", scale=1, elem_id="reg-show")
        count = gr.Markdown(elem_id="reg-count")
        table = gr.Dataframe(
            headers=REGISTER_COLUMNS, interactive=False, show_search="search", wrap=True,
            max_height=600, elem_id="register", label="Resolutions and actions",
            column_widths=["9%", "12%", "16%", "8%", "39%", "12%", "4%"],
        )
        with gr.Row():
            csv_file = gr.DownloadButton("Download CSV", size="sm")
            md_file = gr.DownloadButton("Download Markdown", size="sm")
        gr.api(decisions, api_name="decisions")  # in the tab: Tabs hold tabs only
    choosers.committees.append(committee)
    inputs = [committee, date_from, date_to, topic, kind]
    outputs = [table, count, csv_file, md_file]
    gr.on([button.click, topic.submit], show, inputs, outputs, api_visibility="private")
    demo.load(show, inputs, outputs, api_visibility="private")


# ---- timeline ---------------------------------------------------------------------------------


def timeline_rows(entries: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
    return [
        {
            "date": e.date,
            "label": e.passage.label(),
            "quote": e.quote,
            "source": e.passage.source,
            "page": e.passage.page,
            "title": e.passage.title,
            "text": e.passage.text,
        }
        for e in entries
    ]


def timeline_tab(holder: Holder) -> None:
    def timeline_api(topic: str) -> list[dict[str, Any]]:
        """One dated line per document on ``topic``, oldest first; ``quote`` is in ``text``."""
        return timeline_rows(timeline(holder.assistant, (topic or "").strip()))

    def show(topic: str) -> tuple[str, str]:
        topic = (topic or "").strip()
        if not topic:
            raise gr.Error("Type a topic first.", title="No topic", duration=4)
        entries = timeline(holder.assistant, topic)
        return timeline_html(entries), export_file("timeline.md", timeline_markdown(topic, entries))

    with gr.Tab("Timeline", id="timeline"):
        with gr.Row():
            topic = gr.Textbox(
                label="Topic", placeholder="e.g. Holtmoor Relief Road", scale=4,
                elem_id="timeline-topic",
            )
            button = gr.Button("Show timeline", variant="primary", scale=1, elem_id="timeline-show")
        entries = gr.HTML(
            timeline_html(None), elem_id="timeline", css_template=TIMELINE_CSS, js_on_load=None
        )
        md_file = gr.DownloadButton("Download Markdown", size="sm")
        gr.api(timeline_api, api_name="timeline")  # in the tab: Tabs hold tabs only
    gr.on([button.click, topic.submit], show, [topic], [entries, md_file], api_visibility="private")


# ---- briefing ---------------------------------------------------------------------------------


def brief_text(assistant: Assistant, committee: str | None, before: str | None) -> str:
    """The briefing Markdown for ``committee`` before ``before`` ('' = latest meetings)."""
    if not committee or committee == ANY:
        raise gr.Error("Choose a committee.", title="No committee", print_exception=False)
    if committee not in assistant.committees():
        raise gr.Error(
            f"No committee “{html.escape(committee)}” in the documents.",
            title="Unknown committee",
            print_exception=False,
        )
    return briefing_markdown(briefing(assistant, committee, parse_date(before, "Before")))


def shown_markdown(text: str) -> str:
    """Markdown with the documents' < > & shown as text, never taken as markup."""
    return html.escape(text, quote=False)


def briefing_tab(holder: Holder, choosers: Choosers) -> None:
    def brief(committee: str, before: str) -> str:
        """The pre-meeting briefing (Markdown) for ``committee``, meetings before ``before``."""
        return brief_text(holder.assistant, committee, before)

    def show(committee: str, before: str) -> tuple[str, str]:
        text = brief_text(holder.assistant, committee, before)
        return shown_markdown(text), export_file("briefing.md", text)

    with gr.Tab("Briefing", id="briefing"):
        with gr.Row():
            committee = gr.Dropdown(
                holder.assistant.committees(), value=None, label="Committee",
                elem_id="brief-committee",
            )
            before = gr.DateTime(include_time=False, type="string", label="Before")
            button = gr.Button("Brief", variant="primary", elem_id="brief-show")
        text = gr.Markdown(NO_BRIEFING, elem_id="briefing")
        md_file = gr.DownloadButton("Download Markdown", size="sm")
        gr.api(brief, api_name="brief")  # in the tab: Tabs hold tabs only
    choosers.briefing.append(committee)
    button.click(show, [committee, before], [text, md_file], api_visibility="private")


# ---- upload for clerks ------------------------------------------------------------------------


def corpus_name(name: str, settings: Settings) -> str:
    """``name`` if a file so named may be added to the corpus; else a ``gr.Error`` saying why."""
    shown = html.escape(name)
    if not name or name in (".", "..") or any(sep in name for sep in ("/", "\\", "\x00")):
        raise gr.Error(f"“{shown}” is not a plain file name.", title="Refused", duration=None)
    if name.startswith("."):
        raise gr.Error(f"“{shown}” is a hidden file.", title="Refused", duration=None)
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise gr.Error(
            f"“{shown}” is not a supported document; use one of {kinds}.",
            title="Unsupported file type",
            duration=None,
        )
    if name.lower() in {skip.lower() for skip in settings.skip_names}:
        raise gr.Error(
            f"“{shown}” is a folder-notes name the index skips; rename the file.",
            title="Refused",
            duration=None,
        )
    return name


def add_files(paths: Sequence[str], settings: Settings) -> list[str]:
    """Copy the uploads into the corpus folder under their own names (all checked first)."""
    if not paths:
        raise gr.Error("Choose one or more files first.", title="No files", duration=4)
    named = [(Path(p), corpus_name(Path(p).name, settings)) for p in paths]
    if len({name for _, name in named}) < len(named):
        raise gr.Error("Two uploads have the same name.", title="Refused", duration=None)
    settings.corpus_path.mkdir(parents=True, exist_ok=True)
    for path, name in named:
        shutil.copyfile(path, settings.corpus_path / name)
    return [name for _, name in named]


def upload_tab(holder: Holder, settings: Settings, choosers: Choosers) -> None:
    from assistant.cli import format_report
    from assistant.core import build_assistant
    from assistant.ingest.pipeline import ingest

    def upload(
        files: list[str] | None, progress: gr.Progress = gr.Progress(track_tqdm=True)  # noqa: B008
    ) -> list[Any]:
        progress(0, desc="Copying files")
        added = add_files(files or [], settings)
        try:
            progress(0.05, desc="Indexing")
            report = ingest(settings, progress=True)
            progress(0.95, desc="Reloading the index")
            holder.assistant = build_assistant(settings)
        except AssistantError as exc:
            raise gr.Error(
                f"{html.escape(', '.join(added))}: copied into the documents folder but not "
                f"indexed: {html.escape(str(exc))}",
                title="Not indexed",
                print_exception=False,
            ) from None
        summary = f"added: {', '.join(added)}\n{format_report(report)}"
        return [summary, *choosers.updates(holder.assistant)]

    with gr.Tab("Upload", id="upload"):
        gr.Markdown(
            "Add minutes, agendas or inspection letters to the indexed documents "
            f"({', '.join(sorted(SUPPORTED_SUFFIXES))}). A file of the same name is replaced."
        )
        files = gr.File(
            file_count="multiple", type="filepath", label="Documents", elem_id="upload-files"
        )
        button = gr.Button("Add and index", variant="primary", elem_id="upload-add")
        summary = gr.Textbox(label="Ingest summary", lines=6, interactive=False)
    button.click(
        upload, [files], [summary, *choosers.components()], api_name="upload",
        concurrency_limit=1,
    )
