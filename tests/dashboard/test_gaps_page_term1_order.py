"""The Gaps page's fix for an order violation in term 1 says what can be done."""

from __future__ import annotations

from dashboard.views import gaps as view
from kg.store import Store
from tests.support.components import texts


def test_the_page_tells_a_term_1_course_to_move_later_not_the_other_earlier() -> None:
    # was: "... (move 'Statistics' earlier) ..." for two courses of term 1
    plan = "course,term,teaches,requires\nStatistics,1,statistics,\nMachine Learning,1,machine learning,\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv")["report"]
    text = texts(view.findings_list(report))
    assert (
        "move 'Machine Learning' to term 2 or later, after 'Statistics' (no course can come before term 1)"
        in text
    )
    assert "move 'Statistics' earlier" not in text
