"""`validate` on an Oxigraph-backed graph asks the shapes' SHACL-SPARQL constraint once
of Oxigraph instead of once per role of rdflib's SPARQL engine (35 s of the O*NET
import's validation), and finds exactly what pySHACL finds on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.store import Store, load_file, shapes_file
from kg.validate import _batchable, validate
from tests.support.findings import finding_kinds

PROBLEMS = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix src: <https://w3id.org/careerkg/id/source/> .

role:twice a ckg:Role ; skos:prefLabel "Twice"@en ; skos:definition "t"@en ; dcterms:source src:curated ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:python ; ckg:importance ckg:Essential ;
                         ckg:level 3 ; dcterms:source src:curated ] ,
                       [ a ckg:Requirement ; ckg:requiredSkill skill:python ; ckg:importance ckg:Optional ;
                         ckg:level 2 ; dcterms:source src:curated ] ,
                       [ a ckg:Requirement ; ckg:requiredSkill skill:sql ; ckg:importance ckg:Essential ;
                         ckg:level 9 ] ;
    ckg:hasProgression [ a ckg:Progression ; ckg:toRole role:twice ; ckg:typicalYears 2 ;
                         dcterms:source src:curated ] .
role:unnamed a ckg:Role ; dcterms:source src:curated ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:sql ; ckg:importance ckg:Essential ;
                         ckg:level 2 ; dcterms:source src:curated ] ,
                       [ a ckg:Requirement ; ckg:requiredSkill skill:sql ; ckg:importance ckg:Essential ;
                         ckg:level 3 ; dcterms:source src:curated ] .
"""


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("speed") / "problems.ttl"
    path.write_text(PROBLEMS, encoding="utf-8")
    return path


def test_the_same_findings_come_out_of_either_store(problems: Path) -> None:
    on_oxigraph = validate(Store.default([problems], backend="oxigraph").graph)
    by_pyshacl = validate(Store.default([problems], backend="rdflib").graph)
    assert finding_kinds(on_oxigraph.findings) == finding_kinds(by_pyshacl.findings)
    assert on_oxigraph.conforms is by_pyshacl.conforms is False
    twice = [f for f in on_oxigraph.findings if "requires the same skill twice" in f.message]
    assert sorted((f.name, f.path, f.value) for f in twice) == [
        ("Twice", "ckg:hasRequirement", "https://w3id.org/careerkg/id/skill/python"),
        ("unnamed", "ckg:hasRequirement", "https://w3id.org/careerkg/id/skill/sql"),
    ]
    # the report graph holds the batched results as pySHACL writes its own
    from rdflib import RDF

    from kg.validate import SH

    report = on_oxigraph.report_graph
    assert report is not None
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    batched = [r for r in results if str(report.value(r, SH.sourceShape)).endswith("#RoleShape")]
    assert len(batched) == 2, report.serialize(format="turtle")
    for r in batched:
        assert report.value(r, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent
        assert report.value(r, SH.resultSeverity) == SH.Violation
        assert (None, SH.result, r) in report
    assert (
        report.value(report.value(predicate=RDF.type, object=SH.ValidationReport), SH.conforms).value is False
    )


def test_rdflib_s_engine_is_not_asked_once_per_role(problems: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rdflib.plugins.sparql import processor

    asked: list[str] = []
    query = processor.SPARQLProcessor.query

    def spy(self: processor.SPARQLProcessor, strOrQuery: object, *args: object, **kwargs: object) -> object:
        asked.append(str(strOrQuery))
        return query(self, strOrQuery, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(processor.SPARQLProcessor, "query", spy)
    store = Store.default([problems], backend="oxigraph")
    report = validate(store.graph)
    assert any("requires the same skill twice" in f.message for f in report.findings)
    per_role = [q for q in asked if "?a ckg:requiredSkill ?value" in q]
    assert per_role == [], f"rdflib ran the duplicate-requirement query {len(per_role)} times"


def test_a_constraint_another_shape_uses_is_left_to_pyshacl() -> None:
    shapes = Graph()
    load_file(shapes, shapes_file())
    batched = {str(c.shape).rsplit("#", 1)[-1] for c in _batchable(shapes)}
    # ProgressionShape is also reached through RoleShape's sh:node: pySHACL runs it
    assert batched == {"RoleShape"}
