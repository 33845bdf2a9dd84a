"""A CSV curriculum states the level a course teaches a skill to, as a Turtle one does.

Defect: only a Turtle curriculum could say a course teaches machine learning to level 2
(a ``ckg:Teaching``'s ``ckg:level``), so only there was a skill taught below the level
a target role requires reported not covered. The same curriculum kept in a spreadsheet
had no way to say it: ``machine learning:2`` was an unknown skill name, and the role
counted machine learning covered. The ``teaches`` column now reads ``SKILL:LEVEL``
(``Python:3; SQL:2``), as ``careerkg path --know`` does; a level that is no whole number
from 1 to 5 is refused naming the line, the column and the course.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.curriculum import curriculum_csv, curriculum_graph, parse_curriculum, read_curriculum
from kg.errors import InvalidCurriculum
from kg.gaps import find_gaps, report_table
from kg.store import Store
from tests.kg.test_curriculum_audit import LEVELS
from tests.support.cli import invoke

# the curriculum of test_curriculum_audit.LEVELS, kept in a spreadsheet
CSV = """\
# curriculum: Levels
# entry requirements: Python; linear algebra; statistics; probability; calculus
# target roles: Data Scientist
course,term,teaches,requires
ML taster,1,machine learning:1; SQL,
ML again,2,machine learning : 2,
Wrangling,2,data wrangling and cleaning:4,
"""


def test_csv_teaches_entries_carry_the_level_a_course_teaches_to(store: Store) -> None:
    cur = parse_curriculum(CSV, store, fmt="csv", source="levels.csv")
    assert [[(r.label, r.level) for r in c.teaches] for c in cur.courses] == [
        [("machine learning", 1), ("SQL", None)],
        [("machine learning", 2)],
        [("data wrangling and cleaning", 4)],
    ]
    assert cur.unknown() == []


def test_a_skill_taught_below_the_required_level_in_a_csv_is_not_covered(store: Store) -> None:
    report = find_gaps(store, parse_curriculum(CSV, store, fmt="csv", source="levels.csv"))
    (cov,) = report.coverage
    assert [(s.label, top, need) for s, top, need in cov.below_level] == [("machine learning", 2, 4)]
    assert "machine learning" in [n.label for n in cov.uncovered]
    assert "machine learning (taught to level 2 of 4)" in report_table(report)
    # the same findings as the same curriculum in Turtle
    turtle = find_gaps(store, parse_curriculum(LEVELS, store, fmt="turtle", source="levels.ttl"))
    (tcov,) = turtle.coverage
    assert (cov.percent, cov.below_level, cov.uncovered) == (tcov.percent, tcov.below_level, tcov.uncovered)
    assert [d.message for d in report.duplicates] == [d.message for d in turtle.duplicates]


def test_levels_may_follow_skills_separated_by_commas(store: Store) -> None:
    text = 'course,term,teaches\nIntro,1,"Python programming:3, SQL:2"\n'
    (course,) = parse_curriculum(text, store, fmt="csv", source="p.csv").courses
    assert [(r.label, r.level) for r in course.teaches] == [("Python programming", 3), ("SQL", 2)]


def test_a_skill_listed_twice_in_a_course_keeps_the_higher_level(store: Store) -> None:
    text = "course,term,teaches\nIntro,1,SQL:2\n,,SQL:3; Python programming\n"
    (course,) = parse_curriculum(text, store, fmt="csv", source="p.csv").courses
    assert [(r.label, r.level) for r in course.teaches] == [("SQL", 3), ("Python programming", None)]


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("SQL:9", "the level 9 of 'SQL' in the teaches column of 'Intro' is out of range"),
        ("SQL:0", "the level 0 of 'SQL' in the teaches column of 'Intro' is out of range"),
        ("SQL:-1", "the level -1 of 'SQL' in the teaches column of 'Intro' is out of range"),
        ("SQL:high", "the level 'high' of 'SQL' in the teaches column of 'Intro' is not a number"),
        ("SQL:2.5", "the level '2.5' of 'SQL' in the teaches column of 'Intro' is not a whole number"),
        ("SQL:", "no level after ':' in 'SQL:' in the teaches column of 'Intro'"),
        (":3", "no skill name before the level in ':3' in the teaches column of 'Intro'"),
    ],
)
def test_a_bad_level_is_refused_naming_the_line_column_and_course(
    store: Store, entry: str, says: str
) -> None:
    text = f'course,term,teaches,requires\nBasics,1,Python programming,\nIntro,2,"statistics; {entry}",\n'
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="csv", source="p.csv")
    message = str(info.value)
    assert message.startswith(f"p.csv, line 3: {says}"), message
    assert "a level is a whole number from 1 (awareness) to 5 (expert), such as 'SQL:3'" in message or (
        entry == ":3" and "write SKILL:LEVEL" in message
    ), message


def test_a_level_outside_the_teaches_column_is_refused(store: Store) -> None:
    text = "course,term,teaches,requires\nIntro,1,SQL,Python programming:3\n"
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="csv", source="p.csv")
    assert str(info.value) == (
        "p.csv, line 2: 'Python programming:3' in the requires column of 'Intro' gives a level; levels are "
        "read in the teaches column only (the level a course teaches a skill to): write "
        "'Python programming' alone here"
    )
    entry = "# entry requirements: SQL:2\ncourse,term,teaches\nIntro,1,Python programming\n"
    with pytest.raises(
        InvalidCurriculum, match=r"p.csv, line 1: 'SQL:2' in the entry requirements gives a level"
    ):
        parse_curriculum(entry, store, fmt="csv", source="p.csv")


def test_a_name_with_a_colon_that_is_no_level_stays_a_name(store: Store) -> None:
    # an unknown name is reported with its closest labels, not refused as a bad level
    text = "course,term,teaches\nIntro,1,Microsoft Certified: Azure; skill:sql; Pyton:2\n"
    (course,) = parse_curriculum(text, store, fmt="csv", source="p.csv").courses
    assert [(r.name, r.known, r.level) for r in course.teaches] == [
        ("Microsoft Certified: Azure", False, None),
        ("skill:sql", True, None),
        ("Pyton", False, 2),
    ]


def test_csv_files_without_levels_read_as_before(store: Store) -> None:
    for path in sorted(Path("data/curricula").glob("*.csv")):
        cur = read_curriculum(path, store)
        assert all(r.level is None for c in cur.courses for r in [*c.teaches, *c.requires]), path
        turtle = read_curriculum(path.with_suffix(".ttl"), store)
        assert find_gaps(store, cur).gap_count == find_gaps(store, turtle).gap_count, path


def test_levels_survive_writing_the_csv_and_the_turtle(store: Store) -> None:
    cur = parse_curriculum(CSV, store, fmt="csv", source="levels.csv")
    text = curriculum_csv(cur, store)
    assert "ML again,2,machine learning:2," in text, text
    again = parse_curriculum(text, store, fmt="csv", source="levels.csv")
    levels = [[(r.label, r.level) for r in c.teaches] for c in cur.courses]
    assert [[(r.label, r.level) for r in c.teaches] for c in again.courses] == levels
    ttl = curriculum_graph(cur).serialize(format="turtle")
    back = parse_curriculum(ttl, store, fmt="turtle", source="levels.ttl")
    assert [[(r.label, r.level) for r in c.teaches] for c in back.courses] == levels


def test_cli_reports_a_csv_level_below_the_role_and_refuses_a_bad_one(tmp_path: Path) -> None:
    plan = tmp_path / "levels.csv"
    plan.write_text(CSV, encoding="utf-8")
    result = invoke("gaps", str(plan))
    assert result.exit_code == 1, result.output
    assert "machine learning (taught to level 2 of 4)" in result.output
    plan.write_text(CSV.replace("machine learning : 2", "machine learning:7"), encoding="utf-8")
    result = invoke("gaps", str(plan))
    assert result.exit_code == 2, result.output
    assert (
        "line 6: the level 7 of 'machine learning' in the teaches column of 'ML again' is out of range"
        in result.output
    ), result.output


def test_json_report_gives_a_stated_level_only(store: Store) -> None:
    report = find_gaps(store, parse_curriculum(CSV, store, fmt="csv", source="levels.csv"))
    taster = report.to_dict()["courses"][0]
    assert [(t["label"], t.get("level")) for t in taster["teaches"]] == [
        ("machine learning", 1),
        ("SQL", None),
    ]
    assert "level" not in taster["teaches"][1]  # no level stated: the entry as before


def test_the_gaps_help_says_how_to_give_a_level() -> None:
    # the level was in a parenthesis inside a parenthesis of the help's one long sentence
    result = invoke("gaps", "--help")
    text = " ".join(result.output.split())
    assert (
        "A skill in teaches may give the level the course teaches it to, from 1 to 5, as --know does "
        "('Python:3; SQL:2'): one taught below the level a target role requires is not covered."
    ) in text, text


def test_a_skill_taught_twice_without_levels_says_how_to_state_them(store: Store) -> None:
    # was: "if the courses teach 'SQL' at rising levels this is intended; otherwise keep it
    # only in 'A'": no way to say so was named, and the finding stayed run after run
    text = "course,term,teaches\nA,1,SQL\nB,2,SQL\n"
    (dup,) = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="p.csv")).duplicates
    assert dup.suggestion == (
        "if the courses teach 'SQL' at rising levels, give the level each reaches ('SQL:2' in the CSV's "
        "teaches column, or ckg:level) and the report checks that they rise; otherwise keep it only in 'A'"
    )
    stated = find_gaps(
        store,
        parse_curriculum(
            text.replace("SQL\n", "SQL:2\n", 1).replace("B,2,SQL", "B,2,SQL:4"),
            store,
            fmt="csv",
            source="p.csv",
        ),
    )
    (dup,) = stated.duplicates
    assert dup.suggestion == "the levels rise from course to course: a spiral curriculum, nothing to change"


def test_a_broader_skill_taught_only_through_a_narrower_one_reaches_its_level(store: Store) -> None:
    # Data Scientist requires computer programming at level 3; a course teaching Python
    # programming to level 2 counted it covered "through Python programming"
    entry = "# entry requirements: statistics\n# target roles: Data Scientist\n"
    low = entry + "course,term,teaches\nIntro,1,Python programming:2\n"
    (cov,) = find_gaps(store, parse_curriculum(low, store, fmt="csv", source="p.csv")).coverage
    assert ("computer programming", 2, 3) in [(s.label, top, need) for s, top, need in cov.below_level]
    assert "computer programming" in [n.label for n in cov.uncovered]
    assert cov.through_narrower == ()
    for enough in ("Python programming:3", "Python programming"):  # to the level, or to no stated level
        text = entry + f"course,term,teaches\nIntro,1,{enough}\n"
        (cov,) = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="p.csv")).coverage
        assert "computer programming" not in [n.label for n in cov.uncovered], enough
        assert [(s.label, n.label) for s, n in cov.through_narrower] == [
            ("computer programming", "Python programming")
        ], enough


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("SQL (2)", "SQL:2"),
        ("SQL (level 2)", "SQL:2"),
        ("SQL - 2", "SQL:2"),
        ("SQL L2", "SQL:2"),
        ("SQL = 4", "SQL:4"),
    ],
)
def test_a_level_written_otherwise_is_told_how_to_write_it(store: Store, written: str, level: str) -> None:
    # was: an unknown skill 'SQL (2)' ("did you mean ...?"), and the level was lost
    text = f'course,term,teaches,requires\nIntro,1,"Python programming; {written}",\n'
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="csv", source="p.csv")
    assert str(info.value) == (
        f"p.csv, line 2: {written!r} in the teaches column of 'Intro': write a level after a colon, {level!r}"
    )
    requires = f'course,term,teaches,requires\nIntro,1,Python programming,"{written}"\n'
    with pytest.raises(InvalidCurriculum, match=f"line 2: {re.escape(repr(written))} in the requires column"):
        parse_curriculum(requires, store, fmt="csv", source="p.csv")


def test_a_name_ending_in_a_number_that_is_no_level_stays_a_name(store: Store) -> None:
    # a version or a part number: reported unknown with its closest labels, as before
    text = "course,term,teaches\nIntro,1,Python 3; C++ - 11; Web 2\n"
    (course,) = parse_curriculum(text, store, fmt="csv", source="p.csv").courses
    assert [(r.name, r.level) for r in course.teaches] == [
        ("Python 3", None),
        ("C++ - 11", None),
        ("Web 2", None),
    ]


def test_a_course_teaching_an_entry_requirement_to_a_low_level_does_not_uncover_it(store: Store) -> None:
    # the entry requirements name computer programming (to no level: any level, as
    # `path --know` counts a skill named alone); a refresher teaching it to level 2 made
    # Software Engineer's level 4 uncovered ("taught to level 2 of 4"): adding the
    # course lowered the coverage from 7.7% to 0%
    entry = "# entry requirements: computer programming\ncourse,term,teaches\nMaths,1,linear algebra\n"
    plain = find_gaps(store, parse_curriculum(entry, store, fmt="csv", source="p.csv"), ["Software Engineer"])
    refresher = entry + "Refresher,1,computer programming:2\n"
    (cov,) = find_gaps(
        store, parse_curriculum(refresher, store, fmt="csv", source="p.csv"), ["Software Engineer"]
    ).coverage
    assert cov.below_level == ()
    assert "computer programming" not in [n.label for n in cov.uncovered]
    assert "computer programming" in [n.label for n in cov.taught]
    assert cov.percent == plain.coverage[0].percent
