"""The header row of a curriculum CSV: 'requires' is optional, other names are named.

Defects found by loading designers' sheets with ``careerkg gaps`` and on the Gaps page:

- a sheet without a ``requires`` column (many curricula state no per-course
  requirements) was refused with "missing column(s) 'requires'";
- a ``;``- or tab-separated sheet whose header lacked a column was told its header
  "is one column: separate the columns with ','" (wrong advice);
- a header naming a column otherwise (``Skills``, ``Semester``, ``teachs``) was only
  listed, not matched to the column it stands for.

A column that looks like ``requires`` (``Prerequisites``) is refused when there is no
``requires``: now that the column is optional, it would otherwise be ignored and the
skills in it lost without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.curriculum import curriculum_csv, parse_curriculum
from kg.errors import InvalidCurriculum
from kg.gaps import find_gaps
from kg.store import Store
from tests.support.cli import invoke

NO_REQUIRES = """\
# curriculum: Short track
# entry requirements: Python programming
course,term,teaches
Maths,1,linear algebra; calculus
Machine Learning,2,machine learning
Deep Learning,3,deep learning; neural networks
"""

WITH_REQUIRES = """\
# curriculum: Short track
# entry requirements: Python programming
course,term,teaches,requires
Maths,1,linear algebra; calculus,
Machine Learning,2,machine learning,
Deep Learning,3,deep learning; neural networks,
"""


def _read(store: Store, text: str, name: str = "plan.csv") -> list[tuple[str, int, list[str], list[str]]]:
    cur = parse_curriculum(text, store, fmt="csv", source=name)
    return [
        (c.label, c.term, [s.label for s in c.teaches], [s.label for s in c.requires]) for c in cur.courses
    ]


def _error(store: Store, text: str) -> str:
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="csv", source="plan.csv")
    return str(err.value)


# ---------------------------------------------------------- 'requires' optional


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_sheet_without_requires_reads_as_one_with_empty_requires(store: Store, sep: str) -> None:
    text = NO_REQUIRES.replace(",", sep) if sep != ";" else NO_REQUIRES.replace(",", ";").replace("; ", "|")
    text = text.replace("|", ", ")  # ';'-separated: the skills of a cell separated by ',' instead
    courses = _read(store, text)
    assert courses == _read(store, WITH_REQUIRES)
    assert [c[3] for c in courses] == [[], [], []]
    assert [len(c[2]) for c in courses] == [2, 1, 2]


def test_the_cli_checks_a_sheet_without_requires(tmp_path: Path) -> None:
    # was: exit 2, "plan.csv, line 3: missing column(s) 'requires'"
    plan, full = tmp_path / "plan.csv", tmp_path / "full.csv"
    plan.write_text(NO_REQUIRES, encoding="utf-8")
    full.write_text(WITH_REQUIRES, encoding="utf-8")
    result = invoke("gaps", str(plan), "--format", "json")
    expected = invoke("gaps", str(full), "--format", "json")
    assert result.exit_code == expected.exit_code == 1, result.output
    got, want = json.loads(result.output), json.loads(expected.output)
    assert {k: v for k, v in got.items() if k != "curriculum"} == {
        k: v for k, v in want.items() if k != "curriculum"
    }
    # a gap a 'requires' column would have stated is still found from the skills taught
    assert {f["prerequisite"]["label"] for f in got["missing_prerequisites"]} >= {"statistics"}


def test_the_gaps_page_checks_an_upload_and_a_paste_without_requires(store: Store) -> None:
    import base64

    from dashboard.views.gaps import analyse, decode_upload, read_paste

    upload = "data:text/csv;base64," + base64.b64encode(NO_REQUIRES.encode()).decode()
    text, fmt = decode_upload(upload, "plan.csv")
    uploaded = analyse(store, text, fmt, "plan.csv")
    assert uploaded["error"] is None
    assert [c["label"] for c in uploaded["report"]["courses"]] == [
        "Maths",
        "Machine Learning",
        "Deep Learning",
    ]
    pasted = read_paste(NO_REQUIRES.replace(",", "\t"))
    result = analyse(store, pasted["text"], pasted["fmt"], pasted["name"])
    assert result["error"] is None
    assert result["report"]["missing_prerequisites"] == uploaded["report"]["missing_prerequisites"]


def test_a_sheet_without_requires_is_written_back_with_the_column(store: Store) -> None:
    cur = parse_curriculum(NO_REQUIRES, store, fmt="csv", source="plan.csv")
    text = curriculum_csv(cur, store)
    assert "course,term,teaches,requires\n" in text
    assert _read(store, text) == _read(store, NO_REQUIRES)


# ------------------------------------------------ order, extra columns, case


def test_columns_in_any_order_any_case_and_spacing_with_extra_columns(store: Store) -> None:
    text = (
        "Credits ,  TEACHES , Course,Notes,  Term  \n"
        "15,linear algebra; calculus,Maths,core,1\n"
        "15,machine learning,Machine Learning,,2\n"
        "7.5,deep learning; neural networks,Deep Learning,option,3\n"
    )
    assert _read(store, text) == _read(store, WITH_REQUIRES)
    # an extra column like 'prerequisites' is only refused when there is no 'requires'
    both = WITH_REQUIRES.replace("course,term,teaches,requires", "course,term,teaches,requires,prerequisites")
    assert _read(store, both.replace(",\n", ",,\n")) == _read(store, WITH_REQUIRES)


# ------------------------------------------- other names for the columns


def test_a_prerequisites_column_without_requires_is_refused_not_ignored(store: Store) -> None:
    text = "course,term,teaches,Prerequisites\nML,2,machine learning,linear algebra\n"
    assert _error(store, text) == (
        "plan.csv, line 1: the column 'Prerequisites' would be ignored: careerkg reads the columns "
        "course, term, teaches and, optionally, requires; rename it 'requires' if it lists the skills "
        "a course requires before it starts (or give it another name if it holds something else)"
    )
    for name in ("pre-requisites", "Requirements", "requries", "prereqs"):
        assert f"the column {name!r} would be ignored" in _error(store, text.replace("Prerequisites", name))


def test_a_skills_column_is_named_as_the_teaches_column(store: Store) -> None:
    assert _error(store, "course,term,skills,requires\nML,1,machine learning,\n") == (
        "plan.csv, line 1: missing column(s) 'teaches'; the header must name the columns "
        "course, term, teaches and, optionally, requires (found 'skills': rename 'skills' to 'teaches')"
    )


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_header_of_other_names_says_which_to_rename_whatever_the_separator(store: Store, sep: str) -> None:
    # was, for ';' and tab: "the header 'Module;Semester;Skills' is one column: separate the columns with ','"
    text = (
        sep.join(["Module", "Semester", "Skills", "Teacher"])
        + "\n"
        + sep.join(["ML", "1", "ML", "Ada"])
        + "\n"
    )
    assert _error(store, text) == (
        "plan.csv, line 1: missing column(s) 'course', 'term', 'teaches'; the header must name the "
        "columns course, term, teaches and, optionally, requires (found 'Module', 'Semester', 'Skills', "
        "'Teacher': rename 'Module' to 'course', 'Semester' to 'term', 'Skills' to 'teaches')"
    )


def test_misspelt_column_names_are_matched_before_other_names(store: Store) -> None:
    assert _error(store, "course,term,teachs,Skills,requries\nML,1,a,b,c\n").endswith(
        "(found 'teachs', 'Skills', 'requries': rename 'teachs' to 'teaches', 'requries' to 'requires')"
    )


def test_a_header_of_one_column_still_says_to_separate_the_columns(store: Store) -> None:
    assert _error(store, "course term teaches\nML 1 machine learning\n").endswith(
        "(the header 'course term teaches' is one column: separate the columns with ',')"
    )


def test_the_gaps_run_on_a_sheet_without_requires_finds_the_same_gaps(store: Store) -> None:
    plain = find_gaps(store, parse_curriculum(NO_REQUIRES, store, fmt="csv", source="a.csv"))
    full = find_gaps(store, parse_curriculum(WITH_REQUIRES, store, fmt="csv", source="a.csv"))
    assert plain.gap_count == full.gap_count > 0
    assert [f.message for f in plain.missing_prerequisites] == [f.message for f in full.missing_prerequisites]
