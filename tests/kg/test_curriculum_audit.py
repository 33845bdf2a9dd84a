"""Curricula as a designer gets them wrong: each message says what is wrong, where, and
what to write instead.

Two courses of one name made reports that named neither: "'Stats' (term 1) needs
'probability theory', but it is taught only in 'Stats' (term 1)", "move 'Stats' from
term 1 to term 2, after 'Stats' (term 1)"."""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store

PREFIXES = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix course: <https://w3id.org/careerkg/id/course/> .
@prefix curriculum: <https://w3id.org/careerkg/id/curriculum/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def test_two_csv_courses_named_alike_but_for_hyphens_are_refused(store: Store) -> None:
    text = "course,term,teaches,requires\nIntro to ML,1,machine learning,\nIntro-to-ML,1,statistics,\n"
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="csv", source="plan.csv")
    message = str(info.value)
    assert message.startswith("plan.csv, line 3: "), message
    assert "course 'Intro-to-ML' is named like 'Intro to ML' (line 2)" in message, message
    assert "give them one name" in message, message


def test_rows_of_one_course_in_other_cases_are_still_one_course(store: Store) -> None:
    text = "course,term,teaches,requires\nIntro to ML,1,machine learning,\nintro to ML ,1,statistics,\n"
    cur = parse_curriculum(text, store, fmt="csv", source="plan.csv")
    assert [c.label for c in cur.courses] == ["Intro to ML"]


def test_two_turtle_courses_of_one_name_are_refused_naming_both(store: Store) -> None:
    text = (
        PREFIXES
        + """curriculum:d a ckg:Curriculum ; skos:prefLabel "Dup"@en ;
  ckg:hasCourse course:d-a , course:d-b .
course:d-a a ckg:Course ; skos:prefLabel "Stats"@en ; ckg:term 1 ; ckg:teaches skill:statistics .
course:d-b a ckg:Course ; skos:prefLabel "stats"@en ; ckg:term 2 ; ckg:teaches skill:probability .
"""
    )
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="turtle", source="dup.ttl")
    message = str(info.value)
    assert message.startswith("dup.ttl, line 9: "), message
    assert "course:d-a (line 8) and course:d-b are both named 'Stats'" in message, message
    assert "skos:prefLabel" in message, message


def test_a_turtle_curriculum_without_courses_says_how_to_list_them(store: Store) -> None:
    text = PREFIXES + 'curriculum:x a ckg:Curriculum ; skos:prefLabel "X"@en .\n'
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="turtle", source="x.ttl")
    message = str(info.value)
    assert "has no ckg:hasCourse" in message, message
    for needed in ("ckg:hasCourse course:a", "`a ckg:Course`", "a ckg:term from 1"):
        assert needed in message, message


def test_a_course_requiring_what_only_it_teaches_is_a_missing_prerequisite(store: Store) -> None:
    # "A,1,machine learning,machine learning": the course requires machine learning
    # before it starts, and only it teaches it; the report said nothing
    from kg.gaps import find_gaps

    text = (
        "# entry requirements: Python programming; linear algebra; statistics; probability theory; calculus\n"
        "course,term,teaches,requires\nA,1,machine learning,machine learning\n"
    )
    report = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"))
    (finding,) = report.missing_prerequisites
    assert finding.prerequisite.label == "machine learning"
    assert finding.message == (
        "'A' (term 1) needs 'machine learning' (required by the course), but only 'A' itself teaches it: "
        "it is no entry requirement and no earlier course teaches it"
    )
    assert finding.suggestion == (
        "drop 'machine learning' from the requirements of 'A' if the course teaches it from the start; "
        "otherwise add it to the entry requirements, or teach it in a preparatory course before term 1"
    )
    assert report.to_dict()["missing_prerequisites"][0]["taught_here"] is True


LEVELS = (
    PREFIXES
    + """@prefix role: <https://w3id.org/careerkg/id/role/> .
curriculum:lv a ckg:Curriculum ; skos:prefLabel "Levels"@en ;
  ckg:entryRequirement skill:python , skill:linear-algebra , skill:statistics , skill:probability , skill:calculus ;
  ckg:targetRole role:data-scientist ;
  ckg:hasCourse course:lv-a , course:lv-b , course:lv-c .
course:lv-a a ckg:Course ; skos:prefLabel "ML taster"@en ; ckg:term 1 ;
  ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill skill:machine-learning ; ckg:level 1 ] ,
                  [ a ckg:Teaching ; ckg:taughtSkill skill:sql ] .
course:lv-b a ckg:Course ; skos:prefLabel "ML again"@en ; ckg:term 2 ;
  ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill skill:machine-learning ; ckg:level 2 ] .
course:lv-c a ckg:Course ; skos:prefLabel "Wrangling"@en ; ckg:term 2 ;
  ckg:hasTeaching [ a ckg:Teaching ; ckg:taughtSkill skill:data-cleaning ; ckg:level 4 ] .
"""
)


def test_an_essential_skill_taught_below_the_level_the_role_requires_is_not_covered(store: Store) -> None:
    # Data Scientist requires machine learning at level 4; the courses teach it to
    # levels 1 and 2, and the report counted it covered
    from kg.gaps import find_gaps, report_markdown, report_table

    cur = parse_curriculum(LEVELS, store, fmt="turtle", source="levels.ttl")
    a = cur.courses[0]
    assert [(r.label, r.level) for r in a.teaches] == [("machine learning", 1), ("SQL", None)]
    report = find_gaps(store, cur)
    (cov,) = report.coverage
    assert [(s.label, taught, wanted) for s, taught, wanted in cov.below_level] == [
        ("machine learning", 2, 4)
    ]
    assert "machine learning" in [n.label for n in cov.uncovered]
    assert "machine learning" not in [n.label for n in cov.taught]
    assert "SQL" in [n.label for n in cov.taught]  # no level stated: taught as before
    assert "data wrangling and cleaning" in [n.label for n in cov.taught]  # level 4, as required
    assert "teach 'machine learning' to level 4 (the courses reach level 2)" in cov.suggestion
    text = report_table(report)
    assert "machine learning (taught to level 2 of 4)" in text, text
    assert "machine learning (taught to level 2 of 4)" in report_markdown(report)
    as_json = report.to_dict()["coverage"][0]["below_level"]
    assert as_json == [{"skill": cov.below_level[0][0].to_dict(), "taught_level": 2, "required_level": 4}]
    # the levels are said where the skill is taught twice
    (dup,) = report.duplicates
    assert (
        dup.message
        == "'machine learning' is taught in 'ML taster' (term 1, to level 1), 'ML again' (term 2, to level 2)"
    )


def test_teaching_levels_survive_writing_the_curriculum_back(store: Store) -> None:
    from kg.curriculum import curriculum_graph

    cur = parse_curriculum(LEVELS, store, fmt="turtle", source="levels.ttl")
    again = parse_curriculum(
        curriculum_graph(cur).serialize(format="turtle"), store, fmt="turtle", source="again.ttl"
    )
    levels = [[(r.label, r.level) for r in c.teaches] for c in again.courses]
    assert levels == [[(r.label, r.level) for r in c.teaches] for c in cur.courses]


def test_a_skill_taught_twice_says_whether_its_stated_levels_rise(store: Store) -> None:
    from kg.gaps import find_gaps

    rising = find_gaps(store, parse_curriculum(LEVELS, store, fmt="turtle", source="levels.ttl"))
    (dup,) = rising.duplicates
    assert dup.suggestion == "the levels rise from course to course: a spiral curriculum, nothing to change"
    falling = LEVELS.replace(
        "ckg:taughtSkill skill:machine-learning ; ckg:level 2",
        "ckg:taughtSkill skill:machine-learning ; ckg:level 1",
    )
    (dup,) = find_gaps(store, parse_curriculum(falling, store, fmt="turtle", source="levels.ttl")).duplicates
    assert dup.suggestion == (
        "a course teaches 'machine learning' to no higher level than an earlier one: "
        "keep it only in 'ML taster' (to level 1), or raise the later courses' levels"
    )


def test_a_prerequisite_cycle_in_the_data_is_named_rather_than_a_move_that_cannot_work(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # statistics <-> machine learning: "move 'ML' earlier, or 'Stats' after term 2" was
    # advised, and either makes the other course too early; the cycle went unsaid
    from kg.gaps import find_gaps

    data = tmp_path / "cycle.ttl"
    data.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skill: <https://w3id.org/careerkg/id/skill/> .\n"
        "skill:statistics ckg:hasPrerequisite skill:machine-learning .\n",
        encoding="utf-8",
    )
    store = Store.default([data])
    text = (
        "# entry requirements: probability theory; Python programming; linear algebra; calculus\n"
        "course,term,teaches,requires\nStats,1,statistics,\nML,2,machine learning,\n"
    )
    report = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"))
    (finding,) = report.order_violations
    assert [n.label for n in finding.skill_cycle] == ["statistics", "machine learning"]
    assert finding.message.endswith(
        "; 'statistics' and 'machine learning' are prerequisites of each other in the graph "
        "(statistics -> machine learning -> statistics): no order of courses fixes it"
    ), finding.message
    assert finding.suggestion == (
        "remove one ckg:hasPrerequisite link of the cycle statistics -> machine learning -> statistics "
        "from the data (careerkg validate names it), or add 'machine learning' to the entry requirements"
    )
    assert report.to_dict()["order_violations"][0]["skill_cycle"][0]["label"] == "statistics"


def test_a_role_or_a_degree_named_as_a_skill_is_said_to_be_one(store: Store) -> None:
    # "requires: Data Analyst" was "did you mean 'data analysis'?"; "teaches: MSc Data
    # Science" was "did you mean 'data science'?"
    from kg.gaps import find_gaps

    text = (
        "# entry requirements: Python programming\n"
        "course,term,teaches,requires\nStats,1,statistics,Data Analyst\nML,2,machine learning; MSc Data Science,\n"
    )
    report = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"))
    role, degree = report.unknown_skills
    assert (
        role.message
        == "unknown skill 'Data Analyst' required by 'Stats' (term 1, line 3): 'Data Analyst' is a role, not a skill"
    )
    assert role.suggestion == (
        "name the skills it requires instead, such as 'communication', 'data analysis', 'data visualisation'"
    )
    assert degree.message.endswith(": 'Master of Science in Data Science' is a degree, not a skill"), (
        degree.message
    )
    assert degree.suggestion == (
        "name the skills it teaches instead, such as 'data science', 'machine learning', 'model evaluation and validation'"
    )


def test_a_role_named_as_a_skill_in_turtle_gets_the_iris_to_write(store: Store) -> None:
    text = (
        PREFIXES
        + """curriculum:r a ckg:Curriculum ; skos:prefLabel "R"@en ; ckg:hasCourse course:r-a .
course:r-a a ckg:Course ; skos:prefLabel "A"@en ; ckg:term 1 ; ckg:teaches skill:statistics ;
  ckg:requiresPrior <https://w3id.org/careerkg/id/role/data-analyst> .
"""
    )
    (ref,) = parse_curriculum(text, store, fmt="turtle", source="r.ttl").courses[0].requires
    assert ref.note == "'Data Analyst' is a role, not a skill"
    assert ref.fix.startswith("name the skills it requires instead, such as skill:"), ref.fix


@pytest.mark.parametrize("level", ["7", "0", '"high"', "2.5"])
def test_a_teaching_level_out_of_range_is_refused_naming_the_line(store: Store, level: str) -> None:
    text = LEVELS.replace(
        "skill:machine-learning ; ckg:level 2", f"skill:machine-learning ; ckg:level {level}"
    )
    with pytest.raises(InvalidCurriculum) as info:
        parse_curriculum(text, store, fmt="turtle", source="levels.ttl")
    message = str(info.value)
    assert message.startswith("levels.ttl, line 15: "), message
    assert f"the level {level} of course:lv-b's teaching of skill:machine-learning" in message, message
    assert "a level is a whole number from 1 (awareness) to 5 (expert)" in message, message


def test_the_rdf_report_says_a_skill_taught_too_low_is_taught_too_low(store: Store) -> None:
    # the Turtle report called it "taught by no course" and suggested adding a course
    from rdflib import RDF, RDFS
    from rdflib.namespace import SKOS

    from kg.gaps import find_gaps, report_graph
    from kg.namespace import CKG

    report = find_gaps(store, parse_curriculum(LEVELS, store, fmt="turtle", source="levels.ttl"))
    g = report_graph(report)
    by_skill = {
        str(g.value(g.value(f, CKG.aboutSkill), SKOS.prefLabel)): f
        for f in g.subjects(RDF.type, CKG.UncoveredSkill)
    }
    low = by_skill["machine learning"]
    assert str(g.value(low, RDFS.comment)) == (
        "'machine learning' is essential for 'Data Scientist' but taught to level 2 of 4"
    )
    assert (
        str(g.value(low, CKG.suggestion)) == "teach 'machine learning' to level 4 (the courses reach level 2)"
    )
    others = [f for label, f in by_skill.items() if label != "machine learning"]
    assert others, by_skill
    for f in others:
        assert str(g.value(f, RDFS.comment)).endswith("but taught by no course")
        assert str(g.value(f, CKG.suggestion)).startswith("add a course teaching")
