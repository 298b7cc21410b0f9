"""Parse files in child processes with a time and a memory limit, so that one pathological file
(a PDF that makes the parser loop, or eat all memory, or crash) costs only itself.

Workers come from a ``forkserver`` (or ``spawn``) context: they never inherit the parent's
threads or its imported torch, and each sets ``RLIMIT_AS`` before it parses anything. A file
that runs past its time limit gets its worker killed; the pool is rebuilt and the remaining
files still load.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from assistant.errors import LoadError
from assistant.ingest.loaders import load_file
from assistant.types import LoadedDocument

Outcome = tuple[str, LoadedDocument | str]


def load_files(
    paths: Iterable[Path],
    root: Path,
    *,
    timeout: float,
    memory_mb: int,
    workers: int = 1,
) -> Iterator[tuple[Path, LoadedDocument | LoadError]]:
    """Load each file in a child process; yield ``(path, document or LoadError)`` as each one
    finishes (completion order, which is input order when ``workers == 1``).

    A file that takes longer than ``timeout`` seconds, or whose worker dies or runs out of its
    ``memory_mb`` address space, becomes a ``LoadError``; it never stops the other files.
    """
    runner = _Runner(root, timeout=timeout, memory_mb=memory_mb, workers=max(1, workers))
    try:
        yield from runner.run(paths)
    finally:
        runner.close()


def load_file_guarded(path: Path, root: Path, *, timeout: float, memory_mb: int) -> LoadedDocument:
    """One file, parsed in a limited child process. Raises ``LoadError`` like ``load_file``."""
    for _, result in load_files([path], root, timeout=timeout, memory_mb=memory_mb):
        if isinstance(result, LoadError):
            raise result
        return result
    raise LoadError(path, "parser returned nothing")  # unreachable: one path in, one result out


class _Runner:
    """Keeps at most ``workers`` files in flight, each with its own deadline."""

    def __init__(self, root: Path, *, timeout: float, memory_mb: int, workers: int) -> None:
        self.root = root
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        # future → (path, deadline, alone): "alone" files were in flight when a worker died,
        # so they are retried one at a time to find the one that kills its worker.
        self.inflight: dict[Future[Outcome], tuple[Path, float, bool]] = {}

    def run(self, paths: Iterable[Path]) -> Iterator[tuple[Path, LoadedDocument | LoadError]]:
        queue: deque[tuple[Path, bool]] = deque((p, False) for p in paths)
        while queue or self.inflight:
            self._submit(queue)
            deadline = min(d for _, d, _ in self.inflight.values())
            done, _ = wait(
                self.inflight, timeout=max(0.0, deadline - time.monotonic()),
                return_when=FIRST_COMPLETED,
            )
            broken = False
            for future in done:
                path, _, alone = self.inflight.pop(future)
                try:
                    status, value = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone or self.workers == 1:
                        yield path, LoadError(path, self._memory_reason())
                    else:
                        queue.appendleft((path, True))
                    continue
                yield path, self._outcome(path, status, value)
            if broken:
                self._restart(queue, alone=self.workers > 1)
                continue
            now = time.monotonic()
            for future in [f for f, (_, d, _) in self.inflight.items() if d <= now]:
                if not future.done():
                    path = self.inflight.pop(future)[0]
                    reason = f"parser exceeded the {self.timeout:g} s time limit"
                    yield path, LoadError(path, reason)
                    broken = True
            if broken:
                self._restart(queue, alone=False)

    def close(self) -> None:
        """Stop every worker (used on exit and before a pool is rebuilt)."""
        if self.pool is None:
            return
        # The executor has no public "kill": a worker stuck in C code ignores shutdown().
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        for proc in procs:
            if proc.is_alive():
                proc.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            proc.join(timeout=5)
        self.pool = None

    def _submit(self, queue: deque[tuple[Path, bool]]) -> None:
        while queue and len(self.inflight) < self.workers:
            path, alone = queue[0]
            if alone and self.inflight:
                return
            queue.popleft()
            if self.pool is None:
                self.pool = _new_pool(self.workers, self.memory_mb)
            future = self.pool.submit(_parse, str(path), str(self.root))
            self.inflight[future] = (path, time.monotonic() + self.timeout, alone)
            if alone:
                return

    def _restart(self, queue: deque[tuple[Path, bool]], *, alone: bool) -> None:
        """Kill the pool; files still in flight go back to the front of the queue."""
        for path, _, was_alone in reversed(list(self.inflight.values())):
            queue.appendleft((path, alone or was_alone))
        self.inflight.clear()
        self.close()

    def _outcome(self, path: Path, status: str, value: LoadedDocument | str) -> (
        LoadedDocument | LoadError
    ):
        if status == "ok" and isinstance(value, LoadedDocument):
            return value
        if status == "memory":
            return LoadError(path, self._memory_reason())
        return LoadError(path, str(value))

    def _memory_reason(self) -> str:
        return f"parser exceeded the {self.memory_mb} MB memory limit or crashed"


def _new_pool(workers: int, memory_mb: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker,
        initargs=(memory_mb, os.getpid()),
    )


def _init_worker(memory_mb: int, owner_pid: int) -> None:
    """Worker initializer: the memory cap, and an exit when the process that owns the pool dies."""
    _limit_memory(memory_mb)
    threading.Thread(target=_exit_when_gone, args=(owner_pid,), daemon=True).start()


def _exit_when_gone(owner_pid: int, interval: float = 0.5) -> None:
    """Exit as soon as ``owner_pid`` is gone.

    A worker holds the write end of its own call queue, so it never sees end-of-file when the
    ingest is killed (SIGKILL: no clean-up runs); it would wait forever, and keep the forkserver
    and resource tracker alive with it. Its parent is the forkserver, so a parent-death signal
    would not fire either: it watches the owner's pid instead."""
    while _alive(owner_pid):
        time.sleep(interval)
    os._exit(1)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a killed process not yet reaped by its parent is a zombie: gone)."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # PermissionError: the pid was reused
        return False
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc: trust kill()


def _limit_memory(memory_mb: int) -> None:
    """Worker initializer: cap the address space so a runaway parser gets MemoryError.

    The cap is ``memory_mb`` on top of what the worker already maps: a worker re-imports the
    parent's ``__main__``, which may have pulled in torch (a gigabyte of address space)."""
    try:
        import resource
    except ImportError:  # not on POSIX: run without a memory cap
        return
    limit = _mapped_bytes() + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _mapped_bytes() -> int:
    """Address space this process maps now (Linux), else 0."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    import resource

    return pages * resource.getpagesize()


def _parse(path: str, root: str) -> Outcome:
    """Runs in the worker. Returns plain data: ``LoadError`` does not survive pickling."""
    try:
        return "ok", load_file(Path(path), Path(root))
    except LoadError as exc:
        return "error", exc.reason
    except MemoryError:
        return "memory", ""
