"""A path to a role below the learner's on the career ladder says so."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kg.cli import _register, cli
from kg.cli.path import render_markdown, render_table
from kg.errors import NoLearningPath
from kg.paths import learning_path
from kg.project import project

LADDER = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:junior a ckg:Role ; skos:prefLabel "Junior" ;
    ckg:hasRequirement [ ckg:requiredSkill :basics ; ckg:level 3 ; ckg:importance ckg:Essential ] ;
    ckg:hasProgression [ ckg:toRole :mid ] .
:mid a ckg:Role ; skos:prefLabel "Mid" ;
    ckg:hasRequirement [ ckg:requiredSkill :craft ; ckg:level 3 ; ckg:importance ckg:Essential ] ;
    ckg:hasProgression [ ckg:toRole :senior ] .
:senior a ckg:Role ; skos:prefLabel "Senior" ;
    ckg:hasRequirement [ ckg:requiredSkill :lead ; ckg:level 3 ; ckg:importance ckg:Essential ] .
:other a ckg:Role ; skos:prefLabel "Other" ;
    ckg:hasRequirement [ ckg:requiredSkill :craft ; ckg:level 2 ; ckg:importance ckg:Essential ] .
:basics a ckg:Skill ; skos:prefLabel "Basics" ; ckg:learningHours 30 .
:craft a ckg:Skill ; skos:prefLabel "Craft" ; ckg:learningHours 30 .
:lead a ckg:Skill ; skos:prefLabel "Lead" ; ckg:learningHours 30 .
"""


def T(name: str) -> URIRef:
    return URIRef("urn:t:" + name)


@pytest.fixture(scope="module")
def G() -> object:
    return project(Graph().parse(data=LADDER, format="turtle"))


def test_a_role_below_is_named_with_the_ladder_that_leads_up(G: object) -> None:
    p = learning_path(G, T("senior"), T("junior"))  # type: ignore[arg-type]
    assert p.switch
    assert p.below == [T("junior"), T("mid"), T("senior")]
    assert p.to_dict()["below"] == [
        {"iri": "urn:t:junior", "label": "Junior"},
        {"iri": "urn:t:mid", "label": "Mid"},
        {"iri": "urn:t:senior", "label": "Senior"},
    ]
    note = "Junior comes before Senior on the career ladder (Junior → Mid → Senior)"
    assert note in " ".join(render_table(p, width=1000).split())
    assert note in render_markdown(p)


def test_a_role_elsewhere_or_above_is_not_below(G: object) -> None:
    assert learning_path(G, T("senior"), T("other")).below == []  # type: ignore[arg-type]
    up = learning_path(G, T("junior"), T("senior"))  # type: ignore[arg-type]
    assert (up.switch, up.below) == (False, [])
    assert "comes before" not in render_table(up)


def test_no_switch_to_a_role_below_says_it_is_below(G: object) -> None:
    with pytest.raises(NoLearningPath, match=r"Junior comes before Senior on the career ladder"):
        learning_path(G, T("senior"), T("junior"), switch=False)  # type: ignore[arg-type]


def test_shipped_senior_to_ml_engineer() -> None:
    _register()
    out = CliRunner().invoke(
        cli, ["path", "Senior Machine Learning Engineer", "Machine Learning Engineer", "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert [r["label"] for r in d["below"]] == [
        "Machine Learning Engineer",
        "Senior Machine Learning Engineer",
    ]


def test_of_ladders_with_as_few_steps_the_note_gives_the_one_of_fewest_years() -> None:
    # Data Engineer -> ML Engineer -> ? -> Lead ML Engineer -> Head of Data: by Senior ML
    # Engineer (3 + 3 years) or by Research Scientist (3 + 4); the note named the first
    # by IRIs, research-scientist
    _register()
    result = CliRunner().invoke(cli, ["path", "Head of Data", "Data Engineer", "--format", "json"])
    assert result.exit_code == 0, result.output
    below = [r["label"] for r in json.loads(result.stdout)["below"]]
    assert below == [
        "Data Engineer",
        "Machine Learning Engineer",
        "Senior Machine Learning Engineer",
        "Lead Machine Learning Engineer",
        "Head of Data",
    ]
