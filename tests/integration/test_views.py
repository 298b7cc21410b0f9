"""The register, latest decisions, timeline and briefing on the demo corpus through the real
index, and the ``assistant`` console script that prints them."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core import build_assistant
from assistant.ingest.guarded import load_files
from assistant.ingest.pipeline import ingest
from assistant.types import Filters, LoadedDocument
from assistant.views.briefing import briefing
from assistant.views.latest import latest_decisions
from assistant.views.register import load_register, select
from assistant.views.timeline import timeline
from tests.conftest import DEMO_CORPUS

pytestmark = pytest.mark.integration

SCRUTINY = "Children and Young People's Scrutiny Committee"
CONSOLE_SCRIPT = Path(sys.executable).with_name("assistant")


@pytest.fixture(scope="module")
def demo(demo_settings):
    return build_assistant(demo_settings)


def _documents(sources: set[str]) -> dict[str, LoadedDocument]:
    paths = [DEMO_CORPUS / s for s in sorted(sources)]
    return {
        doc.source: doc
        for _, doc in load_files(paths, DEMO_CORPUS, timeout=60, memory_mb=2048)
        if isinstance(doc, LoadedDocument)
    }


def test_register_rows_are_verbatim_and_cover_every_committee(demo) -> None:
    rows = demo.register
    assert len(rows) >= 30
    docs = _documents({r.source for r in rows})
    for row in rows:
        page = docs[row.source].pages[row.page - 1].text
        assert row.text in page, (row.source, row.page, row.text[:60])
    assert {r.kind for r in rows} == {"resolution", "action"}
    committees = {r.committee for r in rows}
    assert {"Cabinet", "Planning Committee", "County Council"} <= committees
    cabinet_actions = select(rows, Filters(committee="Cabinet"), kind="action")
    assert any("mobility hub sites" in r.text for r in cabinet_actions)
    assert all(r.committee == "Cabinet" and r.kind == "action" for r in cabinet_actions)


def test_latest_decisions_come_newest_first(demo) -> None:
    rows = latest_decisions(demo, "Holtmoor Relief Road")
    dates = [r.date for r in rows]
    assert len(rows) >= 2 and dates == sorted(dates, reverse=True)
    assert rows[0].committee == "Planning Committee" and rows[0].date == "2025-06-11"
    assert "planning permission be granted" in rows[0].text


def test_a_latest_decision_question_answers_from_the_register(demo) -> None:
    answer = demo.ask("What did we last decide about the Holtmoor Relief Road?")
    assert not answer.abstained
    first = answer.citations[0]
    assert first.n == 1 and first.passage.date == "2025-06-11"
    assert first.quote in first.passage.text
    assert answer.text.index("[1]") < answer.text.index("[2]")
    assert all(f"[{c.n}]" in answer.text for c in answer.citations)


def test_timeline_is_dated_ascending_with_minutes_and_inspections(demo) -> None:
    entries = timeline(demo, "neurodevelopmental waiting times")
    dates = [e.date for e in entries]
    assert len(entries) >= 3 and dates == sorted(dates)
    assert {e.passage.metadata.get("doc_kind") for e in entries} >= {"minutes", "inspection"}
    for entry in entries:
        assert entry.quote and entry.quote in entry.passage.text
    assert len({e.passage.source for e in entries}) == len(entries)


def test_briefing_lists_resolutions_open_actions_and_findings(demo) -> None:
    brief = briefing(demo, SCRUTINY)
    assert brief.meetings and brief.meetings[0][0] == "2025-11-18"
    assert any("BE NOTED" in r.text for r in brief.meetings[0][1])
    assert any("A. Sorensen to provide" in r.text for r in brief.outstanding)
    assert brief.agenda_date == "2025-11-18"
    assert brief.findings and all(
        e.passage.metadata.get("doc_kind") == "inspection" for _, e in brief.findings
    )
    earlier = briefing(demo, SCRUTINY, before=dt.date(2025, 11, 1))
    assert all(date < "2025-11-01" for date, _ in earlier.meetings)
    assert earlier.agenda_date == "2025-11-18"  # the agenda of the meeting being prepared for


def _cli(args: list[str], settings) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "ASSISTANT_CORPUS_PATH": str(settings.corpus_path),
        "ASSISTANT_INDEX_PATH": str(settings.index_path),
    }
    command = [str(CONSOLE_SCRIPT)] if CONSOLE_SCRIPT.exists() else [sys.executable, "-m",
                                                                      "assistant.cli"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_cli_decisions_csv_holds_the_register_rows(demo, demo_settings, tmp_path: Path) -> None:
    out = tmp_path / "cabinet.csv"
    run = _cli(["decisions", "--committee", "Cabinet", "--csv", str(out)], demo_settings)
    assert run.returncode == 0, run.stderr
    written = list(csv.DictReader(out.open(encoding="utf-8")))
    expected = select(demo.register, Filters(committee="Cabinet"))
    assert [r["text"] for r in written] == [r.text for r in expected]
    assert f"{len(expected)} rows written" in run.stderr


def test_cli_latest_timeline_and_brief_print_cited_markdown(demo_settings, tmp_path) -> None:
    latest = _cli(["latest", "Holtmoor Relief Road"], demo_settings)
    assert latest.returncode == 0, latest.stderr
    assert "**Planning Committee, 11 June 2025" in latest.stdout
    assert "## Sources" in latest.stdout
    timeline_md = tmp_path / "timeline.md"
    run = _cli(["timeline", "neurodevelopmental waiting times", "--markdown", str(timeline_md)],
               demo_settings)
    assert run.returncode == 0, run.stderr
    assert timeline_md.read_text(encoding="utf-8") == run.stdout
    assert "# Timeline: neurodevelopmental waiting times" in run.stdout
    brief = _cli(["brief", "--committee", SCRUTINY], demo_settings)
    assert brief.returncode == 0, brief.stderr
    assert "## Actions with no later mention" in brief.stdout and "A. Sorensen" in brief.stdout
    unknown = _cli(["brief", "--committee", "Nonexistent Panel"], demo_settings)
    assert unknown.returncode == 2
    assert "no committee called 'Nonexistent Panel'" in unknown.stderr


MINUTES = """MINUTES of a meeting of the Libraries Panel held on Tuesday, 4 March 2025.

PRESENT: Mr A Smith (Chairman) and Mrs B Jones

5. Mobile library
(Item 5)

RESOLVED that the rural mobile library service be kept for two more years.
"""


def test_register_follows_the_corpus_on_re_ingest(make_settings, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO_CORPUS / "planning-committee", corpus / "planning-committee")
    settings = make_settings(corpus)
    ingest(settings)
    before = load_register(settings.index_path)
    assert before and {r.committee for r in before} == {"Planning Committee"}
    (corpus / "libraries-panel-2025-03-04.txt").write_text(MINUTES)
    shutil.rmtree(corpus / "planning-committee" / "2024-05-08")
    ingest(settings)
    after = load_register(settings.index_path)
    assert any(r.committee == "Libraries Panel" and "mobile library" in r.text for r in after)
    assert not any(r.date == "2024-05-08" for r in after)
    assert [r for r in after if r.date == "2025-06-11"] == [
        r for r in before if r.date == "2025-06-11"
    ]
