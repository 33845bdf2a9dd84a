"""A broader skill reached through a narrower one counts up to PREREQUISITE_LEVEL, as in paths.

Learning paths count holding or learning Python programming at level L for computer
programming (its broader skill, ``skos:broader``) up to ``min(L, PREREQUISITE_LEVEL)``
(:mod:`kg.paths`), and the ``broader-skills`` example promises the same of gap reports.
Gap reports counted a course teaching Python programming with no stated level as
teaching computer programming to any level, and one teaching it to level L as teaching
it to L: Software Engineer needs computer programming at level 4, and a curriculum
teaching only Python programming reported it covered "through Python programming".
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import RDFS

import kg.paths
from kg.curriculum import parse_curriculum
from kg.gaps import GapReport, find_gaps, report_csv, report_graph, report_markdown, report_table
from kg.namespace import CKG, SKILL
from kg.paths import PREREQUISITE_LEVEL
from kg.store import Store

HEADER = "course,term,teaches,requires\n"


def gaps(store: Store, text: str, targets: list[str]) -> GapReport:
    return find_gaps(store, parse_curriculum(text, store, fmt="csv", source="plan.csv"), targets=targets)


def required_level(store: Store, role: str, skill: str) -> int:
    q = (
        f"PREFIX ckg: <{CKG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?level WHERE { ?r skos:prefLabel ?rl ; ckg:hasRequirement ?q . "
        "?q ckg:requiredSkill ?s ; ckg:level ?level . ?s skos:prefLabel ?sl . "
        f'FILTER(str(?rl) = "{role}" && str(?sl) = "{skill}") }}'
    )
    [(level,)] = list(store.graph.query(q))
    return int(level)


def low(report: GapReport) -> list[tuple[str, int, int]]:
    [cov] = report.coverage
    return [(s.label, top, need) for s, top, need in cov.below_level]


def test_the_data_asks_more_computer_programming_of_a_software_engineer_than_a_narrower_skill_gives(
    store: Store,
) -> None:
    # the premise of the tests below, read from the shipped data
    assert required_level(store, "Software Engineer", "computer programming") > PREREQUISITE_LEVEL
    assert required_level(store, "Data Scientist", "computer programming") == PREREQUISITE_LEVEL


@pytest.mark.parametrize("python", ["Python programming", "Python programming:4", "Python programming:5"])
def test_a_narrower_skill_counts_for_the_broader_one_up_to_the_prerequisite_level(
    store: Store, python: str
) -> None:
    report = gaps(store, HEADER + f"Python 101,1,{python},\n", ["Software Engineer"])
    [cov] = report.coverage
    assert ("computer programming", PREREQUISITE_LEVEL, 4) in low(report)
    assert "computer programming" in [n.label for n in cov.uncovered]
    assert "computer programming" not in [n.label for n in cov.taught]
    assert cov.through_narrower == ()  # not covered: not listed as taught through it
    assert [(s.label, n.label, entry) for s, n, entry in cov.below_level_through] == [
        ("computer programming", "Python programming", False)
    ]


def test_a_narrower_skill_taught_below_the_prerequisite_level_counts_to_its_own_level(store: Store) -> None:
    report = gaps(store, HEADER + "Python 101,1,Python programming:2,\n", ["Software Engineer"])
    assert ("computer programming", 2, 4) in low(report)


def test_the_narrower_skills_best_level_counts(store: Store) -> None:
    text = HEADER + "Python 101,1,Python programming:1,\nR,2,R programming:2,\n"
    report = gaps(store, text, ["Software Engineer"])
    assert ("computer programming", 2, 4) in low(report)
    [cov] = report.coverage
    assert [(s.label, n.label) for s, n, _entry in cov.below_level_through] == [
        ("computer programming", "R programming")
    ]


def test_a_broader_skill_needed_to_the_prerequisite_level_is_covered_through_a_narrower_one(
    store: Store,
) -> None:
    for python in ("Python programming", "Python programming:3", "Python programming:5"):
        [cov] = gaps(store, HEADER + f"Python 101,1,{python},\n", ["Data Scientist"]).coverage
        assert "computer programming" not in [n.label for n in cov.uncovered], python
        assert [(s.label, n.label) for s, n in cov.through_narrower] == [
            ("computer programming", "Python programming")
        ], python
        assert cov.below_level_through == ()


def test_a_narrower_skill_raises_a_broader_one_taught_lower_in_its_own_right(store: Store) -> None:
    # computer programming taught to level 2, Python programming to 3: a learner has
    # computer programming at 3 (as a learning path counts it), which Data Scientist needs
    text = HEADER + "Intro,1,computer programming:2,\nPython 101,2,Python programming:3,\n"
    [cov] = gaps(store, text, ["Data Scientist"]).coverage
    assert "computer programming" not in [n.label for n in cov.uncovered]
    assert "computer programming" in [n.label for n in cov.taught]
    # and for Software Engineer (level 4) it reaches 3 through Python programming
    [cov] = gaps(store, text, ["Software Engineer"]).coverage
    assert ("computer programming", 3, 4) in [(s.label, t, n) for s, t, n in cov.below_level]
    assert "computer programming (taught to level 3 of 4, through Python programming)" in cov.uncovered_text()


def test_a_broader_skill_taught_in_its_own_right_without_a_level_is_covered(store: Store) -> None:
    text = HEADER + "Intro,1,computer programming,\nPython 101,2,Python programming:2,\n"
    [cov] = gaps(store, text, ["Software Engineer"]).coverage
    assert "computer programming" in [n.label for n in cov.taught]
    assert cov.below_level == ()


def test_a_narrower_entry_requirement_assumes_the_broader_skill_up_to_the_prerequisite_level(
    store: Store,
) -> None:
    text = "# entry requirements: Python programming\n" + HEADER + "Maths,1,linear algebra,\n"
    [cov] = gaps(store, text, ["Software Engineer"]).coverage
    assert "computer programming" not in [n.label for n in cov.assumed_at_entry]
    assert ("computer programming", PREREQUISITE_LEVEL, 4) in [(s.label, t, n) for s, t, n in cov.below_level]
    assert [(s.label, n.label, entry) for s, n, entry in cov.below_level_through] == [
        ("computer programming", "Python programming", True)
    ]
    assert "computer programming (assumed at entry to level 3 of 4, through Python programming)" in (
        cov.uncovered_text()
    )
    assert (
        "teach 'computer programming' to level 4 (the entry requirement Python programming counts for it up to level 3)"
        in cov.suggestion
    )
    # a role needing no more than the prerequisite level: assumed, as before
    [cov] = gaps(store, text, ["Data Scientist"]).coverage
    assert "computer programming" in [n.label for n in cov.assumed_at_entry]
    # named itself, an entry requirement is assumed to any level
    text = "# entry requirements: computer programming\n" + HEADER + "Maths,1,linear algebra,\n"
    [cov] = gaps(store, text, ["Software Engineer"]).coverage
    assert "computer programming" in [n.label for n in cov.assumed_at_entry]


def test_every_format_says_the_level_reached_through_the_narrower_skill(store: Store) -> None:
    report = gaps(store, HEADER + "Python 101,1,Python programming,\n", ["Software Engineer"])
    said = "computer programming (taught to level 3 of 4, through Python programming)"
    fix = "teach 'computer programming' to level 4 in its own right (Python programming counts for it up to level 3)"
    table = report_table(report)
    assert said in table
    assert fix in report.coverage[0].suggestion
    assert "taught as part of a narrower skill" not in table  # it is not covered
    assert said in report_markdown(report)
    as_json = json.loads(json.dumps(report.to_dict()))
    [entry] = [
        e for e in as_json["coverage"][0]["below_level"] if e["skill"]["label"] == "computer programming"
    ]
    assert (entry["taught_level"], entry["required_level"]) == (3, 4)
    assert entry["through"]["label"] == "Python programming"
    assert entry["at_entry"] is False
    assert fix in as_json["coverage"][0]["suggestion"]
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    [row] = [r for r in rows if r["kind"] == "uncovered_skill" and r["skill"] == "computer programming"]
    assert row["detail"].endswith("taught to level 3 of 4, through Python programming")  # as the text
    assert row["suggestion"] == fix
    g = report_graph(report)
    [finding] = [
        f
        for f in g.subjects(RDF.type, CKG.UncoveredSkill)
        if (f, CKG.aboutSkill, SKILL["computer-programming"]) in g
    ]
    message = str(g.value(finding, RDFS.comment))
    assert message == (
        "'computer programming' is essential for 'Software Engineer' but taught to level 3 of 4, "
        "through Python programming"
    ), message
    assert str(g.value(finding, CKG.suggestion)) == fix
    # the coverage does not list it as taught through the narrower skill
    [coverage] = g.subjects(RDF.type, CKG.RoleCoverage)
    assert (coverage, CKG.taughtThroughNarrower, SKILL["computer-programming"]) not in g
    assert (coverage, CKG.uncoveredSkill, SKILL["computer-programming"]) in g
    Graph().parse(data=g.serialize(format="turtle"), format="turtle")  # round-trips


def test_the_level_is_the_one_constant_of_learning_paths(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # gap reports read kg.paths.PREREQUISITE_LEVEL, not a copy of its number
    text = HEADER + "Python 101,1,Python programming,\n"
    monkeypatch.setattr(kg.paths, "PREREQUISITE_LEVEL", 4)
    [cov] = gaps(store, text, ["Software Engineer"]).coverage
    assert "computer programming" not in [n.label for n in cov.uncovered]
    monkeypatch.setattr(kg.paths, "PREREQUISITE_LEVEL", 2)
    [cov] = gaps(store, text, ["Data Scientist"]).coverage
    assert ("computer programming", 2, 3) in [(s.label, t, n) for s, t, n in cov.below_level]


def test_text_and_markdown_say_how_to_reach_a_level_a_narrower_skill_cannot(store: Store) -> None:
    # the text and Markdown reports gave no fix for coverage: a designer reading
    # "computer programming (taught to level 3 of 4, through Python programming)" would
    # raise Python programming's level, which counts for no more than level 3
    report = gaps(store, HEADER + "Python 101,1,Python programming,\n", ["Software Engineer"])
    fix = "teach 'computer programming' to level 4 in its own right (Python programming counts for it up to level 3)"
    table = report_table(report).splitlines()
    role = next(i for i, line in enumerate(table) if line.lstrip().startswith("Software Engineer"))
    assert table[role + 1] == f"    fix: {fix}"
    assert f"- Software Engineer: *Fix:* {fix}" in report_markdown(report).splitlines()
    # a skill merely taught by no course gets no such line: the uncovered list says it
    report = gaps(store, HEADER + "Python 101,1,Python programming,\n", ["Data Scientist"])
    assert "    fix:" not in report_table(report).split("Target role coverage")[1]


def test_a_narrower_skill_taught_too_low_may_be_raised_instead(store: Store) -> None:
    # Data Scientist needs computer programming at level 3; Python programming taught to
    # level 2 reaches 2, and raising it to 3 would do as well as teaching it on its own
    report = gaps(store, HEADER + "Python 101,1,Python programming:2,\n", ["Data Scientist"])
    [cov] = report.coverage
    [cp] = [s for s, _top, _need in cov.below_level if s.label == "computer programming"]
    assert cov.below_fix(cp) == (
        "teach 'computer programming' to level 3 in its own right, or Python programming to level 3 "
        "(Python programming counts for it up to level 2)"
    )
    # beyond the level a narrower skill counts for, only its own teaching does
    report = gaps(store, HEADER + "Python 101,1,Python programming:2,\n", ["Software Engineer"])
    [cov] = report.coverage
    [cp] = [s for s, _top, _need in cov.below_level if s.label == "computer programming"]
    assert cov.below_fix(cp) == (
        "teach 'computer programming' to level 4 in its own right (Python programming counts for it up to level 2)"
    )
