"""Label search at scale: the one-string index answers like a scan over every name."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.names import LabelIndex, fold, normalise
from kg.namespace import CKG
from kg.store import Store


def _rank(name: str, key: str, preferred: bool) -> tuple[int, int, int, int] | None:
    """The rank LabelIndex.search documents, for one name, by a plain scan of it."""
    alt = 0 if preferred else 1
    if name == key:
        return (0, 0, 0, alt)
    ranks = []
    pos = name.find(key)
    while pos != -1:
        end = pos + len(key)
        word_start = pos == 0 or not name[pos - 1].isalnum()
        whole = word_start and (end == len(name) or not name[end].isalnum())
        ranks.append((1, 0 if whole else 1, 0 if pos == 0 else 1 if word_start else 2, alt))
        pos = name.find(key, pos + 1)
    return min(ranks, default=None)


def _scan(index: LabelIndex, text: str, cls: URIRef | None, limit: int) -> list[URIRef]:
    key = fold(text)
    scored = []
    for node, label in index.candidates(cls).items():
        names = [(fold(label), True), *((fold(a), False) for a in index.alt.get(node, ()))]
        ranks = [r for n, pref in names if (r := _rank(n, key, pref)) is not None]
        if ranks:
            scored.append((min(ranks), len(label), label.casefold(), node))
    return [n for *_, n in sorted(scored)[:limit]]


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


def test_whole_words_and_preferred_labels_come_first() -> None:
    # "softwa" on ESCO listed a software shop manager and six other roles with "software"
    # inside an alt label before "software developer"; "data sc" a bioinformatics
    # scientist (alt label "data scientist") before the role labelled Data Scientist
    from rdflib import Graph

    index = LabelIndex(Graph())
    for name, label, alts in [
        ("shop", "computer software and multimedia shop manager", ["software shop manager"]),
        ("dev", "software developer", []),
        ("bio", "bioinformatics scientist", ["data scientist"]),
        ("ds", "Data Scientist", []),
        ("nursery", "early years teacher", ["nursery teacher"]),
        ("nurse", "specialist nurse", []),
    ]:
        node = URIRef("urn:x:" + name)
        index.labels[node] = label
        index.alt[node] = alts
        index.types[node].add(CKG.Role)
    names = {n: index.labels[n] for n in index.labels}
    assert [names[n] for n in index.search("softwa", CKG.Role)][:1] == ["software developer"]
    assert [names[n] for n in index.search("data sc", CKG.Role)] == [
        "Data Scientist",
        "bioinformatics scientist",
    ]
    assert [names[n] for n in index.search("nurse", CKG.Role)] == ["specialist nurse", "early years teacher"]
