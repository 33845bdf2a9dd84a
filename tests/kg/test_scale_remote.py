"""SPARQL passthrough to a remote store: the endpoint answers the query text itself,
with the same answers as rdflib's evaluator over the same endpoint (a real Virtuoso on
loopback, loaded with careerkg's export)."""

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


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with virtuoso.careerkg_endpoint(tmp_path_factory.mktemp("virtuoso-native")) as url:
        yield Store.open(url)


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
