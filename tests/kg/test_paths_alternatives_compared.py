"""A mentor comparing alternatives sees how each differs from the plan: the hours more,
the steps it adds, the skills it takes further, its typical years; alike in the CLI
table and Markdown, on the page and in the page's Markdown download."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dashboard.downloads import to_markdown
from dashboard.views import path as view
from kg.cli import _register, cli
from kg.paths import alternative_note
from kg.pathtext import hours_text
from kg.store import Store
from tests.support.components import texts

ARGS = ("Data Scientist", "Lead ML Engineer", "--alternatives", "3")
ROLE = "https://w3id.org/careerkg/id/role/"


def _cli(*args: str) -> str:
    _register()
    result = CliRunner().invoke(cli, ["path", *args], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def plan() -> dict:
    return json.loads(_cli(*ARGS, "--format", "json"))


def test_the_note_names_what_an_alternative_adds_and_its_extra_hours(plan: dict) -> None:
    assert len(plan["alternatives"]) == 3
    mine = {s["label"]: s for s in plan["steps"]}
    for alt in plan["alternatives"]:
        note = alternative_note(plan, alt)
        assert note.startswith(f"{hours_text(alt['total_hours'] - plan['total_hours'], sign=True)} h")
        for s in alt["steps"]:
            if s["label"] not in mine:
                assert s["label"] in note  # every step it adds is named
            elif s["level"] != mine[s["label"]]["level"]:
                assert f"{s['label']} to level {s['level']}, not {mine[s['label']]['level']}" in note
    via = {r["label"]: alternative_note(plan, a) for a in plan["alternatives"] for r in a["roles"][2:3]}
    assert "computer vision" in via["Computer Vision Engineer"]
    assert "natural language processing" in via["NLP Engineer"]


def test_the_cli_table_and_markdown_say_how_each_alternative_differs(plan: dict) -> None:
    table = _cli(*ARGS)
    md = _cli(*ARGS, "--format", "md")
    for alt in plan["alternatives"]:
        note = alternative_note(plan, alt)
        assert f"against the plan above: {note}" in table
        assert f"  - against the plan above: {note}" in md
        chain = " → ".join(r["label"] for r in alt["roles"])
        assert f"{chain} (typically {alt['years']:g} years): {hours_text(alt['total_hours'])} hours" in md


def test_the_page_and_its_download_say_how_each_alternative_differs() -> None:
    store = Store.default()
    result = view.compute(store, ROLE + "data-scientist", ROLE + "lead-machine-learning-engineer", [], 3)
    p = result["path"]
    shown = texts(view.render(store, result)["alternatives"])
    md = to_markdown(p)
    for alt in p["alternatives"]:
        note = alternative_note(p, alt)
        assert f"Against the plan above: {note}" in shown
        assert f"typically {alt['years']:g} years" in shown
        assert f"  - against the plan above: {note}" in md
