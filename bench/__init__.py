"""Benchmarks of careerkg: each ``bench/bench_*.py`` module has a ``main()`` that prints figures.

Run them all with ``python -m bench`` (or ``make bench``); pass module names to run
some (``python -m bench paths``).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence

__all__ = ["Timing", "time_calls"]


class Timing:
    """Latencies of repeated calls, in milliseconds."""

    def __init__(self, name: str, samples: Sequence[float]) -> None:
        self.name = name
        self.samples = sorted(samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        s = self.samples
        return s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]

    def line(self) -> str:
        return (
            f"{self.name:<58} median {self.median:8.2f} ms   p95 {self.p95:8.2f} ms   (n={len(self.samples)})"
        )


def time_calls(name: str, calls: Sequence[Callable[[], object]], warmup: int = 1) -> Timing:
    """Run each call once (after ``warmup`` untimed runs of the first) and time it."""
    for _ in range(warmup):
        if calls:
            calls[0]()
    samples = []
    for call in calls:
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
    return Timing(name, samples)
