"""The clerks' Upload tab: files go into the corpus folder, the index is brought up to date and
every tab uses the rebuilt assistant. Runs on a copy of corpus/ in a temporary folder (the
repository's corpus/ is never written); the index, ingest and Gradio server are real."""

from __future__ import annotations

import json
import shutil
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

import ui_views

pytestmark = [pytest.mark.ui, pytest.mark.integration]

ROOT = Path(__file__).resolve().parents[2]
AUTH = ("clerk", "minutes-2025")
COMMITTEE = "Allotments Committee"
RESOLVED = (
    "RESOLVED that the Committee agrees to spend up to £640 on lagging and a new frost-proof "
    "standpipe at the Mill Lane allotments."
)
NAME = "Minutes - Ashgrove Parish Council Allotments Committee - 3 February 2025.txt"
MINUTES = f"""ASHGROVE PARISH COUNCIL
ALLOTMENTS COMMITTEE
Minutes of the meeting of the Allotments Committee held on 3 February 2025

1. Allotment water supply
The clerk reported that the standpipe at the Mill Lane allotments had frozen twice in January.
{RESOLVED}
"""


@pytest.fixture(scope="module")
def clerk_settings(
    tmp_path_factory: pytest.TempPathFactory, settings_for: Callable[..., Any]
) -> Any:
    """A copy of corpus/ and its own index, with a login required."""
    from assistant.ingest.pipeline import ingest

    corpus = tmp_path_factory.mktemp("clerk") / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = settings_for(corpus, tmp_path_factory.mktemp("clerk-index"), auth=":".join(AUTH))
    assert ingest(settings).files_indexed > 0
    return settings


@pytest.fixture(scope="module")
def clerk_url(serve: Callable[..., str], clerk_settings: Any) -> str:
    from assistant.core import build_assistant

    return serve(build_assistant(clerk_settings), clerk_settings)


@pytest.fixture(scope="module")
def client(clerk_url: str) -> Client:
    return Client(clerk_url, auth=AUTH, verbose=False)


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / NAME
    path.write_text(MINUTES, encoding="utf-8")
    return path


def test_an_unsupported_file_is_refused_and_not_copied(
    client: Client, clerk_settings: Any, tmp_path: Path
) -> None:
    sheet = tmp_path / "budget.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    with pytest.raises(AppError, match="“budget.xlsx” is not a supported document; use one of"):
        client.predict([handle_file(str(sheet))], api_name="/upload")
    assert not (clerk_settings.corpus_path / "budget.xlsx").exists()


def test_a_busy_index_is_a_clear_error(
    client: Client, clerk_settings: Any, minutes: Path
) -> None:
    from assistant.store.chroma import index_lock

    with index_lock(clerk_settings.index_path), pytest.raises(
        AppError, match="copied into the documents folder but not indexed: .*is busy"
    ):
        client.predict([handle_file(str(minutes))], api_name="/upload")
    assert COMMITTEE not in client.predict(api_name="/filters")["committees"]


def test_upload_indexes_the_file_and_every_tab_sees_it(
    client: Client, clerk_settings: Any, minutes: Path
) -> None:
    result = client.predict([handle_file(str(minutes))], api_name="/upload")
    summary, *dropdowns = result
    assert f"added: {NAME}" in summary and " 0 failed" in summary
    # The page's dropdowns get new choices: 2 committee filters (Any + …), the document kind
    # filter, the briefing's committee (no Any).
    choices = [[value for value, _ in update["choices"]] for update in dropdowns]
    assert len(choices) == 4
    assert COMMITTEE in choices[0] and COMMITTEE in choices[1] and COMMITTEE in choices[3]
    assert choices[0][0] == "Any" and "minutes" in choices[2] and "Any" not in choices[3]
    assert (clerk_settings.corpus_path / NAME).read_text(encoding="utf-8") == MINUTES
    assert not (ROOT / "corpus" / NAME).exists()
    assert COMMITTEE in client.predict(api_name="/filters")["committees"]
    rows = client.predict(COMMITTEE, "", "", "", "resolution", api_name="/decisions")
    assert [(r["text"], r["date"], r["source"]) for r in rows] == [
        (RESOLVED, "2025-02-03", NAME)
    ]
    brief = client.predict(COMMITTEE, "", api_name="/brief")
    assert "### 3 February 2025" in brief and "£640" in brief


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../minutes.txt", "not a plain file name"),
        ("notes/minutes.txt", "not a plain file name"),
        ("notes\\minutes.txt", "not a plain file name"),
        ("..", "not a plain file name"),
        (".minutes.txt", "is a hidden file"),
        ("minutes.exe", "not a supported document"),
        ("minutes", "not a supported document"),
        ("README.md", "folder-notes name"),
    ],
)
def test_corpus_name_refuses(name: str, message: str, demo_settings: Any) -> None:
    with pytest.raises(gr.Error, match=message):
        ui_views.corpus_name(name, demo_settings)


def test_corpus_name_keeps_a_plain_supported_name(demo_settings: Any) -> None:
    assert ui_views.corpus_name("Minutes 3 Feb 2025.PDF", demo_settings) == "Minutes 3 Feb 2025.PDF"


def test_without_login_there_is_no_upload(demo_url: str) -> None:
    with urllib.request.urlopen(f"{demo_url}config", timeout=30) as response:
        config = json.loads(response.read())
    tabs = [c["props"].get("label") for c in config["components"] if c["type"] == "tabitem"]
    assert "Decisions register" in tabs and "Upload" not in tabs
    names = {d.get("api_name") for d in config["dependencies"]}
    assert "decisions" in names and "upload" not in names
