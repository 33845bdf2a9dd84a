"""The ``/sparql`` endpoint: SPARQL 1.1 Protocol over a read-only store, as a Flask blueprint.

- ``GET /sparql?query=...``, ``POST`` form-encoded (``query=...``) and ``POST`` with
  ``Content-Type: application/sparql-query``;
- results negotiated by ``Accept`` (:mod:`kg.sparql.formats`; a ``format`` or ``output``
  parameter such as ``format=csv`` overrides it when it fits the result), SPARQL JSON and Turtle by default;
- a SPARQL 1.1 Service Description (Turtle) on a bare ``GET``; a web browser (``Accept``
  ranking HTML above every result format) gets a page saying how to query the endpoint
  instead, and with a ``query`` is sent to the app's SPARQL page (``page``) to see it answered
  (browsers download SPARQL results and RDF/XML as a file named ``sparql``);
- CORS headers on every answer and ``OPTIONS`` preflight;
- errors as ``text/plain`` messages: 400 malformed query, 403 update / ``SERVICE`` /
  ``FROM`` / dataset parameters, 406 nothing acceptable, 413 result larger than the
  row cap, 415 unsupported request body, 503 time limit reached.

Examples
--------
>>> from flask import Flask
>>> from kg.store import Store
>>> app = Flask(__name__)
>>> app.register_blueprint(sparql_blueprint(Store.default(), timeout=5, max_rows=100))
>>> client = app.test_client()
>>> r = client.get("/sparql", query_string={"query": "ASK { ?s a ckg:Role }"})
>>> r.status_code, r.json["boolean"], r.headers["Access-Control-Allow-Origin"]
(200, True, '*')
>>> client.post("/sparql", data={"update": "CLEAR ALL"}).status_code
403
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import Blueprint, Response, request
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import QueryRejected, QueryTimeout, ResultTooLarge, not_utf8
from kg.namespace import CKF
from kg.sparql import formats
from kg.sparql.cache import result_cache
from kg.sparql.engine import QueryResult, limits_from_env
from kg.sparql.paths import FUNCTIONS, install
from kg.store import Store

__all__ = ["CORS_HEADERS", "limit_message", "service_description", "service_page", "sparql_blueprint"]

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "ttl": "Turtle",
    "nt": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}
VOID = Namespace("http://rdfs.org/ns/void#")

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": "X-Query-Time, X-Cache",
    "Access-Control-Max-Age": "86400",
}
"""Sent on every answer of the endpoint, so browser tools (YASGUI...) can call it. A
preflight's ``Access-Control-Allow-Headers`` also names the headers it asks for (a
tool's ``Authorization`` or ``X-Requested-With``): the endpoint reads none of them, and
with ``*`` as the origin browsers send no cookies."""

_HEADER_NAMES = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")


def service_description(endpoint: str, store: Store) -> Graph:
    """A SPARQL 1.1 Service Description of the endpoint at ``endpoint``.

    Examples
    --------
    >>> from kg.store import Store
    >>> g = service_description("http://localhost:8050/sparql", Store.default())
    >>> (URIRef("http://localhost:8050/sparql"), SD.supportedLanguage, SD.SPARQL11Query) in g
    True
    """
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    g.bind("ckf", CKF)
    g.bind("formats", "http://www.w3.org/ns/formats/")
    node = URIRef(endpoint)
    g.add((node, RDF.type, SD.Service))
    g.add((node, SD.endpoint, node))
    g.add((node, SD.supportedLanguage, SD.SPARQL11Query))
    for iri in FORMAT_IRIS.values():
        g.add((node, SD.resultFormat, URIRef("http://www.w3.org/ns/formats/" + iri)))
    for fn in FUNCTIONS:
        g.add((node, SD.extensionFunction, fn))
        g.add((fn, RDF.type, SD.Function))
    dataset, default = BNode(), BNode()
    g.add((node, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, VOID.triples, Literal(len(store), datatype=XSD.integer)))
    return g


def service_page(
    endpoint: str,
    store: Store,
    *,
    page: str | None = None,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> str:
    """The endpoint's address as a web page, for a person opening it in a browser: what it
    is, how programs query it, its formats and limits, and where to write queries.

    Parameters
    ----------
    endpoint : str
        The endpoint's URL.
    store : Store
        The graph served (its size is shown).
    page : str, optional
        The URL of the app's SPARQL page, linked when given.
    timeout, max_rows : optional
        The limits in force (``None``: none).

    Examples
    --------
    >>> from kg.store import Store
    >>> html = service_page("http://localhost:8050/sparql", Store.default(), page="/query")
    >>> '<a href="/query">' in html, "curl -G http://localhost:8050/sparql" in html
    (True, True)
    """
    from kg.namespace import PREFIXES

    def code(text: str) -> str:
        return f"<code>{escape(text)}</code>"

    def link(href: str, text: str) -> str:
        return f'<a href="{escape(href, quote=True)}">{escape(text)}</a>'

    kinds = (
        ("SELECT, ASK", ("bindings",)),
        ("CONSTRUCT, DESCRIBE", ("graph",)),
    )
    format_rows = "".join(
        f"<tr><td>{forms}</td><td>"
        + ", ".join(
            code(formats.FORMATS[name].media_type) + f" ({code('format=' + name)})"
            for name in formats.PREFERENCE[kind[0]]
        )
        + "</td></tr>"
        for forms, kind in kinds
    )
    example = "SELECT ?role ?label WHERE { ?role a ckg:Role ; skos:prefLabel ?label } ORDER BY ?label"
    write = (
        f"<p>To write and run queries yourself, with the results as a table, use the {link(page, 'SPARQL page')}.</p>"
        if page
        else ""
    )
    limits = ", ".join(
        part
        for part in (
            f"{timeout:g} s per query" if timeout else "",
            f"{max_rows:,} rows (or triples) per answer" if max_rows else "",
        )
        if part
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>careerkg · SPARQL endpoint</title><link rel="icon" href="data:,">',
        "<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.5;color:#1f2933}code,pre{font-family:ui-monospace,monospace;font-size:.9em}"
        "pre{background:#f1f4f8;padding:.75rem;overflow-x:auto}td{padding:.2rem .6rem;vertical-align:top}"
        "</style></head><body>",
        "<h1>careerkg SPARQL endpoint</h1>",
        f"<p>{code(endpoint)} answers SPARQL 1.1 queries over careerkg's graph "
        f"({len(store):,} triples) for programs and SPARQL tools (SPARQLWrapper, rdflib, YASGUI, curl), "
        "by the SPARQL 1.1 Protocol.</p>",
        write,
        "<h2>Query it</h2>",
        f"<pre>curl -G {escape(endpoint)} -H 'Accept: text/csv' \\\n"
        f"  --data-urlencode 'query={escape(example)}'</pre>",
        f"<p>{link('?' + urlencode({'query': example}), 'Run this query')} on the SPARQL page.</p>"
        if page
        else "",
        f"<p>{code('GET')} with a {code('query')} parameter (an address of up to 8 KB), {code('POST')} "
        f"a form with a {code('query')} field, or {code('POST')} the query as "
        f"{code('application/sparql-query')}.</p>",
        "<h2>Result formats</h2>",
        f"<p>Chosen by the {code('Accept')} header, or by a {code('format')} parameter:</p>",
        f"<table>{format_rows}</table>",
        "<h2>Prefixes</h2>",
        "<p>Declared for you: " + ", ".join(code(p + ":") for p in PREFIXES) + ".</p>",
        "<h2>Limits</h2>",
        "<p>The graph is read-only: updates, "
        + ", ".join(code(k) for k in ("SERVICE", "FROM", "LOAD"))
        + " are refused."
        + (f" Limits: {limits}." if limits else "")
        + "</p>",
        "<h2>Service description</h2>",
        f"<p>This address describes itself in RDF (SPARQL 1.1 Service Description): "
        f"{link('?format=ttl', 'Turtle')}, {link('?format=jsonld', 'JSON-LD')}.</p>",
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _graph_query(text: str) -> bool:
    from kg.sparql.engine import parse_query

    try:
        return parse_query(text).algebra.name in ("ConstructQuery", "DescribeQuery")
    except QueryRejected:
        return False


def limit_message(err: QueryRejected, text: str = "") -> str:
    """The message of a refusal; for a limit, what the client can change and what sets it.

    A client of the endpoint cannot raise the server's limits, so the message says how to
    narrow the query and which ``careerkg serve`` option sets the limit; a row cap on a
    CONSTRUCT or DESCRIBE counts triples.

    Examples
    --------
    >>> from kg.errors import ResultTooLarge
    >>> print(limit_message(ResultTooLarge(50), "CONSTRUCT WHERE { ?s ?p ?o }"))
    query result exceeds the cap of 50 triples; add a LIMIT (and OFFSET to page through it), or have the server's cap raised (careerkg serve --max-rows N, 0: none)
    """
    if isinstance(err, ResultTooLarge):
        unit = "triples" if text and _graph_query(text) else "rows"
        return (
            f"query result exceeds the cap of {err.cap} {unit}; add a LIMIT (and OFFSET to page "
            "through it), or have the server's cap raised (careerkg serve --max-rows N, 0: none)"
        )
    if isinstance(err, QueryTimeout):
        return (
            f"query stopped after the {err.seconds:g} s time limit; narrow it (LIMIT, more specific "
            "patterns), or have the server's limit raised (careerkg serve --timeout S, 0: none)"
        )
    return str(err)


def _error(err: QueryRejected, text: str = "") -> Response:
    return Response(limit_message(err, text) + "\n", status=err.status, mimetype="text/plain")


_ALLOWED = "GET, POST, HEAD, OPTIONS"


def _decoded(raw: bytes, charset: str, where: str) -> str:
    """``raw`` read as ``charset``; bytes that are not refused with where they are (a
    query read with U+FFFD in their place asks for something else: it answers wrongly).

    Examples
    --------
    >>> _decoded("café".encode(), "utf-8", "body")
    'café'
    >>> _decoded("café".encode("latin-1"), "utf-8", "body")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: the query's body is not UTF-8 text: line 1, byte 0xE9 after 'caf', 'é' in Windows-1252; ...
    """
    try:
        return raw.decode(charset)
    except LookupError:
        raise QueryRejected(
            f"unknown charset {charset!r} in the Content-Type; send the query in UTF-8", status=415
        ) from None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise QueryRejected(
            f"the query's {where} is not {charset.upper()} text: line {line}, {not_utf8(raw, err.start)}; "
            "send the query in UTF-8 (a query POSTed as "
            "application/sparql-query may name its charset instead: Content-Type: "
            "application/sparql-query; charset=ISO-8859-1)",
            status=400,
        ) from None


def _check_encoded(encoded: bytes, where: str) -> None:
    """Refuse a ``query`` field of ``encoded`` (a query string or form body) whose
    percent-encoded bytes are not UTF-8: Werkzeug leaves them as they came (``caf%E9``),
    and the query asks for that text.

    Examples
    --------
    >>> _check_encoded(b"query=ASK+%7B%22caf%C3%A9%22%7D", "parameter")
    >>> _check_encoded(b"query=ASK+%7B%22caf%E9%22%7D", "parameter")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: the query's parameter is not UTF-8 text: line 1, byte 0xE9 after 'ASK {"caf', ...
    """
    if encoded.isascii() and not re.search(rb"%[89a-fA-F]", encoded):
        return  # nothing but ASCII, written or escaped
    for key, value in parse_qsl(encoded.decode("latin-1"), keep_blank_values=True, encoding="latin-1"):
        if key == "query":
            _decoded(value.encode("latin-1"), "utf-8", where)


def _query_text() -> str:
    """The query of a SPARQL Protocol request; refusals as :class:`QueryRejected`."""
    if request.method == "POST":
        ctype = (request.mimetype or "").lower()
        if ctype == "application/x-www-form-urlencoded":
            request.get_data(cache=True)  # kept: read again if the form's query is not UTF-8
        if ctype == "application/sparql-update" or (
            ctype.endswith("form-urlencoded") and "update" in request.form
        ):
            raise QueryRejected("updates are refused: this SPARQL service is read-only", status=403)
        if ctype == "application/sparql-query":
            text = _decoded(request.get_data(), request.mimetype_params.get("charset", "utf-8"), "body")
            params: Any = request.args
        elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            params = request.form
            queries = params.getlist("query")
            if len(queries) != 1:
                raise QueryRejected("send exactly one 'query' form field", status=400)
            text = queries[0]
            if ctype == "application/x-www-form-urlencoded":
                _check_encoded(request.get_data(), "form field")
        else:
            # a query in the address of a POST (curl -X POST 'URL?query=...') is read by GET
            in_address = (
                " (this POST has its query in the address: send it with GET, or in the body)"
                if "query" in request.args
                else ""
            )
            raise QueryRejected(
                f"unsupported request body {ctype or '(none)'}; POST application/sparql-query "
                f"or an application/x-www-form-urlencoded form with a 'query' field{in_address}",
                status=415,
            )
    else:
        params = request.args
        if "update" in params:
            raise QueryRejected("updates are refused: this SPARQL service is read-only", status=403)
        queries = params.getlist("query")
        if len(queries) != 1:
            raise QueryRejected("send exactly one 'query' parameter", status=400)
        text = queries[0]
        _check_encoded(request.query_string, "parameter")
    for key in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        if key in params or key in request.args:
            raise QueryRejected(
                f"'{key}' refused: the endpoint answers over careerkg's own graph only", status=403
            )
    if not text.strip():
        where = (
            "; the query in the address is read only by GET"
            if request.method == "POST" and "query" in request.args
            else ""
        )
        raise QueryRejected(f"empty query{where}", status=400)
    return text


_FORMAT_ALIASES = {
    "turtle": "ttl",
    "n3": "ttl",
    "json-ld": "jsonld",
    "rdf+xml": "rdfxml",
    "rdf": "rdfxml",
    "ntriples": "nt",
    "n-triples": "nt",
    "sparql-results+json": "json",
    "sparql-results+xml": "xml",
}


def _from_parameter(value: str, result_kind: str) -> formats.ResultFormat | None:
    value = value.strip().lower()
    name = _FORMAT_ALIASES.get(value, value)
    if name in formats.CLI_FORMATS:
        choice = formats.CLI_FORMATS[name].get(result_kind)
        return formats.FORMATS[choice] if choice and choice != "table" else None
    if name in formats.FORMATS and result_kind in formats.FORMATS[name].kinds:
        return formats.FORMATS[name]
    if "/" in value:
        # media types: only those that fit this result (negotiate() would answer a
        # SELECT named as text/turtle with the default, overriding Accept)
        fits = [
            media
            for media, _q in formats.parse_accept(value)
            if media.endswith("/*") or result_kind in formats.NEGOTIATION.get(media, {})
        ]
        if fits:
            try:
                return formats.negotiate(value, result_kind)
            except formats.NotAcceptable:
                return None
    return None


def _choose(result_kind: str) -> formats.ResultFormat:
    # a format/output parameter (as YASGUI and SPARQLWrapper send) wins when it fits
    for key in ("format", "output"):
        for value in request.values.getlist(key):
            fmt = _from_parameter(value, result_kind)
            if fmt is not None:
                return fmt
    return formats.negotiate(request.headers.get("Accept"), result_kind)


def sparql_blueprint(
    store: Store,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    url_prefix: str = "/sparql",
    name: str = "sparql",
    page: str | None = None,
) -> Blueprint:
    """A Flask blueprint serving the SPARQL 1.1 Protocol over ``store`` at ``url_prefix``.

    Parameters
    ----------
    store : Store
        The store queried; never changed.
    timeout, max_rows : optional
        Per-query limits; unset means ``CAREERKG_SPARQL_TIMEOUT`` /
        ``CAREERKG_SPARQL_MAX_ROWS`` or the defaults (15 s, 100,000 rows).
    page : str, optional
        The URL of a page where people write and run queries (the app's ``/query``): a
        web browser opening the endpoint with a ``query`` (and no ``format``) is sent there
        with it, to see the answer as a table rather than download it as a file.

    Notes
    -----
    Registers the ``ckf:`` learning-path extensions with rdflib (:func:`kg.sparql.paths.install`).
    """
    limit_s, cap = limits_from_env(timeout, max_rows)
    install()
    bp = Blueprint(name, __name__, url_prefix=url_prefix)

    @bp.after_request
    def add_cors(response: Response) -> Response:
        response.headers.update(CORS_HEADERS)
        asked = request.headers.get("Access-Control-Request-Headers", "")
        names = [name.strip() for name in asked.split(",") if _HEADER_NAMES.fullmatch(name.strip())]
        if names:  # a preflight: allow what the browser asks to send
            allowed = {n.lower(): n for n in ("Accept", "Content-Type", *names)}
            response.headers["Access-Control-Allow-Headers"] = ", ".join(allowed.values())
        response.headers["Vary"] = "Accept"
        return response

    @bp.route("", methods=["GET", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"], strict_slashes=False)
    def endpoint() -> Response:
        if request.method == "OPTIONS":
            return Response(status=204)
        if request.method not in ("GET", "HEAD", "POST"):
            response = Response(
                f"method {request.method} not allowed: query with GET or POST "
                "(the SPARQL 1.1 Protocol); this service is read-only\n",
                status=405,
                mimetype="text/plain",
            )
            response.headers["Allow"] = _ALLOWED
            return response
        text = ""
        try:
            browser = (
                request.method in ("GET", "HEAD")
                and formats.prefers_html(request.headers.get("Accept"))
                and not any(key in request.args for key in ("format", "output"))
            )
            if (
                request.method in ("GET", "HEAD")
                and "query" not in request.args
                and "update" not in request.args
            ):
                if browser:
                    html = service_page(request.base_url, store, page=page, timeout=limit_s, max_rows=cap)
                    return Response(html, content_type="text/html; charset=utf-8")
                fmt = _choose("graph")
                graph = service_description(request.base_url, store)
                body = fmt.serialize(QueryResult("DESCRIBE", graph=graph))
                return Response(body, content_type=fmt.content_type)
            text = _query_text()
            if browser and page:  # a person: the answer as a table, not a file to download
                moved = Response(status=303)
                moved.headers["Location"] = f"{page}?{urlencode({'query': text})}"
                return moved
            cache = result_cache(store)
            result, hit = cache.run(store, text, timeout=limit_s, max_rows=cap)
            fmt = _choose(result.kind)
            response = Response(cache.body(result, fmt.name, fmt.serialize), content_type=fmt.content_type)
            response.headers["X-Query-Time"] = f"{result.elapsed:.4f}"
            response.headers["X-Cache"] = "hit" if hit else "miss"
            return response
        except QueryRejected as err:
            return _error(err, text)

    return bp
