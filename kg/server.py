"""Serving careerkg: the web app and the ``/sparql`` endpoint behind gunicorn.

:func:`make_wsgi_app` builds the Flask application: the Dash app of
``dashboard.app.create_app`` when it is importable (its Flask server), otherwise a
plain Flask app; either way with the ``/sparql`` blueprint and ``/health``.
:func:`serve` runs it with gunicorn, the app loaded once in the master process
(``preload_app``) so every worker shares the read-only store.

Examples
--------
>>> from kg.store import Store
>>> app = make_wsgi_app(Store.default(), dashboard=False)
>>> health = app.test_client().get("/health").json
>>> health["status"], health["triples"] > 0
('ok', True)
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from importlib import metadata
from typing import Any

from flask import Flask, jsonify
from gunicorn.app.base import BaseApplication

from kg.sparql.endpoint import sparql_blueprint
from kg.store import Store

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "CareerKGServer", "make_wsgi_app", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050

log = logging.getLogger(__name__)


def _version() -> str:
    try:
        return metadata.version("careerkg")
    except metadata.PackageNotFoundError:
        return "unknown"


def _dashboard_factory() -> Callable[[Store], Any] | None:
    try:
        module = importlib.import_module("dashboard.app")
    except ModuleNotFoundError as err:
        if err.name in ("dashboard", "dashboard.app"):
            return None
        raise
    factory = getattr(module, "create_app", None)
    return factory if callable(factory) else None


def make_wsgi_app(
    store: Store,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    dashboard: bool = True,
) -> Flask:
    """The Flask app served by ``careerkg serve``.

    Parameters
    ----------
    store : Store
        The graph served (read-only).
    timeout, max_rows : optional
        SPARQL limits (see :func:`kg.sparql.endpoint.sparql_blueprint`).
    dashboard : bool
        Mount the Dash app (``dashboard.app.create_app(store).server``) when it is
        importable; false gives only ``/sparql`` and ``/health``.
    """
    factory = _dashboard_factory() if dashboard else None
    app: Flask
    if factory is not None:
        app = factory(store).server
    else:
        app = Flask("careerkg")
    app.register_blueprint(sparql_blueprint(store, timeout=timeout, max_rows=max_rows))
    version = _version()

    def health() -> Any:
        return jsonify(status="ok", triples=len(store), version=version, store_version=store.version)

    app.add_url_rule("/health", "careerkg_health", health, methods=["GET"])
    return app


class CareerKGServer(BaseApplication):  # type: ignore[misc]
    """gunicorn running one preloaded WSGI app with options given in Python."""

    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings and value is not None:
                self.cfg.set(key.lower(), value)

    def load(self) -> Any:
        return self.application


def serve(
    store: Store,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int = 2,
    threads: int = 4,
    timeout: float | None = None,
    max_rows: int | None = None,
    dashboard: bool = True,
) -> None:
    """Serve the app with gunicorn until interrupted (blocks).

    Workers are forked after the app is built (``preload_app``), so they share the
    loaded store. gunicorn's own worker timeout is kept well above the query time
    limit: a long query is stopped by :mod:`kg.sparql.engine`, not by killing workers.
    """
    from kg.sparql.engine import limits_from_env

    limit_s, cap = limits_from_env(timeout, max_rows)
    app = make_wsgi_app(store, timeout=limit_s or 0, max_rows=cap or 0, dashboard=dashboard)
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": max(1, workers),
        "worker_class": "gthread",
        "threads": max(1, threads),
        "preload_app": True,
        "timeout": int((limit_s or 60) + 60),
        "graceful_timeout": 10,
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "info",
        "control_socket_disable": True,  # no shared $HOME/.gunicorn socket between servers
    }
    CareerKGServer(app, options).run()
