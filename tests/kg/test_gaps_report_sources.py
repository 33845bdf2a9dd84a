"""A gap report in Turtle is data that conforms: its courses cite where they come from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF

from kg.cli import _register, cli
from kg.namespace import CKG, SRC

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "curricula"


@pytest.fixture(autouse=True)
def _commands() -> None:
    _register()


def _report(tmp_path: Path, name: str) -> Path:
    done = CliRunner().invoke(cli, ["gaps", str(SHIPPED / name), "--format", "ttl"])
    assert done.exit_code in (0, 1), done.output
    path = tmp_path / "report.ttl"
    path.write_text(done.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["ml-bootcamp.csv", "msc-ai-data-science.csv", "ml-bootcamp.ttl"])
def test_validate_says_a_gap_report_conforms(tmp_path: Path, name: str) -> None:
    # was, for a CSV curriculum (and the Turtle one, whose sources the report dropped):
    # "does not conform: 9 violation(s) ... [dcterms:source]: needs a dcterms:source naming a
    # ckg:SourceDocument", for each course and the curriculum
    path = _report(tmp_path, name)
    done = CliRunner().invoke(cli, ["validate", str(path), "--with-default"])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("conforms")
    assert "dcterms:source" not in done.output


def test_a_csv_curriculums_courses_cite_the_file(tmp_path: Path) -> None:
    g = Graph().parse(_report(tmp_path, "ml-bootcamp.csv"))
    [curriculum] = g.subjects(RDF.type, CKG.Curriculum)
    [doc] = g.objects(curriculum, DCTERMS.source)
    assert (doc, RDF.type, CKG.SourceDocument) in g
    assert str(g.value(doc, DCTERMS.title)) == "curriculum file ml-bootcamp.csv"
    courses = list(g.subjects(RDF.type, CKG.Course))
    assert len(courses) == 8
    assert all(set(g.objects(c, DCTERMS.source)) == {doc} for c in courses)


def test_a_turtle_curriculum_keeps_the_sources_it_cites(tmp_path: Path) -> None:
    g = Graph().parse(_report(tmp_path, "ml-bootcamp.ttl"))
    cited = SRC["ml-bootcamp-example"]
    assert set(g.objects(None, DCTERMS.source)) == {cited}
    assert str(g.value(cited, DCTERMS.title)) == "ML bootcamp (illustrative example curriculum)"
