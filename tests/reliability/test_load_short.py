"""A short load test (``bench_load`` runs the long one): concurrent clients mixing SPARQL
queries, path computations and dashboard callbacks get no 5xx and no connection errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.bench_load import run_load
from tests.reliability.serving import Server

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """Default limits (the shared server's 2 s query limit would stop the heaviest example)."""
    with Server(["--workers", "2", "--threads", "8", "--access-log", ""]) as srv:
        yield srv


def test_ten_clients_for_five_seconds_get_no_errors(server: Server) -> None:
    report = run_load(server.base, clients=10, seconds=5, pids=lambda: [server.pid, *server.workers()])
    kinds = {kind for kind, _, _ in report.samples}
    assert kinds >= {"sparql-example", "sparql-path", "dash-path", "dash-search", "dash-details"}
    assert len(report.samples) >= 20
    assert report.server_errors == 0, report.statuses
    assert set(report.statuses) <= {200, 204}, report.statuses
    assert not report.errors
    assert report.memory  # the server's memory was sampled
    assert server.health()["status"] == "ok"


def test_load_test_refuses_a_remote_host() -> None:
    with pytest.raises(ValueError, match="loopback"):
        run_load("http://example.org:80", clients=1, seconds=0.1, workload=object())  # type: ignore[arg-type]
