"""The RDF gap report says when a skill is assumed at entry only through a narrower entry
requirement (``ckg:assumedThroughNarrower``, and which one: the requirement's
``skos:broaderTransitive``), and the ``gaps-coverage`` example lists it so. The text said
'computer programming (through Python programming)' and JSON 'assumed_through_narrower',
but the RDF gave it as a plain ``ckg:assumedSkill``, and the example listed it as assumed
without saying why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph
from rdflib.namespace import SKOS

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_graph
from kg.namespace import CKG, SKILL
from kg.sparql.examples import run_example
from kg.store import Store

ROOT = Path(__file__).resolve().parents[2]
PLAN = (
    "# entry requirements: Python programming; SQL\ncourse,term,teaches,requires\nMaths,1,linear algebra,\n"
)
THROUGH = "computer programming (through Python programming)"


def _report_graph(store: Store) -> Graph:
    cur = parse_curriculum(PLAN, store, fmt="csv", source="plan.csv")
    return report_graph(find_gaps(store, cur, ["Data Scientist"]))


def test_the_term_is_defined_as_the_other_coverage_terms() -> None:
    from kg.validate import ontology_terms

    assert CKG.assumedThroughNarrower in ontology_terms()
    onto = Graph().parse(ROOT / "ontology" / "careerkg.ttl")
    term = CKG.assumedThroughNarrower
    assert (term, RDF.type, OWL.ObjectProperty) in onto
    assert (term, RDFS.subPropertyOf, CKG.assumedSkill) in onto
    assert (term, RDFS.domain, CKG.RoleCoverage) in onto
    assert (term, RDFS.range, CKG.Skill) in onto
    assert onto.value(term, SKOS.definition)
    assert onto.value(term, RDFS.label)


def test_the_report_says_which_assumed_skill_comes_through_a_narrower_one(store: Store) -> None:
    g = _report_graph(store)
    [coverage] = g.subjects(RDF.type, CKG.RoleCoverage)
    cp = SKILL["computer-programming"]
    assert set(g.objects(coverage, CKG.assumedThroughNarrower)) == {cp}
    # still assumed, as JSON's assumed_at_entry lists it: queries of ckg:assumedSkill answer as before
    assert (coverage, CKG.assumedSkill, cp) in g
    assert (coverage, CKG.assumedSkill, SKILL.python) in g
    # which entry requirement brings it, so the report answers on its own
    [curriculum] = g.objects(None, CKG.aboutCurriculum)
    assert (curriculum, CKG.entryRequirement, SKILL.python) in g
    assert set(g.subject_objects(SKOS.broaderTransitive)) == {(SKILL.python, cp)}


def test_the_coverage_example_lists_it_with_why(tmp_path: Path) -> None:
    path = tmp_path / "report.ttl"
    loaded = Store.default()
    _report_graph(loaded).serialize(path, format="turtle")
    for store in (loaded, Store(Graph().parse(path))):  # in the store with the graph, and alone
        if store is loaded:
            store.load(path)
        res = run_example(store, "gaps-coverage")
        [row] = [dict(zip(map(str, res.variables), r, strict=True)) for r in res.rows]
        assert str(row["assumedThroughNarrower"]) == THROUGH
        assert sorted(str(row["assumedAtEntry"]).split("; ")) == [
            "Python programming",
            "SQL",
            THROUGH,
        ]


def test_cli_ttl_is_one_text_whatever_the_hash_seed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(PLAN, encoding="utf-8")
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "kg", "gaps", str(plan), "--target", "Data Scientist", "--format", "ttl"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1]
    assert "ckg:assumedThroughNarrower skill:computer-programming" in outs[0]
