"""Running SPARQL queries against a :class:`~kg.store.Store`, read-only and bounded.

Every query goes through :func:`parse_query` (rdflib's parser; updates, ``SERVICE``
and ``FROM``/``FROM NAMED`` are refused before anything runs) and :func:`run_query`
(a time limit enforced by a watchdog that interrupts the evaluating thread, and a cap
on result rows). The same function serves the CLI and the ``/sparql`` endpoint.

Importing this module sets ``rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False``, so
rdflib never fetches a graph named in a query, whatever path a query takes.

Examples
--------
>>> from kg.store import Store, stored_forms
>>> store = Store.default()
>>> result = run_query(store, "ASK { role:machine-learning-engineer a ckg:Role }")
>>> result.form, result.boolean
('ASK', True)
>>> run_query(store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.QueryRejected: updates are refused: this SPARQL service is read-only ...
"""

from __future__ import annotations

import ctypes
import functools
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import rdflib.plugins.sparql
from pyparsing import ParseBaseException
from rdflib import Graph, Literal, Variable
from rdflib.paths import Path
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier, Node

from kg.errors import KGError, QueryRejected, QueryTimeout, ResultTooLarge
from kg.memo import LRUTable
from kg.namespace import PREFIXES
from kg.store import Store, stored_forms

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "ENV_MAX_ROWS",
    "ENV_TIMEOUT",
    "PREFIX_USE",
    "QueryResult",
    "call_with_deadline",
    "check_query",
    "graph_of_triples",
    "limits_from_env",
    "parse_cached",
    "parse_query",
    "place",
    "run_query",
    "stored_constants",
    "translated_exists",
    "walk",
    "with_prefixes",
]

T = TypeVar("T")

# never load a graph named in FROM / FROM NAMED / LOAD, whatever happens
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

DEFAULT_TIMEOUT = 15.0
"""Seconds a query may run before it is stopped (0 or None: no limit)."""
DEFAULT_MAX_ROWS = 100_000
"""Result rows (or triples of a graph result) beyond which a query is refused."""
ENV_TIMEOUT = "CAREERKG_SPARQL_TIMEOUT"
ENV_MAX_ROWS = "CAREERKG_SPARQL_MAX_ROWS"

_EMPTY = "the query is empty: give a SELECT, ASK, CONSTRUCT or DESCRIBE query"
_TOO_DEEP = (
    "the query nests too deeply to be read (brackets, braces or operators inside one another "
    "thousands of levels down); write it flatter: a VALUES list or IN ( ... ) in place of a long "
    "chain of || or &&, groups side by side rather than inside one another"
)
_UPDATE_REFUSED = (
    "updates are refused: this SPARQL service is read-only "
    "(INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY are not allowed); "
    "send a SELECT, ASK, CONSTRUCT or DESCRIBE query"
)


def limits_from_env(
    timeout: float | None = None, max_rows: int | None = None
) -> tuple[float | None, int | None]:
    """Fill unset limits from ``CAREERKG_SPARQL_TIMEOUT`` / ``CAREERKG_SPARQL_MAX_ROWS``.

    Explicit values win, then the environment, then the defaults. Zero means "no limit".

    Examples
    --------
    >>> limits_from_env(2.5, 10)
    (2.5, 10)
    >>> import os; os.environ.pop("CAREERKG_SPARQL_TIMEOUT", None) and None
    >>> limits_from_env(max_rows=0)
    (15.0, None)
    """
    if timeout is None:
        raw = os.environ.get(ENV_TIMEOUT)
        timeout = float(raw) if raw else DEFAULT_TIMEOUT
    if max_rows is None:
        raw = os.environ.get(ENV_MAX_ROWS)
        max_rows = int(raw) if raw else DEFAULT_MAX_ROWS
    return (timeout or None, max_rows or None)


# ---------------------------------------------------------------- parsing


def _position(err: ParseBaseException) -> str:
    return f"line {err.lineno}, column {err.col}"


def parse_query(text: str, init_ns: Mapping[str, str] = PREFIXES) -> Query:
    """Parse and translate a SPARQL query, refusing what this service never runs.

    The prefixes of ``init_ns`` (careerkg's, by default) need no ``PREFIX`` line.

    Raises
    ------
    QueryRejected
        ``status`` 400 for a malformed query (the parser's message, with line and
        column); 403 for an update, a ``SERVICE`` call or a ``FROM`` / ``FROM NAMED``
        dataset (see :func:`check_query`).

    Examples
    --------
    >>> parse_query("SELECT ?s WHERE { ?s a ckg:Role }").algebra.name
    'SelectQuery'
    >>> parse_query("SELECT ?s WHERE {\\n  ?s a }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: malformed SPARQL query at line 2, column 3: ...
    >>> parse_query("  # nothing yet")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: the query is empty: ...
    >>> try:
    ...     parse_query("CLEAR ALL")
    ... except QueryRejected as err:
    ...     print(err.status)
    403
    """
    try:
        with _PARSER_LOCK:
            tree = parseQuery(text)
    except RecursionError:
        raise QueryRejected(_TOO_DEEP, status=400) from None
    except ParseBaseException as err:
        try:
            with _PARSER_LOCK:
                update = parseUpdate(text)
        except Exception:  # not an update either: report the query parser's error
            raise QueryRejected(
                f"malformed SPARQL query at {_position(err)}: {_expected(err.msg)} "
                f"(near {_near(text, err.loc)!r}){_unknown_function(text)}{_unbalanced(text)}",
                status=400,
            ) from None
        if "request" not in update:  # nothing but whitespace, comments and PREFIX lines
            raise QueryRejected(_EMPTY, status=400) from None
        raise QueryRejected(_UPDATE_REFUSED, status=403) from None
    try:
        query = translateQuery(tree, initNs=dict(init_ns))
    except RecursionError:
        raise QueryRejected(_TOO_DEEP, status=400) from None
    except Exception as err:  # unknown prefix, bad aggregate, ... (rdflib raises plain Exception)
        undeclared = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", str(err))
        if undeclared:
            raise QueryRejected(_undeclared(text, undeclared.group(1), init_ns), status=400) from None
        raise QueryRejected(f"invalid SPARQL query: {err}", status=400) from None
    check_query(query)
    return query


PREFIX_USE = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*)'
    r"|(?<![\w.:?$-])(?P<prefix>[A-Za-z][\w.-]*):"
)
"""A prefixed name's prefix (group ``prefix``), outside strings, IRIs and comments (group
``skip``, matched first)."""


def place(text: str, i: int) -> str:
    r"""Where character ``i`` of ``text`` is, as a person counts: ``line L, column C``.

    Examples
    --------
    >>> place("SELECT ?r\nWHERE { }", 12)
    'line 2, column 3'
    """
    return f"line {text.count(chr(10), 0, i) + 1}, column {i - text.rfind(chr(10), 0, i)}"


def _undeclared(text: str, prefix: str, declared: Mapping[str, str]) -> str:
    """The message for a query using ``prefix:`` undeclared: where it is first used, the
    closest prefixes that are declared, and how to declare it.

    Examples
    --------
    >>> print(_undeclared('SELECT ?l WHERE {\\n  ?s skoss:prefLabel ?l }', "skoss", {"skos": "", "ckg": ""}))
    invalid SPARQL query at line 2, column 6: the prefix 'skoss:' is not declared (closest: skos:, sosa:); start the query with a line PREFIX skoss: <namespace IRI> (careerkg declares skos:, ckg: for you)
    """
    import difflib

    from rdflib import Graph

    where = ""
    for match in PREFIX_USE.finditer(text):
        if match.group("prefix") == prefix:
            where = f" at {place(text, match.start('prefix'))}"
            break
    known = list(declared) + [
        p for p, _ns in Graph(bind_namespaces="rdflib").namespaces() if p and p not in declared and p != "xml"
    ]
    lower = {p.lower(): p for p in reversed(known)}
    near = [lower[p] for p in difflib.get_close_matches(prefix.lower(), list(lower), n=3, cutoff=0.6)]
    closest = f" (closest: {', '.join(p + ':' for p in near)})" if near else ""
    return (
        f"invalid SPARQL query{where}: the prefix {prefix + ':'!r} is not declared{closest}; start the "
        f"query with a line PREFIX {prefix}: <namespace IRI> (careerkg declares "
        + ", ".join(f"{p}:" for p in declared)
        + " for you)"
    )


_FORMS = re.compile(r"\{?(?:(?:Select|Construct|Describe|Ask)Query(?:\s*\|\s*)?)+\}?")


def _expected(message: str) -> str:
    """The parser's complaint in a reader's words: its grammar rule names say nothing
    to a person writing a query.

    Examples
    --------
    >>> _expected("Expected {SelectQuery | ConstructQuery | DescribeQuery | AskQuery}")
    'expected SELECT, CONSTRUCT, DESCRIBE or ASK'
    >>> _expected("Expected SelectQuery")
    'the query cannot be read from here on (each triple pattern needs a subject, a predicate and an object, and each { its })'
    >>> _expected("Expected end of text")
    'unexpected text after the end of the query'
    >>> _expected("Expected '}', found 'x'")
    "Expected '}', found 'x'"
    """
    if message.startswith("Expected {") and _FORMS.fullmatch(message.removeprefix("Expected ")):
        return "expected SELECT, CONSTRUCT, DESCRIBE or ASK"
    if _FORMS.fullmatch(message.removeprefix("Expected ")):
        return (
            "the query cannot be read from here on (each triple pattern needs a subject, a predicate "
            "and an object, and each { its })"
        )
    if message == "Expected end of text":
        return "unexpected text after the end of the query"
    return message


_PARSER_LOCK = threading.Lock()
"""rdflib's SPARQL grammar (pyparsing) is not thread-safe: two threads parsing at once
can fail with ``TypeError`` inside pyparsing (seen under load in gunicorn's threaded
workers). Parsing is pure Python, already serialised by the GIL, so the lock costs nothing."""


_PARSED = LRUTable(256)
"""The prepared queries of the last 256 texts parsed (:func:`parse_cached`)."""


def parse_cached(text: str) -> Query:
    """:func:`parse_query` remembered per text: parsing costs milliseconds, native runs less.

    The same text gives the same prepared query object (the last 256 texts are kept);
    a query that does not parse raises as :func:`parse_query` does, each time.

    Examples
    --------
    >>> q = parse_cached("SELECT ?s WHERE { ?s a ckg:Role }")
    >>> q is parse_cached("SELECT ?s WHERE { ?s a ckg:Role }"), q.algebra.name
    (True, 'SelectQuery')
    """
    return _PARSED.get(text, lambda: parse_query(text))  # type: ignore[no-any-return]


_PAIRS = {")": "(", "}": "{", "]": "["}


def _unbalanced(text: str) -> str:
    r"""A hint for a query whose brackets do not pair up, the commonest slip the parser
    reports only as "cannot be read from here on": the first bracket that closes the
    wrong one or nothing, or the last left open (strings, IRIs and comments skipped).

    Examples
    --------
    >>> print(_unbalanced('SELECT ?r WHERE {\n  ?r a ckg:Role FILTER(CONTAINS(STR(?r), "(")\n}'))
    ; the ( at line 2, column 23 is not closed before the } at line 3, column 1
    >>> print(_unbalanced("SELECT ?r WHERE { ?r a ckg:Role"))
    ; the { at line 1, column 17 is never closed
    >>> print(_unbalanced("SELECT ?r WHERE { ?r a ckg:Role } }"))
    ; the } at line 1, column 35 closes nothing (no { is open)
    >>> _unbalanced("SELECT ?r WHERE { ?r a ckg:Role }")
    ''
    """

    skipped = [(m.start(), m.end()) for m in PREFIX_USE.finditer(text) if m.group("skip")]
    open_: list[int] = []
    next_skip = 0
    i = 0
    while i < len(text):
        if next_skip < len(skipped) and i == skipped[next_skip][0]:
            i = skipped[next_skip][1]
            next_skip += 1
            continue
        c = text[i]
        if c in "({[":
            open_.append(i)
        elif c in _PAIRS:
            if not any(text[j] == _PAIRS[c] for j in open_):
                return f"; the {c} at {place(text, i)} closes nothing (no {_PAIRS[c]} is open)"
            if text[open_[-1]] != _PAIRS[c]:
                return f"; the {text[open_[-1]]} at {place(text, open_[-1])} is not closed before the {c} at {place(text, i)}"
            open_.pop()
        i += 1
    return f"; the {text[open_[-1]]} at {place(text, open_[-1])} is never closed" if open_ else ""


# fmt: off
_FUNCTIONS = (
    "STR", "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "IRI", "URI", "BNODE", "RAND",
    "ABS", "CEIL", "FLOOR", "ROUND", "CONCAT", "STRLEN", "UCASE", "LCASE",
    "ENCODE_FOR_URI", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER", "YEAR",
    "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW", "UUID",
    "STRUUID", "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "COALESCE", "IF", "STRLANG",
    "STRDT", "sameTerm", "isIRI", "isURI", "isBLANK", "isLITERAL", "isNUMERIC", "REGEX",
    "SUBSTR", "REPLACE", "EXISTS", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE",
    "GROUP_CONCAT",
)
# fmt: on
"""SPARQL 1.1's built-in functions and aggregates, as the Recommendation spells them."""
# fmt: off
_KEYWORDS = frozenset((
    "A", "ADD", "ALL", "AS", "ASC", "ASK", "BASE", "BIND", "BY", "CLEAR", "CONSTRUCT",
    "COPY", "CREATE", "DATA", "DEFAULT", "DELETE", "DESC", "DESCRIBE", "DISTINCT", "DROP",
    "FALSE", "FILTER", "FROM", "GRAPH", "GROUP", "HAVING", "IN", "INSERT", "INTO", "LIMIT",
    "LOAD", "MINUS", "MOVE", "NAMED", "NOT", "OFFSET", "OPTIONAL", "ORDER", "PREFIX",
    "REDUCED", "SELECT", "SEPARATOR", "SERVICE", "SILENT", "TO", "TRUE", "UNDEF", "UNION",
    "USING", "VALUES", "WHERE", "WITH",
))
# fmt: on
"""The other words of SPARQL's grammar, some of which a bracket may follow (FILTER(, IN (, ...)."""
_ELSEWHERE = {
    **dict.fromkeys(["LOWER", "TOLOWER"], "LCASE"),
    **dict.fromkeys(["UPPER", "TOUPPER"], "UCASE"),
    **dict.fromkeys(["LENGTH", "LEN", "CHAR_LENGTH"], "STRLEN"),
    **dict.fromkeys(["SUBSTRING"], "SUBSTR"),
    **dict.fromkeys(["STARTSWITH", "STARTS_WITH"], "STRSTARTS"),
    **dict.fromkeys(["ENDSWITH", "ENDS_WITH"], "STRENDS"),
    **dict.fromkeys(["IFNULL", "NVL", "ISNULL"], "COALESCE"),
    **dict.fromkeys(["STRING_AGG", "LISTAGG", "ARRAY_AGG"], "GROUP_CONCAT"),
    **dict.fromkeys(["REGEXP", "REGEXP_LIKE", "RLIKE"], "REGEX"),
    **dict.fromkeys(["REGEXP_REPLACE"], "REPLACE"),
}
"""SQL's (and other languages') names of functions SPARQL spells differently."""
_CALL = re.compile(r"(?<![\w.:?$-])([A-Za-z_]\w*)\s*\(")


def _unknown_function(text: str) -> str:
    r"""A hint for a query calling a function SPARQL does not have (``CONTAIN(``, ``STRLENGTH(``),
    which the parser reports only as "cannot be read from here on": the first such call
    outside strings, IRIs and comments, and the closest functions SPARQL has.

    Examples
    --------
    >>> print(_unknown_function('SELECT ?r WHERE {\n  ?r rdfs:label ?l FILTER(contain(?l, "data")) }'))
    ; contain( at line 2, column 27 is not a SPARQL function (closest: CONTAINS)
    >>> print(_unknown_function("SELECT (STRLENGTH(?l) AS ?n) WHERE { ?r rdfs:label ?l }"))
    ; STRLENGTH( at line 1, column 9 is not a SPARQL function (closest: STRLEN, STRLANG)
    >>> print(_unknown_function("SELECT ?r WHERE { ?r rdfs:label ?l FILTER(LOWER(?l) = 'sql') }"))
    ; LOWER( at line 1, column 43 is not a SPARQL function (SPARQL's is LCASE)
    >>> _unknown_function('SELECT ?r WHERE { ?r rdfs:label ?l FILTER(lcase(?l) = "x(") }')
    ''
    """
    import difflib

    blank = list(text)
    for match in PREFIX_USE.finditer(text):
        if match.group("skip"):
            blank[match.start() : match.end()] = " " * (match.end() - match.start())
    known = {name.upper(): name for name in _FUNCTIONS}
    for call in _CALL.finditer("".join(blank)):
        name = call.group(1)
        if name.upper() in known or name.upper() in _KEYWORDS:
            continue
        where = place(text, call.start(1))
        if name.upper() in _ELSEWHERE:
            return f"; {name}( at {where} is not a SPARQL function (SPARQL's is {_ELSEWHERE[name.upper()]})"
        near = [known[n] for n in difflib.get_close_matches(name.upper(), list(known), n=2, cutoff=0.7)]
        closest = f" (closest: {', '.join(near)})" if near else ""
        return f"; {name}( at {where} is not a SPARQL function{closest}"
    return ""


def _near(text: str, loc: int) -> str:
    return text[loc : loc + 30].split("\n")[0] or "end of query"


def walk(node: Any) -> Iterator[Any]:
    """Every node of a query's algebra (``Query.algebra``), each once, ``node`` first.

    Examples
    --------
    >>> q = parse_query("SELECT ?s WHERE { ?s a ckg:Role }")
    >>> sum(1 for n in walk(q.algebra) if str(n).endswith("#Role"))
    1
    >>> from rdflib import URIRef
    >>> q = parse_query("SELECT ?s WHERE { ?s ckg:hasRequirement/ckg:requiredSkill* ?k }")
    >>> sorted(n.split("#")[1] for n in walk(q.algebra) if isinstance(n, URIRef) and "careerkg/ontology#" in n)
    ['hasRequirement', 'requiredSkill']
    """
    stack = [node]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        if isinstance(item, Mapping):
            stack.extend(item.values())
            pattern = _exists_pattern(item)
            if pattern is not None:  # the translated pattern, not among the node's items
                stack.append(pattern)
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif isinstance(item, Path):  # a property path's steps: ckg:hasRequirement/ckg:requiredSkill
            stack.extend(vars(item).values())


def check_query(query: Query) -> None:
    """Refuse queries that would read outside the store.

    ``SERVICE`` (anywhere: in the pattern, a sub-query or a ``FILTER EXISTS``) and
    ``FROM`` / ``FROM NAMED`` datasets are refused with status 403; they are never
    fetched.

    Examples
    --------
    >>> from rdflib.plugins.sparql import prepareQuery
    >>> check_query(prepareQuery("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"))
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: FROM / FROM NAMED <file:///etc/passwd> refused: queries run over careerkg's own graph only; remove the dataset clause
    """
    clauses = query.algebra.get("datasetClause") or []
    if clauses:
        # (a CompValue's get() answers the key's own name when it is missing)
        iris = ", ".join(f"<{c['default'] if 'default' in c else c['named']}>" for c in clauses)
        raise QueryRejected(
            f"FROM / FROM NAMED {iris} refused: queries run over careerkg's own graph only; "
            "remove the dataset clause",
            status=403,
        )
    for node in walk(query.algebra):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            raise QueryRejected(
                f"SERVICE <{node.get('term')}> refused: this service makes no network or "
                "file requests; query careerkg's own graph only",
                status=403,
            )


# ---------------------------------------------------------------- time limit


class _Deadline(BaseException):
    """Raised asynchronously in a thread whose query passed its time limit."""


_REFIRE = 0.1  # seconds between interrupts while a stopped query has not ended yet


def _quiet_about_deadlines(
    previous: Callable[[sys.UnraisableHookArgs], object],
) -> Callable[[sys.UnraisableHookArgs], object]:
    """A :data:`sys.unraisablehook` saying nothing of a :class:`_Deadline` that landed in a
    finaliser or a weakref callback, where the interpreter swallows it: that is expected,
    and the watchdog fires again (:data:`_REFIRE`), so the query still stops. It printed
    "Exception ignored in: ... _Deadline" to a server's log. Anything else goes to
    ``previous``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> said = []
    >>> hook = _quiet_about_deadlines(said.append)
    >>> hook(SimpleNamespace(exc_value=_Deadline()))
    >>> hook(SimpleNamespace(exc_value=ValueError("x")))
    >>> [type(u.exc_value).__name__ for u in said]
    ['ValueError']
    """

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, _Deadline):
            previous(unraisable)

    return hook


sys.unraisablehook = _quiet_about_deadlines(sys.unraisablehook)

_set_async_exc = ctypes.pythonapi["PyThreadState_SetAsyncExc"]
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
_set_async_exc.restype = ctypes.c_int
_clear_async_exc = ctypes.pythonapi["PyThreadState_SetAsyncExc"]  # a NULL exception cancels
_clear_async_exc.argtypes = (ctypes.c_ulong, ctypes.c_void_p)
_clear_async_exc.restype = ctypes.c_int


def call_with_deadline(fn: Callable[[], T], seconds: float | None) -> T:
    """Call ``fn()`` and stop it after ``seconds`` with :class:`QueryTimeout`.

    A watchdog thread raises an exception asynchronously in the calling thread
    (``PyThreadState_SetAsyncExc``), again every 0.1 s until the call ends; it takes
    effect at the next Python bytecode, so rdflib's pure-Python evaluator stops promptly
    and the thread (a server worker) goes on serving. An interrupt not yet delivered
    when ``fn`` returns is cancelled.
    ``None`` or 0 means no limit.

    Examples
    --------
    >>> def spin() -> None:
    ...     while True:
    ...         pass
    >>> call_with_deadline(spin, 0.2)
    Traceback (most recent call last):
    ...
    kg.errors.QueryTimeout: query stopped after the 0.2 s time limit; narrow it (LIMIT, more specific patterns) or raise the limit
    >>> call_with_deadline(lambda: "fast", 5)
    'fast'
    """
    if not seconds or seconds <= 0:
        return fn()
    target = threading.get_ident()
    lock = threading.Lock()
    finished = threading.Event()
    state = {"done": False, "fired": False}

    def watchdog() -> None:
        if finished.wait(seconds):
            return
        # fire, and fire again while the call goes on: an interrupt landing in a
        # finaliser or a weakref callback is swallowed by the interpreter
        while True:
            with lock:
                if state["done"]:
                    return
                state["fired"] = True
                _set_async_exc(target, _Deadline)
            if finished.wait(_REFIRE):
                return

    def stop() -> None:
        while True:
            try:
                with lock:
                    state["done"] = True
                    if state["fired"]:  # cancel an interrupt not delivered yet
                        _clear_async_exc(target, None)
                finished.set()
                return
            except _Deadline:
                continue

    try:
        try:
            threading.Thread(target=watchdog, name="careerkg-query-deadline", daemon=True).start()
            return fn()
        finally:
            stop()
    except _Deadline:  # delivered in fn, or in stop() before its guard
        stop()
        raise QueryTimeout(seconds) from None


# ---------------------------------------------------------------- running


@dataclass
class QueryResult:
    """The materialised answer of one query.

    ``form`` is SELECT, ASK, CONSTRUCT or DESCRIBE; SELECT fills ``variables`` and
    ``rows`` (tuples aligned with ``variables``, ``None`` for unbound), ASK fills
    ``boolean``, CONSTRUCT and DESCRIBE fill ``graph``.
    """

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    elapsed: float = 0.0

    @property
    def kind(self) -> str:
        """``"bindings"``, ``"boolean"`` or ``"graph"``: what result formats apply."""
        if self.form == "SELECT":
            return "bindings"
        if self.form == "ASK":
            return "boolean"
        return "graph"

    def __len__(self) -> int:
        if self.graph is not None:
            return len(self.graph)
        return len(self.rows) if self.form == "SELECT" else 1

    def dicts(self) -> list[dict[str, Identifier]]:
        """SELECT rows as dicts (unbound variables left out)."""
        return [
            {v: t for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows
        ]


def with_prefixes(graph: Graph) -> Graph:
    """``graph`` with careerkg's prefixes bound, as every result graph is serialised."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def graph_of_triples(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    """A result graph of ``triples`` (from a query process, or saved answers).

    Examples
    --------
    >>> from rdflib import URIRef
    >>> g = graph_of_triples([(URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"))])
    >>> len(g), dict(g.namespaces())["ckg"]
    (1, rdflib.term.URIRef('https://w3id.org/careerkg/ontology#'))
    """
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return with_prefixes(graph)


def _graph_of(store: Store | Graph) -> tuple[Graph, Store | None]:
    if isinstance(store, Store):
        return store.graph, store
    return store, None


def run_query(
    store: Store | Graph,
    query: str | Query,
    *,
    bindings: Mapping[str, Identifier] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = DEFAULT_MAX_ROWS,
) -> QueryResult:
    """Run a read-only SPARQL query and return its materialised result.

    Parameters
    ----------
    store : Store or rdflib.Graph
        What to query (careerkg's prefixes are predeclared).
    query : str or rdflib.plugins.sparql.sparql.Query
        Query text, or a query prepared with ``prepareQuery(..., initNs=PREFIXES)``
        (it is checked with :func:`check_query` all the same).
    bindings : mapping, optional
        Initial variable bindings (``initBindings``): how named queries take
        parameters, never by pasting text into the query.
    timeout : float, optional
        Seconds before the query is stopped; ``None`` or 0 for no limit.
    max_rows : int, optional
        Largest number of rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned;
        ``None`` or 0 for no cap.

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryRejected
        Malformed (400) or refused (403) queries.
    QueryTimeout
        The query ran past ``timeout`` (status 503).
    ResultTooLarge
        The result has more than ``max_rows`` rows (status 413); nothing is truncated
        silently.

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> res = run_query(store, "SELECT ?c WHERE { ?c a owl:Class } LIMIT 3")
    >>> res.variables, len(res.rows)
    (['c'], 3)
    >>> run_query(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.ResultTooLarge: query result exceeds the cap of 5 rows; ...
    """
    from kg.sparql.paths import using_store

    started = time.perf_counter()
    if isinstance(query, str):
        # parsing is rdflib's pure-Python parser: a long query (a FILTER of thousands of
        # ||, 64 KB) took 13 s before the limit began, so the limit counts it too; a text
        # parsed before is not watched (the watchdog thread cost 0.15 ms a query, as much
        # as a small query's whole evaluation)
        text_ = query
        prepared = _PARSED.peek(text_)
        if prepared is None:
            prepared = call_with_deadline(lambda: parse_cached(text_), timeout)
    else:
        prepared = query
        check_query(prepared)
    left = timeout - (time.perf_counter() - started) if timeout and timeout > 0 else None
    if left is not None and left <= 0:
        raise QueryTimeout(timeout or 0.0)
    try:
        return _run_prepared(store, query, prepared, bindings, left, max_rows, started, using_store)
    except QueryTimeout as err:
        if not timeout or err.seconds == timeout:
            raise
        # the limit the client knows, not what was left of it after parsing
        raise QueryTimeout(timeout, evaluated=err.evaluated) from None


def _run_prepared(
    store: Store | Graph,
    query: str | Query,
    prepared: Query,
    bindings: Mapping[str, Identifier] | None,
    timeout: float | None,
    max_rows: int | None,
    started: float,
    using_store: Callable[[Store | None], Any],
) -> QueryResult:
    """:func:`run_query` once the query is parsed, ``timeout`` what is left of the limit."""
    graph, owner = _graph_of(store)
    init = {Variable(k): v for k, v in (bindings or {}).items()}
    # Oxigraph and remote stores answer in their own engine (kg.sparql.native)
    from kg.sparql.native import TEXT_ATTRIBUTE, run_native

    text = query if isinstance(query, str) else getattr(query, TEXT_ATTRIBUTE, None)
    native = run_native(store, text, prepared, bindings=bindings, timeout=timeout, max_rows=max_rows)
    if native is not None:
        native = _in_query_order(native, text)
        native.elapsed = time.perf_counter() - started
        return native  # type: ignore[no-any-return]

    prepared = translated_exists(prepared)
    if owner is not None and owner.kind != "remote":  # its literals are as Oxigraph holds them
        prepared = stored_constants(prepared)
        forms = stored_forms(v for v in init.values() if isinstance(v, Literal))
        init = {k: forms.get(v, v) if isinstance(v, Literal) else v for k, v in init.items()}

    def evaluate() -> QueryResult:
        with using_store(owner):
            try:
                return _materialise(evalQuery(graph, prepared, init), max_rows)  # type: ignore[arg-type]
            except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError) as err:
                if isinstance(err, QueryRejected | KGError):
                    raise
                # rdflib's evaluator fails this way on some odd queries (found by bench_fuzz)
                raise QueryRejected(
                    f"the query could not be evaluated ({type(err).__name__}: {str(err)[:200]}); "
                    "check its functions and aggregates",
                    status=400,
                ) from err

    result = _in_query_order(call_with_deadline(evaluate, timeout), text)
    result.elapsed = time.perf_counter() - started
    return result


_SELECT_STAR = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _selects_star(text: str) -> bool:
    """Whether ``text`` has a ``SELECT *`` (remembered: a service answers the same
    texts over and over, and the search took a tenth of a small query's own work)."""
    return _SELECT_STAR.search(text) is not None


_EXISTS_ATTRIBUTE = "_careerkg_translated_exists"


def translated_exists(query: Query) -> Query:
    """``query`` with each ``EXISTS`` / ``NOT EXISTS`` pattern finished as rdflib finishes
    the rest of a query, for rdflib's evaluator.

    rdflib's translator (7.x) keeps the translated pattern of an ``EXISTS`` as an
    attribute of its node (the node's ``graph`` item keeps the parse tree), and the
    passes that then walk the algebra's items never reach it: its joins were left
    unsimplified and not lazy, so the evaluator listed every solution of the pattern
    before it could tell there was one. ``FILTER EXISTS { ?target ckg:requiresSkill
    ?skill }`` read all of a role's skills, about 45 on ESCO, and the hours-to-roles
    example spent about 5 of its 23.6 s there. Here each such pattern is simplified (joins
    with the empty pattern removed) and its joins marked lazy where rdflib marks them so
    in the rest of a query. In place (a prepared query is shared; every step leaves an
    equivalent pattern), once.

    Examples
    --------
    >>> q = parse_query("ASK { ?s a ckg:Role FILTER EXISTS { ?s ckg:requiresSkill ?k } }")
    >>> def patterns(q):
    ...     return [n.graph.name for n in walk(q.algebra) if getattr(n, "name", None) == "Builtin_EXISTS"]
    >>> patterns(q), patterns(translated_exists(q))
    (['Join'], ['BGP'])
    """
    if getattr(query, _EXISTS_ATTRIBUTE, False):
        return query
    from rdflib.plugins.sparql.algebra import _traverseAgg, analyse, simplify, traverse

    # walk() lists an EXISTS inside another's pattern after it: finish the inner first
    for node in reversed([n for n in walk(query.algebra) if _exists_pattern(n) is not None]):
        finished = traverse(_exists_pattern(node), visitPost=simplify)
        _traverseAgg(finished, visitor=analyse)
        vars(node)["graph"] = finished
    setattr(query, _EXISTS_ATTRIBUTE, True)
    return query


def _exists_pattern(node: Any) -> Any:
    """The translated pattern of an ``EXISTS`` / ``NOT EXISTS`` node (an attribute:
    rdflib's evaluator reads it so), or ``None`` for any other node."""
    if getattr(node, "name", None) in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
        return getattr(node, "__dict__", {}).get("graph")
    return None


_STORED_ATTRIBUTE = "_careerkg_stored_constants"


def stored_constants(query: Query) -> Query:
    """``query`` with each typed literal it names as Oxigraph reads it, for rdflib's evaluator.

    Oxigraph reads ``"1.50"^^xsd:decimal`` (or ``1.50``) in a query as it stores it,
    ``"1.5"^^xsd:decimal``, and so match, compare and answer the store's literals
    (:func:`kg.store.stored_forms`). rdflib's evaluator, which answers the queries using
    careerkg's extensions and every query on the rdflib backend, kept the text as written:
    ``SELECT (1.50 AS ?x)`` answered ``1.50`` there and ``1.5`` on Oxigraph, and a triple
    pattern naming ``"01"^^xsd:integer`` missed the stored ``1``. The query's algebra is
    rewritten once, in place (a prepared query is shared), and the query returned.

    Examples
    --------
    >>> q = stored_constants(parse_query('SELECT (1.50 AS ?x) ("01"^^xsd:int AS ?y) WHERE {}'))
    >>> sorted(str(n) for n in walk(q.algebra) if isinstance(n, Literal))
    ['1', '1.5']
    """
    if getattr(query, _STORED_ATTRIBUTE, False):
        return query
    literals = [node for node in walk(query.algebra) if isinstance(node, Literal)]
    forms = stored_forms(literals)
    if forms:
        _replace(query.algebra, forms, set())
    setattr(query, _STORED_ATTRIBUTE, True)
    return query


def _replace(node: Any, forms: Mapping[Literal, Literal], seen: set[int]) -> Any:
    """``node`` with the literals of ``forms`` replaced (mappings and lists in place)."""
    if isinstance(node, Literal):
        return forms.get(node, node)
    if id(node) in seen:
        return node
    seen.add(id(node))
    if isinstance(node, dict):  # CompValue, and the rows of a VALUES block
        for key, value in node.items():
            new = _replace(value, forms, seen)
            if new is not value:
                node[key] = new
        pattern = _exists_pattern(node)
        if pattern is not None:
            vars(node)["graph"] = _replace(pattern, forms, seen)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            node[i] = _replace(value, forms, seen)
    elif type(node) is tuple:  # a triple pattern
        items = tuple(_replace(value, forms, seen) for value in node)
        if any(a is not b for a, b in zip(items, node, strict=True)):
            return items
    return node


def _in_query_order(result: QueryResult, text: str | None) -> QueryResult:
    """``result`` with the columns of a ``SELECT *`` in the order its variables first
    appear in the query, as Jena and Virtuoso give them (Oxigraph sorts them by
    name, rdflib by its own set order).

    Examples
    --------
    >>> q = "SELECT * WHERE { ?s ?p ?o }"
    >>> r = _in_query_order(QueryResult("SELECT", ["o", "p", "s"], [(3, 2, 1)]), q)
    >>> r.variables, r.rows
    (['s', 'p', 'o'], [(1, 2, 3)])
    """
    if result.form != "SELECT" or not text or not _selects_star(text):
        return result
    from kg.sparql.native import variables_in_order

    shown = set(result.variables)
    wanted = [v for v in variables_in_order(text) if v in shown]
    if wanted == result.variables or len(wanted) != len(result.variables):
        return result
    at = [result.variables.index(v) for v in wanted]
    result.rows = [tuple(row[i] for i in at) for row in result.rows]
    result.variables = wanted
    return result


def _materialise(raw: Mapping[str, Any], max_rows: int | None) -> QueryResult:
    form = str(raw["type_"])
    if form == "SELECT":
        variables = [Variable(v) for v in raw["vars_"]]
        rows: list[tuple[Identifier | None, ...]] = []
        for solution in raw["bindings"]:
            if max_rows and len(rows) >= max_rows:
                raise ResultTooLarge(max_rows)
            rows.append(tuple(solution.get(v) for v in variables))
        return QueryResult(form, [str(v) for v in variables], rows)
    if form == "ASK":
        return QueryResult(form, boolean=bool(raw["askAnswer"]))
    graph = raw["graph"]
    if max_rows and len(graph) > max_rows:
        raise ResultTooLarge(max_rows)
    return QueryResult(form, graph=with_prefixes(graph))
