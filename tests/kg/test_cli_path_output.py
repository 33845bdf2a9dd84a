"""`careerkg path` output as a reader sees it: wrapping, plurals, Markdown completeness."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.cli.path import render_markdown, render_table
from kg.paths import learning_path
from kg.synthetic import tiny_graph

# One role that needs one skill, one year after another role.
ONE_STEP = """
@prefix ckg:  <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<urn:x:junior> a ckg:Role ; skos:prefLabel "Junior Tester" ;
    ckg:hasProgression [ ckg:toRole <urn:x:senior> ; ckg:typicalYears 1 ] .
<urn:x:senior> a ckg:Role ; skos:prefLabel "Senior Tester" ;
    ckg:hasRequirement [ ckg:requiredSkill <urn:x:fuzz> ; ckg:level 3 ; ckg:importance ckg:Essential ] .
<urn:x:fuzz> a ckg:Skill ; skos:prefLabel "Fuzzing" ; ckg:learningHours 12 .
"""


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


@pytest.fixture
def one_step(tmp_path: Path) -> Path:
    f = tmp_path / "one.ttl"
    f.write_text(ONE_STEP)
    return f


def test_one_step_and_one_year_are_singular(runner: CliRunner, one_step: Path) -> None:
    args = ["path", "Junior Tester", "Senior Tester", "--data", str(one_step)]
    table = runner.invoke(cli, args)
    assert table.exit_code == 0, table.output
    assert "(typically 1 year)" in table.output
    assert "total: 12 hours in 1 step\n" in table.output
    md = runner.invoke(cli, [*args, "--format", "md"])
    assert "(typically 1 year)" in md.output
    assert "**Total:** 12 hours in 1 step\n" in md.output


def _reasons(lines: list[str]) -> dict[str, str]:
    """Each step's reasons as one string, however the table laid them out."""
    header = next(line for line in lines if line.strip().startswith("#"))
    why = header.find("why")
    out: dict[str, str] = {}
    step = ""
    for line in lines[lines.index(header) + 1 :]:
        if not line.strip():
            break
        if re.match(r"^\s+\d+\s{2}", line):
            step = re.split(r"\s{2,}", line.strip())[1]
            out[step] = line[why:].strip() if why >= 0 else ""
        else:
            out[step] = (out[step] + " " + line.strip().removeprefix("why: ")).strip()
    return out


@pytest.mark.parametrize("columns", [100, 140])
def test_table_wraps_within_the_terminal(runner: CliRunner, columns: int) -> None:
    args = ["path", "Software Engineer", "Machine Learning Engineer", "--alternatives", "3"]
    result = runner.invoke(cli, args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line for line in lines if len(line) > columns] == []
    wide = runner.invoke(cli, args, env={"COLUMNS": "10000"}).output.splitlines()
    assert max(len(line) for line in wide) > 140, "a wide terminal gets one line per step"
    # wrapping moves words between lines and loses none of the reasons
    assert _reasons(lines) == _reasons(wide)
    assert all(why.startswith(("required by", "prerequisite of")) for why in _reasons(lines).values())
    # lists wrap between labels, never inside one
    proving = " ".join(
        lines[next(i for i, x in enumerate(lines) if x.startswith("certifications to prove")) :]
    )
    assert "model monitoring and retraining" in proving
    assert "Software Engineer → Data Engineer → Machine Learning Engineer" in " ".join(lines)


def test_render_table_width_argument() -> None:
    p = learning_path(tiny_graph(), None, "role:ml-engineer")
    assert max(len(line) for line in render_table(p, width=72).splitlines()) <= 72
    narrow, wide = render_table(p, width=72).splitlines(), render_table(p, width=500).splitlines()
    assert _reasons(narrow) == _reasons(wide)
    assert narrow[-1] == wide[-1] == "learn alone: Linear Algebra, Machine Learning"
    # a list wraps between labels, never inside one
    assert "  - Deep Learning Certificate (certification, 60 h):\n      Deep Learning" in render_table(
        p, width=60
    )


def test_markdown_says_what_the_table_says(runner: CliRunner) -> None:
    args = ["path", "Lead Machine Learning Engineer", "Software Engineer", "--know", "Python programming:2"]
    md = runner.invoke(cli, [*args, "--format", "md"])
    assert md.exit_code == 0, md.output
    assert "Python programming (level 2)" in md.output, "the known skills"
    assert "direct switch" in md.output, "a switch is explained, not only drawn as ⇢"


def test_nothing_to_learn_in_markdown_is_a_sentence_not_an_empty_table(runner: CliRunner) -> None:
    md = runner.invoke(cli, ["path", "Data Scientist", "Data Scientist", "--format", "md"])
    assert md.exit_code == 0, md.output
    assert "| # | skill |" not in md.output
    assert "nothing to learn" in md.output.casefold()


def test_fewer_alternatives_than_asked_are_said(runner: CliRunner) -> None:
    for fmt in ("table", "md"):
        out = runner.invoke(
            cli, ["path", "Data Scientist", "Senior Data Scientist", "--alternatives", "3", "--format", fmt]
        ).output
        assert "3 other routes asked for; " in out, fmt
    out = runner.invoke(cli, ["path", "Student", "AI Architect", "--alternatives", "2"]).output
    assert "asked for" not in out
    assert "only" not in out.split("alternatives:")[-1]


def test_markdown_escapes_pipes_in_labels() -> None:
    G = tiny_graph()
    G.nodes["skill:ml"]["label"] = "ML | stats"
    md = render_markdown(learning_path(G, None, "role:ml-engineer"))
    row = next(line for line in md.splitlines() if re.match(r"^\| \d+ \| ML", line))
    assert len(re.findall(r"(?<!\\)\|", row)) == 7, row


def test_table_and_markdown_say_what_a_credential_expects_beforehand(runner: CliRunner) -> None:
    args = ["path", "Software Engineer", "Machine Learning Engineer"]
    data = json.loads(runner.invoke(cli, [*args, "--format", "json"]).output)
    expecting = [c for c in data["credentials"] + data["validating"] if c["expects"]]
    assert expecting
    table = runner.invoke(cli, args, env={"COLUMNS": "10000"}).output
    md = runner.invoke(cli, [*args, "--format", "md"]).output
    for c in expecting:
        names = ", ".join(x["label"] for x in c["expects"])
        assert f"      expects beforehand, not in this plan: {names}\n" in table
        assert f"  - expects beforehand, not in this plan: {names}\n" in md
