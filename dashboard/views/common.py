"""Helpers shared by the page views: shareable names of nodes."""

from __future__ import annotations

from kg.errors import UnknownEntity
from kg.explore import resolve
from kg.names import LabelIndex
from kg.store import Store

__all__ = ["share_name"]


def share_name(store: Store, iri: str) -> str:
    """The name to put in a URL for ``iri``: its label when the label finds the same
    node again, else its prefixed name (``skill:python``), else the IRI."""
    index = LabelIndex.of(store)
    from rdflib import URIRef

    label = index.labels.get(URIRef(iri))
    if label:
        try:
            if resolve(store, label) == iri:
                return label
        except UnknownEntity:
            pass
    try:
        return URIRef(iri).n3(store.graph.namespace_manager).strip("<>")
    except Exception:  # an IRI that cannot be abbreviated
        return iri
