"""The /sparql endpoint opened by a person in a web browser, and by SPARQL clients.

A browser asks for HTML first and then ``application/xml;q=0.9, */*;q=0.8``: the endpoint
answered the bare address with RDF/XML and a query with SPARQL XML, which browsers do not
show but download as a file named ``sparql``. The app's top bar and SPARQL page link
there. A browser now gets a page saying how to query the endpoint, and a query is sent
to the SPARQL page; SPARQL clients, which name a result format, get what they got.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient
from rdflib import Graph

from kg.store import Store
from tests.support.endpoint import endpoint_client

pytestmark = pytest.mark.usefixtures("ckf_extensions")  # the ckf: functions, each test

CHROME = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
    "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SELECT = "SELECT ?r ?l WHERE { ?r a ckg:Role ; skos:prefLabel ?l } ORDER BY ?l"


def _client(store: Store, page: str | None) -> FlaskClient:
    return endpoint_client(store, timeout=5.0, max_rows=500, page=page)


@pytest.fixture
def client(store: Store) -> FlaskClient:
    return _client(store, "/query")


@pytest.mark.parametrize("accept", [CHROME, FIREFOX, "text/html"])
def test_a_browser_at_the_endpoint_gets_a_page_on_how_to_query_it(client: FlaskClient, accept: str) -> None:
    r = client.get("/sparql", headers={"Accept": accept})
    assert r.status_code == 200
    assert r.mimetype == "text/html"
    assert "curl -G http://localhost/sparql" in r.text
    assert '<a href="/query">SPARQL page</a>' in r.text
    assert "500 rows (or triples) per answer" in r.text
    assert "5 s per query" in r.text
    assert "ckg:" in r.text
    assert "application/sparql-results+json" in r.text


def test_the_page_links_the_service_description_in_formats_a_browser_shows(client: FlaskClient) -> None:
    page = client.get("/sparql", headers={"Accept": CHROME}).text
    assert '<a href="?format=ttl">Turtle</a>' in page
    r = client.get("/sparql?format=ttl", headers={"Accept": CHROME})
    assert r.mimetype == "text/turtle"
    sd = Graph().parse(data=r.text, format="turtle")
    assert len(sd) > 10


def test_the_page_is_html_escaped(store: Store) -> None:
    from kg.sparql.endpoint import service_page

    html = service_page('http://x/sparql?a="<b>', store, page='/q?x="y"')
    assert '"<b>' not in html
    assert "sparql?a=&quot;&lt;b&gt;" in html
    assert 'href="/q?x=&quot;y&quot;"' in html


def test_a_browser_opening_a_query_is_sent_to_the_sparql_page(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": CHROME})
    assert r.status_code == 303
    location = urlsplit(r.headers["Location"])
    assert location.path == "/query"
    assert parse_qs(location.query) == {"query": [SELECT]}
    # HEAD, as a browser's link preview asks, goes the same way
    head = client.head("/sparql", query_string={"query": SELECT}, headers={"Accept": FIREFOX})
    assert head.status_code == 303


def test_without_a_page_a_browser_query_is_answered_as_before(store: Store) -> None:
    r = _client(store, None).get("/sparql", query_string={"query": SELECT}, headers={"Accept": CHROME})
    assert r.status_code == 200
    assert r.mimetype == "application/sparql-results+xml"


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("application/sparql-results+json,*/*;q=0.9", "application/sparql-results+json"),  # YASGUI
        (  # SPARQLWrapper's JSON
            "application/sparql-results+json,application/json,text/javascript,application/javascript",
            "application/sparql-results+json",
        ),
        ("text/html, application/sparql-results+xml", "application/sparql-results+xml"),  # ranked alike
        ("text/html;q=0.5, text/csv", "text/csv"),
    ],
)
def test_sparql_clients_get_results_as_before(client: FlaskClient, accept: str | None, media: str) -> None:
    headers = {"Accept": accept} if accept is not None else {}
    r = client.get("/sparql", query_string={"query": SELECT}, headers=headers)
    assert r.status_code == 200
    assert r.mimetype == media
    bare = client.get("/sparql", headers=headers)
    assert bare.status_code == 200
    assert bare.mimetype != "text/html"


def test_a_format_parameter_in_a_browser_gives_that_format(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT, "format": "json"}, headers={"Accept": CHROME})
    assert r.status_code == 200
    assert r.mimetype == "application/sparql-results+json"
    assert len(r.json["results"]["bindings"]) == 16


def test_a_browser_post_is_answered_not_redirected(client: FlaskClient) -> None:
    # an HTML form posting a query to the endpoint gets the results (a redirect would lose the body)
    r = client.post("/sparql", data={"query": SELECT}, headers={"Accept": CHROME})
    assert r.status_code == 200
    assert r.mimetype == "application/sparql-results+xml"


def test_updates_from_a_browser_are_still_refused(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"update": "CLEAR ALL"}, headers={"Accept": CHROME})
    assert r.status_code == 403
