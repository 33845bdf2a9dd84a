"""The path finder's CSV and Markdown downloads say what the CLI's plan says: the
levels each step goes between, the typical years, a direct switch, the known skills,
the steps no credential covers and the alternatives a mentor asked for."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from dashboard.downloads import to_csv, to_markdown
from dashboard.views import path as view
from kg.cli import _register, cli
from kg.store import Store

ROLE = "https://w3id.org/careerkg/id/role/"
SKILL = "https://w3id.org/careerkg/id/skill/"


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


def _cli(*args: str) -> str:
    _register()
    result = CliRunner().invoke(cli, ["path", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_csv_gives_each_steps_levels_and_the_plans_own_cumulative_hours(store: Store) -> None:
    p = view.compute(
        store, ROLE + "data-analyst", ROLE + "data-scientist", [SKILL + "python:4", SKILL + "sql"]
    )["path"]
    rows = list(csv.DictReader(io.StringIO(to_csv(p))))
    assert [(int(r["from_level"]), int(r["level"])) for r in rows] == [
        (s["from_level"], s["level"]) for s in p["steps"]
    ]
    assert any(int(r["from_level"]) > 0 for r in rows)  # steps up from a level held
    assert [float(r["cumulative_hours"]) for r in rows] == [s["cumulative_hours"] for s in p["steps"]]
    assert {r["hours_estimated"] for r in rows} == {"false"}


def test_the_markdown_download_says_what_the_cli_markdown_says(store: Store) -> None:
    p = view.compute(store, ROLE + "data-analyst", ROLE + "data-scientist", [SKILL + "python:4"])["path"]
    md = to_markdown(p)
    cli = _cli("Data Analyst", "Data Scientist", "--know", "Python:4", "--format", "md")
    # the levels, as the CLI's table gives them
    assert "| # | skill | level | hours | cumulative | why |" in md
    first = p["steps"][0]
    assert f"| 1 | {first['label']} | {first['from_level']}→{first['level']} |" in md
    assert f"| 1 | {first['label']} | {first['from_level']}→{first['level']} |" in cli
    # the typical years, the known skills and the steps no credential covers
    assert "Roles: Data Analyst → Data Scientist (typically 2 years)" in md
    assert "Known: Python programming (level 4)" in md
    alone = ", ".join(x["label"] for x in p["uncovered"])
    assert f"Learn alone (no credential covers them): {alone}" in md
    assert f"**Learn alone** (no credential covers them): {alone}" in cli
    # hours to one decimal, as the CLI says them (not 13.33 against the CLI's 13.3)
    total = f"{p['total_hours']:.1f}"
    assert f"Total: {total} hours in {len(p['steps'])} steps." in md
    assert f"**Total:** {total} hours" in cli


def test_the_markdown_download_lists_the_alternatives_and_marks_a_switch(store: Store) -> None:
    p = view.compute(store, ROLE + "data-scientist", ROLE + "lead-machine-learning-engineer", [], 3)["path"]
    md = to_markdown(p)
    assert len(p["alternatives"]) == 3
    assert "## Alternatives" in md
    for alt in p["alternatives"]:
        chain = " → ".join(r["label"] for r in alt["roles"])
        years = f"(typically {alt['years']:g} years)"
        assert f"- {chain} {years}: {alt['total_hours']:.1f} hours in {len(alt['steps'])} steps" in md
    down = view.compute(store, ROLE + "lead-machine-learning-engineer", ROLE + "data-scientist", [])["path"]
    assert down["switch"]
    assert (
        "Roles: Lead Machine Learning Engineer ⇢ Data Scientist (direct switch: no career progression leads there)"
        in (to_markdown(down))
    )


def test_a_label_with_a_pipe_keeps_the_markdown_table_whole() -> None:
    # a graph added with --data may name a skill so; the CLI's Markdown escapes it too
    step = {
        "position": 1,
        "label": "ML | stats",
        "level": 3,
        "hours": 1,
        "cumulative_hours": 1,
        "reasons": ["x"],
    }
    md = to_markdown({"target": {"label": "T"}, "steps": [step], "total_hours": 1})
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert row == "| 1 | ML \\| stats | 0→3 | 1.0 | 1.0 | x |"
