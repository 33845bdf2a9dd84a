"""Label search at scale: the one-string index answers like a scan over every name."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.names import LabelIndex, normalise
from kg.namespace import CKG
from kg.store import Store


def _scan(index: LabelIndex, text: str, cls: URIRef | None, limit: int) -> list[URIRef]:
    key = normalise(text)
    scored = []
    for node, label in index.candidates(cls).items():
        names = [normalise(label), *(normalise(a) for a in index.alt.get(node, ()))]
        rank = min((0 if n == key else 1 if n.startswith(key) else 2 if key in n else 9) for n in names)
        if rank < 9:
            scored.append((rank, label.casefold(), node))
    return [n for _, _, n in sorted(scored)[:limit]]


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    return LabelIndex.of(Store.default())


@pytest.mark.parametrize(
    "text", ["learn", "Python", "data scientist", "  deep   LEARNING ", "sql", "e", "zzzz"]
)
@pytest.mark.parametrize("cls", [None, CKG.Skill, CKG.Role])
def test_search_matches_a_full_scan(index: LabelIndex, text: str, cls: URIRef | None) -> None:
    assert index.search(text, cls, limit=15) == _scan(index, text, cls, 15)


def test_search_puts_exact_then_prefix_matches_first(index: LabelIndex) -> None:
    hits = index.search("machine learning", CKG.Skill, limit=5)
    assert normalise(index.labels[hits[0]]) == "machine learning"
    assert all("machine learning" in normalise(index.labels[h]) or index.alt.get(h) for h in hits)


def test_empty_search_finds_nothing(index: LabelIndex) -> None:
    assert index.search("   ") == []
