"""The explorer's closest matches for a misspelt search: a word stands only for known
words a few edits from it ("pyhton": not "photons"), and of two names of one node as
like in letters, the one of the same letters is the name shown ('Python', not 'Pyston')."""

from __future__ import annotations

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS

from kg.explore import search
from kg.namespace import CKG
from kg.store import Store


def _store(labels: dict[str, list[str]]) -> Store:
    store = Store.default(with_default=False)
    for i, (label, alts) in enumerate(labels.items()):
        node = URIRef(f"urn:x:{i}")
        store.graph.add((node, RDF.type, CKG.Skill))
        store.graph.add((node, SKOS.prefLabel, Literal(label, lang="en")))
        for alt in alts:
            store.graph.add((node, SKOS.altLabel, Literal(alt, lang="en")))
    store.touch()
    return store


def test_a_misspelt_word_finds_no_name_it_only_shares_letters_with() -> None:
    # ESCO's skills: 'pyhton' is as like "photon" in letters as "python"
    store = _store({"Python programming": ["Pyston", "Python"], "photons": [], "photon": []})
    hits = search(store, "pyhton", closest=True)
    assert [(h.label, h.matched, h.close) for h in hits] == [("Python programming", "Python", True)]


def test_close_names_still_found() -> None:
    store = _store({"Deep learning": ["neural networks"], "Machine learning": []})
    assert [h.label for h in search(store, "deap lerning", closest=True)] == ["Deep learning"]
    assert [h.matched for h in search(store, "nural netwroks", closest=True)] == ["neural networks"]
    assert [h.label for h in search(store, "machin lear", closest=True)] == ["Machine learning"]


def test_the_explorer_makes_its_words_with_the_cycle_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # on ESCO with the projection in memory the collector walked the heap again and
    # again: 660 ms to make the words of the first misspelt search, 354 ms paused
    import gc

    import kg.explore

    seen: list[bool] = []
    real = kg.explore.normalise

    def noting(text: str) -> str:
        seen.append(gc.isenabled())
        return real(text)

    monkeypatch.setattr(kg.explore, "normalise", noting)
    store = _store({"Deep learning": ["neural networks"]})
    words = kg.explore._words(store)  # what the first misspelt search makes
    assert [name for name, _ in words.names] == ["deep learning", "neural networks"]
    assert seen == [False, False]
    assert gc.isenabled()
