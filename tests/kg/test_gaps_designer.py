"""A curriculum designer's day with ``careerkg gaps``: defects found by writing real
curricula (an Excel export, a programme with a prerequisite course named in the
``requires`` column, an MSc taught in the wrong order) and reading the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store

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
        "unknown skill 'Stats 101' required by 'Machine Learning' (term 2, line 4): "
        "'Stats 101' is a course of this curriculum (term 1), not a skill",
        "name the skills needed from 'Stats 101' instead, such as 'statistics', 'probability theory'",
    )
    # case and spacing as a designer types them; a course in the same term is said to be
    assert said[("Capstone", "Deep  learning  LAB")] == (
        "unknown skill 'Deep  learning  LAB' required by 'Capstone' (term 3, line 5): "
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


# ------------------------------------------------ which course to move where

MSC_WRONG_ORDER = """\
# curriculum: MSc Artificial Intelligence
# entry requirements: computer programming; calculus
# target roles: Research Scientist
course,term,teaches,requires
Machine Learning,1,machine learning; supervised learning; unsupervised learning,
Deep Learning,2,neural networks; deep learning; convolutional neural networks; recurrent neural networks and sequence models,
Mathematics for AI,2,linear algebra; probability theory; statistics; mathematical optimisation,
Python for AI,3,Python programming; Python scientific and data libraries,
Natural Language Processing,3,natural language processing; transformer models,
Research Methods,3,scientific research methods; technical writing and documentation,
Reinforcement Learning,4,reinforcement learning,
Dissertation,4,,machine learning; scientific research methods
"""


def _moved(text: str, moves: dict[str, int]) -> str:
    """``text`` with each course of ``moves`` in its new term, as a designer would edit it."""
    out = []
    for line in text.splitlines():
        name, _, rest = line.partition(",")
        if name in moves:
            line = f"{name},{moves[name]},{rest.partition(',')[2]}"
        out.append(line)
    return "\n".join(out) + "\n"


def test_order_violations_come_with_the_courses_to_move_and_the_moves_fix_them(store: Store) -> None:
    # was: four findings, each with its own 'move X earlier' or 'move Y after term N'
    # (one said to move 'Machine Learning' after term 2, another after term 3, and
    # moving it would have broken 'Deep Learning'); nothing said which term each
    # course should be in for the whole programme to work
    from kg.gaps import find_gaps

    report = find_gaps(store, parse_curriculum(MSC_WRONG_ORDER, store, fmt="csv", source="msc.csv"))
    assert len(report.order_violations) == 4
    assert [m.message for m in report.moves] == [
        "move 'Mathematics for AI' from term 2 to term 1, before 'Machine Learning' (moved to term 2), "
        "which needs its skills",
        "move 'Python for AI' from term 3 to term 1, before 'Machine Learning' (moved to term 2), "
        "which needs its skills",
        "move 'Machine Learning' from term 1 to term 2, after 'Mathematics for AI' (moved to term 1) and "
        "'Python for AI' (moved to term 1), whose skills it needs",
        "move 'Deep Learning' from term 2 to term 3, after 'Machine Learning' (moved to term 2), "
        "whose skills it needs",
        "move 'Natural Language Processing' from term 3 to term 4, after 'Deep Learning' (moved to term 3), "
        "whose skills it needs",
    ]
    assert report.moves_summary == "no order violation is left"
    # the designer makes the moves: the same curriculum in the new terms has no order
    # violation left, and nothing else got worse
    fixed = find_gaps(
        store,
        parse_curriculum(
            _moved(MSC_WRONG_ORDER, {m.course.label: m.to_term for m in report.moves}),
            store,
            fmt="csv",
            source="msc.csv",
        ),
    )
    assert fixed.order_violations == []
    assert fixed.moves == []
    assert [f.prerequisite.label for f in fixed.missing_prerequisites] == [
        f.prerequisite.label for f in report.missing_prerequisites
    ]
    assert max(c.term for c in fixed.curriculum.courses) == 4  # no longer than it was


def test_only_the_courses_that_must_move_are_moved(store: Store) -> None:
    # the shipped bootcamp: 'Feature Engineering and Model Tuning' sits beside the
    # course it builds on; the other seven courses stay where they are
    from kg.curriculum import read_curriculum
    from kg.gaps import find_gaps
    from kg.store import resource_dir

    report = find_gaps(store, read_curriculum(resource_dir("data") / "curricula" / "ml-bootcamp.csv", store))
    assert [(m.course.label, m.course.term, m.to_term) for m in report.moves] == [
        ("Feature Engineering and Model Tuning", 2, 3)
    ]
    assert report.moves_summary == "no order violation is left"


def test_moves_that_need_a_longer_programme_say_so(store: Store) -> None:
    # the shipped MSc teaches 'Machine Learning' beside its maths in term 1, and NLP
    # beside deep learning in term 2: four courses in a chain need four terms
    from kg.curriculum import read_curriculum
    from kg.gaps import find_gaps
    from kg.store import resource_dir

    report = find_gaps(
        store, read_curriculum(resource_dir("data") / "curricula" / "msc-ai-data-science.csv", store)
    )
    assert report.moves_summary == "no order violation is left; the programme then takes 4 terms, not 3"
    assert ("Natural Language Processing", 4) in [(m.course.label, m.to_term) for m in report.moves]


def test_courses_in_a_cycle_are_not_given_moves(store: Store) -> None:
    from kg.gaps import find_gaps

    cycle = "course,term,teaches,requires\nA,1,linear algebra,calculus\nB,1,calculus,linear algebra\n"
    report = find_gaps(store, parse_curriculum(cycle, store, fmt="csv", source="c.csv"))
    assert len(report.order_violations) == 2
    assert report.moves == []
    assert report.to_dict()["moves"] == []
    # a course needing a course of the cycle is still moved after it, and the
    # summary says what no order fixes
    report = find_gaps(
        store, parse_curriculum(cycle + "C,1,statistics,linear algebra\n", store, fmt="csv", source="c.csv")
    )
    assert [(m.course.label, m.to_term) for m in report.moves] == [("C", 2)]
    assert report.moves_summary == (
        "2 order violations are left (2 of them in a cycle of courses, which no order fixes); "
        "the programme then takes 2 terms, not 1"
    )


def test_every_output_format_gives_the_moves(tmp_path: Path) -> None:
    import csv
    import io
    import json

    from click.testing import CliRunner

    from kg.cli import _register, cli

    _register()
    plan = tmp_path / "msc.csv"
    plan.write_text(MSC_WRONG_ORDER, encoding="utf-8")
    out = {
        fmt: CliRunner().invoke(cli, ["gaps", str(plan), "--format", fmt])
        for fmt in ("table", "md", "json", "csv", "ttl")
    }
    assert {fmt: r.exit_code for fmt, r in out.items()} == dict.fromkeys(out, 1)
    first = "move 'Mathematics for AI' from term 2 to term 1, before 'Machine Learning' (moved to term 2)"
    assert (
        "Suggested term changes (5), made together: no order violation is left\n  - " + first
        in out["table"].output
    )
    assert (
        "## Suggested term changes (5)\n\nMade together: no order violation is left.\n\n- " + first
        in out["md"].output
    )
    data = json.loads(out["json"].output)
    assert data["moves_summary"] == "no order violation is left"
    assert [(m["course"]["label"], m["from_term"], m["to_term"]) for m in data["moves"]][:2] == [
        ("Mathematics for AI", 2, 1),
        ("Python for AI", 3, 1),
    ]
    assert data["moves"][0]["before"] == [
        {"iri": data["moves"][2]["course"]["iri"], "label": "Machine Learning", "term": 1, "to_term": 2}
    ]
    rows = [r for r in csv.DictReader(io.StringIO(out["csv"].output)) if r["kind"] == "move_course"]
    assert [(r["course"], r["term"]) for r in rows][:2] == [
        ("Mathematics for AI", "2"),
        ("Python for AI", "3"),
    ]
    assert rows[0]["suggestion"] == (
        "move it to term 1, with the other suggested moves (made together: no order violation is left)"
    )
    assert first in out["ttl"].output


# ---------------------------------------------- Turtle: the IRI to write, not a label

DE_TTL = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix tool: <https://w3id.org/careerkg/id/tool/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
curriculum:de a ckg:Curriculum ; skos:prefLabel "Data Engineering"@en ;
    ckg:entryRequirement skill:python-programming ;
    ckg:targetRole role:data-engineer ;
    ckg:hasCourse course:de-pipes .
course:de-pipes a ckg:Course ; skos:prefLabel "Pipelines"@en ; ckg:term 1 ;
    ckg:teaches skill:etl-and-data-pipelines, tool:tableau .
"""


def test_a_turtle_fix_names_the_iri_to_write(store: Store) -> None:
    # was: "did you mean 'ETL and data pipelines'?" -- a Turtle file cannot name a skill
    # by its label, and its IRI (skill:etl-data-pipelines) is not the label slugged
    from kg.gaps import find_gaps

    report = find_gaps(store, parse_curriculum(DE_TTL, store, fmt="turtle", source="de.ttl"))
    fixes = {u.name: u.suggestion for u in report.unknown_skills}
    assert fixes == {
        "skill:python-programming": "did you mean skill:python ('Python programming')?",
        "skill:etl-and-data-pipelines": "did you mean skill:etl-data-pipelines ('ETL and data pipelines')?",
        "tool:tableau": "name the skill(s) it is used to teach instead, such as "
        "skill:data-visualisation ('data visualisation')",
    }
    # a CSV names skills by label: its fix stays a label
    csv_report = find_gaps(
        store,
        parse_curriculum(
            "course,term,teaches,requires\nPipelines,1,ETL and data pipeline,\n",
            store,
            fmt="csv",
            source="x.csv",
        ),
    )
    assert csv_report.unknown_skills[0].suggestion == "did you mean 'ETL and data pipelines'?"


def test_a_misspelt_turtle_target_role_names_the_role_iri_to_write(store: Store) -> None:
    # was: "closest known labels: 'Data Engineer'"
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(
            DE_TTL.replace("role:data-engineer", "role:data-enginer"), store, fmt="turtle", source="de.ttl"
        )
    assert str(err.value) == (
        "de.ttl, line 10: target role: unknown role name role:data-enginer; "
        "closest known roles: role:data-engineer ('Data Engineer')"
    )


# ------------------------------------------------- terms as spreadsheets write them


@pytest.mark.parametrize(
    ("first", "second"),
    [("Semester 1", "Semester 2"), ("Term 1", "term 2"), ("1.0", "2.0"), ("S1", "S2"), ("Week 1", "Week 2")],
)
def test_a_term_written_with_its_word_or_as_excel_saves_a_number_is_read(
    store: Store, first: str, second: str
) -> None:
    # was: "bad term 'Semester 1'; a term is a whole number from 1" (and '1.0', which a
    # number column saved by Excel or pandas holds)
    cur = parse_curriculum(
        f"course,term,teaches,requires\nIntro,{first},Python programming,\nML,{second},machine learning,\n",
        store,
        fmt="csv",
        source="p.csv",
    )
    assert [(c.label, c.term) for c in cur.courses] == [("Intro", 1), ("ML", 2)]


@pytest.mark.parametrize(
    ("term", "said"),
    [
        (
            "Year 2 Semester 1",
            "; number the terms of a programme of several years on (year 2, semester 1 = term 3)",
        ),
        ("1.5", ""),
        ("Semester 0", ""),
        (
            "autumn",
            "; number the terms in the order they run, from 1 (a programme starting in autumn: "
            "autumn 1, spring 2, summer 3)",
        ),
    ],
)
def test_a_term_that_is_no_number_is_still_refused_saying_what_to_write(
    store: Store, term: str, said: str
) -> None:
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(
            f"course,term,teaches,requires\nIntro,{term},SQL,\n", store, fmt="csv", source="p.csv"
        )
    assert str(err.value) == (
        f"p.csv, line 2: bad term {term!r}; a term is a whole number from 1 (1 = first term), "
        f"such as 2 or 'Semester 2'{said}"
    )


# ------------------------------------------------ the files spreadsheets export

SHEET = "course\tterm\tteaches\trequires\r\nIntro\t1\tPython programming\t\r\nML\t2\tmachine learning\tPython programming\r\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # Excel's "Unicode Text (*.txt)": UTF-16 with a byte-order mark, tab-separated
        ("plan.txt", SHEET.encode("utf-16")),
        ("plan.txt", b"\xfe\xff" + SHEET.encode("utf-16-be")),
        # Google Sheets' "Tab-separated values (.tsv)"
        ("plan.tsv", SHEET.encode("utf-8")),
    ],
)
def test_a_sheet_saved_as_unicode_text_or_tsv_is_checked(tmp_path: Path, name: str, data: bytes) -> None:
    # was: "not UTF-8 text (byte 0xFF, 'ÿ' in Windows-1252)" and "unknown curriculum
    # file type; use a .csv ... or a .ttl file"
    from click.testing import CliRunner

    from kg.cli import _register, cli

    _register()
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["gaps", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output  # the report: ML's missing maths
    import json

    courses = json.loads(result.output)["courses"]
    assert [(c["label"], c["term"], [s["label"] for s in c["teaches"]]) for c in courses] == [
        ("Intro", 1, ["Python programming"]),
        ("ML", 2, ["machine learning"]),
    ]


def test_a_broken_utf16_file_says_how_to_save_it(tmp_path: Path, store: Store) -> None:
    from kg.curriculum import read_curriculum

    path = tmp_path / "plan.txt"
    path.write_bytes(SHEET.encode("utf-16")[:-1])  # half a character at the end
    with pytest.raises(InvalidCurriculum) as err:
        read_curriculum(path, store)
    assert str(err.value) == (
        f"{path}, line 3: not UTF-16 text after its byte-order mark; save the file as UTF-8 (in Excel: CSV UTF-8)"
    )


# ------------------------------------------- one skill a row, as sheets are kept

ONE_SKILL_A_ROW = """\
course,term,teaches,requires
Intro,1,Python programming,
,,SQL,
Machine Learning,2,machine learning,Python programming
,,supervised learning,
,,"decision trees; random forests",
Machine Learning,,gradient boosting,
"""


def test_rows_under_a_course_with_no_course_or_term_add_to_it(store: Store) -> None:
    # a sheet with merged course cells, or one skill a row, saves as CSV with the
    # course and term left empty below the first row; was: "line 3: empty course
    # name; every row needs a course" (and "bad term ''" for a repeated course)
    cur = parse_curriculum(ONE_SKILL_A_ROW, store, fmt="csv", source="p.csv")
    assert [
        (c.label, c.term, [s.label for s in c.teaches], [s.label for s in c.requires]) for c in cur.courses
    ] == [
        ("Intro", 1, ["Python programming", "SQL"], []),
        (
            "Machine Learning",
            2,
            [
                "machine learning",
                "supervised learning",
                "decision trees",
                "random forests",
                "gradient boosting",
            ],
            ["Python programming"],
        ),
    ]


def test_a_row_with_a_term_but_no_course_is_still_refused(store: Store) -> None:
    # a term with no course is no continuation: which course was meant is not known
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(ONE_SKILL_A_ROW + ",3,deep learning,\n", store, fmt="csv", source="p.csv")
    assert str(err.value) == (
        "p.csv, line 8: empty course name; every row needs a course "
        "(a row with neither course nor term adds to the course above)"
    )
    with pytest.raises(
        InvalidCurriculum, match=r"^p.csv, line 2: empty course name; every row needs a course$"
    ):
        parse_curriculum("course,term,teaches,requires\n,,SQL,\n", store, fmt="csv", source="p.csv")


# ------------------------------------------------ coverage that counts the entry


def test_coverage_says_which_skills_it_counts_from_the_entry_requirements(store: Store) -> None:
    # was: "Machine Learning Engineer 62.5%" with the uncovered skills only: the 62.5%
    # counted Python and SQL, which the programme assumes and never teaches, unsaid
    from kg.gaps import find_gaps, report_markdown, report_table

    plan = (
        "# entry requirements: Python programming; SQL\n"
        "# target roles: Machine Learning Engineer\n"
        "course,term,teaches,requires\n"
        "Maths,1,linear algebra; calculus; probability theory; statistics,\n"
        "ML,2,machine learning,\n"
    )
    report = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="p.csv"))
    cov = report.coverage[0]
    assert [n.label for n in cov.assumed_at_entry] == ["Python programming", "SQL"]
    line = next(
        ln for ln in report_table(report).splitlines() if ln.startswith("  Machine Learning Engineer")
    )
    assert line.endswith("; assumed at entry, not taught: Python programming, SQL")
    md = report_markdown(report)
    assert "| Role | Covered | Uncovered essential skills | Assumed at entry, not taught |" in md
    assert f"| Machine Learning Engineer | {cov.covered_text} | " in md
    assert (
        md.split(f"| Machine Learning Engineer | {cov.covered_text} | ")[1]
        .split("\n")[0]
        .endswith(" | Python programming, SQL |")
    )


# ------------------------------------------- the curriculum written back as CSV


@pytest.mark.parametrize("fmt", ["csv", "turtle"])
def test_a_curriculum_written_as_csv_reads_back_the_same_unknown_names_included(fmt: str) -> None:
    from kg.curriculum import curriculum_csv
    from kg.gaps import find_gaps
    from tests.support import curricula

    store = curricula.store()
    text = curricula.GAPPY_CSV if fmt == "csv" else curricula.GAPPY_TTL
    cur = parse_curriculum(text, store, fmt=fmt, source="gappy")
    again = parse_curriculum(curriculum_csv(cur, store), store, fmt="csv", source="again.csv")

    def shape(c):  # type: ignore[no-untyped-def]
        return (
            c.label,
            sorted(s.name if not s.known else str(s.iri) for s in c.entry),
            [
                (
                    k.label,
                    k.term,
                    sorted(str(s.iri or s.name) for s in k.teaches),
                    sorted(str(s.iri or s.name) for s in k.requires),
                )
                for k in c.courses
            ],
            c.targets,
        )

    assert shape(again) == shape(cur)
    before, after = find_gaps(store, cur), find_gaps(store, again)
    assert [u.name for u in after.unknown_skills] == [u.name for u in before.unknown_skills]
    assert after.gap_count == before.gap_count


def test_the_cli_writes_the_curriculum_in_the_suggested_terms(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import _register, cli

    _register()
    plan, moved = tmp_path / "msc.csv", tmp_path / "msc-moved.csv"
    plan.write_text(MSC_WRONG_ORDER, encoding="utf-8")
    first = CliRunner().invoke(cli, ["gaps", str(plan), "--suggested-terms", str(moved)])
    assert first.exit_code == 1
    assert f"wrote {moved}: the curriculum with 5 course(s) in other terms (no order violation is left)" in (
        first.stderr
    )
    again = CliRunner().invoke(
        cli, ["gaps", str(moved), "--format", "json", "--suggested-terms", str(tmp_path / "x.csv")]
    )
    import json

    report = json.loads(again.stdout)
    assert report["order_violations"] == []
    assert [(c["label"], c["term"]) for c in report["courses"]][:3] == [
        ("Mathematics for AI", 1),
        ("Python for AI", 1),
        ("Machine Learning", 2),
    ]
    assert f"no course to move: {tmp_path / 'x.csv'} not written" in again.stderr
    assert not (tmp_path / "x.csv").exists()


# ------------------------------------------------ a tool among the skills taught


def test_a_tool_named_beside_the_skills_it_supports_is_not_answered_with_them(store: Store) -> None:
    # was: "name the skill(s) it is used to teach instead, such as 'GPU computing',
    # 'convolutional neural networks', 'deep learning'" for a course teaching the last two
    from kg.gaps import find_gaps

    plan = (
        "course,term,teaches,requires\n"
        "Deep Learning with PyTorch,1,neural networks; deep learning; convolutional neural networks; PyTorch,\n"
        "Tools,1,PyTorch,\n"
    )
    report = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="p.csv"))
    fixes = {u.course.label: u.suggestion for u in report.unknown_skills if u.course}
    assert fixes["Deep Learning with PyTorch"] == (
        "the course already teaches 'convolutional neural networks', 'deep learning', 'neural networks', "
        "which 'PyTorch' supports: drop 'PyTorch' from its skills, or name others it is used to teach, "
        "such as 'GPU computing', 'distributed model training', 'transformer models'"
    )
    # a course teaching none of them keeps the plain advice
    assert fixes["Tools"] == (
        "name the skill(s) it is used to teach instead, such as 'GPU computing', "
        "'convolutional neural networks', 'deep learning'"
    )


def test_a_turtle_tool_beside_its_skills_names_the_iris(store: Store) -> None:
    from kg.gaps import find_gaps

    text = DE_TTL.replace(
        "ckg:teaches skill:etl-and-data-pipelines, tool:tableau .",
        "ckg:teaches skill:data-visualisation, tool:tableau .",
    )
    report = find_gaps(store, parse_curriculum(text, store, fmt="turtle", source="de.ttl"))
    tableau = next(u for u in report.unknown_skills if u.name == "tool:tableau")
    assert tableau.suggestion == (
        "the course already teaches skill:data-visualisation ('data visualisation'), which 'tool:tableau' "
        "supports: drop 'tool:tableau' from its skills"
    )


def test_moves_that_take_away_a_prerequisite_a_course_counted_on_say_so(store: Store) -> None:
    # 'Regression' (term 2) counts on 'statistics' because 'ML' (term 1) builds on it;
    # moving 'ML' after 'Maths' puts it beside 'Regression', which then misses it
    from kg.gaps import find_gaps

    plan = "course,term,teaches,requires\nMaths,1,linear algebra,\nML,1,machine learning,\nRegression,2,regression models,\n"
    report = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="p.csv"))
    assert [(m.course.label, m.to_term) for m in report.moves] == [("ML", 2)]
    assert report.moves_summary == (
        "no order violation is left, but 1 missing prerequisite is added: a course counted on what a course "
        "now moved to its term or later builds on"
    )
