"""The NetworkX projection: typed nodes, keyed edges, caching per store version."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from kg.namespace import CKG, CRED, ROLE, SKILL, TOOL
from kg.project import DEFAULT_HOURS, DEFAULT_LEVEL, RELATIONS, project, projection
from kg.store import Store
from kg.synthetic import career_graph, expand, to_rdf

TTL = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix tool: <https://w3id.org/careerkg/id/tool/> .
@prefix cred: <https://w3id.org/careerkg/id/credential/> .
@prefix area: <https://w3id.org/careerkg/id/area/> .

role:analyst a ckg:Role ; skos:prefLabel "Analyst"@en ;
    ckg:hasRequirement [ ckg:requiredSkill skill:sql ; ckg:level 2 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill skill:sql ; ckg:level 4 ; ckg:importance ckg:Optional ] ,
                       [ ckg:requiredSkill skill:ml ; ckg:level 1 ; ckg:importance ckg:Optional ] ;
    ckg:requiresSkill skill:excel ;
    ckg:usesTool tool:duckdb ;
    ckg:expectsCredential cred:bsc ;
    ckg:hasProgression [ ckg:toRole role:scientist ; ckg:typicalYears 2.5 ] .
role:scientist a ckg:Role ; skos:prefLabel "Scientist"@en .
skill:sql a ckg:Skill ; skos:prefLabel "SQL"@en ; ckg:learningHours 30 ; ckg:skillType ckg:Competence ;
    ckg:inSkillArea area:data .
skill:ml a ckg:Skill ; skos:prefLabel "Machine Learning"@en ; ckg:learningHours 60.5 ;
    ckg:skillType ckg:Knowledge ; ckg:hasPrerequisite skill:sql .
skill:excel a ckg:Skill ; skos:prefLabel "Excel"@en .
skill:window a ckg:Skill ; skos:prefLabel "SQL window functions"@en ; skos:broader skill:sql , area:data .
role:scientist skos:broader role:analyst .
area:data a ckg:SkillArea ; skos:prefLabel "Data"@en .
tool:duckdb a ckg:Tool ; skos:prefLabel "DuckDB"@en ; ckg:supportsSkill skill:sql .
cred:bsc a ckg:Degree ; skos:prefLabel "BSc"@en ; ckg:durationHours 3000 ; ckg:costUSD 40000 ;
    ckg:hasTeaching [ ckg:taughtSkill skill:sql ; ckg:level 3 ] ;
    ckg:teaches skill:ml ;
    ckg:requiresPrior skill:excel .
"""


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return project(Graph().parse(data=TTL, format="turtle"))


def test_nodes_are_typed_and_labelled(G: nx.MultiDiGraph) -> None:
    types = {str(n).rsplit("/", 1)[-1]: d["type"] for n, d in G.nodes(data=True)}
    assert types == {
        "analyst": "role",
        "scientist": "role",
        "sql": "skill",
        "ml": "skill",
        "excel": "skill",
        "window": "skill",
        "data": "area",
        "duckdb": "tool",
        "bsc": "degree",
    }
    assert all(isinstance(n, URIRef) for n in G)
    assert G.nodes[SKILL.ml]["label"] == "Machine Learning"
    assert G.nodes[SKILL.ml]["hours"] == 60.5
    assert G.nodes[SKILL.ml]["skill_type"] == "knowledge"
    assert G.nodes[SKILL.sql]["skill_type"] == "competence"
    assert G.nodes[CRED.bsc]["hours"] == 3000.0
    assert G.nodes[CRED.bsc]["cost"] == 40000.0


def test_missing_hours_get_the_flagged_default(G: nx.MultiDiGraph) -> None:
    assert G.nodes[SKILL.excel]["hours"] == DEFAULT_HOURS
    assert G.nodes[SKILL.excel]["hours_estimated"] is True
    assert G.nodes[SKILL.sql]["hours_estimated"] is False


def test_requirements_keep_the_strongest_link(G: nx.MultiDiGraph) -> None:
    # two requirements of SQL: level 2 essential and level 4 optional -> level 4, essential
    assert G.edges[ROLE.analyst, SKILL.sql, "requires"] == {"level": 4, "importance": "essential"}
    assert G.edges[ROLE.analyst, SKILL.ml, "requires"] == {"level": 1, "importance": "optional"}
    # a bare requiresSkill shortcut becomes a default requirement
    assert G.edges[ROLE.analyst, SKILL.excel, "requires"] == {
        "level": DEFAULT_LEVEL,
        "importance": "essential",
    }


def test_every_relation_is_keyed(G: nx.MultiDiGraph) -> None:
    keys = {k for _, _, k in G.edges(keys=True)}
    assert keys == set(RELATIONS)
    assert G.edges[ROLE.analyst, ROLE.scientist, "progresses"] == {"years": 2.5}
    assert G.has_edge(SKILL.ml, SKILL.sql, "prerequisite")
    assert not G.has_edge(SKILL.sql, SKILL.ml, "prerequisite")
    assert G.edges[CRED.bsc, SKILL.sql, "teaches"] == {"level": 3}
    assert G.edges[CRED.bsc, SKILL.ml, "teaches"] == {"level": None}
    assert G.has_edge(TOOL.duckdb, SKILL.sql, "supports")
    assert G.has_edge(ROLE.analyst, TOOL.duckdb, "uses")
    assert G.has_edge(ROLE.analyst, CRED.bsc, "expects")
    assert G.has_edge(CRED.bsc, SKILL.excel, "requires_prior")


def test_broader_links_only_between_two_skills(G: nx.MultiDiGraph) -> None:
    assert G.has_edge(SKILL.window, SKILL.sql, "broader")
    # skos:broader also links a skill to an area and an occupation to another: no edges
    assert [k for _, _, k in G.out_edges(SKILL.window, keys=True)] == ["broader"]
    assert not G.has_edge(ROLE.scientist, ROLE.analyst, "broader")


def test_round_trip_of_a_generated_graph() -> None:
    original = career_graph(300, seed=3)
    back = project(to_rdf(original))
    expected = nx.relabel_nodes(original, {n: expand(n) for n in original})
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=str) == sorted(
        expected.edges(keys=True, data=True), key=str
    )


def test_projection_is_cached_and_rebuilt_on_change(tmp_path: Path) -> None:
    store = Store.default()
    first = projection(store)
    assert projection(store) is first
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<urn:x:quantum> a ckg:Skill ; skos:prefLabel "Quantum ML" ; ckg:learningHours 99 .\n'
    )
    store.load(extra)
    rebuilt = projection(store)
    assert rebuilt is not first
    assert URIRef("urn:x:quantum") in rebuilt
    assert URIRef("urn:x:quantum") not in first


def test_shipped_data_projection(default_store: Store) -> None:
    G = projection(default_store)
    roles = set(default_store.instances(CKG.Role))
    assert roles
    assert roles == {n for n, t in G.nodes(data="type") if t == "role"}
    assert {n for n, t in G.nodes(data="type") if t == "skill"} == set(default_store.instances(CKG.Skill))
    for role in roles:
        assert any(k == "requires" for _, _, k in G.out_edges(role, keys=True)), role
    pre = nx.DiGraph([(u, v) for u, v, k in G.edges(keys=True) if k == "prerequisite"])
    assert nx.is_directed_acyclic_graph(pre)
    for _, _, d in G.edges(data=True):
        if "level" in d and d["level"] is not None:
            assert 1 <= d["level"] <= 5
