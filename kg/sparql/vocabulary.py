"""Names a query gets wrong: a SPARQL query over a misspelt term answers nothing.

``?r a ckg:Rol`` or ``skill:pyton ckg:hasPrerequisite ?p`` is valid SPARQL and finds no
rows, with no hint why. :func:`unknown_names` lists the careerkg IRIs a query names
(ontology terms, ``ckg:``, and the graph's own nodes, ``role:``, ``skill:``...) that
neither the ontology defines nor the graph mentions, each with the closest names that
exist, so the CLI and the SPARQL page can say so next to the answer. Terms of the closed
vocabularies rdflib knows (SKOS, RDFS, OWL, DCTERMS, FOAF, PROV, XSD...) are checked the
same way: ``skos:prefLabl``, ``rdfs:lable``. So are the strings a query matches: a
label written without its language tag (``"Data Scientist"``, where the graph holds
``"Data Scientist"@en``) or in other letter case matches nothing.

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

from rdflib import Literal, URIRef, Variable
from rdflib.namespace import XSD

from kg.errors import KGError
from kg.namespace import BASE, CKF, CKG, PREFIXES, short_name
from kg.store import Store

__all__ = ["unknown_names"]

_ONTOLOGY = str(CKG._NS)
_FUNCTIONS = str(CKF)
_TERMS = {URIRef(_ONTOLOGY + name) for name in CKG.__annotations__}


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
    return [short_name(n) for n in dict.fromkeys(near)][:3]


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
        notes.append(f"{short_name(iri)} is {what}" + (f" (closest: {', '.join(near)})" if near else ""))
    return notes + _literal_notes(store, query) + _arity_notes(query) + _unbound_selected(query)


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
                    f"{short_name(node['iri'])} takes two arguments, the source role and the target role "
                    f"(given {given}), and answers nothing otherwise"
                )
    return sorted(set(notes))


def _compared_strings(query: Any) -> list[tuple[Literal, URIRef | None]]:
    """The strings ``query`` matches stored values against, each with the predicate it is
    matched through when there is one: a triple pattern's object, a VALUES entry, and a
    bare variable's ``=``, ``!=``, ``IN`` or ``sameTerm`` operand (a string compared with
    what a function answers, ``LCASE(?l) = "x"``, is not a stored value).

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> q = parse_query('''SELECT ?r WHERE { ?r rdfs:label "A" ; ckg:level 3 .
    ...   FILTER(?l = "B" || LCASE(?l) = "c" || CONTAINS(?l, "d")) }''')
    >>> [(str(lit), pred and pred.fragment) for lit, pred in _compared_strings(q)]
    [('A', 'label'), ('B', None)]
    >>> _compared_strings(parse_query("SELECT ?l WHERE { ?r rdfs:label ?l FILTER(?l NOT IN ()) }"))
    []
    """
    from kg.sparql.engine import walk

    found: list[tuple[Literal, URIRef | None]] = []
    for node in walk(query.algebra):
        name = getattr(node, "name", None)
        if name == "BGP":
            found += [(o, p if isinstance(p, URIRef) else None) for _s, p, o in node["triples"]]
        elif name == "values":
            found += [(term, None) for row in node["res"] for term in row.values()]
        elif name == "RelationalExpression" and node["op"] in ("=", "!=", "IN", "NOT IN"):
            sides = [node["expr"], *(node["other"] if isinstance(node["other"], list) else [node["other"]])]
            if any(isinstance(side, Variable) for side in sides):  # (IN () has no other side)
                found += [(side, None) for side in sides]
        elif name == "Builtin_sameTerm" and Variable in (type(node["arg1"]), type(node["arg2"])):
            found += [(node["arg1"], None), (node["arg2"], None)]
    strings = [
        (lit, pred)
        for lit, pred in found
        if isinstance(lit, Literal) and (lit.language or lit.datatype in (None, XSD.string))
    ]
    return sorted(set(strings), key=lambda lp: (str(lp[0]), lp[0].language or "", str(lp[1] or "")))


def _literal_notes(store: Store, query: Any) -> list[str]:
    """A note for each string ``query`` matches that no triple holds where a label in
    another form is held: without its language tag, or in other letter case.

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> store = Store.default()
    >>> print(*_literal_notes(store, parse_query('SELECT ?r WHERE { ?r skos:prefLabel "Data Scientist" }')))
    skos:prefLabel "Data Scientist" is in no triple, skos:prefLabel "Data Scientist"@en is: a string without a language tag never equals one with a tag (write the tag, or compare STR(?label) with the string)
    >>> print(*_literal_notes(store, parse_query('SELECT ?r WHERE { ?r rdfs:label "data scientist"@en }')))
    rdfs:label "data scientist"@en is in no triple (closest: skos:prefLabel "Data Scientist"@en)
    >>> print(*_literal_notes(store, parse_query('SELECT ?r WHERE { ?r ?p ?l FILTER(?l = "SQL") }')))
    "SQL" is in no triple, "SQL"@en is: a string without a language tag never equals one with a tag (write the tag, or compare STR(?label) with the string)
    >>> _literal_notes(store, parse_query('SELECT ?r WHERE { ?r skos:prefLabel "Data Scientist"@en }'))
    []
    """
    from kg.names import LABEL_PREDICATES, LabelIndex, normalise

    g = store.graph
    notes = []
    for lit, pred in _compared_strings(query):
        if next(iter(g.triples((None, pred, lit))), None) is not None:
            continue
        held: set[tuple[URIRef, Literal]] = set()
        if pred is not None and pred not in LABEL_PREDICATES:  # not a label: its English form alone
            english = Literal(str(lit), lang="en")
            held |= {(pred, english)} if not lit.language and (None, pred, english) in g else set()
        else:  # a label of a role, skill, ... in another form, or under another label predicate
            want = normalise(str(lit))
            for node in sorted(LabelIndex.of(store).by_name.get(want, ()))[:5]:
                held |= {
                    (p, o)
                    for p in LABEL_PREDICATES
                    for o in g.objects(node, p)
                    if isinstance(o, Literal) and normalise(str(o)) == want
                }
        if not held:
            continue
        forms = sorted({_said(pred and p, o) for p, o in held})
        if not lit.language and all(str(o) == str(lit) and pred in (None, p) for p, o in held):
            notes.append(
                f"{_said(pred, lit)} is in no triple, {', '.join(forms[:3])} {'is' if len(forms) == 1 else 'are'}: "
                "a string without a language tag never equals one with a tag (write the tag, or compare "
                "STR(?label) with the string)"
            )
        else:
            notes.append(f"{_said(pred, lit)} is in no triple (closest: {', '.join(forms[:3])})")
    return notes


def _said(p: URIRef | None, o: Literal) -> str:
    """A value as a note quotes it, after its predicate when there is one: ``skos:prefLabel "SQL"@en``."""
    return f"{short_name(p)} {o.n3()}" if p is not None else o.n3()


def _unbound_selected(query: Any) -> list[str]:
    """A note for each variable a SELECT (or DESCRIBE) names that nothing in the query
    gives a value (``SELECT ?role WHERE { ?r a ckg:Role }``): every row has it empty.

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> text = "SELECT ?role ?label WHERE { ?r a ckg:Role ; skos:prefLabel ?label }"
    >>> _unbound_selected(parse_query(text))
    ['?role is selected but nothing in the query gives it a value, so every row has it empty (closest: ?r)']
    >>> text = "SELECT ?lable WHERE { ?r skos:prefLabel ?label }"
    >>> _unbound_selected(parse_query(text))[0].endswith("(closest: ?label)")
    True
    >>> text = "SELECT ?x ?n WHERE { VALUES ?x { 1 } BIND(2 AS ?n) }"
    >>> _unbound_selected(parse_query(text))
    []

    A subquery gives the outer query only the variables it selects:

    >>> text = "SELECT ?name WHERE { { SELECT ?r WHERE { ?r skos:prefLabel ?name } } }"
    >>> _unbound_selected(parse_query(text))[0].startswith("?name is selected but nothing")
    True
    """
    import difflib

    project = query.algebra
    while getattr(project, "name", None) not in ("Project", None) and "p" in project:
        project = project["p"]
    if getattr(project, "name", None) != "Project":
        return []
    bound = {v for v in _bindable(project["p"]) if not v.startswith("__")}
    notes = []
    for var in map(str, project["PV"]):
        if var in bound:
            continue
        # a shortened name first (?r for ?role), then a misspelt one (?lable for ?label)
        near = [v for v in sorted(bound) if var.startswith(v) or v.startswith(var)][:2]
        near = near or difflib.get_close_matches(var, sorted(bound), n=2, cutoff=0.6)
        hint = (
            f" (closest: {', '.join('?' + v for v in near)})"
            if near
            else f" (the query's variables: {', '.join('?' + v for v in sorted(bound)[:6])})"
            if bound
            else ""
        )
        what = (
            "is to be described but nothing in the query gives it a value, so nothing is described for it"
            if query.algebra.name == "DescribeQuery"
            else "is selected but nothing in the query gives it a value, so every row has it empty"
        )
        notes.append(f"?{var} {what}{hint}")
    return notes


_PASSED_ON = ("ToMultiSet", "Distinct", "Reduced", "Slice", "OrderBy", "Group", "Filter")


def _bindable(node: Any) -> set[str]:
    """The names of the variables a solution of the algebra ``node`` can have a value
    for (SPARQL's in-scope variables): a subquery's are those it selects; a FILTER's
    EXISTS pattern and a MINUS's right side give none. A kind of node not listed here
    counts every variable written in it, so a note is never made on a guess.

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> def scope(text):
    ...     return sorted(_bindable(parse_query(text).algebra["p"]["p"]))
    >>> scope("SELECT * WHERE { ?s ?p ?o MINUS { ?s ?q ?x } FILTER NOT EXISTS { ?s ?r ?y } }")
    ['o', 'p', 's']
    >>> scope("SELECT * WHERE { { SELECT ?r WHERE { ?r ?p ?name } } BIND(1 AS ?one) } VALUES ?v { 1 }")
    ['one', 'r', 'v']
    >>> scope("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } OPTIONAL { ?s ?q ?x } }")
    ['g', 'o', 'p', 'q', 's', 'x']
    """
    from kg.sparql.engine import walk

    name = getattr(node, "name", None)
    if name == "BGP":
        return {str(term) for triple in node["triples"] for term in triple if isinstance(term, Variable)}
    if name == "Project":
        return {str(v) for v in node["PV"]}
    if name == "values":
        return {str(v) for row in node["res"] for v in row}
    if name in ("Join", "LeftJoin", "Union"):
        return _bindable(node["p1"]) | _bindable(node["p2"])
    if name == "Minus":
        return _bindable(node["p1"])
    if name == "Extend":
        return _bindable(node["p"]) | {str(node["var"])}
    if name == "Graph":
        term = node["term"]
        return _bindable(node["p"]) | ({str(term)} if isinstance(term, Variable) else set())
    if name == "AggregateJoin":
        return _bindable(node["p"]) | {str(a["res"]) for a in node["A"]}
    if name in _PASSED_ON:
        return _bindable(node["p"])
    return {str(item) for item in walk(node) if isinstance(item, Variable)}
