"""Remembered answers of pure functions of a store, per store version.

The served store is read-only, so what a function computes from it and its arguments
(a learning path for two roles, the page that shows it) can be kept and reused: the
next person asking for the same path gets it without the search. :func:`memoized`
keeps the ``size`` most recently used answers of each named function in the store's
derived views, so a changed store starts afresh.

Examples
--------
>>> from kg.store import Store
>>> store = Store.default()
>>> calls = []
>>> def build():
...     calls.append(1)
...     return len(calls)
>>> memoized(store, "demo", ("a", 1), build), memoized(store, "demo", ("a", 1), build)
(1, 1)
>>> memoized(store, "demo", ("b", 2), build), len(calls)
(2, 2)
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from kg.store import Store

__all__ = ["LRUTable", "json_key", "memoized"]

T = TypeVar("T")

_MISSING = object()


class LRUTable:
    """A least-recently-used table of at most ``size`` answers, safe to share between threads.

    Examples
    --------
    >>> table = LRUTable(2)
    >>> table.get("a", lambda: 1), table.get("a", lambda: 2), table.peek("a"), table.peek("b")
    (1, 1, 1, None)
    >>> _ = table.get("b", lambda: 2), table.get("c", lambda: 3)
    >>> table.peek("a") is None, table.peek("c")
    (True, 3)
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The answer kept for ``key``, or ``build()``'s, kept (an exception is not)."""
        with self.lock:
            value = self.items.get(key, _MISSING)
            if value is not _MISSING:
                self.items.move_to_end(key)
                return value  # type: ignore[no-any-return]
        value = build()  # outside the lock: two threads may build the same answer once each
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value

    def peek(self, key: Hashable) -> Any:
        """The answer kept for ``key`` (now the most recently used), or ``None``."""
        with self.lock:
            value = self.items.get(key, _MISSING)
            if value is _MISSING:
                return None
            self.items.move_to_end(key)
            return value


def memoized(store: Store, name: str, key: Hashable, build: Callable[[], T], size: int = 256) -> T:
    """``build()``, or the answer it gave for ``key`` under ``name`` on this store version.

    The answer is shared between callers: treat it as read-only.
    """
    table = store.derived(f"memo:{name}", lambda _s: LRUTable(size))
    return table.get(key, build)


def json_key(*values: Any) -> str:
    """A hashable key of JSON-like values (what a web form sends), whatever their types.

    Examples
    --------
    >>> json_key("a", ["x", 1], None) == json_key("a", ["x", 1], None)
    True
    >>> json_key({"b": 1, "a": 2}) == json_key({"a": 2, "b": 1})
    True
    """
    return json.dumps(values, sort_keys=True, default=repr)
