"""Browser SPARQL tools calling the endpoint from another origin: a preflight asking
for a header beyond ``Accept`` and ``Content-Type`` (YASGUI with an ``Authorization``
header, jQuery's ``X-Requested-With``) was not allowed it, so the browser never sent
the query; and the answer's ``X-Query-Time`` and ``X-Cache`` were hidden from scripts."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.support.endpoint import endpoint_client

pytestmark = pytest.mark.usefixtures("ckf_extensions")  # the ckf: functions, each test


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return endpoint_client(timeout=5.0, max_rows=100)


def _allowed(header: str) -> set[str]:
    return {name.strip().lower() for name in header.split(",")}


def test_a_preflight_is_allowed_the_headers_it_asks_for(client: FlaskClient) -> None:
    r = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.triply.cc",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, x-requested-with, content-type",
        },
    )
    assert r.status_code == 204
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert _allowed(r.headers["Access-Control-Allow-Headers"]) == {
        "accept",
        "content-type",
        "authorization",
        "x-requested-with",
    }


def test_a_preflight_asking_nothing_gets_the_usual_headers(client: FlaskClient) -> None:
    r = client.options("/sparql", headers={"Origin": "https://x.org", "Access-Control-Request-Method": "GET"})
    assert _allowed(r.headers["Access-Control-Allow-Headers"]) == {"accept", "content-type"}


def test_a_malformed_header_list_is_not_echoed(client: FlaskClient) -> None:
    r = client.options(
        "/sparql",
        headers={"Origin": "https://x.org", "Access-Control-Request-Headers": "x-ok, bad header, <x>, y:z"},
    )
    assert _allowed(r.headers["Access-Control-Allow-Headers"]) == {"accept", "content-type", "x-ok"}


def test_scripts_may_read_the_query_time_and_the_cache_header(client: FlaskClient) -> None:
    r = client.get(
        "/sparql", query_string={"query": "ASK { ?s a ckg:Role }"}, headers={"Origin": "https://x.org"}
    )
    assert r.status_code == 200
    assert _allowed(r.headers["Access-Control-Expose-Headers"]) == {"x-query-time", "x-cache"}
    assert float(r.headers["X-Query-Time"]) >= 0
