"""``careerkg path SOURCE TARGET`` given a name it cannot plan from: empty (an unset shell
variable), or a role the graph has nothing like."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import invoke


@pytest.mark.parametrize("source", ["", "   "])
def test_an_empty_source_is_refused_not_planned_from_no_skills(source: str) -> None:
    # was: exit 0 and a plan from no skills at all, as for '-'
    result = invoke("path", source, "Data Scientist")
    assert result.exit_code == 2, result.output
    assert "SOURCE is empty" in result.output
    assert "'-'" in result.output
    assert "Learning path" not in result.output


def test_an_empty_target_is_refused_saying_what_to_give() -> None:
    result = invoke("path", "Software Engineer", "")
    assert result.exit_code == 2, result.output
    assert "TARGET is empty; give the role you want" in result.output


@pytest.mark.parametrize("source", ["-", "none", "None"])
def test_a_dash_or_none_still_starts_from_the_known_skills(source: str) -> None:
    result = invoke("path", source, "Data Scientist", "--know", "Python:3", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"source": null' in result.stdout


def test_a_role_the_graph_has_nothing_like_says_how_to_plan_from_skills() -> None:
    # was: "unknown role name 'Teacher'; no similar label is known", and nothing else
    result = invoke("path", "Teacher", "Data Analyst")
    assert result.exit_code == 2, result.output
    assert "unknown role name 'Teacher': no role of the graph is like it" in result.output
    assert "careerkg path - 'Data Analyst' --know 'SQL:3' --know statistics" in result.output
    assert "careerkg import esco|onet DIR --store DIR" in result.output
    # the command it gives runs
    suggested = invoke("path", "-", "Data Analyst", "--know", "SQL:3", "--know", "statistics")
    assert suggested.exit_code == 0, suggested.output


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("Sofware Engineer", "closest known labels: 'Software Engineer'"),
        ("deep learning", "(it names a skill: 'deep learning')"),
    ],
)
def test_a_misspelt_or_other_kind_of_source_is_said_as_before(source: str, said: str) -> None:
    result = invoke("path", source, "Data Analyst")
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert "no role of the graph is like it" not in result.output


def test_with_a_graph_of_one_s_own_the_hint_leaves_out_importing(tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    result = invoke("path", "Teacher", "Data Analyst", "--data", str(extra))
    assert result.exit_code == 2, result.output
    assert "--know 'SQL:3' --know statistics (a --know for each)" in result.output
    assert "careerkg import" not in result.output


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_a_plan_from_no_skill_says_none_was_given(fmt: str) -> None:
    # was: 'Learning path: (your skills) → Data Scientist' and nothing saying no skill was given
    # the table wraps to the terminal: pytest-xdist's workers have COLUMNS=80
    result = invoke("path", "-", "Data Scientist", "--format", fmt, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "nothing given, so the plan starts from no skill (--know SKILL[:LEVEL] for each you have)" in (
        result.stdout
    )
    with_skills = invoke("path", "-", "Data Scientist", "--know", "SQL", "--format", fmt)
    assert "nothing given" not in with_skills.stdout
    from_a_role = invoke("path", "Data Analyst", "Data Scientist", "--format", fmt)
    assert "nothing given" not in from_a_role.stdout
