"""The Python namespace and the ontology Turtle stay in step."""

from __future__ import annotations

from rdflib import OWL, RDF, Graph, URIRef

from kg.namespace import CKG
from kg.store import ontology_files

DECLARATIONS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.NamedIndividual,
    OWL.AnnotationProperty,
)


def ontology_terms() -> set[str]:
    g = Graph()
    for path in ontology_files():
        g.parse(path)
    ns = str(CKG._NS)
    return {
        str(s)[len(ns) :]
        for kind in DECLARATIONS
        for s in g.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(ns)
    }


def namespace_terms() -> set[str]:
    return {name for name in CKG.__annotations__ if not name.startswith("_")}


def test_every_ontology_term_is_in_the_namespace() -> None:
    missing = ontology_terms() - namespace_terms()
    assert not missing, f"declared in ontology/*.ttl but not in kg.namespace.CKG: {sorted(missing)}"


def test_every_namespace_term_is_declared_in_the_ontology() -> None:
    extra = namespace_terms() - ontology_terms()
    assert not extra, f"in kg.namespace.CKG but not declared in ontology/*.ttl: {sorted(extra)}"


def test_every_term_has_label_and_definition() -> None:
    from rdflib import RDFS
    from rdflib.namespace import SKOS

    g = Graph()
    for path in ontology_files():
        g.parse(path)
    for name in ontology_terms():
        term = CKG[name]
        assert g.value(term, RDFS.label) is not None, f"{name} has no rdfs:label"
        assert g.value(term, SKOS.definition) is not None, f"{name} has no skos:definition"
