"""A curriculum designer's day with ``careerkg gaps``: defects found by writing real
curricula (an Excel export, a programme with a prerequisite course named in the
``requires`` column, an MSc taught in the wrong order) and reading the report.
"""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


# ------------------------------------------------------------- the CSV itself


def test_an_unquoted_skill_list_in_a_semicolon_file_says_to_quote_it(store: Store) -> None:
    # was: "...; separate several skills in one cell with ';', not ';'" -- the ';' is
    # what split the cell, so the advice was to do what had just failed
    text = "Course;Term;Teaches;Requires;ECTS\r\nDatabases;1;SQL; data modelling;;5\r\n"
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="csv", source="excel.csv")
    assert str(err.value) == (
        "excel.csv, line 2: 6 cells but the header has 5 columns (extra: '5'); the columns are "
        "separated by ';', so a cell listing several skills must be in double quotes "
        "(\"Python programming; SQL\"), or separate its skills with ','"
    )
    # and both ways it names work
    for cell in ('"SQL; data modelling"', "SQL, data modelling"):
        cur = parse_curriculum(
            f"Course;Term;Teaches;Requires;ECTS\r\nDatabases;1;{cell};;5\r\n",
            store,
            fmt="csv",
            source="x.csv",
        )
        assert [s.label for s in cur.courses[0].teaches] == ["SQL", "data modelling"]


# ------------------------------------------- a course named where a skill belongs

COURSE_NAMED = """\
# curriculum: Data Science Certificate
course,term,teaches,requires
Stats 101,1,statistics; probability theory,
Machine Learning,2,machine learning,Stats 101
Capstone,3,building a project portfolio,capstone; Deep  learning  LAB
Deep Learning Lab,3,deep learning,
"""


def test_a_course_named_in_requires_is_said_to_be_a_course_with_its_skills(store: Store) -> None:
    # was: "unknown skill 'Stats 101' ... fix: check the spelling, or describe the skill
    # in a --data file" -- the designer named the course that comes first, on purpose
    from kg.gaps import find_gaps

    report = find_gaps(store, parse_curriculum(COURSE_NAMED, store, fmt="csv", source="ds.csv"))
    said = {
        (u.course.label if u.course else "", u.name): (u.message, u.suggestion) for u in report.unknown_skills
    }
    assert said[("Machine Learning", "Stats 101")] == (
        "unknown skill 'Stats 101' in 'Machine Learning' (term 2), requires (line 4): "
        "'Stats 101' is a course of this curriculum (term 1), not a skill",
        "name the skills needed from 'Stats 101' instead, such as 'statistics', 'probability theory'",
    )
    # case and spacing as a designer types them; a course in the same term is said to be
    assert said[("Capstone", "Deep  learning  LAB")] == (
        "unknown skill 'Deep  learning  LAB' in 'Capstone' (term 3), requires (line 5): "
        "'Deep Learning Lab' is a course of this curriculum (term 3, the same as 'Capstone'), not a skill",
        "name the skills needed from 'Deep Learning Lab' instead, such as 'deep learning'",
    )
    assert said[("Capstone", "capstone")][0].endswith(
        "'Capstone' is a course of this curriculum (this very course), not a skill"
    )
    # still unknown, still a gap: which of the course's skills are needed is the designer's call
    assert len(report.unknown_skills) == 3
    assert report.has_gaps
    assert report.to_dict()["unknown_skills"][0]["closest"] == ["statistics", "probability theory"]


def test_a_turtle_course_required_by_its_iri_is_said_to_be_a_course(store: Store) -> None:
    text = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
curriculum:ds a ckg:Curriculum ; skos:prefLabel "DS"@en ; ckg:hasCourse course:ds-stats, course:ds-ml .
course:ds-stats a ckg:Course ; skos:prefLabel "Stats 101"@en ; ckg:term 3 ; ckg:teaches skill:statistics .
course:ds-ml a ckg:Course ; skos:prefLabel "ML"@en ; ckg:term 2 ; ckg:requiresPrior course:ds-stats .
"""
    cur = parse_curriculum(text, store, fmt="turtle", source="ds.ttl")
    ref = next(c for c in cur.courses if c.label == "ML").requires[0]
    assert (ref.name, ref.known, ref.line) == ("course:ds-stats", False, 7)
    assert (
        ref.note == "'Stats 101' is a course of this curriculum (term 3, after 'ML' in term 2), not a skill"
    )
    assert ref.fix == "name the skills needed from 'Stats 101' instead, such as 'statistics'"
