"""`careerkg gaps` on a curriculum without a target role: the headline says that no
role's essential skills were checked, and how to name a role. It said "0 uncovered
essential skills", which read as a curriculum covering every role it aims at (as the
Gaps page's headline now says, dashboard/views/gaps.py NO_TARGET)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.gaps import NO_TARGET as SAID

ROOT = Path(__file__).resolve().parents[2]
PLAN = "course,term,teaches\nSQL basics,1,SQL\n"
GAPPY = "course,term,teaches\nDeep,1,deep learning\n"  # a missing prerequisite, no target role
NO_TARGET = "No target role, so no role's essential skills were checked"
CSV_HOW = "name one with --target ROLE, or a '# target roles: ROLE; ...' line at the top of the CSV"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def _gaps(
    runner: CliRunner, tmp_path: Path, text: str, *args: str, name: str = "plan.csv"
) -> tuple[int, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["gaps", str(path), *args])
    return result.exit_code, result.stdout  # the report; stderr says why 1 without a target role


def test_the_text_headline_says_no_role_was_checked_not_zero_uncovered(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, out = _gaps(runner, tmp_path, PLAN)
    assert code == 1, out  # no gap found, but none of a role checked: see below
    head = out.splitlines()[:3]
    assert (
        head[1]
        == "1 course over 1 term; 0 missing prerequisites, 0 order violations, 0 unknown skills, 0 skills taught more than once"
    )
    assert head[2] == f"{NO_TARGET}: {CSV_HOW}."
    assert "uncovered essential skill" not in out


def test_the_markdown_headline_says_no_role_was_checked(runner: CliRunner, tmp_path: Path) -> None:
    code, out = _gaps(runner, tmp_path, GAPPY, "--format", "md")
    assert code == 1, out
    assert "1 missing prerequisite, 0 order violations, 0 unknown skills, 0 skills taught" in out
    assert "uncovered essential skill" not in out
    note = f"{NO_TARGET}: {CSV_HOW}."
    assert out.split("\n\n")[2] == f"**{note}**"
    assert f"## Target role coverage (0)\n\n{note}\n" in out  # said "No target role given."


def test_a_turtle_curriculum_is_told_its_property(runner: CliRunner, tmp_path: Path) -> None:
    text = "\n".join(
        line
        for line in (ROOT / "data" / "curricula" / "ml-bootcamp.ttl").read_text(encoding="utf-8").splitlines()
        if "ckg:targetRole" not in line
    )
    _code, out = _gaps(runner, tmp_path, text, name="plan.ttl")
    assert out.splitlines()[2] == (
        f"{NO_TARGET}: name one with --target ROLE, or give the curriculum a ckg:targetRole in the Turtle file."
    )


def test_json_says_coverage_was_not_checked_beside_the_old_keys(runner: CliRunner, tmp_path: Path) -> None:
    _code, out = _gaps(runner, tmp_path, PLAN, "--format", "json")
    d = json.loads(out)
    # as before
    assert d["targets"] == []
    assert d["coverage"] == []
    assert d["uncovered_skills"] == []
    assert d["coverage_checked"] is False
    assert d["coverage_note"] == f"{NO_TARGET}: {CSV_HOW}."


def test_with_a_target_role_coverage_is_counted_as_before(runner: CliRunner, tmp_path: Path) -> None:
    _code, out = _gaps(runner, tmp_path, PLAN, "--target", "Data Analyst")
    assert NO_TARGET not in out
    assert " uncovered essential skills, 0 skills taught more than once" in out.splitlines()[1]
    assert out.splitlines()[2] == ""
    _code, out = _gaps(runner, tmp_path, PLAN, "--target", "Data Analyst", "--format", "json")
    d = json.loads(out)
    assert d["coverage_checked"] is True
    assert d["coverage_note"] is None
    assert d["uncovered_skills"]
    _code, out = _gaps(runner, tmp_path, PLAN, "--target", "Data Analyst", "--format", "md")
    assert NO_TARGET not in out
    assert "**" not in out.split("## ")[0]


def test_the_sentence_is_the_one_kg_gaps_exports() -> None:
    assert SAID == NO_TARGET


def test_the_csv_has_a_row_saying_no_role_was_checked(runner: CliRunner, tmp_path: Path) -> None:
    import csv
    import io

    _code, out = _gaps(runner, tmp_path, GAPPY, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    [row] = [r for r in rows if r["kind"] == "no_target_role"]
    assert (row["detail"], row["suggestion"]) == (NO_TARGET, CSV_HOW)
    assert any(r["kind"] == "missing_prerequisite" for r in rows)  # the findings are still listed
    _code, with_target = _gaps(runner, tmp_path, GAPPY, "--format", "csv", "--target", "Data Scientist")
    assert "no_target_role" not in with_target


WHY = (
    "exit status 1: no gap found, but no target role was named, so no role's essential skills were checked: "
)


@pytest.mark.parametrize("fmt", ["table", "json", "md", "csv", "ttl"])
def test_no_gap_without_a_target_role_exits_1_and_says_why(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    # a script reading 0 as "no gaps" took a forgotten --target for a curriculum covering
    # its roles; --help and the README say 0 is a target role named and no gap against any
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    result = runner.invoke(cli, ["gaps", str(path), "--format", fmt])
    assert result.exit_code == 1, result.output
    assert result.stderr == WHY + CSV_HOW + ".\n"
    # a role named: its uncovered skills are the gaps, and nothing is said on stderr
    named = runner.invoke(cli, ["gaps", str(path), "--format", fmt, "--target", "Data Analyst"])
    assert named.exit_code == 1, named.output
    assert named.stderr == ""
    assert "communication" in named.stdout  # one of Data Analyst's essential skills, uncovered


def test_no_gap_against_a_role_named_in_the_file_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    role = tmp_path / "role.ttl"
    role.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix skill: <https://w3id.org/careerkg/id/skill/> .\n"
        '<https://example.org/role/sql-clerk> a ckg:Role ; skos:prefLabel "SQL clerk"@en ;\n'
        "    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:sql ; "
        "ckg:importance ckg:Essential ; ckg:level 2 ] .\n",
        encoding="utf-8",
    )
    for plan, args in (
        ("# target roles: SQL clerk\n" + PLAN, []),  # the file's own
        (PLAN, ["--target", "SQL clerk"]),
    ):
        path = tmp_path / "plan.csv"
        path.write_text(plan, encoding="utf-8")
        result = runner.invoke(cli, ["gaps", str(path), "--data", str(role), *args])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert "SQL clerk  100.0%" in result.stdout
    # one role covered and one not: a gap against any named role is a gap
    both = runner.invoke(cli, ["gaps", str(path), "--data", str(role), "--target", "SQL clerk;Data Analyst"])
    assert both.exit_code == 1, both.output
    assert re.search(r"SQL clerk +100\.0%", both.stdout), both.stdout


def test_help_and_readme_say_what_exit_1_means() -> None:
    from click.testing import CliRunner as Runner

    _register()
    shown = " ".join(Runner().invoke(cli, ["gaps", "--help"]).output.split())
    assert (
        "Exits 0 when at least one target role is named and no gap is found (against any of them);" in shown
    )
    assert "or when no target role is named (--target, or the file's own)" in shown
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (
        "Exit 0 means at least one target role named and no gap found against any of them; 1 gaps, "
        "or no target role named" in readme
    )
