"""``careerkg import ... --store DIR --data FILE`` takes the exports careerkg writes.

``careerkg export --help`` says a CSV export is 'loadable with --data', and every other
command's --data loads it, but the import's --store --data refused it ('def.csv: unknown
RDF file extension; use .nt, .ttl, .nq, .trig or .rdf', a list without the .jsonld it
takes too); a GraphML export got the same line instead of why it cannot be loaded.
"""

from __future__ import annotations

from pathlib import Path

from tests.kg.test_import_esco import make_esco
from tests.support.cli import invoke


def test_a_csv_export_goes_into_the_store_as_it_loads_with_data(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.ttl"
    tiny.write_text(
        "<urn:tiny:a> a <https://w3id.org/careerkg/ontology#Skill> ; "
        '<http://www.w3.org/2004/02/skos/core#prefLabel> "tiny skill a"@en .\n',
        encoding="utf-8",
    )
    csv = tmp_path / "export.csv"
    exported = invoke("export", "--data", str(tiny), "-o", str(csv))
    assert exported.exit_code == 0, exported.output
    store = tmp_path / "store"
    result = invoke(
        "import", "esco", str(make_esco(tmp_path / "esco")), "--store", str(store), "--data", str(csv)
    )
    assert result.exit_code == 0, result.output
    assert "a careerkg export is among the files" in result.stderr  # it stands in for the shipped graph
    found = invoke("--store", str(store), "sparql", 'ASK { ?s ?p "tiny skill a"@en }')
    assert found.exit_code == 0, found.output
    assert "true" in found.output.lower()


def test_a_bad_extension_lists_what_the_store_takes_and_graphml_says_why(tmp_path: Path) -> None:
    source = str(make_esco(tmp_path / "esco"))
    for name in ("graph.graphml", "notes.docx"):
        data = tmp_path / name
        data.write_text("x\n", encoding="utf-8")
        result = invoke("import", "esco", source, "--store", str(tmp_path / "st"), "--data", str(data))
        assert result.exit_code == 2, result.output
        assert "rows read" not in result.stderr  # said before the import runs
        if name.endswith(".graphml"):
            assert "cannot be loaded back" in result.stderr, result.stderr
            assert "-o graph.ttl" in result.stderr, result.stderr
        else:
            assert ".jsonld" in result.stderr, result.stderr
            assert ".csv" in result.stderr, result.stderr
