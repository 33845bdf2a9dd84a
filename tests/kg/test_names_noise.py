"""A typo suggests only names holding a word it may have been typed for (a few edits
away for its length, or the same stem), and is compared with those names only, not
with every name of a big graph (ESCO: 3.2 s for a typo of five words)."""

from __future__ import annotations

import difflib
import itertools

import pytest
from rdflib import URIRef

from kg.errors import UnknownEntity
from kg.names import CANDIDATES
from kg.namespace import CKG
from tests.support.labels import label_index


def test_a_name_sharing_letters_but_no_word_is_not_suggested() -> None:
    # ESCO: 'Pyhton' suggested 'Python programming', then 'photonics'
    index = label_index(CKG.Skill, {"Python programming": ["Python"], "photonics": [], "photography": []})
    assert index.closest("Pyhton", CKG.Skill) == ["Python programming"]
    assert index.closest("photonic", CKG.Skill) == ["photonics"]


def test_a_typo_in_the_wrong_box_names_the_other_kind_without_a_far_suggestion() -> None:
    # ESCO: 'kubernets' in the skill box suggested 'cybernetics' beside the tool Kubernetes
    index = label_index(CKG.Skill, {"cybernetics": [], "Python programming": []})
    tool = URIRef("urn:x:kubernetes")
    index.labels[tool] = "Kubernetes"
    index.types[tool].add(CKG.Tool)
    with pytest.raises(UnknownEntity) as err:
        index.resolve("kubernets", CKG.Skill)
    assert err.value.suggestions == []
    assert "(close to a tool: 'Kubernetes')" in str(err.value)


def test_words_of_another_form_or_run_together_still_suggest_the_name() -> None:
    index = label_index(CKG.Skill, {"data science": [], "machine learning": [], "database design": []})
    assert index.closest("data scientists", CKG.Skill) == ["data science"]
    assert index.closest("machinelearning", CKG.Skill) == ["machine learning"]
    assert index.closest("data sciense", CKG.Skill)[:1] == ["data science"]


def test_a_long_typo_is_compared_with_few_of_many_names(monkeypatch: pytest.MonkeyPatch) -> None:
    words = [
        "data",
        "model",
        "statistical",
        "testing",
        "analysis",
        "design",
        "systems",
        "learning",
        "machine",
        "cloud",
    ]
    names: dict[str, list[str]] = {" ".join(p): [] for p in itertools.permutations(words, 4)}  # 5,040 names
    index = label_index(CKG.Skill, names)
    compared: list[str] = []
    real = difflib.SequenceMatcher.set_seq1

    def counting(self: difflib.SequenceMatcher[str], a: str) -> None:
        compared.append(a)
        real(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counting)
    near = index.closest("statistcal modle tesing analysys", CKG.Skill)
    assert near[:1] == ["statistical model testing analysis"]
    # every name was compared letter by letter (5,040), now those holding the most
    # words like the words typed, and each word of the few weighed as near misses
    assert len(set(compared)) <= CANDIDATES + len(words)


def test_names_holding_the_name_typed_hold_it_at_the_start_of_a_word() -> None:
    # ESCO: 'go' suggested 'golf', 'government policy', 'good laboratory practice' ...
    roles = label_index(
        CKG.Role, {"golf caddie": [], "algorithms engineer": [], "attend castings": ["go to castings"]}
    )
    assert roles.closest("go", CKG.Role) == []
    skills = label_index(CKG.Skill, {"NoSQL": [], "SQL Server": [], "machine learning": []})
    assert skills.closest("sql", CKG.Skill) == ["SQL Server"]
    assert skills.closest("learn", CKG.Skill) == ["machine learning"]
