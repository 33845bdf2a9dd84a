"""``careerkg stats`` shows imported data's counts with the credit its publishers ask for.

ESCO and O*NET ask to be credited wherever their data is shown; ``careerkg export`` and
``careerkg import`` say so, but ``careerkg --store stores/esco stats`` listed 'ESCO
classification v1.1.1' with 141,949 nodes and links citing it and no attribution at all.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import _register, cli
from kg.stats import stats
from kg.store import Store

RIGHTS = "This service uses an adapted version of the Tiny classification."
LICENCE = "https://example.org/licence/tiny"

TINY = f"""@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/careerkg/id/source/tiny-1.0> a ckg:SourceDocument ;
    rdfs:label "Tiny classification 1.0" ; dcterms:title "Tiny classification 1.0"@en ;
    dcterms:hasVersion "1.0" ; dcterms:rights "{RIGHTS}" ; dcterms:license <{LICENCE}> .
<urn:tiny:a> a ckg:Skill ; skos:prefLabel "tiny a"@en ;
    dcterms:source <https://w3id.org/careerkg/id/source/tiny-1.0> .
"""


def _invoke(*args: str) -> str:
    _register()
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_the_table_ends_with_each_third_party_sources_attribution(tmp_path: Path) -> None:
    data = tmp_path / "tiny.ttl"
    data.write_text(TINY, encoding="utf-8")
    table = _invoke("stats", "--data", str(data))
    lines = table.rstrip().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("attribution"))
    assert at > next(i for i, line in enumerate(lines) if line.startswith("source")), table
    assert f"  Tiny classification 1.0: {RIGHTS} (licence: {LICENCE})" in lines[at + 1 :], table


def test_the_json_carries_the_attributions_and_keeps_the_sources_shape(tmp_path: Path) -> None:
    data = tmp_path / "tiny.ttl"
    data.write_text(TINY, encoding="utf-8")
    got = json.loads(_invoke("stats", "--data", str(data), "--format", "json"))
    assert got["attribution"] == [
        {
            "source": "https://w3id.org/careerkg/id/source/tiny-1.0",
            "title": "Tiny classification 1.0",
            "rights": RIGHTS,
            "license": LICENCE,
        }
    ]
    tiny = next(s for s in got["sources"] if s["title"] == "Tiny classification 1.0")
    assert set(tiny) == {"iri", "title", "version", "cited_by"}


def test_the_curated_graph_alone_has_nothing_to_credit() -> None:
    assert stats(Store.default().graph)["attribution"] == []
    assert "attribution" not in _invoke("stats")
