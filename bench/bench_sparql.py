"""Timing of the named SPARQL examples on the embedded graph: ``python -m bench sparql``.

Each example runs once to warm the caches (prepared query, projection, label index,
path cache), then ``REPEAT`` times; the median and 95th percentile are printed, with
the rows returned. A path query with a fresh cache and the bounded stop of an
explosive cross join are timed as well.
"""

from __future__ import annotations

import contextlib
import statistics
import time

REPEAT = 30


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    from kg.errors import QueryTimeout
    from kg.sparql.engine import run_query
    from kg.sparql.examples import EXAMPLES, run_example
    from kg.sparql.paths import install
    from kg.store import Store

    install()
    started = time.perf_counter()
    store = Store.default()
    print(f"store: {len(store)} triples, loaded in {time.perf_counter() - started:.2f} s")
    print(f"{'example':<28}{'rows':>6}{'median ms':>11}{'p95 ms':>9}")
    for name in EXAMPLES:
        if name.startswith("gaps"):
            continue  # these read gap reports, absent from the embedded graph
        rows = len(run_example(store, name))
        times = []
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            run_example(store, name)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{name:<28}{rows:>6}{statistics.median(times):>11.1f}{_percentile(times, 0.95):>9.1f}")

    store.touch()  # drop the cached projection and paths
    t0 = time.perf_counter()
    run_example(store, "learning-path")
    print(f"learning-path, cold caches: {(time.perf_counter() - t0) * 1000:.0f} ms")

    limit = 1.0
    t0 = time.perf_counter()
    with contextlib.suppress(QueryTimeout):
        run_query(store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i", timeout=limit)
    print(f"explosive cross join, {limit:g} s limit: stopped after {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
