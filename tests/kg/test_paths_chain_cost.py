"""The role chain chosen is the cheapest by the hours the plan itself reports."""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from kg.paths import learning_path, learning_paths
from kg.project import project, projection
from kg.store import Store

# Start can go straight to Goal, or through Mid. Mid lists Big only as optional, so a
# learner passing through Mid does not learn it (the plan asks for essentials only):
# the detour costs M (10 h) + Big (100 h) against Big alone going straight.
DETOUR = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:start a ckg:Role ; skos:prefLabel "Start" ;
    ckg:hasProgression [ ckg:toRole :mid ] , [ ckg:toRole :goal ] .
:mid a ckg:Role ; skos:prefLabel "Mid" ;
    ckg:hasRequirement [ ckg:requiredSkill :m ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :big ; ckg:level 3 ; ckg:importance ckg:Optional ] ;
    ckg:hasProgression [ ckg:toRole :goal ] .
:goal a ckg:Role ; skos:prefLabel "Goal" ;
    ckg:hasRequirement [ ckg:requiredSkill :big ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:m a ckg:Skill ; skos:prefLabel "M" ; ckg:learningHours 10 .
:big a ckg:Skill ; skos:prefLabel "Big" ; ckg:learningHours 100 .
"""


def T(name: str) -> URIRef:
    return URIRef("urn:t:" + name)


def test_an_intermediate_roles_optional_skills_are_not_free() -> None:
    G = project(Graph().parse(data=DETOUR, format="turtle"))
    p = learning_path(G, T("start"), T("goal"))
    assert p.roles == [T("start"), T("goal")], "the detour through Mid costs 110 h, straight 100 h"
    assert p.total_hours == 100.0
    # with optional requirements planned, Mid's Big is learnt on the way, and the detour costs more still
    assert learning_path(G, T("start"), T("goal"), optional=True).roles == [T("start"), T("goal")]
    detour = learning_paths(G, T("start"), T("goal"), 2)[1]
    assert detour.roles == [T("start"), T("mid"), T("goal")]
    assert detour.total_hours == 110.0


@cache
def _shipped() -> tuple[nx.MultiDiGraph, list[Any]]:
    G = projection(Store.default())
    return G, sorted((n for n, t in G.nodes(data="type") if t == "role"), key=str)


def test_shipped_best_path_is_no_dearer_than_its_alternatives() -> None:
    G, roles = _shipped()
    dearer = []
    for source, target in itertools.product(roles, roles):
        paths = learning_paths(G, source, target, 6)
        totals = [p.total_hours for p in paths]
        if any(t < totals[0] for t in totals[1:]):
            dearer.append((G.nodes[source]["label"], G.nodes[target]["label"], totals))
    assert dearer == []


def test_shipped_alternatives_come_cheapest_first() -> None:
    G, roles = _shipped()
    for source, target in itertools.product(roles, roles):
        totals = [p.total_hours for p in learning_paths(G, source, target, 6)]
        assert totals == sorted(totals), (G.nodes[source]["label"], G.nodes[target]["label"], totals)


def test_big_ladders_keep_the_hop_cost_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above RERANK_ROLES the chain is Dijkstra's, alternatives Yen's: still valid, distinct, consistent."""
    from kg import paths
    from tests.kg.test_paths_property import check

    G, roles = _shipped()
    monkeypatch.setattr(paths, "RERANK_ROLES", 1)  # every ladder counts as big
    for source, target in itertools.product(roles, roles):
        best = learning_path(G, source, target)
        check(G, best, source, target, {})
        many = learning_paths(G, source, target, 3)
        assert many[0].roles == best.roles
        assert len({tuple(p.roles) for p in many}) == len(many)
        for p in many:
            check(G, p, source, target, {})
