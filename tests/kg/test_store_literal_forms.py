"""Both in-memory backends answer a literal as Oxigraph holds it: ``"1.50"^^xsd:decimal`` is ``1.5``.

RDF 1.1 reads ``"1.50"^^xsd:decimal`` and ``"1.5"^^xsd:decimal`` as two terms with one
value, and SPARQL's STR answers the text as written, so "as written" is what the specs
call correct. Oxigraph, careerkg's default backend and every ``--store`` folder, keeps the
value alone (oxigraph/oxigraph#526) and writes it canonically: ``1.5``. The backends
differed in three places: the rdflib backend held rdflib's forms (``4.0`` for the shipped
``ckg:typicalYears 4.0``, where Oxigraph answered ``4``; ``"01"^^xsd:int`` kept its
datatype), rdflib's evaluator answered a literal in the query as written (``SELECT (1.50
AS ?x)`` gave ``1.50``, and a pattern naming ``"01"^^xsd:integer`` missed the stored
``1``), and careerkg's reading of Oxigraph's answers rewrote some in rdflib's forms
(``"1"^^xsd:double`` shown ``1.0`` while STR said ``1``; ``"2020-01-01Z"^^xsd:date`` lost
its time zone). Now every backend holds, reads and shows a literal as Oxigraph does.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.sparql.engine import run_query
from kg.sparql.native import prefixed
from kg.store import Store

BACKENDS = ["oxigraph", "rdflib"]

LITERALS = [
    '"1.50"^^xsd:decimal',
    '"4.0"^^xsd:decimal',
    '"+1.5"^^xsd:decimal',
    '"01"^^xsd:integer',
    '"01"^^xsd:int',
    '"1e0"^^xsd:double',
    '"1.50"^^xsd:float',
    '"1"^^xsd:boolean',
    '"2020-01-01T00:00:00+00:00"^^xsd:dateTime',
    '"2020-01-01T00:00:00.500Z"^^xsd:dateTime',
    '"2020-01-01Z"^^xsd:date',
    '"PT60M"^^xsd:duration',
    '"yes"^^xsd:boolean',
    '"forty"^^xsd:decimal',
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forms") / "forms.ttl"
    path.write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        + "".join(f"<urn:x> <urn:p{i}> {lit} .\n" for i, lit in enumerate(LITERALS)),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def stores(data: Path) -> dict[str, Store]:
    return {b: Store.default([data], backend=b) for b in BACKENDS}


def _oxigraph(data: Path, query: str) -> list[tuple[str | None, ...]]:
    """What Oxigraph itself answers, terms in N-Triples: the reference."""
    store = ox.Store()
    store.load(path=str(data), format=ox.RdfFormat.TURTLE)
    return [tuple(None if t is None else str(t) for t in row) for row in store.query(prefixed(query))]


def _answer(store: Store, query: str) -> list[tuple[str | None, ...]]:
    return [tuple(None if t is None else t.n3() for t in row) for row in run_query(store, query).rows]


QUERIES = {
    "stored": "SELECT ?o (STR(?o) AS ?text) (DATATYPE(?o) AS ?type) WHERE {{ <urn:x> <urn:p{i}> ?o }}",
    "constant": "SELECT ({lit} AS ?c) (STR({lit}) AS ?text) (DATATYPE({lit}) AS ?type) WHERE {{}}",
    "pattern": "SELECT ?p WHERE {{ <urn:x> ?p {lit} }}",
}


@pytest.mark.parametrize("kind", list(QUERIES))
@pytest.mark.parametrize("i", range(len(LITERALS)), ids=LITERALS)
def test_every_backend_answers_a_literal_as_oxigraph_does(
    stores: dict[str, Store], data: Path, kind: str, i: int
) -> None:
    query = QUERIES[kind].format(i=i, lit=LITERALS[i])
    expected = sorted(_oxigraph(data, query), key=str)
    for backend, store in stores.items():
        assert sorted(_answer(store, query), key=str) == expected, backend


def test_the_shipped_typical_years_read_alike() -> None:
    query = "SELECT DISTINCT ?y (STR(?y) AS ?t) WHERE { ?p ckg:typicalYears ?y } ORDER BY ?y"
    answers = [_answer(Store.default(backend=b), query) for b in BACKENDS]
    assert answers[0] == answers[1]
    assert ('"4"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"4"') in answers[0]


def test_a_query_rdflib_evaluates_on_oxigraph_reads_its_literals_alike(stores: dict[str, Store]) -> None:
    # ckf: functions run on rdflib's evaluator, over the Oxigraph store
    query = (
        "SELECT (1.50 AS ?c) (STR(1.50) AS ?t) (sameTerm(1.50, 1.5) AS ?same) ?p "
        "(ckf:pathLength(role:software-engineer, role:data-scientist) AS ?n) "
        'WHERE { VALUES ?v { "01"^^xsd:integer } <urn:x> ?p ?v }'
    )
    row = (
        '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        '"1.5"',
        '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    )
    # "01"^^xsd:int (urn:p4) is held as "1"^^xsd:integer too, as Oxigraph holds it
    expected = [(*row, "<urn:p3>"), (*row, "<urn:p4>")]
    for store in stores.values():
        assert sorted(row[:4] for row in _answer(store, query)) == expected
