"""A careerkg command run as a terminal's foreground job, for Ctrl-C tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def foreground_job(args: Sequence[str], hooks: Path, **env: str) -> Iterator[subprocess.Popen[str]]:
    """``python -m kg ARGS`` in its own process group (as a shell's foreground job),
    loading the ``sitecustomize.py`` in ``hooks``, stderr piped as text; killed with
    its group if still running at the end."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), str(ROOT)]), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def ctrl_c(proc: subprocess.Popen[str]) -> str:
    """What Ctrl-C in a terminal does (SIGINT to the whole group); the rest of stderr."""
    os.killpg(proc.pid, signal.SIGINT)
    _, rest = proc.communicate(timeout=60)
    return rest
