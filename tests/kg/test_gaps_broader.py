"""Gaps with broader skills: a Python course teaches computer programming too.

In the shipped data Python programming is narrower than computer programming
(``skos:broader``), and Java programming lists computer programming as its
prerequisite. A curriculum that opens with Python therefore needs no separate
programming course before Java.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph

from kg.curriculum import parse_curriculum
from kg.gaps import GapReport, find_gaps, report_markdown, report_table
from kg.namespace import CKG, SKILL
from kg.store import Store


def gaps(store: Store, text: str, targets: list[str] | None = None) -> GapReport:
    return find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"), targets=targets)


def test_a_python_course_teaches_what_java_builds_on(store: Store) -> None:
    report = gaps(store, "course,term,teaches,requires\nPython 101,1,Python,\nJava,2,Java,\n")
    assert report.missing_prerequisites == []
    assert report.order_violations == []


def test_python_after_java_is_an_order_violation_not_a_missing_prerequisite(store: Store) -> None:
    report = gaps(store, "course,term,teaches,requires\nJava,1,Java,\nPython 101,2,Python,\n")
    assert report.missing_prerequisites == []
    [finding] = report.order_violations
    assert finding.prerequisite.label == "computer programming"
    assert [c.label for c in finding.taught_in] == ["Python 101"]


def test_one_course_teaching_python_and_java_orders_its_own_content(store: Store) -> None:
    report = gaps(store, "course,term,teaches,requires\nProgramming languages,1,Python; Java,\n")
    assert report.missing_prerequisites == []
    assert report.order_violations == []


def test_a_java_course_alone_still_needs_programming_first(store: Store) -> None:
    # Java builds on computer programming (its prerequisite): teaching it does not teach that
    report = gaps(store, "course,term,teaches,requires\nJava,1,Java,\n")
    assert [f.prerequisite.label for f in report.missing_prerequisites] == ["computer programming"]


def test_coverage_counts_a_broader_skill_taught_through_a_narrower_one(store: Store) -> None:
    # Data Scientist needs computer programming at level 3, which Python programming
    # counts for (up to kg.paths.PREREQUISITE_LEVEL; Software Engineer's level 4 it does
    # not reach: tests/kg/test_gaps_broader_level.py)
    text = "course,term,teaches,requires\nPython 101,1,Python,\n"
    [coverage] = gaps(store, text, targets=["Data Scientist"]).coverage
    assert "computer programming" not in [n.label for n in coverage.uncovered]
    assert [(s.label, n.label) for s, n in coverage.through_narrower] == [
        ("computer programming", "Python programming")
    ]
    assert coverage.to_dict()["through_narrower"][0]["through"]["label"] == "Python programming"
    report = gaps(store, text, targets=["Data Scientist"])
    assert "taught as part of a narrower skill: computer programming (through Python programming)" in (
        report_table(report)
    )
    assert "computer programming (through Python programming)" in report_markdown(report)


def test_a_skill_taught_in_its_own_right_is_not_listed_as_through_a_narrower_one(store: Store) -> None:
    text = "course,term,teaches,requires\nIntro,1,computer programming,\nPython 101,2,Python,\n"
    [coverage] = gaps(store, text, targets=["Software Engineer"]).coverage
    assert coverage.through_narrower == ()
    assert "computer programming" in [n.label for n in coverage.taught]


def test_a_narrower_entry_requirement_assumes_the_broader_skill(store: Store) -> None:
    text = "# entry requirements: Python\ncourse,term,teaches,requires\nAPIs,1,API design and development,\n"
    report = gaps(store, text, targets=["Data Scientist"])
    # API design builds on computer programming, which knowing Python gives
    assert report.missing_prerequisites == []
    [coverage] = report.coverage
    assert "computer programming" in [n.label for n in coverage.assumed_at_entry]
    assert "computer programming" not in [n.label for n in coverage.uncovered]


def test_the_rdf_report_and_its_coverage_query_say_what_is_assumed_or_taught_through_a_narrower_skill(
    tmp_path: Path,
) -> None:
    from kg.gaps import report_graph
    from kg.sparql.examples import run_example

    text = "# entry requirements: SQL\ncourse,term,teaches,requires\nPython 101,1,Python,\n"
    store = Store.default()
    report = gaps(store, text, targets=["Data Scientist"])
    path = tmp_path / "report.ttl"
    report_graph(report).serialize(path, format="turtle")
    g = Graph().parse(path)
    [coverage] = g.subjects(RDF.type, CKG.RoleCoverage)
    assert set(g.objects(coverage, CKG.taughtThroughNarrower)) == {SKILL["computer-programming"]}
    loaded = Store.default()
    loaded.load(path)
    # in the store with the graph, and the report alone: the example names the narrower
    # skill from the report's ckg:NarrowerTeaching (it listed a bare 'computer programming')
    for store in (loaded, Store(Graph().parse(path))):
        res = run_example(store, "gaps-coverage")
        [row] = [dict(zip(map(str, res.variables), r, strict=True)) for r in res.rows]
        assert str(row["taughtThroughNarrower"]) == "computer programming (through Python programming)"


def test_a_skill_assumed_through_a_narrower_entry_requirement_says_which(store: Store) -> None:
    # the MSc's entry requirements name Python programming, and its report said "assumed at
    # entry, not taught: computer programming, Python programming": a designer who never
    # wrote computer programming could not tell where it came from
    text = "# entry requirements: Python programming\ncourse,term,teaches,requires\nMaths,1,linear algebra,\n"
    report = gaps(store, text, targets=["Data Scientist"])
    [coverage] = report.coverage
    assert [(s.label, n.label) for s, n in coverage.assumed_through] == [
        ("computer programming", "Python programming")
    ]
    said = "computer programming (through Python programming), Python programming"
    assert f"assumed at entry, not taught: {said}" in report_table(report)
    assert f"| {said} |" in report_markdown(report)
    assert coverage.to_dict()["assumed_through_narrower"] == [
        {
            "skill": {"iri": str(SKILL["computer-programming"]), "label": "computer programming"},
            "through": {"iri": str(SKILL.python), "label": "Python programming"},
        }
    ]
    # named itself, it is assumed as it stands
    text = (
        "# entry requirements: computer programming\ncourse,term,teaches,requires\nMaths,1,linear algebra,\n"
    )
    [coverage] = gaps(store, text, targets=["Data Scientist"]).coverage
    assert coverage.assumed_through == ()
