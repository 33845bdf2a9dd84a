"""A role whose data lists no skill requirements is not "nothing to learn".

An imported occupation can come without ratings (O*NET 29.3 rates no skills for Data
Scientists, 15-2051.00): a path to it used to say "you already have every skill the
target requires" even from Cooks, Restaurant.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

DATA = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<urn:x:unrated> a ckg:Role ; skos:prefLabel "Unrated Scientist" .
<urn:x:junior> a ckg:Role ; skos:prefLabel "Junior Quant" ;
  ckg:hasProgression [ a ckg:Progression ; ckg:toRole <urn:x:middle> ; ckg:typicalYears 2.0 ] .
<urn:x:middle> a ckg:Role ; skos:prefLabel "Middle Quant" ;
  ckg:hasProgression [ a ckg:Progression ; ckg:toRole <urn:x:senior> ; ckg:typicalYears 3.0 ] .
<urn:x:senior> a ckg:Role ; skos:prefLabel "Senior Quant" ;
  ckg:hasRequirement [ ckg:requiredSkill <https://w3id.org/careerkg/id/skill/statistics> ; ckg:level 4 ;
                       ckg:importance ckg:Essential ] .
"""


@pytest.fixture
def run(path_cli: Callable[[str], Callable[..., str]]) -> Callable[..., str]:
    return path_cli(DATA)


def test_a_target_without_requirements_says_there_is_nothing_to_plan(run: Callable[..., str]) -> None:
    d = json.loads(run("Data Analyst", "Unrated Scientist", "--format", "json"))
    assert d["steps"] == []
    assert [r["label"] for r in d["unspecified"]] == ["Unrated Scientist"]
    note = "the data lists no skill requirements for Unrated Scientist, so the plan cannot say what it takes"
    table = run("Data Analyst", "Unrated Scientist")
    assert f"nothing to plan: {note}" in table
    assert "nothing to learn" not in table
    assert f"Nothing to plan: {note}." in run("Data Analyst", "Unrated Scientist", "--format", "md")


def test_a_role_on_the_way_without_requirements_is_noted_beside_the_steps(run: Callable[..., str]) -> None:
    d = json.loads(run("Junior Quant", "Senior Quant", "--format", "json"))
    assert [r["label"] for r in d["roles"]] == ["Junior Quant", "Middle Quant", "Senior Quant"]
    assert d["steps"]  # statistics and its foundations, for the Senior Quant
    assert [r["label"] for r in d["unspecified"]] == ["Middle Quant"]
    assert "note: the data lists no skill requirements for Middle Quant" in run(
        "Junior Quant", "Senior Quant"
    )


def test_a_target_with_requirements_you_have_is_still_nothing_to_learn(run: Callable[..., str]) -> None:
    d = json.loads(run("Senior Quant", "Senior Quant", "--format", "json"))
    assert d["steps"] == []
    assert d["unspecified"] == []
    assert "nothing to learn" in run("Senior Quant", "Senior Quant")


def test_a_source_role_without_requirements_says_the_plan_credits_nothing_from_it(
    run: Callable[..., str], tmp_path: Path
) -> None:
    from dashboard.downloads import to_markdown
    from kg.paths import path_notes

    note = (
        "the data lists no skill requirements for Unrated Scientist, your current role, so the plan "
        "credits you with no skill from it: add the skills you have as known skills"
    )
    d = json.loads(run("Unrated Scientist", "Data Scientist", "--format", "json"))
    assert d["source_unspecified"] is True
    assert d["steps"]
    assert f"note: {note}" in run("Unrated Scientist", "Data Scientist")
    assert f"**Note:** {note}." in run("Unrated Scientist", "Data Scientist", "--format", "md")
    page = note[0].upper() + note[1:] + "."
    assert page in path_notes(d)
    assert f"**Note:** {page}" in to_markdown(d)  # the page's download
    # a source whose data states what it requires says nothing of the kind
    other = json.loads(run("Junior Quant", "Senior Quant", "--format", "json"))
    assert other["source_unspecified"] is True  # Junior Quant states no requirements either
    rated = json.loads(run("Data Analyst", "Data Scientist", "--format", "json"))
    assert rated["source_unspecified"] is False
    assert "your current role" not in run("Data Analyst", "Data Scientist")
