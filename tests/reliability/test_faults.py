"""Faults of a running service and of its store: a worker killed mid-request, a store that is
missing, corrupt or held open for writing by another process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.reliability.serving import ROOT, Server, get, post

pytestmark = pytest.mark.server

EXPLOSIVE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i"
ASK = urllib.parse.urlencode({"query": "ASK { ?s a ?c }"})


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_worker_killed_mid_request_does_not_take_the_service_down() -> None:
    with Server(["--workers", "2", "--timeout", "20", "--no-dashboard"]) as srv:
        workers = srv.workers()
        assert len(workers) == 2
        outcome: dict[str, object] = {}

        def slow() -> None:
            form = urllib.parse.urlencode({"query": EXPLOSIVE}).encode()
            try:
                outcome["status"] = post(srv.base, "/sparql", form, "application/x-www-form-urlencoded", 30)[
                    0
                ]
            except OSError as err:  # the connection dies with the worker
                outcome["error"] = err

        client = threading.Thread(target=slow)
        client.start()
        time.sleep(0.5)
        before = {pid: _cpu_ticks(pid) for pid in workers}
        time.sleep(0.5)
        busy = max(workers, key=lambda pid: _cpu_ticks(pid) - before[pid])  # the one running the query
        os.kill(busy, signal.SIGKILL)
        started = time.monotonic()
        assert get(srv.base, "/health", timeout=5)[0] == 200  # the other worker answers at once
        assert time.monotonic() - started < 3
        client.join(30)
        assert "status" not in outcome or outcome["status"] != 200
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            now = srv.workers()
            if len(now) == 2 and busy not in now:
                break
            time.sleep(0.1)
        assert busy not in now
        assert len(now) == 2  # the master started a replacement
        for _ in range(10):  # and every worker answers queries
            status, body = get(srv.base, "/sparql?" + ASK)
            assert status == 200
            assert b'"boolean": true' in body or b'"boolean":true' in body
        assert srv.proc is not None
        assert srv.proc.poll() is None


# ------------------------------------------------------------------ bad stores


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pyoxigraph

    folder = tmp_path_factory.mktemp("store") / "kg"
    ox = pyoxigraph.Store(str(folder))
    ox.bulk_load(
        b'<https://w3id.org/careerkg/id/role/x> <http://www.w3.org/2004/02/skos/core#prefLabel> "X" .\n',
        pyoxigraph.RdfFormat.N_TRIPLES,
    )
    ox.flush()
    del ox
    return folder


def _bad_store(tmp_path: Path, case: str, store_dir: Path) -> Path:
    target = tmp_path / "store"
    if case == "empty":
        target.mkdir()
    elif case == "file":
        target.write_text("not a folder")
    elif case == "other-folder":  # a folder of something else: said so, no RocksDB error
        target.mkdir()
        (target / "notes.txt").write_text("not a store")
    elif case == "corrupt-manifest":
        target.mkdir()
        (target / "CURRENT").write_text("MANIFEST-000001\n")
        (target / "MANIFEST-000001").write_bytes(os.urandom(200))
    elif case == "corrupt-tables":
        import shutil

        shutil.copytree(store_dir, target)
        for sst in target.glob("*.sst"):
            data = bytearray(sst.read_bytes())
            data[len(data) // 2 : len(data) // 2 + 16] = b"\xff" * 16
            sst.write_bytes(bytes(data))
    elif case == "unreadable-current":
        import shutil

        shutil.copytree(store_dir, target)
        (target / "CURRENT").write_text("")
    return target  # "missing": nothing there


def _careerkg(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


CASES = [
    "missing",
    "empty",
    "file",
    "other-folder",
    "corrupt-manifest",
    "corrupt-tables",
    "unreadable-current",
]


def _one_paragraph(err: str, target: Path) -> None:
    err = err.strip()
    assert err.startswith("careerkg: error:")
    assert str(target) in err
    assert "Traceback" not in err
    assert "\n\n" not in err  # one paragraph


@pytest.mark.parametrize("case", ["missing", "corrupt-manifest", "corrupt-tables"])
def test_serve_with_a_bad_store_exits_2_with_one_paragraph(
    tmp_path: Path, store_dir: Path, case: str
) -> None:
    target = _bad_store(tmp_path, case, store_dir)
    result = _careerkg("serve", "--port", "0", "--store", str(target))
    assert result.returncode == 2, result.stderr
    _one_paragraph(result.stderr, target)
    assert "Listening at" not in result.stderr  # no server was started


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(
    "command",
    [["stats"], ["path", "X", "Y"], ["sparql", "ASK { ?s ?p ?o }"], ["unlocks", "X"], ["export"]],
    ids=["stats", "path", "sparql", "unlocks", "export"],
)
def test_commands_with_a_bad_store_exit_2_with_one_paragraph(
    tmp_path: Path, store_dir: Path, case: str, command: list[str]
) -> None:
    from click.testing import CliRunner

    from kg.cli import _register, cli

    target = _bad_store(tmp_path, case, store_dir)
    _register()
    result = CliRunner().invoke(cli, [*command, "--store", str(target)])
    assert result.exit_code == 2, result.output
    _one_paragraph(result.stderr, target)


def test_serve_says_why_it_cannot_start_before_announcing_anything(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        cases = {
            ("--port", port): f"cannot listen on 127.0.0.1:{port}: Address already in use; "
            "is another server running there? Choose another --port",
            ("--host", "nosuchhost.invalid"): "cannot listen on nosuchhost.invalid:8050: ",
            ("--port", "0", "--access-log", str(tmp_path / "no" / "log")): "cannot write the access log",
            ("--port", "0", "--in-memory"): "--in-memory needs a persistent store (--store DIR)",
        }
        for args, message in cases.items():
            result = _careerkg("serve", *args)
            assert result.returncode == 2, (args, result.stderr)
            assert message in result.stderr
            assert "serving" not in result.stderr  # nothing announced
            assert "Traceback" not in result.stderr
            assert result.stderr.count("\n") == 1  # one line, no gunicorn retries


def test_a_folder_of_something_else_is_no_store(tmp_path: Path, store_dir: Path) -> None:
    from kg.errors import StoreError
    from kg.store import Store

    target = _bad_store(tmp_path, "other-folder", store_dir)
    with pytest.raises(StoreError, match=r"is not a careerkg store \(expected a folder written by"):
        Store.open(target)


def test_a_store_url_of_another_scheme_is_refused_by_name() -> None:
    from kg.errors import StoreError
    from kg.store import Store

    with pytest.raises(
        StoreError,
        match=r"ftp://example.org/x: careerkg reads a store folder or an http\(s\):// SPARQL endpoint URL, not ftp://",
    ):
        Store.open("ftp://example.org/x")


def test_store_held_open_for_writing_is_still_served_read_only(store_dir: Path, tmp_path: Path) -> None:
    """RocksDB lets readers open a store another process holds read-write (a consistent
    snapshot); a second writer would be refused. The server and the CLI only ever read."""
    import shutil

    import pyoxigraph

    folder = tmp_path / "held"
    shutil.copytree(store_dir, folder)
    writer = pyoxigraph.Store(str(folder))  # holds the LOCK file
    try:
        second = subprocess.run(
            [sys.executable, "-c", f"import pyoxigraph; pyoxigraph.Store({str(folder)!r})"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode != 0
        assert "lock" in second.stderr.lower()  # a second writer is refused
        stats = _careerkg("stats", "--store", str(folder), "--format", "json")
        assert stats.returncode == 0, stats.stderr
        assert '"triples": 1' in stats.stdout
        with Server(["--workers", "2", "--no-dashboard", "--store", str(folder)]) as srv:
            assert srv.health()["triples"] == 1
    finally:
        del writer
