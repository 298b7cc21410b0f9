"""The ``assistant`` command: ingest, ask, status, serve. Errors become one-line messages."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.types import Answer, Filters, IngestReport


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
    status = sub.add_parser("status", help="what the index holds and whether it is up to date")
    status.add_argument("path", nargs="?", help="corpus folder to compare against")
    status.set_defaults(run=_status)
    serve = sub.add_parser("serve", help="serve the chat page (indexes first if needed)")
    serve.add_argument("path", nargs="?", help="folder to index and serve")
    serve.set_defaults(run=_serve)
    return parser


def _ingest(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.ingest import ingest

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
    from assistant.ingest import index_status

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
