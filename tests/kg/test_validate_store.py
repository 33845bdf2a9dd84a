"""`careerkg --store DIR validate` checks the store; it checked the shipped graph and said
"conforms" of a store it never read."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.importers.store import build_store

BROKEN = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix src: <https://w3id.org/careerkg/id/source/> .
skill:stored a ckg:Skill ; skos:prefLabel "Stored skill"@en ; skos:definition "s"@en ; dcterms:source src:curated ;
    ckg:skillType ckg:Knowledge ; ckg:learningHours 10 ; ckg:hasPrerequisite skill:nowhere .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # not the shared default store: the folder of a persistent store built from BROKEN
    root = tmp_path_factory.mktemp("validate-store")
    data = root / "broken.ttl"
    data.write_text(BROKEN, encoding="utf-8")
    target = root / "store"
    build_store([data], target)
    return target


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    from kg.cli import _register, cli

    _register()
    return CliRunner().invoke(cli, list(args), env=env)


def test_the_store_is_validated(store: Path) -> None:
    out = run("--store", str(store), "validate")
    assert out.exit_code == 1, out.output
    line = next(line for line in out.output.splitlines() if "nowhere" in line)
    assert "Stored skill" in line, out.output
    assert "not described in the graph" in line


def test_the_store_from_the_environment_is_validated_without_files(store: Path) -> None:
    out = run("validate", env={"CAREERKG_STORE": str(store)})
    assert out.exit_code == 1, out.output
    assert "Stored skill" in out.output


def test_files_are_validated_alone_when_the_store_comes_from_the_environment(
    store: Path, tmp_path: Path
) -> None:
    fine = tmp_path / "empty.ttl"
    fine.write_text("", encoding="utf-8")
    out = run("validate", str(fine), env={"CAREERKG_STORE": str(store)})
    assert out.exit_code == 0, out.output
    assert "Stored skill" not in out.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["validate", "x.ttl"], "not both"),
        (["validate", "--with-default"], "drop --with-default"),
    ],
    ids=["with-a-file", "with-default"],
)
def test_a_store_typed_beside_files_or_with_default_is_refused(
    store: Path, args: list[str], said: str
) -> None:
    out = run("--store", str(store), *args)
    assert out.exit_code == 2, out.output
    assert said in out.output


def test_an_endpoint_is_refused_saying_to_export_it() -> None:
    out = run("--store", "http://127.0.0.1:9/sparql", "validate")
    assert out.exit_code == 2, out.output
    assert "export it and validate the file" in out.output
