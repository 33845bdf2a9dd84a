"""``kg.stats`` counts what a direct walk over the triples counts, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, URIRef

from kg.namespace import CKG
from kg.stats import CLASSES, RELATIONS, stats
from kg.store import Store


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_counts_match_a_walk_over_the_triples(backend: str) -> None:
    graph = Store.default(backend=backend).graph
    triples = list(graph)
    got = stats(graph)
    assert got["triples"] == len(triples)
    for c in CLASSES:
        name = str(c).rsplit("#", 1)[-1]
        assert got["classes"][name] == len({s for s, p, o in triples if p == RDF.type and o == c}), name
    for rel in RELATIONS:
        name = str(rel).rsplit("#", 1)[-1]
        assert got["relations"][name] == sum(1 for _, p, _ in triples if p == rel), name
    importance = [o for _, p, o in triples if p == CKG.importance and isinstance(o, URIRef)]
    assert got["requirements"] == {
        "essential": importance.count(CKG.Essential),
        "optional": importance.count(CKG.Optional),
    }
    assert got["classes"]["Role"] >= 16


TINY = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/careerkg/id/source/tiny-1.0> a ckg:SourceDocument ;
    dcterms:title "Tiny classification 1.0"@en ; dcterms:hasVersion "1.0" .
<urn:tiny:a> a ckg:Skill ; skos:prefLabel "tiny a"@en ; dcterms:source <https://w3id.org/careerkg/id/source/tiny-1.0> .
<urn:tiny:b> a ckg:Skill ; skos:prefLabel "tiny b"@en ; dcterms:source <https://w3id.org/careerkg/id/source/tiny-1.0> .
"""


def test_the_table_names_each_source_with_what_cites_it_and_reads_in_thousands(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import _register, cli

    data = tmp_path / "tiny.ttl"
    data.write_text(TINY, encoding="utf-8")
    _register()
    table = CliRunner().invoke(cli, ["stats", "--data", str(data)])
    assert table.exit_code == 0, table.output
    got = json.loads(CliRunner().invoke(cli, ["stats", "--data", str(data), "--format", "json"]).output)
    tiny = next(s for s in got["sources"] if s["title"] == "Tiny classification 1.0")
    assert tiny == {
        "iri": "https://w3id.org/careerkg/id/source/tiny-1.0",
        "title": "Tiny classification 1.0",
        "version": "1.0",
        "cited_by": 2,
    }
    curated = next(s for s in got["sources"] if s["iri"].endswith("/source/curated"))
    assert curated["cited_by"] > 100
    line = next(line for line in table.output.splitlines() if "Tiny classification 1.0" in line)
    assert line.split()[-1] == "2", table.output
    assert f"{curated['cited_by']:,}" in table.output
    # counts in thousands, as every other command writes them (it said 1172949 for ESCO)
    assert f"triples {got['triples']:,}" in " ".join(table.output.split()), table.output
