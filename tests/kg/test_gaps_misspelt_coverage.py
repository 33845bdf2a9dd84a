"""An essential skill of a target role that no course teaches, when a course teaches an
unknown skill whose closest match it is, says that the unknown name may be it, and its
fix starts with writing it so: a designer who wrote 'statistcs' read "uncovered:
statistics" and "add a course teaching 'statistics'", the typo listed apart, and could
add the course rather than correct the spelling. Worded once (kg.gaps.Coverage), so the
text, Markdown, CSV, RDF and the Gaps page say the same."""

from __future__ import annotations

import csv
import io
import json

from rdflib import RDF, RDFS
from rdflib.namespace import SKOS

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_csv, report_graph, report_markdown, report_table
from kg.namespace import CKG
from kg.store import Store

PLAN = "course,term,teaches,requires\nStats,1,statistcs; probability theory,\n"
MAY_BE = "the unknown skill 'statistcs' taught by 'Stats' (term 1) may be it"
FIX = "if 'statistcs' taught by 'Stats' (term 1) means 'statistics', write it so; otherwise add a course teaching 'statistics'"


def _report(store: Store):  # type: ignore[no-untyped-def]
    return find_gaps(store, parse_curriculum(PLAN, store, fmt="csv", source="plan.csv"), ["Data Scientist"])


def test_every_report_says_the_unknown_skill_may_be_the_uncovered_one(store: Store) -> None:
    report = _report(store)
    [cov] = report.coverage
    [stats] = [n for n in cov.uncovered if n.label == "statistics"]
    assert cov.uncovered_detail(stats) == f"taught by no course; {MAY_BE}"
    assert cov.uncovered_fix(stats) == FIX
    assert f"statistics ({MAY_BE})" in cov.uncovered_text()
    assert FIX in cov.suggestion
    text = report_table(report)
    assert f"statistics ({MAY_BE})" in text
    assert f"    fix: {FIX}" in text
    md = report_markdown(report)
    assert f"statistics ({MAY_BE})" in md
    assert FIX in md
    [row] = [
        r
        for r in csv.DictReader(io.StringIO(report_csv(report)))
        if r["kind"] == "uncovered_skill" and r["skill"] == "statistics"
    ]
    assert row["detail"].endswith(f"covered), taught by no course; {MAY_BE}")
    assert row["suggestion"] == FIX
    g = report_graph(report)
    [finding] = [
        f
        for f in g.subjects(RDF.type, CKG.UncoveredSkill)
        if str(g.value(g.value(f, CKG.aboutSkill), SKOS.prefLabel)) == "statistics"
    ]
    assert str(g.value(finding, RDFS.comment)).endswith(f"but taught by no course; {MAY_BE}")
    as_json = json.loads(json.dumps(report.to_dict()))
    [entry] = as_json["coverage"][0]["uncovered_misspelt_as"]
    assert (entry["skill"]["label"], entry["name"], entry["course"]["label"]) == (
        "statistics",
        "statistcs",
        "Stats",
    )


def test_the_gaps_page_says_it_as_the_cli_does(store: Store) -> None:
    from dashboard.views.gaps import analyse, coverage_item, coverage_of

    report = analyse(store, PLAN, "csv", "plan.csv", ["Data Scientist"])["report"]
    [kg_cov] = _report(store).coverage
    back = coverage_of(report["coverage"][0])
    assert back.uncovered_text() == kg_cov.uncovered_text()
    assert back.fixes == kg_cov.fixes
    item = coverage_item(report["coverage"][0])
    assert item.children[-1].children == ["Fix: ", kg_cov.fixes]
    assert FIX in kg_cov.fixes


def test_a_typo_of_another_skill_is_not_named(store: Store) -> None:
    plan = PLAN.replace("statistcs", "Sequel")
    [cov] = find_gaps(
        store, parse_curriculum(plan, store, fmt="csv", source="plan.csv"), ["Data Scientist"]
    ).coverage
    assert "may be it" not in cov.uncovered_text()
    assert "write it so" not in cov.suggestion
