"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.servers import ChromaServer, chroma_command, free_port


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
