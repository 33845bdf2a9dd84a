"""Curricula as designers really write them: nothing they wrote is lost or shifted silently.

Each test is a defect found by using ``careerkg gaps`` on hand-written files: skills
separated by commas moved into the wrong column or vanished, a semicolon-separated
(Excel) or tab-separated file was refused with 'missing columns', a repeated column
was dropped, courses whose names differ only in punctuation or are written in
another script were merged into one, and a Turtle curriculum with a misspelt
``ckg:`` term or a course left out of ``ckg:hasCourse`` reported "no gaps".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import _register, cli
from kg.curriculum import curriculum_graph, parse_curriculum
from kg.errors import InvalidCurriculum
from kg.gaps import find_gaps, report_graph
from kg.namespace import CKG
from kg.store import Store

PREFIXES = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def _courses(store: Store, text: str, name: str = "plan.csv") -> list[tuple[str, int, list[str], list[str]]]:
    fmt = "csv" if name.endswith(".csv") else "turtle"
    cur = parse_curriculum(text, store, fmt=fmt, source=name)
    return [
        (c.label, c.term, [s.label for s in c.teaches], [s.label for s in c.requires]) for c in cur.courses
    ]


# ------------------------------------------------------------------------ CSV


def test_skills_separated_by_commas_are_refused_not_shifted_into_requires(store: Store) -> None:
    # was: teaches ['machine learning'], requires ['statistics']; 'linear algebra' and
    # 'Python programming' were dropped, and the report was computed on that
    text = (
        "course,term,teaches,requires\n"
        "Intro,1,Python programming,\n"
        "ML,2,machine learning, statistics, linear algebra,Python programming\n"
    )
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="csv", source="plan.csv")
    assert str(err.value) == (
        "plan.csv, line 3: 6 cells but the header has 4 columns (extra: 'linear algebra', "
        "'Python programming'); separate several skills in one cell with ';', not ',' (or quote the cell)"
    )


def test_a_row_one_cell_too_long_is_refused_even_when_the_extra_cell_is_empty(store: Store) -> None:
    # 'Intro,1,Python programming, SQL,' read SQL as a requirement of the course
    with pytest.raises(InvalidCurriculum, match=r"line 2: 5 cells but the header has 4 columns; separate"):
        parse_curriculum(
            "course,term,teaches,requires\nIntro,1,Python programming, SQL,\n",
            store,
            fmt="csv",
            source="p.csv",
        )


def test_extra_columns_in_the_header_are_still_ignored(store: Store) -> None:
    text = 'Course,Term,Credits,Teaches,Requires,Notes\nIntro,1,15,SQL,,"core, first year"\nSolo,2,5,statistics\n'
    assert _courses(store, text) == [("Intro", 1, ["SQL"], []), ("Solo", 2, ["statistics"], [])]


def test_an_excel_csv_with_bom_semicolons_and_extra_columns_is_read(store: Store) -> None:
    # a spreadsheet saved as CSV where the decimal separator is ',' (was: "missing
    # column(s) 'course', 'term', 'teaches', 'requires'")
    text = (
        "\ufeffCourse;Term;Teaches;Requires;Credits\r\n"
        'Intro;1;"Python programming; SQL";;7,5\r\n'
        "Études avancées — ML;2;machine learning;Python programming;10\r\n"
    )
    assert _courses(store, text) == [
        ("Intro", 1, ["Python programming", "SQL"], []),
        ("Études avancées — ML", 2, ["machine learning"], ["Python programming"]),
    ]


def test_a_tab_separated_table_pasted_from_a_spreadsheet_is_read(store: Store) -> None:
    text = "course\tterm\tteaches\trequires\nIntro\t1\tPython programming; SQL\t\n"
    assert _courses(store, text) == [("Intro", 1, ["Python programming", "SQL"], [])]


def test_a_repeated_column_is_refused_not_half_read(store: Store) -> None:
    # was: the second 'teaches' column (SQL) silently ignored
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(
            "course,term,teaches,requires,teaches\nIntro,1,Python programming,,SQL\n",
            store,
            fmt="csv",
            source="p.csv",
        )
    assert str(err.value) == (
        "p.csv, line 1: the column 'teaches' appears 2 times (columns 3, 5); "
        "keep one and put several skills in its cells, separated by ';'"
    )


def test_a_header_with_other_column_names_says_what_it_found(store: Store) -> None:
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(
            "Course Name,Term,Skills Taught,Prerequisites\nIntro,1,SQL,\n", store, fmt="csv", source="p.csv"
        )
    assert str(err.value).endswith(
        "the header must name the columns course, term, teaches and, optionally, requires "
        "(found 'Course Name', 'Skills Taught', 'Prerequisites': rename 'Course Name' to 'course', "
        "'Skills Taught' to 'teaches', 'Prerequisites' to 'requires')"
    )


def test_courses_whose_names_slug_alike_stay_apart(store: Store) -> None:
    # 'C++' and 'C#' were both course/<cur>/c, and every name in Chinese was
    # course/unnamed/unnamed: the RDF report merged them into one course with two
    # terms, and the dashboard canvas drew one node for both
    text = (
        "# curriculum: 机器学习硕士\n"
        "course,term,teaches,requires\n"
        "线性代数,1,linear algebra,\n"
        "机器学习,2,machine learning,linear algebra\n"
        "C++,1,computer programming,\n"
        "C#,2,software engineering,\n"
    )
    cur = parse_curriculum(text, store, fmt="csv", source="ml.csv")
    iris = [c.iri for c in cur.courses]
    assert len(set(iris)) == 4
    assert cur.iri != parse_curriculum(text.replace("机器学习硕士", "数据科学"), store, fmt="csv").iri
    g = curriculum_graph(cur)
    assert len(set(g.objects(cur.iri, CKG.hasCourse))) == 4
    for c in cur.courses:  # one term each: nothing merged
        assert len(list(g.objects(c.iri, CKG.term))) == 1
    report = report_graph(find_gaps(store, cur))
    assert len(set(report.subjects(CKG.term, None))) == 4


def test_accents_are_dropped_from_course_iris_not_letters(store: Store) -> None:
    cur = parse_curriculum(
        "# curriculum: Études\ncourse,term,teaches,requires\nÉtudes avancées,1,SQL,\n", store, fmt="csv"
    )
    assert cur.courses[0].iri.endswith("/etudes/etudes-avancees")


# --------------------------------------------------------------------- Turtle


def _ttl(body: str) -> str:
    return PREFIXES + body


def test_a_misspelt_ckg_term_is_refused_with_the_closest_terms(store: Store) -> None:
    # was: 'ckg:teach' read as nothing taught, and the CLI said "no gaps" with exit 0
    text = _ttl(
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ;\n"
        "    ckg:teach skill:statistics .\n"
    )
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="turtle", source="t.ttl")
    assert (
        str(err.value)
        == "t.ttl, line 9: ckg:teach is not a term of the careerkg ontology; did you mean ckg:teaches?"
    )


def test_a_misspelt_class_is_refused_with_the_closest_classes(store: Store) -> None:
    text = _ttl(
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
        "course:a a ckg:Corse ; skos:prefLabel 'A'@en ; ckg:term 1 ; ckg:teaches skill:statistics .\n"
    )
    with pytest.raises(
        InvalidCurriculum, match=r"line 8: ckg:Corse is not a term .*; did you mean ckg:Course\?$"
    ):
        parse_curriculum(text, store, fmt="turtle", source="t.ttl")


def test_a_course_left_out_of_has_course_is_refused(store: Store) -> None:
    # was: course:b silently left out of the check ("1 course over 1 term")
    text = _ttl(
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ; ckg:teaches skill:statistics .\n"
        "course:b a ckg:Course ; skos:prefLabel 'B'@en ; ckg:term 2 ; ckg:teaches skill:machine-learning .\n"
    )
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="turtle", source="t.ttl")
    assert str(err.value) == (
        "t.ttl, line 9: course course:b is described but not in curriculum:t's ckg:hasCourse; "
        "add it (ckg:hasCourse course:b) or remove its description"
    )


@pytest.mark.parametrize(
    ("obj", "hint"),
    [
        ('"deep learning"', "not the text 'deep learning'; write skill:deep-learning"),
        ('"deep lerning"', "not the text 'deep lerning'; closest skills: 'deep learning'"),
    ],
)
def test_a_skill_given_as_text_says_which_iri_to_write(store: Store, obj: str, hint: str) -> None:
    # was: "ckg:teaches must name a skill IRI, not rdflib.term.Literal('deep learning')"
    text = _ttl(
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ;\n"
        f"    ckg:teaches {obj} .\n"
    )
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="turtle", source="t.ttl")
    message = str(err.value)
    assert message.startswith("t.ttl, line 9: ckg:teaches must name a skill by its IRI, ")
    assert hint in message
    assert "rdflib" not in message


def test_the_cli_exits_2_on_a_silently_empty_turtle_curriculum(tmp_path: Path) -> None:
    path = tmp_path / "t.ttl"
    path.write_text(
        _ttl(
            "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a .\n"
            "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ; ckg:teach skill:statistics .\n"
        ),
        encoding="utf-8",
    )
    _register()
    result = CliRunner().invoke(cli, ["gaps", str(path)])
    assert result.exit_code == 2, result.output
    assert "ckg:teach is not a term of the careerkg ontology; did you mean ckg:teaches?" in result.output


def test_the_shipped_turtle_examples_still_read(store: Store) -> None:
    root = Path(__file__).resolve().parents[2] / "data" / "curricula"
    for path in sorted(root.glob("*.ttl")):
        cur = parse_curriculum(path.read_text(encoding="utf-8"), store, fmt="turtle", source=path.name)
        assert len(cur.courses) == 8 if "bootcamp" in path.name else len(cur.courses) == 11
        assert isinstance(curriculum_graph(cur), Graph)


# ------------------------------------------------------------------- encoding


def test_a_windows_1252_file_names_the_line_the_byte_and_how_to_save_it(tmp_path: Path) -> None:
    # was: "not UTF-8 text (invalid continuation byte at byte 45)": no line, nothing to act on
    path = tmp_path / "plan.csv"
    path.write_bytes("course,term,teaches,requires\nA,1,SQL,\nÉtudes,2,statistics,\n".encode("cp1252"))
    _register()
    result = CliRunner().invoke(cli, ["gaps", str(path)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"careerkg: error: {path}, line 3: not UTF-8 text (byte 0xC9, 'É' in Windows-1252); "
        "save the file as UTF-8 (in Excel: CSV UTF-8)"
    )


def test_an_unknown_target_role_in_turtle_is_named_as_written(store: Store) -> None:
    # was: "unknown role name 'https://w3id.org/careerkg/id/role/data-scientst'"
    text = _ttl(
        "curriculum:t a ckg:Curriculum ; skos:prefLabel 'T'@en ; ckg:hasCourse course:a ;\n"
        "    ckg:targetRole role:data-scientst .\n"
        "course:a a ckg:Course ; skos:prefLabel 'A'@en ; ckg:term 1 ; ckg:teaches skill:statistics .\n"
    )
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(text, store, fmt="turtle", source="t.ttl")
    assert str(err.value).startswith(
        "t.ttl, line 8: target role: unknown role name role:data-scientst; "
        "closest known roles: role:data-scientist ('Data Scientist')"
    )


# --------------------------------------------------------- ',' inside a cell


def test_skills_separated_by_commas_inside_one_cell_are_read_when_each_is_known(store: Store) -> None:
    # a quoted cell, or a ';'-separated file, or a metadata line, with ',' between the
    # names: was one unknown skill 'Python programming, SQL' and an unknown role
    # 'Data Scientist, Machine Learning Engineer' (exit 2)
    text = (
        "# entry requirements: Python programming, calculus\n"
        "# target roles: Data Scientist, Machine Learning Engineer\n"
        "course;term;teaches;requires\n"
        "Stats;1;statistics, probability theory;Python programming, calculus\n"
        "Odd;2;statistics, underwater basket weaving;\n"
    )
    cur = parse_curriculum(text, store, fmt="csv", source="p.csv")
    assert [s.label for s in cur.entry] == ["Python programming", "calculus"]
    assert [str(t).rsplit("/", 1)[-1] for t in cur.targets] == ["data-scientist", "machine-learning-engineer"]
    stats, odd = cur.courses
    assert [s.label for s in stats.teaches] == ["statistics", "probability theory"]
    assert [s.label for s in stats.requires] == ["Python programming", "calculus"]
    # a part that names nothing: the cell is kept whole and reported, never half read
    assert [(s.name, s.known) for s in odd.teaches] == [("statistics, underwater basket weaving", False)]


def test_metadata_lines_of_a_semicolon_file_keep_their_semicolons(store: Store) -> None:
    # the ';' of '# entry requirements: A; B' split the line into cells, joined back with
    # ',': 'Python programming; Pyton' became one unknown name 'Python programming, Pyton'
    text = "# entry requirements: Python programming; Pyton\ncourse;term;teaches;requires\nA;1;SQL;\n"
    cur = parse_curriculum(text, store, fmt="csv", source="p.csv")
    assert [(s.name, s.known) for s in cur.entry] == [("Python programming", True), ("Pyton", False)]
