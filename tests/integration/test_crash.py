"""Crash safety: SIGKILL the real ``assistant ingest`` at random points, many times, then check in a
fresh process that the index is exact. Also: a second ingest fails at once while one runs, and a
killed ingest leaves no parser processes behind."""

from __future__ import annotations

import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.test_loaders import make_slow_pdf

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
DEMO_CORPUS = REPO / "corpus"
KILLS = 20
SEED = 6
QUESTION = "What is the County Council's Band D council tax for 2025-26?"
ANSWER = "£1,712.43"
ANSWER_SOURCE = "county-council/2025-02-20/Printed minutes 20th-Feb-2025 10.00 County Council.pdf"


# --- subprocess helpers ----------------------------------------------------------------------


def ingest_env(corpus: Path, index: Path) -> dict[str, str]:
    """The environment of a child ingest: this corpus and index, embedded Chroma, offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        ASSISTANT_CORPUS_PATH=str(corpus),
        ASSISTANT_INDEX_PATH=str(index),
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        PYTHONPATH=str(REPO),
    )
    return env


def start_ingest(corpus: Path, index: Path, log: Path) -> subprocess.Popen[bytes]:
    """``python -m assistant.cli ingest --quiet`` in its own process group (for the leak check);
    output goes to ``log`` so that a full pipe can never stall it."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "ingest", "--quiet"],
            cwd=REPO, env=ingest_env(corpus, index), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def run_ingest(corpus: Path, index: Path, log: Path, timeout: float = 600) -> float:
    """An uninterrupted ingest; returns its wall time. Fails the test if it does not succeed."""
    started = time.monotonic()
    proc = start_ingest(corpus, index, log)
    try:
        code = proc.wait(timeout=timeout)
    finally:
        _reap(proc)
    assert code == 0, f"ingest failed ({code}):\n{log.read_text()[-3000:]}"
    return time.monotonic() - started


def _reap(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes in process group ``pgid``."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry))
    return members


def wait_until_gone(pgids: list[int], timeout: float) -> list[int]:
    """Wait for every process of these groups to exit; returns the pids still alive."""
    deadline = time.monotonic() + timeout
    while True:
        alive = [pid for pgid in pgids for pid in group_members(pgid)]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def kill_groups(pgids: list[int]) -> None:
    """Clean-up: SIGKILL whatever is left of groups this test started."""
    for pgid in pgids:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


# --- the corpus in two states ----------------------------------------------------------------


def rename_all(corpus: Path, generation: int) -> None:
    """Rename every document to ``<name> ~<generation>``: all its chunks change, so the next
    ingest embeds the whole corpus again (as long as a first ingest) and deletes the old chunks."""
    for path in [p for p in corpus.rglob("*") if p.is_file() and p.name != "README.md"]:
        path.rename(path.with_name(f"{_original_stem(path)} ~{generation}{path.suffix}"))


def restore_names(corpus: Path) -> None:
    """Every document back under its demo name."""
    for path in [p for p in corpus.rglob("*") if p.is_file()]:
        if _original_stem(path) != path.stem:
            path.rename(path.with_name(_original_stem(path) + path.suffix))


def _original_stem(path: Path) -> str:
    return path.stem.split(" ~", 1)[0]


# --- the check, run in a fresh process ---------------------------------------------------------


def inspect_index(corpus: str, index: str) -> dict[str, Any]:
    """What a fresh process finds in the index (run through ``python -c``; prints JSON)."""
    from assistant.core import build_assistant
    from assistant.ingest.pipeline import index_status
    from assistant.retrieval.hybrid import HybridRetriever
    from assistant.settings import Settings
    from assistant.store.chroma import IndexStore

    settings = Settings(_env_file=None, corpus_path=Path(corpus), index_path=Path(index))
    store = IndexStore(settings)
    ids, _, metas = store.records()
    keyword = HybridRetriever.from_store(store, settings).keyword
    answer = build_assistant(settings, store=store).ask(QUESTION)
    return {
        "count": store.count(),
        "ids": ids,
        "sources": sorted({str(m["source"]) for m in metas}),
        "keyword_ids": list(keyword.ids),
        "record_keys": list(store.record_manager.list_keys()),
        "answer": answer.text,
        "cited": sorted({c.passage.source for c in answer.citations}),
        "up_to_date": index_status(settings, store)["up_to_date"],
    }


def inspect_in_fresh_process(corpus: Path, index: Path) -> dict[str, Any]:
    code = (
        "import json, sys\n"
        "from tests.integration.test_crash import inspect_index\n"
        "print('RESULT' + json.dumps(inspect_index(sys.argv[1], sys.argv[2])))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(index)], cwd=REPO,
        env=ingest_env(corpus, index), capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("RESULT"))
    result: dict[str, Any] = json.loads(line.removeprefix("RESULT"))
    return result


# --- the tests ---------------------------------------------------------------------------------


@dataclass
class KillLog:
    kills: list[float] = field(default_factory=list)  # seconds after its start each run died
    finished: int = 0  # runs that completed (before their kill time, or let finish)
    renames: int = 0
    groups: list[int] = field(default_factory=list)


def test_sigkill_at_random_points_leaves_an_exact_index(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO_CORPUS, corpus)
    reference = tmp_path / "reference-index"
    index = tmp_path / "index"
    log_file = tmp_path / "ingest.log"
    run_ingest(corpus, reference, log_file)  # the clean reference
    rename_all(corpus, 0)
    duration = run_ingest(corpus, index, log_file)  # how long one takes (warm, as the rest are)
    print(f"\none uninterrupted ingest: {duration:.1f} s")

    rng = random.Random(SEED)
    log = KillLog()
    try:
        while len(log.kills) < KILLS:
            # Mostly the corpus changes before a run, so that each run has a whole ingest's work
            # to be killed in; otherwise the run resumes what the killed one left.
            if rng.random() < 0.7:
                log.renames += 1
                rename_all(corpus, log.renames)
            delay = rng.uniform(1.0, duration)
            proc = start_ingest(corpus, index, log_file)
            log.groups.append(proc.pid)
            try:
                code = proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)  # the ingest alone: its helpers must notice
                proc.wait()
                log.kills.append(round(delay, 1))
                print(f"kill {len(log.kills)} at {delay:.1f} s", flush=True)
                if rng.random() < 0.15:  # sometimes the re-run is let finish
                    run_ingest(corpus, index, log_file)
                    log.finished += 1
                continue
            assert code == 0, f"ingest failed ({code}):\n{log_file.read_text()[-3000:]}"
            log.finished += 1
        restore_names(corpus)
        run_ingest(corpus, index, log_file)
        leftovers = wait_until_gone(log.groups, timeout=15)
    finally:
        kill_groups(log.groups)
    print(f"{len(log.kills)} kills at {sorted(log.kills)} s; {log.finished} runs finished; "
          f"corpus renamed {log.renames} times")
    assert leftovers == [], "processes of killed ingests still running"

    expected = inspect_in_fresh_process(corpus, reference)
    got = inspect_in_fresh_process(corpus, index)
    assert len(got["ids"]) == len(set(got["ids"])), "an id appears twice"
    assert got["count"] == len(got["ids"]) == expected["count"] > 0
    assert set(got["ids"]) == set(expected["ids"])
    assert all((corpus / source).is_file() for source in got["sources"])
    assert got["sources"] == expected["sources"]
    assert sorted(got["keyword_ids"]) == sorted(got["ids"])
    assert sorted(got["record_keys"]) == sorted(got["ids"])
    assert ANSWER in got["answer"] and ANSWER_SOURCE in got["cited"]
    assert got["answer"] == expected["answer"]
    assert got["up_to_date"] is True


def _lock_is_held(index: Path) -> bool:
    lock = index / ".lock"
    if not lock.exists():
        return False
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_second_ingest_fails_at_once_while_one_runs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO_CORPUS, corpus)
    index = tmp_path / "index"
    first = start_ingest(corpus, index, tmp_path / "first.log")
    try:
        deadline = time.monotonic() + 120
        while not _lock_is_held(index):
            assert first.poll() is None, (tmp_path / "first.log").read_text()
            assert time.monotonic() < deadline, "the first ingest never took the lock"
            time.sleep(0.1)
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "assistant.cli", "ingest", "--quiet"], cwd=REPO,
            env=ingest_env(corpus, index), capture_output=True, text=True, timeout=60,
        )
        seconds = time.monotonic() - started
        assert first.poll() is None, "the first ingest ended before the second was refused"
    finally:
        _reap(first)
        kill_groups([first.pid])
    print(f"\nsecond ingest refused after {seconds:.1f} s: {second.stderr.strip()}")
    assert second.returncode == 2
    assert f"error: the index at {index} is busy: another ingest is running" in second.stderr
    assert seconds < 20  # interpreter start and imports; it never waits for the lock


SLOW_PARSE = """
import sys, time
from pathlib import Path
from assistant.ingest.guarded import load_files

if __name__ == "__main__":
    path = Path(sys.argv[1])
    for _ in load_files([path], path.parent, timeout=600, memory_mb=1024):
        pass
"""


def test_killed_ingest_leaves_no_parser_processes(tmp_path: Path) -> None:
    """SIGKILL skips every clean-up: the parser worker must notice by itself and exit, and the
    forkserver and resource tracker with it."""
    slow = make_slow_pdf(tmp_path / "slow.pdf", operations=2_000_000)
    script = tmp_path / "parse.py"
    script.write_text(SLOW_PARSE)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(slow)], cwd=REPO, env=ingest_env(tmp_path, tmp_path),
        start_new_session=True, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(group_members(proc.pid)) < 4:  # parent, resource tracker, forkserver, worker
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(1.0)  # the worker is parsing now
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        leftovers = wait_until_gone([proc.pid], timeout=10)
    finally:
        kill_groups([proc.pid])
    assert leftovers == []
