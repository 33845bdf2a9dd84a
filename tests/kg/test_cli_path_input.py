"""`careerkg path --know`: each bad entry gets one line saying what is wrong with it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "Python programming:-1",
            "level -1 in 'Python programming:-1' is out of range; give a level from 1 to 5",
        ),
        (
            "Python programming:3:4",
            "'Python programming:3:4' gives more than one level; give one level from 1 to 5, "
            "e.g. 'Python programming:3'",
        ),
        (":3", "no skill name in ':3'; give SKILL or SKILL:LEVEL, e.g. 'Python programming:3'"),
        ("", "no skill name in ''; give SKILL or SKILL:LEVEL"),
        ("  ", "no skill name in '  '; give SKILL or SKILL:LEVEL"),
    ],
    ids=["negative-level", "two-levels", "level-alone", "empty", "blank"],
)
def test_bad_know_entries_say_what_is_wrong(runner: CliRunner, entry: str, expected: str) -> None:
    result = runner.invoke(cli, ["path", "Software Engineer", "Data Scientist", "--know", entry])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert expected in lines[0]
    assert "no whole number" not in lines[0]
    assert "unknown skill name" not in lines[0]


def test_a_skill_named_with_a_colon_still_resolves(runner: CliRunner) -> None:
    # prefixed names and IRIs hold colons of their own
    for name in ("skill:python", "https://w3id.org/careerkg/id/skill/python"):
        result = runner.invoke(
            cli, ["path", "-", "Data Scientist", "--know", f"{name}:2", "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        assert '"level": 2' in result.output
