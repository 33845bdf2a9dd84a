"""Names a query gets wrong: a SPARQL query over a misspelt term answers nothing.

``?r a ckg:Rol`` or ``skill:pyton ckg:hasPrerequisite ?p`` is valid SPARQL and finds no
rows, with no hint why. :func:`unknown_names` lists the careerkg IRIs a query names
(ontology terms, ``ckg:``, and the graph's own nodes, ``role:``, ``skill:``...) that
neither the ontology defines nor the graph mentions, each with the closest names that
exist, so the CLI and the SPARQL page can say so next to the answer. Terms of the closed
vocabularies rdflib knows (SKOS, RDFS, OWL, DCTERMS, FOAF, PROV, XSD...) are checked the
same way: ``skos:prefLabl``, ``rdfs:lable``.

Examples
--------
>>> from kg.store import Store
>>> unknown_names(Store.default(), "SELECT ?r WHERE { ?r a ckg:Rol }")
['ckg:Rol is not a term of the careerkg ontology (closest: ckg:Role, ckg:toRole, ckg:targetRole)']
>>> unknown_names(Store.default(), "SELECT ?r WHERE { ?r a ckg:Role }")
[]
>>> unknown_names(Store.default(), "SELECT ?l WHERE { ?r rdfs:lable ?l }")
['rdfs:lable is not a term of RDFS (closest: rdfs:label)']
"""

from __future__ import annotations

import functools
import re
from contextlib import suppress
from typing import Any

from rdflib import URIRef

from kg.errors import KGError
from kg.namespace import BASE, CKF, CKG, PREFIXES
from kg.store import Store

__all__ = ["unknown_names"]

_ONTOLOGY = str(CKG._NS)
_FUNCTIONS = str(CKF)
_TERMS = {URIRef(_ONTOLOGY + name) for name in CKG.__annotations__}


def _short(iri: str) -> str:
    """``iri`` as a careerkg prefixed name where one fits (``skill:python``)."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        local = iri[len(ns) :]
        if iri.startswith(ns) and local and "/" not in local and "#" not in local:
            return f"{prefix}:{local}"
    return f"<{iri}>"


def _mentioned(store: Store, iri: URIRef) -> bool:
    """Whether the graph has a triple with ``iri`` in any position (three look-ups)."""
    g = store.graph
    return any(next(iter(g.triples(pattern)), None) is not None for pattern in _patterns(iri))


def _patterns(iri: URIRef) -> list[tuple[Any, Any, Any]]:
    return [(iri, None, None), (None, iri, None), (None, None, iri)]


def _extensions() -> frozenset[URIRef]:
    """careerkg's ``ckf:`` terms: the learning-path predicates and the functions. They
    are answered by the query engine, never stored in the graph."""
    from kg.sparql.paths import FUNCTIONS, MAGIC

    return frozenset((*MAGIC, *FUNCTIONS))


def _closest(store: Store, iri: str) -> list[str]:
    """The names that exist closest to ``iri``: ontology terms for a ``ckg:`` term,
    extensions for a ``ckf:`` one, the graph's labelled nodes of the same namespace
    (``skill:``...) otherwise."""
    from kg.names import LabelIndex, closest_labels

    first: list[URIRef] = []
    if iri.startswith(_ONTOLOGY):
        ns, nodes = _ONTOLOGY, _TERMS
    elif iri.startswith(_FUNCTIONS):
        ns, nodes = _FUNCTIONS, set(_extensions())
    else:
        ns = iri.rsplit("/", 1)[0] + "/"
        index = LabelIndex.of(store)
        nodes = {n for n in index.labels if n.startswith(ns)}
        with suppress(KGError):  # the slug's words as a label or alt label: role:ml-engineer
            named = index.resolve(_words(iri[len(ns) :]))
            first = [named] if named in nodes else []
    # local names compared, their words apart (the shared prefix would make all alike)
    words = {n: _words(n[len(ns) :]) for n in sorted(nodes)}
    by_words = {w: n for n, w in sorted(words.items(), reverse=True)}
    near = first + [by_words[w] for w in closest_labels(_words(iri[len(ns) :]), words, n=3)]
    return [_short(n) for n in dict.fromkeys(near)][:3]


def _words(local: str) -> str:
    """The words of a local name: ``ml-engineer``, ``requiresSkill`` -> ``ml engineer``, ``requires Skill``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local.replace("-", " ").replace("_", " "))


@functools.cache
def _vocabularies() -> dict[str, tuple[str, str, frozenset[str]]]:
    """The closed vocabularies rdflib lists every term of (SKOS, RDFS, OWL, DCTERMS,
    FOAF, PROV, XSD...): namespace -> (its name, the prefix a query gives it, its terms).

    Examples
    --------
    >>> name, prefix, terms = _vocabularies()["http://www.w3.org/2004/02/skos/core#"]
    >>> name, prefix, "prefLabel" in terms
    ('SKOS', 'skos', True)
    """
    import rdflib.namespace
    from rdflib import Graph
    from rdflib.namespace import DefinedNamespace

    prefixes = {str(ns): p for p, ns in Graph(bind_namespaces="rdflib").namespaces()}
    prefixes.update({ns: p for p, ns in PREFIXES.items()})
    out = {}
    for name in dir(rdflib.namespace):
        vocab = getattr(rdflib.namespace, name)
        if not (isinstance(vocab, type) and issubclass(vocab, DefinedNamespace)) or vocab is DefinedNamespace:
            continue
        ns = str(vocab._NS)
        # the vocabularies rdflib holds closed (an unknown term raises), and XSD's datatypes
        if ns in prefixes and (vocab._fail or name == "XSD"):
            terms = {t for t in getattr(vocab, "__annotations__", {}) if not t.startswith("_")}
            out[ns] = (name, prefixes[ns], frozenset(terms | set(getattr(vocab, "_extras", ()))))
    return out


def _vocabulary_note(store: Store, iri: str) -> str | None:
    """A note when ``iri`` is in a closed vocabulary (:func:`_vocabularies`) that does not
    define it and the graph does not use it: ``skos:prefLabl``, ``rdfs:lable``."""
    from kg.names import closest_labels

    ns = next((ns for ns in _vocabularies() if iri.startswith(ns)), None)
    if ns is None:
        return None
    name, prefix, terms = _vocabularies()[ns]
    local = iri[len(ns) :]
    if local in terms or re.fullmatch(r"_\d+", local) or _mentioned(store, URIRef(iri)):
        return None  # rdf:_1... are the container members, one for every number
    words = {t: _words(t) for t in sorted(terms)}
    by_words = {w: t for t, w in sorted(words.items(), reverse=True)}
    near = [f"{prefix}:{by_words[w]}" for w in closest_labels(_words(local), words, n=3)]
    return f"{prefix}:{local} is not a term of {name}" + (f" (closest: {', '.join(near)})" if near else "")


def unknown_names(store: Store, text: str) -> list[str]:
    """One note for each careerkg IRI the query ``text`` names that neither the
    ontology defines nor the graph mentions, with the closest existing names.

    A query that does not parse has no notes (its error says what is wrong).

    Parameters
    ----------
    store : kg.store.Store
        The graph queried.
    text : str
        The query, with careerkg's prefixes predeclared.

    Returns
    -------
    list of str
        The notes, in the order of the IRIs' names.

    Examples
    --------
    >>> from kg.store import Store
    >>> unknown_names(Store.default(), "ASK { skill:pyton ckg:hasPrerequisite ?p }")
    ['skill:pyton is not in the graph (closest: skill:python)']
    """
    from kg.sparql.engine import parse_cached
    from kg.sparql.native import query_iris

    try:
        query = parse_cached(text)
    except KGError:
        return []
    notes = []
    for iri in sorted(query_iris(query)):
        if not iri.startswith(BASE):  # a term of SKOS, RDFS, ... misspelt: skos:prefLabl
            note = _vocabulary_note(store, str(iri))
            notes += [note] if note else []
            continue
        if iri in _TERMS or iri in _extensions() or _mentioned(store, iri):
            continue
        near = _closest(store, str(iri))
        what = (
            "not a term of the careerkg ontology"
            if iri.startswith(_ONTOLOGY)
            else "not a careerkg extension"
            if iri.startswith(_FUNCTIONS)
            else "not in the graph"
        )
        notes.append(f"{_short(iri)} is {what}" + (f" (closest: {', '.join(near)})" if near else ""))
    return notes + _arity_notes(query)


def _arity_notes(query: Any) -> list[str]:
    """A note for each call of a ``ckf:`` function with other than its two arguments: a
    call that fails is unbound in SPARQL, and answered nothing, silently.

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> _arity_notes(parse_query("SELECT ?h WHERE { BIND(ckf:pathHours(role:data-scientist) AS ?h) }"))
    ['ckf:pathHours takes two arguments, the source role and the target role (given 1), and answers nothing otherwise']
    """
    from kg.sparql.engine import walk
    from kg.sparql.paths import FUNCTIONS

    notes = []
    for node in walk(query.algebra):
        if getattr(node, "name", None) == "Function" and node.get("iri") in FUNCTIONS:
            # (a CompValue's get() answers the key's own name when it is missing: f())
            given = len(node["expr"]) if "expr" in node and isinstance(node["expr"], list) else 0
            if given != 2:
                notes.append(
                    f"{_short(node['iri'])} takes two arguments, the source role and the target role "
                    f"(given {given}), and answers nothing otherwise"
                )
    return sorted(set(notes))
