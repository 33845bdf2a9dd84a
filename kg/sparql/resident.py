"""A resident query engine: one process holding a persistent store in memory for a whole server.

Oxigraph answers queries that group, count or sort a large part of the graph 5-10x
faster from memory than from its on-disk store (ESCO's most required skills: about
1 s instead of 7-10 s), but an in-memory copy of ESCO and careerkg's data takes about
400 MiB: one per query process (:mod:`kg.sparql.bounded`) would not fit in a server's
memory. ``careerkg serve --store DIR --in-memory`` starts one engine for the server:

* a small **supervisor** process, started before gunicorn forks its workers, starts
  the engine process and starts it again whenever it ends;
* the **engine** copies the store into an in-memory Oxigraph store, caps its address
  space at that size plus the per-query allowance, then listens on a Unix socket (in a
  private folder) and answers every worker's queries, :data:`kg.sparql.bounded.SLOTS`
  at a time (Oxigraph evaluates with the GIL released);
* a **watchdog** thread in the engine ends it as soon as a query passes its time limit:
  Oxigraph cannot interrupt a running query, so the work only stops with its process.
  The supervisor then loads the store again;
* each worker's :class:`ResidentEngine` sends native queries there. While the engine
  is not ready (loading, or loading again after a runaway query) or when it ends during
  a query that had time left, the query runs in the worker's query processes on the
  store's folder, exactly as without ``--in-memory``.

Examples
--------
>>> import tempfile, time, pyoxigraph as ox
>>> folder = tempfile.mkdtemp()
>>> disk = ox.Store(folder)
>>> disk.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")))
>>> disk.flush(); del disk
>>> engine = start(folder)
>>> engine.wait_ready(60)
True
>>> engine.run("SELECT ?s WHERE { ?s ?p ?o }", "SELECT", 5.0, None).rows
[(rdflib.term.URIRef('urn:a'),)]
>>> engine.stop()
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from kg.errors import QueryRejected, QueryTimeout
from kg.sparql._supervisor import EXIT_RUNAWAY, SOCKET, say
from kg.sparql.bounded import (
    BUSY,
    DEFAULT_MEMORY_MB,
    SLOTS,
    cap_memory,
    child_environment,
    evaluate,
    result_of,
)

__all__ = ["EXIT_RUNAWAY", "ResidentEngine", "Unavailable", "engine", "start"]

_GRACE = 0.05  # seconds past a query's limit before the watchdog ends the engine
_WAIT_EXTRA = 1.0  # seconds past that a client waits for the engine's answer or its end
_HELLO = 2.0  # seconds a new connection waits for the engine's greeting
_SPIN = 0.0005
"""Seconds a client polls for the answer before it sleeps: a sleeping process is woken
by the engine's answer, and on a virtual machine that wake-up alone can take 0.1-0.3 ms,
as long as a small query's evaluation. Polling yields the core to any thread that
needs it (and Python's lock to the worker's other threads).

The client no longer puts the engine's thread on its own CPU while it waits
(:class:`kg.sparql.bounded.CpuPinning`, as the query processes still do): on the
2-core machine of 2026-12-07, over the benchmark's queries of 0.3-20 ms through
``run_query``, polling alone answered in 0.71-1.02x the time (a skill's broader
closure 0.36 ms against 0.50)."""


class Unavailable(Exception):
    """The resident engine cannot answer now (not loaded yet, reloading, or it ended)."""


def _load(location: str, folder: str) -> Any:
    """An in-memory Oxigraph copy of the persistent store in ``location``.

    Written out as N-Quads to a file in ``folder`` and loaded from there: holding the
    dump in memory too would add its size (170 MB for ESCO) to the engine's peak.
    """
    import pyoxigraph as ox

    dump = os.path.join(folder, f"store-{os.getpid()}.nq")
    try:
        ox.Store.read_only(location).dump(output=dump, format=ox.RdfFormat.N_QUADS)
        memory = ox.Store()
        # load, not bulk_load: about as fast into memory, and without the bulk
        # loader's buffers (ESCO: peak 430 MiB instead of 630)
        memory.load(path=dump, format=ox.RdfFormat.N_QUADS)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(dump)
    return memory


def _rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class _Watchdog:
    """The queries the engine is evaluating and their deadlines; ends the engine when one passes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[int, float] = {}
        self._parent = os.getppid()

    def begin(self, key: int, deadline: float | None) -> None:
        """Watch the query ``key`` until :meth:`end`; ``deadline`` is a ``time.monotonic()`` value."""
        if deadline is not None:
            with self._lock:
                self._running[key] = deadline + _GRACE

    def end(self, key: int) -> None:
        with self._lock:
            self._running.pop(key, None)

    def watch(self) -> None:
        while True:
            time.sleep(0.02)
            if os.getppid() != self._parent:  # the supervisor is gone, so is the server
                os._exit(0)
            now = time.monotonic()
            with self._lock:
                late = sum(1 for deadline in self._running.values() if deadline < now)
            if late:
                say("a query passed its time limit: ending the engine to stop it", queries=len(self._running))
                os._exit(EXIT_RUNAWAY)


def _answer_connection(
    conn: Connection, store: Any, watchdog: _Watchdog, slots: threading.Semaphore, memory_mb: int
) -> None:
    """Answer ``(text, form, max_rows, seconds)`` requests on ``conn`` until it closes.

    The reply is :func:`~kg.sparql.bounded.evaluate`'s message. When every slot is
    taken, ``("queued",)`` comes first, then ``("started",)`` once the query has a
    slot, or the busy answer when none came free within ``seconds``; the client tells
    a query that waited too long (503 busy) from one that ran too long (timeout) by
    them. ``(None, ...)`` is answered ``("ready",)``. The first message on a connection
    is ``("hello",)``: a live engine's greeting (a dying one's socket still
    takes connections, but says nothing).
    """
    with conn:
        try:
            conn.send(("hello",))
        except OSError:
            return
        while True:
            try:
                text, form, max_rows, seconds = conn.recv()
            except (EOFError, OSError):
                return
            if text is None:  # are you there?
                try:
                    conn.send(("ready",))
                except OSError:
                    return
                continue
            deadline = time.monotonic() + seconds if seconds and seconds > 0 else None
            busy = ("rejected", BUSY.format(n=SLOTS), 503)
            try:
                # a free slot: evaluate at once (no message before the answer: each
                # message wakes the client, and a wake-up across cores costs ~0.1 ms);
                # else say so, and say when the query starts
                waited = not slots.acquire(blocking=False)
                if waited:
                    conn.send(("queued",))
                    if not slots.acquire(timeout=None if deadline is None else seconds):
                        conn.send(busy)
                        continue
                    if deadline is not None and time.monotonic() >= deadline:
                        slots.release()
                        conn.send(busy)
                        continue
                    conn.send(("started",))
            except OSError:
                return
            key = id(threading.current_thread())
            try:
                watchdog.begin(key, deadline)
                reply: tuple[Any, ...] = evaluate(store, text, form, max_rows, memory_mb)
            finally:
                watchdog.end(key)
                slots.release()
            try:
                conn.send(reply)
            except OSError:
                return


def engine_main(location: str, folder: str, memory_mb: int) -> None:
    """The engine process (started by :mod:`kg.sparql._supervisor`): load ``location``,
    then answer queries on the socket in ``folder``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor decides when it ends
    started = time.perf_counter()
    store = _load(location, folder)
    import kg.sparql.native  # noqa: F401  (imported before the first query)

    loaded = time.perf_counter() - started
    cap_memory(memory_mb)
    watchdog = _Watchdog()
    threading.Thread(target=watchdog.watch, name="careerkg-watchdog", daemon=True).start()
    slots = threading.Semaphore(SLOTS)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    address = os.path.join(folder, SOCKET)
    staging = f"{address}.{os.getpid()}"
    listener.bind(staging)
    listener.listen(64)
    os.replace(staging, address)  # clients find a socket only once the store is loaded
    say("ready", triples=len(store), seconds=round(loaded, 1), rss_mib=round(_rss_mib()))
    while True:
        client, _ = listener.accept()
        conn = Connection(client.detach())
        threading.Thread(
            target=_answer_connection,
            args=(conn, store, watchdog, slots, memory_mb),
            name="careerkg-resident-query",
            daemon=True,
        ).start()


@dataclass
class ResidentEngine:
    """A client's handle on the server's resident engine (one per server; threads and
    forked workers may share it: each thread of each process keeps its own connection).

    Attributes
    ----------
    location : str
        The persistent store the engine holds.
    folder : str
        The private folder with the engine's socket.
    """

    location: str
    folder: str
    supervisor: subprocess.Popen[bytes] | None = None
    owner: int = field(default_factory=os.getpid)
    _local: threading.local = field(default_factory=threading.local, repr=False)

    @property
    def address(self) -> str:
        return os.path.join(self.folder, SOCKET)

    def ready(self) -> bool:
        """Whether the engine has loaded the store and answers (asked, not assumed: a
        dying engine's socket may still take connections)."""
        try:
            conn = self._connection()
            conn.send((None, None, None, None))
            if conn.poll(2.0) and conn.recv() == ("ready",):
                return True
        except (Unavailable, EOFError, OSError):
            pass
        self._forget()
        return False

    def wait_ready(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for :meth:`ready`."""
        deadline = time.monotonic() + seconds
        while not self.ready():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def _connection(self) -> Connection:
        """This thread's connection to the engine."""
        held: tuple[int | None, Connection | None] = getattr(self._local, "conn", (None, None))
        pid, conn = held
        if pid == os.getpid() and conn is not None and not conn.closed:
            try:
                stale = conn.poll(0)  # the engine never speaks unasked: this is its end
            except OSError:
                stale = True
            if not stale:
                return conn
            self._forget()
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(self.address)
        except OSError as err:  # no socket yet, or nobody listening on it
            sock.close()
            raise Unavailable(str(err)) from None
        conn = Connection(sock.detach())
        try:
            hello = conn.recv() if conn.poll(_HELLO) else None
        except (EOFError, OSError):
            hello = None
        if not (isinstance(hello, tuple) and hello[:1] == ("hello",)):
            conn.close()  # a dying engine's socket still takes connections, but says nothing
            raise Unavailable("the resident engine did not greet a new connection")
        self._local.conn = (os.getpid(), conn)
        return conn

    def _forget(self) -> None:
        _pid, conn = getattr(self._local, "conn", (None, None))
        self._local.conn = (None, None)
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.close()

    def run(self, text: str, form: str, seconds: float | None, max_rows: int | None) -> Any:
        """Answer ``text`` (already checked by the engine) from the in-memory copy.

        Returns
        -------
        kg.sparql.engine.QueryResult

        Raises
        ------
        Unavailable
            The engine is not ready, or ended before this query's limit (another
            query's runaway, or its memory cap): the caller answers another way.
        QueryTimeout
            The query passed ``seconds``; the engine ended to stop it.
        QueryRejected
            Status 503 when the engine stayed busy until the limit; 400/413 as the
            engine would.
        """
        sent = time.monotonic()
        conn = self._connection()
        evaluating: float | None = sent  # until the engine says the query waits for a slot
        try:
            conn.send((text, form, max_rows, seconds))
            _spin(conn, _SPIN)
            while True:
                wait = (
                    None
                    if not seconds
                    else max(0.0, seconds + _GRACE + _WAIT_EXTRA - (time.monotonic() - sent))
                )
                if not conn.poll(wait):
                    self._forget()
                    if evaluating is None:  # still waiting for a free slot: the engine was busy
                        raise QueryRejected(
                            BUSY.format(n=SLOTS),
                            status=503,
                        )
                    raise QueryTimeout(seconds or 0.0, evaluated=time.monotonic() - evaluating)
                answer = conn.recv()
                if answer == ("queued",):
                    evaluating = None
                    continue
                if answer == ("started",):
                    evaluating = time.monotonic()
                    continue
                return result_of(answer)
        except (EOFError, OSError):
            self._forget()
            elapsed = time.monotonic() - sent
            if seconds and evaluating is not None and elapsed >= seconds:
                raise QueryTimeout(seconds, evaluated=time.monotonic() - evaluating) from None
            raise Unavailable("the resident engine ended during the query") from None

    def stop(self) -> None:
        """End the supervisor and its engine, and remove the socket's folder
        (in the process that started them; elsewhere only this thread's connection)."""
        self._forget()
        if self.owner != os.getpid():
            return
        if self.supervisor is not None:
            with contextlib.suppress(ProcessLookupError):
                self.supervisor.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.supervisor.wait(10)
            self.supervisor = None
        shutil.rmtree(self.folder, ignore_errors=True)


def _spin(conn: Connection, seconds: float) -> None:
    """Poll ``conn`` for up to ``seconds`` (until something arrives), yielding between polls."""
    until = time.perf_counter() + seconds
    fd = [conn.fileno()]
    while not select.select(fd, (), (), 0)[0] and time.perf_counter() < until:
        os.sched_yield()


_engine: ResidentEngine | None = None


def start(location: str, memory_mb: int = DEFAULT_MEMORY_MB) -> ResidentEngine:
    """Start the resident engine for the persistent store in ``location`` (in the background).

    Queries go to it (:func:`engine`) from this process and from processes forked
    from it, once it has loaded the store. Stopped when this process ends.
    """
    global _engine
    if _engine is not None:
        _engine.stop()
    folder = tempfile.mkdtemp(prefix="careerkg-engine-")  # mode 0700: only this user connects
    script = os.path.join(os.path.dirname(__file__), "_supervisor.py")
    supervisor = subprocess.Popen(
        [sys.executable, script, os.path.abspath(location), folder, str(memory_mb), str(os.getpid())],
        env=child_environment(),
        start_new_session=True,  # a Ctrl-C in the terminal is the server's to handle
    )
    _engine = ResidentEngine(os.path.abspath(location), folder, supervisor)
    return _engine


def engine() -> ResidentEngine | None:
    """The resident engine queries from this process go to, if one was started."""
    return _engine


@atexit.register
def _stop() -> None:
    if _engine is not None and _engine.owner == os.getpid():  # not in forked workers
        _engine.stop()
