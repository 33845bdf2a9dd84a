"""The folded names an unknown name is matched against are made once per kind, not for
every unknown name (on ESCO, folding its 100,000 names took as long as matching)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

import kg.names
from kg.errors import UnknownEntity
from kg.names import LabelIndex
from kg.namespace import CKG


def _index() -> LabelIndex:
    index = LabelIndex(Graph())
    for i, label in enumerate(("Data Scientist", "Data Engineer")):
        node = URIRef(f"urn:x:{i}")
        index.labels[node] = label
        index.types[node].add(CKG.Role)
    return index


def test_the_names_of_a_kind_are_folded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = kg.names._names_of

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.names, "_names_of", counting)
    index = _index()
    assert index.closest("data scientst", CKG.Role) == ["Data Scientist"]
    assert index.closest("data enginer", CKG.Role) == ["Data Engineer"]
    assert len(calls) == 1
    index.closest("data enginer", CKG.Skill)  # another kind: its own names
    assert len(calls) == 2


def test_a_name_added_to_the_index_is_suggested_after_an_earlier_search() -> None:
    index = _index()
    assert "ML Engineer" not in index.closest("ml enginer", CKG.Role)
    node = URIRef("urn:x:ml")
    index.labels[node] = "ML Engineer"
    index.types[node].add(CKG.Role)
    assert index.closest("ml enginer", CKG.Role)[:1] == ["ML Engineer"]
    index.alt[node].append("machine learning engineer")
    assert index.closest("machine lerning engineer", CKG.Role) == ["ML Engineer"]


def test_each_label_is_folded_once_for_all_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    # on ESCO a typo folded the 100,000 skill names, then all 130,000 names again (to
    # tell a name of another kind), 0.4 s of the 1.2 s its first suggestions took
    folded: list[str] = []
    real = kg.names._fold_words

    def counting(text: str) -> list[str]:
        folded.append(text)
        return real(text)

    monkeypatch.setattr(kg.names, "_fold_words", counting)
    index = _index()
    skill = URIRef("urn:x:skill")
    index.labels[skill] = "Data Science"
    index.types[skill].add(CKG.Skill)
    index.alt[skill].append("data-science")
    for cls in (CKG.Role, CKG.Skill):  # names close to none: only the names are folded
        with pytest.raises(UnknownEntity):
            index.resolve("qqqq", cls)
    labels = ["Data Scientist", "Data Engineer", "Data Science", "data-science"]
    assert sorted(t for t in folded if t in labels) == sorted(labels)
