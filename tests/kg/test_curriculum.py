"""Reading curricula: CSV and Turtle give the same curriculum; malformed files name the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.curriculum import curriculum_graph, parse_curriculum, read_curriculum
from kg.errors import InvalidCurriculum
from kg.namespace import CKG, ROLE, SKILL
from kg.store import Store
from tests.support import curricula


@pytest.fixture(scope="module")
def store() -> Store:
    return curricula.store()


def _shape(cur):  # type: ignore[no-untyped-def]
    """What both formats must agree on: courses, terms, skills, entry, targets."""
    return (
        cur.label,
        [
            (c.label, c.term, sorted(map(str, c.taught_skills())), sorted(map(str, c.required_skills())))
            for c in cur.courses
        ],
        sorted(map(str, cur.entry_skills())),
        cur.targets,
        sorted(r.name for _, _, r in cur.unknown()),
    )


@pytest.mark.parametrize(
    ("csv_text", "ttl_text"),
    [(curricula.GAPPY_CSV, curricula.GAPPY_TTL), (curricula.CLEAN_CSV, curricula.CLEAN_TTL)],
)
def test_csv_and_turtle_read_the_same(store: Store, csv_text: str, ttl_text: str) -> None:
    a = parse_curriculum(csv_text, store, fmt="csv", source="a.csv")
    b = parse_curriculum(ttl_text, store, fmt="turtle", source="b.ttl")
    assert _shape(a) == _shape(b)
    assert a.fmt == "csv"
    assert b.fmt == "turtle"


def test_csv_metadata_labels_alt_labels_and_order(store: Store) -> None:
    cur = parse_curriculum(curricula.GAPPY_CSV, store, fmt="csv", source="gappy.csv")
    assert cur.label == "Gappy Programme"
    assert cur.entry_skills() == {SKILL.python}
    assert cur.targets == [ROLE["ml-engineer"]]
    maths = next(c for c in cur.courses if c.label == "Maths")
    # the alt label "LinAlg" resolves to Linear Algebra
    assert maths.taught_skills() == {SKILL["linear-algebra"], SKILL.calculus}
    assert [c.term for c in cur.courses] == sorted(c.term for c in cur.courses)


def test_unknown_names_are_kept_with_closest_matches_and_line(store: Store) -> None:
    text = "course,term,teaches,requires\nIntro,1,Pyhton; PyTorch,Linear Algebr\n"
    cur = parse_curriculum(text, store, fmt="csv", source="x.csv")
    unknown = {r.name: r for _, _, r in cur.unknown()}
    assert set(unknown) == {"Pyhton", "PyTorch", "Linear Algebr"}
    assert unknown["Pyhton"].suggestions[0] == "Python"
    assert unknown["Linear Algebr"].suggestions[0] == "Linear Algebra"
    assert unknown["Pyhton"].line == 2
    # a tool named where a skill belongs: the note says so and suggests its skills
    assert "tool" in unknown["PyTorch"].note
    assert unknown["PyTorch"].suggestions[0] == "Deep Learning"


def test_csv_rows_of_one_course_merge_and_columns_may_be_reordered(store: Store) -> None:
    text = "Requires,Teaches,Notes,Term,Course\n,Python,x,1,Intro\nPython,Statistics,,1,intro\n"
    cur = parse_curriculum(text, store, fmt="csv", source="x.csv")
    assert len(cur.courses) == 1
    assert cur.courses[0].taught_skills() == {SKILL.python, SKILL.statistics}
    assert cur.courses[0].required_skills() == {SKILL.python}


def test_spreadsheet_export_with_bom_and_trailing_commas(store: Store) -> None:
    text = "\ufeff# curriculum: Sheet,,,\ncourse,term,teaches,requires\nIntro,1,Python,\n,,,\n"
    cur = parse_curriculum(text, store, fmt="csv", source="sheet.csv")
    assert cur.label == "Sheet"
    assert [c.label for c in cur.courses] == ["Intro"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("", 1, "empty file"),
        ("   \n\n", 1, "empty file"),
        ("Course Name,term,teaches\nIntro,1,Python\n", 1, "rename 'Course Name' to 'course'"),
        ("# only a comment\ncourse,term,requires\n", 2, "'teaches'"),
        ("course,term,teaches,requires\n", 1, "no course rows"),
        ("course,term,teaches,requires\nIntro,1,Python,\nML,two,Machine Learning,\n", 3, "bad term 'two'"),
        ("course,term,teaches,requires\nIntro,0,Python,\n", 2, "bad term '0'"),
        ("course,term,teaches,requires\nIntro,-1,Python,\n", 2, "bad term"),
        ("course,term,teaches,requires\nIntro,,Python,\n", 2, "course 'Intro' has no term"),
        ("course,term,teaches,requires\n,1,Python,\n", 2, "empty course name"),
        ("course,term,teaches,requires\nIntro,1,Python,\nIntro,2,Statistics,\n", 3, "term 1 on line 2"),
        ("# target roles: Data Sientist\ncourse,term,teaches,requires\nIntro,1,Python,\n", 1, "target role"),
    ],
)
def test_malformed_csv_names_the_row(store: Store, text: str, line: int, words: str) -> None:
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="csv", source="bad.csv")
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"bad.csv, line {line}: ")


_HEAD = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
"""


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("curriculum:x a ckg:Curriculum ;\n  ckg:hasCourse course:a .\ncourse:a ckg:term 1 \n", 7, "syntax"),
        ("course:a a ckg:Course ; ckg:term 1 .\n", None, "no ckg:Curriculum"),
        (
            'curriculum:x a ckg:Curriculum ; ckg:hasCourse course:a .\ncourse:a a ckg:Course ;\n  ckg:term "two" .\n',
            7,
            "bad term 'two'",
        ),
        (
            "curriculum:x a ckg:Curriculum ; ckg:hasCourse course:a .\ncourse:a a ckg:Course ;\n  ckg:term 0 .\n",
            7,
            "bad term '0'",
        ),
        (
            "curriculum:x a ckg:Curriculum ; ckg:hasCourse course:a .\ncourse:a a ckg:Course .\n",
            6,
            "no ckg:term",
        ),
        ("curriculum:x a ckg:Curriculum ; ckg:entryRequirement skill:python .\n", 5, "no ckg:hasCourse"),
    ],
)
def test_malformed_turtle_names_the_line(store: Store, body: str, line: int | None, words: str) -> None:
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(_HEAD + body, store, fmt="turtle", source="bad.ttl")
    assert info.value.line == line
    assert words in str(info.value)


def test_read_curriculum_picks_the_format_from_the_extension(store: Store, tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text(curricula.CLEAN_CSV, encoding="utf-8")
    (tmp_path / "p.ttl").write_text(curricula.CLEAN_TTL, encoding="utf-8")
    assert _shape(read_curriculum(tmp_path / "p.csv", store)) == _shape(
        read_curriculum(tmp_path / "p.ttl", store)
    )
    with pytest.raises(InvalidCurriculum, match="no such file"):
        read_curriculum(tmp_path / "missing.csv", store)
    (tmp_path / "p.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InvalidCurriculum, match="unknown curriculum file type"):
        read_curriculum(tmp_path / "p.json", store)
    (tmp_path / "p.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(
        InvalidCurriculum, match="a spreadsheet workbook, not a curriculum file; save the sheet as CSV"
    ):
        read_curriculum(tmp_path / "p.xlsx", store)


def test_curriculum_graph_round_trips_through_turtle(store: Store) -> None:
    cur = parse_curriculum(curricula.CLEAN_CSV, store, fmt="csv", source="clean.csv")
    text = curriculum_graph(cur).serialize(format="turtle")
    again = parse_curriculum(text, store, fmt="turtle", source="clean.ttl")
    assert _shape(again) == _shape(cur)
    g = Graph().parse(data=text, format="turtle")
    assert len(list(g.subjects(CKG.term, None))) == len(cur.courses)
