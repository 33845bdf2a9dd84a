"""The /sparql blueprint as SPARQL 1.1 Protocol clients use it: results that parse back
exactly, negotiation that honours ``q=0`` and the client libraries' ``Accept`` lists,
``HEAD``, and limit messages that say what to change."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlconnector import SPARQLConnector
from rdflib.query import Result

from kg.sparql import paths as sparql_paths
from kg.sparql.endpoint import sparql_blueprint
from kg.sparql.engine import QueryResult
from kg.sparql.formats import FORMATS, negotiate
from kg.store import Store

CONSTRUCT = "CONSTRUCT { ?r a ckg:Role } WHERE { ?r a ckg:Role }"
SELECT = "SELECT ?r WHERE { ?r a ckg:Role }"


@pytest.fixture(autouse=True)
def extensions(monkeypatch: pytest.MonkeyPatch) -> None:
    for registry, key, value in sparql_paths.extension_entries():
        monkeypatch.setitem(registry, key, value)


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


@pytest.fixture
def client(store: Store) -> FlaskClient:
    app = Flask(__name__)
    app.register_blueprint(sparql_blueprint(store, timeout=1.0, max_rows=50))
    return app.test_client()


def test_xml_results_keep_carriage_returns() -> None:
    # an XML parser turns a raw CR (and CR LF) into LF: the literal must be written as &#13;
    value = Literal("line one\r\nline two\rend")
    res = QueryResult("SELECT", ["v"], [(value,)])
    parsed = Result.parse(io.BytesIO(FORMATS["xml"].serialize(res)), format="xml")
    assert [row[0] for row in parsed] == [value]


def test_tsv_ask_result_parses_as_tsv() -> None:
    # every TSV header names variables as ?name, and a boolean in Turtle syntax is bare
    for answer in (True, False):
        body = FORMATS["tsv"].serialize(QueryResult("ASK", boolean=answer))
        assert body.decode().splitlines() == ["?_askResult", "true" if answer else "false"]
        rows = list(Result.parse(io.BytesIO(body), format="tsv"))
        assert [row[0].toPython() for row in rows] == [answer]


@pytest.mark.parametrize(
    ("accept", "kind", "expected"),
    [
        ("application/sparql-results+json;q=0, */*", "bindings", "xml"),
        ("application/sparql-results+json;q=0, application/*", "bindings", "xml"),
        ("text/turtle;q=0, */*;q=0.5", "graph", "jsonld"),
        ("text/csv;q=0.2, */*;q=0.1", "bindings", "csv"),
    ],
)
def test_q_zero_excludes_a_type_even_under_a_wildcard(accept: str, kind: str, expected: str) -> None:
    assert negotiate(accept, kind).name == expected


def test_only_refused_types_is_406(client: FlaskClient) -> None:
    r = client.get(
        "/sparql", query_string={"query": SELECT}, headers={"Accept": "application/sparql-results+json;q=0"}
    )
    assert r.status_code == 406, r.text
    assert "application/sparql-results+xml" in r.text


@pytest.mark.parametrize("return_format", ["json", "csv", "tsv"])
def test_sparqlstore_accept_lists_get_a_graph_for_construct(
    client: FlaskClient, store: Store, return_format: str
) -> None:
    # rdflib's SPARQLStore sends the Accept of its return format whatever the query form,
    # then parses the answer by its Content-Type: a graph query must get a graph format
    accept = SPARQLConnector(returnFormat=return_format).response_mime_types()
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.mimetype == "text/turtle"
    got = Result.parse(io.BytesIO(r.data), content_type=r.mimetype).graph
    assert got is not None
    roles = set(store.graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None))
    assert len(got) > 5
    assert set(got.subjects()) <= roles


def test_graph_accept_for_select_gets_sparql_results(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200, r.text
    assert r.mimetype == "application/sparql-results+json"
    assert len(r.json["results"]["bindings"]) > 5


def test_unrelated_accept_is_still_406(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "text/csv" in r.text


def test_head_of_the_service_description_is_get_without_body(client: FlaskClient) -> None:
    get = client.get("/sparql")
    head = client.head("/sparql")
    assert get.status_code == head.status_code == 200
    assert head.mimetype == get.mimetype == "text/turtle"
    assert head.data == b""
    assert len(Graph().parse(data=get.data, format="turtle")) > 5


def test_unsupported_method_is_plain_text_405(client: FlaskClient) -> None:
    r = client.put("/sparql", data="ASK {}")
    assert r.status_code == 405
    assert r.mimetype == "text/plain"
    assert "GET" in r.headers["Allow"]
    assert "POST" in r.headers["Allow"]
    assert "GET or POST" in r.text


def test_row_cap_message_names_the_server_setting(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert r.status_code == 413
    assert "cap of 50 triples" in r.text
    assert "LIMIT" in r.text
    assert "--max-rows" in r.text
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 413
    assert "cap of 50 rows" in r.text


def test_timeout_message_names_the_server_setting(client: FlaskClient) -> None:
    r = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i"}
    )
    assert r.status_code == 503
    assert "1 s time limit" in r.text
    assert "careerkg serve --timeout" in r.text


def test_an_ungrouped_variable_is_a_400_in_words(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "SELECT ?p ?s WHERE { ?s ?p ?o } GROUP BY ?p"})
    assert r.status_code == 400
    assert r.mimetype == "text/plain"
    assert "SAMPLE(" in r.text
    assert len(r.text.strip().splitlines()) == 1


def test_a_format_parameter_that_does_not_fit_leaves_accept_to_decide(client: FlaskClient) -> None:
    r = client.get(
        "/sparql",
        query_string={"query": SELECT, "format": "text/turtle"},
        headers={"Accept": "text/csv"},
    )
    assert r.status_code == 200
    assert r.mimetype == "text/csv"
    r = client.get(
        "/sparql",
        query_string={"query": SELECT, "format": "text/tab-separated-values"},
        headers={"Accept": "text/csv"},
    )
    assert r.mimetype == "text/tab-separated-values"
