"""The persistent store built from the real ESCO v1.1.1 files, end to end: the import
writes ontology + curated data + ESCO, and every read command works with --store."""

from __future__ import annotations

import csv
import gzip
import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, URIRef

from kg.cli import _register, cli
from kg.namespace import CKG, ROLE
from kg.store import Store
from tests.support.esco_store import ESCO_DIR, esco_store_dir
from tests.support.server import ESCO_START_TIMEOUT, running_server

pytestmark = pytest.mark.external

ROOT = Path(__file__).resolve().parents[2]


def _esco_occupation(label: str) -> URIRef:
    """The IRI ESCO's own occupations file gives the occupation ``label``."""
    (path,) = [p for p in ESCO_DIR.rglob("*") if p.name in ("occupations_en.csv", "occupations_en.csv.gz")]
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        (iri,) = [r["conceptUri"] for r in csv.DictReader(fh) if r["preferredLabel"] == label]
    return URIRef(iri)


@pytest.fixture(scope="module")
def software_developer(store_dir: Path) -> URIRef:
    return _esco_occupation("software developer")


@pytest.fixture(scope="module")
def store_dir() -> Path:
    return esco_store_dir()


@pytest.fixture(scope="module")
def store(store_dir: Path) -> Store:
    # not the shared default store: the persistent ESCO store
    return Store.open(store_dir)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_store_holds_ontology_curated_data_and_esco(store: Store, software_developer: URIRef) -> None:
    g = store.graph
    assert store.kind == "oxigraph"
    assert store.read_only
    assert (CKG.Role, RDF.type, OWL.Class) in g
    assert (ROLE["machine-learning-engineer"], RDF.type, CKG.Role) in g
    assert (software_developer, RDF.type, CKG.Role) in g
    roles = set(g.subjects(RDF.type, CKG.Role))
    esco_roles = {r for r in roles if str(r).startswith("http://data.europa.eu/esco/")}
    # ESCO's 3,007 occupations, less those a curated role absorbed on exactMatch
    assert 2_900 < len(esco_roles) <= 3_007
    assert any(str(r).startswith(str(ROLE)) for r in roles)
    assert len(store) > 1_000_000
    assert (software_developer, CKG.requiresSkill, None) in g


def test_store_reopens_without_loading_its_triples(store_dir: Path) -> None:
    # what makes reopening fast (`python -m bench scale` times it): the folder is opened
    # as the on-disk Oxigraph store it is (kind "oxigraph"), not loaded into memory
    # ("memory-oxigraph")
    again = Store.open(store_dir)
    assert again.kind == "oxigraph"
    assert len(again) > 1_000_000


def test_path_with_store(store_dir: Path, runner: CliRunner) -> None:
    res = runner.invoke(
        cli,
        [
            "path",
            "--store",
            str(store_dir),
            "--format",
            "json",
            "software developer",
            "machine learning engineer",
        ],
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["steps"]
    assert out["target"]["iri"] == str(ROLE["machine-learning-engineer"])


def test_sparql_with_store_runs_natively(
    store_dir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rdflib.plugins.sparql import processor

    evaluated: list[object] = []
    evaluate = processor.evalQuery

    def spy(*args: object, **kwargs: object) -> object:
        evaluated.append(args[1])  # the query
        return evaluate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(processor, "evalQuery", spy)
    query = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a ckg:Role ; ckg:requiresSkill ?s }"
    res = runner.invoke(cli, ["sparql", "--store", str(store_dir), "--format", "csv", query])
    assert res.exit_code == 0, res.output
    assert int(res.output.splitlines()[1]) > 2_900
    assert evaluated == []  # Oxigraph answered; rdflib's evaluator took > 15 s here


def test_gaps_with_store_and_an_esco_target(store_dir: Path, runner: CliRunner) -> None:
    curriculum = ROOT / "data" / "curricula" / "msc-ai-data-science.csv"
    res = runner.invoke(
        cli,
        [
            "gaps",
            "--store",
            str(store_dir),
            "--format",
            "json",
            str(curriculum),
            "--target",
            "software developer",
        ],
    )
    assert res.exit_code in (0, 1), res.output
    report = json.loads(res.output)
    assert "software developer" in json.dumps(report).lower()


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[str]:
    args = ["--store", str(store_dir), "--workers", "1", "--no-dashboard"]
    with running_server(args, start_timeout=ESCO_START_TIMEOUT) as url:
        yield url


def test_serve_with_store(server: str, software_developer: URIRef) -> None:
    with urllib.request.urlopen(server + "/health", timeout=10) as resp:
        health = json.load(resp)
    assert health["triples"] > 1_000_000
    query = urllib.parse.urlencode(
        {"query": f"ASK {{ <{software_developer}> ckg:requiresSkill ?s }}", "format": "json"}
    )
    with urllib.request.urlopen(f"{server}/sparql?{query}", timeout=30) as resp:
        assert json.load(resp)["boolean"] is True
