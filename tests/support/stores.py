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


def with_unladdered_roles(folder: Path, n: int) -> Store:
    """The embedded graph with ``n`` roles on no career step ("occupation 0"...), as an
    imported taxonomy adds thousands; their Turtle is written in ``folder``."""
    extra = folder / "occupations.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        + "".join(
            f'<urn:x:occupation-{i}> a ckg:Role ; skos:prefLabel "occupation {i}"@en .\n' for i in range(n)
        ),
        encoding="utf-8",
    )
    return Store.default(extra=[extra])
