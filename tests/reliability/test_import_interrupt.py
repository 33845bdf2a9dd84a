"""Ctrl-C while an import saves the store's views: one line and exit 130, no tracebacks.

The views are built in child processes; a Ctrl-C in a terminal reaches the whole
process group, children included. Each child used to print a KeyboardInterrupt
traceback under the command's own message.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.kg.test_import_esco import make_esco
from tests.support.terminal import ctrl_c, foreground_job

# Loaded by every Python process of the run (parent and view builders) through
# PYTHONPATH: Ctrl-C raises KeyboardInterrupt (as in a terminal, whatever the test
# runner ignores), and building a view announces itself and then waits, so the test
# interrupts the children at a known point.
SITECUSTOMIZE = r"""
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
import kg.derived_cache as derived

def waiting(location, key):
    print(f"BUILDING {key}", file=sys.stderr, flush=True)
    time.sleep(120)

derived._build_and_save = waiting
"""


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_while_saving_views_prints_no_traceback(tmp_path: Path) -> None:
    esco = make_esco(tmp_path / "esco")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    store = tmp_path / "store"
    args = ["import", "esco", str(esco), "--store", str(store), "--without-curated"]
    lines: list[str] = []
    with foreground_job(args, hooks) as proc:
        assert proc.stderr is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(line.startswith("BUILDING") for line in lines):
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            lines.append(line)
        assert any(line.startswith("BUILDING") for line in lines), "".join(lines)
        time.sleep(0.5)  # every builder started (they start side by side)
        rest = ctrl_c(proc)
    err = "".join(lines) + rest
    assert proc.returncode == 130, err
    assert "careerkg: interrupted while saving the views" in err
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err
