"""The RDF gap report says what the text and JSON reports say about skill cycles and
prerequisites only their own course teaches.

Defect: ``careerkg gaps --format ttl`` wrote a finding whose prerequisite builds on a
skill needing it (``skill_cycle`` in JSON: "no order of courses fixes it") as a plain
order violation, and one whose course requires what only it teaches (``taught_here``)
as a plain missing prerequisite: a SPARQL query could not tell them from findings a
term change fixes, and the ``gaps-findings-by-kind`` example counted neither. They are
now also a ``ckg:SkillCycle`` (with each ``ckg:cycleSkill``) and a ``ckg:TaughtHere``,
terms of the ontology, and the example lists both kinds.

Likewise an order violation among courses that need each other's skills (JSON
``cycle``) is a ``ckg:CourseCycle`` with each ``ckg:cycleCourse``, and the notes were
told apart only by their text: a course teaching no skill is a ``ckg:IdleCourse``, a
suggested move a ``ckg:CourseMove`` with its ``ckg:toTerm``; both were a bare
``ckg:Finding``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SKOS

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_graph
from kg.namespace import CKG, SKILL
from kg.store import Store
from tests.support.cli import invoke

ENTRY = "# entry requirements: probability theory; Python programming; linear algebra; calculus\n"
# Stats teaches statistics, which (in the cycle data) builds on machine learning, taught
# later; Databases requires SQL, which only it teaches
PLAN = (
    ENTRY + "course,term,teaches,requires\nStats,1,statistics,\nML,2,machine learning,\nDatabases,1,SQL,SQL\n"
)
CYCLE = (
    "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
    "@prefix skill: <https://w3id.org/careerkg/id/skill/> .\n"
    "skill:statistics ckg:hasPrerequisite skill:machine-learning .\n"
)


@pytest.fixture(scope="module")
def cycle_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cycle") / "cycle.ttl"
    path.write_text(CYCLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report_ttl(cycle_data: Path) -> Graph:
    store = Store.default([cycle_data])
    report = find_gaps(store, parse_curriculum(PLAN, store, fmt="csv", source="plan.csv"))
    (cycle,) = report.order_violations
    assert [n.label for n in cycle.skill_cycle] == ["statistics", "machine learning"]
    (here,) = report.missing_prerequisites
    assert here.taught_here
    assert not here.skill_cycle
    # as `careerkg gaps --format ttl` writes it, read back
    return Graph().parse(data=report_graph(report).serialize(format="turtle"), format="turtle")


def test_a_skill_cycle_is_a_kind_of_finding_naming_its_skills(report_ttl: Graph) -> None:
    (f,) = report_ttl.subjects(RDF.type, CKG.SkillCycle)
    assert (f, RDF.type, CKG.OrderViolation) in report_ttl  # still the order violation it is
    assert set(report_ttl.objects(f, CKG.cycleSkill)) == {SKILL.statistics, SKILL["machine-learning"]}
    assert str(report_ttl.value(f, RDFS.comment)).endswith(
        "'statistics' and 'machine learning' are prerequisites of each other in the graph "
        "(statistics -> machine learning -> statistics): no order of courses fixes it"
    )


def test_a_prerequisite_only_its_course_teaches_is_a_kind_of_finding(report_ttl: Graph) -> None:
    (f,) = report_ttl.subjects(RDF.type, CKG.TaughtHere)
    assert (f, RDF.type, CKG.MissingPrerequisite) in report_ttl
    assert report_ttl.value(f, CKG.aboutPrerequisite) == SKILL.sql
    assert str(report_ttl.value(f, CKG.suggestion)).startswith(
        "drop 'SQL' from the requirements of 'Databases' if the course teaches it from the start"
    )
    assert not set(report_ttl.subjects(RDF.type, CKG.SkillCycle)) & {f}


def test_the_findings_by_kind_example_counts_both(report_ttl: Graph) -> None:
    from kg.sparql.examples import get_example

    rows = report_ttl.query(get_example("gaps-findings-by-kind").text, initNs={"ckg": CKG, "skos": SKOS})
    kinds = {str(r[1]): int(r[2]) for r in rows}  # type: ignore[index]
    assert kinds["SkillCycle"] == 1, kinds
    assert kinds["TaughtHere"] == 1, kinds
    assert kinds["OrderViolation"] == 1, kinds
    assert kinds["MissingPrerequisite"] == 1, kinds


def test_the_new_terms_are_defined_by_the_ontology() -> None:
    from kg.validate import ontology_terms

    assert {CKG.SkillCycle, CKG.TaughtHere, CKG.cycleSkill} <= ontology_terms()
    onto = Graph().parse("ontology/careerkg.ttl")
    assert (CKG.TaughtHere, RDFS.subClassOf, CKG.MissingPrerequisite) in onto
    assert (CKG.SkillCycle, RDFS.subClassOf, CKG.Finding) in onto


def test_cli_ttl_report_is_one_text_and_answers_the_example(tmp_path: Path, cycle_data: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(PLAN, encoding="utf-8")
    first = invoke("gaps", str(plan), "--data", str(cycle_data), "--format", "ttl")
    again = invoke("gaps", str(plan), "--data", str(cycle_data), "--format", "ttl")
    assert first.exit_code == 1, first.output
    assert first.output == again.output  # deterministic, run after run
    assert "ckg:SkillCycle" in first.output
    assert "ckg:TaughtHere" in first.output
    report = tmp_path / "report.ttl"
    report.write_text(first.output, encoding="utf-8")
    out = invoke("sparql", "gaps-findings-by-kind", "--data", str(report), "--format", "csv")
    assert out.exit_code == 0, out.output
    assert "plan,SkillCycle,1" in out.output, out.output
    assert "plan,TaughtHere,1" in out.output, out.output


def test_courses_needing_each_other_idle_courses_and_moves_have_their_kinds() -> None:
    from kg.sparql.examples import get_example

    store = Store.default()
    text = (
        ENTRY
        + "course,term,teaches,requires\nA,1,statistics,machine learning\nB,1,machine learning,statistics\n"
        "C,2,,\nMaths,2,linear algebra,\nD,1,regression models,\n"
    )
    report = find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"))
    assert {f.course.label for f in report.order_violations if f.cycle} == {"A", "B"}
    assert [m.course.label for m in report.moves] == ["D"]
    g = Graph().parse(data=report_graph(report).serialize(format="turtle"), format="turtle")
    cycles = set(g.subjects(RDF.type, CKG.CourseCycle))
    assert len(cycles) == 2
    for f in cycles:
        assert (f, RDF.type, CKG.OrderViolation) in g
        assert {str(g.value(c, SKOS.prefLabel)) for c in g.objects(f, CKG.cycleCourse)} == {"A", "B"}
    (idle,) = g.subjects(RDF.type, CKG.IdleCourse)
    assert str(g.value(g.value(idle, CKG.aboutCourse), SKOS.prefLabel)) == "C"
    (move,) = g.subjects(RDF.type, CKG.CourseMove)
    assert str(g.value(g.value(move, CKG.aboutCourse), SKOS.prefLabel)) == "D"
    assert g.value(move, CKG.toTerm).toPython() == report.moves[0].to_term  # type: ignore[union-attr]
    rows = g.query(get_example("gaps-findings-by-kind").text, initNs={"ckg": CKG, "skos": SKOS})
    kinds = {str(r[1]): int(r[2]) for r in rows}  # type: ignore[index]
    assert kinds["CourseCycle"] == 2, kinds
    assert kinds["IdleCourse"] == 1, kinds
    assert kinds["CourseMove"] == 1, kinds
