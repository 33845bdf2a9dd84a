"""Building a store folder from an import: an importer's N-Triples loaded in parts side
by side make the same store as one load (blank nodes included)."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import to_isomorphic

import kg.importers.store as store_build
from kg.cli import _register
from kg.cli import cli as cli_main
from kg.importers.common import NTriplesWriter, text_sink
from kg.importers.esco import import_esco
from kg.importers.store import build_store, parts
from tests.kg.test_import_esco import make_esco

_BNODE = re.compile(rb"_:[A-Za-z0-9]+")


def _grouped_file(path: Path, groups: int, seed: int) -> None:
    """N-Triples as the importers write them: plain lines between blank-node groups."""
    rng = random.Random(seed)
    with text_sink(path) as out:
        w = NTriplesWriter(out)
        for n in range(1, groups + 1):
            s = f"urn:role:{rng.randrange(50)}"
            for _ in range(rng.randrange(0, 3)):
                w.iri(s, "urn:p:plain", f"urn:skill:{rng.randrange(500)}")
            q = f"_:q{n}"
            w.iri(s, "urn:p:hasRequirement", q)
            for k in range(rng.randrange(1, 6)):
                w.literal(q, f"urn:p:f{k}", f"value with _: inside {n}")  # "_:" in a literal too


def _graph(folder: Path) -> Graph:
    g = Graph()
    data = ox.Store.read_only(str(folder)).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    g.parse(data=data, format="nt")
    return g


@pytest.mark.parametrize("n", [2, 3, 7])
def test_parts_never_split_a_blank_node(tmp_path: Path, n: int) -> None:
    nt = tmp_path / "x.nt"
    _grouped_file(nt, groups=400, seed=n)
    data = nt.read_bytes()
    spans = parts(nt, n)
    assert len(spans) == n
    assert spans[0][0] == 0
    assert spans[-1][1] == len(data)
    assert all(a < b == c for (a, b), (c, _) in itertools.pairwise(spans))  # whole, in order
    seen: set[bytes] = set()
    for a, b in spans:
        chunk = data[a:b]
        assert chunk.endswith(b"\n")
        labels = set(_BNODE.findall(chunk))
        assert not labels & seen, "a blank node's lines fell in two parts"
        seen |= labels


def test_parts_of_a_file_of_one_group_is_the_file(tmp_path: Path) -> None:
    nt = tmp_path / "x.nt"
    nt.write_text("".join(f"_:q1 <urn:p> <urn:o{i}> .\n" for i in range(100)))
    assert parts(nt, 4) == [(0, nt.stat().st_size)]


def test_an_import_loaded_in_parts_is_the_same_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nt = tmp_path / "esco.nt"
    with text_sink(nt) as sink:
        import_esco(make_esco(tmp_path / "esco"), sink, show_progress=False)
    extra = tmp_path / "groups.nt"
    _grouped_file(extra, groups=300, seed=1)
    monkeypatch.setattr(store_build, "_PART_BYTES", 0)
    one = build_store([nt, extra], tmp_path / "one", with_default=False, workers=3)
    many = build_store([nt, extra], tmp_path / "many", with_default=False, workers=3, grouped=[nt, extra])
    assert one == many > 1000
    assert to_isomorphic(_graph(tmp_path / "one")) == to_isomorphic(_graph(tmp_path / "many"))


def test_an_export_among_the_files_stands_in_for_the_shipped_graph(tmp_path: Path) -> None:
    from kg.export import EXPORT_NODE
    from kg.store import Store

    exported = tmp_path / "graph.ttl"
    _register()
    cli = CliRunner().invoke(cli_main, ["export", "-o", str(exported)])
    assert cli.exit_code == 0, cli.output
    notes: list[str] = []
    count = build_store([exported], tmp_path / "store", on_note=notes.append)
    # the shipped graph once, not twice (its blank-node requirements were doubled)
    assert count == len(Store.default())
    assert len(notes) == 1
    assert "stands in for the shipped graph" in notes[0]
    assert not list(
        ox.Store.read_only(str(tmp_path / "store")).quads_for_pattern(
            ox.NamedNode(str(EXPORT_NODE)), None, None
        )
    )
    # a file that is no export still goes on top of the shipped graph
    plain = tmp_path / "extra.nt"
    plain.write_text("<urn:x:a> <urn:x:p> <urn:x:b> .\n", encoding="utf-8")
    assert build_store([plain], tmp_path / "store2", on_note=notes.append) == len(Store.default()) + 1
    assert len(notes) == 1
