"""A real ``chroma run`` on loopback for the integration tests, and a free port to put it on."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path


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
