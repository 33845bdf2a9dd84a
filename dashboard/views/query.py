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

from typing import Any

from dash import dcc, html
from rdflib import Literal, URIRef

from dashboard.urls import node_url
from kg.errors import KGError, ResultTooLarge
from kg.namespace import BASE
from kg.store import Store

__all__ = ["MAX_ROWS", "describe", "editor_text", "example_options", "run"]

MAX_ROWS = 1000
"""Rows shown at most; a bigger result asks the user to add a LIMIT."""


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
    return f"{n} {one if n == 1 else many}"


def _cell(store: Store, term: Any) -> Any:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            short = term.n3(store.graph.namespace_manager)
        except Exception:
            short = f"<{term}>"
        if str(term).startswith(BASE + "id/"):
            return dcc.Link(short, href=node_url(short), title=str(term))
        return html.Span(short, title=str(term))
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def run(store: Store, text: str | None) -> tuple[Any, str]:
    """Run the editor's query: a results table (or ``None``) and a status message
    (the error, plainly, when the query is rejected).

    A query asked before is answered from the cache (the graph is read-only) and
    the message says so; a result over :data:`MAX_ROWS` rows asks for a ``LIMIT``
    or a narrower query.

    Examples
    --------
    >>> store = Store.default()
    >>> print(run(store, "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 1")[1])  # doctest: +ELLIPSIS
    1 row ...
    >>> print(run(store, "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 1")[1])  # doctest: +ELLIPSIS
    1 row (cached answer; first computed in ... ms).
    >>> print(run(store, "SELECT * WHERE { ?s ?p ?o }")[1])  # doctest: +ELLIPSIS
    The answer has more than 1000 rows, more than this page shows: add a LIMIT ...
    """
    from kg.sparql import install
    from kg.sparql.cache import cached_query

    if not text or not text.strip():
        return None, "Write a query or pick an example."
    install()
    try:
        res, hit = cached_query(store, text, timeout=10.0, max_rows=MAX_ROWS)
    except ResultTooLarge as err:
        return None, (
            f"The answer has more than {err.cap} rows, more than this page shows: add a LIMIT "
            "(e.g. LIMIT 100) at the end of the query, or narrow it with more conditions."
        )
    except KGError as err:
        return None, str(err)
    ms = f"{res.elapsed * 1000:.0f} ms"
    # the graph is read-only: a query asked before is answered from the cache
    when = f"(cached answer; first computed in {ms})" if hit else f"in {ms}"
    if res.form == "ASK":
        return html.P(f"Answer: {'yes' if res.boolean else 'no'}", className="ask"), f"ASK answered {when}."
    if res.graph is not None:
        header = ["subject", "predicate", "object"]
        rows = sorted(res.graph, key=lambda t: tuple(str(x) for x in t))
    else:
        header = res.variables
        rows = list(res.rows)
    table = html.Table(
        [
            html.Thead(html.Tr([html.Th(h, scope="col") for h in header])),
            html.Tbody([html.Tr([html.Td(_cell(store, t)) for t in row]) for row in rows]),
        ],
        className="results",
        id="query-table",
    )
    noun = ("triple", "triples") if res.graph is not None else ("row", "rows")
    return table, f"{_count(len(rows), *noun)} {when}."
