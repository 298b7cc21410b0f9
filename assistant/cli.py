"""The ``assistant`` command: ingest, ask, status, serve. Errors become one-line messages."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.types import Answer, Filters, IngestReport

if TYPE_CHECKING:
    from assistant.core import Assistant


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``assistant`` console script."""
    args = _parser().parse_args(argv)
    settings = Settings()
    if getattr(args, "path", None):
        settings = settings.model_copy(update={"corpus_path": Path(args.path)})
    try:
        return int(args.run(settings, args))
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant", description="Ask questions of council minutes and inspection letters."
    )
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    ingest = sub.add_parser("ingest", help="index a folder of documents (default: corpus/)")
    ingest.add_argument("path", nargs="?", help="folder to index (ASSISTANT_CORPUS_PATH)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_ingest)
    ask = sub.add_parser("ask", help="ask a question and print the cited answer")
    ask.add_argument("question")
    ask.add_argument("--history", action="append", default=[], help="an earlier question")
    ask.add_argument("--committee")
    ask.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    ask.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    ask.add_argument("--kind", help="minutes, agenda, report, inspection")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.set_defaults(run=_ask)
    decisions = sub.add_parser("decisions", help="the decisions and actions register")
    _add_filters(decisions)
    decisions.add_argument("--topic", help="only rows naming this topic")
    decisions.add_argument("--kind", choices=["resolution", "action"], help="only this kind")
    decisions.add_argument("--csv", type=Path, help="write the rows to this CSV file")
    _add_output(decisions)
    decisions.set_defaults(run=_decisions)
    latest = sub.add_parser("latest", help="the latest decisions on a topic, newest first")
    latest.add_argument("topic")
    _add_filters(latest)
    _add_output(latest)
    latest.set_defaults(run=_latest)
    timeline = sub.add_parser("timeline", help="minutes and inspection findings on a topic")
    timeline.add_argument("topic")
    _add_filters(timeline)
    _add_output(timeline)
    timeline.set_defaults(run=_timeline)
    brief = sub.add_parser("brief", help="a pre-meeting briefing for a committee")
    brief.add_argument("--committee", required=True)
    brief.add_argument("--before", type=dt.date.fromisoformat, help="meeting date, YYYY-MM-DD")
    _add_output(brief)
    brief.set_defaults(run=_brief)
    status = sub.add_parser("status", help="what the index holds and whether it is up to date")
    status.add_argument("path", nargs="?", help="corpus folder to compare against")
    status.set_defaults(run=_status)
    serve = sub.add_parser("serve", help="serve the chat page (indexes first if needed)")
    serve.add_argument("path", nargs="?", help="folder to index and serve")
    serve.set_defaults(run=_serve)
    return parser


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--committee")
    parser.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, help="YYYY-MM-DD")


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--markdown", type=Path, help="also write the Markdown to this file")


def _emit(markdown: str, args: argparse.Namespace) -> int:
    print(markdown, end="")
    if args.markdown:
        args.markdown.write_text(markdown, encoding="utf-8")
        print(f"written to {args.markdown}", file=sys.stderr)
    return 0


def _open(settings: Settings) -> Assistant:
    from assistant.core import build_assistant

    return build_assistant(settings)


def _decisions(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.views.export import register_csv, register_markdown
    from assistant.views.register import select

    assistant = _open(settings)
    filters = Filters(args.committee, args.date_from, args.date_to)
    rows = select(assistant.register, filters, topic=args.topic or "", kind=args.kind)
    if args.csv:
        args.csv.write_text(register_csv(rows), encoding="utf-8")
        print(f"{len(rows)} rows written to {args.csv}", file=sys.stderr)
        return 0
    return _emit(register_markdown(rows), args)


def _latest(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.views.export import register_markdown
    from assistant.views.latest import latest_decisions

    filters = Filters(args.committee, args.date_from, args.date_to)
    rows = latest_decisions(_open(settings), args.topic, filters)
    return _emit(register_markdown(rows, f"Decisions on {args.topic}, newest first"), args)


def _timeline(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.views.export import timeline_markdown
    from assistant.views.timeline import timeline

    filters = Filters(args.committee, args.date_from, args.date_to)
    entries = timeline(_open(settings), args.topic, filters)
    return _emit(timeline_markdown(args.topic, entries), args)


def _brief(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.views.briefing import briefing
    from assistant.views.export import briefing_markdown

    assistant = _open(settings)
    if args.committee not in assistant.committees():
        raise AssistantError(
            f"no committee called {args.committee!r} in the index; "
            f"known: {', '.join(assistant.committees())}"
        )
    return _emit(briefing_markdown(briefing(assistant, args.committee, args.before)), args)


def _ingest(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.ingest.pipeline import ingest

    report = ingest(settings, progress=not args.quiet)
    print(format_report(report))
    return 0


def format_report(report: IngestReport) -> str:
    """The ingest summary a clerk reads."""
    lines = [
        f"files: {report.files_seen} seen, {report.files_indexed} indexed, "
        f"{len(report.failed)} failed, {len(report.unsupported)} unsupported",
        f"chunks: {report.chunks} in index; {report.added} added, "
        f"{report.skipped_unchanged} unchanged, {report.deleted} removed; "
        f"{report.updated} changed files re-indexed",
        f"sentences: {report.sentences_embedded} new ones embedded for quoting",
    ]
    for source, reason in report.failed:
        lines.append(f"  failed: {source}: {reason}")
    for source in report.unsupported:
        lines.append(f"  skipped (unsupported type): {source}")
    for source in report.ignored:
        lines.append(f"  skipped (folder notes, ASSISTANT_SKIP_NAMES): {source}")
    lines.append(f"took {report.seconds:.1f} s")
    return "\n".join(lines)


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.core import build_assistant

    filters = Filters(args.committee, args.date_from, args.date_to, args.kind)
    answer = build_assistant(settings).ask(args.question, args.history, filters)
    print(json.dumps(answer_json(answer), indent=1) if args.json else format_answer(answer))
    return 0


def format_answer(answer: Answer) -> str:
    """The answer text followed by each cited passage's place and quote."""
    lines = [answer.text, ""]
    seen: set[int] = set()
    for citation in answer.citations:
        if citation.n in seen:
            continue
        seen.add(citation.n)
        p = citation.passage
        lines.append(f"[{citation.n}] {p.label()} — {p.title}, page {p.page} ({p.source})")
    lines.extend(answer.notes)
    return "\n".join(lines).rstrip()


def answer_json(answer: Answer) -> dict[str, object]:
    return {
        "question": answer.question,
        "answer": answer.text,
        "abstained": answer.abstained,
        "citations": [
            {
                "n": c.n,
                "quote": c.quote,
                "source": c.passage.source,
                "page": c.passage.page,
                "label": c.passage.label(),
            }
            for c in answer.citations
        ],
        "passages": [
            {"source": p.source, "page": p.page, "score": p.score} for p in answer.passages
        ],
        "notes": answer.notes,
    }


def _status(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.ingest.pipeline import index_status

    status = index_status(settings)
    print(f"index: {status['index']}")
    print(f"corpus: {status['corpus']}")
    print(f"{status['files']} files, {status['chunks']} chunks")
    print(f"embedding model: {status['embedding_model']}")
    print(f"up to date: {'yes' if status['up_to_date'] else 'no'} ({status['reason']})")
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import ui

    return ui.main(settings)


if __name__ == "__main__":
    sys.exit(main())
