"""The harness end to end on a tiny corpus, with the real model and a real Chroma."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals import run
from evals.naive import NaivePipeline
from evals.scoring import AnswerResult, Retrieved

FILLER = {
    "inspection/wenbury.txt": (
        "Inspectors met leaders of the local area partnership in Wenbury. ",
        "Children in Wenbury currently wait 68 weeks on average for a first speech and language "
        "therapy session. ",
        "Families said that the local offer website was hard to navigate. ",
    ),
    "minutes/cabinet.txt": (
        "The Cabinet met in the Council Chamber at ten o'clock. ",
        "RESOLVED that the revenue budget of £1,372m for 2025-26 be recommended to County "
        "Council. ",
        "Members discussed highway maintenance and winter gritting routes. ",
    ),
    "parish/holtby.txt": (
        "The parish council met in the village hall. ",
        "The clerk reported that the bus shelter roof had been repaired at a cost of £64. ",
        "Councillors noted the date of the next meeting. ",
    ),
}

QUESTIONS = [
    {
        "id": "t1",
        "question": "How long do children in Wenbury wait for speech and language therapy?",
        "history": [],
        "answerable": True,
        "answer_contains": ["68 weeks"],
        "sources": ["inspection/wenbury.txt"],
        "evidence": "wait 68 weeks on average for a first",
        "kind": "fact",
    },
    {
        "id": "t2",
        "question": "And what revenue budget did the Cabinet recommend?",
        "history": ["What did the Cabinet discuss?"],
        "answerable": True,
        "answer_contains": ["£1,372m"],
        "sources": ["minutes/cabinet.txt"],
        "evidence": "the revenue budget of £1,372m",
        "kind": "follow-up",
    },
    {
        "id": "t3",
        "question": "What is the population of Mars?",
        "history": [],
        "answerable": False,
        "answer_contains": [],
        "sources": [],
        "evidence": "",
        "kind": "unanswerable",
    },
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three text files, each long enough to split into several naive chunks."""
    root = tmp_path / "corpus"
    for rel, (opening, key, other) in FILLER.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(opening * 10 + "\n\n" + key + "\n\n" + other * 20, encoding="utf-8")
    return root


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in QUESTIONS) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


REPORT_KEYS = {"summary", "by_kind", "questions", "run"}
SUMMARY_KEYS = {
    "questions", "answerable", "unanswerable", "k", "hit@5", "mrr@10", "answer_recall",
    "citation_recall", "citation_precision", "answered", "abstained", "answer_words", "p50_ms",
    "p95_ms",
}  # fmt: skip


@pytest.mark.integration
def test_naive_pipeline_end_to_end(
    corpus: Path, questions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "naive.json"
    argv = ["--corpus", str(corpus), "--questions", str(questions), "--pipeline", "naive"]
    argv += ["--index-dir", str(tmp_path / "index"), "--out", str(out)]
    assert run.main(argv) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == REPORT_KEYS
    assert set(report["summary"]) == SUMMARY_KEYS
    assert report["summary"]["questions"] == 3 and report["summary"]["answerable"] == 2
    assert report["summary"]["hit@5"] == 1.0
    by_id = {q["id"]: q for q in report["questions"]}
    assert by_id["t1"]["hit"] is True and by_id["t1"]["rank"] == 1
    assert by_id["t1"]["top_sources"][0] == "inspection/wenbury.txt"
    # the naive pipeline gives no answer: answer metrics are null
    assert by_id["t1"]["answer_recall"] is None and report["summary"]["answer_recall"] is None
    assert report["summary"]["abstained"] is None
    assert set(report["by_kind"]) == {"fact", "follow-up", "unanswerable"}
    printed = capsys.readouterr().out
    assert printed.count("\n") >= 3 + 1 + 4  # question lines, summary, kind table
    assert "SUMMARY naive:" in printed and "answer_recall=-" in printed


@pytest.mark.integration
def test_naive_index_is_reused(corpus: Path, tmp_path: Path) -> None:
    from assistant.settings import BUNDLED_MODEL
    from assistant.store.embeddings import resolve_model_path

    model = resolve_model_path(BUNDLED_MODEL)
    first = NaivePipeline(corpus, tmp_path / "index", model)
    assert first.build(progress=False) > 3
    second = NaivePipeline(corpus, tmp_path / "index", model)
    assert second.build(progress=False) == 0
    assert second.ask("bus shelter roof repair").passages[0].source == "parish/holtby.txt"
    (corpus / "parish" / "holtby.txt").write_text("Changed text.", encoding="utf-8")
    third = NaivePipeline(corpus, tmp_path / "index", model)
    assert third.build(progress=False) > 0


@pytest.mark.integration
def test_assistant_pipeline_end_to_end(corpus: Path, questions: Path, tmp_path: Path) -> None:
    pytest.importorskip("assistant.core")
    out = tmp_path / "assistant.json"
    argv = ["--corpus", str(corpus), "--questions", str(questions), "--pipeline", "assistant"]
    argv += ["--index-dir", str(tmp_path / "index"), "--out", str(out)]
    assert run.main(argv) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == REPORT_KEYS and set(report["summary"]) == SUMMARY_KEYS
    by_id = {q["id"]: q for q in report["questions"]}
    assert by_id["t1"]["hit"] is True
    # the assistant's answers are scored (the naive pipeline's are null)
    assert by_id["t1"]["answer_recall"] is True and by_id["t1"]["citations"] >= 1
    assert isinstance(by_id["t3"]["abstained"], bool)
    assert report["summary"]["answer_words"] > 0


class StandIn:
    """A pipeline with canned answers, to test the harness without a model."""

    name = "stand-in"

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str] | None]] = []

    def build(self, progress: bool = True) -> None:
        return None

    def ask(self, question: str, history: list[str] | None = None) -> AnswerResult:
        self.calls.append((question, history))
        if "Mars" in question:
            return AnswerResult(passages=[], text="The documents do not say.", abstained=True)
        if "budget" in question:
            raise RuntimeError("model timed out")
        passage = Retrieved("inspection/wenbury.txt", "They wait 68 weeks.")
        return AnswerResult(passages=[passage], text="68 weeks [1]", citations=[passage])


def test_evaluate_with_a_stand_in_pipeline(questions: Path) -> None:
    loaded = run.load_questions(questions)
    pipeline = StandIn()
    report = run.evaluate(pipeline, loaded, k=3, echo=False)
    summary = report["summary"]
    assert summary["hit@3"] == 0.5  # t1 hit; t2 failed with an error
    assert summary["answer_recall"] == 0.5 and summary["citation_precision"] == 1.0
    assert summary["abstained"] == 1.0 and summary["answered"] == 1.0
    t2 = report["questions"][1]
    assert t2["error"] == "RuntimeError: model timed out" and t2["hit"] is False
    # history is passed with follow-ups, None without; the first call is the warm-up
    assert pipeline.calls[0] == pipeline.calls[1]
    assert pipeline.calls[2] == (QUESTIONS[1]["question"], ["What did the Cabinet discuss?"])
    assert pipeline.calls[1][1] is None
    line = run.format_line(run.score_question(loaded[0], pipeline.ask(loaded[0].question), 3), 3)
    assert line.startswith("t1") and "hit@3=Y" in line and "cite=1/1" in line
    assert line.endswith("| 68 weeks [1]")


def test_load_questions_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(QUESTIONS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        run.load_questions(path)
    path.write_text(json.dumps(QUESTIONS[0]) + "\n" + json.dumps(QUESTIONS[0]) + "\n")
    with pytest.raises(ValueError, match="twice"):
        run.load_questions(path)


def test_cache_key_follows_index_settings(tmp_path: Path) -> None:
    from assistant.settings import Settings

    base = Settings(**{})
    key = run.cache_key("assistant", tmp_path, base)
    assert key == run.cache_key("assistant", tmp_path, base)
    assert key != run.cache_key("assistant", tmp_path / "other", base)
    assert key != run.cache_key("naive", tmp_path, base)
    changed = base.model_copy(update={"chunk_tokens": base.chunk_tokens + 1})
    assert key != run.cache_key("assistant", tmp_path, changed)
    assert key == run.cache_key("assistant", tmp_path, base.model_copy(update={"llm": "x:y"}))


def test_compare_prints_saved_reports_side_by_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def save(name: str, hit: float, recall: float | None) -> Path:
        report: dict[str, Any] = {
            "summary": {"questions": 2, "hit@5": hit, "answer_recall": recall},
            "run": {"pipeline": name},
        }
        path = tmp_path / f"dev-{name}.json"
        path.write_text(json.dumps(report))
        return path

    paths = [save("assistant", 1.0, 0.5), save("naive", 0.5, None)]
    assert run.main(["--reports", *map(str, paths), str(tmp_path / "missing.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["assistant", "naive"]
    assert lines[2].split() == ["hit@5", "1.000", "0.500"]
    assert lines[3].split() == ["answer_recall", "0.500", "-"]


def test_out_and_index_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import Settings

    monkeypatch.setattr(run, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(run, "CACHE", tmp_path / "cache" / "evals")
    settings = Settings(**{})
    args = run.parse_args(["--corpus", "c", "--questions", "q/dev.jsonl", "--pipeline", "both"])
    assert run.out_path_for("naive", args) == run.REPORTS / "dev-naive.json"
    assert run.index_dir_for("naive", args, settings).parent == run.CACHE
    assert (tmp_path / "reports" / ".gitignore").read_text() == "*\n"
    assert (tmp_path / "cache" / ".gitignore").exists()
    args.out, args.index_dir = tmp_path / "r.json", tmp_path / "idx"
    assert run.out_path_for("assistant", args) == tmp_path / "r-assistant.json"
    assert run.index_dir_for("assistant", args, settings) == tmp_path / "idx" / "assistant"
