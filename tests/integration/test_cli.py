"""The ``assistant`` command end to end in a subprocess, as a clerk would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

MINUTES = """MINUTES of a meeting of the Cabinet held on Thursday, 30 January 2025.

87. Library opening hours
The Cabinet Member introduced the review of library opening hours across the county.

RESOLVED that the rural mobile library service be kept for two more years.
"""


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cabinet-2025-01-30.txt").write_text(MINUTES)
    (corpus / "notes.xyz").write_text("unsupported")
    return {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "ASSISTANT_CORPUS_PATH": str(corpus),
        "ASSISTANT_INDEX_PATH": str(tmp_path / "index"),
    }


def test_ingest_status_ask(env: dict[str, str]) -> None:
    missing = _run(["ask", "What did Cabinet resolve?"], env)
    assert missing.returncode == 2
    assert "no index" in missing.stderr and "Traceback" not in missing.stderr

    ingest = _run(["ingest", "--quiet"], env)
    assert ingest.returncode == 0, ingest.stderr
    assert "1 indexed" in ingest.stdout
    assert "skipped (unsupported type): notes.xyz" in ingest.stdout

    status = _run(["status"], env)
    assert status.returncode == 0
    assert "up to date: yes" in status.stdout
    assert "1 files" in status.stdout

    ask = _run(["ask", "What did the Cabinet resolve about the mobile library?", "--json"], env)
    assert ask.returncode == 0, ask.stderr
    answer = json.loads(ask.stdout)
    assert not answer["abstained"]
    assert "mobile library service be kept for two more years" in answer["answer"]
    assert answer["citations"][0]["source"] == "cabinet-2025-01-30.txt"
    assert answer["citations"][0]["quote"] in MINUTES


def test_ingest_of_missing_folder_is_a_clear_error(env: dict[str, str], tmp_path: Path) -> None:
    result = _run(["ingest", str(tmp_path / "nowhere"), "--quiet"], env)
    assert result.returncode == 2
    assert "does not exist" in result.stderr
