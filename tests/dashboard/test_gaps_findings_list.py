"""The Gaps page's findings list: every kind of finding the report holds is shown."""

from __future__ import annotations

from dashboard.views import gaps as view
from kg.store import Store


def test_a_course_that_teaches_nothing_is_listed_on_the_page() -> None:
    # was: the course counted in the '2 courses' tile and never mentioned
    plan = "course,term,teaches,requires\nA,1,SQL,\nCapstone,2,,SQL\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv")["report"]
    text = str(view.findings_list(report))
    assert "Courses that teach no skill (1)" in text
    assert "'Capstone' (term 2) teaches no skill (it requires 'SQL')" in text
    # and only when there is one
    clean = view.analyse(Store.default(), "course,term,teaches,requires\nA,1,SQL,\n", "csv", "p.csv")[
        "report"
    ]
    assert "teach no skill" not in str(view.findings_list(clean))
