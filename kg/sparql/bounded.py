"""Hard time and memory bounds for native Oxigraph evaluation, which Python cannot interrupt.

rdflib's evaluator is Python, and :func:`kg.sparql.engine.call_with_deadline` stops it
at its limit. Oxigraph evaluates in Rust with the GIL released; a blocking step
(sorting, grouping, a large join before the first row) cannot be interrupted, and
pyoxigraph has no timeout of its own (oxigraph/oxigraph#1926). Two runners bound it:

:func:`run_bounded` (threads; the CLI and library calls)
    The work runs in a daemon thread (kept for the next query); the caller gets its
    answer or :class:`~kg.errors.QueryTimeout` at the limit. Work past its limit goes
    on until Oxigraph returns and its result is dropped: fine for a command that exits
    next, not for a long-running service.

:class:`QueryProcesses` (child processes; ``careerkg serve``)
    Each query runs in one of a few child processes that hold their own read-only
    copy of the store (the persistent store's folder reopened read-only, or an
    N-Triples dump of an in-memory store loaded once). A child past the time limit
    is killed and replaced, so the work really stops; each child's address space is
    capped (``RLIMIT_AS``), so a query that would exhaust memory ends its child, not
    the server. :func:`use_processes` installs a pool for the process;
    :func:`kg.sparql.native.run_native` then sends every bounded native query there.

At most :data:`SLOTS` native evaluations run at once per process with either runner,
so a flood of heavy queries is answered ``503`` (busy) instead of taking every core.

Examples
--------
>>> run_bounded(lambda: 42, 1.0)
42
>>> import time
>>> run_bounded(lambda: time.sleep(0.5), 0.1)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.QueryTimeout: query stopped after the 0.1 s time limit; ...
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import resource
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from kg.errors import KGError, QueryRejected, QueryTimeout, ResultTooLarge

__all__ = [
    "BUSY",
    "DEFAULT_MEMORY_MB",
    "ENV_SLOTS",
    "PINNED_SECONDS",
    "SLOTS",
    "CpuPinning",
    "QueryProcesses",
    "Source",
    "cap_memory",
    "child_environment",
    "detached",
    "evaluate",
    "pinning",
    "process_ended",
    "processes",
    "result_of",
    "run_bounded",
    "use_processes",
]

T = TypeVar("T")

ENV_SLOTS = "CAREERKG_NATIVE_SLOTS"
SLOTS = max(2, int(os.environ.get(ENV_SLOTS) or 0) or (os.cpu_count() or 2))
"""Native evaluations that may run at once in one process (runaway threads included)."""

DEFAULT_MEMORY_MB = 2048
"""Address space a query child may grow by beyond what it holds after start-up (MiB)."""

_GRACE = 0.05  # seconds past the limit before the caller gives up on the work
BUSY = (
    "the query engine is busy ({n} queries running); retry in a few seconds "
    "(the time limit passed while this query waited)"
)

_slots = threading.BoundedSemaphore(SLOTS)


def detached(err: BaseException) -> BaseException:
    """``err`` without tracebacks, so the work's frames are freed in its own thread.

    pyoxigraph's results may only be dropped by the thread that made them; a traceback
    would carry the frames holding them to the caller. Unexpected errors keep their
    traceback as text, in a note.

    Examples
    --------
    >>> try:
    ...     {}["missing"]
    ... except KeyError as err:
    ...     bare = detached(err)
    >>> bare.__traceback__ is None, "in <module>" in bare.__notes__[0]
    (True, True)
    """
    seen: set[int] = set()
    item: BaseException | None = err
    while item is not None and id(item) not in seen:
        seen.add(id(item))
        if item.__traceback__ is not None:
            if not isinstance(item, KGError):
                item.add_note("".join(traceback.format_tb(item.__traceback__)).rstrip())
            item.__traceback__ = None
        item = item.__cause__ or item.__context__
    return err


def _current_cpu() -> Callable[[], int] | None:
    """libc's ``sched_getcpu`` (the CPU the calling thread runs on), where there is one."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    try:
        import ctypes

        getcpu = ctypes.CDLL(None).sched_getcpu
    except (OSError, AttributeError):  # not glibc/musl on Linux
        return None
    getcpu.argtypes = []
    getcpu.restype = ctypes.c_int
    return getcpu  # type: ignore[no-any-return]


class CpuPinning:
    """Put a thread or process that works for a waiting caller on the caller's CPU.

    Handing work to another thread or process, and its answer back, costs two
    wake-ups. When the two are on different CPUs and the other one is idle, each
    wake-up waits for that CPU to come out of its idle state: ~0.1 ms each in a
    virtual machine, as long as a small query. While the caller only waits, the worker
    may as well have the caller's CPU: :func:`_await` pins both to it, gives the
    caller its CPUs back when it wakes, and the worker too if it is still working after
    :data:`PINNED_SECONDS` seconds (most small queries end by then). A worker that finished
    stays pinned while it is idle (unpinning a thread that is still on its way to
    sleep moves it, costing more than it saves); its next work pins it again, or gives
    it the next caller's CPUs. Where the CPU cannot be known (no ``sched_getcpu``) or
    the caller may only use one, nothing is pinned.

    Examples
    --------
    >>> import threading
    >>> worker = threading.Thread(target=threading.Event().wait, args=(0.2,))
    >>> worker.start()
    >>> before = os.sched_getaffinity(0)
    >>> mask = pinning.pin(worker.native_id)
    >>> mask is None or (mask == before and os.sched_getaffinity(0) == os.sched_getaffinity(worker.native_id))
    True
    >>> if mask is not None:
    ...     pinning.unpin(0, mask)
    >>> os.sched_getaffinity(0) == before
    True
    >>> worker.join()
    """

    def __init__(self) -> None:
        self._getcpu: Callable[[], int] | None = None
        self.enabled: bool | None = None  # not known until the first pin

    def pin(self, tid: int) -> set[int] | None:
        """Put the calling thread and thread ``tid`` on the caller's CPU; the caller's
        CPUs before, to give back with :meth:`unpin`, or ``None`` (nothing changed)."""
        if self.enabled is None:
            self._getcpu = _current_cpu()
            self.enabled = self._getcpu is not None
        if not self.enabled or self._getcpu is None or tid <= 0:
            return None
        try:
            mask = os.sched_getaffinity(0)
            if len(mask) < 2:  # nothing to choose: the worker gets the caller's CPU
                self.unpin(tid, mask)
                return None
            cpu = {self._getcpu()}
            os.sched_setaffinity(tid, cpu)
            os.sched_setaffinity(0, cpu)
        except OSError:  # a CPU set changed under us, the worker ended, or not permitted
            with contextlib.suppress(OSError):
                self.unpin(tid, os.sched_getaffinity(0))
            return None
        return mask

    @staticmethod
    def unpin(tid: int, mask: set[int]) -> None:
        """Give thread ``tid`` (0: the caller) the CPUs ``mask``."""
        with contextlib.suppress(OSError):  # the thread or process has ended
            os.sched_setaffinity(tid, mask)


pinning = CpuPinning()
PINNED_SECONDS = 0.002  # seconds a caller and its worker stay on one CPU (most small queries end by then)


def _await(
    tid: int, start: Callable[[], None], wait: Callable[[float | None], bool], seconds: float | None
) -> bool:
    """``start()`` work in thread or process ``tid``, then ``wait(seconds)`` for it
    (``None``: no limit), sharing the caller's CPU with it for the first moment."""
    mask = pinning.pin(tid)
    if mask is None:
        start()
        return wait(seconds)
    first = PINNED_SECONDS if seconds is None else min(PINNED_SECONDS, seconds)
    began = time.perf_counter()
    try:
        start()
        if wait(first):
            return True  # the worker stays on this CPU, idle, until its next work pins it again
        pinning.unpin(tid, mask)  # long work: the caller's CPUs again
    finally:
        pinning.unpin(0, mask)
    return wait(None if seconds is None else max(0.0, seconds - (time.perf_counter() - began)))


class _Runner:
    __slots__ = ("jobs", "tid")

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[tuple[Callable[[], None], Callable[[], None]]] = queue.SimpleQueue()
        self.tid = 0


class _Runners:
    """Daemon threads that run :func:`run_bounded`'s work, kept between calls.

    Starting a thread per query cost ~0.2 ms on the development machine, as long as a
    small query itself. At most :data:`SLOTS` pieces of work run at once (each holds a
    slot), so as many threads suffice; they are started when first needed, and again
    in a forked child (threads do not survive a fork).
    """

    def __init__(self) -> None:
        self._reset()
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._idle: list[_Runner] = []
        self._lock = threading.Lock()

    def _serve(self, runner: _Runner, started: threading.Event) -> None:
        runner.tid = threading.get_native_id()
        started.set()
        while True:
            job, finish = runner.jobs.get()
            with contextlib.suppress(BaseException):  # (a job reports its own errors) the thread stays
                job()
            del job  # its closure, and what the work left in it, freed now
            with self._lock:
                self._idle.append(runner)
            with contextlib.suppress(BaseException):
                finish()  # once the runner is free again, so the caller's next call finds it
            del finish

    def take(self) -> _Runner:
        """An idle runner thread, started if none is."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
        runner = _Runner()
        started = threading.Event()
        threading.Thread(
            target=self._serve, args=(runner, started), name="careerkg-native-query", daemon=True
        ).start()
        started.wait()
        return runner


_runners = _Runners()


class _Outcome:
    __slots__ = ("done", "error", "value")

    def __init__(self) -> None:
        self.done = threading.Lock()  # held until the work is done (lighter than an Event)
        self.done.acquire()
        self.value: object = None
        self.error: BaseException | None = None


def run_bounded(work: Callable[[], T], seconds: float | None) -> T:
    """``work()``, answered within ``seconds`` or :class:`~kg.errors.QueryTimeout`.

    ``work`` runs in a daemon thread holding one of the process's :data:`SLOTS`;
    it may raise :class:`~kg.errors.QueryTimeout` itself (checking its deadline
    between rows) and its exceptions reach the caller. ``None`` or ``0`` means no
    limit: ``work`` runs in the caller's thread.

    Raises
    ------
    QueryTimeout
        The limit passed before ``work`` finished (``work`` goes on until it
        returns, then its slot is freed).
    QueryRejected
        Status 503: every slot stayed held until the limit.
    """
    if not seconds or seconds <= 0:
        return work()
    deadline = time.perf_counter() + seconds
    if not _slots.acquire(timeout=seconds):
        raise QueryRejected(BUSY.format(n=SLOTS), status=503)
    outcome = _Outcome()

    def finish() -> None:
        _slots.release()
        outcome.done.release()

    def run() -> None:
        try:
            outcome.value = work()
        except BaseException as err:  # handed to the caller
            outcome.error = detached(err)

    try:
        runner = _runners.take()
    except BaseException:
        _slots.release()
        raise
    if not _await(
        runner.tid,
        lambda: runner.jobs.put((run, finish)),
        lambda seconds: outcome.done.acquire(timeout=-1 if seconds is None else seconds),
        max(0.0, deadline - time.perf_counter()) + _GRACE,
    ):
        raise QueryTimeout(seconds)
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]


@dataclass(frozen=True)
class Source:
    """Where a query child finds the store: ``kind`` ``"dir"`` (a persistent Oxigraph
    store, opened read-only) or ``"dump"`` (an N-Triples file loaded into memory)."""

    kind: str
    path: str


def _open_source(source: Source) -> Any:
    import pyoxigraph as ox

    if source.kind == "dir":
        return ox.Store.read_only(source.path)
    store = ox.Store()
    store.bulk_load(path=source.path, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return store


def cap_memory(extra_mb: int) -> None:
    """Cap this process's address space at its current size plus ``extra_mb``."""
    if extra_mb <= 0:
        return
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[0])
    limit = pages * os.sysconf("SC_PAGE_SIZE") + extra_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def process_ended(code: int | None, memory_mb: int) -> QueryRejected:
    """Why a query process ended while answering, from its exit ``code``.

    A process over its memory cap is aborted (``-6``) or killed (``-9``, the kernel's
    OOM killer); one that crashed ends with ``SIGSEGV``, as Oxigraph does on an
    expression chained or nested thousands deep (a FILTER of 20,000 ``||``), which no
    memory would help: that was answered as needing more memory than the cap.

    Examples
    --------
    >>> print(process_ended(-9, 2048))
    the query needed more memory than the 2048 MiB a query may use (its process ended with -9); narrow it (LIMIT, more specific patterns)
    >>> err = process_ended(-11, 2048)
    >>> err.status, str(err).startswith("the query engine crashed on this query")
    (500, True)
    """
    if code == -signal.SIGSEGV:
        return QueryRejected(
            "the query engine crashed on this query (its process ended with SIGSEGV), as it can on an "
            "expression chained or nested thousands deep; write it flatter: a VALUES list or IN ( ... ) "
            "in place of a long chain of || or &&",
            status=500,
        )
    return QueryRejected(
        f"the query needed more memory than the {memory_mb} MiB a query may use "
        f"(its process ended{f' with {code}' if code is not None else ''}); narrow it "
        "(LIMIT, more specific patterns)",
        status=503,
    )


def _child_main(memory_mb: int) -> None:
    """A query child: answer ``(source, text, form, max_rows)`` messages on stdin until EOF.

    It says ``("ready",)`` once its imports are done. Answers go to the parent on the
    original stdout; anything else printing to stdout is sent to stderr instead.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when it ends
    requests = Connection(os.dup(0), writable=False)
    answers = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    import kg.sparql.native  # noqa: F401  (imported before saying "ready")

    try:
        answers.send(("ready",))
    except OSError:  # the parent gave up on this process (closed, or timed out its start)
        return
    opened: tuple[Source, Any] | None = None
    capped = False
    while True:
        try:
            source, text, form, max_rows = requests.recv()
        except (EOFError, OSError):
            return
        try:
            if opened is None or opened[0] != source:
                opened = None
                opened = (source, _open_source(source))
            if not capped:
                cap_memory(memory_mb)
                capped = True
        except Exception as err:  # reported to the client as a 500, logged by the parent
            answer: tuple[Any, ...] = ("failed", f"{type(err).__name__}: {err}", traceback.format_exc())
        else:
            answer = evaluate(opened[1], text, form, max_rows, memory_mb)
        try:
            answers.send(answer)
        except OSError:  # the parent is gone
            return


def evaluate(ox_store: Any, text: str, form: str, max_rows: int | None, memory_mb: int) -> tuple[Any, ...]:
    """Evaluate ``text`` on ``ox_store`` without a time limit, the outcome encoded as
    the picklable message a query process sends back (:func:`result_of` reads it).

    Answers are :func:`kg.sparql.native.plain_answer`: plain terms, cheap to pickle."""
    from kg.sparql.native import plain_answer

    try:
        return plain_answer(ox_store, text, form, max_rows)
    except ResultTooLarge as err:
        return ("too-large", err.cap)
    except QueryRejected as err:
        return ("rejected", str(err), err.status)
    except MemoryError:
        return ("memory", memory_mb)
    except Exception as err:  # reported to the client as a 500, logged by the parent
        return ("failed", f"{type(err).__name__}: {err}", traceback.format_exc())


def result_of(answer: tuple[Any, ...]) -> Any:
    """The :class:`~kg.sparql.engine.QueryResult` an :func:`evaluate` message holds, or its error raised.

    Examples
    --------
    >>> result_of(("select", ["o"], [(("x", "@en"),)])).rows
    [(rdflib.term.Literal('x', lang='en'),)]
    >>> result_of(("rejected", "no", 400))
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: no
    """
    from kg.sparql.engine import QueryResult, graph_of_triples
    from kg.sparql.terms import from_plain

    kind = answer[0]
    if kind == "select":
        return QueryResult("SELECT", answer[1], [tuple(map(from_plain, row)) for row in answer[2]])
    if kind == "ask":
        return QueryResult("ASK", boolean=answer[1])
    if kind == "graph":
        return QueryResult(answer[1], graph=graph_of_triples(tuple(map(from_plain, t)) for t in answer[2]))  # type: ignore[misc]
    if kind == "too-large":
        raise ResultTooLarge(answer[1])
    if kind == "rejected":
        raise QueryRejected(answer[1], status=answer[2])
    if kind == "memory":
        raise QueryRejected(
            f"the query needed more memory than the {answer[1]} MiB a query may use; narrow it",
            status=503,
        )
    raise RuntimeError(f"the query process failed: {answer[1]}\n{answer[2]}")


_START_TIMEOUT = 60.0  # seconds a new child may take to import what it needs


def child_environment() -> dict[str, str]:
    """The environment for a careerkg child Python process (``python -c ...``): this
    process's, with its import path, so the child imports the same careerkg.

    Examples
    --------
    >>> import sys
    >>> sys.path[1] in child_environment()["PYTHONPATH"]
    True
    """
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p), "RUST_BACKTRACE": "0"}


class _Child:
    """One query child process and the parent's ends of its pipes."""

    def __init__(self, memory_mb: int) -> None:
        env = child_environment()
        self.process = subprocess.Popen(
            [sys.executable, "-c", f"from kg.sparql.bounded import _child_main; _child_main({memory_mb})"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            start_new_session=True,  # a Ctrl-C in the terminal is the parent's to handle
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.send = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.recv = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()

    def started(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the child's ``ready``; ``False`` if it never came."""
        try:
            return bool(self.recv.poll(seconds)) and self.recv.recv() == ("ready",)
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.wait(5)
        for conn in (self.send, self.recv):
            with contextlib.suppress(Exception):
                conn.close()


class QueryProcesses:
    """A pool of query child processes with hard time and memory limits.

    The pool keeps ``size`` children started: each is started in the background
    when the pool is first used and again whenever one is killed, so a query after
    a timeout finds a child ready instead of waiting for one to start.

    Parameters
    ----------
    size : int
        Children (queries answered at once); more queries wait for a free child
        until their own deadline, then get ``503``.
    memory_mb : int
        How much each child's address space may grow beyond its size after it
        opened the store (MiB); ``0`` for no cap. A query needing more ends its
        child and is answered ``503``.

    Examples
    --------
    >>> import pyoxigraph as ox, tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> dump = os.path.join(folder, "g.nt")
    >>> with open(dump, "w") as fh:
    ...     _ = fh.write("<urn:a> <urn:b> <urn:c> .\\n")
    >>> pool = QueryProcesses(size=1)
    >>> pool.run(Source("dump", dump), "SELECT ?s WHERE { ?s ?p ?o }", "SELECT", 5.0, None).rows
    [(rdflib.term.URIRef('urn:a'),)]
    >>> pool.close()
    """

    def __init__(self, size: int = SLOTS, memory_mb: int = DEFAULT_MEMORY_MB) -> None:
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self._reset()

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._idle: queue.LifoQueue[_Child] = queue.LifoQueue()
        self._free = threading.BoundedSemaphore(self.size)
        self._children: set[_Child] = set()
        self._starting = 0
        self._warming = 0
        self._warmed = threading.Condition(self._lock)
        self._closed = False

    def _check_fork(self) -> None:
        if os.getpid() != self._pid:  # forked (a gunicorn worker): the children are the parent's
            self._reset()

    def _fill(self) -> None:
        """Start, in the background, the children the pool is short of."""
        with self._lock:
            if self._closed:
                return
            missing = self.size - len(self._children) - self._starting
            self._starting += max(0, missing)
        for _ in range(missing):
            threading.Thread(target=self._start_child, name="careerkg-query-start", daemon=True).start()

    def _start_child(self) -> None:
        child: _Child | None = None
        try:
            child = _Child(self.memory_mb)
            ok = child.started(_START_TIMEOUT)
        except OSError:
            ok = False
        with self._lock:
            self._starting -= 1
            if ok and not self._closed and child is not None:
                self._children.add(child)
                self._idle.put(child)
                return
        if child is not None:
            child.kill()

    def _drop(self, child: _Child) -> None:
        """Kill ``child`` and start its replacement in the background."""
        child.kill()
        with self._lock:
            self._children.discard(child)
        self._fill()

    def warm(self, source: Source) -> None:
        """Start every child and let each open ``source`` now, before the first query.

        Returns once every child has answered (or failed to start within a minute).
        """
        self._check_fork()
        with self._lock:
            self._warming += 1
        self._fill()
        taken: list[_Child] = []
        try:
            for _ in range(self.size):  # hold them all, so each one opens the source
                self._free.acquire()
                try:
                    taken.append(self._idle.get(timeout=_START_TIMEOUT))
                except queue.Empty:
                    self._free.release()
                    break
            for child in taken:
                child.send.send((source, "ASK { }", "ASK", None))
            for child in taken:
                if child.recv.poll(_START_TIMEOUT):
                    child.recv.recv()
        except (EOFError, OSError):
            pass  # a child that died is found and replaced by the next query
        finally:
            for child in taken:
                self._idle.put(child)
                self._free.release()
            with self._lock:
                self._warming -= 1
                self._warmed.notify_all()

    def _acquire(self, limit: float | None) -> tuple[bool, bool]:
        """Take a free child's place within ``limit`` seconds (``None``: no limit).

        Returns whether a place was taken, and whether the query waited for a
        :meth:`warm` that held every place: that wait is the service's, not the
        query's, so the query then has its whole limit again.
        """
        if self._free.acquire(timeout=limit if limit is not None else -1):
            return True, False
        with self._lock:
            if not self._warming:
                return False, False
            self._warmed.wait_for(lambda: not self._warming, timeout=2 * _START_TIMEOUT)
        return self._free.acquire(timeout=limit), True

    def run(self, source: Source, text: str, form: str, seconds: float | None, max_rows: int | None) -> Any:
        """Answer ``text`` (already checked by the engine) from ``source`` in a child.

        Returns
        -------
        kg.sparql.engine.QueryResult

        Raises
        ------
        QueryTimeout
            The limit passed: the child is killed and replaced.
        QueryRejected
            Status 503 when no child came free in time or the child ran out of
            memory; 400/413 as the engine would.
        """
        self._check_fork()
        self._fill()
        limit = seconds if seconds and seconds > 0 else None
        deadline = None if limit is None else time.perf_counter() + limit

        def left() -> float | None:
            return None if deadline is None else max(0.0, deadline - time.perf_counter())

        taken, after_warming = self._acquire(limit)
        if not taken:
            raise QueryRejected(BUSY.format(n=self.size), status=503)
        if after_warming and limit is not None:
            deadline = time.perf_counter() + limit
        self._fill()  # again: release() may have stopped the children since
        child: _Child | None = None
        try:
            while child is None:
                try:
                    child = self._idle.get(timeout=left())
                except queue.Empty:
                    with self._lock:
                        starting = self._starting > 0
                    if not starting:
                        raise QueryRejected(BUSY.format(n=self.size), status=503) from None
                    # a child is still starting (first use, or just replaced): that wait
                    # is the service's, not the query's, so the limit counts from the start
                    try:
                        child = self._idle.get(timeout=_START_TIMEOUT)
                    except queue.Empty:
                        raise QueryRejected(
                            "the query engine could not start a query process; retry later", status=503
                        ) from None
                    if limit is not None:
                        deadline = time.perf_counter() + limit
                if child.process.poll() is not None:  # died while idle (killed from outside)
                    self._drop(child)
                    child = None
            try:
                sent = time.perf_counter()
                wait = left()
                request = (source, text, form, max_rows)
                if not _await(
                    child.process.pid,
                    lambda: child.send.send(request),  # type: ignore[union-attr]
                    child.recv.poll,
                    None if wait is None else wait + _GRACE,
                ):
                    self._drop(child)
                    child = None
                    raise QueryTimeout(limit or 0.0, evaluated=time.perf_counter() - sent)
                answer = child.recv.recv()
            except (EOFError, OSError):
                code = None
                if child is not None:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        code = child.process.wait(1)
                    self._drop(child)
                    child = None
                raise process_ended(code, self.memory_mb) from None
            self._idle.put(child)
            child = None
        finally:
            if child is not None:
                self._drop(child)
            self._free.release()
        return result_of(answer)

    def release(self) -> int:
        """Stop the children while none is in use, and say how many were stopped.

        For a pool that only stands in for another engine (:mod:`kg.sparql.resident`
        while it loads): its processes need not wait, holding memory, for the next
        time. The next :meth:`run` starts them again.
        """
        self._check_fork()
        if not self._children:
            return 0
        taken = 0
        while taken < self.size and self._free.acquire(blocking=False):
            taken += 1
        try:
            if taken < self.size:  # a query is running: another time
                return 0
            with self._lock:
                children = list(self._children)
                self._children.clear()
            while not self._idle.empty():
                with contextlib.suppress(queue.Empty):
                    self._idle.get_nowait()
            for child in children:
                child.kill()
            return len(children)
        finally:
            for _ in range(taken):
                self._free.release()

    def close(self) -> None:
        """Stop every child (and any child still starting, once it has started)."""
        with self._lock:
            self._closed = True
            children = list(self._children)
            self._children.clear()
        for child in children:
            child.kill()


_pool: QueryProcesses | None = None
_pool_off = False
_pool_lock = threading.Lock()


def use_processes(size: int = SLOTS, memory_mb: int = DEFAULT_MEMORY_MB) -> QueryProcesses | None:
    """Set this process's pool of query processes; ``size`` 0 turns them off (threads).

    Examples
    --------
    >>> pool = use_processes(size=1)
    >>> processes() is pool
    True
    >>> use_processes(0) is None, processes() is None
    (True, True)
    >>> _ = use_processes()
    """
    global _pool, _pool_off
    with _pool_lock:
        if _pool is not None:
            _pool.close()
        _pool = QueryProcesses(size, memory_mb) if size > 0 else None
        _pool_off = size <= 0
        return _pool


def processes() -> QueryProcesses | None:
    """The pool bounded native queries go to: made on first use unless turned off.

    One-shot commands (``careerkg sparql``) turn it off: they exit right after a
    timeout, which ends the work too, and need not start a process.
    """
    global _pool
    if _pool is None and not _pool_off:
        with _pool_lock:
            if _pool is None and not _pool_off:
                _pool = QueryProcesses()
    return _pool


@atexit.register
def _close_pool() -> None:
    if _pool is not None and _pool._pid == os.getpid():
        _pool.close()
