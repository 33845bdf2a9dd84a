"""Searching names reads hyphens, underscores and case as its labels' separators: a slug
or a snake-case name finds the node called so, not only closest-match offers."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kg.errors import UnknownEntity
from kg.explore import search
from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store


def test_a_slug_or_snake_case_name_finds_the_node_called_so() -> None:
    index = LabelIndex.of(Store.default())
    first = {
        ("data-scientist", CKG.Role): "Data Scientist",
        ("Machine-Learning Engineer", CKG.Role): "Machine Learning Engineer",
        ("machine_learning", CKG.Skill): "machine learning",
        ("DEEP-LEARNING", CKG.Skill): "deep learning",
    }
    for (typed, cls), label in first.items():
        hits = index.search(typed, cls)
        assert [index.labels[n] for n in hits[:1]] == [label], typed


def test_a_label_with_a_hyphen_is_found_spelt_with_a_space_or_the_hyphen() -> None:
    index = LabelIndex(Graph())
    node = URIRef("urn:x:kmeans")
    index.labels[node] = "k-means clustering"
    index.types[node].add(CKG.Skill)
    for typed in ("k-means", "k means", "K_Means clustering"):
        assert index.search(typed, CKG.Skill) == [node], typed


def test_the_web_search_finds_a_slug_rather_than_offering_it_as_a_closest_match() -> None:
    hits = search(Store.default(), "data-scientist", types=["role"], limit=5, closest=True)
    assert [(h.label, h.close) for h in hits[:1]] == [("Data Scientist", False)]


def test_a_slug_of_another_kind_is_named_as_that_kind() -> None:
    # 'careerkg unlocks data-scientist' said "(close to a role: 'Data Scientist')"
    index = LabelIndex.of(Store.default())
    for typed in ("data-scientist", "Data_Scientist"):
        with pytest.raises(UnknownEntity) as err:
            index.resolve(typed, CKG.Skill)
        assert "(it names a role: 'Data Scientist')" in str(err.value), typed


def test_an_iri_of_another_kind_is_named_as_that_kind() -> None:
    # 'careerkg unlocks role:data-scientist' said only "unknown skill name
    # 'role:data-scientist'; closest known labels: 'data science'"
    index = LabelIndex.of(Store.default())
    for typed, note in (
        ("role:data-scientist", "(it names a role: 'Data Scientist')"),
        ("https://w3id.org/careerkg/id/role/data-scientist", "(it names a role: 'Data Scientist')"),
    ):
        with pytest.raises(UnknownEntity) as err:
            index.resolve(typed, CKG.Skill)
        assert note in str(err.value), typed
    with pytest.raises(UnknownEntity) as err:
        index.resolve("skill:python", CKG.Role)
    assert "(it names a skill: 'Python programming')" in str(err.value)
    with pytest.raises(UnknownEntity) as err:  # an IRI of nothing in the graph: no note
        index.resolve("skill:no-such-skill", CKG.Skill)
    assert "it names" not in str(err.value)
