"""Fixtures of the UI tests: a real index of corpus/, the assistant, and a running chat page."""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
# This folder is called ui/ and pytest puts tests/ on sys.path, which would make `import ui`
# find it as a namespace package; the repository's ui.py must win.
sys.path.insert(0, str(ROOT))
if getattr(sys.modules.get("ui"), "__file__", None) is None:
    sys.modules.pop("ui", None)
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DEMO_QUESTIONS = ROOT / "evals" / "demo.jsonl"
# Used when evals/demo.jsonl is absent; the demo corpus is generated deterministically.
FALLBACK_QUESTION = {
    "id": "demo002",
    "question": "What is the County Council's Band D council tax for 2025-26?",
    "answer_contains": ["£1,712.43"],
    "history": [],
}


def _demo_question(question_id: str) -> dict[str, Any]:
    """One question of evals/demo.jsonl by id (the fallback when the file is absent)."""
    if DEMO_QUESTIONS.is_file():
        for line in DEMO_QUESTIONS.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] == question_id:
                return dict(json.loads(line))
    if question_id == FALLBACK_QUESTION["id"]:
        return FALLBACK_QUESTION
    pytest.skip(f"{question_id} is not in {DEMO_QUESTIONS}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_settings(corpus: Path, index: Path, **overrides: Any) -> Any:
    from assistant.settings import Settings

    return Settings(_env_file=None, corpus_path=corpus, index_path=index, **overrides)


@pytest.fixture(scope="session")
def demo_question() -> Callable[[str], dict[str, Any]]:
    """Look up a question of evals/demo.jsonl by id (skips when it is not there)."""
    return _demo_question


@pytest.fixture(scope="session")
def free_port() -> Callable[[], int]:
    """A function returning a TCP port that is free right now."""
    return _free_port


@pytest.fixture(scope="session")
def settings_for() -> Callable[..., Any]:
    """``settings_for(corpus, index, **overrides)`` → Settings that ignore env files."""
    return make_settings


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Settings whose index holds corpus/, built once per session with the real model."""
    from assistant.ingest.pipeline import ingest

    corpus = ROOT / "corpus"
    if not any(corpus.rglob("*.pdf")):
        pytest.skip("the demo corpus is not present")
    settings = make_settings(corpus, tmp_path_factory.mktemp("ui-index"))
    report = ingest(settings)
    assert report.files_indexed > 0 and report.chunks > 0
    return settings


@pytest.fixture(scope="session")
def demo_assistant(demo_settings: Any) -> Any:
    from assistant.core import build_assistant

    return build_assistant(demo_settings)


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[..., str]]:
    """Start a chat page: ``serve(assistant, settings)`` → its URL; all closed at the end."""
    import ui

    demos: list[Any] = []

    def start(assistant: Any, settings: Any) -> str:
        demo = ui.build_demo(assistant, settings)
        options = {**ui.launch_options(settings), "server_port": _free_port(), "quiet": True}
        demo.launch(prevent_thread_lock=True, **options)
        demos.append(demo)
        return f"http://127.0.0.1:{options['server_port']}/"

    yield start
    for demo in demos:
        demo.close()


@pytest.fixture(scope="session")
def demo_url(serve: Callable[..., str], demo_assistant: Any, demo_settings: Any) -> str:
    """The chat page over corpus/, without login."""
    return serve(demo_assistant, demo_settings)
