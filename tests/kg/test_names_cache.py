"""The folded names an unknown name is matched against are made once per kind, not for
every unknown name (on ESCO, folding its 100,000 names took as long as matching)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

import kg.names
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
