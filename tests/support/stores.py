"""Persistent Oxigraph store folders of the embedded graph, for tests of ``--store DIR``."""

from __future__ import annotations

from pathlib import Path

from kg.store import Store


def embedded_store_folder(folder: Path) -> Path:
    """Write the embedded graph (ontology and curated data) into a new store at ``folder``."""
    import pyoxigraph

    nt = Store.default().graph.serialize(format="nt", encoding="utf-8")
    ox = pyoxigraph.Store(str(folder))
    ox.bulk_load(nt, pyoxigraph.RdfFormat.N_TRIPLES)
    ox.flush()
    del ox
    return folder
