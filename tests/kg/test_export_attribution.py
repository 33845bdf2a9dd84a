"""`careerkg export` of a graph holding third-party data says how its publishers ask to
be credited, and a GraphML export, which keeps no source nodes, carries the statement."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import _register, cli
from kg.export import read_graphml

RIGHTS = "This service uses an adapted version of the Tiny classification. Tiny does not endorse it."
LICENCE = "http://data.europa.eu/eli/dec/2011/833/oj"

IMPORTED = f"""@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/careerkg/id/source/tiny-1.0> a ckg:SourceDocument ;
    rdfs:label "Tiny classification 1.0"@en ; dcterms:title "Tiny classification 1.0"@en ;
    dcterms:rights "{RIGHTS}"@en ; dcterms:license <{LICENCE}> .
"""


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.ttl"
    path.write_text(IMPORTED, encoding="utf-8")
    return path


def test_a_graphml_export_carries_the_attribution(tmp_path: Path, runner: CliRunner, imported: Path) -> None:
    out = tmp_path / "g.graphml"
    result = runner.invoke(cli, ["export", "--data", str(imported), "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = read_graphml(out.read_text(encoding="utf-8"))
    assert back.graph["attribution"] == f"Tiny classification 1.0: {RIGHTS}"
    assert back.graph["license"] == LICENCE


@pytest.mark.parametrize("name", ["g.graphml", "g.ttl", "g.csv", "-"])
def test_the_export_says_to_credit_the_third_party_data(
    tmp_path: Path, runner: CliRunner, imported: Path, name: str
) -> None:
    where = [] if name == "-" else ["-o", str(tmp_path / name)]
    fmt = ["--format", "nt"] if name == "-" else []
    result = runner.invoke(cli, ["export", "--data", str(imported), *where, *fmt])
    assert result.exit_code == 0, result.output
    note = result.stderr
    assert "third-party data; credit it as its publishers ask" in note, note
    assert f"Tiny classification 1.0: {RIGHTS} (licence: {LICENCE})" in note, note


def test_the_shipped_graph_alone_has_no_such_note(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "g.graphml"
    result = runner.invoke(cli, ["export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "third-party" not in result.stderr
    assert "attribution" not in read_graphml(out.read_text(encoding="utf-8")).graph
