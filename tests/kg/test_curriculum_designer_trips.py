"""What a curriculum designer trips on in ``careerkg gaps``, one defect a test.

Each test names what the designer saw before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import Store
from tests.support.cli import invoke


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


def test_a_course_whose_term_cell_is_empty_is_said_to_have_no_term(tmp_path: Path) -> None:
    # was: "plan.csv, line 3: bad term ''; a term is a whole number from 1 ...": the
    # cell was empty, and the message showed two quotes and named no course
    plan = tmp_path / "plan.csv"
    plan.write_text("course,term,teaches\nIntro,1,SQL\nStatistics,,statistics\n", encoding="utf-8")
    result = invoke("gaps", str(plan))
    assert result.exit_code == 2, result.output
    assert (
        f"{plan}, line 3: course 'Statistics' has no term; give it a term from 1 (1 = first term), such as 2 "
        "or 'Semester 2' (only a course's later rows may leave the term out)"
    ) in result.output, result.output
    assert "bad term ''" not in result.output
