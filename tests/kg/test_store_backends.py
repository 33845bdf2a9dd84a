"""Store backends: a persistent Oxigraph folder opened read-only, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.errors import StoreError
from kg.names import LabelIndex
from kg.namespace import CKG, ROLE
from kg.store import Store
from tests.support.stores import embedded_store_folder


@pytest.fixture(scope="module")
def oxigraph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return embedded_store_folder(tmp_path_factory.mktemp("store") / "kg")


def test_persistent_store_reads_the_same_graph(oxigraph_dir: Path, default_store: Store) -> None:
    store = Store.open(oxigraph_dir)
    assert store.kind == "oxigraph"
    assert store.read_only
    assert len(store) == len(default_store)
    index = LabelIndex.of(store)
    assert index.resolve("Data Scientist", CKG.Role) == ROLE["data-scientist"]


def test_a_read_only_store_is_counted_once(oxigraph_dir: Path) -> None:
    # Oxigraph counts by reading the whole index: /health would pay that on every call
    store = Store.open(oxigraph_dir)
    n = len(store)
    assert store.derived("length", lambda _s: pytest.fail("counted again")) == n
    assert len(store) == n


def test_persistent_store_is_read_only(oxigraph_dir: Path, tmp_path: Path) -> None:
    store = Store.open(oxigraph_dir)
    extra = tmp_path / "x.ttl"
    extra.write_text("<urn:a> <urn:b> <urn:c> .\n")
    with pytest.raises(StoreError, match="read-only"):
        store.load(extra)


def test_cli_reads_a_store_folder(oxigraph_dir: Path, default_store: Store) -> None:
    _register()
    result = CliRunner().invoke(cli, ["stats", "--store", str(oxigraph_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert f'"triples": {len(default_store)}' in result.output


@pytest.mark.parametrize("case", ["missing", "empty", "corrupt", "file"])
def test_bad_store_is_a_clear_error(tmp_path: Path, case: str) -> None:
    target = tmp_path / "store"
    if case == "empty":
        target.mkdir()
    elif case == "corrupt":
        target.mkdir()
        (target / "CURRENT").write_text("garbage\n")
        (target / "MANIFEST-000001").write_bytes(b"\x00\x01not a manifest")
    elif case == "file":
        target.write_text("not a folder")
    _register()
    result = CliRunner().invoke(cli, ["stats", "--store", str(target)])
    assert result.exit_code == 2
    assert "careerkg: error:" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(StoreError):
        Store.open(target)


def test_unreachable_endpoint_is_a_clear_error() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError, match="cannot reach"):
        Store.open(f"http://127.0.0.1:{port}/sparql")
