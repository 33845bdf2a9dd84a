"""Long fuzz runs: 10,000+ generated hostile inputs per entry point (``python -m bench fuzz``).

In-process targets (curriculum CSV / Turtle uploads, ``--data`` files, path names, SPARQL
text) and HTTP targets against a real ``careerkg serve --workers 2`` on a free loopback
port (URL path segments, the ``/sparql`` endpoint, the Dash callbacks). For each target it
prints the number of cases, their outcomes (``ok``, the careerkg error raised, the HTTP
statuses answered), the slowest case and the failures: any other exception, a 5xx other
than a query stopped at its time limit, a traceback shown, or a case over its time bound.
The first failing input of a target is written to ``$TMPDIR/careerkg-fuzz-<target>.txt``.

Environment: ``CAREERKG_FUZZ_CASES`` (default 10000), ``CAREERKG_FUZZ_TARGETS``
(comma-separated names; default all), ``CAREERKG_FUZZ_SECONDS`` (per-target time cap,
default 900: the run stops by itself).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

from bench.fuzzing import HTTP_TARGETS, LOCAL_TARGETS, Target, seed_file

CASES = int(os.environ.get("CAREERKG_FUZZ_CASES", "10000"))
CAP_SECONDS = float(os.environ.get("CAREERKG_FUZZ_SECONDS", "900"))


class _Stop(BaseException):
    """The per-target time cap was reached."""


def fuzz(target: Target, check: Callable[[Any], str], cases: int, cap: float) -> dict[str, Any]:
    """Run ``cases`` generated inputs through ``check``; counts, slowest and failures."""
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    slowest = 0.0
    started = time.monotonic()

    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def case(value: Any) -> None:
        nonlocal slowest
        if time.monotonic() - started > cap:
            raise _Stop
        t0 = time.perf_counter()
        try:
            outcomes[check(value)] += 1
        except BaseException as err:  # every failure is counted
            if isinstance(err, KeyboardInterrupt | _Stop):
                raise
            outcomes["FAILED"] += 1
            if not failures:
                seed_file(target.name).write_text(repr(value) + "\n\n" + traceback.format_exc())
            if len(failures) < 5:
                failures.append(f"{type(err).__name__}: {str(err)[:200]} <- {value!r:.200}")
        slowest = max(slowest, time.perf_counter() - t0)

    with contextlib.suppress(_Stop):
        case()
    return {
        "cases": sum(outcomes.values()),
        "outcomes": outcomes,
        "failures": failures,
        "slowest": slowest,
        "seconds": time.monotonic() - started,
    }


def _print(name: str, r: dict[str, Any]) -> None:
    top = ", ".join(f"{k} {v}" for k, v in r["outcomes"].most_common(6))
    print(
        f"{name:<18} {r['cases']:>7,} cases in {r['seconds']:6.1f} s  slowest {r['slowest'] * 1000:7.0f} ms"
        f"  failures {r['outcomes'].get('FAILED', 0)}  [{top}]"
    )
    for failure in r["failures"]:
        print(f"    ! {failure}")


def main(argv: list[str] | None = None) -> int:
    import logging

    logging.getLogger("rdflib").setLevel(logging.ERROR)  # generated IRIs: "does not look like a valid URI"
    wanted = {t for t in os.environ.get("CAREERKG_FUZZ_TARGETS", "").split(",") if t}
    print(f"fuzz: up to {CASES:,} generated cases per target (cap {CAP_SECONDS:.0f} s each)")
    failed = 0
    for target in LOCAL_TARGETS:
        if wanted and target.name not in wanted:
            continue
        r = fuzz(target, target.check, CASES, CAP_SECONDS)
        _print(target.name, r)
        failed += r["outcomes"].get("FAILED", 0)
    http = [t for t in HTTP_TARGETS if not wanted or t.name in wanted]
    if http:
        from tests.reliability.serving import Server

        with Server(["--workers", "2", "--threads", "8", "--timeout", "2", "--access-log", ""]) as srv:
            for target in http:
                r = fuzz(target, lambda value, t=target: t.check(srv.base, value), CASES, CAP_SECONDS)
                _print(target.name, r)
                failed += r["outcomes"].get("FAILED", 0)
            workers = srv.workers()
            print(f"server still up after the HTTP fuzz: {srv.health()['status']}, {len(workers)} workers")
    print(f"fuzz: {failed} failing case(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
