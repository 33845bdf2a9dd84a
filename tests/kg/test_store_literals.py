"""An ill-typed literal reads as written on both in-memory backends, and they agree.

``"yes"^^xsd:boolean`` is not an xsd:boolean. Oxigraph keeps its text; rdflib's parser
wrote its value instead (``false``: rdflib reads any text but true/1 as false), so with
``CAREERKG_BACKEND=rdflib`` a query, an export and a validation finding showed
``false``, a value nobody wrote. Through careerkg's readers of Oxigraph terms the
Oxigraph backend showed ``false`` too in an export and in some query answers. Both now
show ``yes``; a well-typed literal written otherwise (``"1"^^xsd:boolean``) is still
read in its canonical form (``true``), as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import XSD, Graph, Literal, URIRef

from kg.errors import InputFileError
from kg.export import export_text
from kg.namespace import CKG
from kg.sparql.engine import run_query
from kg.store import Store, load_file, pairs

BACKENDS = ["oxigraph", "rdflib"]
TOOL = URIRef("https://w3id.org/careerkg/id/tool/mytool")

ILL_TYPED = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix tool: <https://w3id.org/careerkg/id/tool/> .
tool:mytool a ckg:Tool ; skos:prefLabel "My tool"@en ;
    ckg:hotTechnology "yes"^^xsd:boolean ; ckg:isEstimate "1"^^xsd:boolean ;
    ckg:hours "forty"^^xsd:decimal .
"""


@pytest.fixture(scope="module")
def ill_typed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("literals") / "ill-typed.ttl"
    path.write_text(ILL_TYPED, encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, ill_typed: Path) -> Store:
    # not the shared default store: the default graph plus ILL_TYPED, on each backend
    return Store.default([ill_typed], backend=request.param)


def _values(store: Store) -> dict[str, tuple[str, str]]:
    rows = run_query(store, f"SELECT ?p ?o WHERE {{ <{TOOL}> ?p ?o FILTER(isLiteral(?o)) }}").rows
    return {str(p).rsplit("#", 1)[-1]: (str(o), str(o.datatype)) for p, o in rows if isinstance(o, Literal)}


def test_a_query_answers_an_ill_typed_literal_as_written(store: Store) -> None:
    values = _values(store)
    assert values["hotTechnology"] == ("yes", str(XSD.boolean))
    assert values["hours"] == ("forty", str(XSD.decimal))
    # a boolean written "1" is true, in the canonical form, on both backends
    assert values["isEstimate"] == ("true", str(XSD.boolean))


def test_both_backends_answer_alike(ill_typed: Path) -> None:
    answers = [_values(Store.default([ill_typed], backend=b)) for b in BACKENDS]
    assert answers[0] == answers[1]


def test_an_export_writes_an_ill_typed_literal_as_written(store: Store) -> None:
    text = export_text(store, "nt")
    assert f'<{TOOL}> <{CKG.hotTechnology}> "yes"^^<{XSD.boolean}> .' in text
    assert f'<{TOOL}> <{CKG.isEstimate}> "true"^^<{XSD.boolean}> .' in text
    assert f'<{TOOL}> <{CKG.hotTechnology}> "false"' not in text


def test_the_graph_api_reads_it_as_written(store: Store) -> None:
    assert (TOOL, Literal("yes", datatype=XSD.boolean, normalize=False)) in pairs(
        store.graph, CKG.hotTechnology
    )


def test_rdflib_normalises_again_after_a_load_and_after_a_failed_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(InputFileError):
        load_file(Graph(), bad)
    assert rdflib.NORMALIZE_LITERALS is True
    good = tmp_path / "good.ttl"
    good.write_text('<urn:a> <urn:b> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .\n', encoding="utf-8")
    g = Graph()
    load_file(g, good)
    assert rdflib.NORMALIZE_LITERALS is True
    assert [str(o) for o in g.objects()] == ["1"]  # canonical, as rdflib's parser gives it
    assert str(Literal("02", datatype=XSD.integer)) == "2"


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT ?p ?o WHERE {{ <{TOOL}> ?p ?o FILTER(datatype(?o) = xsd:boolean) }}",
        f"SELECT ?o WHERE {{ <{TOOL}> ckg:hotTechnology ?o FILTER(xsd:string(?o) = 'yes') }}",
    ],
    ids=["datatype", "cast"],
)
def test_a_query_naming_an_xsd_datatype_is_answered_by_oxigraph(ill_typed: Path, query: str) -> None:
    # rdflib lists the XSD casts (xsd:string(?o)...) among its custom functions, so a query
    # naming xsd:boolean or xsd:string was taken for one using careerkg's extensions and
    # evaluated by rdflib over the Oxigraph store: slower, and its values were rdflib's
    # ("yes"^^xsd:boolean read as false)
    from kg.sparql.engine import parse_query
    from kg.sparql.native import uses_extensions

    assert not uses_extensions(parse_query(query))
    answers = [run_query(Store.default([ill_typed], backend=b), query).rows for b in BACKENDS]
    assert sorted(map(str, answers[0])) == sorted(map(str, answers[1]))
    assert any(str(o) == "yes" for *_p, o in answers[0]), answers
