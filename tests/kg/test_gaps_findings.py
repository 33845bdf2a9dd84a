"""Gap findings a designer acts on: what each says must be true and must be doable."""

from __future__ import annotations

from rdflib import RDFS

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_csv, report_graph, report_markdown, report_table
from kg.namespace import CKG
from kg.store import Store


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
    # C cannot go earlier, before A, whose skills it needs: D moves after it
    assert by_course["D"].suggestion.startswith(
        "move 'D' to term 3 or later, after 'C' ('C' cannot go before term 2: it needs the skills of 'A' (term 2))"
    )
    assert "need each other's skills" in report_table(report)
    assert "need each other's skills" in report_markdown(report)


def test_a_one_way_late_prerequisite_is_no_cycle(store: Store) -> None:
    report = _report(
        store, "course,term,teaches,requires\nA,1,linear algebra,calculus\nB,2,calculus,linear algebra\n"
    )
    [f] = report.order_violations
    assert f.cycle == ()
    assert f.suggestion.startswith(
        "move 'A' to term 3 or later, after 'B' (no course can come before term 1), "
        "teach 'calculus' in a preparatory course before term 1"
    )


def test_the_table_says_how_to_name_a_target_role_when_none_is_given(store: Store) -> None:
    # was: the heading "Target role coverage (0)" over nothing (Markdown said "No target role given.")
    report = _report(store, "course,term,teaches,requires\nA,1,SQL,\n")
    table = report_table(report)
    heading = table.index("Target role coverage (0)\n")
    assert table[heading:].splitlines()[1] == (
        "  No target role, so no role's essential skills were checked: name one with --target ROLE, "
        "or a '# target roles: ROLE; ...' line at the top of the CSV."
    )


def test_a_course_that_names_nothing_it_teaches_is_noted_not_dropped(store: Store) -> None:
    # was: 'Capstone,2,,SQL; statistics' counted among the courses and never mentioned
    report = _report(
        store,
        "course,term,teaches,requires\nA,1,SQL,\nCapstone,2,,SQL; statistics\nOdd,2,Underwater Basket Weaving,\n",
    )
    [idle] = report.idle_courses  # 'Odd' names a skill (unknown): reported as unknown instead
    assert idle.message == "'Capstone' (term 2) teaches no skill (it requires 'SQL', 'statistics')"
    assert [u.name for u in report.unknown_skills] == ["Underwater Basket Weaving"]
    # a note, not a gap: the gap count is the missing 'statistics' and the unknown name
    assert report.gap_count == 2
    table = report_table(report)
    assert "1 course teaches no skill" in table.splitlines()[1]
    assert "Courses that teach no skill (1)\n  - 'Capstone' (term 2) teaches no skill" in table
    assert "## Courses that teach no skill (1)" in report_markdown(report)
    assert "idle_course,Capstone,2,,," in report_csv(report)
    assert report.to_dict()["idle_courses"][0]["course"]["label"] == "Capstone"
    g = report_graph(report)
    about = {
        g.value(f, CKG.aboutCourse)
        for f in g.subjects(RDFS.comment, None)
        if "teaches no skill" in str(g.value(f, RDFS.comment))
    }
    assert about == {report.curriculum.courses[1].iri}


def test_without_idle_courses_the_outputs_say_nothing_of_them(store: Store) -> None:
    report = _report(store, "course,term,teaches,requires\nA,1,SQL,\n")
    assert report.idle_courses == []
    assert "teach no skill" not in report_table(report)
    assert "teach no skill" not in report_markdown(report)
