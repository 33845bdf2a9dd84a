"""The named example queries shipped with careerkg (``kg/sparql/queries/*.rq``).

Each file starts with a comment header::

    # title: Essential skills of a role, with levels
    # description: The skills a role requires as essential, ...
    # param role: role:machine-learning-engineer

A ``param`` line names a query variable and its default value. Parameters are
passed as initial bindings of the query, prepared once with
``prepareQuery(..., initNs=PREFIXES)``: user text is never pasted into a query.
Values are names resolved like every careerkg name (labels, alt labels, IRIs,
prefixed names).

Examples
--------
>>> ex = EXAMPLES["reachable-roles"]
>>> ex.title
'Roles reachable from a role'
>>> ex.params
{'role': 'role:software-engineer'}
>>> "ckg:progressesTo+" in ex.text
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from kg.errors import UnknownEntity
from kg.namespace import PREFIXES
from kg.sparql.engine import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, QueryResult, run_query
from kg.store import Store

__all__ = ["EXAMPLES", "QUERY_DIR", "Example", "find_example", "get_example", "load_examples", "run_example"]

QUERY_DIR = Path(__file__).resolve().parent / "queries"
"""Where the example ``.rq`` files live."""

_HEADER = re.compile(r"^#\s*(title|description|param|empty)\s*(\w*)\s*:\s*(.*?)\s*$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    """One named query: ``name`` (the file stem), ``title``, ``description``, ``text``,
    ``params`` (variable -> default value), and ``empty``: what to say when it answers
    no rows (``# empty:``; the gap-report examples need a report the shipped graph lacks).

    Examples
    --------
    >>> EXAMPLES["gaps-coverage"].empty.startswith("the shipped graph holds no gap report")
    True
    >>> EXAMPLES["reachable-roles"].empty
    ''
    """

    name: str
    title: str
    description: str
    text: str
    params: dict[str, str] = field(default_factory=dict)
    empty: str = ""

    @classmethod
    def from_file(cls, path: Path) -> Example:
        """Read a ``.rq`` file and its comment header."""
        text = path.read_text(encoding="utf-8")
        meta: dict[str, str] = {}
        params: dict[str, str] = {}
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            m = _HEADER.match(line)
            if m is None:
                continue
            key, var, value = m.groups()
            if key == "param":
                params[var] = value
            else:
                meta[key] = value
        if "title" not in meta:
            raise ValueError(f"{path}: the header has no '# title:' line")
        return cls(path.stem, meta["title"], meta.get("description", ""), text, params, meta.get("empty", ""))

    @property
    def editable_text(self) -> str:
        """The text with its default parameters in a ``VALUES`` clause a person can edit.

        The clause opens the query pattern, so engines start from the bound values
        (Oxigraph joins a trailing ``VALUES`` last: seconds, or a timeout, on an
        ESCO-sized store). This is the text the app's SPARQL page shows.

        Examples
        --------
        >>> print(EXAMPLES["reachable-roles"].editable_text)  # doctest: +ELLIPSIS
        # title: ...
        SELECT ... WHERE {
          # parameters: edit the values
          VALUES (?role) { (role:software-engineer) }
        ...
        """
        text = self.text.rstrip() + "\n"
        if not self.params:
            return text
        names = " ".join(f"?{v}" for v in self.params)
        values = " ".join(self.params.values())
        clause = f"VALUES ({names}) {{ ({values}) }}"
        where = _WHERE.search(text)
        if where is None:
            return text + f"# parameters: edit the values below\n{clause}\n"
        return text[: where.end()] + f"\n  # parameters: edit the values\n  {clause}" + text[where.end() :]

    @cached_property
    def prepared(self) -> Query:
        """The query, parsed and translated once."""
        from kg.sparql.native import attach_text

        # the text lets Oxigraph and remote stores run the query natively
        return attach_text(prepareQuery(self.text, initNs=PREFIXES), self.text)

    def bindings(self, store: Store, values: Mapping[str, str] | None = None) -> dict[str, Identifier]:
        """Resolve the parameters (defaults overridden by ``values``) to IRIs.

        Raises
        ------
        UnknownEntity
            For a value that names nothing (with the closest labels), or a
            parameter the query does not have.
        """
        from kg.names import LabelIndex

        given = dict(values or {})
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise UnknownEntity(unknown[0], sorted(self.params), kind="parameter", among="parameter")
        index = LabelIndex.of(store)
        bound: dict[str, Identifier] = {}
        for var, default in self.params.items():
            if var not in given:
                bound[var] = index.resolve(default)
                continue
            # a value names a node of the default's kind: a skill where the query wants a
            # role would answer no rows and say nothing
            try:
                kinds = sorted(index.types.get(index.resolve(default), ())) or None
            except UnknownEntity:  # a store without the default (ESCO alone): any kind
                kinds = None
            bound[var] = index.resolve(given[var], kinds[0] if kinds and len(kinds) == 1 else kinds)
        return bound


def load_examples(folder: Path = QUERY_DIR) -> dict[str, Example]:
    """Every ``*.rq`` example in ``folder``, by name, sorted."""
    return {p.stem: Example.from_file(p) for p in sorted(folder.glob("*.rq"))}


EXAMPLES: dict[str, Example] = load_examples()
"""The shipped examples, by name."""


def find_example(name: str | None) -> Example | None:
    """The example called ``name``, or ``None``.

    Names are matched without regard to case, and ``_`` stands for ``-``: the
    curriculum-gap examples were once called ``gaps_coverage`` and so on, and scripts
    and bookmarks that use those names still find them.

    Examples
    --------
    >>> find_example("gaps_coverage").name, find_example(" Learning-Path ").name
    ('gaps-coverage', 'learning-path')
    >>> find_example("nope") is None, find_example(None) is None
    (True, True)
    """
    if name is None:
        return None
    return EXAMPLES.get(name) or EXAMPLES.get(name.strip().lower().replace("_", "-"))


def get_example(name: str) -> Example:
    """The example called ``name`` (as :func:`find_example` matches names).

    Raises
    ------
    UnknownEntity
        With the closest example names.

    Examples
    --------
    >>> get_example("learning-paths")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UnknownEntity: unknown example query name 'learning-paths'; closest known names: 'learning-path'...
    """
    import difflib

    found = find_example(name)
    if found is None:
        close = difflib.get_close_matches(name.lower().replace("_", "-"), list(EXAMPLES), n=5, cutoff=0.4)
        raise UnknownEntity(name, close, kind="example query", among="name")
    return found


def run_example(
    store: Store,
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = DEFAULT_MAX_ROWS,
) -> QueryResult:
    """Run the example ``name`` with its parameters (defaults overridden by ``params``).

    Examples
    --------
    >>> from kg.store import Store
    >>> res = run_example(Store.default(), "reachable-roles")
    >>> res.variables
    ['next', 'label']
    """
    example = get_example(name)
    return run_query(
        store,
        example.prepared,
        bindings=example.bindings(store, params),
        timeout=timeout,
        max_rows=max_rows,
    )
