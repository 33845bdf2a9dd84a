"""Curriculum gap analysis: every kind of finding on hand-made curricula, in both formats."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery

from kg.curriculum import Curriculum, parse_curriculum
from kg.errors import UnknownEntity
from kg.gaps import GapReport, find_gaps, report_csv, report_graph, report_markdown, report_table
from kg.namespace import CKG, PREFIXES, ROLE, SKILL
from kg.store import Store
from tests.support import curricula

QUERY_DIR = __import__("kg.sparql.examples", fromlist=["QUERY_DIR"]).QUERY_DIR


@pytest.fixture(scope="module")
def store() -> Store:
    # not the shared default store: the small graph of tests.support.curricula only
    return curricula.store()


def _read(store: Store, name: str, fmt: str) -> Curriculum:
    text = getattr(curricula, f"{name}_{'CSV' if fmt == 'csv' else 'TTL'}")
    return parse_curriculum(text, store, fmt=fmt, source=f"{name.lower()}.{fmt}")


def _report(store: Store, name: str, fmt: str) -> GapReport:
    return find_gaps(store, _read(store, name, fmt))


def _as_labels(text: str) -> str:
    """A fix for a Turtle file names the IRI to write beside the label, ``skill:python
    ('Python')``; for a CSV the label alone."""
    return re.sub(r"\b\w+:[\w-]+ \(('[^']*')\)", r"\1", text)


def _findings(report: GapReport) -> dict[str, Any]:
    """The report without what legitimately differs between formats (IRIs of courses, lines)."""
    d = report.to_dict()

    def strip(x: Any) -> Any:
        if isinstance(x, dict):
            if "term" in x and "iri" in x:  # a course: compare by label and term
                x = {k: v for k, v in x.items() if k != "iri"}
            return {k: strip(v) for k, v in x.items() if k not in ("line", "message")}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return _as_labels(x) if isinstance(x, str) else x

    return {
        k: strip(d[k])
        for k in (
            "missing_prerequisites",
            "order_violations",
            "unknown_skills",
            "coverage",
            "duplicates",
            "has_gaps",
            "gap_count",
        )
    }


@pytest.mark.parametrize("fmt", ["csv", "turtle"])
def test_gappy_curriculum_has_every_kind_of_finding(store: Store, fmt: str) -> None:
    r = _report(store, "GAPPY", fmt)

    (ov,) = r.order_violations
    assert (ov.course.label, ov.course.term, ov.prerequisite.iri) == (
        "Machine Learning",
        1,
        SKILL["linear-algebra"],
    )
    assert [n.iri for n in ov.needed_for] == [SKILL["machine-learning"]]
    assert [(c.label, c.term) for c in ov.taught_in] == [("Maths", 2)]
    assert "before term 1" in ov.suggestion
    assert "entry requirements" in ov.suggestion

    missing = {(f.course.label, f.prerequisite.iri): f for f in r.missing_prerequisites}
    assert set(missing) == {("Deep Learning", SKILL["neural-networks"]), ("Deep Learning", SKILL.probability)}
    nn = missing["Deep Learning", SKILL["neural-networks"]]
    assert [n.iri for n in nn.needed_for] == [SKILL["deep-learning"]]
    assert not nn.required_by_course
    prob = missing["Deep Learning", SKILL.probability]
    assert prob.needed_for == ()
    assert prob.required_by_course
    assert "before term 3" in prob.suggestion
    assert "entry requirements" in prob.suggestion

    unknown = {(u.name, u.course.label if u.course else None, u.column): u for u in r.unknown_skills}
    assert set(unknown) == {
        ("skill:statistcs", "Deep Learning", "requires"),
        ("skill:pyton", "Project", "teaches"),
    }
    assert unknown["skill:statistcs", "Deep Learning", "requires"].closest[0] == "Statistics"
    assert unknown["skill:pyton", "Project", "teaches"].closest[0] == "Python"

    (dup,) = r.duplicates
    assert dup.skill.iri == SKILL["machine-learning"]
    assert [c.label for c in dup.courses] == ["Machine Learning", "Deep Learning"]

    (cov,) = r.coverage
    assert cov.role.iri == ROLE["ml-engineer"]
    assert cov.percent == 75.0
    assert [n.iri for n in cov.uncovered] == [SKILL.statistics]
    assert [n.iri for n in cov.assumed_at_entry] == [SKILL.python]

    assert r.has_gaps
    assert r.gap_count == 1 + 2 + 2 + 1


@pytest.mark.parametrize("fmt", ["csv", "turtle"])
def test_clean_curriculum_has_no_findings(store: Store, fmt: str) -> None:
    r = _report(store, "CLEAN", fmt)
    assert (r.missing_prerequisites, r.order_violations, r.unknown_skills, r.duplicates) == ([], [], [], [])
    assert [(c.role.iri, c.percent, c.uncovered) for c in r.coverage] == [(ROLE["ml-engineer"], 100.0, ())]
    assert not r.has_gaps
    assert r.gap_count == 0


@pytest.mark.parametrize("name", ["GAPPY", "CLEAN"])
def test_csv_and_turtle_give_identical_findings(store: Store, name: str) -> None:
    a, b = _report(store, name, "csv"), _report(store, name, "turtle")
    assert _findings(a) == _findings(b)

    def no_lines(text: str) -> str:
        return re.sub(r", line \d+(?=\))| \(line \d+\)", "", text)  # (term 3, line 8); (line 2)

    def no_levels(text: str) -> str:  # the Turtle states a teaching's level, a CSV cannot
        return re.sub(r", to level \d\)", ")", text)

    assert no_lines(report_csv(a)) == no_levels(no_lines(_as_labels(report_csv(b))))


def test_json_shape(store: Store) -> None:
    d = _report(store, "GAPPY", "csv").to_dict()
    for key in ("missing_prerequisites", "order_violations", "unknown_skills", "coverage", "duplicates"):
        assert isinstance(d[key], list)
        assert d[key]
    cov = d["coverage"][0]
    assert set(cov) >= {"role", "percent", "uncovered"}
    assert cov["role"] == {"iri": str(ROLE["ml-engineer"]), "label": "ML Engineer"}
    f = d["missing_prerequisites"][0]
    assert set(f) >= {"course", "term", "prerequisite", "needed_for", "suggestion", "message"}


def test_knowing_a_skill_covers_its_prerequisites(store: Store) -> None:
    # Deep Learning at entry implies Machine Learning, Python, Linear Algebra...: nothing missing
    text = "# entry requirements: Deep Learning\ncourse,term,teaches,requires\nAdvanced,1,Deep Learning,Linear Algebra\n"
    r = find_gaps(store, parse_curriculum(text, store, fmt="csv"))
    assert r.missing_prerequisites == []
    assert r.order_violations == []


def test_only_direct_prerequisites_are_reported(store: Store) -> None:
    # Deep Learning needs Machine Learning (missing); ML's own prerequisites are not listed again
    text = "course,term,teaches,requires\nDL,1,Deep Learning;Neural Networks;Calculus,\n"
    r = find_gaps(store, parse_curriculum(text, store, fmt="csv"))
    assert [f.prerequisite.iri for f in r.missing_prerequisites] == [SKILL["machine-learning"]]


def test_same_course_satisfies_same_term_other_course_does_not(store: Store) -> None:
    together = "course,term,teaches,requires\nAll,1,Python;Linear Algebra;Machine Learning,\n"
    assert not find_gaps(store, parse_curriculum(together, store, fmt="csv")).order_violations
    apart = "course,term,teaches,requires\nBasics,1,Python;Linear Algebra,\nML,1,Machine Learning,\n"
    r = find_gaps(store, parse_curriculum(apart, store, fmt="csv"))
    assert {f.prerequisite.iri for f in r.order_violations} == {SKILL.python, SKILL["linear-algebra"]}
    assert all(f.taught_in[0].label == "Basics" for f in r.order_violations)


def test_target_option_replaces_the_curriculum_targets(store: Store) -> None:
    cur = _read(store, "GAPPY", "csv")
    r = find_gaps(store, cur, ["analyst", "role:ml-engineer"])
    assert [c.role.label for c in r.coverage] == ["Analyst", "ML Engineer"]
    assert r.coverage[0].percent == 0.0
    with pytest.raises(UnknownEntity) as info:
        find_gaps(store, cur, ["ML Enginer"])
    assert "ML Engineer" in info.value.suggestions


def test_renderings_name_course_skill_prerequisite_and_fix(store: Store) -> None:
    r = _report(store, "GAPPY", "csv")
    md = report_markdown(r)
    assert md.startswith("# Curriculum gaps: Gappy Programme")
    assert "## Order violations (1)" in md
    assert "*Fix:*" in md
    assert "| ML Engineer | 75% (3/4) |" in md
    table = report_table(r)
    assert "Neural Networks" in table
    assert "fix: " in table
    rows = list(csv.DictReader(io.StringIO(report_csv(r))))
    kinds = sorted(row["kind"] for row in rows)
    assert kinds == sorted(
        [
            "order_violation",
            "move_course",  # the order violation's fix: 'Machine Learning' to term 3
            "missing_prerequisite",
            "missing_prerequisite",
            "unknown_skill",
            "unknown_skill",
            "uncovered_skill",
            "role_coverage",  # one per target role: ML Engineer's 75%
            "duplicate",
        ]
    )
    ov = next(row for row in rows if row["kind"] == "order_violation")
    assert (ov["course"], ov["term"], ov["skill"], ov["prerequisite"]) == (
        "Machine Learning",
        "1",
        "Machine Learning",
        "Linear Algebra",
    )
    assert ov["suggestion"]


def _query(g: Graph, name: str) -> list[dict[str, str]]:
    q = prepareQuery((QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"), initNs=PREFIXES)
    res = g.query(q)
    return [{str(v): str(row[v]) for v in res.vars if row[v] is not None} for row in res]  # type: ignore[union-attr]


def test_report_graph_answers_the_gaps_queries(store: Store) -> None:
    g = report_graph(_report(store, "GAPPY", "turtle"))
    # round-trip through Turtle, as `careerkg gaps --format ttl` writes it
    g = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    missing = _query(g, "gaps-missing-prerequisites")
    assert [(m["courseLabel"], m["prerequisiteLabel"]) for m in missing] == [
        ("Deep Learning", "Neural Networks"),
        ("Deep Learning", "Probability"),
    ]
    assert missing[0]["neededFor"] == "Deep Learning"
    assert missing[1]["requiredByCourse"] == "true"
    (ov,) = _query(g, "gaps-order-violations")
    assert (ov["courseLabel"], ov["prerequisiteLabel"], ov["taughtInLabel"], ov["taughtInTerm"]) == (
        "Machine Learning",
        "Linear Algebra",
        "Maths",
        "2",
    )
    (cov,) = _query(g, "gaps-coverage")
    assert (cov["roleLabel"], float(cov["percent"]), cov["uncovered"]) == ("ML Engineer", 75.0, "Statistics")
    kinds = {k["kind"]: int(k["findings"]) for k in _query(g, "gaps-findings-by-kind")}
    assert kinds == {
        "MissingPrerequisite": 2,
        "OrderViolation": 1,
        "UnknownSkill": 2,
        "UncoveredSkill": 1,
        "DuplicateTeaching": 1,
        "CourseMove": 1,
    }
    assert len(list(g.subjects(None, CKG.GapReport))) == 1


def test_gap_queries_run_over_a_store_with_a_report(tmp_path: Any) -> None:
    from kg.sparql.examples import run_example

    base = curricula.store()
    path = tmp_path / "report.ttl"
    report_graph(_report(base, "GAPPY", "csv")).serialize(path, format="turtle")
    s = Store(curricula.graph())
    s.load(path)
    res = run_example(s, "gaps-coverage")
    assert len(res.rows) == 1


def test_a_target_role_stating_no_essential_skills_is_not_reported_covered(tmp_path: Any) -> None:
    from kg.sparql.examples import run_example

    g = curricula.graph()
    g.parse(
        data="@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/careerkg/id/role/new-role> a ckg:Role ; skos:prefLabel "New Role"@en .\n',
        format="turtle",
    )
    store = Store(g)
    r = find_gaps(store, _read(store, "GAPPY", "csv"), ["New Role", "ML Engineer"])
    new, ml = r.coverage
    assert (new.essential, new.percent, new.uncovered) == (0, None, ())
    assert ml.percent == 75.0
    assert r.to_dict()["coverage"][0]["percent"] is None
    assert "  New Role         -   the data states no essential skills for it\n" in report_table(r)
    assert "| New Role | no essential skills stated in the data | — |" in report_markdown(r)
    assert "| ML Engineer | 75% (3/4) | Statistics |" in report_markdown(r)
    # the RDF report states no percentage for it; the example query still lists the role
    path = tmp_path / "report.ttl"
    report_graph(r).serialize(path, format="turtle")
    store.load(path)
    res = run_example(store, "gaps-coverage")
    named = [dict(zip(map(str, res.variables), row, strict=True)) for row in res.rows]
    rows = {str(row["roleLabel"]): row for row in named}
    assert rows["New Role"]["percent"] is None
    assert int(rows["New Role"]["essential"]) == 0  # type: ignore[arg-type]
    assert float(rows["ML Engineer"]["percent"]) == 75.0  # type: ignore[arg-type]
