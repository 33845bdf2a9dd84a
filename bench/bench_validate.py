"""``careerkg --store DIR validate`` on an ESCO store: wall and CPU time, peak memory and
findings, each phase's time, from the real files in ../shared/external.

The store is built in a temporary folder (about 15 s), or read from the folder
``CAREERKG_BENCH_ESCO_STORE`` names. Each run is a fresh process, as a data person
runs it after an import.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXTERNAL = Path(__file__).resolve().parents[1].parent / "shared" / "external"
ESCO = EXTERNAL / "esco"

PHASES = """
import json, resource, sys, time
from kg.validate import validate_store
marks = []
report = validate_store(sys.argv[1], on_phase=lambda name: marks.append((name, time.perf_counter())))
marks.append(("", time.perf_counter()))
print(json.dumps({"phases": [(a[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])],
                  "findings": len(report.findings)}))
"""


def _child(args: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one child process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, cpu, after.ru_maxrss / 1024, done.stdout


def _measure(store: str) -> None:
    wall, cpu, rss, out = _child(
        [sys.executable, "-m", "kg", "--store", store, "validate", "--format", "json"]
    )
    report = json.loads(out)
    print(
        f"validate      {wall:6.1f} s wall   {cpu:6.1f} s CPU   peak RSS {rss:5.0f} MiB   "
        f"{len(report['findings']):,} findings, conforms {report['conforms']}"
    )
    _wall, _cpu, _rss, out = _child([sys.executable, "-c", PHASES, store])
    for name, seconds in json.loads(out)["phases"]:
        print(f"  {name:<28} {seconds:6.1f} s")


def main() -> None:
    given = os.environ.get("CAREERKG_BENCH_ESCO_STORE")
    if given:
        _measure(given)
        return
    if not ESCO.is_dir():
        print(f"skipped: {ESCO} not found", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory(prefix="careerkg-bench-") as tmp:
        store = str(Path(tmp) / "esco-store")
        subprocess.run(
            [sys.executable, "-m", "kg", "import", "esco", str(ESCO), "--store", store],
            capture_output=True,
            check=True,
        )
        _measure(store)


if __name__ == "__main__":
    main()
