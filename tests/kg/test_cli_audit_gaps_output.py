"""``careerkg gaps --suggested-terms FILE``: where the moved curriculum may be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import invoke

# 'Late' needs statistics, taught only in the same term: moving it is suggested
PLAN = (
    "# curriculum: Two terms\n"
    "course,term,teaches,requires\n"
    "Stats,1,statistics; probability theory,\n"
    "Late,1,regression models,statistics\n"
)


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_the_suggested_terms_are_written_to_another_file(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    moved = tmp_path / "plan-moved.csv"
    result = invoke("gaps", str(plan), "--suggested-terms", str(moved))
    assert result.exit_code == 1, result.output
    assert moved.is_file()
    assert "Late,2," in moved.read_text(encoding="utf-8")


@pytest.mark.parametrize("spelling", ["same", "relative"])
def test_the_curriculum_checked_is_never_replaced_by_its_suggested_terms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    # was: exit 1 and the sheet overwritten (its comment line, its own skill names gone)
    plan = _plan(tmp_path)
    monkeypatch.chdir(tmp_path)
    target = str(plan) if spelling == "same" else "./plan.csv"
    result = invoke("gaps", str(plan), "--suggested-terms", target)
    assert result.exit_code == 2, result.output
    assert plan.read_text(encoding="utf-8") == PLAN
    assert "--suggested-terms" in result.output
    assert "the curriculum being checked" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["moved.ttl", "moved.json", "moved.xlsx"])
def test_the_suggested_terms_file_is_named_as_the_csv_it_is(tmp_path: Path, name: str) -> None:
    # was: CSV written into moved.ttl, which 'careerkg gaps moved.ttl' then failed to read as Turtle
    plan = _plan(tmp_path)
    result = invoke("gaps", str(plan), "--suggested-terms", str(tmp_path / name))
    assert result.exit_code == 2, result.output
    assert not (tmp_path / name).exists()
    assert ".csv" in result.output


def _report(monkeypatch: pytest.MonkeyPatch, width: int | None) -> str:
    import kg.cli.gaps

    root = Path(__file__).resolve().parents[2]
    monkeypatch.setattr(kg.cli.gaps, "terminal_width", lambda: width)
    result = invoke("gaps", str(root / "data" / "curricula" / "ml-bootcamp.csv"))
    assert result.exit_code == 1, result.output
    return result.stdout


def test_the_report_is_wrapped_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # was: lines of 200 characters and more, broken by the terminal wherever they reached its edge
    whole = _report(monkeypatch, None)
    wrapped = _report(monkeypatch, 80)
    assert max(map(len, whole.splitlines())) > 80  # piped, each finding stays one line
    assert max(map(len, wrapped.splitlines())) <= 80
    assert wrapped.split() == whole.split()  # the same words, in the same order
    lines = wrapped.splitlines()
    fix = next(i for i, line in enumerate(lines) if line.startswith("    fix: ") and len(line) > 70)
    assert lines[fix + 1].startswith(" " * 9)  # a fix goes on under its own text
    assert not lines[fix + 1].startswith(" " * 10)
