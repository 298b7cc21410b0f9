"""The evaluation harness: ``python -m evals.run --corpus DIR --questions FILE.jsonl``.

Builds (or reuses) an index of the corpus, asks every question, scores the answers as
``shared/eval/README.md`` defines (see :mod:`evals.scoring`), prints one line per question, a
summary line and a per-kind table, and writes the JSON report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from evals.scoring import (
    AnswerResult,
    Question,
    QuestionScore,
    Retrieved,
    by_kind,
    score_question,
    summarise,
)

if TYPE_CHECKING:
    from assistant.settings import Settings

REPO = Path(__file__).resolve().parents[1]
REPORTS = Path(__file__).resolve().parent / "reports"
CACHE = REPO / ".cache" / "evals"
# Bump when the harness changes how it builds the assistant's index, so old caches are not reused.
INDEX_VERSION = "1"
PIPELINES = ("assistant", "naive")


class Pipeline(Protocol):
    """What the harness needs from a pipeline: a name, an index, and answers."""

    name: str

    def build(self, progress: bool = True) -> Any: ...

    def ask(self, question: str, history: list[str] | None = None) -> AnswerResult: ...


class AssistantPipeline:
    """The project's assistant, behind the harness's :class:`Pipeline` interface."""

    name = "assistant"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._assistant: Any = None

    def build(self, progress: bool = True) -> Any:
        """Ingest the corpus (embeds only what changed) and build the assistant."""
        from assistant.ingest.pipeline import ingest

        report = ingest(self.settings, progress=progress)
        print(
            f"assistant: {report.files_indexed}/{report.files_seen} files, {report.chunks} chunks "
            f"(added {report.added}, updated {report.updated}, unchanged "
            f"{report.skipped_unchanged}, failed {len(report.failed)}) in {report.seconds:.0f}s",
            file=sys.stderr,
        )
        # Imported apart from the store: ruff files a module that is not yet on disk elsewhere.
        from assistant.core import build_assistant

        self._assistant = build_assistant(self.settings)
        return report

    def ask(self, question: str, history: list[str] | None = None) -> AnswerResult:
        """Ask the assistant and keep what the scorer needs."""
        return answer_result(self._assistant.ask(question, history=history or None))


def answer_result(answer: Any) -> AnswerResult:
    """What the scorer needs of an assistant ``Answer``."""
    return AnswerResult(
        passages=[Retrieved(p.source, p.text) for p in answer.passages],
        text=answer.text,
        # One per cited passage ([n]), however many of its sentences the answer quotes.
        citations=[
            Retrieved(c.passage.source, c.passage.text)
            for c in {c.n: c for c in answer.citations}.values()
        ],
        abstained=bool(answer.abstained),
    )


def load_questions(path: Path) -> list[Question]:
    """Every question of a JSONL file (blank lines skipped); errors name the line."""
    questions: list[Question] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            questions.append(Question.from_dict(json.loads(line)))
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}:{number}: {exc}") from exc
    seen: set[str] = set()
    for question in questions:
        if question.id in seen:
            raise ValueError(f"{path}: question id {question.id!r} appears twice")
        seen.add(question.id)
    return questions


def cache_key(pipeline: str, corpus: Path, settings: Settings) -> str:
    """A short hash of everything that changes the index a pipeline builds."""
    from assistant.settings import vectors_of

    parts: dict[str, Any] = {"pipeline": pipeline, "corpus": str(corpus.resolve())}
    parts["embedding_model"] = settings.embedding_model
    if vectors_of(settings.embedding_backend) != "fp32":  # so torch-built caches stay valid
        parts["embedding_backend"] = settings.embedding_backend
    if pipeline == "naive":
        from evals import naive

        parts.update(
            chunk=[naive.CHUNK_SIZE, naive.CHUNK_OVERLAP],
            version=naive.NAIVE_VERSION,
            loader=naive.loader_name(),
        )
    else:
        from assistant.ingest.pipeline import PIPELINE_VERSION

        parts.update(
            chunk=[settings.chunk_tokens, settings.chunk_overlap_tokens],
            collection=settings.collection,
            version=[INDEX_VERSION, PIPELINE_VERSION],
        )
        # The ablation switches, only when off, so the keys of default-built caches stay valid.
        switches = {
            "context_headers": settings.context_headers,
            "parse_structure": settings.parse_structure,
        }
        parts.update({name: False for name, on in switches.items() if not on})
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def _ignored_dir(path: Path) -> Path:
    """Create ``path`` with a ``.gitignore`` of ``*`` in it (generated output, never committed)."""
    path.mkdir(parents=True, exist_ok=True)
    marker = path / ".gitignore"
    if not marker.exists():
        marker.write_text("*\n")
    return path


def index_dir_for(pipeline: str, args: argparse.Namespace, settings: Settings) -> Path:
    """``--index-dir`` (a subfolder per pipeline when running both), else the keyed cache."""
    if args.index_dir is not None:
        return args.index_dir / pipeline if args.pipeline == "both" else args.index_dir
    _ignored_dir(CACHE.parent)
    return CACHE / f"{pipeline}-{cache_key(pipeline, args.corpus, settings)}"


def out_path_for(pipeline: str, args: argparse.Namespace) -> Path:
    """``--out`` (suffixed with the pipeline when running both), else evals/reports/."""
    if args.out is not None:
        out: Path = args.out
        if args.pipeline == "both":
            return out.with_name(f"{out.stem}-{pipeline}{out.suffix}")
        return out
    return _ignored_dir(REPORTS) / f"{args.questions.stem}-{pipeline}.json"


def make_pipeline(name: str, args: argparse.Namespace, settings: Settings) -> Pipeline:
    """The named pipeline over ``args.corpus`` with its index folder."""
    index_dir = index_dir_for(name, args, settings)
    if name == "naive":
        from assistant.store.embeddings import resolve_model_path
        from evals.naive import NaivePipeline

        model = resolve_model_path(settings.embedding_model)
        return NaivePipeline(args.corpus, index_dir, model, k=args.k)
    tuned = settings.model_copy(
        update={"corpus_path": args.corpus.resolve(), "index_path": index_dir.resolve()}
    )
    return AssistantPipeline(tuned)


def _timed_ask(pipeline: Pipeline, question: Question) -> AnswerResult:
    started = time.perf_counter()
    try:
        result = pipeline.ask(question.question, list(question.history) or None)
    except Exception as exc:  # one failing question is scored as empty, not the end of the run
        result = AnswerResult(passages=[], error=f"{type(exc).__name__}: {exc}")
    result.ms = (time.perf_counter() - started) * 1000
    return result


def evaluate(
    pipeline: Pipeline, questions: Sequence[Question], k: int = 5, echo: bool = True
) -> dict[str, Any]:
    """Ask and score every question (the index must be built); returns the report dict.

    One untimed warm-up question comes first, so latency measures answering alone rather than
    lazy model loading."""
    if questions:
        _timed_ask(pipeline, questions[0])
    records: list[QuestionScore] = []
    for question in questions:
        record = score_question(question, _timed_ask(pipeline, question), k)
        records.append(record)
        if echo:
            print(format_line(record, k), flush=True)
    return {
        "summary": summarise(records, k),
        "by_kind": by_kind(records, k),
        "questions": [r.to_json() for r in records],
    }


def _flag(value: bool | None) -> str:
    return "-" if value is None else ("Y" if value else "N")


def _num(value: Any, width: int = 0) -> str:
    if value is None:
        text = "-"
    elif isinstance(value, float) and not value.is_integer():
        text = f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    elif isinstance(value, float):
        text = f"{value:.3f}" if value <= 1 else str(int(value))
    else:
        text = str(value)
    return text.rjust(width)


def format_line(record: QuestionScore, k: int) -> str:
    """One question: id, kind, every score, latency, the first 80 characters of the answer."""
    cite = "-" if record.citations is None else f"{record.supporting_citations}/{record.citations}"
    answer = " ".join(record.answer.split())[:80]
    if record.error:
        answer = f"ERROR {record.error}"[:80]
    return (
        f"{record.id:<8} {record.kind:<14} hit@{k}={_flag(record.hit)} "
        f"rank={_num(record.rank, 2)} ans={_flag(record.answer_recall)} "
        f"cite={cite:<5} abst={_flag(record.abstained)} words={_num(record.answer_words, 3)} "
        f"ms={record.ms:>5} | {answer}"
    )


def without_latency(summary: dict[str, Any]) -> dict[str, Any]:
    """A summary without its timings (for runs whose answers are not timed one by one)."""
    return {key: value for key, value in summary.items() if key not in ("p50_ms", "p95_ms")}


def format_summary(summary: dict[str, Any], name: str) -> str:
    """The summary on one line, ``-`` for scores that do not apply."""
    fields = " ".join(f"{key}={_num(value)}" for key, value in summary.items() if key != "k")
    return f"SUMMARY {name}: {fields}"


KIND_COLUMNS = (
    ("questions", "n"),
    ("hit@{k}", "hit@{k}"),
    ("mrr@10", "mrr@10"),
    ("answer_recall", "ans_rec"),
    ("citation_recall", "cit_rec"),
    ("citation_precision", "cit_prec"),
    ("answered", "answered"),
    ("abstained", "abstained"),
    ("answer_words", "words"),
    ("p50_ms", "p50_ms"),
)


def format_kind_table(kinds: dict[str, dict[str, Any]], k: int) -> str:
    """The per-kind breakdown: one row per kind, one column per score."""
    heads = [label.format(k=k) for _, label in KIND_COLUMNS]
    width = max([len("kind"), *map(len, kinds)])
    lines = [f"{'kind':<{width}}  " + "  ".join(f"{h:>9}" for h in heads)]
    for kind, summary in kinds.items():
        cells = [_num(summary.get(key.format(k=k)), 9) for key, _ in KIND_COLUMNS]
        lines.append(f"{kind:<{width}}  " + "  ".join(cells))
    return "\n".join(lines)


def format_compare(reports: dict[str, dict[str, Any]]) -> str:
    """Summaries side by side: one row per score, one column per report."""
    names = list(reports)
    keys: list[str] = []
    for report in reports.values():
        keys += [key for key in report["summary"] if key not in keys]
    width = max(len(key) for key in keys)
    cols = [max(len(name), 9) for name in names]
    lines = [" " * width + "  " + "  ".join(n.rjust(c) for n, c in zip(names, cols, strict=True))]
    for key in keys:
        cells = [_num(reports[n]["summary"].get(key), c) for n, c in zip(names, cols, strict=True)]
        lines.append(f"{key:<{width}}  " + "  ".join(cells))
    return "\n".join(lines)


def run_one(
    name: str, args: argparse.Namespace, settings: Settings, questions: list[Question]
) -> tuple[dict[str, Any], Path]:
    """Build, evaluate, print and write one pipeline's report; returns it and its path."""
    pipeline = make_pipeline(name, args, settings)
    print(f"{name}: index in {index_dir_for(name, args, settings)}", file=sys.stderr)
    pipeline.build(progress=True)
    report = evaluate(pipeline, questions, args.k)
    report["run"] = {
        "pipeline": name,
        "corpus": str(args.corpus.resolve()),
        "questions_file": str(args.questions.resolve()),
        "k": args.k,
        "limit": args.limit,
        "index_dir": str(index_dir_for(name, args, settings)),
        "embedding_model": settings.embedding_model,
        "llm": settings.llm if name == "assistant" else None,
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    print(format_summary(report["summary"], name))
    print(format_kind_table(report["by_kind"], args.k))
    out = out_path_for(name, args)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{name}: report written to {out}", file=sys.stderr)
    return report, out


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; see evals/README.md."""
    parser = argparse.ArgumentParser(prog="python -m evals.run", description=__doc__)
    parser.add_argument("--corpus", type=Path, help="folder of documents")
    parser.add_argument("--questions", type=Path, help="question file (JSONL)")
    parser.add_argument("--k", type=int, default=5, help="hit@k cut-off (default 5)")
    parser.add_argument("--out", type=Path, help="report path (default evals/reports/...)")
    parser.add_argument("--index-dir", type=Path, help="index folder (default: keyed cache)")
    parser.add_argument("--pipeline", choices=[*PIPELINES, "both"], default="assistant")
    parser.add_argument("--limit", type=int, help="only the first N questions")
    parser.add_argument(
        "--compare", action="store_true", help="also print the other pipeline's saved summary"
    )
    parser.add_argument(
        "--reports", type=Path, nargs="+", help="only print these saved reports side by side"
    )
    args = parser.parse_args(argv)
    if args.reports is None and (args.corpus is None or args.questions is None):
        parser.error("--corpus and --questions are required (unless --reports is given)")
    if args.k < 1:
        parser.error("--k must be at least 1")
    return args


def _label(report: dict[str, Any], path: Path, taken: dict[str, Any]) -> str:
    name = str(report.get("run", {}).get("pipeline") or path.stem)
    return path.stem if name in taken else name


def compare_saved(paths: Sequence[Path]) -> str:
    """Side-by-side table of saved reports (missing files are skipped)."""
    reports: dict[str, dict[str, Any]] = {}
    for path in paths:
        if path.exists():
            report = json.loads(path.read_text(encoding="utf-8"))
            reports[_label(report, path, reports)] = report
    return format_compare(reports) if reports else "no reports to compare"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the harness; returns the process exit code."""
    args = parse_args(argv)
    if args.reports:
        print(compare_saved(args.reports))
        return 0
    if not args.corpus.is_dir():
        print(f"error: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.errors import AssistantError
    from assistant.settings import Settings

    # Read from ASSISTANT_* variables; **{} stops mypy (no pydantic plugin) asking for each field.
    settings = Settings(**{})
    questions = load_questions(args.questions)[: args.limit]
    names = list(PIPELINES) if args.pipeline == "both" else [args.pipeline]
    try:
        outs = [run_one(name, args, settings, questions)[1] for name in names]
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.pipeline == "both" or args.compare:
        others = [REPORTS / f"{args.questions.stem}-{n}.json" for n in PIPELINES if n not in names]
        print(compare_saved([*outs, *others]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
