"""Building a persistent Oxigraph store folder from imports (``careerkg import … --store``).

The store holds the ontology and the curated data (unless left out), the imported
N-Triples and any further RDF files, joined on ``skos:exactMatch``
(:func:`kg.importers.join.join`). It is built in a sibling folder and swapped in when
complete; readers open it read-only with :meth:`kg.store.Store.open`.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "x.nt").write_text(
...     '<urn:r> <http://www.w3.org/2000/01/rdf-schema#label> "r" .\\n')
>>> build_store([d / "x.nt"], d / "store", with_default=False)
1
>>> build_store([d / "x.nt"], d / "store", with_default=False)  # replaced, not appended
1
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import IO, cast

import pyoxigraph

from kg.errors import InputFileError
from kg.importers.common import atomic_path

__all__ = ["build_store"]


def _format(path: Path) -> pyoxigraph.RdfFormat:
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    ext = name.rsplit(".", 1)[-1]
    fmt = pyoxigraph.RdfFormat.from_extension(ext)
    if fmt is None:
        raise InputFileError(str(path), "unknown RDF file extension; use .nt, .ttl, .nq, .trig or .rdf")
    return fmt


def build_store(
    files: Iterable[Path], target: Path, *, with_default: bool = True, optimize: bool = False
) -> int:
    """Write a persistent store at ``target`` from ``files``; return its triple count.

    Parameters
    ----------
    files : iterable of Path
        RDF files (N-Triples, Turtle, … optionally ``.gz``) to bulk-load.
    target : Path
        The store folder; an existing store there is replaced only once the new one
        is complete.
    with_default : bool
        Include the ontology and the curated data (the default graph of
        :meth:`kg.store.Store.default`).
    optimize : bool
        Compact the store once written (RocksDB compaction, ``pyoxigraph.Store.optimize``):
        about 2 s more for ESCO, after which aggregate queries over all of it run 2-3x
        faster (counts by class 2.2 -> 1.0 s).

    Raises
    ------
    InputFileError
        When a file cannot be parsed.
    """
    from oxrdflib import OxigraphStore
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.importers.join import join

    with atomic_path(Path(target), directory=True) as tmp:
        ox = pyoxigraph.Store(str(tmp))
        if with_default:
            from kg.store import Store

            data = Store.default().graph.serialize(format="nt", encoding="utf-8")
            ox.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
        for path in files:
            fmt = _format(path)
            try:
                if path.name.lower().endswith(".gz"):
                    with gzip.open(path, "rb") as fh:
                        ox.bulk_load(cast(IO[bytes], fh), fmt, to_graph=pyoxigraph.DefaultGraph())
                else:
                    ox.bulk_load(path=str(path), format=fmt, to_graph=pyoxigraph.DefaultGraph())
            except (SyntaxError, ValueError, OSError) as err:
                raise InputFileError(str(path), f"cannot load into the store: {err}") from err
        graph = Graph(store=OxigraphStore(store=ox), identifier=DATASET_DEFAULT_GRAPH_ID)
        join(graph, inplace=True)
        ox.flush()
        if optimize:
            ox.optimize()
        count = len(ox)
        del graph, ox
    return count
