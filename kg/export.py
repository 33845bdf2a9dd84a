"""Exporting the graph: RDF serialisations, GraphML of the projection, CSV of triples.

Formats: ``ttl``, ``nt``, ``jsonld`` (RDF, lossless), ``graphml`` (the typed NetworkX
projection: nodes with type/label/hours, edges keyed by relation) and ``csv`` (one row
per triple, with the object's kind, datatype and language so it reads back losslessly).

Examples
--------
>>> from kg.store import Store
>>> text = export_text(Store.default(), "nt")
>>> text.count("\\n") == len(Store.default().graph)
True
"""

from __future__ import annotations

import csv
import io
from typing import Any

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputFileError
from kg.namespace import PREFIXES
from kg.store import Store, new_graph

__all__ = ["FORMATS", "export_text", "graph_from_csv", "graphml_text", "read_graphml"]

FORMATS: dict[str, str] = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "csv": "text/csv",
}

CSV_COLUMNS = ("subject", "predicate", "object", "object_kind", "datatype", "lang")


def _term_id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def triples_csv(graph: Graph) -> str:
    """One CSV row per triple, sorted, with ``object_kind`` ∈ {iri, bnode, literal}.

    Examples
    --------
    >>> g = Graph(); _ = g.add((URIRef("urn:s"), URIRef("urn:p"), Literal("x", lang="en")))
    >>> print(triples_csv(g).strip())
    subject,predicate,object,object_kind,datatype,lang
    urn:s,urn:p,x,literal,,en
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows = []
    for s, p, o in graph:
        if isinstance(o, Literal):
            rows.append(
                (
                    _term_id(s),
                    str(p),
                    str(o),
                    "literal",
                    str(o.datatype) if o.datatype else "",
                    o.language or "",
                )
            )
        else:
            rows.append(
                (_term_id(s), str(p), _term_id(o), "bnode" if isinstance(o, BNode) else "iri", "", "")
            )
    writer.writerows(sorted(rows))
    return out.getvalue()


def graph_from_csv(text: str, source: str = "<csv>") -> Graph:
    """Read a triples CSV written by :func:`triples_csv` back into a graph."""
    g = new_graph()
    reader = csv.DictReader(io.StringIO(text))
    missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise InputFileError(source, f"missing column(s) {sorted(missing)}; expected {list(CSV_COLUMNS)}", 1)

    def term(value: str) -> URIRef | BNode:
        return BNode(value[2:]) if value.startswith("_:") else URIRef(value)

    for line, row in enumerate(reader, start=2):
        kind = row["object_kind"]
        obj: Node
        if kind == "literal":
            obj = Literal(
                row["object"],
                lang=row["lang"] or None,
                datatype=URIRef(row["datatype"]) if row["datatype"] else None,
            )
        elif kind in ("iri", "bnode"):
            obj = term(row["object"])
        else:
            raise InputFileError(source, f"object_kind must be iri, bnode or literal, not {kind!r}", line)
        g.add((term(row["subject"]), URIRef(row["predicate"]), obj))
    return g


def _graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with string node ids and only GraphML-typed attribute values."""

    def clean(attrs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in attrs.items():
            if v is None:
                continue
            out[k] = v if isinstance(v, bool | int | float | str) and not isinstance(v, URIRef) else str(v)
        return out

    H: nx.MultiDiGraph = nx.MultiDiGraph()
    for n, attrs in G.nodes(data=True):
        H.add_node(str(n), **clean(attrs))
    for u, v, k, attrs in G.edges(keys=True, data=True):
        H.add_edge(str(u), str(v), key=str(k), relation=str(k), **clean(attrs))
    return H


def graphml_text(store: Store) -> str:
    """GraphML of the store's NetworkX projection."""
    from kg.project import projection

    return "\n".join(nx.generate_graphml(_graphml_ready(projection(store))))


def read_graphml(text: str) -> nx.MultiDiGraph:
    """Read GraphML written by :func:`graphml_text` (edge keys are the relations)."""
    G = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    return G  # type: ignore[no-any-return]


def export_text(store: Store, fmt: str) -> str:
    """Serialise ``store`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "graphml":
        return graphml_text(store)
    if fmt == "csv":
        return triples_csv(store.graph)
    if fmt == "jsonld":
        context = dict(PREFIXES.items())
        return store.graph.serialize(format="json-ld", context=context, indent=1)
    if fmt in ("ttl", "nt"):
        return store.graph.serialize(format="turtle" if fmt == "ttl" else "nt")
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
