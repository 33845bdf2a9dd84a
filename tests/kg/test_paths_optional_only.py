"""A role whose data lists only optional skill requirements is not "nothing to learn:
you already have every skill the target requires".

The plan learns essential requirements unless asked for the optional ones too (``careerkg
path --optional``). O*NET rates 42 of its 879 occupations below "important" on every
skill and knowledge area (all optional after import), and ESCO lists only optional
skills for its specialist dentist: a path to one from any role said there was nothing
to learn because the learner already had every skill.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from kg.paths import path_notes
from tests.support.optional_only import OPTIONAL_ONLY as DATA

NOTE = (
    "the data lists only optional skill requirements for {}, and the plan learns essential requirements only"
)


@pytest.fixture
def run(path_cli: Callable[[str], Callable[..., str]]) -> Callable[..., str]:
    return path_cli(DATA)


def test_a_target_of_optional_requirements_says_the_plan_leaves_them_out(run: Callable[..., str]) -> None:
    d = json.loads(run("Data Analyst", "Night Porter", "--format", "json"))
    assert d["steps"] == []
    assert [r["label"] for r in d["optional_only"]] == ["Night Porter"]
    assert d["unspecified"] == []
    note = NOTE.format("Night Porter")
    table = run("Data Analyst", "Night Porter")
    assert f"nothing to learn: {note} (--optional plans them too)" in table
    assert "already have every skill" not in table
    assert f"Nothing to learn: {note} (--optional plans them too)." in run(
        "Data Analyst", "Night Porter", "--format", "md"
    )


def test_with_optional_requirements_the_plan_learns_them(run: Callable[..., str]) -> None:
    # from no skill, so nothing is held before the plan
    d = json.loads(run("-", "Night Porter", "--optional", "--format", "json"))
    assert {s["label"] for s in d["steps"]} >= {"communication", "statistics"}
    assert d["optional_only"] == []
    assert "only optional" not in run("-", "Night Porter", "--optional")
    # a saved plan says it covers the optional requirements; a plan of essentials says nothing
    assert d["optional"] is True
    assert json.loads(run("Data Analyst", "Night Porter", "--format", "json"))["optional"] is False
    assert "plans: essential and optional skill requirements" in run("-", "Night Porter", "--optional")
    assert "plans:" not in run("Data Analyst", "Night Porter")
    md = run("-", "Night Porter", "--optional", "--format", "md")
    assert "**Plans:** essential and optional skill requirements" in md


def test_a_role_on_the_way_of_optional_requirements_is_noted_beside_the_steps(
    run: Callable[..., str],
) -> None:
    d = json.loads(run("Junior Quant", "Senior Quant", "--format", "json"))
    assert [r["label"] for r in d["roles"]] == ["Junior Quant", "Middle Quant", "Senior Quant"]
    assert [s["label"] for s in d["steps"]][-1] == "statistics"
    assert [r["label"] for r in d["optional_only"]] == ["Middle Quant"]
    note = NOTE.format("Middle Quant")
    assert f"note: {note} (--optional plans them too)" in run("Junior Quant", "Senior Quant")
    assert f"**Note:** {note} (--optional plans them too)." in run(
        "Junior Quant", "Senior Quant", "--format", "md"
    )
    # the path finder page and its downloads say it too
    assert f"{note[0].upper()}{note[1:]}." in path_notes(d)


def test_a_target_with_essential_requirements_you_have_is_still_nothing_to_learn(
    run: Callable[..., str],
) -> None:
    d = json.loads(run("Senior Quant", "Senior Quant", "--format", "json"))
    assert d["steps"] == []
    assert d["optional_only"] == []
    assert "nothing to learn: you already have every skill the target requires" in run(
        "Senior Quant", "Senior Quant"
    )
