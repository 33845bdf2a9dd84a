"""The attribution statements of the sources in a graph, for about boxes and exports.

Examples
--------
>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
... @prefix dcterms: <http://purl.org/dc/terms/> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <urn:src> a ckg:SourceDocument ; rdfs:label "ESCO v1.1.1" ;
...     dcterms:rights "This service uses an adapted version of ESCO." ;
...     dcterms:license <http://data.europa.eu/eli/dec/2011/833/oj> .
... ''')
>>> attributions(g)
[Attribution(source='urn:src', title='ESCO v1.1.1', rights='This service uses an adapted version of ESCO.', license='http://data.europa.eu/eli/dec/2011/833/oj')]
"""

from __future__ import annotations

from typing import NamedTuple

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS

from kg.namespace import CKG

__all__ = ["Attribution", "attributions"]


class Attribution(NamedTuple):
    """One source's statement: who to credit and under which licence."""

    source: str
    title: str
    rights: str
    license: str


def attributions(graph: Graph) -> list[Attribution]:
    """Every ``ckg:SourceDocument`` in ``graph`` that carries ``dcterms:rights``, sorted by title."""
    out = []
    for src in graph.subjects(RDF.type, CKG.SourceDocument):
        if not isinstance(src, URIRef):
            continue
        rights = graph.value(src, DCTERMS.rights)
        if rights is None:
            continue
        title = graph.value(src, RDFS.label) or graph.value(src, DCTERMS.title) or src
        licence = graph.value(src, DCTERMS.license)
        out.append(Attribution(str(src), str(title), str(rights), str(licence or "")))
    return sorted(out, key=lambda a: (a.title, a.source))
