"""``--store`` naming an RDF file or a folder of stores: the message says what to give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import invoke

TURTLE = (
    '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<https://example.org/x> skos:prefLabel "x" .\n'
)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["stats"], "careerkg stats --data {file}"),
        (["path", "Software Engineer", "Data Scientist"], "careerkg path --data {file}"),
        (["validate"], "careerkg validate {file}"),
    ],
    ids=["stats", "path", "validate"],
)
def test_a_file_given_to_store_is_pointed_to_data(tmp_path: Path, args: list[str], said: str) -> None:
    # was: "graph.ttl is not a careerkg store (expected a folder written by `careerkg import --store`)"
    file = tmp_path / "graph.ttl"
    file.write_text(TURTLE, encoding="utf-8")
    result = invoke("--store", str(file), *args)
    assert result.exit_code == 2, result.output
    assert "names a file" in result.output
    assert said.format(file=file) in result.output
    assert "Traceback" not in result.output


def _store_like(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "CURRENT").write_text("MANIFEST-000001\n", encoding="utf-8")  # what marks a store folder
    return folder


def test_a_folder_of_stores_names_them(tmp_path: Path) -> None:
    # was: "stores is not a careerkg store", nothing about the stores esco/ and onet/ inside
    _store_like(tmp_path / "stores" / "onet")
    _store_like(tmp_path / "stores" / "esco")
    (tmp_path / "stores" / "notes.txt").write_text("", encoding="utf-8")
    for args in (["stats"], ["validate"]):
        result = invoke("--store", str(tmp_path / "stores"), *args)
        assert result.exit_code == 2, result.output
        assert "a folder holding 2 stores (esco, onet)" in result.output
        assert f"--store {tmp_path / 'stores' / 'esco'}" in result.output


def test_a_folder_without_stores_is_still_said_not_to_be_one(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("--store", str(tmp_path / "empty"), "stats")
    assert result.exit_code == 2, result.output
    assert "is not a careerkg store" in result.output


@pytest.mark.parametrize(
    "args",
    [["stats", "--data"], ["path", "Software Engineer", "Data Scientist", "--data"], ["validate"]],
    ids=["stats", "path", "validate"],
)
def test_a_store_folder_given_as_a_file_is_pointed_to_store(tmp_path: Path, args: list[str]) -> None:
    # was: "Invalid value for '--data': File '.../esco' is a directory."
    store = _store_like(tmp_path / "esco")
    result = invoke(*args, str(store))
    assert result.exit_code == 2, result.output
    assert f"{store} is a store folder, not an RDF file" in result.output
    assert f"careerkg --store {store} {args[0]}" in result.output


def test_another_folder_given_as_a_file_is_still_said_to_be_a_folder(tmp_path: Path) -> None:
    result = invoke("stats", "--data", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "is a directory" in result.output
