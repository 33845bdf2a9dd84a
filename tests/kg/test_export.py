"""`careerkg export` round-trips: JSON-LD / N-Triples / Turtle / CSV as graphs, GraphML by nodes and edges.

What an export does when loaded again with ``--data`` is in ``test_export_reload.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import _register, cli
from kg.export import export_marker, graph_from_csv, read_graphml
from kg.store import Store, choose_backend, load_file, new_graph, take_export_marker
from tests.support.canonical import canonical


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


@pytest.mark.parametrize(("fmt", "parser"), [("jsonld", "json-ld"), ("nt", "nt"), ("ttl", "turtle")])
def test_rdf_export_round_trips(
    tmp_path: Path, runner: CliRunner, default_store: Store, fmt: str, parser: str
) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    # read back as careerkg reads a --data file: the very same graph, plus the
    # export's description of itself, which loading takes out
    back = new_graph(choose_backend())
    load_file(back, out)
    assert take_export_marker(back)
    assert len(back) == len(default_store.graph)
    assert canonical(back) == canonical(default_store.graph)
    # any RDF tool: the same graph, with the description
    plain = Graph().parse(out, format=parser)
    assert canonical(plain) == canonical(_with_marker(default_store.graph))


def _with_marker(graph: Graph) -> Graph:
    out = Graph()
    for t in [*graph, *export_marker()]:
        out.add(t)
    return out


def test_csv_export_round_trips(runner: CliRunner, default_store: Store) -> None:
    result = runner.invoke(cli, ["export", "--format", "csv"])
    assert result.exit_code == 0
    back = graph_from_csv(result.stdout)
    assert take_export_marker(back)
    assert len(back) == len(default_store.graph)
    # a plain literal's datatype column is empty: "x" and "x"^^xsd:string are one literal in RDF 1.1
    assert canonical(back) == canonical(default_store.graph)


def test_graphml_export_round_trips(tmp_path: Path, runner: CliRunner, default_store: Store) -> None:
    from kg.project import projection

    out = tmp_path / "graph.graphml"
    result = runner.invoke(cli, ["export", "--format", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = read_graphml(out.read_text())
    G = projection(default_store)
    assert set(back.nodes) == {str(n) for n in G.nodes}
    assert sorted((u, v, k) for u, v, k in back.edges(keys=True)) == sorted(
        (str(u), str(v), str(k)) for u, v, k in G.edges(keys=True)
    )
    some = next(n for n, d in G.nodes(data=True) if d.get("type") == "skill")
    assert back.nodes[str(some)]["label"] == G.nodes[some]["label"]
    assert float(back.nodes[str(some)]["hours"]) == pytest.approx(float(G.nodes[some]["hours"]))


@pytest.mark.parametrize(("name", "parser"), [("g.nt", "nt"), ("g.jsonld", "json-ld"), ("g.ttl", "turtle")])
def test_the_output_name_gives_the_format(tmp_path: Path, runner: CliRunner, name: str, parser: str) -> None:
    out = tmp_path / name
    result = runner.invoke(cli, ["export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(out, format=parser)) > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "g.nt", "--format", "ttl"], "g.nt is named as nt but --format ttl was given"),
        (["-o", "g.txt"], "cannot tell the format of g.txt by its name; name it .csv, .graphml"),
    ],
)
def test_a_name_and_format_that_disagree_are_refused(
    tmp_path: Path, runner: CliRunner, args: list[str], message: str
) -> None:
    args = [str(tmp_path / a) if a.startswith("g.") else a for a in args]
    result = runner.invoke(cli, ["export", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert not list(tmp_path.iterdir())  # nothing written


def test_the_export_file_is_created_as_any_file_is(tmp_path: Path, runner: CliRunner) -> None:
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / "g.nt"
        assert runner.invoke(cli, ["export", "-o", str(out)]).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644  # the umask's, not a temporary file's 0600
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]  # no temporary file left


@pytest.mark.parametrize(
    ("fmt", "parser"), [("jsonld", "json-ld"), ("nt", "nt"), ("ttl", "turtle"), ("csv", "")]
)
def test_the_message_counts_the_triples_the_file_holds(
    tmp_path: Path, runner: CliRunner, default_store: Store, fmt: str, parser: str
) -> None:
    # it said 'nt: 7,814 triples' of a file holding 7,817: the three describing the export went uncounted
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(cli, ["export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        held = len(graph_from_csv(out.read_text(encoding="utf-8")))
    else:
        held = len(Graph().parse(out, format=parser))
    n, extra = len(default_store), len(export_marker())
    assert held == n + extra
    assert f"wrote {out} ({fmt}: {held:,} triples: the graph's {n:,} and {extra} describing the export, " in (
        result.stderr
    )


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_one_graph_exports_to_one_text(tmp_path: Path, runner: CliRunner, fmt: str) -> None:
    # export, load the file again (fresh blank nodes), export again: the two files were
    # thousands of lines apart (ttl 3,722 diff lines), as each read names blank nodes anew
    # and rdflib wrote them and the triples in the order of its memory's sets
    first, second = tmp_path / f"first.{fmt}", tmp_path / f"second.{fmt}"
    result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(first)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["export", "--data", str(first), "--format", fmt, "-o", str(second)])
    assert result.exit_code == 0, result.output
    a, b = first.read_bytes(), second.read_bytes()
    assert b"_:" in a or b'"_:' in a or b"[" in a  # it has blank nodes to name
    assert a == b


def test_one_gap_report_is_one_turtle_text() -> None:
    # `careerkg gaps FILE --format ttl` twice: its teachings' blank nodes came out in a
    # new order each run, so a report kept in git changed where nothing had
    from tests.support.cli import invoke

    curriculum = str(Path(__file__).parents[2] / "data" / "curricula" / "ml-bootcamp.csv")
    first, second = (invoke("gaps", curriculum, "--format", "ttl") for _ in range(2))
    assert first.exit_code == second.exit_code == 1, first.output
    assert "ckg:hasTeaching [" in first.stdout
    assert first.stdout == second.stdout
