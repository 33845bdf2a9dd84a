"""Keeps the resident query engine (:mod:`kg.sparql.resident`) running: start it, start it again.

Run as a script (``python _supervisor.py LOCATION FOLDER MEMORY_MB PARENT_PID``), so it
imports only the standard library and stays a few MiB: it lives as long as the server.
It ends, with its engine, when the server ends or on ``SIGTERM``; when the server
ended without stopping it, it also removes the socket's folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from typing import Any

EXIT_RUNAWAY = 75
"""The engine's exit status when its watchdog stopped a query past its time limit."""

SOCKET = "engine.sock"
"""The engine's socket, in the folder the server made for it."""


def say(message: str, **fields: Any) -> None:
    """One JSON line on stderr (the server's error log)."""
    record = {"event": "resident-engine", "message": message, "pid": os.getpid(), **fields}
    print(json.dumps(record), file=sys.stderr, flush=True)


def supervise(location: str, folder: str, memory_mb: int, parent: int) -> None:
    """Keep one engine process for ``location`` running until ``parent`` (the server) ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when it ends
    code = f"from kg.sparql.resident import engine_main; engine_main({location!r}, {folder!r}, {memory_mb})"
    running: list[subprocess.Popen[bytes]] = []

    def stop(*_: Any) -> None:
        for child in running:
            child.kill()
        os._exit(0)

    def orphaned() -> None:
        # the server ended without its atexit (SIGKILL, a crash): remove the socket's folder for it
        for child in running:
            child.kill()
            child.wait()
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    failures = 0
    while True:
        began = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", code])
        running[:] = [child]
        while child.poll() is None:
            if os.getppid() != parent:  # the server is gone
                orphaned()
            time.sleep(0.2)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(folder, SOCKET))
        if child.returncode == EXIT_RUNAWAY:
            failures = 0
            say("loading the store again after stopping a runaway query")
            continue
        failures = failures + 1 if time.monotonic() - began < 120 else 1
        pause = min(60.0, 2.0**failures)
        say(f"the engine ended with status {child.returncode}; starting it again in {pause:.0f} s")
        until = time.monotonic() + pause
        while time.monotonic() < until:
            if os.getppid() != parent:  # the server ended during the pause
                orphaned()
            time.sleep(0.2)


if __name__ == "__main__":
    supervise(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
