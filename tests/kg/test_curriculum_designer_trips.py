"""What a curriculum designer trips on in ``careerkg gaps``, one defect a test.

Each test names what the designer saw before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store
from tests.support.cli import invoke


def test_a_course_whose_term_cell_is_empty_is_said_to_have_no_term(tmp_path: Path) -> None:
    # was: "plan.csv, line 3: bad term ''; a term is a whole number from 1 ...": the
    # cell was empty, and the message showed two quotes and named no course
    plan = tmp_path / "plan.csv"
    plan.write_text("course,term,teaches\nIntro,1,SQL\nStatistics,,statistics\n", encoding="utf-8")
    result = invoke("gaps", str(plan))
    assert result.exit_code == 2, result.output
    assert (
        f"{plan}, line 3: course 'Statistics' has no term; give it a term from 1 (1 = first term), such as 2 "
        "or 'Semester 2' (only a course's later rows may leave the term out)"
    ) in result.output, result.output
    assert "bad term ''" not in result.output


@pytest.mark.parametrize(
    ("written", "term"),
    [("1st semester", 1), ("2nd Term", 2), ("Semester One", 1), ("second term", 2), ("Term III", 3)],
)
def test_a_term_written_in_words_or_as_an_ordinal_with_its_name_is_read(
    store: Store, written: str, term: int
) -> None:
    # was: "bad term '1st semester'; a term is a whole number from 1 ... such as 2 or
    # 'Semester 2'" for what a registrar's sheet writes ('2nd' and 'Semester 2' were read)
    cur = parse_curriculum(f"course,term,teaches\nIntro,{written},SQL\n", store, fmt="csv", source="p.csv")
    assert [(c.label, c.term) for c in cur.courses] == [("Intro", term)]


@pytest.mark.parametrize("written", ["Fall 2024", "Year 1", "I", "first year", "two"])
def test_a_term_in_words_that_names_no_term_number_is_still_refused(store: Store, written: str) -> None:
    with pytest.raises(InvalidCurriculum, match=f"line 2: bad term '{written}'"):
        parse_curriculum(f"course,term,teaches\nIntro,{written},SQL\n", store, fmt="csv", source="p.csv")


@pytest.mark.parametrize(
    ("written", "last"), [("1-2", 2), ("Terms 1 & 2", 2), ("Semester 2 to Semester 3", 3)]
)
def test_a_course_over_several_terms_is_told_how_to_write_it(store: Store, written: str, last: int) -> None:
    # was: "bad term '1-2'; ...; number the terms of a programme of several years on
    # (year 2, semester 1 = term 3)": advice about years for a course running over two terms
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(f"course,term,teaches\nProject,{written},SQL\n", store, fmt="csv", source="p.csv")
    message = str(err.value)
    assert message.endswith(
        f"; a course has one term, and {written!r} spans several: split it into one course a term, each "
        f"with what it teaches, or give it the term it ends in ({last}), so that only later courses count "
        "on what it teaches"
    ), message
    assert "several years" not in message


def test_an_order_violation_within_one_term_says_the_courses_run_alongside(store: Store) -> None:
    # was: "'ML' (term 1) needs 'linear algebra' (...), but it is taught only in 'Maths'
    # (term 1)": two courses of term 1, which read as in order
    from kg.gaps import find_gaps

    text = (
        "# entry requirements: Python programming; probability theory; statistics\n"
        "course,term,teaches\nMaths,1,linear algebra\nML,1,machine learning\nLater,2,linear algebra\n"
    )
    report = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="p.csv"))
    (ov,) = [f for f in report.order_violations if f.course.label == "ML"]
    assert ov.message.endswith(
        "but it is taught only in 'Maths' (term 1, alongside it, not before it), 'Later' (term 2)"
    ), ov.message


def test_the_markdown_report_shows_names_as_written(tmp_path: Path) -> None:
    # was: '# Curriculum gaps: ML_2025 *pilot*' (italics in the title), 'Intro <AI>' (an
    # HTML tag, dropped when rendered) and '`Code` [core]' (a code span) written as is
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "# curriculum: ML_2025 *pilot*\ncourse,term,teaches\nIntro <AI>,1,SQL; my_skill\n`Code` [core],2,machine learning\n",
        encoding="utf-8",
    )
    result = invoke("gaps", str(plan), "--format", "md")
    assert result.exit_code == 1, result.output
    assert result.output.startswith("# Curriculum gaps: ML\\_2025 \\*pilot\\*\n"), result.output
    assert "- '\\`Code\\` \\[core\\]' (term 2) needs 'calculus'" in result.output, result.output
    assert "- unknown skill 'my\\_skill' taught by 'Intro \\<AI>' (term 1, line 3)" in result.output
    assert "<AI>" not in result.output.replace("\\<AI>", "")


@pytest.mark.parametrize(
    ("written", "term"), [("Term 1 (Autumn)", 1), ("2 (weeks 13-24)", 2), ("Semester 2 [Spring]", 2)]
)
def test_a_term_with_a_note_in_brackets_is_read(store: Store, written: str, term: int) -> None:
    # was: "bad term 'Term 1 (Autumn)'; ..." (and for '2 (weeks 13-24)' advice about
    # numbering the terms of a programme of several years)
    cur = parse_curriculum(f'course,term,teaches\nIntro,"{written}",SQL\n', store, fmt="csv", source="p.csv")
    assert [(c.label, c.term) for c in cur.courses] == [("Intro", term)]


def test_a_note_in_brackets_does_not_make_a_bad_term_good(store: Store) -> None:
    with pytest.raises(InvalidCurriculum, match=r"bad term 'Year 1 \(Autumn\)'"):
        parse_curriculum(
            'course,term,teaches\nIntro,"Year 1 (Autumn)",SQL\n', store, fmt="csv", source="p.csv"
        )


def test_entry_requirements_under_another_name_are_read(store: Store) -> None:
    # was: '# Prerequisites: ...' and '# Target Role(s): ...' read as comments: the entry
    # requirements silently left out (every course missing them) and no role checked
    text = (
        "# Prerequisites: Python programming; statistics\n# Target Role(s): Data Scientist\n"
        "course,term,teaches\nIntro,1,SQL\n"
    )
    cur = parse_curriculum(text, store, fmt="csv", source="p.csv")
    assert [r.label for r in cur.entry] == ["Python programming", "statistics"]
    assert len(cur.targets) == 1


@pytest.mark.parametrize(
    ("key", "write"), [("entry requirments", "entry requirements"), ("target rolls", "target roles")]
)
def test_a_misspelt_metadata_key_is_refused_rather_than_read_as_a_comment(
    store: Store, key: str, write: str
) -> None:
    # was: the line read as a comment, its skills or roles left out without a word
    text = f"# {key}: Python programming\ncourse,term,teaches\nIntro,1,SQL\n"
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="csv", source="p.csv")
    assert str(info.value) == (
        f"p.csv, line 1: '# {key}:' would be read as a comment, its names left out; write '# {write}:' if it lists them"
    )


def test_a_note_with_a_colon_stays_a_comment(store: Store) -> None:
    text = "# Note: revised 2025\n# Targeted: beginners\n# Names: see the handbook\ncourse,term,teaches\nIntro,1,SQL\n"
    cur = parse_curriculum(text, store, fmt="csv", source="p.csv")
    assert (cur.label, cur.entry, cur.targets) == ("p", [], [])
