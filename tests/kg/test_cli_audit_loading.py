"""Large ``--data`` files: the command says it is loading them, and how long that took."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import kg.cli
from tests.support.cli import invoke

TURTLE = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
""" + "".join(
    f'<https://example.org/skill/{i}> a ckg:Skill ; skos:prefLabel "made-up skill {i}"@en .\n'
    for i in range(40)
)


def _data(tmp_path: Path, name: str = "big.ttl") -> Path:
    path = tmp_path / name
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(TURTLE.encode()))
    else:
        path.write_text(TURTLE, encoding="utf-8")
    return path


def test_loading_large_data_files_is_said_with_the_time_it_took(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # was: 'careerkg path --data esco.nt ...' printed nothing for 12 s
    data = _data(tmp_path)
    monkeypatch.setattr(kg.cli, "LARGE_DATA", data.stat().st_size - 1)
    result = invoke("stats", "--data", str(data), "--format", "json")
    assert result.exit_code == 0, result.output
    assert f"careerkg: loading {data} (" in result.stderr
    assert "--store DIR" in result.stderr
    assert "careerkg: loaded " in result.stderr
    assert " triples in " in result.stderr
    assert '"triples"' in result.stdout  # the answer itself is untouched


def test_a_gzipped_file_counts_for_what_it_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _data(tmp_path, "big.ttl.gz")
    monkeypatch.setattr(kg.cli, "LARGE_DATA", data.stat().st_size * 2)  # below what it unpacks to
    assert kg.cli.loading_note([data]) is not None


def test_small_data_files_and_stores_load_without_a_word(tmp_path: Path) -> None:
    data = _data(tmp_path)
    result = invoke("stats", "--data", str(data), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "loading" not in result.stderr
    assert kg.cli.loading_note([data]) is None


def test_a_syntax_error_in_a_data_file_names_its_place_once(tmp_path: Path) -> None:
    # it read "careerkg: error: .../rnd.ttl, line 1: turtle syntax error: Parser error at line 1
    # column 17: . is not a valid RDF object (rnd.ttl, line 1)": Python's own rendering of
    # the parser's SyntaxError added the file and line again
    bad = tmp_path / "rnd.ttl"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    result = invoke("stats", "--data", str(bad))
    assert result.exit_code == 2, result.output
    assert f"{bad}, line 1: turtle syntax error: Parser error at line 1 column 17: " in result.output
    assert result.output.rstrip().endswith("is not a valid RDF object"), result.output
