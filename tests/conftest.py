"""Shared fixtures: the repository root, the shared folder, the default store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "external"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_path(path: Path, what: str) -> Path:
    """Skip (outside CI) or fail (in CI) when a needed folder is missing."""
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{what} not found at {path}; CI must have ../shared beside the clone")
        pytest.skip(f"{what} not found at {path}")
    return path


@pytest.fixture(scope="session")
def default_store():  # type: ignore[no-untyped-def]
    """The ontology and the curated data (``Store.default()``), made once per test process."""
    from kg.store import Store

    return Store.default()


@pytest.fixture(scope="session")
def store(default_store):  # type: ignore[no-untyped-def]
    """The store a test reads: :func:`default_store`, shared by every module whose tests read
    it and change nothing in it (its views, the projection and the label index, are then
    built once). A module whose tests change their store or read another graph defines its
    own ``store`` fixture, which then stands in for this one, and says how it differs."""
    return default_store


@pytest.fixture
def ckf_extensions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ckf: SPARQL extensions registered in rdflib for one test, removed afterwards
    (modules of SPARQL tests use it for all their tests: ``pytestmark``)."""
    from kg.sparql import paths as sparql_paths

    for registry, key, value in sparql_paths.extension_entries():
        monkeypatch.setitem(registry, key, value)
