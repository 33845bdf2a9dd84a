"""The named example queries: each documented, each answering on the shipped data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.errors import UnknownEntity
from kg.sparql.examples import EXAMPLES, Example, find_example, get_example, load_examples, run_example
from kg.store import Store

pytestmark = pytest.mark.usefixtures("ckf_extensions")  # the ckf: functions, each test

REQUIRED = {
    "essential-skills",
    "prerequisites",
    "shared-skills",
    "certifications-for-skill",
    "reachable-roles",
    "learning-path",
    "counts-by-class",
    "most-required-skills",
}


@pytest.fixture(scope="module")
def gap_store() -> Store:
    """The gap-report examples read a report; build one from a small curriculum."""
    from kg.curriculum import parse_curriculum
    from kg.gaps import find_gaps, report_graph
    from tests.support import curricula

    s = curricula.store()
    report = find_gaps(s, parse_curriculum(curricula.GAPPY_CSV, s, fmt="csv", source="gappy.csv"))
    for t in report_graph(report):
        s.graph.add(t)
    s.touch()
    return s


def test_the_required_examples_are_shipped() -> None:
    assert set(EXAMPLES) >= REQUIRED


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_is_documented_and_parses(name: str) -> None:
    ex = EXAMPLES[name]
    assert ex.title
    assert ex.description
    assert ex.prepared.algebra.name in {"SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"}
    for var in ex.params:
        assert f"?{var}" in ex.text, f"parameter {var} is not a variable of {name}"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_returns_rows(name: str, store: Store, gap_store: Store) -> None:
    target = gap_store if name.startswith("gaps") else store
    res = run_example(target, name, timeout=30)
    assert len(res) > 0
    if res.kind == "bindings":  # rows with values, not one empty aggregate row
        assert any(any(t is not None for t in row) for row in res.rows)


def test_parameters_are_bindings_resolved_by_name(store: Store) -> None:
    default = run_example(store, "essential-skills")
    other = run_example(store, "essential-skills", {"role": "data scientist"})
    assert default.rows
    assert other.rows
    assert default.rows != other.rows
    with pytest.raises(UnknownEntity, match="Data Sceintist"):
        run_example(store, "essential-skills", {"role": "Data Sceintist"})
    with pytest.raises(
        UnknownEntity, match=r"unknown parameter name 'roles'; closest known parameters: 'role'"
    ):
        run_example(store, "essential-skills", {"roles": "Data Scientist"})


# The aggregate examples group first and join labels after (faster at ESCO scale,
# bench/RESULTS.md); each must answer as its direct formulation does.
DIRECT = {
    "most-required-skills": """
SELECT ?skill ?label (COUNT(DISTINCT ?role) AS ?roles)
       (SUM(IF(?importance = ckg:Essential, 1, 0)) AS ?essential) WHERE {
  ?role a ckg:Role ; ckg:hasRequirement ?req .
  ?req ckg:requiredSkill ?skill ; ckg:importance ?importance .
  ?skill skos:prefLabel ?label .
}
GROUP BY ?skill ?label
ORDER BY DESC(?roles) DESC(?essential) ?label
LIMIT 25
""",
    "counts-by-class": """
SELECT ?class ?label (COUNT(DISTINCT ?node) AS ?count) WHERE {
  ?class a owl:Class .
  ?node a ?class .
  FILTER (STRSTARTS(STR(?class), "https://w3id.org/careerkg/ontology#"))
  OPTIONAL { ?class rdfs:label ?label }
}
GROUP BY ?class ?label
ORDER BY DESC(?count) ?class
""",
}


@pytest.mark.parametrize("backend", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("name", sorted(DIRECT))
def test_aggregate_examples_answer_as_the_direct_grouping(name: str, backend: str) -> None:
    from kg.sparql.engine import parse_query, run_query

    s = Store.default(backend=backend)
    shipped = run_example(s, name)
    direct = run_query(s, parse_query(DIRECT[name]))
    assert shipped.variables == direct.variables
    assert len(shipped.rows) >= 10
    assert shipped.rows == direct.rows
    counts = [int(row[2]) for row in shipped.rows]
    assert counts == sorted(counts, reverse=True)
    assert counts[-1] > 0


def test_unknown_example_suggests_close_names() -> None:
    with pytest.raises(UnknownEntity, match="'reachable-roles'"):
        get_example("reachable-role")


def test_example_names_are_all_spelt_one_way() -> None:
    # lower-case words joined by hyphens, as in the CLI's other names
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) for name in EXAMPLES), list(EXAMPLES)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("gaps_coverage", "gaps-coverage"),
        ("gaps_findings_by_kind", "gaps-findings-by-kind"),
        ("gaps_missing_prerequisites", "gaps-missing-prerequisites"),
        ("gaps_order_violations", "gaps-order-violations"),
        ("Learning-Path", "learning-path"),
    ],
)
def test_older_spellings_of_a_name_still_find_the_example(old: str, new: str) -> None:
    assert find_example(old) is EXAMPLES[new]
    assert get_example(old) is EXAMPLES[new]


def test_an_unknown_underscored_name_suggests_the_hyphenated_ones() -> None:
    with pytest.raises(UnknownEntity, match="'gaps-coverage'"):
        get_example("gaps_coverag")


def test_header_parsing(tmp_path) -> None:
    (tmp_path / "x.rq").write_text(
        "# title: T\n# description: D\n# param a: role:data-scientist\n# a plain comment\nSELECT ?a WHERE { ?a ?b ?c }\n"
    )
    (ex,) = load_examples(tmp_path).values()
    assert ex == Example("x", "T", "D", ex.text, {"a": "role:data-scientist"})
    (tmp_path / "x.rq").write_text("SELECT * WHERE {}\n")
    with pytest.raises(ValueError, match="no '# title:' line"):
        load_examples(tmp_path)


def test_cli_lists_and_runs_examples() -> None:
    from kg.cli import _register, cli

    _register()
    runner = CliRunner()
    listed = runner.invoke(cli, ["sparql", "--examples"])
    assert listed.exit_code == 0
    for name, ex in EXAMPLES.items():
        assert any(line.split()[0] == name and ex.title in line for line in listed.output.splitlines())
    out = runner.invoke(
        cli, ["sparql", "reachable-roles", "--param", "role=Software Engineer", "--format", "csv"]
    )
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0] == "next,label"
    assert len(out.output.splitlines()) > 1
    bad = runner.invoke(cli, ["sparql", "reachable-roles", "--param", "role"])
    assert bad.exit_code == 2
    assert "expected NAME=VALUE" in bad.output


def test_a_parameter_of_the_wrong_kind_is_refused_not_answered_with_no_rows(store: Store) -> None:
    # the role parameter given a skill's name answered 0 rows and said nothing
    with pytest.raises(UnknownEntity, match=r"unknown role name 'Python programming' \(it names a skill"):
        run_example(store, "essential-skills", {"role": "Python programming"})
    with pytest.raises(UnknownEntity, match=r"unknown skill name 'Data Scientist' \(it names a role"):
        run_example(store, "certifications-for-skill", {"skill": "Data Scientist"})
    # names of the right kind still work, alt labels included
    assert run_example(store, "essential-skills", {"role": "MLE"}).rows


def test_broader_skills_lists_what_the_path_engine_counts_for_a_broader_skill(store: Store) -> None:
    # the pairs are those of the projection's 'broader' edges, closed transitively: the
    # skills kg.paths credits as part of another (Python programming in computer programming)
    import networkx as nx

    from kg.namespace import SKILL
    from kg.project import projection

    G = projection(store)
    B = nx.DiGraph([(u, v) for u, v, k in G.edges(keys=True) if k == "broader"])
    expected = {(str(u), str(v)) for u in B for v in nx.descendants(B, u)}
    res = run_example(store, "broader-skills")
    assert res.variables[:4] == ["skill", "label", "broader", "broaderLabel"]
    pairs = [(str(r[0]), str(r[2])) for r in res.rows]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == expected
    assert (str(SKILL["python"]), str(SKILL["computer-programming"])) in expected


def test_a_gap_report_example_with_no_report_says_how_to_get_one(tmp_path: Path) -> None:
    # was: "(0 rows)" and nothing more; the reason was only in the .rq file's description
    from kg.cli import _register, cli

    _register()
    runner = CliRunner()
    note = "careerkg: note: gaps-coverage: the shipped graph holds no gap report: write one with"
    empty = runner.invoke(cli, ["sparql", "gaps-coverage"])
    assert empty.exit_code == 0, empty.output
    assert "(0 rows)" in empty.stdout
    assert note in empty.stderr
    report = tmp_path / "report.ttl"
    curriculum = Path(__file__).resolve().parents[2] / "data" / "curricula" / "msc-ai-data-science.csv"
    made = runner.invoke(cli, ["gaps", str(curriculum), "--format", "ttl"])
    report.write_text(made.stdout, encoding="utf-8")
    full = runner.invoke(cli, ["sparql", "gaps-coverage", "--data", str(report)])
    assert full.exit_code == 0, full.output
    assert "(0 rows)" not in full.stdout
    assert note not in full.stderr
    # every example that may answer nothing on the shipped graph says why, and only those
    assert {n for n, ex in EXAMPLES.items() if ex.empty} == {n for n in EXAMPLES if n.startswith("gaps-")}
