"""``careerkg serve``: the web app and the SPARQL endpoint, with gunicorn."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import ROWS, Count, Seconds, command, data_option, open_store
from kg.sparql.bounded import DEFAULT_MEMORY_MB, SLOTS
from kg.sparql.cache import DEFAULT_BUDGET_MB

__all__ = ["serve_command"]


@command("serve", short_help="Serve the web app at / and the SPARQL endpoint at /sparql.")
@click.option(
    "--host", default="127.0.0.1", show_default=True, metavar="HOST", help="Interface to listen on."
)
@click.option(
    "--port", default=8050, show_default=True, type=Count(0, 65535, metavar="PORT"), help="TCP port."
)
@click.option("--workers", default=2, show_default=True, type=Count(1, 64), help="Worker processes.")
@click.option("--threads", default=4, show_default=True, type=Count(1, 64), help="Threads per worker.")
@data_option
@click.option(
    "--timeout",
    type=Seconds(),
    default=None,
    envvar="CAREERKG_SPARQL_TIMEOUT",
    help="Seconds before a SPARQL query is stopped, answered 503 (0: no limit)  "
    "[default: 15; env CAREERKG_SPARQL_TIMEOUT]",
)
@click.option(
    "--max-rows",
    type=ROWS,
    default=None,
    envvar="CAREERKG_SPARQL_MAX_ROWS",
    help="Result rows beyond which a SPARQL query is answered 413 (0: no cap)  "
    "[default: 100000; env CAREERKG_SPARQL_MAX_ROWS]",
)
@click.option(
    "--max-body",
    type=Count(0),
    default=None,
    metavar="BYTES",
    envvar="CAREERKG_MAX_BODY",
    help="Request bodies (uploads, POSTed queries) larger than this are answered 413 (0: no limit)  "
    "[default: 1048576; env CAREERKG_MAX_BODY]",
)
@click.option(
    "--access-log",
    default="-",
    show_default=True,
    metavar="FILE",
    help="Where to write the access log, one JSON object per request ('-': stderr, '': none).",
)
@click.option(
    "--query-processes",
    type=Count(0, 64),
    default=SLOTS,
    help="Child processes per worker that evaluate SPARQL natively; killed at the time limit "
    "(0: evaluate in the worker's threads)  [default: one per core, at least 2]",
)
@click.option(
    "--query-memory",
    type=Count(0),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    metavar="MIB",
    help="Memory a query process may use beyond the store it holds; a query needing more is "
    "answered 503 (0: no cap).",
)
@click.option(
    "--result-cache",
    type=Count(0),
    default=DEFAULT_BUDGET_MB,
    show_default=True,
    metavar="MIB",
    help="Memory per worker for remembered SPARQL answers (the store is read-only, so a "
    "repeated query is answered without evaluating it again; 0: remember nothing).",
)
@click.option(
    "--in-memory",
    is_flag=True,
    help="With --store DIR: hold a copy of the store in memory in one query engine for the whole "
    "server (about 400 bytes a triple; SPARQL that groups, counts or sorts much of the graph runs "
    "5-10x faster). Queries read the folder while it loads.",
)
@click.option("--no-dashboard", is_flag=True, help="Serve only /sparql and /health.")
def serve_command(
    host: str,
    port: int,
    workers: int,
    threads: int,
    data: tuple[Path, ...],
    timeout: float | None,
    max_rows: int | None,
    max_body: int | None,
    access_log: str,
    query_processes: int,
    query_memory: int,
    result_cache: int,
    in_memory: bool,
    no_dashboard: bool,
) -> None:
    """Serve the explorer at / and the SPARQL endpoint at /sparql (gunicorn).

    The graph is loaded once and shared by the workers; it is read-only. Binds to
    127.0.0.1 unless --host says otherwise. Never runs in debug mode.

    \b
    careerkg serve --port 8050
    careerkg serve --store stores/esco --in-memory   # a big import
    """
    from kg.server import DEFAULT_MAX_BODY, serve

    store = open_store(data)
    serve(
        store,
        host=host,
        port=port,
        workers=workers,
        threads=threads,
        timeout=timeout,
        max_rows=max_rows,
        dashboard=not no_dashboard,
        max_body=DEFAULT_MAX_BODY if max_body is None else max_body,
        access_log=access_log or None,
        query_processes=query_processes,
        query_memory=query_memory,
        result_cache_mb=result_cache,
        in_memory=in_memory,
    )
