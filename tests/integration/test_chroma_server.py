"""Chroma as a server: with ``chroma_host``/``chroma_port`` set, ingest and answers go through
``HttpClient`` to a real ``chroma run``; after a server restart the same data answers the same."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import chromadb
import pytest

from assistant.core import build_assistant
from assistant.ingest import ingest
from assistant.store import IndexStore

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
QUESTION = "What is the County Council's Band D council tax for 2025-26?"
ANSWER = "£1,712.43"
ANSWER_SOURCE = "county-council/2025-02-20/Printed minutes 20th-Feb-2025 10.00 County Council.pdf"


def chroma_command() -> str | None:
    """The ``chroma`` CLI of this interpreter's environment (or on PATH)."""
    beside = Path(sys.executable).with_name("chroma")
    return str(beside) if beside.exists() else shutil.which("chroma")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class ChromaServer:
    """A ``chroma run`` on loopback over ``path``; start and stop it as often as needed."""

    path: Path
    port: int
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        command = chroma_command()
        assert command is not None
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [command, "run", "--path", str(self.path), "--host", "127.0.0.1",
                 "--port", str(self.port)],
                stdout=out, stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{self.port}/api/v2/heartbeat"
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc.poll() is None, f"chroma exited:\n{self.log.read_text()[-2000:]}"
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            assert time.monotonic() < deadline, "chroma server did not answer its heartbeat"
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    if chroma_command() is None:
        pytest.skip("the chroma command is not installed")
    server = ChromaServer(tmp_path / "chroma-server", free_port(), tmp_path / "chroma.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_ingest_and_answer_through_a_chroma_server(
    chroma_server: ChromaServer, tmp_path: Path, make_settings, embeddings
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    settings = make_settings(corpus, chroma_host="127.0.0.1", chroma_port=chroma_server.port)
    store = IndexStore(settings, embeddings)
    assert store.client.get_settings().chroma_api_impl == "chromadb.api.fastapi.FastAPI"
    assert store.location() == f"chroma://127.0.0.1:{chroma_server.port}/{settings.collection}"

    report = ingest(settings, store=store)
    assert report.failed == [] and report.chunks > 0
    assert store.count() == report.chunks
    # Only the record manager and manifest live locally: the vectors are on the server.
    assert not (settings.index_path / "chroma").exists()
    assert (chroma_server.path / "chroma.sqlite3").exists()
    server_side = chromadb.HttpClient(host="127.0.0.1", port=chroma_server.port)
    assert server_side.get_collection(settings.collection).count() == report.chunks

    first = build_assistant(settings, store=store).ask(QUESTION)
    assert ANSWER in first.text
    assert ANSWER_SOURCE in {c.passage.source for c in first.citations}

    chroma_server.stop()
    chroma_server.start()
    reopened = IndexStore(settings, embeddings)  # a new HttpClient to the restarted server
    assert reopened.count() == report.chunks
    again = build_assistant(settings, store=reopened).ask(QUESTION)
    assert again.text == first.text
    assert [c.passage.id for c in again.citations] == [c.passage.id for c in first.citations]
    # and a re-ingest against the restarted server finds every chunk already there
    second = ingest(settings, store=reopened)
    assert (second.added, second.deleted, second.skipped_unchanged) == (0, 0, report.chunks)
