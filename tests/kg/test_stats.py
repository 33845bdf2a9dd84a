"""``kg.stats`` counts what a direct walk over the triples counts, on both backends."""

from __future__ import annotations

import pytest
from rdflib import RDF, URIRef

from kg.namespace import CKG
from kg.stats import CLASSES, RELATIONS, stats
from kg.store import Store


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_counts_match_a_walk_over_the_triples(backend: str) -> None:
    graph = Store.default(backend=backend).graph
    triples = list(graph)
    got = stats(graph)
    assert got["triples"] == len(triples)
    for c in CLASSES:
        name = str(c).rsplit("#", 1)[-1]
        assert got["classes"][name] == len({s for s, p, o in triples if p == RDF.type and o == c}), name
    for rel in RELATIONS:
        name = str(rel).rsplit("#", 1)[-1]
        assert got["relations"][name] == sum(1 for _, p, _ in triples if p == rel), name
    importance = [o for _, p, o in triples if p == CKG.importance and isinstance(o, URIRef)]
    assert got["requirements"] == {
        "essential": importance.count(CKG.Essential),
        "optional": importance.count(CKG.Optional),
    }
    assert got["classes"]["Role"] >= 16
