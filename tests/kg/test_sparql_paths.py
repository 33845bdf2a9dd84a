"""Learning paths in SPARQL: the ckf: magic predicates and functions agree with kg.paths."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import URIRef
from rdflib.plugins.sparql import CUSTOM_EVALS, operators

from kg.namespace import CKF, ROLE, SKILL
from kg.paths import plan
from kg.sparql import paths as sparql_paths
from kg.sparql.engine import run_query
from kg.store import Store

PAIRS = [
    ("role:software-engineer", "role:machine-learning-engineer"),
    ("role:data-scientist", "role:machine-learning-engineer"),
    ("role:software-engineer", "role:senior-machine-learning-engineer"),
    ("role:data-scientist", "role:head-of-data"),
    ("role:machine-learning-engineer", "role:ai-architect"),
]

PATH_QUERY = """
SELECT ?position ?step ?label ?hours ?type ?total WHERE {
  ?row ckf:pathFrom ?source ; ckf:pathTo ?target ;
       ckf:position ?position ; ckf:step ?step ; ckf:hours ?hours ;
       ckf:stepType ?type ; ckf:totalHours ?total .
  ?step skos:prefLabel ?label .
} ORDER BY ?position
"""


@pytest.fixture
def extensions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the ckf: extensions for one test; monkeypatch removes them afterwards."""
    for registry, key, value in sparql_paths.extension_entries():
        monkeypatch.setitem(registry, key, value)


def _expand(name: str) -> URIRef:
    prefix, local = name.split(":")
    return {"role": ROLE, "skill": SKILL}[prefix][local]


def _steps(result_rows: list[tuple]) -> list[tuple[int, str, float]]:
    return [(int(r[0]), str(r[1]), float(r[3])) for r in result_rows]


def _expected(
    store: Store, source: str, target: str, know: tuple[str, ...] = ()
) -> list[tuple[int, str, float]]:
    steps = plan(store, source, target, know=list(know)).to_dict()["steps"]
    return [(s["position"], s["iri"], float(s["hours"])) for s in steps]


@pytest.mark.usefixtures("extensions")
@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_magic_predicates_give_the_steps_of_plan(store: Store, source: str, target: str) -> None:
    expected = _expected(store, source, target)
    assert expected, "the pair must have a non-empty path for the comparison to mean something"
    res = run_query(store, PATH_QUERY, bindings={"source": _expand(source), "target": _expand(target)})
    assert _steps(res.rows) == expected
    total = plan(store, source, target).total_hours
    assert all(float(r[5]) == pytest.approx(total) for r in res.rows)


@pytest.mark.usefixtures("extensions")
def test_constants_blank_nodes_and_labels_from_the_path(store: Store) -> None:
    q = """SELECT ?position ?label WHERE {
      [] ckf:pathFrom role:software-engineer ; ckf:pathTo role:machine-learning-engineer ;
         ckf:position ?position ; ckf:label ?label .
    } ORDER BY ?position"""
    res = run_query(store, q)
    steps = plan(store, "role:software-engineer", "role:machine-learning-engineer").steps
    assert [(int(p), str(lab)) for p, lab in res.rows] == [(s.position, s.label) for s in steps]


@pytest.mark.usefixtures("extensions")
@pytest.mark.parametrize(
    "binding",
    [
        '?source skos:prefLabel "Data Scientist"@en . ?target skos:prefLabel "Machine Learning Engineer"@en .',
        "VALUES (?source ?target) { (role:data-scientist role:machine-learning-engineer) }",
    ],
)
def test_inputs_bound_by_other_patterns(store: Store, binding: str) -> None:
    # ?source and ?target come from other patterns: the path is computed once they are bound
    q = f"""SELECT ?step WHERE {{
      ?row ckf:pathFrom ?source ; ckf:pathTo ?target ; ckf:position ?pos ; ckf:step ?step .
      {binding}
    }} ORDER BY ?pos"""
    res = run_query(store, q, timeout=5)
    expected = _expected(store, "role:data-scientist", "role:machine-learning-engineer")
    assert [str(r[0]) for r in res.rows] == [iri for _, iri, _ in expected]


@pytest.mark.usefixtures("extensions")
def test_known_skills_shorten_the_path(store: Store) -> None:
    know = ("skill:python", "skill:statistics:3")
    q = """SELECT ?position ?step ?label ?hours WHERE {
      ?row ckf:pathFrom role:software-engineer ; ckf:pathTo role:machine-learning-engineer ;
           ckf:know skill:python, "skill:statistics:3" ;
           ckf:position ?position ; ckf:step ?step ; ckf:hours ?hours .
      ?step skos:prefLabel ?label .
    } ORDER BY ?position"""
    res = run_query(store, q)
    expected = _expected(store, "role:software-engineer", "role:machine-learning-engineer", know)
    assert _steps(res.rows) == expected
    assert len(expected) < len(_expected(store, "role:software-engineer", "role:machine-learning-engineer"))
    assert str(SKILL.python) not in {iri for _, iri, _ in expected}


@pytest.mark.usefixtures("extensions")
def test_output_constants_filter_the_steps(store: Store) -> None:
    steps = plan(store, "role:software-engineer", "role:machine-learning-engineer").steps
    chosen = steps[len(steps) // 2]
    q = """SELECT ?position WHERE {
      ?row ckf:pathFrom role:software-engineer ; ckf:pathTo role:machine-learning-engineer ;
           ckf:step ?step ; ckf:position ?position . }"""
    res = run_query(store, q, bindings={"step": URIRef(str(chosen.iri))})
    assert [int(r[0]) for r in res.rows] == [chosen.position]


@pytest.mark.usefixtures("extensions")
def test_no_path_or_unknown_role_gives_no_rows(store: Store) -> None:
    q = """SELECT ?step WHERE { ?row ckf:pathFrom ?s ; ckf:pathTo ?t ; ckf:step ?step . }"""
    assert run_query(store, q, bindings={"s": ROLE["no-such-role"], "t": ROLE["data-scientist"]}).rows == []
    # inputs never bound: nothing to compute
    assert run_query(store, q).rows == []


@pytest.mark.usefixtures("extensions")
def test_path_functions(store: Store) -> None:
    q = """SELECT ?h ?n WHERE {
      BIND (ckf:pathHours(role:software-engineer, role:machine-learning-engineer) AS ?h)
      BIND (ckf:pathLength(role:software-engineer, role:machine-learning-engineer) AS ?n)
      BIND (ckf:pathHours(role:software-engineer, role:no-such-role) AS ?none) }"""
    res = run_query(store, q)
    path = plan(store, "role:software-engineer", "role:machine-learning-engineer")
    ((hours, n),) = res.rows
    assert Decimal(str(hours)) == Decimal(str(path.total_hours))
    assert int(n) == len(path.steps)
    assert len(res.variables) == 2
    # a role to itself is a path with nothing to learn, not no path (it was unbound)
    same = run_query(
        store,
        """SELECT ?h ?n WHERE {
          BIND (ckf:pathHours(role:software-engineer, role:software-engineer) AS ?h)
          BIND (ckf:pathLength(role:software-engineer, role:software-engineer) AS ?n) }""",
    )
    assert [(int(h), int(n)) for h, n in same.rows] == [(0, 0)]


def test_nothing_is_registered_without_install(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for registry, key, _value in sparql_paths.extension_entries():
        monkeypatch.delitem(registry, key, raising=False)
    q = "SELECT ?step WHERE { ?row ckf:pathFrom role:software-engineer ; ckf:pathTo role:data-scientist ; ckf:step ?step }"
    assert run_query(store, q).rows == []  # plain triple patterns, matching nothing


def test_install_and_uninstall(monkeypatch: pytest.MonkeyPatch) -> None:
    for registry, key, _value in sparql_paths.extension_entries():
        monkeypatch.delitem(registry, key, raising=False)  # restored by monkeypatch
    sparql_paths.install()
    assert CUSTOM_EVALS[sparql_paths.EVAL_NAME] is sparql_paths.eval_paths
    assert CKF.pathHours in operators._CUSTOM_FUNCTIONS
    sparql_paths.install()  # idempotent
    sparql_paths.uninstall()
    assert sparql_paths.EVAL_NAME not in CUSTOM_EVALS
    assert CKF.pathHours not in operators._CUSTOM_FUNCTIONS
    sparql_paths.uninstall()


@pytest.mark.usefixtures("extensions")
@pytest.mark.parametrize(("source", "target"), PAIRS[:3])
def test_cli_sparql_and_cli_path_agree(source: str, target: str) -> None:
    from kg.cli import _register, cli

    _register()
    runner = CliRunner()
    path = runner.invoke(cli, ["path", source, target, "--format", "json"])
    assert path.exit_code == 0, path.output
    expected = [(s["position"], s["iri"], s["hours"]) for s in json.loads(path.output)["steps"]]
    out = runner.invoke(
        cli,
        [
            "sparql",
            "learning-path",
            "--param",
            f"source={source}",
            "--param",
            f"target={target}",
            "--format",
            "json",
        ],
    )
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)["results"]["bindings"]
    got = [(int(b["position"]["value"]), b["step"]["value"], float(b["hours"]["value"])) for b in rows]
    assert got == [(p, i, float(h)) for p, i, h in expected]
