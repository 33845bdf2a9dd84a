"""``careerkg gaps`` options and files as a designer gives them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli

PLAN = "course,term,teaches,requires\nStats,1,statistics; probability theory,\n"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def _plan(tmp_path: Path, name: str = "plan.csv", text: str = PLAN) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_one_target_option_may_name_several_roles_as_the_csv_line_does(
    runner: CliRunner, tmp_path: Path
) -> None:
    # was: "unknown role name 'Data Scientist; Machine Learning Engineer'" (exit 2)
    result = runner.invoke(
        cli,
        [
            "gaps",
            _plan(tmp_path),
            "--target",
            "Data Scientist; Machine Learning Engineer",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert [t["label"] for t in report["targets"]] == ["Data Scientist", "Machine Learning Engineer"]
    repeated = runner.invoke(
        cli,
        [
            "gaps",
            _plan(tmp_path),
            "--target",
            "Data Scientist",
            "--target",
            "Machine Learning Engineer",
            "--format",
            "json",
        ],
    )
    assert json.loads(repeated.output)["coverage"] == report["coverage"]


def test_an_unknown_target_says_it_is_the_target_option(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["gaps", _plan(tmp_path), "--target", "Data Sientist"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "careerkg: error: --target: unknown role name 'Data Sientist'; closest known labels: 'Data Scientist', "
        "'Senior Data Scientist'"
    )
    empty = runner.invoke(cli, ["gaps", _plan(tmp_path), "--target", " ; "])
    assert empty.exit_code == 2
    assert (
        empty.output.strip()
        == "careerkg: error: --target: an empty role name; name a role such as 'Data Scientist'"
    )


def test_a_workbook_is_refused_saying_how_to_save_it(runner: CliRunner, tmp_path: Path) -> None:
    # was: "plan.xlsx: unknown curriculum file type; use a .csv ... or a .ttl file"
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    result = runner.invoke(cli, ["gaps", str(path)])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "careerkg: error: plan.xlsx: a spreadsheet workbook, not a curriculum file; save the sheet as "
        "CSV UTF-8 (columns course, term, teaches, requires) and check that"
    )
