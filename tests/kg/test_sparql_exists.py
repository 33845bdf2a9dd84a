"""``EXISTS`` and ``NOT EXISTS`` on rdflib's evaluator: the same answers as Oxigraph, and
an ``EXISTS`` stops at the first solution of its pattern.

rdflib's evaluator answers the queries that use careerkg's ``ckf:`` functions and every
query on the rdflib backend. Its translator (7.x) keeps an ``EXISTS`` pattern out of the
passes that simplify the rest of a query, so the pattern's join with the empty pattern
was evaluated eagerly: every solution listed before the first was used. On ESCO the
hours-to-roles example read each role's 45 skills to learn that it had one.
:func:`kg.sparql.engine.translated_exists` finishes those patterns before evaluation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rdflib import URIRef

from kg.namespace import CKG
from kg.sparql.engine import parse_query, run_query, translated_exists, walk
from kg.store import Store

QUERIES = {
    "filter exists": "SELECT ?r WHERE { ?r a ckg:Role FILTER EXISTS { ?r ckg:requiresSkill ?k } }",
    "filter not exists": "SELECT ?s WHERE { ?s a ckg:Skill FILTER NOT EXISTS { ?r ckg:requiresSkill ?s } }",
    "two filters": (
        "SELECT ?r WHERE { ?r a ckg:Role FILTER (?r != role:student) "
        "FILTER EXISTS { ?r ckg:hasRequirement/ckg:importance ckg:Essential } }"
    ),
    "nested": (
        "SELECT ?r WHERE { ?r a ckg:Role FILTER EXISTS { ?r ckg:requiresSkill ?k "
        "FILTER NOT EXISTS { ?k ckg:prerequisite ?p } } }"
    ),
    "inner filter on an outer variable": (
        "SELECT ?r ?k WHERE { ?r ckg:requiresSkill ?k FILTER EXISTS { ?o ckg:requiresSkill ?k "
        "FILTER (?o != ?r) } }"
    ),
    "optional inside": (
        "SELECT ?s WHERE { ?s a ckg:Skill FILTER EXISTS { ?s skos:prefLabel ?l "
        "OPTIONAL { ?s ckg:prerequisite ?p } FILTER (!BOUND(?p)) } }"
    ),
    "bound to a variable": (
        "SELECT ?r ?has WHERE { ?r a ckg:Role BIND (EXISTS { ?r ckg:progressesTo ?n } AS ?has) }"
    ),
    "a typed literal as written": (
        "SELECT ?from ?to WHERE { ?from ckg:hasProgression ?p . ?p ckg:toRole ?to "
        "FILTER EXISTS { ?p ckg:typicalYears 4.00 } }"
    ),
}


def _rows(store: Store, query: str) -> list[tuple[str, ...]]:
    result = run_query(store, query, timeout=30, max_rows=0)
    return sorted(tuple(term.n3() if term is not None else "" for term in row) for row in result.rows)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rdflib_answers_as_oxigraph(name: str) -> None:
    query = QUERIES[name]
    native = _rows(Store.default(), query)
    assert native, f"{name}: the shipped data should answer it"
    assert _rows(Store.default(backend="rdflib"), query) == native


def test_a_ckf_query_on_oxigraph_answers_as_without_the_function() -> None:
    # ckf: functions send the whole query to rdflib's evaluator, over the Oxigraph store
    store = Store.default()
    plain = QUERIES["two filters"]
    with_function = plain.replace(
        "SELECT ?r WHERE {", "SELECT ?r WHERE { BIND (ckf:pathLength(?r, ?r) AS ?n)"
    )
    assert _rows(store, with_function) == _rows(store, plain)


def test_an_exists_reads_one_solution_of_its_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.default(backend="rdflib")
    graph = store.graph
    requirements = list(graph.triples((None, CKG.requiresSkill, None)))
    roles = {s for s, _, _ in requirements}
    assert len(requirements) > 3 * len(roles)  # several skills a role: an eager pattern reads them all

    read: list[Any] = []
    triples = graph.triples

    def counting(pattern: Any) -> Iterator[Any]:
        for triple in triples(pattern):
            if pattern[1] == CKG.requiresSkill:
                read.append(triple)
            yield triple

    monkeypatch.setattr(graph, "triples", counting)
    rows = _rows(store, QUERIES["filter exists"])
    assert len(rows) == len(roles)
    assert len(read) == len(roles)  # one requirement a role, then the pattern is left


def test_finished_once_and_seen_by_the_query_walk() -> None:
    query = parse_query(
        "ASK { ?r a ckg:Role FILTER EXISTS { ?r ckg:requiresSkill ?k FILTER EXISTS { ?k ckg:prerequisite skill:python } } }"
    )

    def patterns() -> list[str]:
        return [n.graph.name for n in walk(query.algebra) if getattr(n, "name", None) == "Builtin_EXISTS"]

    outer = next(n for n in walk(query.algebra) if getattr(n, "name", None) == "Builtin_EXISTS")
    # as rdflib leaves them: joins with the empty pattern (the outer one under its FILTER)
    assert patterns() == ["Filter", "Join"]
    assert outer.graph.p.name == "Join"
    assert translated_exists(query) is query
    assert patterns() == ["Filter", "BGP"]
    assert outer.graph.p.name == "BGP"
    # the inner pattern's IRI is reached through the outer pattern (check_query, stored_constants)
    assert any(isinstance(n, URIRef) and n.endswith("/skill/python") for n in walk(query.algebra))
    first = [n.graph for n in walk(query.algebra) if getattr(n, "name", None) == "Builtin_EXISTS"]
    translated_exists(query)
    assert [n.graph for n in walk(query.algebra) if getattr(n, "name", None) == "Builtin_EXISTS"] == first
