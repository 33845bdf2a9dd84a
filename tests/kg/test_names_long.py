"""A typo of many words near no name as a whole suggests the names it holds among its
other words ("machine lerning engneer with deep lernin": 'Machine Learning Engineer'),
where it suggested nothing; names holding little of what was typed stay out."""

from __future__ import annotations

from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store
from tests.support.labels import label_index


def test_a_long_typo_suggests_the_name_it_holds() -> None:
    # ESCO: "machine engineer" is an alt label of 'maintenance and repair engineer'
    index = label_index(
        CKG.Role,
        {
            "Machine Learning Engineer": ["ML engineer"],
            "maintenance and repair engineer": ["machine engineer"],
            "Data Scientist": [],
        },
    )
    assert index.closest("machine lerning engneer with deep lernin", CKG.Role) == [
        "Machine Learning Engineer"
    ]


def test_a_long_typo_of_a_skill_suggests_the_alt_label_it_holds() -> None:
    # ESCO: "hypothesis testing" is an alt label of 'experiment design and A/B testing';
    # "state aid" shares a start with "statistcal" and "aid" is one letter from "and"
    index = label_index(
        CKG.Skill,
        {
            "experiment design and A/B testing": ["hypothesis testing"],
            "state aid regulations": ["state aid"],
            "statistics": [],
        },
    )
    assert index.closest("statistcal modeling and hypotesis testng", CKG.Skill) == [
        "experiment design and A/B testing"
    ]


def test_names_of_words_not_typed_or_of_one_word_are_not_suggested() -> None:
    index = label_index(CKG.Role, {"Senior Data Scientist": [], "engineer": [], "data": []})
    assert index.closest("junior data enginer for platfroms", CKG.Role) == []


def test_a_long_typo_on_the_curated_graph() -> None:
    index = LabelIndex.of(Store.default())
    assert index.closest("machine lerning engneer with deep lernin", CKG.Role)[:1] == [
        "Machine Learning Engineer"
    ]
