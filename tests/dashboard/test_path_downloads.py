"""The path finder's CSV and Markdown downloads say what the CLI's plan says: the
levels each step goes between, the typical years, a direct switch, the known skills,
the steps no credential covers and the alternatives a mentor asked for."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from dashboard.downloads import render, to_csv, to_markdown
from dashboard.views import path as view
from kg.cli import _register, cli
from kg.pathtext import hours_text
from kg.store import Store

ROLE = "https://w3id.org/careerkg/id/role/"
SKILL = "https://w3id.org/careerkg/id/skill/"


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
    # the typical years, the known skills, and (no credential shortening the plan) no list
    # of the steps to learn alone repeating them all
    assert "Roles: Data Analyst → Data Scientist (typically 2 years)" in md
    assert "Known: Python programming (level 4)" in md
    assert not p["credentials"]
    assert "Learn alone" not in md
    assert "Learn alone" not in cli
    # hours as the CLI says them (not 13.33 against the CLI's 13.3): kg.pathtext.hours_text
    total = hours_text(p["total_hours"])
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
        assert f"- {chain} {years}: {hours_text(alt['total_hours'])} hours in {len(alt['steps'])} steps" in md
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
    assert row == "| 1 | ML \\| stats | 0→3 | 1 | 1 | x |"


def test_the_markdown_download_says_when_fewer_alternatives_exist_than_asked(store: Store) -> None:
    # the page said 'Only 3 other routes exist (9 asked for).' and the CLI said so; the download did not
    result = view.compute(store, ROLE + "data-scientist", ROLE + "senior-machine-learning-engineer", [], 9)
    found = len(result["path"]["alternatives"])
    assert 0 < found < result["asked"]
    md = render(result["path"], "md", asked=result["asked"])
    cli = _cli(
        "Data Scientist",
        "Senior Machine Learning Engineer",
        "--alternatives",
        str(result["asked"]),
        "--format",
        "md",
    )
    note = f"({result['asked']} other routes asked for; only {found} exist.)"
    assert note in cli
    assert md.rstrip().endswith(note)
    # none at all: the section says so, as the CLI does
    none = view.compute(store, ROLE + "lead-machine-learning-engineer", ROLE + "data-scientist", [], 2)
    assert none["path"]["alternatives"] == []
    md = render(none["path"], "md", asked=none["asked"])
    assert "**Alternatives:** 2 other routes asked for; none exists." in _cli(
        "Lead Machine Learning Engineer", "Data Scientist", "--alternatives", "2", "--format", "md"
    )
    assert md.rstrip().endswith("## Alternatives\n\n2 other routes asked for; none exists.")
    # as many as asked for, or none asked for: nothing to say
    enough = view.compute(store, ROLE + "data-scientist", ROLE + "senior-machine-learning-engineer", [], 2)
    assert len(enough["path"]["alternatives"]) == 2
    assert "asked for" not in render(enough["path"], "md", asked=2)
    assert "Alternatives" not in render(none["path"], "md")


@pytest.mark.parametrize(
    ("source", "target", "asked"),
    [
        ("data-scientist", "senior-machine-learning-engineer", 5),  # 3 other routes exist
        ("lead-machine-learning-engineer", "data-scientist", 2),  # none exists
    ],
)
def test_the_cli_the_page_and_the_downloads_say_a_shortfall_in_the_same_words(
    store: Store, source: str, target: str, asked: int
) -> None:
    # the page said "Only 3 other routes exist (5 asked for).", the CLI "no other career
    # route leads there beyond 3 alternatives", the download "No other career route leads
    # there beyond 3 alternatives.": three sentences for one fact
    from tests.support.components import texts

    result = view.compute(store, ROLE + source, ROLE + target, [], asked)
    found = len(result["path"]["alternatives"])
    assert found < asked
    exist = f"only {found} exist{'s' if found == 1 else ''}" if found else "none exists"
    said = f"{asked} other routes asked for; {exist}"
    page = texts(view.render(store, result)["alternatives"])
    assert f"{said}." in page
    assert f"{said}." in render(result["path"], "md", asked=asked)
    names = (result["path"]["source"]["label"], result["path"]["target"]["label"])
    for fmt in ("table", "md"):
        assert said in _cli(*names, "--alternatives", str(asked), "--format", fmt), fmt
    # the numbers come first, so no surface changes the sentence's case
    assert said[0].isdigit()


def test_the_pages_markdown_button_passes_the_alternatives_asked_for(store: Store) -> None:
    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    from dashboard import ids
    from dashboard.app import create_app

    create_app(store, warm=False)
    from dashboard.pages import path as page

    result = view.compute(store, ROLE + "data-scientist", ROLE + "senior-machine-learning-engineer", [], 9)
    button = '{"fmt":"md","type":"' + ids.DOWNLOAD_BUTTON + '"}.n_clicks'
    token = context_value.set(AttributeDict(triggered_inputs=[{"prop_id": button, "value": 1}]))
    try:
        sent = page._download([1], result)
    finally:
        context_value.reset(token)
    assert sent["filename"].endswith(".md")
    assert sent["content"] == render(result["path"], "md", asked=result["asked"])
    assert f"({result['asked']} other routes asked for; only 3 exist.)" in sent["content"]
