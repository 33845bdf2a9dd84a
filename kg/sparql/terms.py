"""Oxigraph terms as rdflib terms, and as plain data between processes.

Native SPARQL answers (:mod:`kg.sparql.native`) come from ``pyoxigraph`` as its own
term objects; the rest of careerkg (result formats, the answer cache, the app) works
with rdflib terms. Building an rdflib :class:`~rdflib.term.Literal` is the costly part
(it checks and casts its lexical form: ~5 µs, against ~0.1 µs for a dictionary look-up),
and a served graph keeps returning the same labels and IRIs, so each process remembers
the conversions it made, up to :data:`KEPT` terms (forgotten all at once when full: no
bookkeeping on the hot path).

Answers computed in another process (the query processes of :mod:`kg.sparql.bounded`,
the resident engine of :mod:`kg.sparql.resident`) cross a pipe or socket as *plain
terms*: an IRI is its string, a literal ``(lexical, "@lang")`` or ``(lexical,
datatype IRI)``, a blank node ``(id,)``. Those pickle ~10x faster than rdflib terms
(which are rebuilt, checks and all, when unpickled) and are converted once per distinct
term on arrival.

Examples
--------
>>> import pyoxigraph as ox
>>> plain(ox.Literal("deep learning", language="en"))
('deep learning', '@en')
>>> plain(ox.Literal("40", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
('40', 'http://www.w3.org/2001/XMLSchema#integer')
>>> from_plain(('deep learning', '@en')) == from_oxigraph(ox.Literal("deep learning", language="en"))
True
>>> from_plain("https://w3id.org/careerkg/role/ml-engineer")
rdflib.term.URIRef('https://w3id.org/careerkg/role/ml-engineer')
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg.errors import QueryRejected
from kg.store import literal_as_written

__all__ = ["KEPT", "PlainTerm", "from_oxigraph", "from_plain", "plain"]

PlainTerm = str | tuple[str] | tuple[str, str] | None
"""A term as plain data: IRI string, ``(lexical, "@lang" | datatype)``, ``(bnode id,)``."""

KEPT = 16_384
"""Conversions each process remembers (per direction); a few MiB at most."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

_from_oxigraph: dict[Any, Identifier] = {}
_from_plain: dict[Any, Identifier] = {}


def plain(term: Any) -> PlainTerm:
    """The ``pyoxigraph`` term ``term`` (or ``None``) as plain data.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> plain(ox.NamedNode("http://example.org/a")), plain(ox.BlankNode("b1")), plain(None)
    ('http://example.org/a', ('b1',), None)
    >>> plain(ox.Literal("x"))
    ('x', 'http://www.w3.org/2001/XMLSchema#string')
    """
    return None if term is None else _plain(term)


def _plain(term: Any) -> str | tuple[str] | tuple[str, str]:
    import pyoxigraph as ox

    kind = type(term)
    if kind is ox.NamedNode:
        return str(term.value)
    if kind is ox.Literal:
        if term.language:
            return (term.value, "@" + term.language)
        return (term.value, term.datatype.value)
    if kind is ox.BlankNode:
        return (term.value,)
    raise QueryRejected(f"the query returned an RDF-star triple term ({term}); careerkg has none", 400)


def _build(value: str | tuple[str] | tuple[str, str]) -> Identifier:
    if isinstance(value, str):
        return URIRef(value)
    if len(value) == 1:
        return BNode(value[0])
    lexical, tag = value  # type: ignore[misc]
    if tag.startswith("@"):
        return Literal(lexical, lang=tag[1:])
    if tag == _XSD_STRING:
        return Literal(lexical)
    return literal_as_written(lexical, None, URIRef(tag))  # an ill-typed value as written


def from_plain(value: PlainTerm) -> Identifier | None:
    """The rdflib term a :func:`plain` term stands for (``None`` stays ``None``).

    Examples
    --------
    >>> from_plain(("1", "http://www.w3.org/2001/XMLSchema#integer")).toPython()
    1
    >>> from_plain(("b1",))
    rdflib.term.BNode('b1')
    >>> from_plain(None) is None
    True
    """
    if value is None:
        return None
    term = _from_plain.get(value)
    if term is None:
        term = _build(value)
        if len(_from_plain) >= KEPT:
            _from_plain.clear()
        _from_plain[value] = term
    return term


def from_oxigraph(term: Any) -> Identifier | None:
    """The rdflib term for the ``pyoxigraph`` term ``term`` (``None`` stays ``None``).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> from_oxigraph(ox.Literal("Python", language="en"))
    rdflib.term.Literal('Python', lang='en')
    >>> from_oxigraph(ox.NamedNode("http://example.org/a")) is from_oxigraph(ox.NamedNode("http://example.org/a"))
    True
    """
    if term is None:
        return None
    converted = _from_oxigraph.get(term)
    if converted is None:
        converted = _build(_plain(term))
        if len(_from_oxigraph) >= KEPT:
            _from_oxigraph.clear()
        _from_oxigraph[term] = converted
    return converted
