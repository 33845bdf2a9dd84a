"""`gaps --target ROLE --suggested-terms FILE` writes the roles checked, not the file's own."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import _register, cli

PLAN = (
    "# target roles: Machine Learning Engineer\n"
    "course,term,teaches,requires\n"
    "Machine Learning,1,machine learning,\n"
    "Maths,2,linear algebra,\n"
)


def test_the_suggested_terms_file_names_the_target_roles_checked(tmp_path: Path) -> None:
    # was: '# target roles: Machine Learning Engineer', so checking the written file again
    # checked another role than the report that suggested it
    _register()
    plan, moved = tmp_path / "plan.csv", tmp_path / "moved.csv"
    plan.write_text(PLAN, encoding="utf-8")
    done = CliRunner().invoke(
        cli, ["gaps", str(plan), "--target", "Data Scientist", "--suggested-terms", str(moved)]
    )
    assert done.exit_code == 1, done.output
    text = moved.read_text(encoding="utf-8")
    assert "# target roles: Data Scientist" in text.splitlines()
    assert "Machine Learning Engineer" not in text
    # without --target the file's own roles stay
    CliRunner().invoke(cli, ["gaps", str(plan), "--suggested-terms", str(moved)])
    assert "# target roles: Machine Learning Engineer" in moved.read_text(encoding="utf-8").splitlines()
