"""Benchmark of the dashboard: server-side time of every callback body on the shipped
graph, and the time until the first page is interactive in headless Chromium.

Run ``python bench/bench_dashboard.py`` (or ``make bench``). Each callback body is run
after one warm-up call; the median and the worst of the runs are printed in
milliseconds. The browser figure starts a real ``careerkg serve`` on a free loopback
port and measures from navigation until the explorer canvas has drawn its nodes.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

BUDGET_MS = 100.0
CHROMIUM = "/usr/bin/chromium"


def _time(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm-up (caches per store version)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def callback_timings(runs: int = 20) -> list[tuple[str, float, float]]:
    """``(callback, median ms, worst ms)`` for every callback body of the app."""
    from dashboard import ids
    from dashboard.downloads import render
    from dashboard.views import explorer, overview, path, query
    from kg.sparql.examples import EXAMPLES
    from kg.store import Store

    store = Store.default()
    swe = "https://w3id.org/careerkg/id/role/software-engineer"
    mle = "https://w3id.org/careerkg/id/role/machine-learning-engineer"
    head = "https://w3id.org/careerkg/id/role/head-of-data"
    dl = "https://w3id.org/careerkg/id/skill/deep-learning"
    py = "https://w3id.org/careerkg/id/skill/python"
    one = explorer.initial(dl)
    many = {"focus": py, "expanded": [dl, py, swe, mle], "limit": explorer.LIMIT}
    result = path.compute(store, swe, mle, [])
    long_result = path.compute(store, None, head, [], 2)
    example = next(iter(EXAMPLES))
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("explorer: search options ('deep lea')", lambda: explorer.search_options(store, "deep lea", None)),
        ("explorer: next state (click)", lambda: explorer.next_state(one, ids.EX_CANVAS, swe)),
        (
            "explorer: draw career ladder",
            lambda: explorer.canvas(store, explorer.initial(), None, None, "auto"),
        ),
        ("explorer: draw one neighbourhood", lambda: explorer.canvas(store, one, None, None, "auto")),
        ("explorer: draw 4 expanded (cap 150)", lambda: explorer.canvas(store, many, None, None, "auto")),
        ("explorer: draw 4 expanded, layered", lambda: explorer.canvas(store, many, None, None, "layered")),
        ("explorer: details + url", lambda: (explorer.details(store, one), explorer.url_of(store, one))),
        ("path: find SE -> MLE + render", lambda: path.render(store, path.compute(store, swe, mle, []))),
        (
            "path: find -> Head of Data, 2 alternatives + render",
            lambda: path.render(store, path.compute(store, None, head, [], 2)),
        ),
        ("path: render only", lambda: path.render(store, result)),
        (
            "path: downloads csv+json+md",
            lambda: [render(long_result["path"], f) for f in ("csv", "json", "md")],
        ),
        ("path: share url", lambda: path.share_url(store, swe, mle, [dl + ":2"])),
        (f"query: load example ({example})", lambda: query.editor_text(example)),
        (f"query: run example ({example})", lambda: query.run(store, query.editor_text(example)[0])),
        ("overview: data + figures (cached)", lambda: overview.overview(store)),
    ]
    out = []
    for name, fn in cases:
        median, worst = _time(fn, runs)
        out.append((name, median, worst))
    cold_store = Store.default()
    started = time.perf_counter()
    overview.overview(cold_store)
    out.append(
        ("startup: overview build (create_app, no request)", (time.perf_counter() - started) * 1000, 0.0)
    )
    return out


def first_page_seconds(
    runs: int = 3, serve_args: Sequence[str] = (), start_timeout: float = 60
) -> list[tuple[str, float]]:
    """``(path, seconds)`` from navigation to a drawn canvas, in fresh browser contexts:
    the start page ``runs`` times, then a node page and a path page. ``serve_args`` are
    added to ``careerkg serve`` (``["--store", DIR]`` for a persistent store)."""
    if not Path(CHROMIUM).exists():
        return []
    from playwright.sync_api import sync_playwright

    from tests.support.server import running_server

    with running_server(["--workers", "1", *serve_args], start_timeout=start_timeout) as url:
        times = []
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for path in (
                ["/"]
                + ["/"] * runs
                + ["/node/deep%20learning", "/path/Software%20Engineer/Machine%20Learning%20Engineer"]
            ):
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url + path)
                canvas = "path-canvas" if path.startswith("/path") else "explorer-canvas"
                page.wait_for_function(
                    "(id) => { const el = document.getElementById(id); return !!(el && el._cyreg && el._cyreg.cy && el._cyreg.cy.nodes().length); }",
                    arg=canvas,
                    timeout=30_000,
                )
                times.append((path, time.perf_counter() - started))
                context.close()
            browser.close()
        return times[1:]  # the first load warms the server's caches


def main() -> None:
    print("Server-side time of the dashboard callbacks on the shipped graph (ms)")
    print(f"{'callback':<58}{'median':>9}{'worst':>9}")
    slow = []
    for name, median, worst in callback_timings():
        startup = name.startswith("startup:")
        flag = "  <-- over budget" if median > BUDGET_MS and not startup else ""
        print(f"{name:<58}{median:>9.1f}{worst:>9.1f}{flag}")
        if median > BUDGET_MS and not startup:
            slow.append(name)
    print(
        f"budget {BUDGET_MS:.0f} ms per callback: {'all within' if not slow else 'OVER: ' + ', '.join(slow)}"
    )
    print()
    loads = first_page_seconds()
    if not loads:
        print(f"first page: skipped ({CHROMIUM} missing)")
        return
    print("First page interactive in headless Chromium (navigation -> canvas drawn)")
    for path, seconds in loads:
        print(f"  {path:<58}{seconds:>6.2f} s")


if __name__ == "__main__":
    main()
