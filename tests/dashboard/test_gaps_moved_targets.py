"""The Gaps page's 'curriculum in the suggested terms' download names the target roles chosen."""

from __future__ import annotations

from dashboard.views import gaps as view
from kg.store import Store

PLAN = (
    "# target roles: Machine Learning Engineer\n"
    "course,term,teaches,requires\n"
    "Machine Learning,1,machine learning,\n"
    "Maths,2,linear algebra,\n"
)


def test_the_suggested_terms_download_carries_the_roles_chosen_on_the_page() -> None:
    # was: '# target roles: Machine Learning Engineer' (the file's own) while the Markdown and
    # CSV reports beside it were checked against Data Scientist
    result = view.analyse(Store.default(), PLAN, "csv", "plan.csv", ["Data Scientist"])
    assert "Data Scientist" in result["md"]
    lines = result["moved"].splitlines()
    assert "# target roles: Data Scientist" in lines
    assert "Machine Learning Engineer" not in result["moved"]
    # and checked again, it is checked against the same role
    again = view.analyse(Store.default(), result["moved"], "csv", "plan-suggested-terms.csv")["report"]
    assert [c["role"]["label"] for c in again["coverage"]] == ["Data Scientist"]


def test_without_a_choice_the_files_own_roles_stay() -> None:
    result = view.analyse(Store.default(), PLAN, "csv", "plan.csv")
    assert "# target roles: Machine Learning Engineer" in result["moved"].splitlines()
