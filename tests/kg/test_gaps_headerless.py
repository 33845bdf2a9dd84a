"""A sheet without its header row (the course rows copied from a spreadsheet, the header
left behind) is told so: its first row reads as a course, not as a header. It was told
that the header ``'Intro\\t1\\tPython'`` "is one column: separate the columns with ','",
wrong for cells copied as tabs, and a comma-separated one only that the header named
'Intro', '1', 'Python'."""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store
from tests.support.cli import invoke

ROWS = {
    "tab": "Intro to Python\t1\tPython programming\nML\t2\tmachine learning\tPython programming\n",
    "semicolon": "Intro to Python;1;Python programming\nML;2;machine learning;Python programming\n",
    "comma": "Intro to Python,1,Python programming\nML,2,machine learning,Python programming\n",
    "term words": "Intro to Python\tSemester 1\tPython programming\n",
}
SAID = (
    "plan.csv, line 1: missing column(s) 'course', 'term', 'teaches'; the header must name the columns "
    "course, term, teaches and, optionally, requires (line 1 reads as a course row, not a header: "
    "{cells}; put the header row course, term, teaches, requires above the courses, or copy it with them)"
)


@pytest.mark.parametrize("kind", ROWS)
def test_a_sheet_without_its_header_row_is_told_so(store: Store, kind: str) -> None:
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(ROWS[kind], store, fmt="csv", source="plan.csv")
    term = "'Semester 1'" if kind == "term words" else "'1'"
    assert str(err.value) == SAID.format(cells=f"'Intro to Python', {term}, 'Python programming'")
    assert "one column" not in str(err.value)


def test_the_page_and_the_cli_say_it_too(tmp_path: object) -> None:
    from pathlib import Path

    from dashboard.views.gaps import analyse, read_paste

    source = read_paste(ROWS["tab"])
    error = (
        source.get("error")
        or analyse(Store.default(), source["text"], source["fmt"], source["name"])["error"]
    )
    assert "line 1 reads as a course row, not a header" in error
    path = Path(str(tmp_path)) / "plan.csv"
    path.write_text(ROWS["comma"], encoding="utf-8")
    result = invoke("gaps", str(path))
    assert result.exit_code == 2
    assert "line 1 reads as a course row, not a header" in result.output


def test_a_header_with_a_wrong_name_is_still_told_what_to_rename(store: Store) -> None:
    # a header (no term in it) keeps the hints it had
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum("Module\tSemester\tSkills\nA\t1\tSQL\n", store, fmt="csv", source="plan.csv")
    assert "rename 'Module' to 'course', 'Semester' to 'term', 'Skills' to 'teaches'" in str(err.value)
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum("Module,Year,Skills\nA,1,SQL\n", store, fmt="csv", source="plan.csv")
    assert "course row" not in str(err.value)
