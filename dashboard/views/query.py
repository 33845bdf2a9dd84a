"""SPARQL page: the example queries and running the editor's text.

Examples
--------
>>> from kg.store import Store
>>> table, message = run(Store.default(), "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 2")
>>> message.startswith("2 rows")
True
>>> print(run(Store.default(), "SELECT ?r WHERE { ?r a }")[1])  # doctest: +ELLIPSIS
malformed SPARQL query...
>>> print(editor_text("prerequisites")[0])  # doctest: +ELLIPSIS
# title: ...
SELECT ... WHERE {
  # parameters: edit the values
  VALUES (?skill) { (skill:deep-learning) }
...
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from rdflib import XSD, BNode, Literal, URIRef

from dashboard.urls import node_url
from kg.errors import KGError, QueryTimeout, ResultTooLarge
from kg.namespace import BASE
from kg.store import Store

__all__ = [
    "MAX_ROWS",
    "TIMEOUT",
    "cell",
    "describe",
    "download",
    "editor_text",
    "example_options",
    "limits",
    "run",
    "table_data",
]

MAX_ROWS = 1000
"""Rows shown at most; the downloads give the whole answer (up to the endpoint's row cap)."""

TIMEOUT = 10.0
"""Seconds a query of the page may take at most (less when the server's limit is less)."""

LIMITS_KEY = "CAREERKG_SPARQL_LIMITS"
"""Where ``careerkg serve`` keeps the endpoint's ``(timeout, max_rows)`` in the Flask
config (:func:`kg.server.make_wsgi_app`), so that the page keeps to them too."""


def limits() -> tuple[float | None, int | None]:
    """The time limit and row cap of the server the page runs in: ``careerkg serve
    --timeout/--max-rows`` (as the ``/sparql`` endpoint keeps to), else the environment's
    (``CAREERKG_SPARQL_TIMEOUT`` / ``CAREERKG_SPARQL_MAX_ROWS``) or the defaults;
    ``None`` for no limit.

    Examples
    --------
    >>> import os; os.environ.pop("CAREERKG_SPARQL_MAX_ROWS", None) and None
    >>> limits()[1]  # outside a server: the environment's, else the default cap
    100000
    """
    from flask import current_app, has_app_context

    from kg.sparql.engine import limits_from_env

    if has_app_context() and current_app.config.get(LIMITS_KEY) is not None:
        timeout, cap = current_app.config[LIMITS_KEY]
        return timeout, cap
    return limits_from_env(None, None)


def example_options() -> list[dict[str, str]]:
    """The shipped example queries: title as label, name as value."""
    from kg.sparql.examples import EXAMPLES

    return [{"label": ex.title, "value": name} for name, ex in EXAMPLES.items()]


def editor_text(name: str | None) -> tuple[str, str]:
    """The text of an example for the editor, and its description. Parameters get their
    default values in a ``VALUES`` clause the user can edit (:attr:`Example.editable_text
    <kg.sparql.examples.Example.editable_text>`)."""
    from kg.sparql.examples import EXAMPLES, find_example

    ex = find_example(name) or next(iter(EXAMPLES.values()), None)
    if ex is None:
        return (
            "SELECT ?role ?label WHERE {\n  ?role a ckg:Role ; skos:prefLabel ?label .\n}\nORDER BY ?label\n",
            "",
        )
    return ex.editable_text, ex.description


def describe(name: str | None, text: str | None) -> str:
    """The line under the example picker: the example's description while the editor
    holds its text, a note that the query was edited once it does not.

    Parameters
    ----------
    name : str or None
        The example chosen in the picker.
    text : str or None
        The editor's text.

    Returns
    -------
    str
        The description, or the "edited" note.

    Examples
    --------
    >>> text, description = editor_text("prerequisites")
    >>> describe("prerequisites", text) == description
    True
    >>> describe("prerequisites", text + "LIMIT 3")  # doctest: +ELLIPSIS
    'Edited: your own query now, started from the example “...”.'
    """
    from kg.sparql.examples import find_example

    original, description = editor_text(name)
    if (text or "").strip() == original.strip():
        return description
    ex = find_example(name)
    if ex is None:
        return "Edited: your own query now."
    return f"Edited: your own query now, started from the example “{ex.title}”."


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


def cell(store: Store, term: Any, nodes: Container[str] = ()) -> dict[str, Any]:
    """One result cell as plain data for the page's table: ``text`` shown, and for an IRI
    its full form as ``title`` (shown on hover) and, when it is a node of the graph,
    ``href``, its page in the explorer.

    Parameters
    ----------
    store : Store
        The graph, for its prefixes.
    term : rdflib term or None
        The value (``None`` for an unbound variable).
    nodes : container of str
        The IRIs the explorer shows (the nodes of the projection).

    Returns
    -------
    dict
        ``{"text": ...}``, with ``title`` and ``href`` where they apply and
        ``num: True`` for a number.

    Examples
    --------
    >>> from kg.store import Store
    >>> iri = URIRef(BASE + "id/skill/deep-learning")
    >>> cell(Store.default(), iri, {str(iri)})["href"]
    '/node/skill%3Adeep-learning'
    >>> cell(Store.default(), Literal(3))
    {'text': '3', 'num': True}
    >>> cell(Store.default(), None)
    {'text': ''}
    >>> cell(Store.default(), BNode("b0"))
    {'text': '_:b0'}
    """
    if term is None:
        return {"text": ""}
    if isinstance(term, URIRef):
        try:
            short = term.n3(store.graph.namespace_manager)
        except Exception:
            short = f"<{term}>"
        out: dict[str, Any] = {"text": short, "title": str(term)}
        if str(term) in nodes or str(term).startswith(BASE + "id/"):
            out["href"] = node_url(short if not short.startswith("<") else str(term))
        return out
    if isinstance(term, BNode):
        return {"text": f"_:{term}"}
    if isinstance(term, Literal) and term.datatype in _NUMERIC:
        return {"text": str(term), "num": True}
    return {"text": str(term)}


def table_data(store: Store, res: Any, limit: int | None = None) -> dict[str, Any]:
    """A query result as plain data the page draws as a table: ``header``, ``rows`` of
    :func:`cell` values (the first ``limit`` only, when given; ``total`` counts them
    all) and, for each column, whether it holds numbers (``numeric``, aligned right);
    an ASK answer as ``{"ask": True/False}``.

    The browser builds the table from this data in one go: a table of one Dash
    component per cell took the page 11 s for 300 rows and over a minute for 700.

    Examples
    --------
    >>> from kg.sparql.engine import QueryResult
    >>> from kg.store import Store
    >>> res = QueryResult("SELECT", ["n", "x"], [(Literal(1), None), (Literal(2), Literal("a"))])
    >>> data = table_data(Store.default(), res)
    >>> data["header"], data["numeric"], data["rows"][1][1], data["total"]
    (['n', 'x'], [True, False], {'text': 'a'}, 2)
    >>> len(table_data(Store.default(), res, limit=1)["rows"])
    1
    >>> table_data(Store.default(), QueryResult("ASK", boolean=True))
    {'ask': True}
    """
    if res.form == "ASK":
        return {"ask": bool(res.boolean)}
    from kg.explore import graph_of

    nodes = graph_of(store)
    if res.graph is not None:
        header = ["subject", "predicate", "object"]
        terms = sorted(res.graph, key=lambda t: tuple(str(x) for x in t))
    else:
        header = list(res.variables)
        terms = list(res.rows)
    rows = [[cell(store, t, nodes) for t in row] for row in terms[:limit]]
    numeric = [
        any(r[i].get("num") for r in rows) and all(r[i].get("num") or not r[i]["text"] for r in rows)
        for i in range(len(header))
    ]
    return {
        "header": header,
        "rows": rows,
        "numeric": numeric,
        "graph": res.graph is not None,
        "total": len(terms),
    }


def run(store: Store, text: str | None) -> tuple[dict[str, Any] | None, str]:
    """Run the editor's query: the results as :func:`table_data` (or ``None``) and a
    status message (the error, plainly, when the query is rejected).

    A query asked before is answered from the cache (the graph is read-only) and
    the message says so. Of an answer over :data:`MAX_ROWS` rows the first are shown and
    the downloads give them all; one over the endpoint's row cap asks for a ``LIMIT``;
    one over the page's time limit (:data:`TIMEOUT`, which the page's user cannot
    change) says where the limit can be raised.

    Examples
    --------
    >>> store = Store.default()
    >>> print(run(store, "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 1")[1])  # doctest: +ELLIPSIS
    1 row ...
    >>> print(run(store, "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 1")[1])  # doctest: +ELLIPSIS
    1 row (cached answer; first computed in ... ms).
    >>> print(run(store, "SELECT * WHERE { ?s ?p ?o }")[1].split("; ")[1])  # doctest: +ELLIPSIS
    the first 1,000 are shown, and the downloads give all ...
    """
    from kg.sparql import install
    from kg.sparql.cache import cached_query
    from kg.sparql.vocabulary import unknown_names

    if not text or not text.strip():
        return None, "Write a query or pick an example."
    install()
    served, cap = limits()  # the server's: the downloads give the whole answer up to its cap
    timeout = min(TIMEOUT, served) if served else TIMEOUT
    try:
        res, hit = cached_query(store, text, timeout=timeout, max_rows=cap)
    except ResultTooLarge as err:
        return None, (
            f"The answer has more than {err.cap:,} rows, more than this page and its downloads give: "
            f"add a LIMIT (e.g. LIMIT {min(100, err.cap):,}) at the end of the query, or narrow it with more "
            "conditions."
        )
    except QueryTimeout as err:
        # the page's limit is fixed: "raise the limit" says how only where it can be raised
        return None, (
            f"The query was stopped after this page's {err.seconds:g} s time limit. Narrow it "
            "(a LIMIT, more specific patterns), or run it where the limit can be raised: "
            "careerkg sparql --timeout 60 'QUERY' (0: no limit)."
        )
    except KGError as err:
        return None, str(err)
    ms = f"{res.elapsed * 1000:.0f} ms"
    # the graph is read-only: a query asked before is answered from the cache
    when = f"(cached answer; first computed in {ms})" if hit else f"in {ms}"
    data = table_data(store, res, limit=MAX_ROWS)
    if res.form == "ASK":
        return data, f"ASK answered {when}: {'yes' if res.boolean else 'no'}." + "".join(
            f" Note: {note}." for note in unknown_names(store, text)
        )
    noun = ("triple", "triples") if res.graph is not None else ("row", "rows")
    shown = "."
    if data["total"] > len(data["rows"]):
        shown = f"; the first {len(data['rows']):,} are shown, and the downloads give all {data['total']:,}."
    return data, f"{_count(data['total'], *noun)} {when}{shown}" + "".join(
        f" Note: {note}." for note in unknown_names(store, text)
    )


DOWNLOADS = {"csv": "csv", "tsv": "tsv", "json": "json", "ttl": "ttl"}
"""The download buttons: name -> ``careerkg sparql --format`` name."""


def download(store: Store, text: str | None, fmt: str) -> dict[str, Any] | None:
    """The answer of the query ``text`` as a file to download, for ``dcc.Download``:
    ``{"content", "filename", "type"}``, or ``None`` when it cannot be given (no query,
    a rejected query, or a format that does not fit the result: CSV for a CONSTRUCT
    gives Turtle, Turtle for a SELECT gives CSV).

    The whole answer up to the endpoint's row cap, not only the rows the page shows.

    Examples
    --------
    >>> from kg.store import Store
    >>> out = download(Store.default(), "SELECT ?n WHERE { VALUES ?n { 1 2 } }", "csv")
    >>> out["filename"], out["content"].splitlines()
    ('careerkg-results.csv', ['n', '1', '2'])
    >>> download(Store.default(), "CONSTRUCT WHERE { ?s a ckg:Role } LIMIT 1", "csv")["filename"]
    'careerkg-results.ttl'
    >>> download(Store.default(), "SELECT ?x WHERE {", "csv") is None
    True
    """
    from kg.sparql import formats, install
    from kg.sparql.cache import cached_query

    if not text or not text.strip() or fmt not in DOWNLOADS:
        return None
    install()
    timeout, cap = limits()
    try:
        res, _hit = cached_query(store, text, timeout=timeout, max_rows=cap)
    except KGError:
        return None
    name = DOWNLOADS[fmt]
    if res.kind not in formats.CLI_FORMATS[name]:
        name = "ttl" if res.kind == "graph" else "csv"
    chosen = formats.for_name(name, res.kind)
    body = chosen.serialize(res).decode("utf-8")
    ext = {"jsonld": "jsonld", "json": "json", "csv": "csv", "tsv": "tsv", "ttl": "ttl"}.get(
        chosen.name, name
    )
    return {"content": body, "filename": f"careerkg-results.{ext}", "type": chosen.media_type}
