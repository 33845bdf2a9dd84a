"""The gaps-* example queries list their rows in the order the report reads, whatever the case."""

from __future__ import annotations

from pathlib import Path

from kg.curriculum import read_curriculum
from kg.gaps import find_gaps, report_graph
from kg.sparql.examples import run_example
from kg.store import Store

MSC = Path(__file__).resolve().parents[2] / "data" / "curricula" / "msc-ai-data-science.csv"


def test_missing_prerequisites_are_in_the_reports_order(tmp_path: Path) -> None:
    # was: 'Linux command line and shell scripting' before 'continuous integration and delivery
    # (CI/CD)', capitals first, where the text report reads them alphabetically
    store = Store.default()
    report = find_gaps(store, read_curriculum(MSC, store))
    path = tmp_path / "report.ttl"
    report_graph(report).serialize(path, format="turtle")
    store.load(path)
    res = run_example(store, "gaps-missing-prerequisites")
    rows = [(str(r[2]), str(r[3])) for r in res.rows]
    assert rows == [(f.course.label, f.prerequisite.label) for f in report.missing_prerequisites]
    assert [p for c, p in rows if c == "Machine Learning in Production"] == [
        "API design and development",
        "continuous integration and delivery (CI/CD)",
        "Linux command line and shell scripting",
    ]
    res = run_example(store, "gaps-order-violations")
    assert [(str(r[2]), str(r[3])) for r in res.rows] == [
        (f.course.label, f.prerequisite.label) for f in report.order_violations
    ]
