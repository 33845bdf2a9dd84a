"""``ckf:covers``: the broader skills a step of a learning path covers, in SPARQL.

A step learning Python programming covers computer programming (``skos:broader``): the
covered skill is no step of its own, so a query over ``ckf:step`` alone never names it.
``ckf:covers`` gives one solution per covered skill, as ``covers`` of ``careerkg path
--format json``; a step covering nothing has no ``ckf:covers`` value, like any triple
pattern that matches nothing.
"""

from __future__ import annotations

import pytest

from kg.namespace import ROLE, SKILL
from kg.paths import plan
from kg.sparql.engine import run_query
from kg.store import Store

pytestmark = pytest.mark.usefixtures("ckf_extensions")

COVERS = """
SELECT ?position ?step ?covered WHERE {
  ?row ckf:pathFrom ?source ; ckf:pathTo ?target ;
       ckf:position ?position ; ckf:step ?step ; ckf:covers ?covered .
} ORDER BY ?position ?covered
"""

PAIRS = [("student", "data-scientist"), ("student", "head-of-data")]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_covers_gives_what_plan_covers(store: Store, source: str, target: str) -> None:
    steps = plan(store, ROLE[source], ROLE[target]).to_dict()["steps"]
    expected = sorted((s["position"], s["iri"], c["iri"]) for s in steps for c in s["covers"])
    assert expected, "the pair must cover a skill for the comparison to mean something"
    res = run_query(store, COVERS, bindings={"source": ROLE[source], "target": ROLE[target]})
    assert sorted((int(r[0]), str(r[1]), str(r[2])) for r in res.rows) == expected


def test_python_covers_computer_programming(store: Store) -> None:
    res = run_query(store, COVERS, bindings={"source": ROLE["student"], "target": ROLE["data-scientist"]})
    assert [(r[1], r[2]) for r in res.rows] == [(SKILL["python"], SKILL["computer-programming"])]


def test_a_covered_skill_is_no_step_and_a_step_without_covers_still_answers(store: Store) -> None:
    q = """SELECT ?step WHERE {
      ?row ckf:pathFrom role:student ; ckf:pathTo role:data-scientist ; ckf:step ?step .
    }"""
    steps = {r[0] for r in run_query(store, q).rows}
    assert SKILL["python"] in steps
    assert SKILL["computer-programming"] not in steps
    # a constant asks whether the plan covers it
    ask = """SELECT ?step WHERE {
      ?row ckf:pathFrom role:student ; ckf:pathTo role:data-scientist ;
           ckf:step ?step ; ckf:covers skill:computer-programming .
    }"""
    assert [r[0] for r in run_query(store, ask).rows] == [SKILL["python"]]
    none = ask.replace("skill:computer-programming", "skill:sql")
    assert run_query(store, none).rows == []
