"""``careerkg path SOURCE TARGET`` given an empty name, as an unset shell variable gives it."""

from __future__ import annotations

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
