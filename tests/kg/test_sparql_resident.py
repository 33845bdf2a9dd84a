"""The resident engine (``serve --store DIR --in-memory``): the same answers as the
folder, a runaway query really stopped and the store loaded again, the folder standing
in while it loads or when it ends mid-query, and nothing left running after the server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import QueryRejected, QueryTimeout
from kg.sparql import resident
from kg.sparql.bounded import SLOTS, QueryProcesses, Source, use_processes
from kg.sparql.engine import run_query
from kg.store import Store
from tests.reliability.serving import Server, descendants, get
from tests.support.stores import embedded_store_folder

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUERIES = {
    "select": "SELECT ?r ?label WHERE { ?r a ckg:Role ; skos:prefLabel ?label } ORDER BY ?r",
    "aggregate": (
        "SELECT ?skill (COUNT(DISTINCT ?role) AS ?n) WHERE { ?role ckg:hasRequirement/ckg:requiredSkill ?skill }"
        " GROUP BY ?skill ORDER BY DESC(?n) ?skill"
    ),
    "ask": "ASK { ?r a ckg:Role }",
    "construct": "CONSTRUCT { ?r a ckg:Role } WHERE { ?r a ckg:Role }",
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return embedded_store_folder(tmp_path_factory.mktemp("resident") / "kg")


@pytest.fixture
def engine(store_dir: Path) -> Iterator[resident.ResidentEngine]:
    use_processes(2, 256)
    started = resident.start(str(store_dir), 512)
    assert started.wait_ready(60), "the resident engine did not load a 7,000-triple store in 60 s"
    yield started
    started.stop()
    resident._engine = None
    use_processes()


def _engine_pid(engine: resident.ResidentEngine) -> int | None:
    assert engine.supervisor is not None
    children = (
        Path(f"/proc/{engine.supervisor.pid}/task/{engine.supervisor.pid}/children").read_text().split()
    )
    return int(children[0]) if children else None


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _answer(result: object) -> object:
    graph = getattr(result, "graph", None)
    if graph is not None:
        return sorted(graph)
    return getattr(result, "boolean", None), getattr(result, "variables", None), getattr(result, "rows", None)


def test_answers_as_the_folder_does(engine: resident.ResidentEngine, store_dir: Path) -> None:
    store = Store.open(store_dir)
    for name, text in QUERIES.items():
        from_memory = run_query(store, text, timeout=30)
        resident._engine = None  # the same query, answered by the query processes from the folder
        try:
            from_folder = run_query(store, text, timeout=30)
        finally:
            resident._engine = engine
        assert _answer(from_memory) == _answer(from_folder), name
    assert len(run_query(store, QUERIES["aggregate"], timeout=30).rows) > 20


def test_a_runaway_query_ends_the_engine_and_it_loads_again(engine: resident.ResidentEngine) -> None:
    before = _engine_pid(engine)
    assert before is not None
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as caught:
        engine.run(f"PREFIX ckg: <https://w3id.org/careerkg/ontology#>\n{CROSS}", "SELECT", 1.0, None)
    assert time.monotonic() - started < 3.0
    assert caught.value.evaluated >= 0.8  # the evaluation used the limit: worth remembering
    deadline = time.monotonic() + 5
    while _alive(before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(before), "the engine evaluating the runaway query still runs"
    assert engine.wait_ready(60)
    after = _engine_pid(engine)
    assert after is not None
    assert after != before
    assert engine.run("ASK { ?s ?p ?o }", "ASK", 5.0, None).boolean is True


def test_a_query_finding_every_slot_taken_is_answered_busy_not_timed_out(
    engine: resident.ResidentEngine, store_dir: Path
) -> None:
    triples = len(Store.open(store_dir))
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # seconds, within its limit
    answers: list[object] = []
    busy = [
        threading.Thread(target=lambda: answers.append(engine.run(slow, "SELECT", 120.0, None).rows))
        for _ in range(SLOTS)
    ]
    for thread in busy:
        thread.start()
    time.sleep(1.5)  # both sent and evaluating (a local socket takes well under a millisecond)
    started = time.monotonic()
    with pytest.raises(QueryRejected) as caught:
        engine.run("ASK { ?s ?p ?o }", "ASK", 1.0, None)
    assert caught.value.status == 503
    assert "busy" in str(caught.value)
    assert time.monotonic() - started < 3.0
    for thread in busy:
        thread.join(120)
    assert [rows[0][0].toPython() for rows in answers] == [triples * triples] * SLOTS  # type: ignore[index]
    assert engine.run("ASK { ?s ?p ?o }", "ASK", 5.0, None).boolean is True  # not ended, free again


def test_the_folder_answers_while_the_engine_is_away(
    engine: resident.ResidentEngine, store_dir: Path
) -> None:
    store = Store.open(store_dir)
    expected = _answer(run_query(store, QUERIES["select"], timeout=30))
    pid = _engine_pid(engine)
    assert pid is not None
    os.kill(pid, signal.SIGKILL)  # as a crash, or the kernel's OOM killer, would
    while _alive(pid):
        time.sleep(0.02)
    assert not engine.ready()
    assert _answer(run_query(store, QUERIES["select"], timeout=30)) == expected  # from the query processes
    assert engine.wait_ready(90)  # the supervisor started it again (after a pause)


def test_the_stand_in_processes_are_released_once_the_engine_answers(
    engine: resident.ResidentEngine, store_dir: Path
) -> None:
    from kg.sparql.bounded import processes

    pool = processes()
    assert pool is not None
    pool.warm(Source("dir", str(store_dir)))
    assert pool._children
    run_query(Store.open(store_dir), QUERIES["select"], timeout=30)
    assert not pool._children
    resident._engine = None  # and they come back when needed
    try:
        assert len(run_query(Store.open(store_dir), QUERIES["select"], timeout=30).rows) > 5
    finally:
        resident._engine = engine
    assert pool._children


def test_release_waits_for_running_queries(store_dir: Path) -> None:
    pool = QueryProcesses(size=1, memory_mb=256)
    source = Source("dir", str(store_dir))
    try:
        pool.warm(source)
        assert pool._free.acquire(blocking=False)  # as a query in progress holds it
        assert pool.release() == 0
        pool._free.release()
        assert pool.release() == 1
        assert pool.run(source, "ASK { ?s ?p ?o }", "ASK", 30.0, None).boolean is True
    finally:
        pool.close()


def test_supervisor_and_engine_end_with_the_server(store_dir: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import time
        from kg.sparql import resident
        engine = resident.start({str(store_dir)!r}, 256)
        assert engine.wait_ready(60)
        print(engine.supervisor.pid, engine.folder, flush=True)
        time.sleep(600)
        """
    )
    server = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=Path(__file__).parents[2]
    )
    try:
        assert server.stdout is not None
        pid, folder = server.stdout.readline().split()
        supervisor = int(pid)
        assert Path(folder.decode()).is_dir()
        tree = {supervisor, *descendants(supervisor)}
        assert len(tree) == 2  # the supervisor and its engine
    finally:
        server.kill()  # no atexit: the supervisor notices its parent is gone
        server.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in tree) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in tree)
    assert not Path(folder.decode()).exists()  # nothing left in the temporary folder


def test_serve_in_memory_answers_sparql(store_dir: Path) -> None:
    server = Server(["--store", str(store_dir), "--in-memory", "--workers", "1", "--no-dashboard"]).start()
    try:
        deadline = time.monotonic() + 60
        while server.health()["in_memory_engine"] != "ready":
            assert time.monotonic() < deadline, server.log_text()[-2000:]
            time.sleep(0.2)
        query = "PREFIX ckg: <https://w3id.org/careerkg/ontology#> SELECT (COUNT(?r) AS ?n) WHERE { ?r a ckg:Role }"
        from urllib.parse import quote

        status, body = get(server.base, f"/sparql?query={quote(query)}", headers={"Accept": "text/csv"})
        assert status == 200, body
        assert int(body.decode().split()[1]) >= 8
        assert '"message": "ready"' in server.log_text()
    finally:
        server.stop()


def test_in_memory_needs_a_store_folder() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--in-memory", "--no-dashboard", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 2
    assert "--in-memory needs a persistent store (--store DIR)" in result.stderr
