"""The remote-SPARQL-store mode against a real Virtuoso started on loopback.

Virtuoso (Debian ``virtuoso-opensource``) is loaded with careerkg's own export; every
read feature then runs with ``--store http://127.0.0.1:PORT/sparql``.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli import _register, cli
from kg.errors import StoreError
from kg.names import LabelIndex
from kg.namespace import CKG, ROLE, SKILL
from kg.paths import learning_path
from kg.project import project
from kg.store import Store, resource_dir
from tests.support import virtuoso
from tests.support.relabel import relabelling_endpoint
from tests.support.server import running_server

pytestmark = pytest.mark.server

CURRICULA = resource_dir("data") / "curricula"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso.careerkg_endpoint(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


def test_remote_store_resolves_names(endpoint: str) -> None:
    store = Store.open(endpoint)
    assert store.kind == "remote"
    index = LabelIndex.of(store)
    assert index.resolve("machine learning engineer", CKG.Role) == ROLE["machine-learning-engineer"]
    local = LabelIndex.of(Store.default())
    assert set(index.labels) == set(local.labels)


def test_stats_over_remote_store_match_local(endpoint: str, default_store: Store) -> None:
    from kg.stats import stats

    remote = stats(Store.open(endpoint).graph)
    local = stats(default_store.graph)
    assert remote["classes"] == local["classes"]
    assert remote["relations"] == local["relations"]


def test_cli_reads_remote_store(endpoint: str) -> None:
    _register()
    result = CliRunner().invoke(cli, ["--store", endpoint, "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["classes"]["Role"] >= 12


def test_export_file_is_what_was_loaded(endpoint: str, tmp_path: Path, default_store: Store) -> None:
    from rdflib import Graph

    from kg.export import export_marker

    out = tmp_path / "again.nt"
    _register()
    result = CliRunner().invoke(cli, ["export", "--format", "nt", "-o", str(out)])
    assert result.exit_code == 0
    # the store's triples and the export's three-triple description of itself
    assert len(Graph().parse(out, format="nt")) == len(default_store) + len(export_marker())


# ---------------------------------------------------------------- every read feature, on two kinds of endpoint
#
# Virtuoso labels a blank node the same way in every answer (``nodeID://b…``); Jena's
# endpoints number them per answer, and a server whose workers each loaded the data
# label them per worker. The "relabelling" endpoint is the same Virtuoso behind
# tests.support.relabel, which numbers the blank nodes of each answer afresh.


@pytest.fixture(scope="module", params=["virtuoso", "relabelling"])
def remote_url(request: pytest.FixtureRequest, endpoint: str) -> Iterator[str]:
    if request.param == "virtuoso":
        yield endpoint
        return
    with relabelling_endpoint(endpoint) as url:
        yield url


def test_the_relabelling_endpoint_labels_a_blank_node_differently_in_two_answers(endpoint: str) -> None:
    with relabelling_endpoint(endpoint) as url:
        graph = Store.open(url).graph
        text = f"SELECT ?q WHERE {{ <{ROLE['data-scientist']}> <{CKG.hasRequirement}> ?q }} ORDER BY ?q"
        first = [row[0] for row in graph.query(text)]  # type: ignore[index]
        again = [row[0] for row in graph.query(text + " OFFSET 1")]  # type: ignore[index]
    assert len(first) > 2
    assert first[0] == again[0]  # both answers call their first blank node b0 ...
    assert str(first[0]) == "b0"  # ... although it is another requirement


def test_projection_over_remote_store_is_the_local_one(remote_url: str, default_store: Store) -> None:
    there, here = project(Store.open(remote_url).graph), project(default_store.graph)
    assert dict(there.nodes(data=True)) == dict(here.nodes(data=True))
    assert sorted(there.edges(keys=True, data=True), key=repr) == sorted(
        here.edges(keys=True, data=True), key=repr
    )


def test_every_example_answers_over_a_remote_store(remote_url: str, default_store: Store) -> None:
    """Every shipped example, as ``careerkg serve`` answers them before it listens: the
    same number of rows as on the embedded graph.

    The ``ckf:`` learning-path example answered no row: the magic predicates check that
    their roles are roles (``(role, rdf:type, ckg:Role) in graph``), and rdflib's remote
    store read Virtuoso's ASK answer as false. An example crossing a blank node in a
    ``ckf:`` query made the remote store raise, and the server exit before it listened.
    """
    from kg.sparql.cache import answer_examples
    from kg.sparql.examples import EXAMPLES

    there, here = answer_examples(Store.open(remote_url)), answer_examples(default_store)
    assert len(here) == len(EXAMPLES)
    assert there.keys() == here.keys()
    reachable = EXAMPLES["reachable-roles"].editable_text
    assert {text: len(result) for text, result in there.items() if text != reachable} == {
        text: len(result) for text, result in here.items() if text != reachable
    }
    # Virtuoso's own evaluation of a transitive path from a VALUES row (ckg:progressesTo+)
    # reaches more roles than the path does (15 for Software Engineer's 11): every role
    # here is there
    assert set(here[reachable].rows) <= set(there[reachable].rows)


def test_an_endpoint_that_cuts_its_answers_is_read_in_pages(endpoint: str, default_store: Store) -> None:
    """Virtuoso cuts an answer at ``ResultSetMaxRows`` (10,000 by default) without an
    error; here at 40 rows. Pages of the endpoint's cap are read until every counted
    solution is in."""
    here = project(default_store.graph)
    with relabelling_endpoint(endpoint, cap=40) as url:
        store = Store.open(url)
        assert len(list(store.graph.query("SELECT ?s WHERE { ?s a ckg:Skill }"))) == 40  # cut, as said
        there = project(store.graph)
        assert LabelIndex.of(store).labels == LabelIndex.of(default_store).labels
    assert here.number_of_edges() > 40 * 10
    assert dict(there.nodes(data=True)) == dict(here.nodes(data=True))
    assert sorted(there.edges(keys=True, data=True), key=repr) == sorted(
        here.edges(keys=True, data=True), key=repr
    )


def test_an_endpoint_that_answers_fewer_rows_than_it_counts_is_an_error() -> None:
    from rdflib import Literal

    from kg.store import remote_select

    class Short:  # counts 5 solutions, then answers 3 at any offset
        def query(self, text: str) -> list[tuple[Literal, ...]]:
            if "COUNT" in text:
                return [(Literal(5),)]
            return [] if "OFFSET 3" in text else [(Literal(i),) for i in range(3)]

    with pytest.raises(StoreError, match=r"answered 3 of the 5 solutions .* ResultSetMaxRows"):
        remote_select(Short(), ["x"], "?x ?p ?o")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "args",
    [
        ["path", "Software Engineer", "Machine Learning Engineer", "--format", "json"],
        ["path", "-", "Data Scientist", "--know", "Python:3", "--know", "SQL", "--format", "json"],
        ["unlocks", "deep learning", "--format", "json"],
        ["gaps", str(CURRICULA / "ml-bootcamp.csv"), "--format", "json"],
        ["gaps", str(CURRICULA / "msc-ai-data-science.ttl"), "--format", "json"],
    ],
    ids=["path", "path-from-skills", "unlocks", "gaps-csv", "gaps-ttl"],
)
def test_cli_answers_over_remote_store_as_over_the_embedded_graph(remote_url: str, args: list[str]) -> None:
    _register()
    runner = CliRunner()
    here = runner.invoke(cli, args)
    there = runner.invoke(cli, ["--store", remote_url, *args])
    assert there.exit_code == here.exit_code, there.output
    assert json.loads(there.output) == json.loads(here.output)
    assert json.loads(here.output)  # an answer, not an empty one


def assert_explorer_data_are_the_local_ones(store: Store, default_store: Store) -> None:
    """The explorer's details and neighbourhood of two nodes, read from ``store``, are those
    of the shipped graph."""
    from kg.explore import neighbourhood, node_details

    for iri in (SKILL["deep-learning"], ROLE["machine-learning-engineer"]):
        there, here = node_details(store, str(iri)), node_details(default_store, str(iri))
        assert there == here
        assert here.label
        view = neighbourhood(project(store.graph), [str(iri)], expanded=[str(iri)])
        assert view == neighbourhood(project(default_store.graph), [str(iri)], expanded=[str(iri)])


def test_explorer_details_over_remote_store_are_the_local_ones(remote_url: str, default_store: Store) -> None:
    assert_explorer_data_are_the_local_ones(Store.open(remote_url), default_store)


def test_the_app_serves_a_remote_store(endpoint: str) -> None:
    """A real ``careerkg serve --store URL``: the path finder, the explorer and /sparql answer."""
    from bench.dashclient import DashCallbacks, request

    with relabelling_endpoint(endpoint) as url, running_server(["--store", url]) as base:
        dash = DashCallbacks(base)
        status, body = dash.call(
            "path-result.data",
            {"path-find.n_clicks": 1},
            {
                "path-source.value": str(ROLE["software-engineer"]),
                "path-target.value": str(ROLE["machine-learning-engineer"]),
                "path-know.value": [],
                "path-alternatives.value": 1,
            },
        )
        assert status == 200, body[:500]
        data = json.loads(body)["response"]["path-result"]["data"]
        assert not data.get("error"), data
        answer = data["path"]
        local = learning_path(
            project(Store.default().graph), ROLE["software-engineer"], ROLE["machine-learning-engineer"]
        )
        assert answer["total_hours"] == pytest.approx(local.total_hours)
        assert [s["iri"] for s in answer["steps"]] == [str(s.iri) for s in local.steps]

        iri = str(SKILL["deep-learning"])
        state = {"focus": iri, "expanded": [iri], "limit": 150}
        status, body = dash.call("explorer-details.children", {"explorer-state.data": state})
        assert status == 200, body[:500]
        assert "deep learning" in body.decode()

        query = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{CKG.Role}> }}"})
        status, body = request(
            base, "GET", "/sparql?" + query, headers={"Accept": "application/sparql-results+json"}
        )
        assert status == 200
        assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) >= 12

        # the app's own address is no SPARQL endpoint: said so, no traceback
        with pytest.raises(StoreError, match=r"answered a SPARQL ASK with text/html.*ending in /sparql"):
            Store.open(base + "/")


def test_export_from_the_endpoint_is_its_graph(endpoint: str, tmp_path: Path, default_store: Store) -> None:
    from rdflib import RDF, Graph

    from kg.export import export_marker

    out = tmp_path / "remote.nt"
    _register()
    result = CliRunner().invoke(cli, ["--store", endpoint, "export", "--format", "nt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    # what the endpoint's default graph holds (Virtuoso's: the union of its graphs, its
    # own system graph too), blank nodes written as valid N-Triples labels, once each
    exported = Graph().parse(out, format="nt")
    there = Store.open(endpoint)
    # loaded from an export, the endpoint holds its self-description already
    marker = [t for t in export_marker() if not list(there.graph.triples((t[0], t[1], None)))]
    assert len(exported) == len(there) + len(marker)
    requirements = set(exported.subjects(RDF.type, CKG.Requirement))
    assert len(requirements) == len(set(default_store.graph.subjects(RDF.type, CKG.Requirement)))


def test_export_from_an_endpoint_that_cuts_its_answers_is_refused_not_partial(
    endpoint: str, tmp_path: Path
) -> None:
    out = tmp_path / "cut.nt"
    _register()
    with relabelling_endpoint(endpoint, cap=40) as url:
        result = CliRunner().invoke(cli, ["--store", url, "export", "--format", "nt", "-o", str(out)])
    assert result.exit_code != 0
    assert "answered 40 of the" in result.output
    assert "ResultSetMaxRows" in result.output
    assert not out.exists(), "no partial file is left behind"


# ---------------------------------------------------------------- one named graph of the endpoint (--graph IRI)
#
# Virtuoso's default graph is the union of all its graphs, its own system graphs
# included. Here careerkg's export is in CAREERS and a graph OTHER holds a role and a
# label careerkg's data does not have: read with the graph named, careerkg sees the
# export and nothing else; read without it, the union (the control).

CAREERS = "https://example.org/graphs/careers"
OTHER = "https://example.org/graphs/other"
OTHER_TTL = f"""\
@prefix ckg: <{CKG}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/roles/quantum-gardener> a ckg:Role ; skos:prefLabel "Quantum Gardener"@en .
<{SKILL["deep-learning"]}> skos:altLabel "a label only the other graph has"@en .
"""


@pytest.fixture(scope="module")
def loaded(default_store: Store) -> bytes:
    """What the named graph is loaded with: careerkg's N-Triples export."""
    import io

    from kg.export import write_export

    buf = io.BytesIO()
    write_export(default_store, "nt", buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def graphs_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso with careerkg's export in the graph CAREERS and OTHER beside it."""
    work = tmp_path_factory.mktemp("virtuoso-graphs")
    other = work / "other.ttl"
    other.write_text(OTHER_TTL, encoding="utf-8")
    with virtuoso.careerkg_endpoint(work / "server", graph=CAREERS, more={OTHER: other}) as url:
        yield url


def _triples_in(nt: bytes) -> int:
    return sum(1 for line in nt.decode("utf-8").splitlines() if line.strip() and not line.startswith("#"))


def test_a_named_graph_is_counted_as_loaded_not_as_the_union(graphs_endpoint: str, loaded: bytes) -> None:
    named = Store.open(graphs_endpoint, graph=CAREERS)
    union = Store.open(graphs_endpoint)
    assert named.kind == "remote"
    assert named.graph_iri == CAREERS
    assert len(named) == _triples_in(loaded)
    # the union: the export, OTHER's three triples and Virtuoso's own system graphs
    assert len(union) > len(named) + 3


def test_names_and_projection_of_a_named_graph_are_the_local_ones(
    graphs_endpoint: str, default_store: Store
) -> None:
    store = Store.open(graphs_endpoint, graph=CAREERS)
    assert LabelIndex.of(store).labels == LabelIndex.of(default_store).labels
    there, here = project(store.graph), project(default_store.graph)
    assert dict(there.nodes(data=True)) == dict(here.nodes(data=True))
    assert sorted(there.edges(keys=True, data=True), key=repr) == sorted(
        here.edges(keys=True, data=True), key=repr
    )
    # the control: the union has OTHER's role in it
    assert (
        URIRef("https://example.org/roles/quantum-gardener")
        in LabelIndex.of(Store.open(graphs_endpoint)).labels
    )


def test_every_request_names_the_graph(graphs_endpoint: str, default_store: Store) -> None:
    """The probe, the counts, rdflib's triple patterns, the SPARQL passthrough and every
    page of remote_select (answers cut at 40 rows, blank nodes labelled afresh in each)
    carry ``default-graph-uri``, and the pages add up to the local projection."""
    from kg.explore import node_details
    from kg.sparql import engine

    seen: list[str] = []
    with relabelling_endpoint(graphs_endpoint, cap=40, seen=seen) as url:
        store = Store.open(url, graph=CAREERS)
        len(store)
        there = project(store.graph)
        node_details(store, str(SKILL["deep-learning"]))
        engine.run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    here = project(default_store.graph)
    assert dict(there.nodes(data=True)) == dict(here.nodes(data=True))
    assert there.number_of_edges() == here.number_of_edges() > 40 * 10
    assert len(seen) > 20
    param = urllib.parse.urlencode({"default-graph-uri": CAREERS})
    assert [q for q in seen if param not in q.split("&")] == []


def test_explorer_data_of_a_named_graph_are_the_local_ones(
    graphs_endpoint: str, default_store: Store
) -> None:
    from kg.explore import node_details

    assert_explorer_data_are_the_local_ones(Store.open(graphs_endpoint, graph=CAREERS), default_store)
    # the control: read as the union, deep learning has OTHER's label too
    union = Store.open(graphs_endpoint)
    deep = str(SKILL["deep-learning"])
    assert node_details(union, deep) != node_details(default_store, deep)


@pytest.mark.parametrize(
    "args",
    [
        ["path", "Software Engineer", "Machine Learning Engineer", "--format", "json"],
        ["unlocks", "deep learning", "--format", "json"],
        ["gaps", str(CURRICULA / "ml-bootcamp.csv"), "--format", "json"],
    ],
    ids=["path", "unlocks", "gaps"],
)
def test_cli_answers_over_a_named_graph_as_over_the_embedded_graph(
    graphs_endpoint: str, args: list[str]
) -> None:
    _register()
    runner = CliRunner()
    here = runner.invoke(cli, args)
    before = runner.invoke(cli, ["--store", graphs_endpoint, "--graph", CAREERS, *args])
    after = runner.invoke(cli, [*args, "--store", graphs_endpoint, "--graph", CAREERS])
    assert before.exit_code == here.exit_code == after.exit_code, before.output
    assert json.loads(before.output) == json.loads(here.output) == json.loads(after.output)
    assert json.loads(here.output)


def test_export_of_a_named_graph_is_what_was_loaded(
    graphs_endpoint: str, loaded: bytes, tmp_path: Path
) -> None:
    from tests.support.canonical import canonical

    out = tmp_path / "careers.nt"
    _register()
    result = CliRunner().invoke(
        cli, ["--store", graphs_endpoint, "--graph", CAREERS, "export", "--format", "nt", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert canonical(out.read_bytes()) == canonical(loaded)


def test_sparql_over_a_named_graph_counts_the_load(graphs_endpoint: str, loaded: bytes) -> None:
    _register()
    result = CliRunner().invoke(
        cli,
        [
            "sparql",
            "--store",
            graphs_endpoint,
            "--graph",
            CAREERS,
            "--format",
            "csv",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["n", str(_triples_in(loaded))]


def test_the_graph_from_the_environment(
    graphs_endpoint: str, loaded: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKG_STORE", graphs_endpoint)
    monkeypatch.setenv("CAREERKG_GRAPH", CAREERS)
    _register()
    result = CliRunner().invoke(
        cli, ["sparql", "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["n", str(_triples_in(loaded))]


def test_the_protocol_url_form_names_the_graph_too(graphs_endpoint: str) -> None:
    """``URL?default-graph-uri=IRI``, the SPARQL 1.1 Protocol's own way to name it."""
    url = graphs_endpoint + "?" + urllib.parse.urlencode({"default-graph-uri": CAREERS})
    store = Store.open(url)
    assert (store.location, store.graph_iri) == (graphs_endpoint, CAREERS)
    assert len(store) == len(Store.open(graphs_endpoint, graph=CAREERS))
    same = Store.open(url, graph=CAREERS)  # both, agreeing
    assert same.graph_iri == CAREERS


def test_the_app_serves_a_named_graph(graphs_endpoint: str, loaded: bytes) -> None:
    """``careerkg serve --store URL --graph IRI``: /health counts the load, /sparql reads the graph."""
    from bench.dashclient import request

    args = ["--store", graphs_endpoint, "--graph", CAREERS, "--workers", "1", "--no-dashboard"]
    with running_server(args) as base:
        status, body = request(base, "GET", "/health")
        assert status == 200
        assert json.loads(body)["triples"] == _triples_in(loaded)
        query = urllib.parse.urlencode(
            {"query": "ASK { <https://example.org/roles/quantum-gardener> ?p ?o }"}
        )
        status, body = request(
            base, "GET", "/sparql?" + query, headers={"Accept": "application/sparql-results+json"}
        )
        assert status == 200
        assert json.loads(body)["boolean"] is False


def test_a_graph_that_holds_nothing_is_named_with_the_graphs_there_are(graphs_endpoint: str) -> None:
    typo = "https://example.org/graphs/carers"
    _register()
    result = CliRunner().invoke(cli, ["--store", graphs_endpoint, "--graph", typo, "stats"])
    assert result.exit_code == 2
    message = result.stderr
    assert f"the graph <{typo}> on the SPARQL endpoint {graphs_endpoint} holds no triples" in message
    assert f"<{CAREERS}>" in message
    assert f"<{OTHER}>" in message
    assert f"closest: <{CAREERS}>" in message
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- a graph name that cannot be right (no endpoint needed)

UNREACHABLE = "http://127.0.0.1:9/sparql"  # nothing listens there: a request would fail otherwise


@pytest.mark.parametrize(
    ("graph", "why"),
    [
        ("careers", "not an absolute IRI"),
        ("/graphs/careers", "not an absolute IRI"),
        ("https://example.org/my graph", "not an absolute IRI"),
        (f"<{CAREERS}>", "without the angle brackets"),
    ],
)
def test_a_graph_name_that_is_no_absolute_iri_is_refused(graph: str, why: str) -> None:
    with pytest.raises(StoreError, match=why):
        Store.open(UNREACHABLE, graph=graph)
    _register()
    result = CliRunner().invoke(cli, ["--store", UNREACHABLE, "--graph", graph, "stats"])
    assert result.exit_code == 2
    assert why in result.stderr
    assert "cannot reach" not in result.stderr


@pytest.mark.parametrize("store", [None, "folder"], ids=["embedded", "store-folder"])
def test_a_graph_needs_a_remote_store(store: str | None, tmp_path: Path) -> None:
    args = (
        ["--graph", CAREERS, "stats"]
        if store is None
        else ["--store", str(tmp_path), "--graph", CAREERS, "stats"]
    )
    _register()
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "--graph names a graph of a remote SPARQL endpoint" in result.stderr
    assert "--store URL" in result.stderr


def test_two_different_graph_names_are_refused() -> None:
    url = UNREACHABLE + "?" + urllib.parse.urlencode({"default-graph-uri": CAREERS})
    with pytest.raises(
        StoreError, match=r"names the graph <https://example.org/graphs/careers>.*--graph names <"
    ):
        Store.open(url, graph=OTHER)
    twice = url + "&" + urllib.parse.urlencode({"default-graph-uri": OTHER})
    with pytest.raises(StoreError, match="one graph"):
        Store.open(twice)
