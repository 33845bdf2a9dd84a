"""A real `careerkg serve` (gunicorn) on loopback, driven by SPARQLWrapper and rdflib's
SPARQLStore, compared with `careerkg sparql`; and the hardening of the endpoint."""

from __future__ import annotations

import http.server
import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

pytestmark = pytest.mark.server

TIMEOUT = 2.0
MAX_ROWS = 5_000
ROOT = Path(__file__).resolve().parents[2]

SELECT = """SELECT ?role ?label ?next WHERE {
  ?role a ckg:Role ; skos:prefLabel ?label . OPTIONAL { ?role ckg:progressesTo ?next }
} ORDER BY ?role ?next"""
ASK = "ASK { role:machine-learning-engineer ckg:requiresSkill ?s }"
CONSTRUCT = """CONSTRUCT { ?role ckg:requiresSkill ?skill . ?skill skos:prefLabel ?l }
WHERE { ?role ckg:requiresSkill ?skill . ?skill skos:prefLabel ?l } """
PATH = """SELECT ?position ?step ?hours WHERE {
  ?row ckf:pathFrom role:software-engineer ; ckf:pathTo role:machine-learning-engineer ;
       ckf:position ?position ; ckf:step ?step ; ckf:hours ?hours .
} ORDER BY ?position"""
# counted as it streams: CPU-bound, little memory (the memory cap has its own test)
EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PREFIXES = (
    "PREFIX ckg: <https://w3id.org/careerkg/ontology#>\n"
    "PREFIX role: <https://w3id.org/careerkg/id/role/>\n"
    "PREFIX ckf: <https://w3id.org/careerkg/function#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "CAREERKG_SPARQL_MAX_ROWS": str(MAX_ROWS)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
            "--timeout",
            str(TIMEOUT),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError("careerkg serve exited: " + proc.stderr.read().decode()[-2000:])
            try:
                if _get(base + "/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("careerkg serve did not answer /health within 90 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _triples(base: str) -> int:
    status, body = _get(base + "/health")
    assert status == 200
    return int(json.loads(body)["triples"])


def _cli(query: str, fmt: str) -> bytes:
    from kg.cli import _register, cli

    _register()
    result = CliRunner().invoke(cli, ["sparql", query, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _wrapper(base: str, query: str, fmt: str, method: str = "GET", direct: bool = False) -> object:
    sw = SPARQLWrapper(base + "/sparql")
    sw.setQuery(PREFIXES + query)
    sw.setReturnFormat(fmt)
    if method == "POST":
        sw.setMethod(POST)
        if direct:
            sw.setRequestMethod(POSTDIRECTLY)
    return sw.query()


def _rows(result_bytes: bytes, fmt: str) -> list[tuple[str, ...]]:
    res = Result.parse(io.BytesIO(result_bytes), format=fmt)
    return [tuple(str(t) if t is not None else "" for t in row) for row in res]


# ---------------------------------------------------------------- clients vs CLI


@pytest.mark.parametrize(("method", "direct"), [("GET", False), ("POST", False), ("POST", True)])
def test_sparqlwrapper_select_json_matches_cli(server: str, method: str, direct: bool) -> None:
    got = _wrapper(server, SELECT, JSON, method, direct).convert()
    expected = json.loads(_cli(SELECT, "json"))
    assert got == expected
    assert len(got["results"]["bindings"]) > 5


@pytest.mark.parametrize(
    ("fmt", "cli_fmt", "parser"), [(XML, "xml", "xml"), (CSV, "csv", "csv"), (TSV, "tsv", "tsv")]
)
def test_sparqlwrapper_select_formats_match_cli(server: str, fmt: str, cli_fmt: str, parser: str) -> None:
    response = _wrapper(server, SELECT, fmt)
    body = response.response.read()
    assert body == _cli(SELECT, cli_fmt)  # the same bytes from the endpoint and the CLI
    assert _rows(body, parser) == _rows(_cli(SELECT, "xml"), "xml")


@pytest.mark.parametrize(("fmt", "cli_fmt", "parser"), [(JSON, "json", "json"), (XML, "xml", "xml")])
def test_sparqlwrapper_ask(server: str, fmt: str, cli_fmt: str, parser: str) -> None:
    body = _wrapper(server, ASK, fmt).response.read()
    assert Result.parse(io.BytesIO(body), format=parser).askAnswer is True
    assert body == _cli(ASK, cli_fmt)


@pytest.mark.parametrize(
    ("fmt", "cli_fmt", "parser"),
    [(TURTLE, "ttl", "turtle"), (N3, "ttl", "turtle"), (JSONLD, "jsonld", "json-ld"), (RDFXML, "xml", "xml")],
)
def test_sparqlwrapper_construct_matches_cli(server: str, fmt: str, cli_fmt: str, parser: str) -> None:
    body = _wrapper(server, CONSTRUCT, fmt).response.read()
    got = Graph().parse(data=body, format=parser)
    expected = Graph().parse(data=_cli(CONSTRUCT, cli_fmt), format=parser)
    assert len(got) > 50
    assert isomorphic(got, expected)


def test_ntriples_construct_matches_cli(server: str) -> None:
    url = server + "/sparql?" + urllib.parse.urlencode({"query": CONSTRUCT})
    req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.headers.get_content_type() == "application/n-triples"
        got = Graph().parse(data=r.read(), format="nt")
    assert isomorphic(got, Graph().parse(data=_cli(CONSTRUCT, "nt"), format="nt"))


def test_a_long_query_sent_by_get_is_answered(server: str) -> None:
    # SPARQLWrapper and rdflib's SPARQLStore send GET by default: a query of a few KB
    # (PREFIX lines, a VALUES list) met gunicorn's 4,094-byte request line, 414 in HTML
    iris = [f"<https://w3id.org/careerkg/id/skill/long-query-skill-{i:03d}>" for i in range(85)]
    query = "SELECT ?s WHERE { VALUES ?s { " + " ".join(iris) + " } }"
    line = len("GET /sparql?" + urllib.parse.urlencode({"query": PREFIXES + query}) + " HTTP/1.1")
    assert 6_000 < line < 7_500
    got = _wrapper(server, query, JSON).convert()
    assert [b["s"]["value"] for b in got["results"]["bindings"]] == [i[1:-1] for i in iris]


def test_a_query_too_long_for_get_is_told_to_post_it(server: str) -> None:
    # gunicorn answered a request line over 8,190 bytes with an HTML page
    # ("Request Line is too large (9057 > 8190)"); a data person's curl showed markup
    query = "ASK { ?s ?p ?o } #" + "x" * 9_000
    url = server + "/sparql?" + urllib.parse.urlencode({"query": query})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=10)
    err = caught.value
    assert err.code == 414
    assert err.headers.get_content_type() == "text/plain"
    assert err.headers["Access-Control-Allow-Origin"] == "*"
    message = err.read().decode()
    assert re.match(
        r"the request's address is [\d,]+ bytes, longer than the 8,190 this server reads", message
    )
    assert "POST it instead" in message
    # the same query POSTed is answered
    post = urllib.request.Request(
        server + "/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    with urllib.request.urlopen(post, timeout=10) as r:
        assert json.loads(r.read())["boolean"] is True


def test_sparqlstore_select_ask_construct(server: str) -> None:
    from kg.sparql.engine import run_query
    from kg.store import Store

    local = Store.default()
    g = Graph(SPARQLStore(query_endpoint=server + "/sparql", returnFormat="xml"))
    rows = [tuple(r) for r in g.query(PREFIXES + SELECT)]
    assert rows == list(run_query(local, SELECT).rows)
    assert g.query(PREFIXES + ASK).askAnswer is True
    remote = g.query(PREFIXES + CONSTRUCT).graph
    assert isomorphic(remote, run_query(local, CONSTRUCT).graph)
    g_json = Graph(SPARQLStore(query_endpoint=server + "/sparql", returnFormat="json", method="POST"))
    assert [tuple(r) for r in g_json.query(PREFIXES + SELECT)] == rows


def test_learning_path_from_the_endpoint_matches_the_cli_path(server: str) -> None:
    from kg.cli import _register, cli

    _register()
    got = _wrapper(server, PATH, JSON).convert()["results"]["bindings"]
    out = CliRunner().invoke(
        cli, ["path", "role:software-engineer", "role:machine-learning-engineer", "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    steps = json.loads(out.stdout)["steps"]
    assert [(int(b["position"]["value"]), b["step"]["value"], float(b["hours"]["value"])) for b in got] == [
        (s["position"], s["iri"], float(s["hours"])) for s in steps
    ]


# ---------------------------------------------------------------- hardening


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    _Recorder.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", _Recorder.hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def _post_form(base: str, **fields: str) -> tuple[int, str]:
    data = urllib.parse.urlencode(fields).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(base + "/sparql", data=data), timeout=20) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.mark.parametrize(
    ("field", "text", "needle"),
    [
        ("query", "INSERT DATA { <urn:x> <urn:y> <urn:z> }", "read-only"),
        ("update", "INSERT DATA { <urn:x> <urn:y> <urn:z> }", "read-only"),
        ("query", "LOAD <file:///etc/passwd>", "read-only"),
        ("update", "LOAD <file:///etc/passwd>", "read-only"),
        ("query", "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
        ("query", "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ],
)
def test_updates_and_datasets_are_refused(server: str, field: str, text: str, needle: str) -> None:
    before = _triples(server)
    status, body = _post_form(server, **{field: text})
    assert status == 403
    assert needle in body
    assert "root:" not in body  # nothing of /etc/passwd comes back
    assert _triples(server) == before
    status, body = _get(server + "/sparql?" + urllib.parse.urlencode({"query": "ASK { <urn:x> ?p ?o }"}))
    assert json.loads(body)["boolean"] is False


def test_service_is_refused_and_never_called(server: str, listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    assert _get(url)[0] == 200  # the listener does answer
    hits.clear()
    before = _triples(server)
    for q in (
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s a ?c FILTER EXISTS {{ SERVICE SILENT <{url}sparql> {{ ?s ?p ?o }} }} }}",
    ):
        status, body = _post_form(server, query=q)
        assert status == 403
        assert "SERVICE" in body
    time.sleep(0.2)
    assert hits == []
    assert _triples(server) == before


def test_malformed_query_is_400_with_position(server: str) -> None:
    status, body = _post_form(server, query="SELECT ?s WHERE {\n  ?s ?p \n}")
    assert status == 400
    assert "line 2, column" in body


def test_explosive_query_stops_at_the_limit_and_the_server_keeps_answering(server: str) -> None:
    answers: dict[str, object] = {}

    def run() -> None:
        started = time.monotonic()
        answers["explosive"] = _post_form(server, query=EXPLOSIVE)
        answers["elapsed"] = time.monotonic() - started

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert _get(server + "/health", timeout=5)[0] == 200  # answered while the query runs
    assert time.monotonic() - started < 4.0
    worker.join(30)
    status, body = answers["explosive"]  # type: ignore[misc]
    assert status == 503
    assert f"{TIMEOUT:g} s time limit" in body
    assert TIMEOUT <= answers["elapsed"] < TIMEOUT + 4.0  # type: ignore[operator]  # slack for loaded CI
    got = _wrapper(server, SELECT, JSON).convert()
    assert len(got["results"]["bindings"]) > 5


def test_row_cap_is_413(server: str) -> None:
    status, body = _post_form(server, query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 413
    assert f"cap of {MAX_ROWS} rows" in body


@pytest.mark.parametrize(
    ("return_format", "method"), [("json", "POST"), ("json", "GET"), ("csv", "POST_FORM")]
)
def test_sparqlstore_construct_and_describe_with_any_return_format(
    server: str, return_format: str, method: str
) -> None:
    # rdflib's SPARQLStore sends the Accept of its return format for every query form
    from kg.sparql.engine import run_query
    from kg.store import Store

    local = Store.default()
    g = Graph(SPARQLStore(query_endpoint=server + "/sparql", returnFormat=return_format, method=method))
    remote = g.query(PREFIXES + CONSTRUCT).graph
    assert remote is not None
    assert isomorphic(remote, run_query(local, CONSTRUCT).graph)
    described = g.query(PREFIXES + "DESCRIBE role:machine-learning-engineer").graph
    assert described is not None
    assert len(described) == len(run_query(local, "DESCRIBE role:machine-learning-engineer").graph)


def test_head_answers_like_get(server: str) -> None:
    for url in (server + "/sparql", server + "/sparql?" + urllib.parse.urlencode({"query": ASK})):
        req = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(req, timeout=10) as r:
            assert r.status == 200
            assert r.read() == b""
            head_type = r.headers.get_content_type()
        assert head_type == ("text/turtle" if "query" not in url else "application/sparql-results+json")
