"""The store the app serves, found from the running Flask app (one per ``create_app``).

Callbacks and page layouts call :func:`get_store`; outside a request (benchmarks,
tests) it falls back to the default store, built once.
"""

from __future__ import annotations

from functools import cache

from kg.store import Store

__all__ = ["CONFIG_KEY", "get_store"]

CONFIG_KEY = "CAREERKG_STORE"


@cache
def _default_store() -> Store:
    return Store.default()


def get_store() -> Store:
    """The store of the current app, else the default store."""
    from flask import current_app, has_app_context

    if has_app_context():
        store = current_app.config.get(CONFIG_KEY)
        if store is None:
            store = current_app.config[CONFIG_KEY] = _default_store()
        return store  # type: ignore[no-any-return]
    return _default_store()
