"""Load benchmark: many simulated users asking questions of a running chat app at once.

Each user is a thread with its own ``gradio_client.Client`` calling the ``/respond`` API; every
user asks ``--rounds`` questions one after another, and all users start together. Only loopback
addresses are accepted. Without ``--url`` the script indexes ``--corpus`` (if needed) and serves
it with ``assistant serve`` on a free loopback port for the length of the run.

    .venv/bin/python -m benchmarks.load                       # demo corpus, 25 users, 2 rounds
    .venv/bin/python -m benchmarks.load --url http://127.0.0.1:7860 --rounds 4

It prints answered / errors / latency percentiles / throughput; it asserts nothing.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEMO_CORPUS = REPO / "corpus"
DEMO_QUESTIONS = REPO / "evals" / "demo.jsonl"
DEV_QUESTIONS = REPO.parent / "shared" / "eval" / "dev.jsonl"
API_NAME = "/respond"


@dataclass
class Outcome:
    """One request: how long it took and what came back."""

    user: int
    seconds: float
    error: str = ""
    cited: bool = False


@dataclass
class Results:
    outcomes: list[Outcome] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    args = _parser().parse_args(argv)
    questions = load_questions(args.questions or default_questions(args))
    if args.url:
        require_loopback(args.url)
        return _report(run_load(args.url, questions, args), args)
    with serve(Path(args.corpus), args.index, args.server_timeout) as url:
        return _report(run_load(url, questions, args), args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running app on 127.0.0.1 (default: start one)")
    parser.add_argument("--corpus", default=str(DEMO_CORPUS), help="folder to serve (no --url)")
    parser.add_argument("--index", help="index folder to build or reuse (default: a temp dir)")
    parser.add_argument("--questions", help="JSONL of {question, history}: default "
                        "evals/demo.jsonl for the demo corpus, else ../shared/eval/dev.jsonl")
    parser.add_argument("--users", type=int, default=25, help="concurrent users (default 25)")
    parser.add_argument("--rounds", type=int, default=2, help="questions per user (default 2)")
    parser.add_argument("--request-timeout", type=float, default=300.0,
                        help="seconds one answer may take before it counts as an error")
    parser.add_argument("--max-seconds", type=float, default=1200.0,
                        help="no new question is asked after this many seconds")
    parser.add_argument("--server-timeout", type=float, default=900.0,
                        help="seconds to wait for the started app (indexing included)")
    parser.add_argument("--auth", help="user:password when the app requires a login")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def default_questions(args: argparse.Namespace) -> Path:
    served_demo = not args.url and Path(args.corpus).resolve() == DEMO_CORPUS.resolve()
    if served_demo or not DEV_QUESTIONS.is_file():
        return DEMO_QUESTIONS
    return DEV_QUESTIONS


def load_questions(path: Path) -> list[tuple[str, list[str]]]:
    """(question, earlier questions) pairs of a JSONL question file."""
    questions = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            questions.append((str(item["question"]), [str(h) for h in item.get("history", [])]))
    if not questions:
        raise SystemExit(f"no questions in {path}")
    return questions


def require_loopback(url: str) -> None:
    """Refuse anything but this machine: the benchmark is a load generator."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SystemExit(f"refusing {url}: the load benchmark only talks to 127.0.0.1")


# --- the app under test ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(corpus: Path, index: str | None, timeout: float) -> Iterator[str]:
    """``assistant serve`` for ``corpus`` on a free loopback port; yields its URL."""
    with tempfile.TemporaryDirectory(prefix="load-bench-") as tmp:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        env.update(
            ASSISTANT_CORPUS_PATH=str(corpus.resolve()),
            ASSISTANT_INDEX_PATH=str(Path(index).resolve() if index else Path(tmp) / "index"),
            ASSISTANT_HOST="127.0.0.1",
            ASSISTANT_PORT=str(port),
            HF_HUB_OFFLINE="1",
            TOKENIZERS_PARALLELISM="false",
            GRADIO_ANALYTICS_ENABLED="False",
        )
        log = Path(tmp) / "server.log"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "assistant.cli", "serve"], cwd=REPO, env=env,
                stdout=out, stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}/"
        try:
            print(f"starting the app for {corpus} on {url} ...", flush=True)
            _wait_for(url, server, log, timeout)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_for(url: str, server: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the app exited:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"the app did not answer within {timeout:.0f} s")


# --- the load ----------------------------------------------------------------------------


def run_load(url: str, questions: list[tuple[str, list[str]]], args: argparse.Namespace) -> (
    tuple[Results, float]
):
    """All users at once; returns the outcomes and the wall time."""
    results = Results()
    start = threading.Barrier(args.users + 1)
    deadline = time.monotonic() + args.max_seconds
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    threads = [
        threading.Thread(
            target=_user, args=(n, url, questions, args, auth, start, deadline, results),
            daemon=True,
        )
        for n in range(args.users)
    ]
    for thread in threads:
        thread.start()
    start.wait()  # every user has connected; the clock starts now
    started = time.monotonic()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + args.request_timeout + 30)
    return results, time.monotonic() - started


def _user(
    n: int, url: str, questions: list[tuple[str, list[str]]], args: argparse.Namespace,
    auth: Any, start: threading.Barrier, deadline: float, results: Results,
) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False, auth=auth, download_files=False)
    except Exception as exc:  # a user who cannot connect counts every question as an error
        start.wait()
        for _ in range(args.rounds):
            results.add(Outcome(n, 0.0, f"connect: {type(exc).__name__}"))
        return
    start.wait()
    for round_ in range(args.rounds):
        if time.monotonic() > deadline:
            break
        question, history = questions[(n + round_ * args.users) % len(questions)]
        began = time.monotonic()
        try:
            job = client.submit(question, history, "Any", "", "", "Any", api_name=API_NAME)
            answer, _sources = job.result(timeout=args.request_timeout)
        except Exception as exc:
            results.add(Outcome(n, time.monotonic() - began, type(exc).__name__))
            continue
        seconds = time.monotonic() - began
        if not str(answer).strip():
            results.add(Outcome(n, seconds, "empty answer"))
        else:
            results.add(Outcome(n, seconds, cited="[1]" in str(answer)))


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(results: Results, wall: float, args: argparse.Namespace) -> dict[str, Any]:
    ok = [o.seconds for o in results.outcomes if not o.error]
    errors = Counter(o.error for o in results.outcomes if o.error)
    return {
        "users": args.users,
        "rounds": args.rounds,
        "requests": len(results.outcomes),
        "answered": len(ok),
        "cited": sum(o.cited for o in results.outcomes),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "p50_s": round(percentile(ok, 0.50), 2) if ok else None,
        "p95_s": round(percentile(ok, 0.95), 2) if ok else None,
        "max_s": round(max(ok), 2) if ok else None,
        "mean_s": round(statistics.fmean(ok), 2) if ok else None,
        "wall_s": round(wall, 1),
        "answers_per_s": round(len(ok) / wall, 2) if wall > 0 else None,
    }


def _report(run: tuple[Results, float], args: argparse.Namespace) -> int:
    figures = summary(*run, args)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(f"{figures['users']} users x {figures['rounds']} rounds: "
              f"{figures['requests']} requests, {figures['answered']} answered "
              f"({figures['cited']} with citations), {figures['errors']} errors "
              f"{figures['error_kinds'] or ''}")
        print(f"latency: p50 {figures['p50_s']} s, p95 {figures['p95_s']} s, "
              f"max {figures['max_s']} s, mean {figures['mean_s']} s")
        print(f"throughput: {figures['answers_per_s']} answers/s over {figures['wall_s']} s")
    return 0 if figures["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
