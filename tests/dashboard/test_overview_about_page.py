"""The About page says which careerkg, which ontology and which data a user is looking at."""

from __future__ import annotations

from importlib import metadata

from dashboard.views import about
from kg.store import Store
from tests.support.components import texts


def test_the_about_page_names_the_versions_and_the_licences(store: Store) -> None:
    text = texts(about.about(store))
    assert f"careerkg {metadata.version('careerkg')}" in text
    assert "MIT" in text  # the code's licence
    assert "careerkg ontology 0.2.0" in text
    assert "https://w3id.org/careerkg/ontology/0.2.0" in text
    assert "CC BY 4.0" in text or "creativecommons.org/licenses/by/4.0" in text  # the ontology's
    assert f"{len(store):,} triples" in text
    for package in ("rdflib", "networkx", "dash"):
        assert f"{package} {metadata.version(package)}" in text


def test_the_ontology_facts_are_read_from_the_graph(store: Store) -> None:
    facts = about.ontology(store)
    assert facts["iri"] == "https://w3id.org/careerkg/ontology"
    assert facts["version"] == "0.2.0"
    assert facts["license"] == "https://creativecommons.org/licenses/by/4.0/"
