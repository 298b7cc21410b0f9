"""Several chat workers against one Chroma server: two ``assistant serve`` processes answer from
the same index, and a third process's ingest reaches both without a restart."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client

from assistant.ingest.pipeline import ingest
from assistant.store.chroma import IndexStore
from tests.integration.servers import ChromaServer, free_port

pytestmark = [pytest.mark.integration, pytest.mark.ui]

REPO = Path(__file__).resolve().parents[2]
QUESTION = "What did the Libraries Panel resolve about the mobile library?"
RESOLUTION = "RESOLVED that the rural mobile library service be kept for two more years."
MINUTES = f"""MINUTES of a meeting of the Libraries Panel held on Tuesday, 4 March 2025.

PRESENT: Mr A Smith (Chairman) and Mrs B Jones

5. Mobile library
(Item 5)

{RESOLUTION}
"""


def _env(corpus: Path, index: Path, chroma_port: int, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ASSISTANT_CORPUS_PATH": str(corpus),
        "ASSISTANT_INDEX_PATH": str(index),
        "ASSISTANT_CHROMA_HOST": "127.0.0.1",
        "ASSISTANT_CHROMA_PORT": str(chroma_port),
        "ASSISTANT_REFRESH_SECONDS": "0",
        **extra,
    }


def _wait_for(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while True:
        assert proc.poll() is None, f"worker exited:\n{log.read_text()[-2000:]}"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        assert time.monotonic() < deadline, f"worker did not start:\n{log.read_text()[-2000:]}"
        time.sleep(0.5)


def test_two_workers_see_an_ingest_made_by_another_process(
    chroma_server: ChromaServer, tmp_path: Path, make_settings, embeddings
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus" / "planning-committee", corpus / "planning-committee")
    settings = make_settings(corpus, chroma_host="127.0.0.1", chroma_port=chroma_server.port)
    ingest(settings, store=IndexStore(settings, embeddings))

    workers: list[tuple[subprocess.Popen[bytes], str]] = []
    try:
        for n in range(2):
            port, log = free_port(), tmp_path / f"worker{n}.log"
            env = _env(corpus, settings.index_path, chroma_server.port, ASSISTANT_PORT=str(port))
            with log.open("wb") as out:
                proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve"],
                                        env=env, stdout=out, stderr=subprocess.STDOUT)
            url = f"http://127.0.0.1:{port}/"
            workers.append((proc, url))
            _wait_for(url, proc, log)
        clients = [Client(url, verbose=False) for _, url in workers]
        for client in clients:
            before, _ = client.predict(QUESTION, [], "Any", "", "", "Any", api_name="/respond")
            assert "rural mobile library" not in before

        (corpus / "libraries-panel-2025-03-04.txt").write_text(MINUTES)
        run = subprocess.run(
            [sys.executable, "-m", "assistant.cli", "ingest", "--quiet"],
            env=_env(corpus, settings.index_path, chroma_server.port),
            capture_output=True, text=True, timeout=600,
        )
        assert run.returncode == 0, run.stderr

        for client in clients:
            after, sources = client.predict(QUESTION, [], "Any", "", "", "Any",
                                            api_name="/respond")
            assert "rural mobile library service be kept" in after
            assert "libraries-panel-2025-03-04.txt" in sources
            rows = client.predict("Libraries Panel", "", "", "", "Any", api_name="/decisions")
            assert any(RESOLUTION in str(row) for row in rows)
    finally:
        for proc, _ in workers:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
