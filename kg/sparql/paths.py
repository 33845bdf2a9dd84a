"""Learning paths in SPARQL: magic predicates and extension functions over ``kg.paths``.

A group of triples on one subject with the ``ckf:`` predicates below is not matched
against the graph: it is answered by the NetworkX path engine
(:func:`kg.paths.plan`), one solution per step of the learning path, in order.

Inputs (constants, or variables bound elsewhere in the query):

- ``ckf:pathFrom`` the source role (optional when ``ckf:know`` is given),
- ``ckf:pathTo`` the target role,
- ``ckf:know`` a skill the learner already has (repeatable).

Outputs (variables, or constants to filter on):

- ``ckf:position`` 1, 2, ... in learning order; ``ckf:step`` the skill IRI;
  ``ckf:label`` its label; ``ckf:hours`` the hours to learn it; ``ckf:level`` the level to
  reach; ``ckf:stepType`` its type; ``ckf:reasons`` why it is there (one string, reasons
  joined by ``"; "``); ``ckf:totalHours`` the path's total; ``ckf:covers`` a broader
  skill the step covers (``skos:broader``: learning Python programming covers computer
  programming, which is then no step of its own), one solution per covered skill and none
  for a step that covers nothing, as for any triple pattern.

A known skill is an IRI (known at level 5) or a string as ``careerkg path --know``
takes it (``"Python:3"``, ``"skill:python:2"``).

Example::

    PREFIX ckf: <https://w3id.org/careerkg/function#>
    SELECT ?position ?step ?label ?hours WHERE {
      ?row ckf:pathFrom role:software-engineer ; ckf:pathTo role:machine-learning-engineer ;
           ckf:position ?position ; ckf:step ?step ; ckf:hours ?hours .
      ?step skos:prefLabel ?label .
    } ORDER BY ?position

Scalar functions: ``ckf:pathHours(?source, ?target)`` (total hours of the path) and
``ckf:pathLength(?source, ?target)`` (number of steps); unbound when no path exists.

Nothing is active until :func:`install` registers the evaluator in rdflib's
``CUSTOM_EVALS`` and the functions with ``register_custom_function``;
:func:`uninstall` removes them. Tests patch the same entries with
``monkeypatch`` through :func:`extension_entries`.
"""

from __future__ import annotations

import contextlib
import contextvars
import weakref
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import CUSTOM_EVALS
from rdflib.plugins.sparql import operators as _operators
from rdflib.plugins.sparql.evaluate import evalBGP
from rdflib.plugins.sparql.sparql import FrozenBindings, QueryContext, SPARQLError
from rdflib.term import Identifier, Node

from kg.errors import KGError
from kg.namespace import CKF, CKG
from kg.store import Store

__all__ = [
    "EVAL_NAME",
    "FUNCTIONS",
    "INPUTS",
    "MAGIC",
    "OUTPUTS",
    "PathRow",
    "eval_paths",
    "extension_entries",
    "install",
    "path_hours",
    "path_length",
    "path_rows",
    "uninstall",
    "using_store",
]

EVAL_NAME = "careerkg-learning-paths"
"""Key of the evaluator in ``rdflib.plugins.sparql.CUSTOM_EVALS``."""

INPUTS = (CKF.pathFrom, CKF.pathTo, CKF.know)
OUTPUTS = (
    CKF.position,
    CKF.step,
    CKF.label,
    CKF.hours,
    CKF.level,
    CKF.stepType,
    CKF.reasons,
    CKF.totalHours,
    CKF.covers,
)
MAGIC = frozenset((*INPUTS, *OUTPUTS))

_Triple = tuple[Any, Any, Any]  # rdflib types BGP terms loosely

_current: contextvars.ContextVar[Store | None] = contextvars.ContextVar("careerkg_sparql_store", default=None)
_wrapped: weakref.WeakKeyDictionary[Graph, Store] = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def using_store(store: Store | None) -> Iterator[None]:
    """Let path predicates evaluated in this block use ``store`` (its cached projection).

    Without it, a graph queried directly is wrapped in a :class:`~kg.store.Store`
    of its own (cached per graph).
    """
    token = _current.set(store)
    try:
        yield
    finally:
        _current.reset(token)


def _store_for(graph: Graph) -> Store:
    store = _current.get()
    if store is not None and store.graph is graph:
        return store
    found = _wrapped.get(graph)
    if found is None:
        found = _wrapped[graph] = Store(graph)
    return found


@dataclass(frozen=True)
class PathRow:
    """One step of a learning path, as RDF terms (``covers``: the broader skills it covers)."""

    position: Literal
    step: URIRef
    label: Literal
    hours: Literal
    level: Literal
    step_type: Identifier
    reasons: Literal
    total_hours: Literal
    covers: tuple[URIRef, ...] = ()

    def values(self, predicate: URIRef) -> tuple[Identifier, ...]:
        """The terms ``predicate`` has for this step: one, or for ``ckf:covers`` one per
        covered skill (none when the step covers nothing)."""
        if predicate == CKF.covers:
            return self.covers
        return (
            {
                CKF.position: self.position,
                CKF.step: self.step,
                CKF.label: self.label,
                CKF.hours: self.hours,
                CKF.level: self.level,
                CKF.stepType: self.step_type,
                CKF.reasons: self.reasons,
                CKF.totalHours: self.total_hours,
            }[predicate],
        )


def _number(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(int(value))
    if isinstance(value, int):
        return Literal(value)
    if isinstance(value, float) and value.is_integer():
        return Literal(int(value))
    return Literal(Decimal(str(value)))


def _term(value: Any) -> Identifier:
    text = str(value)
    if isinstance(value, URIRef) or text.startswith(("http://", "https://", "urn:")):
        return URIRef(text)
    return Literal(text)


def _reasons(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    parts = []
    for reason in value:
        if isinstance(reason, dict):
            parts.append(str(reason.get("text") or reason.get("label") or reason))
        else:
            parts.append(str(reason))
    return "; ".join(parts)


def _plan(store: Store, source: Node | None, target: Node, know: Sequence[Node]) -> Any | None:
    from kg.paths import plan  # the NetworkX path engine, imported when first used

    try:
        return plan(
            store,
            str(source) if source is not None else None,
            str(target),
            know=[str(k) for k in know],
        )
    except KGError:  # unknown name, no path: no solutions, as for any unmatched pattern
        return None


def path_rows(
    store: Store, source: Node | None, target: Node, know: Sequence[Node] = ()
) -> tuple[PathRow, ...]:
    """The steps of the learning path from ``source`` to ``target`` as RDF terms.

    Cached per store version. Empty when ``kg.paths.plan`` finds no path or does not
    know a name.
    """
    key = "sparql-path:" + "|".join([str(source), str(target), *sorted(str(k) for k in know)])

    def build(s: Store) -> tuple[PathRow, ...]:
        path = _plan(s, source, target, know)
        if path is None:
            return ()
        total = _number(path.total_hours)
        rows = []
        for step in path.steps:
            rows.append(
                PathRow(
                    position=_number(step.position),
                    step=URIRef(str(step.iri)),
                    label=Literal(str(step.label)),
                    hours=_number(step.hours),
                    level=_number(getattr(step, "level", 0)),
                    step_type=_term(step.type),
                    reasons=Literal(_reasons(getattr(step, "reasons", None))),
                    total_hours=total,
                    covers=tuple(URIRef(str(c)) for c in getattr(step, "covers", ())),
                )
            )
        return tuple(rows)

    return store.derived(key, build)


# ---------------------------------------------------------------- magic predicates


@dataclass
class _Group:
    subject: Any
    inputs: dict[URIRef, list[Any]]
    outputs: list[tuple[URIRef, Any]]

    def ready(self, ctx: QueryContext) -> bool:
        return all(ctx[o] is not None for values in self.inputs.values() for o in values)


def _groups(triples: Sequence[_Triple]) -> tuple[list[_Group], list[_Triple]]:
    groups: dict[Node, _Group] = {}
    rest = []
    for s, p, o in triples:
        if p in MAGIC:
            g = groups.setdefault(s, _Group(s, {}, []))
            if p in INPUTS:
                g.inputs.setdefault(URIRef(p), []).append(o)
            else:
                g.outputs.append((URIRef(p), o))
        else:
            rest.append((s, p, o))
    return list(groups.values()), rest


def _bind(ctx: QueryContext, var: Any, value: Identifier) -> QueryContext | None:
    current = ctx[var]
    if current is None:
        ctx[var] = value
        return ctx
    return ctx if current == value else None


def _answer(ctx: QueryContext, groups: list[_Group]) -> Iterator[QueryContext]:
    if not groups:
        yield ctx
        return
    group, others = groups[0], groups[1:]
    sources = [ctx[o] for o in group.inputs.get(CKF.pathFrom, [])]
    targets = [ctx[o] for o in group.inputs.get(CKF.pathTo, [])]
    know = [ctx[o] for o in group.inputs.get(CKF.know, [])]
    if len(sources) > 1 or len(targets) != 1 or (not sources and not know):
        return  # a path needs one target and a source role or known skills
    graph = ctx.graph
    if not all((r, RDF.type, CKG.Role) in graph for r in [*sources, *targets]):  # type: ignore[operator]
        return  # not roles: no path, and no need to ask the path engine
    store = _store_for(graph)  # type: ignore[arg-type]
    for row in path_rows(store, sources[0] if sources else None, targets[0], know):  # type: ignore[arg-type]
        row_node = BNode()
        # one solution per combination of the outputs' values (ckf:covers may have several)
        for values in product(*(row.values(predicate) for predicate, _ in group.outputs)):
            c: QueryContext | None = _bind(ctx.push(), group.subject, row_node)
            for (_, term), value in zip(group.outputs, values, strict=True):
                if c is None:
                    break
                c = _bind(c, term, value)
            if c is not None:
                yield from _answer(c, others)


def _order(ctx: QueryContext, triples: list[_Triple]) -> list[_Triple]:
    return sorted(triples, key=lambda t: len([n for n in t if ctx[n] is None]))


def _solve(ctx: QueryContext, groups: list[_Group], rest: list[_Triple]) -> Iterator[FrozenBindings]:
    # answer the path groups as soon as their inputs are bound, then the other triples
    if all(g.ready(ctx) for g in groups):
        for c in _answer(ctx, groups):
            yield from evalBGP(c, _order(c, rest))
        return
    if not rest:
        return  # inputs never bound: no path to describe
    ordered = _order(ctx, rest)
    for solution in evalBGP(ctx, ordered[:1]):
        yield from _solve(ctx.thaw(solution), groups, ordered[1:])


def eval_paths(ctx: QueryContext, part: Any) -> Any:
    """rdflib ``CUSTOM_EVALS`` hook: answer basic graph patterns that use ``ckf:`` path predicates.

    A join of such a pattern with anything else (``VALUES``, a sub-query, a
    ``GRAPH``...) is evaluated other side first, so the path inputs are bound.
    Raises ``NotImplementedError`` for every other part, so rdflib evaluates it as usual.
    """
    if part.name == "Join":
        return _join(ctx, part)
    if not _is_magic(part):
        raise NotImplementedError
    groups, rest = _groups(part.triples)
    return _solve(ctx, groups, rest)


def _is_magic(part: Any) -> bool:
    return getattr(part, "name", None) == "BGP" and any(t[1] in MAGIC for t in part.triples)


def _join(ctx: QueryContext, part: Any) -> Iterator[FrozenBindings]:
    # a path pattern joined with VALUES, a sub-select...: evaluate the other side first,
    # so the path inputs are bound when the path is computed (a lazy join)
    from rdflib.plugins.sparql.evaluate import evalPart

    if _is_magic(part.p2) and not _is_magic(part.p1):
        first, then = part.p1, part.p2
    elif _is_magic(part.p1) and not _is_magic(part.p2):
        first, then = part.p2, part.p1
    else:
        raise NotImplementedError
    return (b.merge(a) for a in evalPart(ctx, first) for b in evalPart(ctx.thaw(a), then))


# ---------------------------------------------------------------- scalar functions


def path_summary(store: Store, source: Node, target: Node) -> tuple[Literal, Literal] | None:
    """``(total hours, number of steps)`` of the path from ``source`` to ``target``;
    ``None`` when there is none (a path with nothing to learn is ``(0, 0)``).

    Cached per store version.

    Examples
    --------
    >>> from kg.namespace import ROLE
    >>> store = Store.default()
    >>> [int(x) for x in path_summary(store, ROLE["software-engineer"], ROLE["software-engineer"])]
    [0, 0]
    """
    key = f"sparql-path-summary:{source}|{target}"

    def build(s: Store) -> tuple[Literal, Literal] | None:
        path = _plan(s, source, target, ())
        return None if path is None else (_number(path.total_hours), Literal(len(path.steps)))

    return store.derived(key, build)


def _scalar(index: int) -> Callable[..., Literal]:
    def function(source: Node, target: Node) -> Literal:
        store = _current.get()
        if store is None:
            raise SPARQLError("careerkg path functions need a store (run through kg.sparql.run_query)")
        summary = path_summary(store, source, target)
        if summary is None:
            raise SPARQLError(f"no learning path from {source} to {target}")
        return summary[index]

    return function


path_hours = _scalar(0)
"""``ckf:pathHours(source, target)``: total learning hours of the path (0 when there is
nothing to learn)."""
path_length = _scalar(1)
"""``ckf:pathLength(source, target)``: number of steps of the path."""

FUNCTIONS: dict[URIRef, Callable[..., Literal]] = {CKF.pathHours: path_hours, CKF.pathLength: path_length}


def extension_entries() -> list[tuple[MutableMapping[Any, Any], Any, Any]]:
    """``(registry, key, value)`` for everything :func:`install` registers.

    Tests apply them with ``monkeypatch.setitem(registry, key, value)``, which
    removes them again afterwards.
    """
    entries: list[tuple[MutableMapping[Any, Any], Any, Any]] = [(CUSTOM_EVALS, EVAL_NAME, eval_paths)]
    for iri, fn in FUNCTIONS.items():
        entries.append((_operators._CUSTOM_FUNCTIONS, iri, (fn, False)))
    return entries


def install() -> None:
    """Register the path evaluator and the ``ckf:`` functions with rdflib (idempotent).

    Examples
    --------
    >>> install(); EVAL_NAME in CUSTOM_EVALS
    True
    >>> uninstall(); EVAL_NAME in CUSTOM_EVALS
    False
    """
    CUSTOM_EVALS[EVAL_NAME] = eval_paths
    for iri, fn in FUNCTIONS.items():
        _operators.register_custom_function(iri, fn, override=True)


def uninstall() -> None:
    """Remove what :func:`install` registered (idempotent)."""
    CUSTOM_EVALS.pop(EVAL_NAME, None)
    for iri in FUNCTIONS:
        _operators._CUSTOM_FUNCTIONS.pop(iri, None)
