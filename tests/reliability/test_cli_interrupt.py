"""Ctrl-C in any command, or while its modules load: one line, exit 130, no traceback.

The modules a command needs (rdflib, networkx, pyoxigraph...) take about a second to
load; a Ctrl-C then used to print a page of import traceback (or click's "Aborted!",
exit 1, the exit code of a negative answer, once a command ran).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support.terminal import ctrl_c, foreground_job

# Loaded by the command's Python process through PYTHONPATH: Ctrl-C raises
# KeyboardInterrupt (as in a terminal, whatever the test runner ignores), and the
# process announces that it reached the point named by CAREERKG_TEST_WAIT, then waits
# there: while networkx loads, or in the path command's planning.
SITECUSTOMIZE = r"""
import importlib.abc, os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
WAIT = os.environ["CAREERKG_TEST_WAIT"]

def wait():
    print("WAITING", file=sys.stderr, flush=True)
    time.sleep(120)

class SlowImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "networkx" and WAIT == "import":
            wait()
        if name == "kg.paths" and WAIT == "command":
            spec = next(s for f in sys.meta_path[1:] if (s := f.find_spec(name, path, target)))
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                module.plan = lambda *a, **k: wait()

            spec.loader.exec_module = exec_module
            return spec
        return None

sys.meta_path.insert(0, SlowImport())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
@pytest.mark.parametrize("where", ["import", "command"])
def test_ctrl_c_says_interrupted_and_exits_130(tmp_path: Path, where: str) -> None:
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    with foreground_job(
        ["path", "Software Engineer", "Machine Learning Engineer"], tmp_path, CAREERKG_TEST_WAIT=where
    ) as proc:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert first == "WAITING\n", first + proc.stderr.read()
        rest = ctrl_c(proc)
    assert (proc.returncode, rest) == (130, "careerkg: interrupted\n")
