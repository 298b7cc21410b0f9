"""``ui.main``: indexes a missing or stale index, then serves the page with the settings' login."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from gradio_client import Client

import ui
from assistant.ingest.pipeline import index_status

pytestmark = [pytest.mark.ui, pytest.mark.integration]

MINUTES = """HOLLYBROOK PARISH COUNCIL
Minutes of the meeting held on 14 April 2025

4. Play area
The Council agreed to replace the play area swings at a cost of £2,350.
"""


def test_main_indexes_then_serves(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    settings_for: Callable[..., Any],
    free_port: Callable[[], int],
) -> None:
    corpus = tmp_path / "corpus" / "parish" / "2025-04-14"
    corpus.mkdir(parents=True)
    (corpus / "Minutes 14 April 2025.txt").write_text(MINUTES, encoding="utf-8")
    settings = settings_for(
        tmp_path / "corpus", tmp_path / "index", port=free_port(), auth="clerk:swings"
    )
    launched: list[tuple[gr.Blocks, dict[str, Any]]] = []
    real_launch = gr.Blocks.launch

    def launch(self: gr.Blocks, **kwargs: Any) -> Any:
        launched.append((self, kwargs))
        return real_launch(self, **{**kwargs, "prevent_thread_lock": True, "quiet": True})

    monkeypatch.setattr(gr.Blocks, "launch", launch)
    assert not index_status(settings)["up_to_date"]
    assert ui.main(settings) == 0
    try:
        printed = capsys.readouterr().out
        assert "no index has been built" in printed
        assert "files: 1 seen, 1 indexed, 0 failed" in printed
        assert index_status(settings)["up_to_date"]
        demo, options = launched[0]
        assert options["auth"] == ("clerk", "swings") and options["allowed_paths"] == []
        assert options["server_name"] == "127.0.0.1"
        client = Client(f"http://127.0.0.1:{settings.port}/", auth=("clerk", "swings"))
        answer, _ = client.predict(
            "How much will the new swings cost?", [], "Any", "", "", "Any", api_name="/respond"
        )
        assert "£2,350" in answer and "[1]" in answer
    finally:
        for demo, _ in launched:
            demo.close()


def test_main_reports_a_missing_corpus_as_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings_for: Callable[..., Any]
) -> None:
    settings = settings_for(tmp_path / "nowhere", tmp_path / "index")
    assert ui.main(settings) == 2
    assert capsys.readouterr().err.startswith("error: corpus folder")
