"""Queries whose bytes are not UTF-8 reach the endpoint from Latin-1 clients (Windows
PowerShell 5 sends a string body as ISO-8859-1): they were read with U+FFFD or the
escape text (``caf%E9``) in place of the letter, and answered a different question, as
if correctly. They are refused now with where the byte is, and a body that names its
charset is read in it."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.support.endpoint import endpoint_client

pytestmark = pytest.mark.usefixtures("ckf_extensions")  # the ckf: functions, each test

CAFE = 'SELECT ?x WHERE { BIND("café" AS ?x) }'
NOT_UTF8 = "not UTF-8 text: line 1, byte 0xE9 after '?x WHERE { BIND(\"caf', 'é' in Windows-1252"


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return endpoint_client(timeout=5.0, max_rows=100)


def _value(response: object) -> str:
    return str(response.json["results"]["bindings"][0]["x"]["value"])  # type: ignore[attr-defined]


def test_a_latin1_body_is_refused_with_the_byte(client: FlaskClient) -> None:
    r = client.post("/sparql", data=CAFE.encode("latin-1"), content_type="application/sparql-query")
    assert r.status_code == 400
    assert r.text.startswith(f"the query's body is {NOT_UTF8}; send the query in UTF-8")
    assert "charset=ISO-8859-1" in r.text


@pytest.mark.parametrize("charset", ["ISO-8859-1", "latin-1", "windows-1252"])
def test_a_body_naming_its_charset_is_read_in_it(client: FlaskClient, charset: str) -> None:
    r = client.post(
        "/sparql", data=CAFE.encode("latin-1"), content_type=f"application/sparql-query; charset={charset}"
    )
    assert r.status_code == 200
    assert _value(r) == "café"


def test_an_unknown_charset_is_415(client: FlaskClient) -> None:
    r = client.post("/sparql", data=CAFE.encode(), content_type="application/sparql-query; charset=nope")
    assert r.status_code == 415
    assert "unknown charset 'nope'" in r.text


@pytest.mark.parametrize(
    ("send", "where"),
    [
        (lambda c, q: c.get("/sparql?query=" + q), "parameter"),
        (
            lambda c, q: c.post(
                "/sparql", data=b"query=" + q.encode(), content_type="application/x-www-form-urlencoded"
            ),
            "form field",
        ),
    ],
)
def test_percent_escaped_latin1_is_refused(client: FlaskClient, send: object, where: str) -> None:
    latin1 = "SELECT+%3Fx+WHERE+%7B+BIND%28%22caf%E9%22+AS+%3Fx%29+%7D"
    r = send(client, latin1)  # type: ignore[operator]
    assert r.status_code == 400
    assert r.text.startswith(f"the query's {where} is {NOT_UTF8}")
    utf8 = "SELECT+%3Fx+WHERE+%7B+BIND%28%22caf%C3%A9%22+AS+%3Fx%29+%7D"
    good = send(client, utf8)  # type: ignore[operator]
    assert good.status_code == 200
    assert _value(good) == "café"


def test_unicode_round_trips_in_every_way_of_sending(client: FlaskClient) -> None:
    query = 'SELECT ?x WHERE { BIND("日本語 ünïcödé 🚀 10%" AS ?x) }'
    answers = [
        client.get("/sparql", query_string={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", data=query.encode(), content_type="application/sparql-query"),
    ]
    assert [_value(r) for r in answers] == ["日本語 ünïcödé 🚀 10%"] * 3
