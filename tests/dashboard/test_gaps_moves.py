"""The Gaps page says which course to move to which term, as the CLI does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dashboard.views import gaps as view
from kg.store import Store
from tests.dashboard.conftest import DESKTOP
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
    # computer programming too: knowing Python programming, its narrower skill, gives it
    # (and it says so, as the text report does)
    assumed = "computer programming (through Python programming), Python programming, SQL"
    assert f"assumed at entry, not taught: {assumed}" in " ".join(coverage.split())
    hover = view.coverage_figure(report["coverage"]).data[0].hovertext[0]
    assert hover.replace("<br>  ", " ").endswith(f"<br>Assumed at entry, not taught: {assumed}")


def test_the_curriculum_in_the_suggested_terms_downloads_and_checks_clean() -> None:
    # was: the moves said, and the designer left to retype the terms; the page's only
    # downloads were the report's
    store = Store.default()
    result = view.analyse(store, "# entry requirements: SQL\n" + WRONG_ORDER, "csv", "plan.csv")
    assert view.download_disabled(result) == [False, False, False]
    data = view.download(result, "moved")
    assert (data["filename"], data["type"]) == ("plan-suggested-terms.csv", "text/csv")
    assert data["content"] == (
        "# curriculum: plan\n"
        "# entry requirements: SQL\n"
        "course,term,teaches,requires\n"
        "Mathematics,1,linear algebra; probability theory; statistics,\n"
        "Programming,1,Python programming,\n"
        "Machine Learning,2,machine learning,\n"
        "Deep Learning,3,neural networks; deep learning,\n"
    )
    again = view.analyse(store, data["content"], "csv", data["filename"])
    assert again["report"]["order_violations"] == []
    assert again["report"]["entry_requirements"] == result["report"]["entry_requirements"]
    # nothing to move, nothing to download but the report
    assert view.download_disabled(again) == [False, False, True]


@pytest.mark.browser
@pytest.mark.server
def test_the_page_downloads_the_curriculum_in_the_suggested_terms(browser: Any, server: str) -> None:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    try:
        pg = context.new_page()
        pg.goto(server + "/gaps")
        pg.set_input_files(
            "#gaps-upload input[type=file]",
            files=[{"name": "plan.csv", "mimeType": "text/csv", "buffer": WRONG_ORDER.encode()}],
        )
        button = pg.get_by_role("button", name="Curriculum in the suggested terms (CSV)")
        pg.locator("#gaps-moves").wait_for(timeout=20000)
        pg.wait_for_function("b => !b.disabled", arg=button.element_handle(), timeout=20000)
        with pg.expect_download(timeout=20000) as info:
            button.click()
        assert info.value.suggested_filename == "plan-suggested-terms.csv"
        moved = Path(info.value.path()).read_text(encoding="utf-8")
        assert "\nMachine Learning,2,machine learning,\n" in moved
        # uploaded again: no order violation, nothing more to move
        pg.set_input_files(
            "#gaps-upload input[type=file]",
            files=[{"name": "plan-suggested-terms.csv", "mimeType": "text/csv", "buffer": moved.encode()}],
        )
        pg.locator("#gaps-verdict", has_text="0 order violations").wait_for(timeout=20000)
        pg.wait_for_function("b => b.disabled", arg=button.element_handle(), timeout=20000)
    finally:
        context.close()
