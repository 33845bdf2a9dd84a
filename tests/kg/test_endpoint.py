"""The /sparql blueprint over Flask's test client: protocol, negotiation, errors, CORS; and as
SPARQL 1.1 Protocol clients use it: results that parse back exactly, negotiation that
honours ``q=0`` and the client libraries' ``Accept`` lists, ``HEAD``, and limit messages
that say what to change."""

from __future__ import annotations

import io
import json

import pytest
from flask.testing import FlaskClient
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlconnector import SPARQLConnector
from rdflib.query import Result

from kg.server import make_wsgi_app
from kg.sparql.engine import QueryResult
from kg.sparql.formats import FORMATS, negotiate
from kg.store import Store
from tests.support.endpoint import endpoint_client

pytestmark = pytest.mark.usefixtures("ckf_extensions")  # the ckf: functions, each test

SELECT = "SELECT ?r ?l WHERE { ?r a ckg:Role ; skos:prefLabel ?l } ORDER BY ?r"
CONSTRUCT = "CONSTRUCT { ?r a ckg:Role } WHERE { ?r a ckg:Role }"
SELECT_ROLES = "SELECT ?r WHERE { ?r a ckg:Role }"


@pytest.fixture
def client(store: Store) -> FlaskClient:
    # a limit no answer of these tests comes near, even on a loaded machine (a 1 s limit
    # answered a plain SELECT 503 under CI's load); the limit's own tests use `limited`
    return endpoint_client(store, timeout=30.0, max_rows=500)


@pytest.fixture
def limited(store: Store) -> FlaskClient:
    """The endpoint with a 1 s time limit, for the tests of that limit."""
    return endpoint_client(store, timeout=1.0, max_rows=500)


def test_get_post_form_and_post_direct_agree(client: FlaskClient) -> None:
    a = client.get("/sparql", query_string={"query": SELECT})
    b = client.post("/sparql", data={"query": SELECT})
    c = client.post("/sparql", data=SELECT.encode(), content_type="application/sparql-query")
    assert a.status_code == b.status_code == c.status_code == 200
    assert a.json == b.json == c.json
    assert len(a.json["results"]["bindings"]) > 5
    assert a.headers["Content-Type"].startswith("application/sparql-results+json")


@pytest.mark.parametrize(
    ("accept", "query", "media", "parser"),
    [
        ("application/sparql-results+json", SELECT, "application/sparql-results+json", "json"),
        ("application/sparql-results+xml", SELECT, "application/sparql-results+xml", "xml"),
        ("text/csv", SELECT, "text/csv", "csv"),
        ("text/tab-separated-values", SELECT, "text/tab-separated-values", "tsv"),
        (
            "application/sparql-results+xml, application/rdf+xml",
            "ASK { ?s a ckg:Role }",
            "application/sparql-results+xml",
            "xml",
        ),
        ("text/turtle", CONSTRUCT, "text/turtle", "turtle"),
        ("application/n-triples", CONSTRUCT, "application/n-triples", "nt"),
        ("application/ld+json", CONSTRUCT, "application/ld+json", "json-ld"),
        ("application/sparql-results+xml, application/rdf+xml", CONSTRUCT, "application/rdf+xml", "xml"),
        (None, CONSTRUCT, "text/turtle", "turtle"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", SELECT, "application/sparql-results+json", "json"),
    ],
)
def test_negotiated_formats_parse_back(
    client: FlaskClient, store: Store, accept: str | None, query: str, media: str, parser: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", query_string={"query": query}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.mimetype == media
    if query is CONSTRUCT:
        g = Graph().parse(data=r.data, format=parser)
        assert len(g) == len(list(store.instances(__import__("kg.namespace").namespace.CKG.Role)))
    elif query.startswith("ASK"):
        assert Result.parse(io.BytesIO(r.data), format=parser).askAnswer is True
    else:
        res = Result.parse(io.BytesIO(r.data), format=parser)
        assert len(res) == len(
            client.get("/sparql", query_string={"query": SELECT}).json["results"]["bindings"]
        )


def test_format_parameter_overrides_accept(client: FlaskClient) -> None:
    r = client.get(
        "/sparql", query_string={"query": SELECT, "format": "csv"}, headers={"Accept": "application/json"}
    )
    assert r.mimetype == "text/csv"
    assert r.text.splitlines()[0] == "r,l"


def test_nothing_acceptable_is_406(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "text/html, image/png"})
    assert r.status_code == 406
    assert "text/turtle" in r.text


@pytest.mark.parametrize(
    ("kwargs", "status", "text"),
    [
        (
            {"query_string": {"query": "SELECT * WHERE { ?s ?p "}},
            400,
            "malformed SPARQL query at line 1, column",
        ),
        ({"query_string": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, 403, "read-only"),
        ({"query_string": {"update": "CLEAR ALL"}}, 403, "read-only"),
        (
            {"query_string": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}},
            403,
            "SERVICE",
        ),
        ({"query_string": {"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"}}, 403, "FROM"),
        (
            {"query_string": {"query": SELECT, "default-graph-uri": "file:///etc/passwd"}},
            403,
            "default-graph-uri",
        ),
        ({"query_string": {"query": "SELECT * WHERE { ?s ?p ?o }"}}, 413, "cap of 500 rows"),
        ({"query_string": {"query": ""}}, 400, "empty query"),
    ],
)
def test_errors_are_plain_text_with_status(client: FlaskClient, kwargs: dict, status: int, text: str) -> None:
    r = client.get("/sparql", **kwargs)
    assert r.status_code == status
    assert r.mimetype == "text/plain"
    assert text in r.text
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_post_update_and_unknown_bodies_are_refused(client: FlaskClient, store: Store) -> None:
    before = len(store)
    r = client.post(
        "/sparql", data="INSERT DATA { <urn:a> <urn:b> <urn:c> }", content_type="application/sparql-update"
    )
    assert r.status_code == 403
    r = client.post("/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert r.status_code == 403
    r = client.post("/sparql", data=json.dumps({"query": SELECT}), content_type="application/json")
    assert r.status_code == 415
    assert len(store) == before


def test_cors_preflight(client: FlaskClient) -> None:
    r = client.options(
        "/sparql", headers={"Origin": "https://yasgui.org", "Access-Control-Request-Method": "POST"}
    )
    assert r.status_code == 204
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in r.headers["Access-Control-Allow-Headers"]


def test_service_description_on_bare_get(client: FlaskClient, store: Store) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200
    assert r.mimetype == "text/turtle"
    g = Graph().parse(data=r.text, format="turtle")
    ask = g.query(
        """PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
        PREFIX void: <http://rdfs.org/ns/void#>
        ASK { ?s a sd:Service ; sd:endpoint <http://localhost/sparql> ; sd:supportedLanguage sd:SPARQL11Query ;
              sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_CSV> ;
              sd:extensionFunction <https://w3id.org/careerkg/function#pathHours> ;
              sd:defaultDataset/sd:defaultGraph/void:triples ?n }""",
        initBindings={"n": Literal(len(store), datatype=XSD.integer)},
    )
    assert ask.askAnswer is True


def test_learning_path_through_the_endpoint(client: FlaskClient, store: Store) -> None:
    from kg.paths import plan

    q = """SELECT ?position ?step WHERE {
      ?row ckf:pathFrom role:data-scientist ; ckf:pathTo role:machine-learning-engineer ;
           ckf:position ?position ; ckf:step ?step . } ORDER BY ?position"""
    rows = client.get("/sparql", query_string={"query": q}).json["results"]["bindings"]
    expected = plan(store, "role:data-scientist", "role:machine-learning-engineer").to_dict()["steps"]
    assert [(int(b["position"]["value"]), b["step"]["value"]) for b in rows] == [
        (s["position"], s["iri"]) for s in expected
    ]


def test_wsgi_app_without_dashboard_has_health_and_sparql(store: Store) -> None:
    app = make_wsgi_app(store, timeout=30, max_rows=10, dashboard=False)
    c = app.test_client()
    health = c.get("/health").json
    assert health["status"] == "ok"
    assert health["triples"] == len(store)
    assert health["version"]
    assert c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).json["boolean"] is True


def test_negotiation_prefers_quality_then_order() -> None:
    assert negotiate("text/csv;q=0.2, text/tab-separated-values;q=0.9", "bindings") is FORMATS["tsv"]
    assert negotiate("application/*", "graph") is FORMATS["jsonld"]
    assert negotiate("text/*", "bindings") is FORMATS["csv"]
    assert negotiate("application/json", "graph") is FORMATS["jsonld"]


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
        "/sparql",
        query_string={"query": SELECT_ROLES},
        headers={"Accept": "application/sparql-results+json;q=0"},
    )
    assert r.status_code == 406, r.text
    assert "application/sparql-results+xml" in r.text


def test_a_post_with_its_query_in_the_address_is_told_so(client: FlaskClient) -> None:
    # curl -X POST 'URL?query=...' read 'unsupported request body (none)', and the same with
    # an empty application/sparql-query body 'empty query': nothing said the address is ignored
    url = "/sparql?query=ASK%20%7B%7D"
    bare = client.post(url)
    assert bare.status_code == 415
    assert "this POST has its query in the address: send it with GET, or in the body" in bare.text
    empty = client.post(url, data=b"", content_type="application/sparql-query")
    assert empty.status_code == 400
    assert empty.text.strip() == "empty query; the query in the address is read only by GET"
    # without a query in the address, the messages are as before
    assert "address" not in client.post("/sparql").text
    assert (
        client.post("/sparql", data=b" ", content_type="application/sparql-query").text.strip()
        == "empty query"
    )


@pytest.mark.parametrize(
    ("accept", "said"),
    [
        (
            "application/sparql-results+json;q=abc",
            "q=abc for application/sparql-results+json is no quality value (a number from 0 to 1",
        ),
        (
            "text/csv;q=0,5",
            "'5' is no media type (type/subtype, such as text/csv); a q value is written with a point",
        ),
    ],
)
def test_a_malformed_accept_header_is_named_in_the_406(client: FlaskClient, accept: str, said: str) -> None:
    # the 406 said 'cannot answer in any of the accepted media types
    # (application/sparql-results+json;q=abc)' and then offered that very type
    r = client.get("/sparql", query_string={"query": SELECT_ROLES}, headers={"Accept": accept})
    assert r.status_code == 406, r.text
    assert r.mimetype == "text/plain"
    assert said in r.text
    assert "this result is available as" in r.text


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
    r = client.get("/sparql", query_string={"query": SELECT_ROLES}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200, r.text
    assert r.mimetype == "application/sparql-results+json"
    assert len(r.json["results"]["bindings"]) > 5


def test_unrelated_accept_is_still_406(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT_ROLES}, headers={"Accept": "image/png"})
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
    assert "cap of 500 triples" in r.text
    assert "LIMIT" in r.text
    assert "--max-rows" in r.text
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 413
    assert "cap of 500 rows" in r.text


def test_timeout_message_names_the_server_setting(limited: FlaskClient) -> None:
    r = limited.get(
        "/sparql", query_string={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i"}
    )
    assert r.status_code == 503
    assert r.mimetype == "text/plain"
    assert r.headers["Access-Control-Allow-Origin"] == "*"
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
        query_string={"query": SELECT_ROLES, "format": "text/turtle"},
        headers={"Accept": "text/csv"},
    )
    assert r.status_code == 200
    assert r.mimetype == "text/csv"
    r = client.get(
        "/sparql",
        query_string={"query": SELECT_ROLES, "format": "text/tab-separated-values"},
        headers={"Accept": "text/csv"},
    )
    assert r.mimetype == "text/tab-separated-values"
