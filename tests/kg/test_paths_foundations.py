"""A skill the learner has implies its foundations, for requirements as for prerequisites.

The planner never asks a learner who has S for S's prerequisites; it must not then
plan those same foundations from level 0 when a role asks for them.
"""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from kg.namespace import SKILL
from kg.paths import HOURS_LEVEL, PREREQUISITE_LEVEL, learning_path, plan
from kg.project import project
from kg.store import Store

# Applied needs Stats (which needs Prob, which needs Calc) and Prob itself at level 4.
GRAPH = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:applied a ckg:Role ; skos:prefLabel "Applied" ;
    ckg:hasRequirement [ ckg:requiredSkill :stats ; ckg:level 4 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :prob ; ckg:level 4 ; ckg:importance ckg:Essential ] ,
                       [ ckg:requiredSkill :calc ; ckg:level 2 ; ckg:importance ckg:Essential ] .
:stats a ckg:Skill ; skos:prefLabel "Stats" ; ckg:learningHours 90 ; ckg:hasPrerequisite :prob .
:prob a ckg:Skill ; skos:prefLabel "Prob" ; ckg:learningHours 60 ; ckg:hasPrerequisite :calc .
:calc a ckg:Skill ; skos:prefLabel "Calc" ; ckg:learningHours 30 .
"""


def T(name: str) -> URIRef:
    return URIRef("urn:t:" + name)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return project(Graph().parse(data=GRAPH, format="turtle"))


def test_a_known_skill_implies_its_foundations_up_to_level_3(G: nx.MultiDiGraph) -> None:
    p = learning_path(G, None, T("applied"), known={T("stats"): 4})
    steps = {s.label: s for s in p.steps}
    assert set(steps) == {"Prob"}, "Calc at 2 is met: Stats at 4 implies it at 3"
    prob = steps["Prob"]
    assert (prob.from_level, prob.level) == (PREREQUISITE_LEVEL, 4)
    assert prob.hours == pytest.approx(60 * (4 - 3) / HOURS_LEVEL)
    assert prob.reasons == [
        "required by Applied at level 4 (essential), up from level 3 as a foundation of Stats"
    ]


def test_the_implied_level_is_no_higher_than_the_known_one(G: nx.MultiDiGraph) -> None:
    p = learning_path(G, None, T("applied"), known={T("stats"): 1})
    levels = {s.label: (s.from_level, s.level) for s in p.steps}
    assert levels == {"Stats": (1, 4), "Prob": (1, 4), "Calc": (1, 2)}
    assert p.total_hours == pytest.approx((90 * 3 + 60 * 3 + 30 * 1) / HOURS_LEVEL)


def test_a_higher_known_level_of_the_foundation_wins(G: nx.MultiDiGraph) -> None:
    p = learning_path(G, None, T("applied"), known={T("stats"): 4, T("prob"): 4})
    assert p.steps == []


def test_shipped_data_analyst_to_data_scientist(G: nx.MultiDiGraph) -> None:
    # a data analyst has statistics at level 3, whose prerequisite is probability theory
    p = plan(Store.default(), "Data Analyst", "Data Scientist")
    prob = next(s for s in p.steps if s.iri == SKILL["probability"])
    assert prob.from_level == 3, prob.reasons
    assert "as a foundation of statistics" in prob.reasons[0]
