"""SPARQL passthrough to a remote store: the endpoint answers the query text itself,
with the same answers as rdflib's evaluator over the same endpoint (a real Virtuoso on
loopback, loaded with careerkg's export into a named graph), read both as the endpoint's
default graph (Virtuoso: the union of its graphs) and as the named graph alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Literal

from kg.sparql import engine, native
from kg.sparql.examples import run_example
from kg.store import Store
from tests.kg.test_sparql_examples import DIRECT
from tests.support import virtuoso

pytestmark = pytest.mark.server


GRAPH = "urn:careerkg:graph"  # where careerkg_endpoint loads the export


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso.careerkg_endpoint(tmp_path_factory.mktemp("virtuoso-native"), graph=GRAPH) as url:
        yield url


@pytest.fixture(scope="module", params=["default-graph", "named-graph"])
def remote(request: pytest.FixtureRequest, endpoint: str) -> Store:
    return Store.open(endpoint, graph=GRAPH if request.param == "named-graph" else None)


def _values(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """The rows with literals as Python values (engines differ on xsd:int / xsd:integer)."""
    return [tuple(t.toPython() if isinstance(t, Literal) else t for t in r) for r in rows]


def _plain(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return sorted(_values(rows), key=repr)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?r ?l WHERE { ?r a ckg:Role ; skos:prefLabel ?l }",
        "SELECT ?r (COUNT(?s) AS ?n) WHERE { ?r ckg:requiresSkill ?s } GROUP BY ?r",
        "ASK { role:machine-learning-engineer ckg:progressesTo ?next }",
    ],
)
def test_passthrough_answers_like_rdflib(remote: Store, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert native.run_native(remote, text, engine.parse_query(text)) is not None
    fast = engine.run_query(remote, text)
    with monkeypatch.context() as m:
        m.setattr(native, "run_native", lambda *a, **k: None)
        slow = engine.run_query(remote, text)
    assert fast.form == slow.form
    assert fast.boolean == slow.boolean
    assert _plain(fast.rows) == _plain(slow.rows)
    assert len(fast) > 0


def test_passthrough_example_with_a_parameter(remote: Store) -> None:
    res = run_example(remote, "essential-skills", {"role": "data scientist"})
    assert res.rows
    assert res.variables[0]


@pytest.mark.parametrize("name", sorted(DIRECT))
def test_passthrough_aggregate_examples_answer_as_the_local_store(remote: Store, name: str) -> None:
    """The examples with a grouping subquery run on Virtuoso and agree with Oxigraph, in order."""
    there = run_example(remote, name)
    here = run_example(Store.default(), name)
    assert len(here.rows) >= 10
    assert _values(there.rows) == _values(here.rows)


def test_passthrough_keeps_the_row_cap(remote: Store) -> None:
    from kg.errors import ResultTooLarge

    with pytest.raises(ResultTooLarge):
        engine.run_query(remote, "SELECT * WHERE { ?s ?p ?o }", max_rows=10)


def test_passthrough_reads_the_named_graph_alone(endpoint: str) -> None:
    """Named, the graph counts what was loaded; the union (Virtuoso's system graphs too) more."""
    from kg.export import export_marker

    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    named = engine.run_query(Store.open(endpoint, graph=GRAPH), text)
    union = engine.run_query(Store.open(endpoint), text)
    loaded = len(Store.default()) + len(export_marker())  # the export: the graph and its self-description
    assert int(named.rows[0][0]) == loaded  # type: ignore[arg-type]
    assert int(union.rows[0][0]) > loaded  # type: ignore[arg-type]
