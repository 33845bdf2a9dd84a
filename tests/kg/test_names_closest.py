"""Suggestions for a misspelt name point at the node that name is the label of, or say the
near miss is a node of another kind."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.errors import UnknownEntity
from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store
from tests.support.labels import label_index

BIO = URIRef("urn:x:bioinformatics-scientist")
DS = URIRef("urn:x:data-scientist")


def _index(order: list[URIRef]) -> LabelIndex:
    """Two roles, ``order`` deciding which one the index lists first: ESCO gives
    "bioinformatics scientist" the alt label "data scientist"."""
    index = LabelIndex(Graph())
    labels = {BIO: "bioinformatics scientist", DS: "Data Scientist"}
    for node in order:
        index.labels[node] = labels[node]
        index.types[node].add(CKG.Role)
    index.alt[BIO].append("data scientist")
    return index


def test_a_typo_suggests_the_node_whose_label_it_nearly_is_not_one_with_that_alt_label() -> None:
    for order in ([BIO, DS], [DS, BIO]):
        assert _index(order).closest("data scintist", CKG.Role, n=2)[0] == "Data Scientist"


def test_an_alt_label_still_leads_to_its_node() -> None:
    index = _index([BIO, DS])
    index.alt[BIO].append("bioinformatician")
    assert index.closest("bioinformatican", CKG.Role, n=1) == ["bioinformatics scientist"]


def test_on_equal_labels_the_first_listed_node_is_suggested() -> None:
    index = LabelIndex(Graph())
    for node, label in ((URIRef("urn:x:a"), "Analyst"), (URIRef("urn:x:b"), "analyst")):
        index.labels[node] = label
        index.types[node].add(CKG.Role)
    assert index.closest("analist", CKG.Role, n=2) == ["Analyst"]


def test_a_near_miss_of_another_kind_is_named_when_it_is_the_closer_name() -> None:
    index = LabelIndex.of(Store.default())
    # a skill's name, misspelt, in the role box: the role suggestions alone mislead
    with pytest.raises(UnknownEntity) as typo:
        index.resolve("deep lerning", CKG.Role)
    assert "(close to a skill: 'deep learning')" in str(typo.value)
    with pytest.raises(UnknownEntity) as tool:
        index.resolve("pytorh", CKG.Role)
    assert "(close to a tool: 'PyTorch')" in str(tool.value)
    # a misspelt role whose own kind has the closer name says nothing of other kinds
    with pytest.raises(UnknownEntity) as role:
        index.resolve("Data Scientst", CKG.Role)
    assert "close to" not in str(role.value)
    assert role.value.suggestions[0] == "Data Scientist"
    # a name far from everything stays unexplained
    with pytest.raises(UnknownEntity) as nothing:
        index.resolve("xyz", CKG.Skill)
    assert "close to" not in str(nothing.value)


def _skills(labels: dict[str, list[str]]) -> LabelIndex:
    return label_index(CKG.Skill, labels)


def test_suggestions_leave_out_names_far_behind_the_closest() -> None:
    # ESCO's alt labels: a typo of "machine learning" is also near "machine planing",
    # an alt label of a woodworking skill whose preferred label the user never typed
    index = _skills(
        {
            "machine learning": [],
            "create smooth wood surface": ["machine planing"],
            "use learning strategies": ["plan learning"],
            "tank cleaning": [],
        }
    )
    assert index.closest("machin learning", CKG.Skill) == ["machine learning"]
    # nothing close at all: nothing suggested, rather than the least far of the far
    assert index.closest("gardening", CKG.Skill) == []


def test_abbreviated_words_suggest_the_name_first() -> None:
    index = _skills({"link wagons": [], "terminology": ["lingo"], "linear algebra": ["matrix algebra"]})
    assert index.closest("lin alg", CKG.Skill)[0] == "linear algebra"
    assert index.closest("alg lin", CKG.Skill)[:1] != ["linear algebra"]


def test_a_name_two_nodes_share_finds_careerkg_own_before_an_imported_one() -> None:
    # an imported occupation no join absorbed, called as a curated role is: its IRI
    # (http://data.europa.eu/...) sorts before careerkg's (https://w3id.org/...)
    imported = URIRef("http://data.europa.eu/esco/occupation/0000-data-engineer")
    g = Graph().parse(
        data=f"""
        @prefix ckg: <https://w3id.org/careerkg/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <{imported}> a ckg:Role ; skos:prefLabel "data engineer"@en .
        <https://w3id.org/careerkg/id/role/data-engineer> a ckg:Role ; skos:prefLabel "Data Engineer"@en .
        """,
        format="turtle",
    )
    index = LabelIndex.build(g)
    assert index.resolve("Data Engineer", CKG.Role) == URIRef(
        "https://w3id.org/careerkg/id/role/data-engineer"
    )
    assert index.resolve(str(imported), CKG.Role) == imported  # by its IRI, the imported one


def _roles(labels: dict[str, list[str]]) -> LabelIndex:
    return label_index(CKG.Role, labels)


def test_a_slug_or_other_separators_suggest_the_name_itself_first() -> None:
    # the senior role listed first: the name typed with hyphens came second
    index = _roles({"Senior Data Scientist": [], "Data Scientist": [], "cosmologist": ["space scientist"]})
    for typed in ("data-scientist", "DATA-SCIENTIST", "data_scientist", "Data  Scientist"):
        assert index.closest(typed, CKG.Role) == ["Data Scientist", "Senior Data Scientist"], typed


def test_a_long_alt_label_holding_the_words_does_not_rank_above_the_name() -> None:
    # careerkg's Student has the alt label "Aspiring Machine Learning Engineer": the
    # suggestions for "Machine-Learning Engineer" listed 'Student' (and led with a senior role)
    index = _roles(
        {
            "Senior Machine Learning Engineer": [],
            "Machine Learning Engineer": ["ML engineer"],
            "Student": ["Aspiring Machine Learning Engineer"],
            "MLOps Engineer": [],
            "mine planning engineer": [],
        }
    )
    assert index.closest("Machine-Learning Engineer", CKG.Role) == [
        "Machine Learning Engineer",
        "Senior Machine Learning Engineer",
    ]


def test_suggestions_for_realistic_variants_on_the_curated_graph() -> None:
    index = LabelIndex.of(Store.default())
    cases = {
        ("data-scientist", CKG.Role): "Data Scientist",
        ("Machine-Learning Engineer", CKG.Role): "Machine Learning Engineer",
        ("data scientists", CKG.Role): "Data Scientist",
        ("Sofware Enginer", CKG.Role): "Software Engineer",
        ("Pyhton", CKG.Skill): "Python programming",
        ("machine lerning", CKG.Skill): "machine learning",
        ("Deep-Learning", CKG.Skill): "deep learning",
    }
    for (typed, cls), first in cases.items():
        near = index.closest(typed, cls)
        assert near[:1] == [first], (typed, near)
        assert "Student" not in near, (typed, near)
