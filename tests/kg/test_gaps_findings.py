"""Gap findings a designer acts on: what each says must be true and must be doable."""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_markdown, report_table
from kg.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


def _report(store: Store, text: str):  # type: ignore[no-untyped-def]
    return find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"))


def test_courses_that_need_each_other_are_a_cycle_and_moving_one_is_not_suggested(store: Store) -> None:
    # was: "move 'B' earlier" for A and "move 'A' earlier" for B, which a designer
    # would follow round and round
    report = _report(
        store,
        "course,term,teaches,requires\nA,1,linear algebra,calculus\nB,1,calculus,linear algebra\n",
    )
    assert [(f.course.label, f.prerequisite.label) for f in report.order_violations] == [
        ("A", "calculus"),
        ("B", "linear algebra"),
    ]
    for f in report.order_violations:
        assert [c.label for c in f.cycle] == ["A", "B"]
        assert f.message.endswith("; 'A' and 'B' need each other's skills in a cycle")
        assert "move" not in f.suggestion
        assert f.suggestion.startswith("break the cycle (no order of 'A' and 'B' fixes it): ")
        assert f"add {f.prerequisite.label!r} to the entry requirements" in f.suggestion
        assert f"drop it from the requirements of {f.course.label!r}" in f.suggestion
        assert f.to_dict()["cycle"] == [c.to_dict() for c in f.cycle]


def test_a_cycle_of_three_courses_names_all_three(store: Store) -> None:
    report = _report(
        store,
        "course,term,teaches,requires\n"
        "A,2,linear algebra,calculus\n"
        "B,2,calculus,SQL\n"
        "C,2,SQL,linear algebra\n"
        "D,2,statistics,SQL\n",
    )
    by_course = {f.course.label: f for f in report.order_violations}
    assert sorted(by_course) == ["A", "B", "C", "D"]
    for name in "ABC":
        assert [c.label for c in by_course[name].cycle] == ["A", "B", "C"]
        assert "'A', 'B' and 'C' need each other's skills in a cycle" in by_course[name].message
    # D needs SQL from C but nothing of D's is needed back: an ordinary order violation
    assert by_course["D"].cycle == ()
    assert "move 'C' earlier" in by_course["D"].suggestion
    assert "need each other's skills" in report_table(report)
    assert "need each other's skills" in report_markdown(report)


def test_a_one_way_late_prerequisite_is_no_cycle(store: Store) -> None:
    report = _report(
        store, "course,term,teaches,requires\nA,1,linear algebra,calculus\nB,2,calculus,linear algebra\n"
    )
    [f] = report.order_violations
    assert f.cycle == ()
    assert f.suggestion.startswith(
        "teach 'calculus' in a preparatory course before term 1 (move 'B' earlier)"
    )


def test_the_table_says_how_to_name_a_target_role_when_none_is_given(store: Store) -> None:
    # was: the heading "Target role coverage (0)" over nothing (Markdown said "No target role given.")
    report = _report(store, "course,term,teaches,requires\nA,1,SQL,\n")
    table = report_table(report)
    heading = table.index("Target role coverage (0)\n")
    assert table[heading:].splitlines()[1] == (
        "  No target role given: name one with --target ROLE (or a '# target roles:' line in the CSV)."
    )
