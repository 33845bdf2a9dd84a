"""Result formats of SPARQL answers, and content negotiation between them.

One small class per format, registered under a short name and a media type in
:data:`FORMATS`. :data:`NEGOTIATION` is the one table mapping ``Accept`` media types
to format names per result kind (``bindings`` for SELECT, ``boolean`` for ASK,
``graph`` for CONSTRUCT/DESCRIBE); :func:`negotiate` applies it and :func:`for_name`
maps the CLI's ``--format`` names.

Examples
--------
>>> from kg.sparql.engine import QueryResult
>>> from rdflib import URIRef, Literal
>>> res = QueryResult("SELECT", ["s", "n"], [(URIRef("urn:x"), Literal(3))])
>>> FORMATS["csv"].serialize(res).decode().splitlines()
['s,n', 'urn:x,3']
>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "bindings").name
'xml'
>>> negotiate(None, "graph").media_type
'text/turtle'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Identifier

from kg.errors import QueryRejected
from kg.namespace import PREFIXES
from kg.sparql.engine import QueryResult

__all__ = [
    "CLI_FORMATS",
    "DEFAULTS",
    "FORMATS",
    "HTML_TYPES",
    "NEGOTIATION",
    "PREFERENCE",
    "CSVFormat",
    "GraphFormat",
    "JSONFormat",
    "NotAcceptable",
    "ResultFormat",
    "TSVFormat",
    "TableFormat",
    "XMLFormat",
    "for_name",
    "malformed_ranges",
    "negotiate",
    "parse_accept",
    "prefers_html",
    "refused_types",
    "register",
]


class NotAcceptable(QueryRejected):
    """No result format offered matches the request's ``Accept`` header (HTTP 406)."""

    def __init__(self, accept: str, offered: Iterable[str]) -> None:
        malformed = malformed_ranges(accept)
        why = f" ({'; '.join(malformed)})" if malformed else ""
        super().__init__(
            f"cannot answer in any of the accepted media types ({accept}){why}; "
            "this result is available as " + ", ".join(offered),
            status=406,
        )


class ResultFormat:
    """A serialiser of query results: ``name``, ``media_type`` and result ``kinds``."""

    name: str
    media_type: str
    kinds: frozenset[str] = frozenset({"bindings", "boolean"})

    def serialize(self, result: QueryResult) -> bytes:
        raise NotImplementedError

    @property
    def content_type(self) -> str:
        """``media_type`` with the UTF-8 charset where it is text."""
        return f"{self.media_type}; charset=utf-8"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.media_type}>"


FORMATS: dict[str, ResultFormat] = {}
"""Every result format, by short name."""


def register(fmt: ResultFormat) -> ResultFormat:
    """Add ``fmt`` to :data:`FORMATS` under its name."""
    FORMATS[fmt.name] = fmt
    return fmt


# ---------------------------------------------------------------- bindings / boolean


class JSONFormat(ResultFormat):
    """SPARQL 1.1 Query Results JSON (``application/sparql-results+json``)."""

    name = "json"
    media_type = "application/sparql-results+json"

    @staticmethod
    def term(node: Identifier) -> dict[str, str]:
        if isinstance(node, URIRef):
            return {"type": "uri", "value": str(node)}
        if isinstance(node, BNode):
            return {"type": "bnode", "value": str(node)}
        assert isinstance(node, Literal)
        out = {"type": "literal", "value": str(node)}
        if node.language:
            out["xml:lang"] = node.language
        elif node.datatype:
            out["datatype"] = str(node.datatype)
        return out

    def serialize(self, result: QueryResult) -> bytes:
        """One result a line, each term encoded once (by :mod:`json`'s C encoder: with
        ``indent`` it falls back to Python, 3.5 s instead of 0.6 s for 100,000 rows).

        Examples
        --------
        >>> res = QueryResult("SELECT", ["s", "n"], [(URIRef("urn:x"), Literal(3)), (URIRef("urn:x"), None)])
        >>> print(JSONFormat().serialize(res).decode())
        {"head": {"vars": ["s", "n"]},
         "results": {"bindings": [
          {"s": {"type": "uri", "value": "urn:x"}, "n": {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
          {"s": {"type": "uri", "value": "urn:x"}}
         ]}}
        <BLANKLINE>
        """
        encode = json.JSONEncoder(ensure_ascii=False).encode
        if result.kind == "boolean":
            return (encode({"head": {}, "boolean": bool(result.boolean)}) + "\n").encode()
        keys = [encode(v) + ": " for v in result.variables]
        encoded: dict[Any, str] = {}

        def cell(term: Identifier) -> str:
            # a literal by its exact text: rdflib finds "1" and "true" (booleans) equal
            key = (term, str(term), term.language) if isinstance(term, Literal) else term
            text = encoded.get(key)
            if text is None:
                text = encoded[key] = encode(self.term(term))
            return text

        rows = [
            "{" + ", ".join(key + cell(t) for key, t in zip(keys, row, strict=True) if t is not None) + "}"
            for row in result.rows
        ]
        bindings = "[\n  " + ",\n  ".join(rows) + "\n ]" if rows else "[]"
        head = encode({"vars": result.variables})
        return f'{{"head": {head},\n "results": {{"bindings": {bindings}}}}}\n'.encode()


_XML_TEXT = {"\r": "&#13;"}


class XMLFormat(ResultFormat):
    """SPARQL Query Results XML (``application/sparql-results+xml``)."""

    name = "xml"
    media_type = "application/sparql-results+xml"

    @staticmethod
    def term(node: Identifier) -> str:
        if isinstance(node, URIRef):
            return f"<uri>{escape(str(node))}</uri>"
        if isinstance(node, BNode):
            return f"<bnode>{escape(str(node))}</bnode>"
        assert isinstance(node, Literal)
        attr = ""
        if node.language:
            attr = f" xml:lang={quoteattr(node.language)}"
        elif node.datatype:
            attr = f" datatype={quoteattr(str(node.datatype))}"
        # a raw CR would reach the reader as LF (XML end-of-line handling): write it as &#13;
        return f"<literal{attr}>{escape(str(node), _XML_TEXT)}</literal>"

    def serialize(self, result: QueryResult) -> bytes:
        out = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        ]
        if result.kind == "boolean":
            out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
        else:
            out.append(
                "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>"
            )
            out.append("<results>")
            for row in result.rows:
                cells = "".join(
                    f"<binding name={quoteattr(v)}>{self.term(t)}</binding>"
                    for v, t in zip(result.variables, row, strict=True)
                    if t is not None
                )
                out.append(f"<result>{cells}</result>")
            out.append("</results>")
        out.append("</sparql>")
        return ("\n".join(out) + "\n").encode()


def _boolean_rows(result: QueryResult) -> tuple[list[str], list[tuple[Identifier | None, ...]]]:
    if result.kind == "boolean":  # no standard: a one-cell table, as Jena writes it
        return ["_askResult"], [(Literal(bool(result.boolean)),)]
    return result.variables, result.rows


class CSVFormat(ResultFormat):
    """SPARQL 1.1 Query Results CSV (``text/csv``): plain values, no types."""

    name = "csv"
    media_type = "text/csv"

    def serialize(self, result: QueryResult) -> bytes:
        variables, rows = _boolean_rows(result)
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(variables)
        for row in rows:
            writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
        return buf.getvalue().encode()


def _nt(node: Identifier) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    assert isinstance(node, Literal)
    text = str(node).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if node.language:
        return f'"{text}"@{node.language}'
    if node.datatype:
        return f'"{text}"^^<{node.datatype}>'
    return f'"{text}"'


class TSVFormat(ResultFormat):
    """SPARQL 1.1 Query Results TSV (``text/tab-separated-values``): terms in N-Triples syntax."""

    name = "tsv"
    media_type = "text/tab-separated-values"

    def serialize(self, result: QueryResult) -> bytes:
        """The header names variables as ``?name``; an ASK answer is ``?_askResult`` and a bare
        ``true`` / ``false`` (Turtle syntax), as Jena writes it, so TSV readers parse it.

        Examples
        --------
        >>> TSVFormat().serialize(QueryResult("ASK", boolean=True)).decode().split()
        ['?_askResult', 'true']
        """
        if result.kind == "boolean":
            return f"?_askResult\n{'true' if result.boolean else 'false'}\n".encode()
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join("" if t is None else _nt(t) for t in row) for row in result.rows]
        return ("\n".join(lines) + "\n").encode()


def _namespaces() -> NamespaceManager:
    nm = NamespaceManager(Graph(bind_namespaces="none"))
    for prefix, ns in PREFIXES.items():
        nm.bind(prefix, ns)
    return nm


class TableFormat(ResultFormat):
    """A plain-text table for the terminal: prefixed names, literal values."""

    name = "table"
    media_type = "text/plain"
    kinds = frozenset({"bindings", "boolean"})

    @staticmethod
    def cell(node: Identifier | None, nm: NamespaceManager) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            try:
                return node.n3(nm)
            except Exception:
                return f"<{node}>"
        if isinstance(node, BNode):
            return f"_:{node}"
        return " ".join(str(node).split())

    def serialize(self, result: QueryResult) -> bytes:
        if result.kind == "boolean":
            return b"true\n" if result.boolean else b"false\n"
        nm = _namespaces()
        cells = [[self.cell(t, nm) for t in row] for row in result.rows]
        widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(result.variables)]
        lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
        n = len(result.rows)
        lines.append(f"({n} row{'s' if n != 1 else ''})")
        return ("\n".join(lines) + "\n").encode()


# ---------------------------------------------------------------- graphs


class GraphFormat(ResultFormat):
    """An RDF serialisation of a CONSTRUCT / DESCRIBE result, through rdflib."""

    kinds = frozenset({"graph"})

    def __init__(self, name: str, media_type: str, rdflib_format: str) -> None:
        self.name = name
        self.media_type = media_type
        self.rdflib_format = rdflib_format

    def serialize(self, result: QueryResult) -> bytes:
        graph = result.graph if result.graph is not None else Graph()
        kwargs: dict[str, Any] = {}
        if self.rdflib_format == "json-ld":
            kwargs["context"] = dict(PREFIXES)
            kwargs["auto_compact"] = True
        return bytes(graph.serialize(format=self.rdflib_format, encoding="utf-8", **kwargs))


for _fmt in (
    JSONFormat(),
    XMLFormat(),
    CSVFormat(),
    TSVFormat(),
    TableFormat(),
    GraphFormat("ttl", "text/turtle", "turtle"),
    GraphFormat("nt", "application/n-triples", "nt"),
    GraphFormat("jsonld", "application/ld+json", "json-ld"),
    GraphFormat("rdfxml", "application/rdf+xml", "xml"),
):
    register(_fmt)


# ---------------------------------------------------------------- negotiation

NEGOTIATION: dict[str, dict[str, str]] = {
    "application/sparql-results+json": {"bindings": "json", "boolean": "json"},
    "application/json": {"bindings": "json", "boolean": "json", "graph": "jsonld"},
    "application/sparql-results+xml": {"bindings": "xml", "boolean": "xml"},
    "text/csv": {"bindings": "csv", "boolean": "csv"},
    "text/tab-separated-values": {"bindings": "tsv", "boolean": "tsv"},
    "text/turtle": {"graph": "ttl"},
    "application/n-triples": {"graph": "nt"},
    "application/ld+json": {"graph": "jsonld"},
    "application/rdf+xml": {"graph": "rdfxml"},
    "application/xml": {"bindings": "xml", "boolean": "xml", "graph": "rdfxml"},
    "text/xml": {"bindings": "xml", "boolean": "xml", "graph": "rdfxml"},
    "text/plain": {"graph": "nt"},
    "application/x-turtle": {"graph": "ttl"},
    "application/x-json+ld": {"graph": "jsonld"},
}
"""``Accept`` media type -> result kind -> format name; the one negotiation table."""

DEFAULTS: dict[str, str] = {"bindings": "json", "boolean": "json", "graph": "ttl"}
"""The format used when the client accepts anything (or sends no ``Accept``)."""

CLI_FORMATS: dict[str, dict[str, str]] = {
    "table": {"bindings": "table", "boolean": "table", "graph": "ttl"},
    "json": {"bindings": "json", "boolean": "json", "graph": "jsonld"},
    "xml": {"bindings": "xml", "boolean": "xml", "graph": "rdfxml"},
    "csv": {"bindings": "csv", "boolean": "csv"},
    "tsv": {"bindings": "tsv", "boolean": "tsv"},
    "ttl": {"graph": "ttl"},
    "nt": {"graph": "nt"},
    "jsonld": {"graph": "jsonld"},
}
"""``careerkg sparql --format`` name -> result kind -> format name."""


def for_name(name: str, kind: str) -> ResultFormat:
    """The format the CLI's ``--format name`` means for a result of ``kind``.

    Raises
    ------
    QueryRejected
        When the format does not fit the result (``ttl`` for a SELECT, ...).

    Examples
    --------
    >>> for_name("json", "graph").media_type
    'application/ld+json'
    >>> for_name("ttl", "bindings")
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: format 'ttl' is for graph results (CONSTRUCT, DESCRIBE); for SELECT and ASK use one of table, json, xml, csv, tsv
    """
    choice = CLI_FORMATS.get(name, {}).get(kind)
    if choice is None:
        fitting = [n for n, kinds in CLI_FORMATS.items() if kind in kinds]
        what = "graph results (CONSTRUCT, DESCRIBE)" if kind != "graph" else "SELECT and ASK results"
        mine = "CONSTRUCT and DESCRIBE" if kind == "graph" else "SELECT and ASK"
        raise QueryRejected(f"format {name!r} is for {what}; for {mine} use one of {', '.join(fitting)}")
    return FORMATS[choice]


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an ``Accept`` header, best first (stable for equal ``q``).

    Examples
    --------
    >>> parse_accept("text/csv;q=0.5, application/json, */*;q=0.1")
    [('application/json', 1.0), ('text/csv', 0.5), ('*/*', 0.1)]
    """
    return sorted(((m, q) for m, q in _media_ranges(header) if q > 0), key=lambda r: -r[1])


def _media_ranges(header: str | None) -> list[tuple[str, float]]:
    """Every media range of an ``Accept`` header with its ``q`` (1 when not given, 0
    when it does not parse), in the header's order."""
    ranges: list[tuple[str, float]] = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def malformed_ranges(header: str | None) -> list[str]:
    """What an ``Accept`` header says that is no media range or no quality value.

    Such a part is read as refusing its type (a ``q`` that does not parse counts as
    ``q=0``); a 406 answer names it, so the client sees why the type it asked for was
    not given: ``text/csv;q=0,5`` (a decimal comma) is ``text/csv`` refused and a range
    ``5``.

    Examples
    --------
    >>> print(*malformed_ranges("application/sparql-results+json;q=abc"))
    q=abc for application/sparql-results+json is no quality value (a number from 0 to 1, such as q=0.9)
    >>> print(*malformed_ranges("text/csv;q=0,5"))
    '5' is no media type (type/subtype, such as text/csv); a q value is written with a point: q=0.5
    >>> malformed_ranges("text/csv;q=0.5, */*;q=0.1")
    []
    """
    found: list[str] = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        if "/" not in media:
            hint = "; a q value is written with a point: q=0.5" if media.isdigit() else ""
            found.append(f"{media!r} is no media type (type/subtype, such as text/csv){hint}")
            continue
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() != "q":
                continue
            try:
                q = float(value)
            except ValueError:
                q = -1.0
            if not 0.0 <= q <= 1.0:
                found.append(
                    f"q={value.strip()} for {media} is no quality value (a number from 0 to 1, such as q=0.9)"
                )
    return found


PREFERENCE: dict[str, tuple[str, ...]] = {
    "bindings": ("json", "xml", "csv", "tsv"),
    "boolean": ("json", "xml", "csv", "tsv"),
    "graph": ("ttl", "jsonld", "nt", "rdfxml"),
}
"""The formats of each result kind, the default first: what a wildcard gets, in order."""


def refused_types(header: str | None) -> set[str]:
    """The media types an ``Accept`` header refuses outright (``q=0``).

    Examples
    --------
    >>> sorted(refused_types("application/sparql-results+json;q=0, */*, text/csv; q=0.0"))
    ['application/sparql-results+json', 'text/csv']
    """
    return {media for media, q in _media_ranges(header) if q <= 0}


HTML_TYPES = ("text/html", "application/xhtml+xml")
"""The media types of a web page: what a browser asks for first."""


def prefers_html(accept: str | None) -> bool:
    """Whether ``accept`` ranks a web page above every result format this service has:
    a person's browser, opening the endpoint's address (a SPARQL client names a result
    format, or ranks it with HTML).

    Examples
    --------
    >>> prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> prefers_html("application/sparql-results+json,*/*;q=0.9")
    False
    >>> prefers_html("text/html, application/sparql-results+json")
    False
    >>> prefers_html(None)
    False
    """
    ranges = _media_ranges(accept)
    page = max((q for media, q in ranges if media in HTML_TYPES), default=0.0)
    results = max((q for media, q in ranges if media in NEGOTIATION), default=0.0)
    return page > 0 and page > results


def negotiate(accept: str | None, kind: str) -> ResultFormat:
    """The format to answer with, for a result of ``kind`` and an ``Accept`` header.

    Media ranges are tried best ``q`` first. An absent header gets the default (SPARQL
    JSON for SELECT/ASK, Turtle for graphs); ``*/*`` or a type wildcard gets the first
    format of :data:`PREFERENCE` it covers that ``q=0`` does not refuse. A header naming
    only formats of the other kind of result (SPARQL result formats for a CONSTRUCT, RDF
    formats for a SELECT) gets the default, as Fuseki answers: clients such as rdflib's
    ``SPARQLStore`` send the ``Accept`` of their configured return format whatever the
    query form, and read the answer by its ``Content-Type``.

    Raises
    ------
    NotAcceptable
        When nothing accepted fits the result (HTTP 406): only unrelated media types
        (``text/html``, ``image/png``), or only refused ones.

    Examples
    --------
    >>> negotiate("application/sparql-results+json;q=0, */*", "bindings").name
    'xml'
    >>> negotiate("application/sparql-results+json", "graph").name
    'ttl'
    >>> negotiate("image/png", "bindings")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.sparql.formats.NotAcceptable: cannot answer in any of the accepted media types (image/png); ...
    """
    if accept is None or not accept.strip():
        return FORMATS[DEFAULTS[kind]]
    refused = refused_types(accept)
    candidates = [FORMATS[name] for name in PREFERENCE[kind] if FORMATS[name].media_type not in refused]
    ranges = parse_accept(accept)
    for media, _q in ranges:
        if media == "*/*" or media.endswith("/*"):
            major = "" if media == "*/*" else media[:-1]
            for fmt in candidates:
                if fmt.media_type.startswith(major):
                    return fmt
            continue
        name = NEGOTIATION.get(media, {}).get(kind)
        if name is not None:
            return FORMATS[name]
    if candidates and any(media in NEGOTIATION for media, _q in ranges):
        return candidates[0]  # a SPARQL client asking in the other result kind's terms
    offered = sorted({m for m, kinds in NEGOTIATION.items() if kind in kinds})
    raise NotAcceptable(accept or "", offered)
