"""`careerkg unlocks`: groups by distance (no false tree), alphabetical as a reader sorts."""

from __future__ import annotations

import json
from itertools import groupby

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_skills_and_roles_sort_case_insensitively(runner: CliRunner) -> None:
    d = json.loads(runner.invoke(cli, ["unlocks", "statistics", "--format", "json"]).output)
    for _, group in groupby(d["skills"], key=lambda s: s["depth"]):
        labels = [s["label"] for s in group]
        assert labels == sorted(labels, key=str.casefold), labels
    via = [r["label"] for r in d["via"]]
    assert via == sorted(via, key=str.casefold)


def test_table_groups_skills_by_distance_without_a_false_tree(runner: CliRunner) -> None:
    d = json.loads(runner.invoke(cli, ["unlocks", "statistics", "--format", "json"]).output)
    table = runner.invoke(cli, ["unlocks", "statistics"], env={"COLUMNS": "100"})
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert all(len(line) <= 100 for line in lines), "wrapped to the terminal"
    text = table.output
    # MLOps builds on machine learning, not on the skill listed just above it: each depth is
    # its own labelled group, not an indented tree
    assert "  directly (" in text
    assert "  2 steps on (" in text
    depths = sorted({s["depth"] for s in d["skills"]})
    for depth in depths:
        heading = "directly" if depth == 1 else f"{depth} steps on"
        names = [s["label"] for s in d["skills"] if s["depth"] == depth]
        assert f"  {heading} ({len(names)}): " in text
    flat = " ".join(line.strip() for line in lines)
    assert all(s["label"] in flat for s in d["skills"])
    assert all(r["label"] in flat for r in d["via"])


def test_an_empty_list_says_none(runner: CliRunner) -> None:
    # prompt engineering is no prerequisite of any skill: the table ended on
    # 'skills building on it (0):' with nothing under it
    data = json.loads(runner.invoke(cli, ["unlocks", "prompt engineering", "--format", "json"]).output)
    assert data["skills"] == []
    out = runner.invoke(cli, ["unlocks", "prompt engineering"]).output
    assert "skills building on it: none (no skill has it as a prerequisite)" in out
    assert "(0)" not in out


def test_a_tool_is_named_as_a_tool_with_the_skills_it_supports(runner: CliRunner) -> None:
    # 'unlocks PyTorch' said "unknown skill name 'PyTorch' (it names a tool: 'PyTorch'); no similar label is known"
    from kg.names import LabelIndex
    from kg.namespace import CKG
    from kg.store import Store

    index = LabelIndex.of(Store.default())
    tool = index.resolve("PyTorch", CKG.Tool)
    supported = sorted(
        (index.labels[s] for s in index.graph.objects(tool, CKG.supportsSkill)), key=str.casefold
    )
    assert supported
    result = runner.invoke(cli, ["unlocks", "pytorch"])
    assert result.exit_code != 0
    assert "'PyTorch' is a tool, not a skill" in result.output
    assert "no similar label" not in result.output
    assert f"(it supports {', '.join(supported)})" in result.output
    assert f"e.g. 'careerkg unlocks \"{supported[0]}\"'" in result.output


def test_an_unknown_skill_still_names_the_closest_labels(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["unlocks", "statistcs"])
    assert result.exit_code != 0
    assert "unknown skill name 'statistcs'; closest known labels: 'statistics'" in result.output
