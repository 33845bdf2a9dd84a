"""``python -m bench --help`` lists the benchmarks instead of running them all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_every_benchmark_and_runs_none() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bench", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    names = sorted(p.stem.removeprefix("bench_") for p in (ROOT / "bench").glob("bench_*.py"))
    listed = [line.split()[0] for line in out.stdout.splitlines()[1:]]
    assert listed == names
    assert "==" not in out.stdout  # no benchmark ran


def test_an_unknown_benchmark_is_refused_with_the_known_names() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bench", "nope"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 2
    assert "unknown benchmark(s): bench_nope" in out.stderr
    assert "bench_paths" in out.stderr
