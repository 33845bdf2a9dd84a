"""Remembered SPARQL answers of a read-only store, for the endpoint and the app.

An answer depends only on the store's content (its ``version``), the query text and
the row cap, and the served store never changes, so a repeated query (the shipped
examples, a shared link, a dashboard page many people open) is answered from memory
instead of being evaluated again. :class:`ResultCache` keeps answers up to a budget of
bytes (least recently used first out), lets one request evaluate a query while the
others asking the same wait for its answer (no stampede), and remembers for a short
while that a query ran out of time, so the same runaway query sent again and again
costs one evaluation per ``negative_ttl`` instead of one per request.

:func:`run_query` is not cached: the library, the CLI and the benchmarks evaluate every
time. :func:`cached_query` is what ``/sparql`` and the app's SPARQL page call.

Examples
--------
>>> from kg.store import Store
>>> store = Store.default()
>>> cache = ResultCache(budget=1024 * 1024)
>>> first, hit = cache.run(store, "SELECT ?r WHERE { ?r a ckg:Role }", timeout=5, max_rows=100)
>>> again, hit_again = cache.run(store, "SELECT ?r WHERE { ?r a ckg:Role }", timeout=5, max_rows=100)
>>> hit, hit_again, again is first, cache.stats()["entries"]
(False, True, True, 1)
"""

from __future__ import annotations

import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from kg.errors import KGError, QueryTimeout, ResultTooLarge
from kg.sparql.engine import QueryResult, run_query
from kg.store import Store

__all__ = [
    "APART_TIMEOUT",
    "DEFAULT_BUDGET_MB",
    "NEGATIVE_TTL",
    "PRIME_THREADS",
    "PRIME_TIMEOUT",
    "ResultCache",
    "answer_examples",
    "cached_query",
    "configure",
    "prime",
    "result_cache",
]

DEFAULT_BUDGET_MB = 64
"""Memory the answers of one process may take (MiB), by a rough count of their size."""
NEGATIVE_TTL = 30.0
"""Seconds a query that ran out of time is answered with its timeout again unevaluated."""

_TERM_BYTES = 160  # a rough size of one rdflib term held in a row or a triple


@dataclass
class _Entry:
    result: QueryResult | None
    error: KGError | None
    size: int
    expires: float | None = None
    bodies: dict[str, bytes] = field(default_factory=dict)


def _fresh(err: KGError) -> KGError:
    """A copy of ``err`` without traceback or context, to keep or to raise again.

    A kept traceback would hold the frames of the evaluation (and pyoxigraph iterators,
    which may only be dropped by the thread that made them), and one exception object
    raised in several threads at once would have its traceback rewritten by each.
    """
    fresh = type(err).__new__(type(err), *err.args)  # not __init__: args hold the message
    fresh.__dict__.update(err.__dict__)
    fresh.__traceback__ = None
    fresh.__context__ = None
    fresh.__cause__ = None
    return fresh


def _size(result: QueryResult) -> int:
    if result.graph is not None:
        return 64 + 3 * _TERM_BYTES * len(result.graph)
    return 64 + _TERM_BYTES * max(1, len(result.variables)) * len(result.rows)


class ResultCache:
    """Answers (and recent timeouts) of queries, per store version, up to ``budget`` bytes.

    Parameters
    ----------
    budget : int
        Bytes the remembered answers may take, by a rough count (terms x 160 bytes
        plus serialized bodies); an answer bigger than an eighth of it is not kept.
        ``0`` keeps nothing (every call evaluates, concurrent equal calls still share
        one evaluation).
    negative_ttl : float
        Seconds a timeout is remembered.
    """

    def __init__(self, budget: int = DEFAULT_BUDGET_MB * 1024 * 1024, negative_ttl: float = NEGATIVE_TTL):
        self.budget = max(0, budget)
        self.negative_ttl = negative_ttl
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._flights: dict[Hashable, threading.Event] = {}
        self._by_result: dict[int, _Entry] = {}  # id(result) -> its entry, for body()
        self._lock = threading.Lock()
        self._used = 0
        self.hits = 0
        self.misses = 0

    def _lookup(self, key: Hashable) -> _Entry | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.expires is not None and entry.expires < time.monotonic():
            self._evict(key)
            return None
        self._entries.move_to_end(key)
        return entry

    def _evict(self, key: Hashable) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._used -= entry.size
            if entry.result is not None and self._by_result.get(id(entry.result)) is entry:
                del self._by_result[id(entry.result)]

    def _keep(self, key: Hashable, entry: _Entry) -> None:
        if entry.size > self.budget // 8:
            return
        self._evict(key)
        self._entries[key] = entry
        self._used += entry.size
        if entry.result is not None:
            self._by_result[id(entry.result)] = entry
        while self._used > self.budget and self._entries:
            self._evict(next(iter(self._entries)))

    def run(
        self,
        store: Store,
        text: str,
        *,
        timeout: float | None,
        max_rows: int | None,
        evaluate: Callable[[], QueryResult] | None = None,
    ) -> tuple[QueryResult, bool]:
        """The answer of ``text`` over ``store`` and whether it was remembered.

        ``evaluate`` (default: :func:`kg.sparql.engine.run_query` with the limits)
        runs on a miss. Errors are raised as :func:`~kg.sparql.engine.run_query`
        raises them; a :class:`~kg.errors.QueryTimeout` is raised again without
        evaluation for :attr:`negative_ttl` seconds, a
        :class:`~kg.errors.ResultTooLarge` while the store is unchanged.
        """
        key = (store.version, text)  # an answer, whatever cap it is read under
        capped = (store.version, text, max_rows)  # too large under this cap
        while True:
            with self._lock:
                entry = self._lookup(key) or self._lookup(capped)
                if entry is not None:
                    self.hits += 1
                    if entry.error is not None:
                        raise _fresh(entry.error)
                    assert entry.result is not None
                    if max_rows and len(entry.result) > max_rows:
                        raise ResultTooLarge(max_rows)
                    return entry.result, True
                flight = self._flights.get(capped)
                if flight is None:
                    flight = self._flights[capped] = threading.Event()
                    self.misses += 1
                    break
            # the same query is being evaluated: wait for that answer, then look again
            flight.wait(timeout if timeout else None)
        try:
            result = (
                evaluate()
                if evaluate is not None
                else run_query(store, text, timeout=timeout, max_rows=max_rows)
            )
        except QueryTimeout as err:
            # remembered only when the evaluation itself used (nearly) the whole limit,
            # not when most of it went waiting for a busy query process
            if err.evaluated is None or err.evaluated >= 0.8 * err.seconds:
                with self._lock:
                    self._keep(
                        key, _Entry(None, _fresh(err), 256, expires=time.monotonic() + self.negative_ttl)
                    )
            raise
        except ResultTooLarge as err:
            with self._lock:
                self._keep(capped, _Entry(None, _fresh(err), 256))
            raise
        finally:
            with self._lock:
                self._flights.pop(capped, None)
            flight.set()
        with self._lock:
            self._keep(key, _Entry(result, None, _size(result)))
        return result, False

    def put(self, store: Store, text: str, result: QueryResult) -> None:
        """Remember ``result`` as the answer of ``text`` on ``store`` (see :func:`prime`)."""
        with self._lock:
            self._keep((store.version, text), _Entry(result, None, _size(result)))

    def body(self, result: QueryResult, fmt: str, serialize: Callable[[QueryResult], bytes | str]) -> bytes:
        """``serialize(result)`` as bytes, remembered with ``result`` while it is kept."""
        with self._lock:
            entry = self._by_result.get(id(result))
            if entry is not None and entry.result is not result:
                entry = None
            if entry is not None and fmt in entry.bodies:
                return entry.bodies[fmt]
        raw = serialize(result)
        body = raw.encode("utf-8") if isinstance(raw, str) else raw
        if entry is not None:
            with self._lock:
                if entry.result is result and self._used + len(body) <= self.budget:
                    entry.bodies[fmt] = body
                    entry.size += len(body)
                    self._used += len(body)
        return body

    def stats(self) -> dict[str, Any]:
        """Entries, bytes used, hits and misses so far."""
        with self._lock:
            return {
                "entries": len(self._entries),
                "bytes": self._used,
                "budget": self.budget,
                "hits": self.hits,
                "misses": self.misses,
            }


_budget_mb = DEFAULT_BUDGET_MB


def configure(budget_mb: int) -> None:
    """Set the budget (MiB) of the caches made from now on (``careerkg serve --result-cache``)."""
    global _budget_mb
    _budget_mb = max(0, budget_mb)


def result_cache(store: Store) -> ResultCache:
    """The cache of ``store``'s answers: one per store and version, gone when it changes.

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> result_cache(store) is result_cache(store)
    True
    """
    return store.derived("sparql-results", lambda _s: ResultCache(_budget_mb * 1024 * 1024))


def cached_query(
    store: Store, text: str, *, timeout: float | None, max_rows: int | None
) -> tuple[QueryResult, bool]:
    """:func:`~kg.sparql.engine.run_query` through ``store``'s :func:`result_cache`."""
    return result_cache(store).run(store, text, timeout=timeout, max_rows=max_rows)


PRIME_TIMEOUT = None
"""Time limit of each example query answered by :func:`prime` in the serving process
(none: they are ours)."""
APART_TIMEOUT = 3600.0
"""Time limit of each example query answered in a process of its own, once per
persistent store (:func:`kg.derived_cache.build_apart`): no limit in practice, but a
limit sends the native queries to the query processes, side by side with the rest."""


PRIME_THREADS = 4
"""The most example queries :func:`answer_examples` answers at once (one per core)."""


def answer_examples(
    store: Store, threads: int | None = None, timeout: float | None = PRIME_TIMEOUT
) -> dict[str, QueryResult]:
    """The shipped example queries answered on ``store``, by their editable text.

    They are answered side by side, ``threads`` at a time (default: one per core, at
    most :data:`PRIME_THREADS`). With a ``timeout``, the native queries of a persistent
    store are evaluated in careerkg's query processes (:mod:`kg.sparql.bounded`) while
    the examples that use careerkg's ``ckf:`` functions run here, on rdflib's evaluator:
    on ESCO the slowest of each kind (hours-to-roles, 13-15 s; most-required-skills,
    7-10 s) took 26-30 s in turn and 16-17 s side by side on 2 cores. Without one
    they are all evaluated in this process, and a native query's rows, read with
    Python's lock, wait on the ``ckf:`` ones (19-24 s side by side).

    An example the store cannot answer (an error of any kind) is left out, and said so
    on stderr: these answers only save time, and a server must start without them
    (rdflib's remote store raised a plain ``Exception`` for an example that crossed a
    blank node, and ``careerkg serve --store URL`` exited before it listened).

    Examples
    --------
    >>> from kg.sparql.examples import EXAMPLES
    >>> store = Store.default()
    >>> together, in_turn = answer_examples(store), answer_examples(store, threads=1)
    >>> list(together) == list(in_turn) == [e.editable_text for e in EXAMPLES.values()]
    True
    >>> all(together[t].rows == in_turn[t].rows for t in together)
    True
    """
    import gc
    import os
    from concurrent.futures import ThreadPoolExecutor

    from kg.sparql.examples import EXAMPLES
    from kg.sparql.paths import install

    install()  # the ckf: examples need careerkg's extension functions registered

    def answer(name: str) -> QueryResult | None:
        try:
            return run_query(store, EXAMPLES[name].editable_text, timeout=timeout, max_rows=None)
        except KGError:
            return None  # an answer this store cannot give (a limit, a path not found...)
        except Exception as err:
            print(
                f"careerkg: the example {name!r} was not answered in advance "
                f"({type(err).__name__}: {str(err)[:200]}); it is answered when asked",
                file=sys.stderr,
                flush=True,
            )
            return None

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    n = threads or min(PRIME_THREADS, cores)
    # the reference cycles this thread left are freed here, not by a collection the
    # examples' work sets off in a pool thread: a pyoxigraph answer in one may only be
    # freed by the thread that made it (the CI run at d3d6422 warned "PyQuerySolutions is
    # unsendable, but is being dropped on another thread" from this doctest's pool)
    gc.collect()
    with ThreadPoolExecutor(max(1, n), thread_name_prefix="careerkg-examples") as pool:
        results = list(pool.map(answer, EXAMPLES))
    return {
        example.editable_text: result
        for example, result in zip(EXAMPLES.values(), results, strict=True)
        if result is not None
    }


def prime(store: Store) -> int:
    """Put the answers of the shipped examples in ``store``'s cache; how many.

    The answers are computed once per store version (on a persistent store, once per
    store: they are saved in its ``careerkg-cache`` folder, see
    :mod:`kg.derived_cache`, computed in a separate process so this one keeps none of
    the memory the evaluation took). ``careerkg serve`` primes before it forks its workers,
    so every worker starts with them: on the ESCO store the aggregate examples take
    seconds each, and would otherwise be evaluated again by every worker.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.sparql.examples import EXAMPLES
    >>> store = Store.default()
    >>> prime(store) == len(EXAMPLES)
    True
    >>> result_cache(store).run(store, EXAMPLES["counts-by-class"].editable_text, timeout=1, max_rows=100)[1]
    True
    """
    if store.kind == "oxigraph" and store.location:
        from kg import derived_cache

        # load, not is_saved: a current file may answer examples since edited (not trusted)
        if derived_cache.writable(store.location) and derived_cache.load(store, "example-answers") is None:
            # evaluated in a process of its own: on ESCO the aggregates leave ~150 MiB
            # of caches and heap behind, which every forked worker would inherit
            derived_cache.build_apart(store.location, "example-answers")
    answers = store.derived("example-answers", answer_examples)
    cache = result_cache(store)
    for text, result in answers.items():
        cache.put(store, text, result)
    return len(answers)
