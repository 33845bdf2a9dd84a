"""The Gaps page says which course to move to which term, as the CLI does."""

from __future__ import annotations

from dashboard.views import gaps as view
from kg.store import Store
from tests.support.components import texts

WRONG_ORDER = (
    "course,term,teaches,requires\n"
    "Machine Learning,1,machine learning,\n"
    "Mathematics,2,linear algebra; probability theory; statistics,\n"
    "Deep Learning,2,neural networks; deep learning,\n"
    "Programming,1,Python programming,\n"
)


def test_the_findings_list_the_moves_after_the_order_violations() -> None:
    # was: only each order violation's own 'move X earlier' or 'move Y after term N'
    result = view.analyse(Store.default(), WRONG_ORDER, "csv", "plan.csv", ["Data Scientist"])
    report = result["report"]
    findings = view.findings_list(report)
    ids = [section.id for section in findings.children]
    assert ids.index("gaps-order") + 1 == ids.index("gaps-moves")
    text = texts(findings.children[ids.index("gaps-moves")])
    assert text.startswith("Suggested term changes (3) Made together: no order violation is left; ")
    assert "the programme then takes 3 terms, not 2" in text
    assert "move 'Mathematics' from term 2 to term 1, before 'Machine Learning' (moved to term 2)" in text
    assert "move 'Deep Learning' from term 2 to term 3, after 'Machine Learning' (moved to term 2)" in text
    # the downloads carry them too
    assert "## Suggested term changes (3)" in result["md"]
    assert result["csv"].count("\nmove_course,") == 3


def test_no_moves_no_section() -> None:
    plan = "course,term,teaches,requires\nMaths,1,linear algebra,\nML,2,statistics,\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv")["report"]
    assert report["moves"] == []
    assert "Suggested term changes" not in texts(view.findings_list(report))


def test_the_coverage_says_what_it_counts_from_the_entry_requirements() -> None:
    plan = "# entry requirements: Python programming; SQL\ncourse,term,teaches,requires\nML,1,machine learning,\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv", ["Data Scientist"])["report"]
    coverage = texts(view.findings_list(report).children[-1])
    assert "assumed at entry, not taught: Python programming, SQL" in " ".join(coverage.split())
    hover = view.coverage_figure(report["coverage"]).data[0].hovertext[0]
    assert hover.endswith("<br>Assumed at entry, not taught: Python programming, SQL")
