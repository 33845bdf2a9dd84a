"""Start a real Virtuoso (Debian ``virtuoso-opensource``) on loopback for the remote-store tests.

The server gets its own database folder and free ports; the data is loaded with
``DB.DBA.TTLP_MT`` through ``isql-vt``; everything is stopped and removed at exit.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 256M
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 4
MaxClientConnections = 8
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 30
DefaultGraph = {graph}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def available() -> bool:
    return VIRTUOSO is not None and ISQL is not None


@contextmanager
def running_virtuoso(
    workdir: Path,
    data_file: Path,
    graph: str = "urn:careerkg:graph",
    more: Mapping[str, Path] | None = None,
) -> Iterator[str]:
    """Run Virtuoso with ``data_file`` (Turtle or N-Triples) loaded into the named graph
    ``graph``, and each file of ``more`` into the graph it is keyed by; yield its SPARQL
    endpoint URL."""
    if not (VIRTUOSO and ISQL):
        raise RuntimeError("virtuoso-opensource is not installed")
    workdir.mkdir(parents=True, exist_ok=True)
    loads = [(graph, data_file), *(more or {}).items()]
    for _, file in loads:
        shutil.copy(file, workdir / file.name)
    sql_port, http_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(INI.format(dir=workdir, sql_port=sql_port, http_port=http_port, graph=graph))
    proc = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = (workdir / "virtuoso.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"virtuoso did not start:\n{log}") from None
                time.sleep(0.3)
        statements = []
        for into, file in loads:
            loader = "DB.DBA.TTLP_MT" if file.suffix in (".ttl", ".nt") else "DB.DBA.RDF_LOAD_RDFXML_MT"
            statements.append(f"{loader}(file_to_string_output('{workdir / file.name}'), '', '{into}', 0);")
        subprocess.run(
            [ISQL, str(sql_port), "dba", "dba", f"exec={' '.join(statements)} checkpoint;"],
            check=True,
            capture_output=True,
            timeout=120,
            env={**os.environ},
        )
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def careerkg_endpoint(
    workdir: Path, *, graph: str = "urn:careerkg:graph", more: Mapping[str, Path] | None = None
) -> Iterator[str]:
    """Virtuoso loaded with careerkg's own N-Triples export into the named graph ``graph``
    (plus ``more``: files keyed by the graph each goes into); yields the endpoint URL.

    Skips the test when Virtuoso is missing, except under CI (CI=true), where it fails:
    ``make test`` installs it.
    """
    import pytest
    from click.testing import CliRunner

    from kg.cli import _register, cli

    if not available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("virtuoso-opensource is not installed; `make test` installs it")
        pytest.skip("virtuoso-opensource is not installed")
    export = workdir / "careerkg.nt"
    _register()
    result = CliRunner().invoke(cli, ["export", "--format", "nt", "-o", str(export)])
    assert result.exit_code == 0, result.output
    try:
        with running_virtuoso(workdir / "db", export, graph, more) as url:
            yield url
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
