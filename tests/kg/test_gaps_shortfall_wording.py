"""A skill taught (or assumed at entry) below the level a target role requires reads the
same in every report: the text's "taught to level 3 of 4, through Python programming"
and its fix, from the one lookup ``Coverage.shortfall``. The CSV said "taught to level 3
at most, through Python programming, level 4 required" and the RDF "taught only to
level 3 of the 4 it requires"; the CSV's fix for a skill's own teaching left out the
level the courses reach."""

from __future__ import annotations

import csv
import io

import pytest
from rdflib import RDF, RDFS
from rdflib.namespace import SKOS

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_csv, report_graph, report_table
from kg.namespace import CKG
from kg.store import Store

CASES = [
    # (curriculum, target role, skill, the text's wording, the text's fix)
    (
        "course,term,teaches,requires\nML,1,machine learning:2,\n",
        "Machine Learning Engineer",
        "machine learning",
        "taught to level 2 of 4",
        "teach 'machine learning' to level 4 (the courses reach level 2)",
    ),
    (
        "course,term,teaches,requires\nPython for data,1,Python programming,\n",
        "Software Engineer",
        "computer programming",
        "taught to level 3 of 4, through Python programming",
        "teach 'computer programming' to level 4 in its own right "
        "(Python programming counts for it up to level 3)",
    ),
    (
        "# entry requirements: Python programming\ncourse,term,teaches,requires\nStats,1,statistics,\n",
        "Software Engineer",
        "computer programming",
        "assumed at entry to level 3 of 4, through Python programming",
        "teach 'computer programming' to level 4 (the entry requirement Python programming counts "
        "for it up to level 3)",
    ),
]


@pytest.mark.parametrize(("plan", "role", "skill", "wording", "fix"), CASES)
def test_the_csv_and_rdf_say_what_the_text_says(
    store: Store, plan: str, role: str, skill: str, wording: str, fix: str
) -> None:
    report = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="plan.csv"), [role])
    text = report_table(report)
    assert f"{skill} ({wording})" in text
    assert f"fix: {fix}" in text

    [row] = [
        r
        for r in csv.DictReader(io.StringIO(report_csv(report)))
        if r["kind"] == "uncovered_skill" and r["skill"] == skill
    ]
    assert row["detail"].endswith(f"covered), {wording}")
    assert row["suggestion"] == fix

    g = report_graph(report)
    [finding] = [
        f
        for f in g.subjects(RDF.type, CKG.UncoveredSkill)
        if str(g.value(g.value(f, CKG.aboutSkill), SKOS.prefLabel)) == skill
    ]
    assert str(g.value(finding, RDFS.comment)) == f"{skill!r} is essential for {role!r} but {wording}"
    assert str(g.value(finding, CKG.suggestion)) == fix


def test_a_skill_no_course_teaches_reads_the_same_too(store: Store) -> None:
    plan = "course,term,teaches,requires\nStats,1,statistics,\n"
    report = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="plan.csv"), ["Data Analyst"])
    cov = report.coverage[0]
    skill = cov.uncovered[0]
    assert cov.uncovered_detail(skill) == "taught by no course"
    assert cov.uncovered_fix(skill) == f"add a course teaching {skill.label!r}"
    [row] = [
        r
        for r in csv.DictReader(io.StringIO(report_csv(report)))
        if r["kind"] == "uncovered_skill" and r["skill"] == skill.label
    ]
    assert row["detail"].endswith("covered), taught by no course")
    assert row["suggestion"] == cov.uncovered_fix(skill)
