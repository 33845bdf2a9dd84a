"""An order violation in term 1: the fix offers what can be done, not 'move ... earlier'."""

from __future__ import annotations

import json

from rdflib import Literal

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_csv, report_graph, report_markdown, report_table
from kg.namespace import CKG
from kg.store import Store

SAME_TERM = "course,term,teaches,requires\nStatistics,1,statistics,\nMachine Learning,1,machine learning,\n"
FIX = (
    "move 'Machine Learning' to term 2 or later, after 'Statistics' (no course can come before term 1), "
    "teach 'statistics' in a preparatory course before term 1, or add 'statistics' to the entry requirements"
)


def _violation(store: Store, text: str):  # type: ignore[no-untyped-def]
    report = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"))
    [f] = [f for f in report.order_violations if f.prerequisite.label == "statistics"]
    return report, f


def test_a_term_1_course_needing_a_term_1_course_is_told_to_move_later(store: Store) -> None:
    # was: "teach 'statistics' in a preparatory course before term 1 (move 'Statistics' earlier),
    # move 'Machine Learning' after term 1, ...": 'Statistics' cannot go earlier than term 1
    report, f = _violation(store, SAME_TERM)
    assert f.suggestion == FIX
    assert "earlier" not in f.suggestion
    assert f"fix: {FIX}" in report_table(report)
    assert f"*Fix:* {FIX}" in report_markdown(report)
    assert FIX in report_csv(report)
    assert FIX in [v["suggestion"] for v in json.loads(json.dumps(report.to_dict()))["order_violations"]]
    assert (None, CKG.suggestion, Literal(FIX, lang="en")) in report_graph(report)


def test_a_term_1_course_needing_a_term_2_course_is_told_to_move_after_it(store: Store) -> None:
    _, f = _violation(
        store, "course,term,teaches,requires\nMachine Learning,1,machine learning,\nS,2,statistics,\n"
    )
    assert f.suggestion.startswith(
        "move 'Machine Learning' to term 3 or later, after 'S' (no course can come"
    )
    assert "move 'S' earlier" not in f.suggestion


def test_a_later_course_is_told_where_the_other_can_go_earlier(store: Store) -> None:
    _, f = _violation(
        store, "course,term,teaches,requires\nS,2,statistics,\nMachine Learning,2,machine learning,\n"
    )
    assert f.suggestion == (
        "move 'S' to term 1 (or teach 'statistics' in a course of term 1), "
        "move 'Machine Learning' to term 3 or later, or add 'statistics' to the entry requirements"
    )


def test_a_course_that_needs_the_term_before_is_not_told_to_move_into_it(store: Store) -> None:
    # the shipped MSc: 'Natural Language Processing' (term 2) needs deep learning, taught in
    # 'Deep Learning' (term 2). Was: "move 'Deep Learning' to term 1 or earlier", where it would
    # come before 'Machine Learning' (term 1), whose skills it needs
    plan = (
        "course,term,teaches,requires\n"
        "Machine Learning,1,machine learning,\n"
        "Deep Learning,2,deep learning,machine learning\n"
        "Natural Language Processing,2,natural language processing,deep learning\n"
    )
    report = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="plan.csv"))
    [f] = [f for f in report.order_violations if f.prerequisite.label == "deep learning"]
    assert [c.label for c in f.held_back_by] == ["Machine Learning"]
    assert f.suggestion == (
        "move 'Natural Language Processing' to term 3 or later, after 'Deep Learning' ('Deep Learning' "
        "cannot go before term 2: it needs the skills of 'Machine Learning' (term 1)), teach 'deep learning' "
        "in a course of term 1, or add 'deep learning' to the entry requirements"
    )
    assert "move 'Deep Learning' to term 1" not in report_table(report)
    assert [c["label"] for c in f.to_dict()["held_back_by"]] == ["Machine Learning"]


def test_no_fix_says_term_1_or_earlier(store: Store) -> None:
    # was: "teach 'calculus' before term 2 (in a course of term 1 or earlier)": nothing is earlier
    plan = (
        "course,term,teaches,requires\n"
        "Stats,2,statistics,calculus\n"
        "Machine Learning,2,machine learning,statistics\n"
        "SQL,2,SQL,SQL\n"
    )
    report = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="plan.csv"))
    fixes = [f.suggestion for f in [*report.missing_prerequisites, *report.order_violations]]
    assert (
        "teach 'calculus' before term 2 (in a course of term 1) or add it to the entry requirements" in fixes
    )
    assert any(
        fix.endswith("or teach it in a course of term 1") for fix in fixes
    )  # SQL requires what it teaches
    assert not [fix for fix in fixes if "term 1 or earlier" in fix]
    assert "term 1 or earlier" not in report_table(report)
