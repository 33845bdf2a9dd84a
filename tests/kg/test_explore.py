"""kg.explore over a small inline graph: search, neighbourhoods, details, overview."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import URIRef

from kg.errors import UnknownEntity
from kg.explore import (
    areas,
    central_skills,
    class_counts,
    graph_of,
    hours_by_area,
    ladder,
    neighbourhood,
    node_details,
    path_view,
    resolve,
    search,
)
from kg.store import Store

TTL = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix src: <https://w3id.org/careerkg/id/source/> .
@prefix area: <https://w3id.org/careerkg/id/area/> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix tool: <https://w3id.org/careerkg/id/tool/> .
@prefix cred: <https://w3id.org/careerkg/id/credential/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .

src:doc a ckg:SourceDocument ; dcterms:title "A guide"@en ; dcterms:identifier "guide.txt" .
area:maths a ckg:SkillArea ; skos:prefLabel "Maths"@en .
skill:python a ckg:Skill ; skos:prefLabel "Python"@en ; ckg:learningHours 80 ; ckg:skillType ckg:Competence .
skill:la a ckg:Skill ; skos:prefLabel "Linear algebra"@en ; ckg:learningHours 60 ; ckg:inSkillArea area:maths .
skill:ml a ckg:Skill ; skos:prefLabel "Machine learning"@en ; skos:altLabel "ML"@en ;
    skos:definition "Learning from data."@en ; ckg:learningHours 120 ;
    ckg:hasPrerequisite skill:python, skill:la ; dcterms:source src:doc ;
    skos:exactMatch <http://data.europa.eu/esco/skill/x> .
skill:dl a ckg:Skill ; skos:prefLabel "Deep learning"@en ; skos:altLabel "neural networks"@en ;
    ckg:learningHours 150 ; ckg:hasPrerequisite skill:ml .
tool:torch a ckg:Tool ; skos:prefLabel "PyTorch"@en ; ckg:supportsSkill skill:dl .
cred:cert a ckg:Certification ; skos:prefLabel "DL certificate"@en ; ckg:durationHours 100 ;
    ckg:hasTeaching [ ckg:taughtSkill skill:dl ; ckg:level 3 ] .
role:swe a ckg:Role ; skos:prefLabel "Software Engineer"@en ;
    ckg:hasRequirement [ ckg:requiredSkill skill:python ; ckg:importance ckg:Essential ; ckg:level 3 ] ;
    ckg:hasProgression [ ckg:toRole role:mle ; ckg:typicalYears 2 ] .
role:mle a ckg:Role ; skos:prefLabel "ML Engineer"@en ;
    ckg:hasRequirement [ ckg:requiredSkill skill:dl ; ckg:importance ckg:Essential ; ckg:level 3 ],
                       [ ckg:requiredSkill skill:python ; ckg:importance ckg:Optional ; ckg:level 4 ] ;
    ckg:usesTool tool:torch .
"""

ID = "https://w3id.org/careerkg/id/"


@pytest.fixture(scope="module")
def store() -> Store:
    # not the shared default store: the ontology and this module's TTL, no shipped data
    s = Store.default(with_default=False)
    s.graph.parse(data=TTL, format="turtle")
    from kg.store import materialise

    materialise(s.graph)
    s.touch()
    return s


def test_search_matches_labels_and_alt_labels_prefix_first(store: Store) -> None:
    hits = search(store, "neural")
    assert [(h.label, h.matched, h.type) for h in hits] == [("Deep learning", "neural networks", "skill")]
    assert [h.label for h in search(store, "learning")] == ["Deep learning", "Machine learning"]
    assert [h.label for h in search(store, "ml", types=["skill"])] == ["Machine learning"]
    assert search(store, "   ") == []


def test_resolve_names_and_unknown_names(store: Store) -> None:
    assert resolve(store, "ml") == ID + "skill/ml"
    with pytest.raises(UnknownEntity) as err:
        resolve(store, "Machine lerning")
    assert "Machine learning" in err.value.suggestions


def test_neighbourhood_both_directions_filtered_and_capped(store: Store) -> None:
    G = graph_of(store)
    ml = ID + "skill/ml"
    view = neighbourhood(G, [ml], expanded=[ml])
    assert {str(n) for n in view.nodes} == {ml, ID + "skill/python", ID + "skill/la", ID + "skill/dl"}
    assert str(view.nodes[0]) == ml
    assert view.hidden == 0
    assert {(str(u), k) for u, _, k in view.edges} == {
        (ml, "prerequisite"),
        (ID + "skill/dl", "prerequisite"),
    }
    only_roles = neighbourhood(G, [ID + "skill/python"], expanded=[ID + "skill/python"], types={"role"})
    assert sorted(str(n) for n in only_roles.nodes) == [ID + "role/mle", ID + "role/swe", ID + "skill/python"]
    capped = neighbourhood(G, [ml], expanded=[ml], limit=2)
    assert len(capped.nodes) == 2
    assert capped.hidden == 2


def test_neighbourhood_draws_context_edges_only_for_structure(store: Store) -> None:
    G = graph_of(store)
    dl = ID + "skill/dl"
    view = neighbourhood(G, [dl], expanded=[dl])
    # mle -> torch (uses) touches no expanded node and is not structural: not drawn
    keys = {(str(u), str(v), k) for u, v, k in view.edges}
    assert (ID + "role/mle", ID + "tool/torch", "uses") not in keys
    assert (ID + "tool/torch", dl, "supports") in keys
    with_all = neighbourhood(G, [dl], expanded=[dl], context=("uses",))
    assert (ID + "role/mle", ID + "tool/torch", "uses") in {(str(u), str(v), k) for u, v, k in with_all.edges}


def test_ladder_is_roles_and_progressions(store: Store) -> None:
    view = ladder(graph_of(store))
    assert [str(n) for n in view.nodes] == [ID + "role/mle", ID + "role/swe"]
    assert [(str(u), str(v), k) for u, v, k in view.edges] == [
        (ID + "role/swe", ID + "role/mle", "progresses")
    ]


def test_ladder_capped_keeps_the_roles_on_progressions_first() -> None:
    G = nx.MultiDiGraph()
    for n in ("a", "b", "c", "x", "y"):
        G.add_node(n, type="role", label=n.upper())
    G.add_node("s", type="skill", label="S")
    G.add_edge("x", "y", key="progresses")
    G.add_edge("a", "s", key="requires")
    view = ladder(G, limit=3)
    assert view.nodes == ["x", "y", "a"]
    assert view.hidden == 2
    assert view.edges == [("x", "y", "progresses")]
    assert ladder(G).hidden == 0
    assert len(ladder(G).nodes) == 5


def test_node_details_sections_facts_sources_and_matches(store: Store) -> None:
    d = node_details(store, ID + "skill/ml")
    assert (d.label, d.type, d.definition, d.alt_labels) == (
        "Machine learning",
        "skill",
        "Learning from data.",
        ["ML"],
    )
    assert ("Learning hours", "120 h") in d.facts
    prereq = d.section("Prerequisites")
    assert prereq is not None
    assert [lk.label for lk in prereq.links] == ["Linear algebra", "Python"]
    later = d.section("Prerequisite of")
    assert later is not None
    assert [lk.label for lk in later.links] == ["Deep learning"]
    unlocks = d.section("Unlocks roles")
    assert unlocks is not None
    assert [lk.label for lk in unlocks.links] == ["ML Engineer"]
    assert [(s.label, s.note) for s in d.sources] == [("A guide", "guide.txt")]
    assert d.matches == ["http://data.europa.eu/esco/skill/x"]


def test_node_details_of_a_role_notes_levels_and_years(store: Store) -> None:
    d = node_details(store, ID + "role/swe")
    req = d.section("Requires skills")
    assert req is not None
    assert [(lk.label, lk.note) for lk in req.links] == [("Python", "level 3 · essential")]
    leads = d.section("Leads to")
    assert leads is not None
    assert leads.links[0].note == "~2 years"
    taught = node_details(store, ID + "skill/dl").section("Taught by")
    assert taught is not None
    assert [(lk.label, lk.type, lk.note) for lk in taught.links] == [
        ("DL certificate", "certification", "level 3")
    ]


def test_node_details_unknown_node(store: Store) -> None:
    with pytest.raises(UnknownEntity):
        node_details(store, ID + "skill/nothing")


def test_overview_figures(store: Store) -> None:
    G = graph_of(store)
    counts = class_counts(G)
    assert counts["skill"] == 4
    assert counts["role"] == 2
    assert counts["course"] == 0
    top = central_skills(G, 5)
    # python: essential for one role, optional for the other; deep learning: essential
    # for one; linear algebra and machine learning: no role requires them directly
    assert top == [(ID + "skill/python", "Python", 1, 1), (ID + "skill/dl", "Deep learning", 1, 0)]
    assert (top[0].essential, top[0].optional, top[0].roles) == (1, 1, 2)
    assert hours_by_area(G) == {"Other": 350.0, "Maths": 60.0}
    assert areas(G, [ID + "skill/la", ID + "skill/ml"]) == {ID + "skill/la": "Maths"}


def test_central_skills_rank_by_roles_needing_them_as_essential_then_by_all() -> None:
    G = nx.MultiDiGraph()
    for r in ("r1", "r2", "r3"):
        G.add_node(r, type="role", label=r)
    for s in ("anything", "basics", "core", "maths"):
        G.add_node(s, type="skill", label=s)
    for r in ("r1", "r2", "r3"):  # required by all three roles, essential for none
        G.add_edge(r, "anything", "requires", level=2, importance="optional")
    for r in ("r1", "r2"):
        G.add_edge(r, "basics", "requires", level=2, importance="essential")
        G.add_edge(r, "core", "requires", level=3, importance="essential")
    G.add_edge("r3", "core", "requires", level=1, importance="optional")
    G.add_edge("core", "maths", "prerequisite")  # leads to every role, required by none
    top = central_skills(G, 10)
    assert [(s.label, s.essential, s.optional) for s in top] == [
        ("core", 2, 1),  # ties with basics on essential, more roles require it in all
        ("basics", 2, 0),
        ("anything", 0, 3),
    ]
    assert [s.label for s in central_skills(G, 2)] == ["core", "basics"]


def test_path_view_leaves_out_the_source_roles_requirements(store: Store) -> None:
    G = graph_of(store)
    path = {
        "source": {"iri": ID + "role/swe"},
        "roles": [{"iri": ID + "role/swe"}, {"iri": ID + "role/mle"}],
        "steps": [{"iri": ID + "skill/la"}, {"iri": ID + "skill/ml"}, {"iri": ID + "skill/dl"}],
    }
    view = path_view(G, path, known=[ID + "skill/python"])
    assert URIRef(ID + "skill/python") in view.nodes
    edges = {(str(u).rsplit("/", 1)[-1], str(v).rsplit("/", 1)[-1], k) for u, v, k in view.edges}
    assert ("swe", "python", "requires") not in edges
    assert {("mle", "dl", "requires"), ("ml", "la", "prerequisite"), ("swe", "mle", "progresses")} <= edges


def test_search_forgives_misspellings_with_the_closest_names(store: Store) -> None:
    # a user who types a name slightly wrong still finds the node, marked as a close match
    assert search(store, "deap lerning") == []  # nothing contains it ...
    hits = search(store, "deap lerning", closest=True)  # ... but it is close to one name
    assert [(h.label, h.close) for h in hits] == [("Deep learning", True)]
    assert [h.label for h in search(store, "pyhton", closest=True)] == ["Python"]
    # an alt label counts too, and the hit says which name was close
    assert [(h.label, h.matched) for h in search(store, "nural networks", closest=True)] == [
        ("Deep learning", "neural networks")
    ]
    assert [h.label for h in search(store, "Machine lerning", types=["skill"], closest=True)] == [
        "Machine learning"
    ]
    # a name that contains the text is not mixed with guesses; nonsense finds nothing
    assert [h.close for h in search(store, "learning", closest=True)] == [False, False]
    assert search(store, "qqqqzz", closest=True) == []


def test_search_puts_the_node_called_exactly_that_first() -> None:
    # in ESCO "SQL" is the preferred label of one skill and an alt label of "database
    # management systems", which sorts first: the skill called SQL comes first
    s = Store.default(with_default=False)
    s.graph.parse(
        data="""@prefix ckg: <https://w3id.org/careerkg/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:x:sql> a ckg:Skill ; skos:prefLabel "SQL"@en .
        <urn:x:dbms> a ckg:Skill ; skos:prefLabel "database management systems"@en ; skos:altLabel "SQL"@en .
        """,
        format="turtle",
    )
    s.touch()
    assert [h.label for h in search(s, "sql")] == ["SQL", "database management systems"]


def test_a_capped_neighbourhood_keeps_the_essential_requirements_first() -> None:
    # a role requiring more skills than the cap: the essential ones are drawn, not the
    # first ones in the alphabet (an ESCO occupation requires hundreds)
    G = nx.MultiDiGraph()
    G.add_node("r", type="role", label="R")
    for name, importance in [("a", "optional"), ("b", "optional"), ("y", "essential"), ("z", "essential")]:
        G.add_node(name, type="skill", label=name.upper())
        G.add_edge("r", name, key="requires", level=3, importance=importance)
    view = neighbourhood(G, ["r"], expanded=["r"], limit=3)
    assert view.nodes == ["r", "y", "z"]
    assert view.hidden == 2
    # roles still come before skills, and within a kind the essential link first
    G.add_node("q", type="role", label="Q")
    G.add_edge("q", "r", key="progresses")
    assert neighbourhood(G, ["r"], expanded=["r"]).nodes == ["r", "q", "y", "z", "a", "b"]


def test_credential_details_say_effort_and_retirement() -> None:
    shipped = Store.default()
    G = graph_of(shipped)
    label = {d["label"]: n for n, d in G.nodes(data=True)}
    specialty = node_details(shipped, str(label["AWS Certified Machine Learning – Specialty"]))
    assert ("Effort", "130 h") in specialty.facts
    assert ("Retired", "last day to take it 2026-03-31") in specialty.facts
    associate = node_details(shipped, str(label["AWS Certified Machine Learning Engineer – Associate"]))
    assert not [f for f in associate.facts if f[0] in ("Retired", "Retiring")]


def test_an_expected_skill_the_credential_also_teaches_says_so() -> None:
    shipped = Store.default()
    G = graph_of(shipped)
    cred = next(
        n
        for n, d in G.nodes(data=True)
        if d["label"] == "AWS Certified Machine Learning Engineer – Associate"
    )
    taught = {v: d.get("level") for _, v, k, d in G.out_edges(cred, keys=True, data=True) if k == "teaches"}
    expected = {v for _, v, k in G.out_edges(cred, keys=True) if k == "requires_prior"}
    assert taught.keys() & expected, "the data has an expected skill the credential also teaches"
    assert expected - taught.keys(), "and one it does not"
    section = next(s for s in node_details(shipped, str(cred)).sections if s.title == "Expects beforehand")
    for link in section.links:
        node = URIRef(link.iri)
        want = f"also taught, to level {taught[node]}" if node in taught else ""
        assert link.note == want, link.label


def test_a_joined_skill_is_shown_in_careerkg_area_not_the_imported_one() -> None:
    # as an O*NET import joins "Complex Problem Solving" into problem-solving: the skill
    # is then in O*NET's area too, whose label sorts first
    G = nx.MultiDiGraph()
    own = "https://w3id.org/careerkg/id/area/soft-skills"
    onet = "https://www.onetonline.org/find/descriptor/browse/2.B.2"
    G.add_node(own, type="area", label="Soft Skills")
    G.add_node(onet, type="area", label="Complex Problem Solving Skills")
    G.add_node("ps", type="skill", label="problem-solving", hours=13.0)
    for area in (onet, own):
        G.add_edge("ps", area, "in_area")
    assert areas(G, ["ps"]) == {"ps": "Soft Skills"}
    assert hours_by_area(G) == {"Soft Skills": 13.0}


def test_search_finds_a_node_by_its_iri_or_prefixed_name(store: Store) -> None:
    # an IRI copied from a SPARQL answer or the details panel found nothing (no label
    # contains it); a prefixed name only by luck, as a "closest match"
    for typed in (ID + "skill/dl", f"<{ID}skill/dl>", "skill:dl", f"  {ID}skill/dl "):
        assert [(h.iri, h.label, h.close) for h in search(store, typed, closest=True)] == [
            (ID + "skill/dl", "Deep learning", False)
        ], typed
    # of a type not asked for: not that node
    assert all(h.type == "role" for h in search(store, "skill:dl", types=["role"], closest=True))
    # one the graph does not hold (cut short, misspelt): the names its last part spells, as guesses
    assert [(h.label, h.close) for h in search(store, ID + "skill/deep-learnin")] == [("Deep learning", True)]
    assert [(h.label, h.close) for h in search(store, "skill:machine_lerning", closest=True)] == [
        ("Machine learning", True)
    ]
    assert search(store, ID, closest=True) == []


def test_node_details_write_large_figures_with_thousands_separated() -> None:
    # a degree's "Effort 3000 h" and a bootcamp's "Cost 13000 USD" beside the
    # overview's "3,000 h": the details wrote no separator
    from kg.names import LabelIndex

    s = Store.default()
    index = LabelIndex.of(s)
    facts = dict(node_details(s, str(index.resolve("Master of Science in Data Science"))).facts)
    assert facts["Effort"] == "3,000 h"
    facts = dict(node_details(s, str(index.resolve("Data science / ML bootcamp"))).facts)
    assert facts["Cost"] == "13,000 USD"
    assert facts["Effort"] == "500 h"


ESTIMATES_TTL = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://data.europa.eu/esco/skill/k1> a ckg:Skill ; skos:prefLabel "communication"@en ;
    ckg:skillType ckg:Knowledge ;
    ckg:reuseLevel <http://data.europa.eu/esco/skill-reuse-level/cross-sector> ;
    ckg:learningHours 40 ; ckg:isEstimate true .
<https://w3id.org/careerkg/id/onet/element/2.C.1.a> a ckg:Skill ; skos:prefLabel "Administration"@en ;
    ckg:skillType ckg:Knowledge ; ckg:learningHours 100 ; ckg:isEstimate true .
<https://w3id.org/careerkg/id/onet/technology/43232408> a ckg:Skill ;
    skos:prefLabel "Web platform development software"@en ;
    ckg:skillType ckg:Competence ; ckg:learningHours 40 ; ckg:isEstimate true .
<https://w3id.org/careerkg/id/tool/jax> a ckg:Tool ; skos:prefLabel "JAX"@en ;
    ckg:learningHours 30 ; ckg:isEstimate true .
"""


def test_details_say_where_estimated_values_come_from() -> None:
    # ESCO and O*NET give no learning hours: an imported skill's hours are careerkg's
    # defaults by skill type and reuse level (or O*NET element kind), not curated values;
    # the details said 'Values: curated estimates' for all of them
    s = Store.default(with_default=False)
    s.graph.parse(data=ESTIMATES_TTL, format="turtle")
    s.touch()
    values = {
        iri.rsplit("/", 1)[-1]: dict(node_details(s, iri).facts)["Values"]
        for iri in (
            "http://data.europa.eu/esco/skill/k1",
            ID + "onet/element/2.C.1.a",
            ID + "onet/technology/43232408",
            ID + "tool/jax",
        )
    }
    assert values == {
        "k1": "careerkg default for ESCO knowledge, cross-sector (ESCO gives no learning hours)",
        "2.C.1.a": "careerkg default for O*NET knowledge (O*NET gives no learning hours)",
        "43232408": "careerkg default for an O*NET technology skill (O*NET gives no learning hours)",
        "jax": "careerkg curated estimates",
    }


SAME_NAME_TTL = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/careerkg/id/skill/communication> a ckg:Skill ; skos:prefLabel "Communication"@en .
<http://data.europa.eu/esco/skill/c1> a ckg:Skill ; skos:prefLabel "communication"@en ;
    dcterms:source <urn:esco> .
<urn:esco> dcterms:title "ESCO classification v1.1.1" .
<http://data.europa.eu/esco/skill/c2> a ckg:Skill ; skos:prefLabel "communication skills"@en ;
    skos:altLabel "communication"@en .
"""


def test_details_name_the_other_nodes_of_the_same_name() -> None:
    # on ESCO /node/communication showed the curated skill, and nothing said ESCO has
    # a 'communication' too, nor led to it
    from kg.explore import SAME_NAME

    s = Store.default(with_default=False)
    s.graph.parse(data=SAME_NAME_TTL, format="turtle")
    s.touch()
    curated, esco = ID + "skill/communication", "http://data.europa.eu/esco/skill/c1"

    def same(iri: str) -> list[tuple[str, str, str]]:
        sections = {sec.title: sec.links for sec in node_details(s, iri).sections}
        return [(lk.iri, lk.label, lk.note) for lk in sections.get(SAME_NAME, [])]

    assert same(curated) == [(esco, "communication", "ESCO classification v1.1.1")]
    assert same(esco) == [(curated, "Communication", "careerkg")]
    # an alt label alone is no shared name
    assert same("http://data.europa.eu/esco/skill/c2") == []
