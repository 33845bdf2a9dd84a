"""Interrupted imports (SIGKILL mid-way, disk full) leave the previous output or store as it
was and nothing half-written behind; re-running an import gives the same graph."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import _register, cli
from kg.store import Store
from tests.kg.test_import_esco import make_esco
from tests.reliability.serving import ROOT

# Run `careerkg ARGS` with one step replaced by a hang that first prints READY: the test
# then SIGKILLs the process at that exact point of the import.
DRIVER = r"""
import os, shutil, sys, time
mode, args = sys.argv[1], sys.argv[2:]

def hang(*_a, **_k):
    print("READY", flush=True)
    time.sleep(120)

if mode == "copy":  # half of the output file written
    def half(src, dst, length=0):
        dst.write(src.read(2048)); dst.flush(); hang()
    shutil.copyfileobj = half
elif mode == "swap":  # the new file or store complete beside the target, not yet swapped in
    import kg.importers.common as common
    common._exchange = hang
    real = os.replace
    def replace(src, dst):
        if ".tmp-" in os.fspath(src) or ".old-" in os.fspath(dst):
            hang()
        real(src, dst)
    os.replace = replace
elif mode == "store":  # the store half-built: bulk-loaded, not joined or flushed
    import kg.importers.join as join
    join.join = hang
elif mode == "convert":  # the intermediate N-Triples half-written
    import kg.importers.common as common
    real_iri = common.NTriplesWriter.iri
    calls = [0]
    def iri(self, *a):
        calls[0] += 1
        if calls[0] == 20:
            self.out.flush(); hang()
        real_iri(self, *a)
    common.NTriplesWriter.iri = iri

from kg.cli import main
main(args)
"""


@pytest.fixture(scope="module")
def esco_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_esco(tmp_path_factory.mktemp("esco"))


def _import(*args: str) -> None:
    _register()
    result = CliRunner().invoke(cli, ["import", "esco", *args])
    assert result.exit_code == 0, result.output


def _killed(mode: str, *args: str) -> int:
    """Run the import with a hang at ``mode``, SIGKILL it there; return its pid."""
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, mode, "import", "esco", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline and "READY" not in line:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
        assert "READY" in line, (
            f"the import never reached {mode}: {proc.stderr.read() if proc.stderr else ''}"
        )
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    return proc.pid


def _nt_set(path: Path) -> set[str]:
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def _leftovers(folder: Path, pid: int) -> list[str]:
    here = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    tmp = [p.name for p in Path(tempfile.gettempdir()).glob(f"careerkg-import-{pid}-*")]
    return here + tmp


@pytest.mark.parametrize("mode", ["convert", "copy", "swap"])
def test_killed_file_import_keeps_the_old_file_and_the_rerun_cleans_up(
    tmp_path: Path, esco_dir: Path, mode: str
) -> None:
    out = tmp_path / "esco.nt"
    _import(str(esco_dir), "-o", str(out))
    before = out.read_bytes()
    pid = _killed(mode, str(esco_dir), "-o", str(out))
    assert out.read_bytes() == before  # the previous output, whole
    _import(str(esco_dir), "-o", str(out))
    assert _nt_set(out) == {line for line in before.decode().splitlines() if line.strip()}
    assert _leftovers(tmp_path, pid) == []  # the killed import's temporary files are gone


def test_killed_first_import_leaves_no_output(tmp_path: Path, esco_dir: Path) -> None:
    out = tmp_path / "esco.nt.gz"
    pid = _killed("copy", str(esco_dir), "-o", str(out))
    assert not out.exists()
    assert _leftovers(tmp_path, pid) != []  # the killed import's partial file, hidden aside
    _import(str(esco_dir), "-o", str(out))  # the next import of that file sweeps it
    assert _leftovers(tmp_path, pid) == []
    assert out.exists()


def _store_graph(folder: Path) -> Graph:
    g = Graph()
    for t in Store.open(folder).graph:
        g.add(t)
    return g


@pytest.mark.parametrize("mode", ["store", "swap"])
def test_killed_store_import_keeps_the_old_store(tmp_path: Path, esco_dir: Path, mode: str) -> None:
    folder = tmp_path / "kgstore"
    _import(str(esco_dir), "--store", str(folder), "--without-curated")
    before = _store_graph(folder)
    assert len(before) > 20
    pid = _killed(mode, str(esco_dir), "--store", str(folder), "--without-curated")
    assert isomorphic(_store_graph(folder), before)  # opens, and holds the previous import
    _import(str(esco_dir), "--store", str(folder), "--without-curated")
    assert isomorphic(_store_graph(folder), before)
    assert _leftovers(tmp_path, pid) == []


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize(
    "where",
    [
        "kg.importers.common.NTriplesWriter.literal",  # the importer's own writer
        "kg.importers.common.shutil.copyfileobj",  # copying into the output file
        "kg.importers.join.join",  # building the store
    ],
)
def test_disk_full_is_a_clear_error_and_keeps_the_old_output(
    tmp_path: Path, esco_dir: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    out, folder = tmp_path / "esco.nt", tmp_path / "kgstore"
    _import(str(esco_dir), "-o", str(out), "--store", str(folder), "--without-curated")
    before, before_store = out.read_bytes(), _store_graph(folder)
    monkeypatch.setattr(where, _disk_full)
    _register()
    result = CliRunner().invoke(
        cli, ["import", "esco", str(esco_dir), "-o", str(out), "--store", str(folder), "--without-curated"]
    )
    assert result.exit_code == 2, result.output
    assert "careerkg: error:" in result.output
    assert "No space left on device" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == before
    assert isomorphic(_store_graph(folder), before_store)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["esco.nt", "kgstore"]


def test_reimport_gives_the_same_graph(tmp_path: Path, esco_dir: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    _import(str(esco_dir), "-o", str(a))
    _import(str(esco_dir), "-o", str(b))
    ga, gb = Graph().parse(a), Graph().parse(b)
    assert len(ga) > 20
    assert isomorphic(ga, gb)
