"""The RDF gap report names the narrower skill through which a skill is taught: each
``ckg:taughtThroughNarrower`` skill of a coverage has a ``ckg:NarrowerTeaching`` (its
``ckg:broaderSkill`` and ``ckg:narrowerSkill``). The text said 'computer programming
(through Python programming)' and JSON ``through_narrower`` named it; the RDF said only
that computer programming was taught through some narrower skill."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph
from rdflib.namespace import SKOS

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_graph, report_table
from kg.namespace import CKG, SKILL
from kg.store import Store

ROOT = Path(__file__).resolve().parents[2]
PLAN = "course,term,teaches,requires\nPython for data,1,Python programming,\nStats,1,statistics,\n"


def _report(store: Store, targets: list[str]) -> tuple[str, Graph]:
    report = find_gaps(store, parse_curriculum(PLAN, store, fmt="csv", source="plan.csv"), targets)
    return report_table(report), report_graph(report)


def test_the_terms_are_defined_as_their_neighbours() -> None:
    from kg.validate import ontology_terms

    onto = Graph().parse(ROOT / "ontology" / "careerkg.ttl")
    terms = ontology_terms()
    assert (CKG.NarrowerTeaching, RDF.type, OWL.Class) in onto
    for term, domain, range_ in (
        (CKG.narrowerTeaching, CKG.RoleCoverage, CKG.NarrowerTeaching),
        (CKG.broaderSkill, CKG.NarrowerTeaching, CKG.Skill),
        (CKG.narrowerSkill, CKG.NarrowerTeaching, CKG.Skill),
    ):
        assert term in terms
        assert (term, RDF.type, OWL.ObjectProperty) in onto
        assert (term, RDFS.domain, domain) in onto
        assert (term, RDFS.range, range_) in onto
    for term in (CKG.NarrowerTeaching, CKG.narrowerTeaching, CKG.broaderSkill, CKG.narrowerSkill):
        assert onto.value(term, RDFS.label)
        assert onto.value(term, SKOS.definition)


def test_the_report_names_the_narrower_skill_a_skill_is_taught_through(store: Store) -> None:
    text, g = _report(store, ["Data Scientist"])
    assert "taught as part of a narrower skill: computer programming (through Python programming)" in text
    [coverage] = g.subjects(RDF.type, CKG.RoleCoverage)
    cp = SKILL["computer-programming"]
    assert set(g.objects(coverage, CKG.taughtThroughNarrower)) == {cp}  # as before
    [how] = g.objects(coverage, CKG.narrowerTeaching)
    assert (how, RDF.type, CKG.NarrowerTeaching) in g
    assert g.value(how, CKG.broaderSkill) == cp
    assert g.value(how, CKG.narrowerSkill) == SKILL.python
    # the report answers on its own: both skills are labelled in it
    assert str(g.value(SKILL.python, SKOS.prefLabel)) == "Python programming"
    rows = g.query(
        "SELECT ?s ?n WHERE { ?c ckg:narrowerTeaching [ ckg:broaderSkill ?b ; ckg:narrowerSkill ?t ] . "
        "?b skos:prefLabel ?s . ?t skos:prefLabel ?n }",
        initNs={"ckg": CKG, "skos": SKOS},
    )
    assert [(str(s), str(n)) for s, n in rows] == [("computer programming", "Python programming")]


def test_a_skill_taught_through_a_narrower_one_too_low_is_no_narrower_teaching(store: Store) -> None:
    # Software Engineer needs computer programming at level 4: Python counts for it up to
    # level 3, so it is uncovered, not taught through Python
    _text, g = _report(store, ["Software Engineer"])
    [coverage] = g.subjects(RDF.type, CKG.RoleCoverage)
    assert list(g.objects(coverage, CKG.narrowerTeaching)) == []
    assert (coverage, CKG.uncoveredSkill, SKILL["computer-programming"]) in g


def test_cli_ttl_names_it_and_is_one_text_whatever_the_hash_seed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(PLAN, encoding="utf-8")
    outs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "kg", "gaps", str(plan), "--target", "Data Scientist", "--format", "ttl"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert done.returncode == 1, done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1]
    assert "ckg:narrowerSkill skill:python" in outs[0]
