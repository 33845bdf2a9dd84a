"""Every target role of a curriculum file that names no role is said at once, each with
its closest roles: the first alone was, and a designer fixed it, ran again, and was told
of the next."""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store
from tests.support.cli import invoke

PLAN = "# target roles: Data Sientist; Data Scientist; ML Enginer\ncourse,term,teaches,requires\nStats,1,statistics,\n"


def test_each_unknown_target_role_of_a_csv_is_named(store: Store) -> None:
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(PLAN, store, fmt="csv", source="plan.csv")
    said = str(err.value)
    assert said.startswith(
        "plan.csv, line 1: target role: unknown role name 'Data Sientist'; closest known labels: 'Data Scientist'"
    ), said
    assert "; and unknown role name 'ML Enginer'; closest known labels: " in said, said
    assert said.count("unknown role name") == 2


def test_each_unknown_target_role_of_a_turtle_file_is_named(store: Store, tmp_path: object) -> None:
    from pathlib import Path

    ttl = Path("data/curricula/ml-bootcamp.ttl").read_text(encoding="utf-8")
    ttl = ttl.replace(
        "ckg:targetRole role:machine-learning-engineer, role:data-scientist",
        "ckg:targetRole role:machine-learning-enginer, role:data-sientist",
    )
    path = Path(str(tmp_path)) / "plan.ttl"
    path.write_text(ttl, encoding="utf-8")
    result = invoke("gaps", str(path))
    assert result.exit_code == 2
    assert "role:machine-learning-enginer" in result.output
    assert "role:data-sientist" in result.output


def test_with_target_roles_given_the_files_are_left_out_as_before(store: Store) -> None:
    cur = parse_curriculum(PLAN, store, fmt="csv", source="plan.csv", targets_given=True)
    assert [str(t).rsplit("/", 1)[-1] for t in cur.targets] == ["data-scientist"]


def test_each_unknown_target_option_is_named(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "plan.csv"
    path.write_text("course,term,teaches,requires\nStats,1,statistics,\n", encoding="utf-8")
    result = invoke("gaps", str(path), "--target", "Data Sientist", "--target", "Data Scientist; ML Enginer")
    assert result.exit_code == 2
    assert result.output == (
        "careerkg: error: --target: unknown role name 'Data Sientist'; closest known labels: 'Data Scientist', "
        "'Senior Data Scientist'; and unknown role name 'ML Enginer'; closest known labels: "
        "'Machine Learning Engineer', 'MLOps Engineer'\n"
    )
