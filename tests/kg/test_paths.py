"""Learning paths: role chains, skill plans, levels, credentials, unlocks, names."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.errors import KGError, NoLearningPath, UnknownEntity
from kg.namespace import ROLE, SKILL
from kg.paths import (
    HOURS_LEVEL,
    KNOWN_LEVEL,
    PREREQUISITE_LEVEL,
    LearningPath,
    cover_credentials,
    learning_path,
    learning_paths,
    parse_known,
    plan,
    unlocks,
)
from kg.project import project, projection
from kg.store import Store
from kg.synthetic import tiny_graph

# Two ladders from Start to Top: via Cheap (needs cheap skill Y) or via Dear (needs X,
# which needs its prerequisite P). Top needs Z. Loner has no progression at all.
LADDER = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:start a ckg:Role ; skos:prefLabel "Start" ;
    ckg:hasRequirement [ ckg:requiredSkill :base ; ckg:level 3 ; ckg:importance ckg:Essential ] ;
    ckg:hasProgression [ ckg:toRole :cheap ; ckg:typicalYears 1 ] , [ ckg:toRole :dear ; ckg:typicalYears 1 ] .
:cheap a ckg:Role ; skos:prefLabel "Cheap" ;
    ckg:hasRequirement [ ckg:requiredSkill :y ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :opt ; ckg:level 3 ; ckg:importance ckg:Optional ] ;
    ckg:hasProgression [ ckg:toRole :top ; ckg:typicalYears 2 ] .
:dear a ckg:Role ; skos:prefLabel "Dear" ;
    ckg:hasRequirement [ ckg:requiredSkill :x ; ckg:level 3 ; ckg:importance ckg:Essential ] ;
    ckg:hasProgression [ ckg:toRole :top ; ckg:typicalYears 3 ] .
:top a ckg:Role ; skos:prefLabel "Top" ;
    ckg:hasRequirement [ ckg:requiredSkill :z ; ckg:level 4 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :base ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:loner a ckg:Role ; skos:prefLabel "Loner" ;
    ckg:hasRequirement [ ckg:requiredSkill :y ; ckg:level 2 ; ckg:importance ckg:Essential ] .
:builder a ckg:Role ; skos:prefLabel "Builder" ;
    ckg:hasRequirement [ ckg:requiredSkill :w ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:w a ckg:Skill ; skos:prefLabel "W" ; ckg:learningHours 15 ; ckg:hasPrerequisite :p .
:base a ckg:Skill ; skos:prefLabel "Base" ; ckg:learningHours 10 .
:p a ckg:Skill ; skos:prefLabel "P" ; ckg:learningHours 50 .
:x a ckg:Skill ; skos:prefLabel "X" ; ckg:learningHours 100 ; ckg:hasPrerequisite :p .
:y a ckg:Skill ; skos:prefLabel "Y" ; ckg:learningHours 20 .
:z a ckg:Skill ; skos:prefLabel "Z" ; ckg:learningHours 30 ; ckg:hasPrerequisite :base .
:opt a ckg:Skill ; skos:prefLabel "Opt" ; ckg:learningHours 5 .
"""


def T(name: str) -> object:
    from rdflib import URIRef

    return URIRef("urn:t:" + name)


@pytest.fixture(scope="module")
def ladder() -> nx.MultiDiGraph:
    return project(Graph().parse(data=LADDER, format="turtle"))


def labels(G: nx.MultiDiGraph, nodes: list[object]) -> list[str]:
    return [G.nodes[n]["label"] for n in nodes]


# ---------------------------------------------------------------- role chains


def test_cheapest_chain_wins(ladder: nx.MultiDiGraph) -> None:
    p = learning_path(ladder, T("start"), T("top"))
    assert labels(ladder, p.roles) == ["Start", "Cheap", "Top"]
    assert [s.label for s in p.steps] == ["Y", "Z"]
    assert p.years == 3.0
    assert not p.switch


def test_weight_callable_changes_the_chain(ladder: nx.MultiDiGraph) -> None:
    def dear_y(skill: object, attrs: dict[str, object]) -> float:
        return 10_000.0 if attrs["label"] == "Y" else float(attrs["hours"])  # type: ignore[arg-type]

    p = learning_path(ladder, T("start"), T("top"), weight=dear_y)
    assert labels(ladder, p.roles) == ["Start", "Dear", "Top"]
    # step hours still come from the data, not from the weight
    assert [(s.label, s.hours) for s in p.steps] == [("P", 50.0), ("X", 100.0), ("Z", 40.0)]


def test_weight_none_hides_skills(ladder: nx.MultiDiGraph) -> None:
    def no_y(skill: object, attrs: dict[str, object]) -> float | None:
        return None if attrs["label"] == "Y" else 1.0

    assert labels(ladder, learning_path(ladder, T("start"), T("top"), weight=no_y).roles)[1] == "Dear"

    def no_z(skill: object, attrs: dict[str, object]) -> float | None:
        return None if attrs["label"] == "Z" else 1.0

    with pytest.raises(NoLearningPath, match="weight excludes: Z"):
        learning_path(ladder, T("start"), T("top"), weight=no_z)


def test_direct_switch_when_no_chain(ladder: nx.MultiDiGraph) -> None:
    p = learning_path(ladder, T("top"), T("loner"))
    assert p.switch
    assert labels(ladder, p.roles) == ["Top", "Loner"]
    assert [s.label for s in p.steps] == ["Y"]
    with pytest.raises(NoLearningPath, match="no career progression leads from Top to Loner"):
        learning_path(ladder, T("top"), T("loner"), switch=False)


def test_no_source_starts_at_the_target(ladder: nx.MultiDiGraph) -> None:
    p = learning_path(ladder, None, T("top"))
    assert p.roles == [T("top")]
    assert [s.label for s in p.steps] == ["Base", "Z"]
    assert p.steps[0].reasons == ["required by Top at level 3 (essential)", "prerequisite of Z"]


def test_source_equal_to_target_needs_nothing(ladder: nx.MultiDiGraph) -> None:
    p = learning_path(ladder, T("top"), T("top"))
    assert p.roles == [T("top")]
    assert p.steps == []
    assert p.total_hours == 0


def test_alternatives_are_distinct_chains(ladder: nx.MultiDiGraph) -> None:
    paths = learning_paths(ladder, T("start"), T("top"), 5)
    assert [labels(ladder, p.roles) for p in paths] == [["Start", "Cheap", "Top"], ["Start", "Dear", "Top"]]
    assert paths[0].roles == learning_path(ladder, T("start"), T("top")).roles
    assert paths[0].total_hours < paths[1].total_hours
    assert learning_paths(ladder, T("start"), T("top"), 1)[0].roles == paths[0].roles


# ---------------------------------------------------------------- levels


def test_source_role_requirements_count_as_known(ladder: nx.MultiDiGraph) -> None:
    from_start = learning_path(ladder, T("start"), T("top"))
    assert T("base") not in [s.iri for s in from_start.steps]  # Start has Base at 3, Top needs 3


def test_known_levels_remove_raise_or_keep_steps(ladder: nx.MultiDiGraph) -> None:
    # Z known at the level Top needs; Z at 4 implies its foundation Base at 3, as Top needs
    assert learning_path(ladder, None, T("top"), known={T("z"): 4}).steps == []
    partial = learning_path(ladder, None, T("top"), known={T("z"): 2})
    z = next(s for s in partial.steps if s.label == "Z")
    assert (z.from_level, z.level) == (2, 4)
    assert z.hours == pytest.approx(30 * (4 - 2) / HOURS_LEVEL)
    assert z.reasons == ["required by Top at level 4 (essential), up from level 2"]
    # Z at 2 implies Base at 2 only: Top, which needs Base at 3, raises it
    base = next(s for s in partial.steps if s.label == "Base")
    assert (base.from_level, base.level) == (2, 3)
    assert base.reasons == ["required by Top at level 3 (essential), up from level 2 as a foundation of Z"]
    assert [s.label for s in partial.steps] == ["Base", "Z"]
    named = learning_path(ladder, None, T("top"), known=[T("z")])
    assert named.known == {T("z"): KNOWN_LEVEL}


def test_prerequisite_known_at_any_level_counts(ladder: nx.MultiDiGraph) -> None:
    p = learning_path(ladder, T("start"), T("top"), weight=lambda s, a: 1e4 if a["label"] == "Y" else 1.0)
    assert [s.label for s in p.steps] == ["P", "X", "Z"]
    p2 = learning_path(
        ladder, T("start"), T("top"), known={T("p"): 1}, weight=lambda s, a: 1e4 if a["label"] == "Y" else 1.0
    )
    assert [s.label for s in p2.steps] == ["X", "Z"]
    prereq = p.steps[0]
    assert prereq.level == PREREQUISITE_LEVEL
    assert prereq.reasons == ["prerequisite of X"]


def test_known_skills_imply_their_foundations(ladder: nx.MultiDiGraph) -> None:
    assert [s.label for s in learning_path(ladder, None, T("builder")).steps] == ["P", "W"]
    # X needs P: whoever knows X (at any level) has P as a foundation for W
    p = learning_path(ladder, None, T("builder"), known={T("x"): 1})
    assert [s.label for s in p.steps] == ["W"]


def test_optional_requirements_only_on_request(ladder: nx.MultiDiGraph) -> None:
    assert "Opt" not in [s.label for s in learning_path(ladder, T("start"), T("top")).steps]
    with_opt = learning_path(ladder, T("start"), T("top"), optional=True)
    opt = next(s for s in with_opt.steps if s.label == "Opt")
    assert opt.reasons == ["required by Cheap at level 3 (optional)"]


def test_total_hours_is_the_sum_and_cumulative_runs(ladder: nx.MultiDiGraph) -> None:
    p = learning_path(ladder, None, T("top"), known={T("z"): 1})
    assert p.total_hours == pytest.approx(sum(s.hours for s in p.steps))
    running = 0.0
    for s in p.steps:
        running += s.hours
        assert s.cumulative_hours == pytest.approx(running)
    assert [s.position for s in p.steps] == list(range(1, len(p.steps) + 1))


# ---------------------------------------------------------------- errors


def test_unknown_nodes_raise_with_suggestions(ladder: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownEntity) as info:
        learning_path(ladder, T("start"), "Topp")
    assert info.value.suggestions[0] == "Top"
    with pytest.raises(UnknownEntity, match="unknown role name"):
        learning_path(ladder, T("z"), T("top"))  # a skill is not a role
    with pytest.raises(UnknownEntity, match="unknown skill name"):
        learning_path(ladder, None, T("top"), known={T("top"): 3})
    with pytest.raises(KGError, match="out of range"):
        learning_path(ladder, None, T("top"), known={T("z"): 6})


def test_cyclic_prerequisites_are_no_path(ladder: nx.MultiDiGraph) -> None:
    G = ladder.copy()
    G.add_edge(T("base"), T("z"), "prerequisite")  # Z needs Base and now Base needs Z
    with pytest.raises(NoLearningPath, match="cyclic prerequisites") as info:
        learning_path(G, None, T("top"))
    assert "Base" in str(info.value)
    assert "Z" in str(info.value)


# ---------------------------------------------------------------- credentials


def test_credentials_cover_where_cheaper_than_learning_alone() -> None:
    G = tiny_graph()
    p = learning_path(G, None, "role:ml-engineer")
    steps = {s.iri for s in p.steps}
    covered = set().union(*(c.covers for c in p.credentials))
    assert covered <= steps
    assert covered | set(p.uncovered) == steps
    assert not covered & set(p.uncovered)
    for c in p.credentials:
        alone = sum(s.hours for s in p.steps if s.iri in c.covers)
        assert c.hours <= alone, f"{c.label} costs more than learning what it covers alone"
    # a big degree becomes worth it when learning alone is dear
    G.nodes["cred:msc-ml"]["hours"] = 50.0
    choices, left = cover_credentials(G, learning_path(G, None, "role:ml-engineer").steps)
    assert [c.label for c in choices] == ["MSc Machine Learning", "Deep Learning Certificate"]
    assert left == []


# ---------------------------------------------------------------- unlocks


def test_unlocks_lists_roles_and_transitive_skills(ladder: nx.MultiDiGraph) -> None:
    u = unlocks(ladder, T("base"))
    assert [r["label"] for r in u["roles"]] == ["Start", "Top"]
    assert u["roles"][0]["level"] == 3
    assert u["roles"][0]["importance"] == "essential"
    assert [(s["label"], s["depth"]) for s in u["skills"]] == [("Z", 1)]
    assert [r["label"] for r in u["via"]] == ["Top"]
    assert {r["label"]: r["skills"] for r in unlocks(ladder, T("p"))["via"]} == {
        "Builder": ["W"],
        "Dear": ["X"],
    }
    with pytest.raises(UnknownEntity):
        unlocks(ladder, T("top"))


# ---------------------------------------------------------------- plan: names


@pytest.fixture(scope="module")
def ladder_store() -> Store:
    return Store(Graph().parse(data=LADDER, format="turtle"))


def test_plan_resolves_names_and_levels(ladder_store: Store) -> None:
    p = plan(ladder_store, "start", "TOP", know=["Y:2"], alternatives=1)
    assert p.roles == [T("start"), T("cheap"), T("top")]
    y = next(s for s in p.steps if s.label == "Y")
    assert (y.from_level, y.level) == (2, 3)
    assert len(p.alternatives) == 1
    assert p.alternatives[0].roles[1] == T("dear")
    for source in (None, "-", "none", "None"):
        assert plan(ladder_store, source, "top").roles == [T("top")]
    assert plan(ladder_store, "<urn:t:start>", "urn:t:top").roles[1] == T("cheap")


def test_plan_unknown_names(ladder_store: Store) -> None:
    with pytest.raises(UnknownEntity) as info:
        plan(ladder_store, "strat", "top")
    assert "Start" in info.value.suggestions
    with pytest.raises(UnknownEntity, match="unknown skill name 'Zed'"):
        plan(ladder_store, None, "top", know=["Zed:3"])
    with pytest.raises(KGError, match="out of range"):
        plan(ladder_store, None, "top", know=["Z:0"])


def test_plan_uses_the_cached_projection(ladder_store: Store) -> None:
    plan(ladder_store, "start", "top")
    G = projection(ladder_store)
    plan(ladder_store, "cheap", "top")
    assert projection(ladder_store) is G


def test_parse_known() -> None:
    assert parse_known(" Python : 2 ") == ("Python", 2)
    assert parse_known("role:x") == ("role:x", KNOWN_LEVEL)
    with pytest.raises(KGError):
        parse_known("Python:0")


def test_to_dict_is_the_documented_json_shape(ladder: nx.MultiDiGraph) -> None:
    p = learning_paths(ladder, T("start"), T("top"), 2)
    best = p[0]
    best.alternatives = p[1:]
    d = json.loads(json.dumps(best.to_dict()))
    assert d["source"] == {"iri": "urn:t:start", "label": "Start"}
    assert d["target"] == {"iri": "urn:t:top", "label": "Top"}
    assert [r["label"] for r in d["roles"]] == ["Start", "Cheap", "Top"]
    for step in d["steps"]:
        assert {"position", "iri", "label", "type", "hours", "reasons"} <= set(step)
        assert step["type"] == "skill"
        assert step["reasons"]
    assert d["total_hours"] == pytest.approx(sum(s["hours"] for s in d["steps"]))
    assert isinstance(d["credentials"], list)
    assert [a["roles"][1]["label"] for a in d["alternatives"]] == ["Dear"]


# ---------------------------------------------------------------- shipped data


@pytest.fixture(scope="module")
def shipped(default_store: Store) -> nx.MultiDiGraph:
    return projection(default_store)


def _justified(p: LearningPath) -> bool:
    """Every step has a reason chain that ends at a role on the way to the target."""
    learn = set(p.roles[1:] if p.source is not None else p.roles)
    ok = {s.iri for s in p.steps if s.reasons and any(r in learn for r, _, _ in s.required_by)}
    changed = True
    while changed:
        changed = False
        for s in p.steps:
            if s.iri not in ok and any(x in ok for x in s.prerequisite_of):
                ok.add(s.iri)
                changed = True
    return ok == {s.iri for s in p.steps}


def test_software_engineer_to_ml_engineer(default_store: Store, shipped: nx.MultiDiGraph) -> None:
    src, tgt = ROLE["software-engineer"], ROLE["machine-learning-engineer"]
    p = plan(default_store, "Software Engineer", "Machine Learning Engineer")
    assert p.source == src
    assert p.target == tgt
    assert p.roles[0] == src
    assert p.roles[-1] == tgt
    assert p.steps, "an ML engineer needs something a software engineer lacks"
    held = {
        v: d["level"] for v, keys in shipped._succ[src].items() for k, d in keys.items() if k == "requires"
    }
    for s in p.steps:
        assert held.get(s.iri, 0) < s.level, f"{s.label}: the source already holds it at level {s.level}"
    position = {s.iri: s.position for s in p.steps}
    for s in p.steps:
        for pre, keys in shipped._succ[s.iri].items():
            if "prerequisite" in keys and pre in position:
                assert position[pre] < s.position, f"{s.label} comes before its prerequisite"
    assert p.total_hours == pytest.approx(sum(s.hours for s in p.steps))
    assert all(s.reasons for s in p.steps)
    assert _justified(p)


def test_data_scientist_to_lead_ml_engineer_climbs_the_ladder(default_store: Store) -> None:
    p = plan(default_store, "Data Scientist", "Lead Machine Learning Engineer")
    order = [
        ROLE["data-scientist"],
        ROLE["machine-learning-engineer"],
        ROLE["senior-machine-learning-engineer"],
        ROLE["lead-machine-learning-engineer"],
    ]
    positions = [p.roles.index(r) for r in order]
    assert positions == sorted(positions)
    assert p.roles[0] == order[0]
    assert p.roles[-1] == order[-1]
    assert not p.switch
    assert _justified(p)


def test_shipped_unlocks_of_linear_algebra(shipped: nx.MultiDiGraph) -> None:
    u = unlocks(shipped, SKILL["linear-algebra"])
    assert any(r["iri"] == str(ROLE["machine-learning-engineer"]) for r in u["roles"] + u["via"])
    depths = [s["depth"] for s in u["skills"]]
    assert depths == sorted(depths)
    assert not depths or depths[0] == 1


def test_user_file_extends_the_paths(tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix role: <https://w3id.org/careerkg/id/role/> .\n"
        '<urn:x:quantum> a ckg:Skill ; skos:prefLabel "Quantum ML" ; ckg:learningHours 99 .\n'
        'role:quantum-ml-engineer a ckg:Role ; skos:prefLabel "Quantum ML Engineer" ;\n'
        "  ckg:hasRequirement [ ckg:requiredSkill <urn:x:quantum> ; ckg:level 3 ; ckg:importance ckg:Essential ] .\n"
        "role:machine-learning-engineer ckg:hasProgression [ ckg:toRole role:quantum-ml-engineer ; ckg:typicalYears 3 ] .\n"
    )
    store = Store.default([extra])
    p = plan(store, "Machine Learning Engineer", "Quantum ML Engineer")
    assert [s.label for s in p.steps] == ["Quantum ML"]
    assert p.years == 3.0
