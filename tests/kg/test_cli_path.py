"""`careerkg path` and `careerkg unlocks`: formats, names, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli import _register, cli
from kg.names import LabelIndex
from kg.namespace import ROLE
from kg.pathtext import VALIDATING_TITLE
from kg.store import Store


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_table_lists_steps_hours_and_reasons(runner: CliRunner) -> None:
    # a wide terminal: one line per step (narrow ones: tests/kg/test_cli_path_output.py)
    result = runner.invoke(
        cli, ["path", "Software Engineer", "Machine Learning Engineer"], env={"COLUMNS": "10000"}
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Learning path: Software Engineer → Machine Learning Engineer"
    assert lines[1].startswith("roles: Software Engineer → Machine Learning Engineer")
    header = next(line for line in lines if line.strip().startswith("#"))
    assert header.split() == ["#", "skill", "level", "hours", "cumulative", "why"]
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines if line[:4].strip().isdigit()]
    assert rows
    assert all(len(r) == 6 for r in rows)
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    assert all("required by" in r[5] or "prerequisite of" in r[5] for r in rows)
    previous = 0.0
    for r in rows:  # cumulative hours grow by each step's hours (both shown rounded: whole from 10 up)
        hours, cumulative = float(r[3].replace(",", "")), float(r[4].replace(",", ""))
        assert cumulative - previous == pytest.approx(hours, abs=1.0)
        previous = cumulative
    total = next(line for line in lines if line.startswith("total:"))
    assert total == f"total: {rows[-1][4]} hours in {len(rows)} steps"


def test_json_has_the_documented_shape(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        [
            "path",
            "Data Scientist",
            "Lead Machine Learning Engineer",
            "--format",
            "json",
            "--alternatives",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert {
        "source",
        "target",
        "roles",
        "steps",
        "total_hours",
        "credentials",
        "validating",
        "alternatives",
    } <= set(d)
    assert d["source"]["iri"] == str(ROLE["data-scientist"])
    assert d["target"] == {"iri": str(ROLE["lead-machine-learning-engineer"]), "label": d["target"]["label"]}
    iris = [r["iri"] for r in d["roles"]]
    assert iris.index(str(ROLE["machine-learning-engineer"])) < iris.index(
        str(ROLE["senior-machine-learning-engineer"])
    )
    for i, step in enumerate(d["steps"], start=1):
        assert step["position"] == i
        assert {"iri", "label", "type", "hours", "reasons"} <= set(step)
        assert step["reasons"]
    assert d["total_hours"] == pytest.approx(sum(s["hours"] for s in d["steps"]))
    labels = LabelIndex.of(Store.default()).labels
    # credentials, where a path has them (the shipped certifications expect their skills
    # beforehand, so they validate a plan rather than shorten it: kg.paths.validating_certifications)
    with_credentials = json.loads(
        runner.invoke(
            cli, ["path", "Software Engineer", "Machine Learning Engineer", "--format", "json"]
        ).output
    )
    assert with_credentials["validating"]
    d["credentials"] += with_credentials["credentials"] + with_credentials["validating"]
    for c in d["credentials"]:
        assert {"iri", "label", "type", "covers"} <= set(c)
        assert all({"iri", "label"} <= set(x) for x in c["covers"])
    # every reference carries the node's own label, never its IRI again
    refs = [
        d["target"],
        *d["roles"],
        *d["steps"],
        *d["credentials"],
        *(x for c in d["credentials"] for x in c["covers"]),
    ]
    assert all(r["label"] == labels[URIRef(r["iri"])] for r in refs)
    assert 1 <= len(d["alternatives"]) <= 2
    assert all(a["roles"] != d["roles"] for a in d["alternatives"])


def test_markdown(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["path", "software engineer", "machine learning engineer", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("## Learning path: Software Engineer → Machine Learning Engineer")
    assert "| # | skill | level | hours | cumulative | why |" in result.output
    # as the table says it: the certifications that validate the plan, and what they expect
    table = runner.invoke(
        cli, ["path", "software engineer", "machine learning engineer"], env={"COLUMNS": "10000"}
    ).output
    lines = table.splitlines()
    first = lines[lines.index(f"{VALIDATING_TITLE}:") + 1]
    assert first.startswith(
        "  - AWS Certified Machine Learning Engineer – Associate (certification, 160 h): "
    )
    assert f"\n{first.strip()}\n" in result.output
    assert f"**{VALIDATING_TITLE[0].upper()}{VALIDATING_TITLE[1:]}:**" in result.output
    # no credential shortens this plan: no "learn alone" repeating every step
    assert "learn alone: " not in table
    assert "**Learn alone**" not in result.output


def test_skills_only_source_and_know_levels(runner: CliRunner) -> None:
    base = ["path", "-", "Data Scientist", "--format", "json"]
    plain = json.loads(runner.invoke(cli, base).output)
    assert plain["source"] is None
    assert [r["label"] for r in plain["roles"]] == [plain["target"]["label"]]
    some = runner.invoke(cli, [*base, "--know", "Python programming:2", "--know", "statistics"])
    assert some.exit_code == 0, some.output
    d = json.loads(some.output)
    assert d["total_hours"] < plain["total_hours"]
    labels = {s["label"].casefold(): s for s in d["steps"]}
    assert "statistics" not in labels, "a skill known at level 5 is never a step"
    assert {k["label"].casefold(): k["level"] for k in d["known"]}["python programming"] == 2


def test_a_level_given_stands_below_what_the_source_role_assumes(runner: CliRunner) -> None:
    # was: "known: Python programming (level 1)", then "Python programming 3→4": the
    # Software Engineer's (optional) level 3 overrode the level the learner gave
    base = ["path", "Software Engineer", "Machine Learning Engineer", "--format", "json"]
    assumed = json.loads(runner.invoke(cli, base).output)
    told = runner.invoke(cli, [*base, "--know", "Python:1"])
    assert told.exit_code == 0, told.output
    d = json.loads(told.output)
    python = {s["label"]: s for s in d["steps"]}["Python programming"]
    assert (python["from_level"], python["level"]) == (1, 4)
    was = {s["label"]: s for s in assumed["steps"]}["Python programming"]
    assert was["from_level"] == 3
    assert d["total_hours"] == pytest.approx(
        assumed["total_hours"] + python["hours"] - was["hours"], abs=0.05
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["Sofware Engineer", "Machine Learning Engineer"], "closest known labels: 'Software Engineer'"),
        (["Software Engineer", "Machine Lerning Engineer"], "'Machine Learning Engineer'"),
        (["Software Engineer", "Data Scientist", "--know", "Pyhton programming"], "unknown skill name"),
        (["Software Engineer", "Data Scientist", "--know", "statistics:9"], "out of range"),
        (
            ["Software Engineer", "python"],
            "unknown role name 'python' (it names a skill: 'Python programming')",
        ),
        (
            ["Software Engineer", "Data Scientist", "--know", "PyTorch"],
            "'PyTorch' is a tool, not a skill; give the skills",
        ),
        (
            ["Software Engineer", "Data Scientist", "--know", "Python programming:x"],
            "level 'x' in 'Python programming:x' is no whole number; give a level from 1 to 5",
        ),
        (  # was "unknown skill name 'Python:'; closest known labels: 'Python programming'"
            ["Software Engineer", "Data Scientist", "--know", "Python:"],
            "no level after ':' in 'Python:'; give a level from 1 to 5, e.g. 'Python:3', "
            "or the name alone for 'Python programming' at level 5",
        ),
        (  # was "unknown skill name 'Pythn:'; no similar label is known"
            ["Software Engineer", "Data Scientist", "--know", "Pythn:"],
            "unknown skill name 'Pythn'; closest known labels: 'Python programming'",
        ),
    ],
    ids=[
        "source",
        "target",
        "know",
        "level",
        "skill-as-role",
        "tool-as-skill",
        "level-not-whole",
        "level-left-out",
        "level-left-out-of-a-misspelt-name",
    ],
)
def test_bad_input_exits_2_with_closest_labels(runner: CliRunner, args: list[str], expected: str) -> None:
    result = runner.invoke(cli, ["path", *args])
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "Traceback" not in result.output


def test_unreachable_exits_1_with_the_reason(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["path", "Lead Machine Learning Engineer", "Software Engineer", "--no-switch"]
    )
    assert result.exit_code == 1, result.output
    assert (
        "no career progression leads from Lead Machine Learning Engineer to Software Engineer"
        in result.output
    )


def test_cyclic_user_data_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    cyclic = tmp_path / "cycle.ttl"
    cyclic.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<urn:x:a> a ckg:Skill ; skos:prefLabel "Alpha" ; ckg:learningHours 5 ; ckg:hasPrerequisite <urn:x:b> .\n'
        '<urn:x:b> a ckg:Skill ; skos:prefLabel "Beta" ; ckg:learningHours 5 ; ckg:hasPrerequisite <urn:x:a> .\n'
        '<urn:x:r> a ckg:Role ; skos:prefLabel "Looper" ;\n'
        "  ckg:hasRequirement [ ckg:requiredSkill <urn:x:a> ; ckg:level 3 ; ckg:importance ckg:Essential ] .\n"
    )
    result = runner.invoke(cli, ["path", "-", "Looper", "--data", str(cyclic)])
    assert result.exit_code == 1, result.output
    assert "cyclic prerequisites" in result.output
    assert "Alpha" in result.output


def test_unlocks_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["unlocks", "linear algebra", "--format", "json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert d["skill"]["label"].casefold() == "linear algebra"
    assert d["roles"]
    assert d["skills"]
    table = runner.invoke(cli, ["unlocks", "linear algebra"])
    assert table.exit_code == 0
    assert "roles requiring it" in table.output
    bad = runner.invoke(cli, ["unlocks", "linear algebr"])
    assert bad.exit_code == 2
    assert "closest known labels" in bad.output
