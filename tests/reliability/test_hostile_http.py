"""Hostile input over HTTP to a multi-worker ``careerkg serve``: URL path segments, SPARQL
text and Dash callback values answer 2xx/4xx (or 503 for a query stopped at its time
limit), never another 5xx, a traceback or a hang (``bench_fuzz`` runs 10,000+ cases each)."""

from __future__ import annotations

import urllib.parse
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from bench.fuzzing import HTTP_TARGETS, Target, check_segments
from tests.reliability.serving import Server, get

pytestmark = pytest.mark.server

CASES = {"url-segments": 25, "sparql-endpoint": 80, "dash-callbacks": 80}


@pytest.mark.parametrize("target", HTTP_TARGETS, ids=[t.name for t in HTTP_TARGETS])
def test_generated_requests_never_get_a_5xx(shared_server: Server, target: Target) -> None:
    outcomes: list[str] = []

    @settings(
        max_examples=CASES[target.name],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def case(value: Any) -> None:
        outcomes.append(target.check(shared_server.base, value))

    case()
    assert len(outcomes) >= CASES[target.name] // 2
    assert shared_server.health()["status"] == "ok"


@pytest.mark.parametrize(
    "name",
    [
        "..",
        "../../etc/passwd",
        "%00",
        "\x00",
        "a" * 2000,
        "<script>alert(1)</script>",
        "\u202e\ufeff💥",
        "%ff%fe",
    ],
)
def test_troublemaker_segments(shared_server: Server, name: str) -> None:
    assert check_segments(shared_server.base, (name, name, name))


def test_too_long_url_is_a_4xx(shared_server: Server) -> None:
    status, body = get(shared_server.base, "/node/" + "a" * 9000)
    assert 400 <= status < 500
    assert b"Traceback" not in body


def test_sparql_error_messages_are_plain_text(shared_server: Server) -> None:
    status, body = get(
        shared_server.base, "/sparql?" + urllib.parse.urlencode({"query": "SELECT <script> {"})
    )
    assert status == 400
    assert b"Traceback" not in body
