"""Chroma as a server: with ``chroma_host``/``chroma_port`` set, ingest and answers go through
``HttpClient`` to a real ``chroma run``; after a server restart the same data answers the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import chromadb
import pytest

from assistant.core import build_assistant
from assistant.ingest.pipeline import ingest
from assistant.store.chroma import IndexStore
from tests.integration.servers import ChromaServer

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
QUESTION = "What is the County Council's Band D council tax for 2025-26?"
ANSWER = "£1,712.43"
ANSWER_SOURCE = "county-council/2025-02-20/Printed minutes 20th-Feb-2025 10.00 County Council.pdf"


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
