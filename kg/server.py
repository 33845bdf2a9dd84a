"""Serving careerkg: the web app and the ``/sparql`` endpoint behind gunicorn.

:func:`make_wsgi_app` builds the Flask application: the Dash app of
``dashboard.app.create_app`` when it is importable (its Flask server), otherwise a
plain Flask app; either way with the ``/sparql`` blueprint and ``/health``, request
bodies capped (``413`` beyond ``max_body`` bytes) and debug off.
:func:`serve` runs it with gunicorn, the app loaded once in the master process
(``preload_app``) so every worker shares the read-only store, with one JSON line
per request in the access log (:class:`JsonAccessLogger`).

Examples
--------
>>> from kg.store import Store
>>> app = make_wsgi_app(Store.default(), dashboard=False)
>>> health = app.test_client().get("/health").json
>>> health["status"], health["triples"] > 0
('ok', True)
"""

from __future__ import annotations

import errno
import gc
import importlib
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from importlib import metadata
from typing import Any

from flask import Flask, Response, jsonify, request
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger
from werkzeug.exceptions import InternalServerError, RequestEntityTooLarge

from kg.errors import KGError
from kg.sparql.bounded import DEFAULT_MEMORY_MB, SLOTS
from kg.sparql.cache import DEFAULT_BUDGET_MB
from kg.sparql.endpoint import sparql_blueprint
from kg.store import Store

__all__ = [
    "BIG_IN_MEMORY",
    "DEFAULT_HOST",
    "DEFAULT_MAX_BODY",
    "DEFAULT_PORT",
    "LIMIT_REQUEST_LINE",
    "CareerKGServer",
    "JsonAccessLogger",
    "access_record",
    "make_wsgi_app",
    "memory_note",
    "prime_examples",
    "serve",
    "too_long_answer",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050
DEFAULT_MAX_BODY = 1024 * 1024
"""Largest request body accepted (bytes): a base64 curriculum upload of the ``/gaps``
page (512 KiB before encoding) fits; anything larger is answered ``413``."""

BIG_IN_MEMORY = 250_000
"""Triples in an in-memory graph beyond which ``serve`` suggests a store folder."""

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


def _unexpected(err: InternalServerError) -> Response:
    """An exception nobody handled: logged with its traceback, never shown to the client.

    A Dash callback request the app cannot handle (malformed JSON shape, values of the
    wrong type, ids that do not exist: the browser's renderer never sends these) is the
    client's error, ``400``; anything else stays ``500``.
    """
    if request.path.endswith("/_dash-update-component"):
        cause = type(err.original_exception).__name__ if err.original_exception else "error"
        return Response(
            f"malformed callback request ({cause}); reload the page\n", status=400, mimetype="text/plain"
        )
    return Response("internal error; it was logged on the server\n", status=500, mimetype="text/plain")


def make_wsgi_app(
    store: Store,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    dashboard: bool = True,
    max_body: int | None = DEFAULT_MAX_BODY,
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
    max_body : int or None
        Request bodies (uploads, POSTed queries, Dash callbacks) larger than this many
        bytes are answered ``413``; ``None`` or ``0`` lifts the limit.

    Examples
    --------
    >>> from kg.store import Store
    >>> app = make_wsgi_app(Store.default(), dashboard=False, max_body=100)
    >>> r = app.test_client().post("/sparql", data={"query": "ASK {}" + " " * 200})
    >>> r.status_code, r.get_data(as_text=True).startswith("request body larger than 100 bytes")
    (413, True)
    """
    factory = _dashboard_factory() if dashboard else None
    app: Flask
    if factory is not None:
        app = factory(store).server
    else:
        app = Flask("careerkg")
    app.debug = False  # never the Werkzeug debugger or Dash dev tools when served
    # the endpoint's limits, for the SPARQL page's queries too (dashboard.views.query.limits)
    from kg.sparql.engine import limits_from_env

    app.config["CAREERKG_SPARQL_LIMITS"] = limits_from_env(timeout, max_rows)
    app.config["MAX_CONTENT_LENGTH"] = max_body or None
    app.register_blueprint(
        sparql_blueprint(
            store,
            timeout=timeout,
            max_rows=max_rows,
            page="/query" if factory is not None else None,  # a browser's query opens the SPARQL page
        )
    )
    version = _version()
    app_pid = os.getpid()

    def too_large(_err: RequestEntityTooLarge) -> Response:
        return Response(
            f"request body larger than {max_body} bytes; send less (the limit is set by "
            "`careerkg serve --max-body`)\n",
            status=413,
            mimetype="text/plain",
        )

    app.register_error_handler(RequestEntityTooLarge, too_large)
    app.register_error_handler(InternalServerError, _unexpected)

    def health() -> Any:
        from kg.sparql import resident

        engine = resident.engine()
        return jsonify(
            status="ok",
            triples=len(store),
            version=version,
            store_version=store.version,
            app_pid=app_pid,
            worker_pid=os.getpid(),
            in_memory_engine=None if engine is None else ("ready" if engine.ready() else "loading"),
        )

    app.add_url_rule("/health", "careerkg_health", health, methods=["GET"])
    if factory is not None:
        # Dash records which of its scripts it may serve while it renders the index page;
        # rendering it once here, before gunicorn forks, gives every worker that registry
        # (a worker that never rendered the index would answer 500 for the scripts)
        with app.test_client() as client:
            client.get("/")
    return app


def memory_note(store: Store, processes: int, workers: int, big: int = BIG_IN_MEMORY) -> str | None:
    """A note for the operator when every query process would copy a big in-memory graph.

    Examples
    --------
    >>> from kg.store import Store
    >>> memory_note(Store.default(), 2, 2) is None
    True
    >>> print(memory_note(Store.default(), 2, 2, big=1000))  # doctest: +ELLIPSIS
    careerkg: note: ... triples held in memory; each of the 2 query processes of each of the 2 workers loads its own copy...
    """
    triples = len(store)
    if not processes or store.kind != "memory-oxigraph" or triples <= big:
        return None
    return (
        f"careerkg: note: {triples:,} triples held in memory; each of the {processes} query processes "
        f"of each of the {max(1, workers)} workers loads its own copy (about "
        f"{triples * 430 // 1_000_000:,} MB each at ESCO's 430 bytes a triple). A store folder is shared "
        "instead: `careerkg import ... --store DIR`, then `careerkg serve --store DIR`."
    )


def access_record(
    environ: dict[str, Any], status: int | str, seconds: float, size: int | None, pid: int | None = None
) -> dict[str, Any]:
    """One access-log record: time, method, path, status, duration, bytes, worker pid.

    Examples
    --------
    >>> r = access_record({"REQUEST_METHOD": "GET", "PATH_INFO": "/health"}, 200, 0.0125, 42, pid=7)
    >>> {k: r[k] for k in ("method", "path", "status", "ms", "bytes", "pid")}
    {'method': 'GET', 'path': '/health', 'status': 200, 'ms': 12.5, 'bytes': 42, 'pid': 7}
    """
    query = environ.get("QUERY_STRING") or ""
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "method": environ.get("REQUEST_METHOD", "-"),
        "path": environ.get("PATH_INFO", "-"),
        **({"query_bytes": len(query)} if query else {}),
        "status": int(str(status).split(" ", 1)[0] or 0),
        "ms": round(seconds * 1000, 2),
        "bytes": int(size or 0),
        "pid": pid if pid is not None else os.getpid(),
        "remote": environ.get("REMOTE_ADDR", "-"),
    }


class JsonAccessLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger writing one JSON object per request to the access log.

    Query strings are not logged (they may hold a user's query text), only their size.
    ``accesslog = "-"`` writes to stderr (gunicorn's own default is stdout).
    """

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        if cfg.accesslog == "-":
            self._set_handler(self.access_log, "-", logging.Formatter(self.access_fmt), stream=sys.stderr)

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        seconds = request_time.total_seconds() if hasattr(request_time, "total_seconds") else 0.0
        record = access_record(environ, getattr(resp, "status_code", None) or resp.status, seconds, resp.sent)
        self.access_log.info(json.dumps(record, ensure_ascii=False))


LIMIT_REQUEST_LINE = 8190
"""The longest request line gunicorn reads (its largest bound): a GET query's address."""


def too_long_answer(size: int, limit: int = LIMIT_REQUEST_LINE) -> bytes:
    """The HTTP answer to a request line longer than ``limit`` bytes: 414, in words.

    gunicorn answered it with an HTML page ("Request Line is too large (9057 > 8190)")
    before the app saw the request; a SPARQL client sends its query in the address of a
    GET, and is told here to POST it.

    Examples
    --------
    >>> print(too_long_answer(9057).decode().split("\\r\\n\\r\\n")[1])  # doctest: +ELLIPSIS
    the request's address is 9,057 bytes, longer than the 8,190 this server reads: a query sent by GET ...
    """
    body = (
        f"the request's address is {size:,} bytes, longer than the {limit:,} this server reads: a query "
        "sent by GET travels in the address. POST it instead, as the body (Content-Type: "
        "application/sparql-query) or as a form's 'query' field (curl --data-urlencode query@query.rq; "
        "SPARQLWrapper: setMethod(POST); rdflib's SPARQLStore: method='POST')\n"
    ).encode()
    head = (
        "HTTP/1.1 414 URI Too Long\r\n"
        "Connection: close\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Access-Control-Allow-Origin: *\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def _worker_class() -> type:
    """gunicorn's threaded worker, answering a too long request line in words
    (:func:`too_long_answer`) rather than with gunicorn's HTML page."""
    from gunicorn import util
    from gunicorn.http.errors import LimitRequestLine
    from gunicorn.workers.gthread import ThreadWorker

    class CareerKGWorker(ThreadWorker):  # type: ignore[misc]
        def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
            if not isinstance(exc, LimitRequestLine):
                super().handle_error(req, client, addr, exc)
                return
            self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
            try:
                util.write_nonblock(client, too_long_answer(exc.size, exc.max_size or LIMIT_REQUEST_LINE))
            except Exception:  # the client may be gone: nothing to answer
                self.log.debug("Failed to send error message.")

    return CareerKGWorker


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


def preflight(
    store: Store,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    access_log: str | None = None,
    in_memory: bool = False,
    timeout: float | None = None,
    query_processes: int = SLOTS,
) -> None:
    """Check what :func:`serve` needs before anything is started or announced
    (:func:`serve` calls it first).

    The address is free to listen on, the access log can be written, and
    ``in_memory`` has what it needs (see :func:`serve`).

    Raises
    ------
    KGError
        Saying what is wrong and what to change.

    Examples
    --------
    >>> import socket
    >>> with socket.socket() as taken:
    ...     taken.bind(("127.0.0.1", 0)); taken.listen()
    ...     preflight(Store.default(), port=taken.getsockname()[1])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: cannot listen on 127.0.0.1:...: ...; is another server running there? Choose another --port
    """
    import socket

    if in_memory:
        if store.kind != "oxigraph" or not store.location:
            raise KGError(
                "--in-memory needs a persistent store (--store DIR); --data graphs are in memory already"
            )
        if not timeout or not query_processes:
            raise KGError(
                "--in-memory needs a SPARQL time limit and query processes (the engine is stopped at "
                "the limit, and the processes answer while it loads): drop --timeout 0 / --query-processes 0"
            )
    if access_log and access_log != "-":
        try:
            with open(access_log, "a", encoding="utf-8"):
                pass
        except OSError as err:
            raise KGError(f"cannot write the access log {access_log}: {err.strerror or err}") from err
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as err:
        raise KGError(
            f"cannot listen on {host}:{port}: {err}; give --host an address of this machine"
        ) from err
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind(address)
        except OSError as err:
            reason = err.strerror or str(err)
            if err.errno == errno.EADDRINUSE:
                raise KGError(
                    f"cannot listen on {host}:{port}: {reason}; is another server running there? Choose another --port"
                ) from err
            raise KGError(
                f"cannot listen on {host}:{port}: {reason}; give --host an address of this machine"
            ) from err


def prime_examples(store: Store) -> int:
    """Put the answers of the shipped example queries in ``store``'s result cache
    (:func:`kg.sparql.cache.prime`), saying so on stderr; how many.

    The first start on a persistent store answers them and saves them in its
    ``careerkg-cache`` (about 20 s on ESCO, the examples answered side by side); that
    start says so first, so the wait is not silent.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as said:
    ...     n = prime_examples(Store.default())
    >>> said.getvalue().startswith(f"careerkg: answers of {n} example queries ready in ")
    True
    """
    from kg.sparql import cache
    from kg.sparql.examples import EXAMPLES

    if store.kind == "oxigraph" and store.location:
        from kg import derived_cache

        if derived_cache.writable(store.location) and not derived_cache.is_saved(store, "example-answers"):
            print(
                f"careerkg: answering the {len(EXAMPLES)} example queries for this store, once "
                "(saved in its careerkg-cache for the next start)...",
                file=sys.stderr,
                flush=True,
            )
    started = time.perf_counter()
    primed = cache.prime(store)
    print(
        f"careerkg: answers of {primed} example queries ready in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    return primed


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
    max_body: int | None = DEFAULT_MAX_BODY,
    access_log: str | None = "-",
    query_processes: int = SLOTS,
    query_memory: int = DEFAULT_MEMORY_MB,
    result_cache_mb: int = DEFAULT_BUDGET_MB,
    in_memory: bool = False,
) -> None:
    """Serve the app with gunicorn until interrupted (blocks).

    Workers are forked after the app is built (``preload_app``), so they share the
    loaded store. gunicorn's own worker timeout is kept well above the query time
    limit: a long query is stopped by :mod:`kg.sparql.engine`, not by killing workers;
    a worker that dies anyway is replaced by the master. Each worker sends native
    (Oxigraph) SPARQL evaluation to ``query_processes`` child processes
    (:class:`kg.sparql.bounded.QueryProcesses`), killed at the time limit and capped
    at ``query_memory`` MiB each; ``0`` processes evaluates in the worker's threads.
    SPARQL answers are remembered in each worker up to ``result_cache_mb`` MiB
    (:mod:`kg.sparql.cache`). ``access_log`` is a file name, ``"-"`` for stderr or
    ``None`` for none; each line is a JSON object (:func:`access_record`).
    ``in_memory`` (a persistent store only) starts one resident engine holding the store
    in memory for the whole server (:mod:`kg.sparql.resident`); the query processes
    answer while it loads.
    """
    from kg.sparql import cache
    from kg.sparql.bounded import use_processes
    from kg.sparql.engine import limits_from_env
    from kg.sparql.native import native_source

    limit_s, cap = limits_from_env(timeout, max_rows)
    preflight(
        store,
        host=host,
        port=port,
        access_log=access_log,
        in_memory=in_memory,
        timeout=limit_s,
        query_processes=query_processes,
    )
    print(
        f"careerkg: serving {len(store):,} triples on http://{host}:{port}/ (SPARQL at /sparql)",
        file=sys.stderr,
        flush=True,
    )
    cache.configure(result_cache_mb)
    if store.kind == "oxigraph" and store.location:
        from kg import derived_cache

        rebuilt = derived_cache.build_missing(store)  # in processes of their own, then loaded
        if rebuilt:
            print(f"careerkg: saved views rebuilt: {', '.join(sorted(rebuilt))}", file=sys.stderr, flush=True)
    app = make_wsgi_app(
        store, timeout=limit_s or 0, max_rows=cap or 0, dashboard=dashboard, max_body=max_body
    )
    if result_cache_mb:
        prime_examples(store)  # before the fork: every worker starts with the answers
    pool = use_processes(query_processes, query_memory) if limit_s else None
    note = memory_note(store, pool.size if pool is not None else 0, workers)
    if note:
        print(note, file=sys.stderr, flush=True)
    source = native_source(store) if pool is not None else None  # the dump, made once for every worker
    engine = None
    if in_memory:
        from kg.sparql import resident

        engine = resident.start(store.location, query_memory)
        print(
            f"careerkg: loading the store into memory for SPARQL (about {len(store) * 400 // 1_000_000:,} MB, "
            "in the background); queries read the folder until it is ready (see /health)",
            file=sys.stderr,
            flush=True,
        )

    def post_fork(_server: Any, _worker: Any) -> None:
        # the first query need not wait for a process (with a resident engine they
        # only stand in while it loads, and start when first needed)
        if pool is not None and source is not None and engine is None:
            threading.Thread(
                target=pool.warm, args=(source,), name="careerkg-query-warm", daemon=True
            ).start()

    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": max(1, workers),
        "worker_class": _worker_class(),  # gthread
        "threads": max(1, threads),
        "preload_app": True,
        "timeout": int((limit_s or 60) + 60),
        "graceful_timeout": 10,
        "accesslog": access_log,
        "logger_class": JsonAccessLogger,
        "errorlog": "-",
        "loglevel": "info",
        "control_socket_disable": True,  # no shared $HOME/.gunicorn socket between servers
        # SPARQL clients send queries by GET (SPARQLWrapper's and rdflib's default): a query of
        # a few KB in the address met gunicorn's 4,094-byte default; 8,190 is its largest bound
        "limit_request_line": LIMIT_REQUEST_LINE,
        "post_fork": post_fork,
    }
    # everything built so far (store views, projection, answers) lives as long as the
    # server: kept out of the collector's reach, the workers' collections stay short and
    # do not touch (and copy) the pages they share with the master
    gc.collect()
    gc.freeze()
    CareerKGServer(app, options).run()
