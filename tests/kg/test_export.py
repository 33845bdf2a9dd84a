"""`careerkg export` round-trips: JSON-LD / N-Triples / CSV by triple count, GraphML by nodes and edges."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Graph, Literal
from rdflib.compare import isomorphic

from kg.cli import _register, cli
from kg.export import graph_from_csv, read_graphml
from kg.store import Store, choose_backend, load_file, new_graph


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
    # read back as careerkg reads a --data file: the very same graph
    back = new_graph(choose_backend())
    load_file(back, out)
    assert len(back) == len(default_store.graph)
    assert isomorphic(back, default_store.graph)
    # any RDF tool: the same graph up to lexical forms (Oxigraph stores decimals
    # canonically, "4" for 4.0, and rdflib's Turtle writer spells them 4.0 again)
    plain = Graph().parse(out, format=parser)
    assert isomorphic(_canonical(plain), _canonical(default_store.graph))


def _canonical(graph: Graph) -> Graph:
    """``graph`` with every typed literal in the canonical lexical form of its value
    (``"a"^^xsd:string`` is ``"a"`` in RDF 1.1)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and isinstance(o.value, Decimal):
            o = Literal(format(o.value.normalize(), "f"), datatype=o.datatype)
        out.add((s, p, o))
    return out


def test_csv_export_round_trips(runner: CliRunner, default_store: Store) -> None:
    result = runner.invoke(cli, ["export", "--format", "csv"])
    assert result.exit_code == 0
    back = graph_from_csv(result.output)
    assert len(back) == len(default_store.graph)
    assert isomorphic(back, default_store.graph)


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
