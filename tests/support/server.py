"""Start a real ``careerkg serve`` on a free loopback port for a test, and stop it after."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pytest

ESCO_START_TIMEOUT = 300.0
"""How long a server over a fresh ESCO test store may take to answer ``/health``. Its first
start answers the 14 example queries for the store before it listens (24 s on an idle
2-core machine); each xdist worker imports and starts its own, so with both workers busy
one start took over 120 s in a CI run (2026-12-07). A bound on starting, not a speed
target: how fast the store reopens is ``python -m bench scale``'s."""


def free_port() -> int:
    """A TCP port nobody listens on right now, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(args: Sequence[str] = (), *, start_timeout: float = 60.0) -> Iterator[str]:
    """Run ``careerkg serve ARGS`` on a free port; yield its base URL once ``/health`` answers.

    The test fails (not errors) with the server's last output when it exits or does not
    answer within ``start_timeout`` seconds. The server is stopped on exit. Its stderr
    (where the access log goes) is a temporary file, so a full pipe never stalls it.
    """
    port = free_port()
    cmd = [sys.executable, "-m", "kg", "serve", "--host", "127.0.0.1", "--port", str(port), *args]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, text=True)
        try:
            deadline = time.monotonic() + start_timeout
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    pytest.fail(f"careerkg serve exited with {proc.returncode}: {log.read()[-2000:]}")
                try:
                    with urllib.request.urlopen(url + "/health", timeout=5) as resp:
                        if resp.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"careerkg serve {' '.join(args)} did not answer /health within {start_timeout:g} s"
                    )
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
