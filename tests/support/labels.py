"""Label indexes built by hand, for the closest-name tests."""

from __future__ import annotations

from rdflib import Graph, URIRef

from kg.names import LabelIndex


def label_index(kind: URIRef, labels: dict[str, list[str]]) -> LabelIndex:
    """An index of nodes of ``kind`` (``urn:x:0``...) with these labels and alt labels."""
    index = LabelIndex(Graph())
    for i, (label, alts) in enumerate(labels.items()):
        node = URIRef(f"urn:x:{i}")
        index.labels[node] = label
        index.types[node].add(kind)
        index.alt[node].extend(alts)
    return index
