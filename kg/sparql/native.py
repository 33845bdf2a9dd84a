"""Running SPARQL natively: in Oxigraph, or on the remote endpoint itself.

:func:`kg.sparql.engine.run_query` evaluates with rdflib's pure-Python evaluator,
which reads an Oxigraph-backed or remote store one triple pattern at a time. When the
store is Oxigraph (the persistent ``--store DIR`` folder, or the in-memory Oxigraph
backend) :func:`run_native` hands the query text to ``pyoxigraph.Store.query``; when
it is a remote SPARQL endpoint it sends the text to the endpoint (passthrough). The
result is converted to the engine's :class:`~kg.sparql.engine.QueryResult`, so every
result format and the ``/sparql`` endpoint work unchanged.

The query has already passed :func:`kg.sparql.engine.parse_query` (updates,
``SERVICE`` and ``FROM`` refused) when it gets here. Queries that use careerkg's
extensions (the ``ckf:`` learning-path predicates and functions, or any function
registered with rdflib) stay on rdflib's evaluator: :func:`run_native` returns
``None`` for them.

Limits: the row cap is the engine's. The time limit is checked while the results are
read, between rows. A long native step (sorting, grouping, a large join before the
first row) cannot be interrupted, so bounded queries run in one of the query
processes of :mod:`kg.sparql.bounded`, killed at the limit (in a thread that finishes
in the background when processes are turned off, as in one-shot commands). Remote
endpoints apply the store's HTTP timeout.

Examples
--------
>>> from kg.store import Store
>>> from kg.sparql.engine import parse_query
>>> text = "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 2"
>>> run_native(Store.default(backend="rdflib"), text, parse_query(text)) is None  # rdflib memory store
True
>>> store = Store.default(backend="oxigraph")
>>> len(run_native(store, text, parse_query(text)).rows)
2
"""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.plugins.sparql import operators as _operators
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from kg.errors import QueryRejected, QueryTimeout, ResultTooLarge
from kg.memo import LRUTable
from kg.namespace import CKF, PREFIXES
from kg.sparql import resident
from kg.sparql.bounded import Source, detached, processes, run_bounded
from kg.sparql.terms import from_oxigraph, plain
from kg.store import Store, oxigraph_of

__all__ = [
    "TEXT_ATTRIBUTE",
    "attach_text",
    "bind_variables",
    "native_source",
    "native_store",
    "plain_answer",
    "prefixed",
    "query_iris",
    "run_native",
    "run_oxigraph",
    "uses_extensions",
    "variable_uses",
    "variables_in_order",
]

TEXT_ATTRIBUTE = "_careerkg_text"
"""Attribute of a prepared :class:`~rdflib.plugins.sparql.sparql.Query` holding its text."""

_CHECK_EVERY = 256  # rows between deadline checks


def attach_text(query: Query, text: str) -> Query:
    """Remember the text of a prepared query, so it can still run natively.

    Examples
    --------
    >>> from rdflib.plugins.sparql import prepareQuery
    >>> q = attach_text(prepareQuery("ASK { ?s ?p ?o }"), "ASK { ?s ?p ?o }")
    >>> getattr(q, TEXT_ATTRIBUTE)
    'ASK { ?s ?p ?o }'
    """
    setattr(query, TEXT_ATTRIBUTE, text)
    return query


def native_store(store: Store | Graph | None) -> Any:
    """The ``pyoxigraph.Store`` behind ``store``, ``"remote"`` for an endpoint, else ``None``.

    Examples
    --------
    >>> from kg.store import Store
    >>> native_store(Store.default(backend="rdflib")) is None
    True
    >>> type(native_store(Store.default(backend="oxigraph"))).__name__
    'Store'
    """
    if store is None:
        return None
    graph = store.graph if isinstance(store, Store) else store
    if isinstance(store, Store) and store.kind == "remote":
        return "remote"
    return oxigraph_of(graph)


_IRIS_ATTRIBUTE = "_careerkg_iris"
_CKF_ATTRIBUTE = "_careerkg_names_ckf"


def query_iris(query: Query) -> frozenset[URIRef]:
    """The IRIs ``query``'s algebra names, found once per prepared query (walking the
    algebra costs ~0.15 ms, as much as a small native query) and kept on it.

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> sorted(query_iris(parse_query("SELECT ?s WHERE { ?s ckg:requiresSkill skill:python }")))
    [rdflib.term.URIRef('https://w3id.org/careerkg/id/skill/python'), rdflib.term.URIRef('https://w3id.org/careerkg/ontology#requiresSkill')]
    """
    iris: frozenset[URIRef] | None = getattr(query, _IRIS_ATTRIBUTE, None)
    if iris is None:
        from kg.sparql.engine import walk

        iris = frozenset(node for node in walk(query.algebra) if isinstance(node, URIRef))
        setattr(query, _IRIS_ATTRIBUTE, iris)
    return iris


def uses_extensions(query: Query) -> bool:
    """Whether ``query`` names a ``ckf:`` term or a function registered with rdflib.

    Such queries need rdflib's evaluator (careerkg's magic predicates and functions).
    The XSD casts (``xsd:integer(?x)``...), which rdflib registers the same way, are
    SPARQL's own functions, which every engine has: a query naming an XSD datatype is
    not one of them.

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> uses_extensions(parse_query("SELECT ?s WHERE { ?s a ckg:Role }"))
    False
    >>> uses_extensions(parse_query("SELECT ?h WHERE { BIND(ckf:pathHours(role:data-scientist, "
    ...                             "role:head-of-data) AS ?h) }"))
    True
    >>> uses_extensions(parse_query("SELECT ?h WHERE { ?s ckg:learningHours ?h FILTER(xsd:integer(?h) > 9) }"))
    False
    """
    iris = query_iris(query)
    custom = getattr(_operators, "_CUSTOM_FUNCTIONS", {})  # may be registered at any time
    return _names_ckf(query, iris) or any(iri in custom and not iri.startswith(_XSD) for iri in iris)


_XSD = "http://www.w3.org/2001/XMLSchema#"


def _names_ckf(query: Query, iris: frozenset[URIRef]) -> bool:
    named: bool | None = getattr(query, _CKF_ATTRIBUTE, None)
    if named is None:
        named = any(str.startswith(iri, CKF) for iri in iris)
        setattr(query, _CKF_ATTRIBUTE, named)
    return named


@functools.cache
def _known_prefixes() -> dict[str, str]:
    """careerkg's prefixes, then the well-known ones rdflib's parser resolves without a
    ``PREFIX`` line (``foaf:``, ``prov:``, ``void:``...), so both engines accept the
    same queries.

    Examples
    --------
    >>> _known_prefixes()["ckg"], _known_prefixes()["foaf"]
    ('https://w3id.org/careerkg/ontology#', 'http://xmlns.com/foaf/0.1/')
    """
    from rdflib import Graph

    known = dict(PREFIXES)
    for prefix, ns in Graph(bind_namespaces="rdflib").namespaces():
        if prefix and prefix not in known and prefix != "xml":
            known[prefix] = str(ns)
    return known


def prefixed(text: str) -> str:
    """``text`` with careerkg's prefixes declared first (the query's own win), as the
    native engines (Oxigraph, a remote endpoint) are given a query.

    Only the prefixes the query uses are declared: Oxigraph reads every ``PREFIX`` line
    of every query, and all 44 of careerkg's and rdflib's (about 2 KB) took it some 25 µs,
    as long as a small lookup's evaluation; a remote endpoint gets a shorter request.

    Examples
    --------
    >>> print(prefixed("SELECT ?s WHERE { ?s a ckg:Role ; skos:prefLabel 'x:y' }"))
    PREFIX ckg: <https://w3id.org/careerkg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?s WHERE { ?s a ckg:Role ; skos:prefLabel 'x:y' }
    >>> prefixed("ASK { <urn:a:b> ?p ?o }")
    'ASK { <urn:a:b> ?p ?o }'
    """
    return _PREFIXED.get(text, lambda: _declared(text) + text)  # type: ignore[no-any-return]


_PREFIXED = LRUTable(256)
"""The last 256 query texts given their prologues (:func:`prefixed`)."""


def _declared(text: str) -> str:
    """The ``PREFIX`` lines of the known prefixes ``text`` uses (:func:`_known_prefixes`),
    each once, in the order of first use."""
    from kg.sparql.engine import PREFIX_USE

    known = _known_prefixes()
    used = dict.fromkeys(m.group("prefix") for m in PREFIX_USE.finditer(text) if m.group("prefix"))
    return "".join(f"PREFIX {p}: <{known[p]}>\n" for p in used if p in known)


# SPARQL tokens that may hold a "?name" which is no variable, then variables
_TOKENS = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*)'
    r"|(?P<var>[?$](?P<name>[A-Za-z0-9_\u00b7\u00c0-\uffff]+))"
)


def variables_in_order(text: str) -> list[str]:
    """The names of the variables of a query, in the order they first appear (strings,
    IRIs and comments skipped).

    Examples
    --------
    >>> variables_in_order('SELECT * WHERE { ?s skos:prefLabel "?x" ; ?p $o . ?o ?p ?s }')
    ['s', 'p', 'o']
    """
    return list(variable_uses(text))


def variable_uses(text: str) -> Counter[str]:
    """How many times each variable of a query is written, in the order they first
    appear (strings, IRIs and comments skipped; ``?x`` and ``$x`` are one variable).

    Examples
    --------
    >>> variable_uses('SELECT ?role WHERE { ?r a ckg:Role ; skos:prefLabel "?role" . FILTER($r != ?x) }')
    Counter({'r': 2, 'role': 1, 'x': 1})
    """
    return Counter(m.group("name") for m in _TOKENS.finditer(text) if m.group("name"))


def bind_variables(text: str, prepared: Query, bindings: Mapping[str, Identifier]) -> str | None:
    """``text`` with each bound variable replaced by its term; ``None`` when that is unsafe.

    The terms are IRIs and literals the caller resolved (never user text), written in
    N-Triples syntax. A bound variable that the query projects or assigns (``AS ?x``)
    cannot be replaced, nor a blank node: such queries run on rdflib's evaluator.

    Examples
    --------
    >>> from kg.sparql.engine import parse_query
    >>> q = 'SELECT ?s WHERE { ?s ckg:requiresSkill ?skill . FILTER(?s != "?skill") }'
    >>> bind_variables(q, parse_query(q), {"skill": URIRef("urn:x")})
    'SELECT ?s WHERE { ?s ckg:requiresSkill <urn:x> . FILTER(?s != "?skill") }'
    >>> bind_variables(q, parse_query(q), {"s": URIRef("urn:x")}) is None
    True
    """
    projected = {str(v) for v in prepared.algebra.get("PV") or ()}
    if any(name in projected or isinstance(term, BNode) for name, term in bindings.items()):
        return None
    if any(re.search(rf"\bAS\s+[?$]{re.escape(name)}\b", text, re.IGNORECASE) for name in bindings):
        return None

    def replace(m: re.Match[str]) -> str:
        name = m.group("name")
        if name is not None and name in bindings:
            return str(bindings[name].n3())
        return m.group(0)

    return _TOKENS.sub(replace, text)


def _deadline_check(started: float, timeout: float | None) -> None:
    if timeout and time.perf_counter() - started > timeout:
        raise QueryTimeout(timeout)


def run_native(
    store: Store | Graph | None,
    text: str | None,
    prepared: Query,
    *,
    bindings: Mapping[str, Identifier] | None = None,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> Any:
    """Run ``text`` natively when the store allows it; ``None`` when it does not.

    Parameters
    ----------
    store : Store or rdflib.Graph
        The store queried.
    text : str or None
        The query text (``None``: a prepared query without its text runs on rdflib).
    prepared : rdflib.plugins.sparql.sparql.Query
        The same query, parsed and checked by :func:`kg.sparql.engine.parse_query`.
    bindings, timeout, max_rows
        As in :func:`kg.sparql.engine.run_query`.

    Returns
    -------
    kg.sparql.engine.QueryResult or None
        ``None`` when the store is not Oxigraph or remote, the text is unknown, or
        the query uses careerkg's extensions.

    Raises
    ------
    QueryTimeout, ResultTooLarge, QueryRejected
        As :func:`kg.sparql.engine.run_query`.
    """
    if text is None:
        return None
    backend = native_store(store)
    if backend is None or uses_extensions(prepared):
        return None
    if bindings:
        text = bind_variables(text, prepared, bindings)  # type: ignore[assignment]
        if text is None:
            return None
    started = time.perf_counter()
    if backend == "remote":
        assert isinstance(store, Store)
        return _run_remote(store, text, prepared, timeout, max_rows, started)
    form = _form(prepared)
    pool = processes()
    source = native_source(store) if pool is not None and timeout else None
    if pool is not None and source is not None:
        engine = resident.engine()
        if engine is not None and source.kind == "dir" and os.path.abspath(source.path) == engine.location:
            try:
                answer = engine.run(text, form, timeout, max_rows)
                pool.release()  # the processes that stood in while it loaded
                return answer
            except resident.Unavailable:  # loading, or ended mid-query: the folder answers
                left = (timeout or 0.0) - (time.perf_counter() - started)
                if left <= 0:
                    raise QueryTimeout(timeout or 0.0) from None
                return pool.run(source, text, form, left, max_rows)
        return pool.run(source, text, form, timeout, max_rows)
    return run_bounded(lambda: run_oxigraph(backend, text, form, timeout, max_rows, started), timeout)


def _dump(store: Store) -> Source:
    """An N-Triples dump of an in-memory Oxigraph store, for query processes to load."""
    import pyoxigraph as ox

    folder = _dump_folder()
    fd, path = tempfile.mkstemp(prefix="store-", suffix=".nt", dir=folder)
    os.close(fd)
    native_store(store).dump(output=path, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return Source("dump", path)


@functools.cache
def _dump_folder() -> str:
    folder = tempfile.mkdtemp(prefix="careerkg-query-")
    owner = os.getpid()

    @atexit.register
    def _remove() -> None:
        if os.getpid() == owner:
            shutil.rmtree(folder, ignore_errors=True)

    return folder


def native_source(store: Store | Graph | None) -> Source | None:
    """Where a query process finds ``store``: its folder, or a dump of it (per version).

    ``None`` for stores the query processes cannot read (rdflib memory, remote).

    Examples
    --------
    >>> from kg.store import Store
    >>> native_source(Store.default(backend="rdflib")) is None
    True
    >>> native_source(Store.default(backend="oxigraph")).kind
    'dump'
    """
    if not isinstance(store, Store):
        return None
    if store.kind == "oxigraph" and store.location:
        return Source("dir", store.location)
    if store.kind == "memory-oxigraph":
        return store.derived("native-dump", _dump)
    return None


def _form(prepared: Query) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE."""
    return str(prepared.algebra.name).removesuffix("Query").upper()


_OX_POSITION = re.compile(r"^error at (\d+):(\d+): ")
_UNGROUPED = (
    "invalid SPARQL query: a query with GROUP BY or an aggregate (COUNT, SUM, ...) can select "
    "only the variables it groups by and aggregates (... AS ?name); add the other selected "
    "variables to GROUP BY, or select each as (SAMPLE(?x) AS ?x)"
)


_OVERRIDES = (
    "invalid SPARQL query: a SELECT expression (... AS ?name) names a variable the query "
    "already has; give the expression's answer a new name"
)
_BIND_AS = re.compile(r"\bBIND\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?\bAS\s*[?$](\w+)\s*\)", re.IGNORECASE)


def _syntax_message(message: str, declared: int = 0, text: str = "") -> str:
    r"""Oxigraph's refusal of a query rdflib's parser accepted, for a person to read.

    Its positions count the ``declared`` ``PREFIX`` lines careerkg put first
    (:func:`prefixed`), which are taken off; its list of expected characters is cut; an
    ungrouped variable, a SELECT expression or a BIND (in the query ``text``) naming a
    variable already in use are explained in words.

    Examples
    --------
    >>> _syntax_message("error at 5:5: expected BY", declared=3)
    'invalid SPARQL query at line 2, column 5: expected BY'
    >>> _syntax_message("error at 1:9: expected one of The SELECT contains a variable that is unbound, [_]")[:40]
    'invalid SPARQL query: a query with GROUP'
    >>> print(_syntax_message("error at 3:18: expected [_]", 0, "SELECT * WHERE {\n  ?r a ckg:Role .\n  BIND(1 AS ?r) }"))
    invalid SPARQL query at line 3, column 3: BIND(... AS ?r) gives ?r a value, but the pattern before it in the same { } already binds ?r; name the new value otherwise (e.g. ?r2), or compare with FILTER(?r = ...)
    """
    if "The SELECT contains a variable that is unbound" in message:
        return _UNGROUPED
    if "The SELECT overrides an existing variable" in message:
        return _OVERRIDES
    first = message.splitlines()[0] if message else "rejected by the query engine"
    m = _OX_POSITION.match(first)
    if m is None:
        return f"invalid SPARQL query: {first[:200]}"
    line = max(1, int(m.group(1)) - declared)
    if first[m.end() :].strip() == "expected [_]" and text:
        rebinds = _rebinding(text, line, int(m.group(2)))
        if rebinds:
            return rebinds
    return f"invalid SPARQL query at line {line}, column {m.group(2)}: {first[m.end() :][:200]}"


def _rebinding(text: str, line: int, column: int) -> str | None:
    r"""The BIND that gives a variable already bound in its group a value, in the group
    that Oxigraph's bare "expected [_]" at ``line``:``column`` ends (just after its ``}``).

    Examples
    --------
    >>> _rebinding("ASK { ?r ?p ?o BIND(1 AS ?x) BIND(2 AS ?o) }", 1, 45)[:47]
    'invalid SPARQL query at line 1, column 30: BIND'
    >>> _rebinding("ASK { ?r ?p ?o BIND(1 AS ?x) }", 1, 31) is None
    True
    """
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    end = sum(len(x) + 1 for x in lines[: line - 1]) + column - 1  # just after the group's }
    if not 0 < end <= len(text) or text[end - 1] != "}":
        return None
    depth, start = 0, end - 1
    while start > 0:  # the { that this } closes (braces in strings and IRIs are rare here)
        start -= 1
        depth += {"}": 1, "{": -1}.get(text[start], 0)
        if depth < 0:
            break
    from kg.sparql.engine import place

    group = text[start:end]
    for bind in _BIND_AS.finditer(group):
        var = bind.group(1)
        if re.search(rf"[?$]{re.escape(var)}\b", group[: bind.start()]):
            return (
                f"invalid SPARQL query at {place(text, start + bind.start())}: BIND(... AS ?{var}) gives "
                f"?{var} a value, "
                f"but the pattern before it in the same {{ }} already binds ?{var}; name the new value "
                f"otherwise (e.g. ?{var}2), or compare with FILTER(?{var} = ...)"
            )
    return None


def _solutions(ox_store: Any, text: str) -> Any:
    """``pyoxigraph``'s answer to ``text`` (evaluated lazily, as it is read), its errors
    turned into careerkg's."""
    full = prefixed(text)
    try:
        return ox_store.query(full, use_default_graph_as_union=False)
    except SyntaxError as err:
        declared = full.count("\n", 0, len(full) - len(text))
        raise QueryRejected(_syntax_message(str(err), declared, text), status=400) from None
    except OSError as err:
        raise QueryRejected(f"the store could not answer the query: {err}", status=500) from None
    except RuntimeError as err:
        if "custom function" not in str(err):
            raise
        # a function IRI no engine knows (found by bench_fuzz: a mis-cased ckf: namespace)
        raise QueryRejected(
            f"the query calls a function this service does not provide ({err}); SPARQL's own "
            "functions and careerkg's ckf:pathHours and ckf:pathLength "
            f"(PREFIX ckf: <{CKF}>) are available, and IRIs are case-sensitive",
            status=400,
        ) from None


def run_oxigraph(
    ox_store: Any,
    text: str,
    form: str,
    timeout: float | None,
    max_rows: int | None,
    started: float,
) -> Any:
    """Evaluate ``text`` in the ``pyoxigraph.Store`` ``ox_store``, as a ``QueryResult``.

    ``form`` is the query form (``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``);
    the deadline (``started`` + ``timeout``) and ``max_rows`` are checked between
    rows. Terms are converted by :func:`kg.sparql.terms.from_oxigraph`.

    Examples
    --------
    >>> import time, pyoxigraph as ox
    >>> store = ox.Store()
    >>> run_oxigraph(store, "ASK { ?s ?p ?o }", "ASK", None, None, time.perf_counter()).boolean
    False

    An error raised while the answer is read leaves without the frames that held the
    answer, which is dropped here: pyoxigraph's answers may only be dropped by the
    thread that made them, and with those frames in its traceback an error kept where
    the traceback holds its holder (a ``pytest.raises`` block, an ``except ... as err``
    kept in a local) is a reference cycle that Python's collector may free in any
    thread ("PyQuerySolutions is unsendable, but is being dropped on another thread",
    and the answer never freed).

    >>> import gc, sys, threading
    >>> from kg.store import Store
    >>> from kg.sparql.engine import run_query
    >>> said = []
    >>> hook, sys.unraisablehook = sys.unraisablehook, lambda u: said.append(str(u.exc_value))
    >>> def kept():
    ...     try:
    ...         run_query(Store.default(), "SELECT * WHERE { ?s ?p ?o }", timeout=None, max_rows=5)
    ...     except ResultTooLarge as err:
    ...         error = err  # the frame holds the error, the error's traceback the frame
    >>> _ = gc.collect()  # what earlier work left, freed here
    >>> kept()
    >>> collector = threading.Thread(target=gc.collect)
    >>> collector.start(); collector.join(); sys.unraisablehook = hook
    >>> said
    []
    """
    import pyoxigraph as ox

    from kg.sparql.engine import QueryResult, with_prefixes

    answer = _solutions(ox_store, text)
    try:
        _deadline_check(started, timeout)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            return QueryResult("SELECT", variables, _rows(answer, timeout, max_rows, started, from_oxigraph))
        graph = Graph()
        for triple in _triples(answer, timeout, max_rows, started, from_oxigraph):
            graph.add(triple)  # type: ignore[arg-type]
        return QueryResult(form, graph=with_prefixes(graph))
    except BaseException as err:
        answer = None  # dropped in this thread (see above)
        raise detached(err) from None


def plain_answer(ox_store: Any, text: str, form: str, max_rows: int | None) -> tuple[Any, ...]:
    """Evaluate ``text`` in ``ox_store`` (no time limit), the answer as plain data.

    ``("ask", bool)``, ``("select", variables, rows)`` or ``("graph", form, triples)``,
    every term a :data:`kg.sparql.terms.PlainTerm`: what a query process or the
    resident engine sends back (:func:`kg.sparql.bounded.result_of` reads it).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> a, b = ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b")
    >>> store.add(ox.Quad(a, b, ox.Literal("x", language="en")))
    >>> plain_answer(store, "SELECT ?o WHERE { ?s ?p ?o }", "SELECT", None)
    ('select', ['o'], [(('x', '@en'),)])
    >>> plain_answer(store, "CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", None)[2]
    [('http://example.org/a', 'http://example.org/b', ('x', '@en'))]
    """
    import pyoxigraph as ox

    answer = _solutions(ox_store, text)
    try:
        if isinstance(answer, ox.QueryBoolean):
            return ("ask", bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            return ("select", variables, _rows(answer, None, max_rows, 0.0, plain))
        return ("graph", form, _triples(answer, None, max_rows, 0.0, plain))
    except BaseException as err:
        answer = None  # dropped in this thread (see run_oxigraph)
        raise detached(err) from None


def _rows(
    answer: Any,
    timeout: float | None,
    max_rows: int | None,
    started: float,
    convert: Callable[[Any], Any],
) -> list[tuple[Any, ...]]:
    """The solutions of ``answer``, each term ``convert``-ed."""
    rows: list[tuple[Any, ...]] = []
    for n, solution in enumerate(answer, start=1):
        if max_rows and n > max_rows:
            raise ResultTooLarge(max_rows)
        if n % _CHECK_EVERY == 0:
            _deadline_check(started, timeout)
        rows.append(tuple(map(convert, solution)))
    _deadline_check(started, timeout)
    return rows


def _triples(
    answer: Any, timeout: float | None, max_rows: int | None, started: float, convert: Callable[[Any], Any]
) -> list[tuple[Any, Any, Any]]:
    """The distinct triples of a CONSTRUCT or DESCRIBE ``answer``, each term ``convert``-ed."""
    triples: dict[tuple[Any, Any, Any], None] = {}
    for n, triple in enumerate(answer, start=1):
        triples[(convert(triple.subject), convert(triple.predicate), convert(triple.object))] = None
        if max_rows and len(triples) > max_rows:
            raise ResultTooLarge(max_rows)
        if n % _CHECK_EVERY == 0:
            _deadline_check(started, timeout)
    _deadline_check(started, timeout)
    return list(triples)


def _run_remote(
    store: Store,
    text: str,
    prepared: Query,
    timeout: float | None,
    max_rows: int | None,
    started: float,
) -> Any:
    from kg.sparql.engine import QueryResult, with_prefixes

    form = _form(prepared)
    try:
        # the bindings are already in the text (bind_variables)
        endpoint: Any = store.graph.store
        raw: Any = endpoint.query(prefixed(text), None, None, None)
    except Exception as err:  # SPARQLWrapper / urllib raise many types
        raise QueryRejected(f"the SPARQL endpoint {store.location} failed the query: {err}", 502) from None
    _deadline_check(started, timeout)
    if form == "ASK":
        return QueryResult("ASK", boolean=_ask_answer(raw))
    if form == "SELECT":
        variables = [str(v) for v in raw.vars]
        rows: list[tuple[Identifier | None, ...]] = []
        for n, row in enumerate(raw, start=1):
            if max_rows and n > max_rows:
                raise ResultTooLarge(max_rows)
            rows.append(tuple(row))
        return QueryResult("SELECT", variables, rows)
    graph = Graph()
    for n, triple in enumerate(raw, start=1):
        if max_rows and n > max_rows:
            raise ResultTooLarge(max_rows)
        graph.add(triple)
    with_prefixes(graph)
    return QueryResult(form, graph=graph)


def _ask_answer(raw: Any) -> bool:
    """An endpoint's ASK answer; Virtuoso sends it as one row holding 1 or 0."""
    if raw.askAnswer is not None:
        return bool(raw.askAnswer)
    rows = list(raw)
    value = rows[0][0] if rows and len(rows[0]) else None
    return value is not None and str(value).strip().lower() not in ("0", "false", "")
