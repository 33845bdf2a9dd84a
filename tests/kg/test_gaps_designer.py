"""A curriculum designer's day with ``careerkg gaps``: defects found by writing real
curricula (an Excel export, a programme with a prerequisite course named in the
``requires`` column, an MSc taught in the wrong order) and reading the report.
"""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


# ------------------------------------------------------------- the CSV itself


def test_an_unquoted_skill_list_in_a_semicolon_file_says_to_quote_it(store: Store) -> None:
    # was: "...; separate several skills in one cell with ';', not ';'" -- the ';' is
    # what split the cell, so the advice was to do what had just failed
    text = "Course;Term;Teaches;Requires;ECTS\r\nDatabases;1;SQL; data modelling;;5\r\n"
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="csv", source="excel.csv")
    assert str(err.value) == (
        "excel.csv, line 2: 6 cells but the header has 5 columns (extra: '5'); the columns are "
        "separated by ';', so a cell listing several skills must be in double quotes "
        "(\"Python programming; SQL\"), or separate its skills with ','"
    )
    # and both ways it names work
    for cell in ('"SQL; data modelling"', "SQL, data modelling"):
        cur = parse_curriculum(
            f"Course;Term;Teaches;Requires;ECTS\r\nDatabases;1;{cell};;5\r\n",
            store,
            fmt="csv",
            source="x.csv",
        )
        assert [s.label for s in cur.courses[0].teaches] == ["SQL", "data modelling"]
