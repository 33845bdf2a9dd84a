"""A skill includes its broader skills: Python programming counts for computer programming.

``skos:broader`` between two skills (the way ESCO states that Python is narrower than
computer programming) means that holding the narrower skill implies the broader one
up to :data:`kg.paths.PREREQUISITE_LEVEL`, and that a step learning the narrower skill
covers the broader one instead of planning it apart.
"""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from kg.paths import PREREQUISITE_LEVEL, learning_path
from kg.project import project
from kg.store import Store

T = "urn:t:"

GRAPH = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:programming a ckg:Skill ; skos:prefLabel "computer programming" ; ckg:learningHours 90 .
:python a ckg:Skill ; skos:prefLabel "Python programming" ; ckg:learningHours 150 ;
    skos:broader :programming .
:java a ckg:Skill ; skos:prefLabel "Java programming" ; ckg:learningHours 150 ;
    ckg:hasPrerequisite :programming ; skos:broader :programming .
:sql a ckg:Skill ; skos:prefLabel "SQL" ; ckg:learningHours 60 .
:coder a ckg:Role ; skos:prefLabel "Coder" ;
    ckg:hasRequirement [ ckg:requiredSkill :programming ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :sql ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:senior a ckg:Role ; skos:prefLabel "Senior Coder" ;
    ckg:hasRequirement [ ckg:requiredSkill :programming ; ckg:level 4 ; ckg:importance ckg:Essential ] .
:pythonista a ckg:Role ; skos:prefLabel "Pythonista" ;
    ckg:hasRequirement [ ckg:requiredSkill :programming ; ckg:level 2 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :python ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:polyglot a ckg:Role ; skos:prefLabel "Polyglot" ;
    ckg:hasRequirement [ ckg:requiredSkill :python ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :java ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:javanese a ckg:Role ; skos:prefLabel "Java Developer" ;
    ckg:hasRequirement [ ckg:requiredSkill :programming ; ckg:level 2 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :java ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:dabbler a ckg:Role ; skos:prefLabel "Dabbler" ;
    ckg:hasRequirement [ ckg:requiredSkill :programming ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :python ; ckg:level 2 ; ckg:importance ckg:Essential ] .
"""


def t(name: str) -> URIRef:
    return URIRef(T + name)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return project(Graph().parse(data=GRAPH, format="turtle"))


def labels(path) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.label for s in path.steps]


def test_knowing_the_narrower_skill_meets_the_broader_requirement(G: nx.MultiDiGraph) -> None:
    path = learning_path(G, None, t("coder"), known={t("python"): 4})
    assert labels(path) == ["SQL"]


def test_it_counts_up_to_the_prerequisite_level_and_the_step_says_why(G: nx.MultiDiGraph) -> None:
    path = learning_path(G, None, t("senior"), known={t("python"): 5})
    [step] = path.steps
    assert (step.label, step.from_level, step.level) == ("computer programming", PREREQUISITE_LEVEL, 4)
    assert step.hours == 30.0
    assert step.reasons == [
        "required by Senior Coder at level 4 (essential), up from level 3 as part of Python programming"
    ]


def test_a_level_below_the_requirement_raises_it_from_there(G: nx.MultiDiGraph) -> None:
    path = learning_path(G, None, t("coder"), known={t("python"): 2})
    step = next(s for s in path.steps if s.label == "computer programming")
    assert (step.from_level, step.level, step.hours) == (2, 3, 30.0)


def test_learning_the_narrower_skill_covers_the_broader_one(G: nx.MultiDiGraph) -> None:
    path = learning_path(G, None, t("pythonista"))
    [step] = path.steps
    assert step.label == "Python programming"
    assert step.covers == [t("programming")]
    assert step.reasons == [
        "required by Pythonista at level 3 (essential)",
        "covers computer programming, which Pythonista requires at level 2 (essential)",
    ]
    assert path.total_hours == 150.0
    assert path.to_dict()["steps"][0]["covers"] == [
        {"iri": T + "programming", "label": "computer programming", "level": 3}
    ]


def test_the_covering_step_comes_before_what_builds_on_the_covered_skill(G: nx.MultiDiGraph) -> None:
    path = learning_path(G, None, t("polyglot"))
    assert labels(path) == ["Python programming", "Java programming"]
    assert path.steps[0].reasons[-1] == "covers computer programming, which Java programming builds on"
    assert path.total_hours == 300.0


def test_a_broader_skill_the_narrower_one_builds_on_is_learnt_first(G: nx.MultiDiGraph) -> None:
    # Java lists computer programming as its prerequisite: learnt before Java, not covered by it
    path = learning_path(G, None, t("javanese"))
    assert labels(path) == ["computer programming", "Java programming"]
    assert path.steps[1].covers == []


def test_a_step_below_the_broader_requirement_covers_nothing(G: nx.MultiDiGraph) -> None:
    path = learning_path(G, None, t("dabbler"))  # Python to level 2 does not give programming at 3
    assert labels(path) == ["computer programming", "Python programming"]
    assert all(s.covers == [] for s in path.steps)


def test_the_shipped_data_credits_python_for_computer_programming() -> None:
    from kg.paths import plan

    store = Store.default()
    before = plan(store, "Data Analyst", "Software Engineer")
    known = plan(store, "Data Analyst", "Software Engineer", know=["Python:4"])
    assert "computer programming" in labels(before)
    step = next((s for s in known.steps if s.label == "computer programming"), None)
    # Software Engineer asks for computer programming at 4: only the last level is left
    assert step is not None
    assert (step.from_level, step.level) == (3, 4)
    assert "as part of Python programming" in step.reasons[0]


CYCLE = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:a a ckg:Skill ; skos:prefLabel "A" ; ckg:learningHours 30 ; skos:broader :b .
:b a ckg:Skill ; skos:prefLabel "B" ; ckg:learningHours 30 ; skos:broader :a , :c .
:c a ckg:Skill ; skos:prefLabel "C" ; ckg:learningHours 30 .
:role a ckg:Role ; skos:prefLabel "Role" ;
    ckg:hasRequirement [ ckg:requiredSkill :a ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :b ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :c ; ckg:level 2 ; ckg:importance ckg:Essential ] .
"""


def test_a_cycle_of_broader_skills_leaves_one_step_covering_the_rest() -> None:
    # ESCO's hierarchy is data like any other: A in B and B in A must not cover each other away
    G = project(Graph().parse(data=CYCLE, format="turtle"))
    path = learning_path(G, None, t("role"))
    [step] = path.steps
    assert step.label == "A"
    assert step.covers == [t("b"), t("c")]  # C through B, transitively
    assert path.total_hours == 30.0


MORE = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:programming a ckg:Skill ; skos:prefLabel "computer programming" ; ckg:learningHours 90 .
:python a ckg:Skill ; skos:prefLabel "Python programming" ; ckg:learningHours 150 ;
    skos:broader :programming .
:dsa a ckg:Skill ; skos:prefLabel "algorithms" ; ckg:learningHours 120 ; ckg:hasPrerequisite :programming .
:scripter a ckg:Role ; skos:prefLabel "Scripter" ;
    ckg:hasRequirement [ ckg:requiredSkill :python ; ckg:level 2 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :dsa ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:a a ckg:Skill ; skos:prefLabel "A" ; ckg:learningHours 30 ; skos:broader :p ; ckg:hasPrerequisite :q .
:b a ckg:Skill ; skos:prefLabel "B" ; ckg:learningHours 30 ; skos:broader :q ; ckg:hasPrerequisite :p .
:p a ckg:Skill ; skos:prefLabel "P" ; ckg:learningHours 30 .
:q a ckg:Skill ; skos:prefLabel "Q" ; ckg:learningHours 30 .
:crossed a ckg:Role ; skos:prefLabel "Crossed" ;
    ckg:hasRequirement [ ckg:requiredSkill :a ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :b ; ckg:level 3 ; ckg:importance ckg:Essential ] .
"""


@pytest.fixture(scope="module")
def more() -> nx.MultiDiGraph:
    return project(Graph().parse(data=MORE, format="turtle"))


def test_a_skill_needed_only_as_a_prerequisite_is_covered_at_any_level(more: nx.MultiDiGraph) -> None:
    # Python to level 2 gives computer programming at level 2: enough to build on, as for
    # a learner who has it (a prerequisite is met at any level)
    path = learning_path(more, None, t("scripter"))
    assert labels(path) == ["Python programming", "algorithms"]
    assert path.steps[0].covers == [t("programming")]
    assert path.steps[0].reasons[-1] == "covers computer programming, which algorithms builds on"


def test_covers_never_order_two_steps_before_each_other(more: nx.MultiDiGraph) -> None:
    # A could cover P (which B builds on) and B could cover Q (which A builds on): taking
    # both would need A before B and B before A, so only the first is taken
    path = learning_path(more, None, t("crossed"))
    assert labels(path) == ["Q", "A", "B"]
    assert path.steps[1].covers == [t("p")]
    assert path.steps[2].covers == []
