"""A misspelt name of several words suggests the names whose every word is near a word
typed, before names sharing more letters but a different word ("machine oiler")."""

from __future__ import annotations

from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store
from tests.support.labels import label_index


def test_a_plural_suggests_the_name_with_the_same_words_not_one_sharing_letters() -> None:
    # ESCO's skills: "contact scientists" shares more letters with "data scientists"
    index = label_index(
        CKG.Skill, {"contact scientists": ["contact scientist"], "data science": [], "adapt sets": []}
    )
    assert index.closest("data scientists", CKG.Skill) == ["data science"]


def test_a_misspelt_word_beside_a_right_one_does_not_suggest_other_names_of_that_word() -> None:
    # ESCO's occupations: "machine oiler" (greaser) and "machine welder" are as near
    # "machine lerning" in letters as "machine learning engineer"
    index = label_index(
        CKG.Role,
        {
            "greaser": ["machine oiler"],
            "laser beam welder": ["machine welder"],
            "Machine Learning Engineer": [],
        },
    )
    assert index.closest("machine lerning", CKG.Role) == ["Machine Learning Engineer"]


def test_a_typo_in_the_role_box_on_the_curated_graph_leaves_out_student() -> None:
    # Student's alt label "Aspiring Machine Learning Engineer" came fifth
    near = LabelIndex.of(Store.default()).closest("machine lerning", CKG.Role)
    assert near[0] == "Machine Learning Engineer"
    assert "Student" not in near
