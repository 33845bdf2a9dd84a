"""Query processes: native evaluation really stops at the time limit, memory is capped,
a killed process is replaced, and concurrency is bounded."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

from kg.errors import QueryRejected, QueryTimeout
from kg.sparql.bounded import QueryProcesses, Source
from kg.sparql.native import native_source
from kg.store import Store

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ROLES = "SELECT ?r WHERE { ?r a ckg:Role }"
PREFIXED = "PREFIX ckg: <https://w3id.org/careerkg/ontology#>\n"


@pytest.fixture(scope="module")
def source() -> Source:
    found = native_source(Store.default(backend="oxigraph"))
    assert found is not None
    return found


@pytest.fixture
def pool() -> Iterator[QueryProcesses]:
    made = QueryProcesses(size=2, memory_mb=256)
    yield made
    made.close()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _pids(pool: QueryProcesses) -> set[int]:
    with pool._lock:
        return {child.process.pid for child in pool._children}


def test_answers_and_keeps_its_processes(pool: QueryProcesses, source: Source) -> None:
    pool.warm(source)
    pids = _pids(pool)
    assert len(pids) == 2
    first = pool.run(source, PREFIXED + ROLES, "SELECT", 30.0, None)
    assert len(first.rows) >= 10
    for _ in range(5):
        again = pool.run(source, PREFIXED + ROLES, "SELECT", 30.0, None)
        assert sorted(again.rows) == sorted(first.rows)
    assert _pids(pool) == pids  # the same processes answer again and again


def test_the_work_stops_at_the_limit_and_the_process_is_replaced(
    pool: QueryProcesses, source: Source
) -> None:
    pool.warm(source)
    before = _pids(pool)
    assert len(before) == 2
    started = time.perf_counter()
    with pytest.raises(QueryTimeout):
        pool.run(source, CROSS, "SELECT", 0.5, None)
    assert time.perf_counter() - started < 3.0
    killed = before - _pids(pool)
    assert len(killed) == 1
    (pid,) = killed
    assert not _alive(pid)  # the evaluation is gone with its process, not running on
    # the other process answers at once, and a replacement joins the pool
    started = time.perf_counter()
    assert pool.run(source, "ASK { ?s ?p ?o }", "ASK", 0.5, None).boolean is True
    assert time.perf_counter() - started < 0.5
    deadline = time.monotonic() + 30
    while len(_pids(pool)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(_pids(pool)) == 2


def test_a_query_needing_too_much_memory_ends_its_process_not_the_caller(
    pool: QueryProcesses, source: Source
) -> None:
    # sorting a cross join materialises every solution: far beyond 256 MiB
    hungry = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
    with pytest.raises(QueryRejected) as err:
        pool.run(source, hungry, "SELECT", 60.0, None)
    assert err.value.status == 503
    assert "memory" in str(err.value)
    assert pool.run(source, "ASK { ?s ?p ?o }", "ASK", 30.0, None).boolean is True


def test_more_queries_than_processes_wait_then_get_busy(pool: QueryProcesses, source: Source) -> None:
    pool.warm(source)
    outcomes: list[str] = []

    def heavy() -> None:
        try:
            pool.run(source, CROSS, "SELECT", 2.0, None)
            outcomes.append("answered")
        except QueryTimeout:
            outcomes.append("timeout")

    runners = [threading.Thread(target=heavy) for _ in range(2)]
    for runner in runners:
        runner.start()
    time.sleep(0.3)  # both processes are busy now
    with pytest.raises(QueryRejected) as err:
        pool.run(source, "ASK { ?s ?p ?o }", "ASK", 0.5, None)
    assert err.value.status == 503
    assert "busy" in str(err.value)
    for runner in runners:
        runner.join(30)
    assert outcomes == ["timeout", "timeout"]


def test_a_query_during_the_warming_waits_for_it_then_has_its_whole_limit(
    pool: QueryProcesses, source: Source
) -> None:
    # a server warms its processes in the background after /health answers; the first
    # query then found every place held by the warming and was answered "busy" (503)
    # once its limit passed, as the warming (new processes opening the store) took longer
    warming = threading.Thread(target=pool.warm, args=(source,))
    started = time.perf_counter()
    warming.start()
    deadline = time.monotonic() + 10
    while pool._free._value and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.001)
    assert pool._free._value == 0  # type: ignore[attr-defined]  # the warming holds both places
    assert pool.run(source, "ASK { ?s ?p ?o }", "ASK", 0.2, None).boolean is True
    assert time.perf_counter() - started > 0.2  # it did wait longer than its limit
    warming.join(60)
    assert not warming.is_alive()


def test_a_forked_process_starts_its_own_pool(pool: QueryProcesses, source: Source) -> None:
    pool.warm(source)
    parents = _pids(pool)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a gunicorn worker, say
        code = 1
        try:
            result = pool.run(source, "ASK { ?s ?p ?o }", "ASK", 30.0, None)
            code = 0 if result.boolean and not (_pids(pool) & parents) else 3
            os.write(write, ",".join(map(str, _pids(pool))).encode())
            pool.close()
        finally:
            os._exit(code)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    children = os.read(read, 1000).decode()
    os.close(read)
    assert os.waitstatus_to_exitcode(status) == 0, children
    assert _pids(pool) == parents  # the parent's processes were left alone


def test_a_process_killed_from_outside_is_replaced_unnoticed(pool: QueryProcesses, source: Source) -> None:
    import signal

    pool.warm(source)
    for pid in _pids(pool):
        os.kill(pid, signal.SIGKILL)  # the OOM killer, an operator
    time.sleep(0.2)
    assert pool.run(source, "ASK { ?s ?p ?o }", "ASK", 5.0, None).boolean is True


def test_a_query_process_shares_the_callers_cpu_then_its_cpus_when_the_query_is_long(
    source: Source, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.sparql import bounded
    from kg.sparql.bounded import _current_cpu

    before = os.sched_getaffinity(0)
    pool = QueryProcesses(size=1, memory_mb=256)  # one process: the one that answers
    try:
        pool.warm(source)
        # "small" and "long" are set by the pinned window, not by how busy the machine is
        monkeypatch.setattr(bounded, "PINNED_SECONDS", 30.0)  # the query ends inside it
        pool.run(source, PREFIXED + ROLES, "SELECT", 30.0, None)
        assert os.sched_getaffinity(0) == before  # the caller's CPUs given back
        masks = [os.sched_getaffinity(pid) for pid in _pids(pool)]
        if len(before) >= 2 and _current_cpu() is not None:
            assert [len(m) for m in masks] == [1]  # it answered on the caller's CPU
        else:
            assert masks == [before]
        # a query past the first moment (~0.2 s here): its process may use every CPU again
        monkeypatch.setattr(bounded, "PINNED_SECONDS", 0.0)
        pairs = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t . ?b a ?u }"
        assert pool.run(source, pairs, "SELECT", 30.0, None).rows
        assert os.sched_getaffinity(0) == before
        assert [os.sched_getaffinity(pid) for pid in _pids(pool)] == [before]
    finally:
        pool.close()


# ---------------------------------------------------------------- run_bounded's threads


def _runner_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "careerkg-native-query"]


def test_bounded_work_reuses_its_threads() -> None:
    from kg.sparql.bounded import SLOTS, run_bounded

    answers = [run_bounded(lambda n=n: n * n, 5.0) for n in range(50)]
    assert answers == [n * n for n in range(50)]
    assert 1 <= len(_runner_threads()) <= SLOTS  # not one thread per call


def test_work_past_its_limit_keeps_one_thread_the_next_query_gets_another() -> None:
    from kg.sparql.bounded import run_bounded

    release = threading.Event()
    with pytest.raises(QueryTimeout):
        run_bounded(lambda: release.wait(30), 0.2)  # still running, holding its thread and slot
    try:
        started = time.perf_counter()
        assert run_bounded(lambda: "next", 5.0) == "next"
        assert time.perf_counter() - started < 2.0
    finally:
        release.set()


def test_bounded_work_runs_in_a_forked_child() -> None:
    from kg.sparql.bounded import run_bounded

    run_bounded(lambda: None, 5.0)  # the parent's threads exist; the child has none of them
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = 0 if run_bounded(lambda: 42, 5.0) == 42 else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


# ---------------------------------------------------------------- CPU pinning while waiting


def test_small_work_runs_on_the_callers_cpu_and_the_caller_keeps_its_cpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.sparql import bounded
    from kg.sparql.bounded import _current_cpu, run_bounded

    # "small" is set by the pinned window, not by how busy the machine is: the work ends inside it
    monkeypatch.setattr(bounded, "PINNED_SECONDS", 30.0)
    before = os.sched_getaffinity(0)
    seen = run_bounded(lambda: os.sched_getaffinity(0), 5.0)
    assert os.sched_getaffinity(0) == before  # the caller's CPUs given back
    if len(before) >= 2 and _current_cpu() is not None:
        assert len(seen) == 1  # the work shared the caller's one CPU
        assert seen <= before
    else:
        assert seen == before  # nothing to gain on one CPU: nothing pinned


def test_work_still_running_after_a_moment_may_use_every_cpu_again() -> None:
    from kg.sparql.bounded import run_bounded

    before = os.sched_getaffinity(0)

    def long_work() -> set[int]:
        give_up = time.monotonic() + 10
        while os.sched_getaffinity(0) != before and time.monotonic() < give_up:
            time.sleep(0.01)
        return os.sched_getaffinity(0)

    assert run_bounded(long_work, 20.0) == before
    assert os.sched_getaffinity(0) == before


def test_without_sched_getcpu_nothing_is_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.sparql import bounded

    monkeypatch.setattr(bounded.pinning, "enabled", False)
    before = os.sched_getaffinity(0)
    worker = threading.Thread(target=time.sleep, args=(0.5,))
    worker.start()
    assert worker.native_id is not None
    assert bounded.pinning.pin(worker.native_id) is None
    assert os.sched_getaffinity(worker.native_id) == before
    assert bounded.run_bounded(lambda: 5, 5.0) == 5
    assert os.sched_getaffinity(0) == before
    worker.join()


def test_a_caller_on_one_cpu_stays_there_and_its_work_runs_there() -> None:
    from kg.sparql.bounded import run_bounded

    before = os.sched_getaffinity(0)
    run_bounded(lambda: None, 5.0)  # a runner, maybe left on another CPU
    one = {max(before)}
    os.sched_setaffinity(0, one)
    try:
        assert run_bounded(lambda: os.sched_getaffinity(0), 5.0) == one
        assert os.sched_getaffinity(0) == one
    finally:
        os.sched_setaffinity(0, before)


def test_a_query_the_engine_crashes_on_is_not_called_a_memory_problem(
    pool: QueryProcesses, source: Source
) -> None:
    # Oxigraph ends with SIGSEGV on a FILTER of 20,000 ||, within a second and far below
    # the memory cap: the answer said 'the query needed more memory than the 256 MiB a
    # query may use (its process ended with -11)'
    chain = " || ".join(f"?o = {i}" for i in range(20_000))
    with pytest.raises(QueryRejected) as caught:
        pool.run(source, f"SELECT * WHERE {{ ?s ?p ?o FILTER({chain}) }} LIMIT 1", "SELECT", 30.0, None)
    assert caught.value.status == 500
    assert str(caught.value).startswith(
        "the query engine crashed on this query (its process ended with SIGSEGV)"
    )
    assert "memory" not in str(caught.value)
    assert pool.run(source, "ASK { ?s ?p ?o }", "ASK", 5.0, None).boolean is True  # replaced
