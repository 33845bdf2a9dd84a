"""A target role's coverage on the Gaps page says what ``careerkg gaps`` says of it: a
skill taught (or assumed at entry) below the level the role requires, how far it is
brought and through which narrower skill, how to fix it, and a skill assumed only through
a narrower entry requirement. The page listed the uncovered skills' labels alone:
Software Engineer's 'computer programming' read as never taught, when Python programming
brings it to level 3 of the 4 required."""

from __future__ import annotations

import pytest
from dash import html

from dashboard.views import gaps as view
from kg.curriculum import parse_curriculum
from kg.gaps import Coverage, find_gaps
from kg.store import Store
from tests.support.components import texts


def _flat(text: str) -> str:
    return " ".join(text.split())


def _kg_coverage(store: Store, text: str, fmt: str, target: str) -> Coverage:
    """The coverage as kg.gaps computes it, for the text report's own wording."""
    cur = parse_curriculum(text, store, fmt=fmt, source="plan", targets_given=True)
    return find_gaps(store, cur, [target]).coverage[0]


def _item(store: Store, text: str, fmt: str, target: str) -> tuple[html.Li, Coverage]:
    result = view.analyse(store, text, fmt, "plan", [target])
    assert result["error"] is None, result["error"]
    entries = view.findings_list(result["report"]).children[-1].children[1].children
    assert len(entries) == 1
    return entries[0], _kg_coverage(store, text, fmt, target)


@pytest.mark.parametrize(
    ("teaches", "said", "fix"),
    [
        (
            "Python programming:3",
            "computer programming (taught to level 3 of 4, through Python programming)",
            "teach 'computer programming' to level 4 in its own right (Python programming counts for it up to level 3)",
        ),
        (
            "computer programming:2",
            "computer programming (taught to level 2 of 4)",
            "teach 'computer programming' to level 4 (the courses reach level 2)",
        ),
    ],
)
def test_a_skill_taught_too_low_says_how_far_and_how_to_fix_it(
    store: Store, teaches: str, said: str, fix: str
) -> None:
    plan = f"course,term,teaches\nProgramming,1,{teaches}\n"
    item, cov = _item(store, plan, "csv", "Software Engineer")
    shown = _flat(texts(item))
    assert said in shown
    assert said in cov.uncovered_text()  # as the text report words it
    note = item.children[-1]
    assert note.children == ["Fix: ", cov.below_fixes]
    assert fix in cov.below_fixes


def test_the_shipped_example_for_software_engineer_reads_as_the_text_report(store: Store) -> None:
    text, fmt, _name = view.load_example("ml-bootcamp.csv")
    item, cov = _item(store, text, fmt, "Software Engineer")
    shown = _flat(texts(item))
    assert "computer programming (assumed at entry to level 3 of 4, through Python programming)" in shown
    assert f"uncovered: {cov.uncovered_text()}" in shown
    assert shown.endswith(f"Fix: {cov.below_fixes}")
    assert cov.below_fixes.startswith("teach 'computer programming' to level 4")
    report = view.analyse(store, text, fmt, "plan", ["Software Engineer"])["report"]
    hover = view.coverage_figure(report["coverage"]).data[0].hovertext[0]
    assert hover.replace("<br>  ", " ").startswith(f"Uncovered: {cov.uncovered_text()}")


def test_the_coverage_hover_is_wrapped_to_a_phones_width(store: Store) -> None:
    # on one line, Software Engineer's of the MSc example was 2,050 px wide, off both
    # sides of the chart on a desktop (1,400 px) and on a phone
    text, fmt, name = view.load_example("msc-ai-data-science.csv")
    report = view.analyse(store, text, fmt, name, ["Software Engineer", "Data Scientist"])["report"]
    for hover in view.coverage_figure(report["coverage"]).data[0].hovertext:
        lines = hover.split("<br>")
        assert len(lines) > 3
        assert max(len(line) for line in lines) <= view.HOVER_WIDTH + 2  # '  ' indents a line that goes on
        assert "Uncovered: " in lines[0]
    # and wrapped only between words: 'problem-solving' is not broken after its hyphen
    cov = view.coverage_of(report["coverage"][0])
    hover = view.coverage_figure(report["coverage"]).data[0].hovertext[0]
    assert hover.replace("<br>  ", " ").startswith(f"Uncovered: {cov.uncovered_text()}")


def test_a_skill_assumed_through_a_narrower_entry_requirement_says_so(store: Store) -> None:
    plan = "# entry requirements: Python programming\ncourse,term,teaches\nML,1,machine learning\n"
    item, cov = _item(store, plan, "csv", "Data Scientist")
    assert cov.assumed_through  # computer programming, through Python programming
    assert f"assumed at entry, not taught: {cov.assumed_text()}" in _flat(texts(item))
    assert "computer programming (through Python programming)" in cov.assumed_text()


def test_the_coverage_round_trips_through_the_report_dict(store: Store) -> None:
    text, fmt, _name = view.load_example("msc-ai-data-science.csv")
    for role in ("Software Engineer", "Data Scientist", "Machine Learning Engineer"):
        report = view.analyse(store, text, fmt, "plan", [role])["report"]
        back, kg_cov = view.coverage_of(report["coverage"][0]), _kg_coverage(store, text, fmt, role)
        assert back.uncovered_text() == kg_cov.uncovered_text()
        assert back.below_fixes == kg_cov.below_fixes
        assert back.assumed_text() == kg_cov.assumed_text()
        assert back.through_text == kg_cov.through_text
        assert back.percent == kg_cov.percent
