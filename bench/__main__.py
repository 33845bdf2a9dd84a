"""Run every ``bench/bench_*.py`` module's ``main()``: ``python -m bench [NAME]... [--write]``."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    names = sorted(p.stem for p in here.glob("bench_*.py"))
    if {"-h", "--help"} & set(argv):
        print(__doc__.strip())
        for name in names:
            doc = (importlib.import_module(f"bench.{name}").__doc__ or "").strip()
            summary = " ".join(doc.split("\n\n")[0].split())  # the first paragraph, on one line
            print(f"  {name.removeprefix('bench_'):<10} {summary}")
        return 0
    # options (``--write``) are the benchmarks' own: they read them from sys.argv
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in argv if not n.startswith("-")]
    unknown = [n for n in wanted if n not in names]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(names)}", file=sys.stderr)
        return 2
    for name in wanted or names:
        print(f"== {name}")
        t0 = time.perf_counter()
        importlib.import_module(f"bench.{name}").main()
        print(f"   ({time.perf_counter() - t0:.1f} s)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
