"""A real ``careerkg serve`` (gunicorn) on a free loopback port, for the reliability tests.

``with Server(["--workers", "2"]) as srv:`` starts it, waits for ``/health`` and stops it
(SIGTERM, then SIGKILL) on the way out; ``srv.workers()`` lists the worker pids (the
children of the gunicorn master, which is the ``careerkg serve`` process itself).
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from bench.dashclient import request

ROOT = Path(__file__).resolve().parents[2]

__all__ = ["ROOT", "Server", "free_port", "get", "post"]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(
    base: str, path: str, timeout: float = 20.0, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """``GET base+path``: ``(status, body)``."""
    return request(base, "GET", path, None, headers, timeout)


def post(base: str, path: str, body: bytes, content_type: str, timeout: float = 20.0) -> tuple[int, bytes]:
    """``POST base+path``: ``(status, body)``."""
    return request(base, "POST", path, body, {"Content-Type": content_type}, timeout)


class Server:
    """``careerkg serve ARGS`` on loopback; the access and error log go to ``self.log``."""

    def __init__(
        self, args: list[str] = (), env: dict[str, str] | None = None, start_timeout: float = 90
    ) -> None:  # type: ignore[assignment]
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.args = list(args)
        self.env = {**os.environ, **(env or {})}
        self.start_timeout = start_timeout
        self.log = Path(tempfile.mkstemp(prefix="careerkg-serve-", suffix=".log")[1])
        atexit.register(self.log.unlink, True)  # tests read it after stop(); gone with the test run
        self.proc: subprocess.Popen[bytes] | None = None
        self.expected = int(self.args[self.args.index("--workers") + 1]) if "--workers" in self.args else 2

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> Server:
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kg", "serve", "--port", str(self.port), *self.args],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"careerkg serve exited {self.proc.returncode}: {self.log_text()[-3000:]}")
            try:
                if get(self.base, "/health", timeout=2)[0] == 200 and len(self.workers()) >= self.expected:
                    return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"careerkg serve did not answer /health in {self.start_timeout} s")
            time.sleep(0.1)

    def health(self) -> dict[str, Any]:
        status, body = get(self.base, "/health", timeout=5)
        assert status == 200, body
        return json.loads(body)  # type: ignore[no-any-return]

    def workers(self) -> list[int]:
        """The pids of the live gunicorn workers (children of the master)."""
        path = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def tree(self) -> list[int]:
        """The master and every process under it: workers and their query processes."""
        return sorted({self.pid, *descendants(self.pid)})

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def access_records(self) -> list[dict[str, Any]]:
        """The JSON access-log lines written so far."""
        out = []
        for line in self.log_text().splitlines():
            if line.startswith("{"):
                try:
                    out.append(json.loads(line))
                except ValueError:
                    continue
        return out

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)  # gunicorn: quick shutdown
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        self.log.unlink(missing_ok=True)


def descendants(root: int) -> set[int]:
    """Every live process under ``root`` (children, grandchildren...), from ``/proc``."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, ppid in parents.items() if ppid in frontier} - found
        found |= frontier
    return found
