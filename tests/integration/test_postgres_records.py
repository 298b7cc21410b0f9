"""Past one machine: the vectors in a real ``chroma run`` server, the record manager in a real
PostgreSQL (Debian's server, started here on loopback; skipped when it cannot start), and two
"machines" (index folders) ingesting into them from separate processes, one at a time."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy

from assistant.core import build_assistant
from assistant.ingest.pipeline import ingest
from assistant.store.chroma import IndexStore
from tests.integration.servers import ChromaServer, free_port

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
MINUTES = """MINUTES of a meeting of the Libraries Panel held on Tuesday, 4 March 2025.

PRESENT: Mr A Smith (Chairman) and Mrs B Jones

5. Mobile library
(Item 5)

RESOLVED that the rural mobile library service be kept for two more years.
"""


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = found[-1] if found else shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free loopback port; yields its SQLAlchemy URL."""
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL's server programs are not installed")
    root = Path(tempfile.mkdtemp(prefix="pg-"))
    data, port = root / "data", free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user to run the server as")
        os.chown(root, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    run = [*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
    if subprocess.run(run, capture_output=True).returncode != 0:
        pytest.skip("initdb failed: no PostgreSQL cluster can be made here")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1"
    pg_ctl = [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-t", "60"]
    started = subprocess.run([*pg_ctl, "-o", options, "-l", str(root / "log"), "start"],
                             capture_output=True)
    if started.returncode != 0:
        pytest.skip(f"PostgreSQL did not start: {started.stderr.decode()[-300:]}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _cli_ingest(corpus: Path, index: Path, port: int, url: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "ASSISTANT_CORPUS_PATH": str(corpus),
        "ASSISTANT_INDEX_PATH": str(index),
        "ASSISTANT_CHROMA_HOST": "127.0.0.1",
        "ASSISTANT_CHROMA_PORT": str(port),
        "ASSISTANT_RECORDS_URL": url,
    }
    return subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", "--quiet"],
                          capture_output=True, text=True, env=env, timeout=600)


def test_two_machines_share_chroma_and_a_postgres_record_manager(
    postgres_url: str, chroma_server: ChromaServer, tmp_path: Path, make_settings, embeddings
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus" / "planning-committee", corpus / "planning-committee")
    first = make_settings(corpus, chroma_host="127.0.0.1", chroma_port=chroma_server.port,
                          records_url=postgres_url)
    report = ingest(first, store=IndexStore(first, embeddings))
    assert report.failed == [] and report.added == report.chunks > 0
    assert not first.records_db.exists()  # the records are in PostgreSQL, not in SQLite
    engine = sqlalchemy.create_engine(postgres_url)
    count = sqlalchemy.text("SELECT count(*) FROM upsertion_record WHERE namespace = :ns")
    namespace = {"ns": f"chroma/{first.collection}"}
    with engine.connect() as connection:
        assert connection.execute(count, namespace).scalar() == report.chunks

    # The second machine: its own index folder, the same server and record manager database.
    (corpus / "libraries-panel-2025-03-04.txt").write_text(MINUTES)
    other_index = tmp_path / "other-machine"
    key = {"key": f"committee-assistant/{first.collection}"}
    with engine.connect() as holder:  # an ingest is running elsewhere
        holder.execute(sqlalchemy.text("SELECT pg_advisory_lock(hashtext(:key))"), key)
        busy = _cli_ingest(corpus, other_index, chroma_server.port, postgres_url)
        holder.execute(sqlalchemy.text("SELECT pg_advisory_unlock(hashtext(:key))"), key)
    assert busy.returncode == 2 and "is busy" in busy.stderr

    done = _cli_ingest(corpus, other_index, chroma_server.port, postgres_url)
    assert done.returncode == 0, done.stderr
    assert "0 removed" in done.stdout  # the first machine's chunks were known: none re-made
    with engine.connect() as connection:
        assert connection.execute(count, namespace).scalar() > report.chunks
    engine.dispose()

    # The first machine's next assistant answers from what the second one added.
    answer = build_assistant(first, store=IndexStore(first, embeddings)).ask(
        "What did the Libraries Panel resolve about the mobile library?"
    )
    assert "rural mobile library service be kept" in answer.text
    assert answer.citations[0].passage.source == "libraries-panel-2025-03-04.txt"
