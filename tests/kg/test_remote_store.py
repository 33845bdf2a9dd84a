"""The remote-SPARQL-store mode against a real Virtuoso started on loopback.

Virtuoso (Debian ``virtuoso-opensource``) is loaded with careerkg's own export; every
read feature then runs with ``--store http://127.0.0.1:PORT/sparql``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.names import LabelIndex
from kg.namespace import CKG, ROLE
from kg.store import Store
from tests.support import virtuoso

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso.careerkg_endpoint(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


def test_remote_store_resolves_names(endpoint: str) -> None:
    store = Store.open(endpoint)
    assert store.kind == "remote"
    index = LabelIndex.of(store)
    assert index.resolve("machine learning engineer", CKG.Role) == ROLE["machine-learning-engineer"]
    local = LabelIndex.of(Store.default())
    assert set(index.labels) == set(local.labels)


def test_stats_over_remote_store_match_local(endpoint: str, default_store: Store) -> None:
    from kg.stats import stats

    remote = stats(Store.open(endpoint).graph)
    local = stats(default_store.graph)
    assert remote["classes"] == local["classes"]
    assert remote["relations"] == local["relations"]


def test_cli_reads_remote_store(endpoint: str) -> None:
    _register()
    result = CliRunner().invoke(cli, ["--store", endpoint, "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["classes"]["Role"] >= 12


def test_export_file_is_what_was_loaded(endpoint: str, tmp_path: Path, default_store: Store) -> None:
    from rdflib import Graph

    out = tmp_path / "again.nt"
    _register()
    result = CliRunner().invoke(cli, ["export", "--format", "nt", "-o", str(out)])
    assert result.exit_code == 0
    assert len(Graph().parse(out, format="nt")) == len(default_store)
