"""A time-limit interrupt the interpreter swallows (it landed in a finaliser or a weakref
callback) leaves no "Exception ignored" message in a server's log: the watchdog fires
again, so the query still stops. Other swallowed exceptions are still reported."""

from __future__ import annotations

import subprocess
import sys

import pytest

DYING = """
import kg.sparql.engine as engine

class Dying:
    def __del__(self):
        raise {exc}

Dying()
print("went on")
"""


@pytest.mark.parametrize(("exc", "reported"), [("engine._Deadline", False), ("ValueError('x')", True)])
def test_a_swallowed_deadline_is_not_reported(exc: str, reported: bool) -> None:
    done = subprocess.run(
        [sys.executable, "-c", DYING.format(exc=exc)], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout == "went on\n"
    assert ("Exception ignored in" in done.stderr) is reported, done.stderr
