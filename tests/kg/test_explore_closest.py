"""The explorer's closest matches for a misspelt search: a word stands only for known
words a few edits from it ("pyhton": not "photons"), and of two names of one node as
like in letters, the one of the same letters is the name shown ('Python', not 'Pyston')."""

from __future__ import annotations

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
