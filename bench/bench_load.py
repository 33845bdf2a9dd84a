"""Load test: many concurrent clients against a real ``careerkg serve`` on loopback.

``python -m bench load`` starts ``careerkg serve --workers 2`` on a free loopback port,
runs 50 client threads for 60 s (each with its own keep-alive connection, no think time)
mixing the shipped ``/sparql`` example queries (with their default parameters, as the
app's SPARQL page gives them), the SPARQL learning-path query, the path
finder's Dash callback, and the explorer's search, node-details and page callbacks; then
the same on a store imported from ESCO v1.1.1 (``careerkg import esco … --store``) when
``../shared/external/esco/v1.1.1`` exists. It prints throughput, p50/p95/p99 latency (all
and per request kind), errors by status, and the server's memory (RSS and PSS of the
gunicorn master, its workers and their query processes, sampled every second). Targets: zero 5xx, p95 <= 500 ms,
memory flat (within 10 % from the end of the warm-up to the end).

Environment: ``CAREERKG_LOAD_CLIENTS`` (50), ``CAREERKG_LOAD_SECONDS`` (60),
``CAREERKG_LOAD_WORKERS`` (2), ``CAREERKG_LOAD_THREADS`` (8), ``CAREERKG_LOAD_THINK``
(seconds each client pauses between requests, comma-separated runs; default ``1,0``: people
clicking about once a second, then saturation), ``CAREERKG_LOAD_ESCO`` (``0`` skips the
ESCO run). Loopback only; every run stops by itself.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.dashclient import DashCallbacks, request

ROOT = Path(__file__).resolve().parents[1]
ESCO = ROOT.parent / "shared" / "external" / "esco" / "v1.1.1"
ROLE = "https://w3id.org/careerkg/id/role/"
PATH_QUERY = """PREFIX ckf: <https://w3id.org/careerkg/function#>
SELECT ?position ?step ?hours WHERE {
  ?row ckf:pathFrom <%s> ; ckf:pathTo <%s> ; ckf:position ?position ; ckf:step ?step ; ckf:hours ?hours .
} ORDER BY ?position"""
NODES_QUERY = """PREFIX ckg: <https://w3id.org/careerkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?n ?label WHERE { ?n a ckg:%s ; skos:prefLabel ?label } LIMIT 40"""

__all__ = ["LoadReport", "Workload", "run_load"]


@dataclass
class Workload:
    """What the clients ask for: (kind, method, path, body, headers) generators."""

    base: str
    roles: list[tuple[str, str]]
    skills: list[tuple[str, str]]
    path_pairs: list[tuple[str, str]]
    examples: list[str]
    dash: DashCallbacks

    @classmethod
    def discover(cls, base: str, path_pairs: list[tuple[str, str]] | None = None) -> Workload:
        """Find roles, skills and example queries by asking the server itself."""

        def nodes(kind: str) -> list[tuple[str, str]]:
            query = urllib.parse.urlencode({"query": NODES_QUERY % kind})
            status, body = request(base, "GET", "/sparql?" + query, headers={"Accept": "application/json"})
            if status != 200:
                raise RuntimeError(f"the server answered {status} to the node query")
            rows = json.loads(body)["results"]["bindings"]
            return [(r["n"]["value"], r["label"]["value"]) for r in rows]

        from kg.sparql.examples import EXAMPLES

        pairs = path_pairs or [
            (ROLE + "software-engineer", ROLE + "machine-learning-engineer"),
            (ROLE + "data-scientist", ROLE + "senior-machine-learning-engineer"),
            (ROLE + "software-engineer", ROLE + "head-of-data"),
        ]
        return cls(
            base,
            nodes("Role"),
            nodes("Skill"),
            pairs,
            [e.editable_text for e in EXAMPLES.values()],  # as the SPARQL page sends them
            DashCallbacks(base),
        )

    def next(self, rng: random.Random) -> tuple[str, str, str, bytes | None, dict[str, str]]:
        """One request: ``(kind, method, path, body, headers)``."""
        json_accept = {"Accept": "application/sparql-results+json, application/json"}
        dash_headers = {"Content-Type": "application/json"}
        roll = rng.random()
        if roll < 0.25:
            text = rng.choice(self.examples)
            return (
                "sparql-example",
                "GET",
                "/sparql?" + urllib.parse.urlencode({"query": text}),
                None,
                json_accept,
            )
        if roll < 0.35:
            src, tgt = rng.choice(self.path_pairs)
            form = urllib.parse.urlencode({"query": PATH_QUERY % (src, tgt)}).encode()
            headers = {**json_accept, "Content-Type": "application/x-www-form-urlencoded"}
            return "sparql-path", "POST", "/sparql", form, headers
        if roll < 0.55:
            src, tgt = rng.choice(self.path_pairs)
            body = self.dash.payload(
                "path-result.data",
                {"path-find.n_clicks": 1},
                {
                    "path-source.value": src,
                    "path-target.value": tgt,
                    "path-know.value": [],
                    "path-alternatives.value": 1,
                },
            )
            return "dash-path", "POST", "/_dash-update-component", body, dash_headers
        if roll < 0.75:
            label = rng.choice(self.skills + self.roles)[1]
            text = label[: rng.randint(3, max(3, min(12, len(label))))]
            body = self.dash.payload("explorer-search.options", {"explorer-search.search_value": text})
            return "dash-search", "POST", "/_dash-update-component", body, dash_headers
        if roll < 0.92:
            iri = rng.choice(self.skills + self.roles)[0]
            state = {"focus": iri, "expanded": [iri], "limit": 150}
            body = self.dash.payload("explorer-details.children", {"explorer-state.data": state})
            return "dash-details", "POST", "/_dash-update-component", body, dash_headers
        label = rng.choice(self.roles + self.skills)[1]
        body = self.dash.payload(
            "_pages_content.children",
            {"_pages_location.pathname": "/node/" + urllib.parse.quote(label), "_pages_location.search": ""},
        )
        return "dash-page", "POST", "/_dash-update-component", body, dash_headers


@dataclass
class LoadReport:
    """What a load run measured."""

    seconds: float
    samples: list[tuple[str, int, float]] = field(default_factory=list)  # kind, status, ms
    errors: Counter[str] = field(default_factory=Counter)
    memory: list[tuple[float, int, int]] = field(default_factory=list)  # t, rss kB, pss kB

    @property
    def statuses(self) -> Counter[int]:
        return Counter(s for _, s, _ in self.samples)

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)

    def percentiles(self, kind: str | None = None) -> tuple[float, float, float]:
        ms = sorted(m for k, _, m in self.samples if kind is None or k == kind)
        if not ms:
            return (0.0, 0.0, 0.0)
        q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else [ms[0]] * 99
        return q[49], q[94], q[98]

    def memory_drift(self, warmup: float) -> float | None:
        """Relative change of the total RSS from the end of the warm-up to the end."""
        after = [rss for t, rss, _ in self.memory if t >= warmup]
        if len(after) < 2 or not after[0]:
            return None
        return (after[-1] - after[0]) / after[0]

    def summary(self, title: str, warmup: float) -> str:
        n = len(self.samples)
        p50, p95, p99 = self.percentiles()
        lines = [
            f"{title}: {n:,} requests in {self.seconds:.0f} s = {n / self.seconds:,.1f} req/s; "
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms",
            "  statuses: "
            + ", ".join(f"{s} x{c:,}" for s, c in sorted(self.statuses.items()))
            + (f"; client errors: {dict(self.errors)}" if self.errors else "; no client errors"),
        ]
        by_kind: dict[str, int] = defaultdict(int)
        for k, _, _ in self.samples:
            by_kind[k] += 1
        for kind in sorted(by_kind):
            a, b, c = self.percentiles(kind)
            lines.append(f"  {kind:<15} {by_kind[kind]:>6,}  p50 {a:6.0f}  p95 {b:6.0f}  p99 {c:6.0f} ms")
        if self.memory:
            series = " ".join(
                f"{rss / 1024:.0f}" for _, rss, _ in self.memory[:: max(1, len(self.memory) // 12)]
            )
            drift = self.memory_drift(warmup)
            lines.append(
                f"  memory (master, workers, query processes): RSS MB over time {series}; "
                f"PSS at end {self.memory[-1][2] / 1024:.0f} MB; "
                + (f"drift after {warmup:.0f} s warm-up {drift * 100:+.1f} %" if drift is not None else "")
            )
        return "\n".join(lines)


def _memory(pids: list[int]) -> tuple[int, int]:
    rss = pss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1])
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def run_load(
    base: str,
    *,
    clients: int = 50,
    seconds: float = 60.0,
    workload: Workload | None = None,
    pids: Callable[[], list[int]] | None = None,
    seed: int = 0,
    timeout: float = 30.0,
    think: float = 0.0,
) -> LoadReport:
    """Run ``clients`` threads against ``base`` for ``seconds``; each stops by itself.

    Each client sends a request, waits for the answer, then pauses ``think`` seconds
    (uniformly 0.5x-1.5x: a person clicking) before the next; ``0`` saturates the server.
    """
    work = workload or Workload.discover(base)
    url = urllib.parse.urlsplit(base)
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"the load test runs on loopback only, not {url.hostname}")
    report = LoadReport(seconds=seconds)
    lock = threading.Lock()
    started = time.monotonic()
    stop_at = started + seconds

    def client(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        conn: http.client.HTTPConnection | None = None
        mine: list[tuple[str, int, float]] = []
        errors: Counter[str] = Counter()
        while time.monotonic() < stop_at:
            kind, method, path, body, headers = work.next(rng)
            t0 = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(
                        url.hostname or "127.0.0.1", url.port or 80, timeout=timeout
                    )
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                mine.append((kind, response.status, (time.perf_counter() - t0) * 1000))
                if response.will_close:
                    conn.close()
                    conn = None
                if think:
                    time.sleep(think * rng.uniform(0.5, 1.5))
            except (OSError, http.client.HTTPException) as err:
                errors[f"{kind}: {type(err).__name__}"] += 1
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()
        with lock:
            report.samples.extend(mine)
            report.errors.update(errors)

    sampler_stop = threading.Event()

    def sampler() -> None:
        while not sampler_stop.wait(1.0):
            if pids is not None:
                rss, pss = _memory(pids())
                report.memory.append((time.monotonic() - started, rss, pss))

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    watcher = threading.Thread(target=sampler, daemon=True)
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + timeout + 5)
    sampler_stop.set()
    watcher.join(5)
    report.seconds = time.monotonic() - started
    return report


def _env(name: str, default: str) -> str:
    return os.environ.get(f"CAREERKG_LOAD_{name}", default)


def _run_one(
    title: str, serve_args: list[str], path_pairs: list[tuple[str, str]] | None = None
) -> LoadReport:
    from tests.reliability.serving import Server

    clients, seconds = int(_env("CLIENTS", "50")), float(_env("SECONDS", "60"))
    thinks = [float(x) for x in _env("THINK", "1,0").split(",")]
    args = [
        "--workers",
        _env("WORKERS", "2"),
        "--threads",
        _env("THREADS", "8"),
        "--access-log",
        "",
        *serve_args,
    ]
    with Server(args, start_timeout=600) as srv:
        if "--in-memory" in serve_args:  # measured once the resident engine holds the store
            deadline = time.monotonic() + 600
            while srv.health().get("in_memory_engine") != "ready" and time.monotonic() < deadline:
                time.sleep(0.5)
        work = Workload.discover(srv.base, path_pairs)
        for _ in range(3):  # warm every worker's caches (ESCO: projection, label index)
            request(srv.base, "POST", "/_dash-update-component", work.next(random.Random(1))[3])
        for think in thinks:
            report = run_load(
                srv.base,
                clients=clients,
                seconds=seconds,
                workload=work,
                pids=srv.tree,
                think=think,
            )
            alive = srv.proc is not None and srv.proc.poll() is None
            if report.server_errors:  # what the server logged about them
                errors = Counter(
                    line
                    for line in srv.log_text().splitlines()
                    if line and line[0].isalpha() and "Error" in line
                )
                for line, n in errors.most_common(5):
                    print(f"  server log: {n} x {line[:200]}")
            warmup = min(20.0, seconds / 3)
            pace = f"think {think:g} s" if think else "no think time (saturation)"
            print(
                report.summary(
                    f"{title} ({clients} clients, {pace}, {args[1]} workers x {args[3]} threads)", warmup
                )
            )
            p95 = report.percentiles()[1]
            drift = report.memory_drift(warmup)
            print(
                f"  targets: 5xx {report.server_errors} (0) {'ok' if not report.server_errors else 'MISSED'}; "
                f"p95 {p95:.0f} ms (<= 500) {'ok' if p95 <= 500 else 'MISSED'}; "
                f"memory {'flat' if drift is not None and abs(drift) <= 0.10 else 'NOT flat'}; "
                f"server alive {alive}"
            )
    return report


def main() -> None:
    _run_one("embedded graph", [])
    if _env("ESCO", "1") == "0":
        return
    if not ESCO.is_dir():
        print(f"ESCO not found at {ESCO}: the ESCO load run is skipped")
        return
    with tempfile.TemporaryDirectory(prefix="careerkg-load-") as tmp:
        store = Path(tmp) / "esco-store"
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "kg", "import", "esco", str(ESCO), "--store", str(store)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(
                f"ESCO import failed ({done.returncode}): {done.stderr[-800:]}; the ESCO load run is skipped"
            )
            return
        print(f"imported ESCO v1.1.1 into a store in {time.perf_counter() - t0:.0f} s")
        esco_role = "http://data.europa.eu/esco/occupation/"
        pairs = _esco_pairs(store) or None
        if pairs is None:
            print(f"  (no ESCO occupations with a path found under {esco_role}; curated pairs used)")
        _run_one("ESCO v1.1.1 store", ["--store", str(store)], pairs)
        _run_one("ESCO v1.1.1 store, --in-memory", ["--store", str(store), "--in-memory"], pairs)


def _esco_pairs(store: Path) -> list[tuple[str, str]]:
    """Path pairs from ESCO occupations joined to the curated ladder (software developers)."""
    from kg.store import Store

    s = Store.open(store)
    q = """PREFIX ckg: <https://w3id.org/careerkg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?r WHERE { ?r a ckg:Role ; skos:prefLabel ?l FILTER(STR(?l) IN
      ("software developer", "data scientist", "ICT research consultant", "data analyst")) }"""
    sources = [str(row[0]) for row in s.graph.query(q)]
    del s
    targets = [ROLE + "machine-learning-engineer", ROLE + "head-of-data"]
    return [(a, b) for a in sources for b in targets] + [
        (ROLE + "software-engineer", ROLE + "machine-learning-engineer")
    ]


if __name__ == "__main__":
    main()
