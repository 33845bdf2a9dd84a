"""A slug or snake-case name ("data-scientist", "machine_learning") names the node whose
preferred label it spells with other separators, at every entry point; it was refused,
with the name itself suggested first."""

from __future__ import annotations

import json

import pytest

from kg.errors import UnknownEntity
from kg.names import LabelIndex
from kg.namespace import CKG, ROLE, SKILL
from kg.store import Store
from tests.support.cli import invoke
from tests.support.labels import label_index


@pytest.mark.parametrize(
    ("name", "cls", "iri"),
    [
        ("data-scientist", CKG.Role, ROLE["data-scientist"]),
        ("Machine_Learning-Engineer", CKG.Role, ROLE["machine-learning-engineer"]),
        ("machine_learning", CKG.Skill, SKILL["machine-learning"]),
        ("deep-learning", CKG.Skill, SKILL["deep-learning"]),
    ],
)
def test_a_slug_names_its_node(name: str, cls: object, iri: object) -> None:
    assert LabelIndex.of(Store.default()).resolve(name, cls) == iri  # type: ignore[arg-type]


def test_the_cli_takes_a_slug_where_it_takes_a_name() -> None:
    result = invoke("path", "data-analyst", "data-scientist", "--format", "json")
    assert result.exit_code == 0, result.output
    path = json.loads(result.stdout)
    assert (path["source"]["label"], path["target"]["label"]) == ("Data Analyst", "Data Scientist")


def test_a_slug_spelling_two_names_is_still_refused() -> None:
    index = label_index(CKG.Skill, {"k-means": [], "k means": [], "statistics": []})
    with pytest.raises(UnknownEntity) as err:
        index.resolve("k_means", CKG.Skill)
    assert err.value.suggestions[0] in {"k-means", "k means"}
    # a slug of a node of another kind is no node of the kind asked for
    with pytest.raises(UnknownEntity):
        LabelIndex.of(Store.default()).resolve("data-scientist", CKG.Skill)
