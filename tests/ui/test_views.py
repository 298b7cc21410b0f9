"""The register, timeline, briefing and answer-export endpoints, driven over HTTP with
gradio_client against the page over the real demo corpus index (nothing faked)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

import ui_format
from assistant.answer.prompts import CANNOT_ANSWER
from assistant.ingest.loaders import load_file
from assistant.types import Filters, human_date
from assistant.views.export import answer_markdown
from assistant.views.register import select
from assistant.views.timeline import timeline

pytestmark = [pytest.mark.ui, pytest.mark.integration]

ANY = "Any"
TOPIC = "Holtmoor Relief Road"


@pytest.fixture(scope="module")
def client(demo_url: str) -> Client:
    return Client(demo_url, verbose=False)


def page_text(settings: Any, source: str, page: int) -> str:
    """The text of page ``page`` of ``source`` as the loader reads it."""
    doc = load_file(settings.corpus_path / source, settings.corpus_path)
    return doc.pages[page - 1].text


def as_dicts(rows: list[Any]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(row) for row in rows]


def test_decisions_by_committee_and_kind_are_the_registers_rows(
    client: Client, demo_assistant: Any, demo_settings: Any
) -> None:
    rows = client.predict("Cabinet", "", "", "", "action", api_name="/decisions")
    expected = select(demo_assistant.register, Filters(committee="Cabinet"), kind="action")
    assert rows == as_dicts(expected)
    assert rows and all(r["kind"] == "action" and r["committee"] == "Cabinet" for r in rows)
    cabinet = select(demo_assistant.register, Filters(committee="Cabinet"))
    assert len(cabinet) > len(rows)  # Cabinet's resolutions were filtered out
    for row in rows:
        assert row["text"] in page_text(demo_settings, row["source"], row["page"])


def test_decisions_by_date_range_and_topic(client: Client, demo_assistant: Any) -> None:
    rows = client.predict(ANY, "2024-09-01", "2024-12-31", "", ANY, api_name="/decisions")
    window = Filters(date_from=dt.date(2024, 9, 1), date_to=dt.date(2024, 12, 31))
    assert rows == as_dicts(select(demo_assistant.register, window))
    assert rows and len(rows) < len(demo_assistant.register)
    assert all("2024-09-01" <= r["date"] <= "2024-12-31" for r in rows)
    on_topic = client.predict(ANY, "", "", TOPIC, ANY, api_name="/decisions")
    assert on_topic == as_dicts(select(demo_assistant.register, topic=TOPIC))
    assert on_topic and len(on_topic) < len(demo_assistant.register)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((ANY, "14/03/2024", "", "", ANY), "is not a date"),
        ((ANY, "2025-01-01", "2024-01-01", "", ANY), "is after date to"),
        ((ANY, "", "", "", "minute"), "is not one of Any, resolution, action"),
    ],
)
def test_decisions_refuse_bad_filters(client: Client, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(AppError, match=message):
        client.predict(*args, api_name="/decisions")


def test_timeline_is_dated_ascending_with_verbatim_quotes(
    client: Client, demo_assistant: Any
) -> None:
    entries = client.predict(TOPIC, api_name="/timeline")
    assert len(entries) >= 2
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates)
    for entry in entries:
        assert entry["quote"].strip() and entry["quote"] in entry["text"]
    direct = timeline(demo_assistant, TOPIC)
    assert [(e["date"], e["source"]) for e in entries] == [
        (e.date, e.passage.source) for e in direct
    ]
    assert client.predict("", api_name="/timeline") == []


def test_brief_names_the_latest_meeting_and_its_sources(
    client: Client, demo_assistant: Any
) -> None:
    latest = max(r.date for r in demo_assistant.register if r.committee == "Cabinet" and r.date)
    text = client.predict("Cabinet", "", api_name="/brief")
    assert text.startswith("# Briefing: Cabinet")
    assert f"### {human_date(dt.date.fromisoformat(latest))}" in text
    assert "## Sources" in text and "[1]" in text
    earlier = client.predict("Cabinet", latest, api_name="/brief")
    assert f"before {human_date(dt.date.fromisoformat(latest))}" in earlier
    assert f"### {human_date(dt.date.fromisoformat(latest))}" not in earlier


def test_brief_refuses_an_unknown_committee(client: Client) -> None:
    with pytest.raises(AppError, match="No committee “Parish Pump Committee”"):
        client.predict("Parish Pump Committee", "", api_name="/brief")


def test_answer_markdown_is_the_latest_answer_of_the_session(
    demo_url: str, demo_assistant: Any
) -> None:
    client = Client(demo_url, verbose=False)  # a session of its own
    assert client.predict(api_name="/answer_markdown") is None  # nothing asked yet
    question = "What did Cabinet decide about the Integrated Transport Plan?"
    client.submit(question, [], ANY, "", "", ANY, api_name="/chat_stream").result()
    path = client.predict(api_name="/answer_markdown")
    text = Path(path).read_text(encoding="utf-8")
    expected = demo_assistant.ask(question)
    assert expected.citations  # the export has sources to write out
    assert text == answer_markdown(expected)
    assert text.startswith(f"# {question}") and "## Sources" in text
    other = Client(demo_url, verbose=False)  # another session has no answer yet
    assert other.predict(api_name="/answer_markdown") is None


def test_filters_endpoint_lists_the_index(client: Client, demo_assistant: Any) -> None:
    choices = client.predict(api_name="/filters")
    assert choices == {
        "committees": demo_assistant.committees(),
        "doc_kinds": demo_assistant.doc_kinds(),
    }
    assert "Cabinet" in choices["committees"]


def test_chat_stream_takes_the_date_pickers_values(client: Client, demo_assistant: Any) -> None:
    question = "What was agreed about council tax?"
    job = client.submit(question, [], ANY, "2030-01-01", "", ANY, api_name="/chat_stream")
    _, chat, _ = job.result()
    expected = demo_assistant.ask(question, [], Filters(date_from=dt.date(2030, 1, 1)))
    assert expected.text.startswith(CANNOT_ANSWER)  # nothing is dated after 2030
    assert chat[-1]["content"][0]["text"] == ui_format.final_html(expected)
    bad = client.submit(question, [], ANY, "2025-02-30", "", ANY, api_name="/chat_stream")
    with pytest.raises(AppError, match="Date from “2025-02-30” is not a date"):
        bad.result()


def test_a_latest_decision_question_in_the_chat_cites_the_newest_first(client: Client) -> None:
    answer, sources = client.predict(
        f"What did we last decide about the {TOPIC}?", [], ANY, "", "", ANY,
        api_name="/respond",
    )
    assert answer.startswith(f"The most recent decision on the {TOPIC} — Planning Committee, "
                             "11 June 2025")
    assert "[1]" in answer and "[2]" in answer and "Earlier, newest first:" in answer
    assert "11 June 2025" in sources and "19 September 2024" in sources
