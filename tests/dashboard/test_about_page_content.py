"""The About page tells a newcomer what the app does and where its data comes from:
every page with what it is for, and whether ESCO or O*NET data is in this instance."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from dashboard.views import about
from kg.namespace import CKG
from kg.store import Store
from tests.support.components import texts


def _walk(component: Any) -> Iterator[Any]:
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            yield from _walk(child)


@pytest.fixture(scope="module")
def layout() -> Any:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    with app.server.app_context():
        from dashboard.pages import about as page

        return page.layout()


def test_the_about_page_lists_every_page_with_what_it_is_for(layout: Any) -> None:
    # it named the explorer, paths and SPARQL in one sentence; the curriculum checker,
    # the overview and where each page lives were left out
    links = {c.children: c.href for c in _walk(layout) if getattr(c, "href", None)}
    for name, href in {
        "Explorer": "/",
        "Path finder": "/path",
        "SPARQL": "/query",
        "Overview": "/overview",
        "Curriculum gaps": "/gaps",
        "/sparql": "/sparql",
    }.items():
        assert links.get(name) == href, (name, links)
    text = texts(layout)
    assert "curricula checked for missing prerequisites" in text
    assert "Check a curriculum for missing prerequisites" in text


def test_the_about_page_says_no_esco_or_onet_data_is_in_the_curated_graph() -> None:
    # a reader of the README expects ESCO's or O*NET's data; on the curated graph the
    # page listed four sources and never said the taxonomies were not among them
    store = Store.default()
    assert not about.imported(store)
    text = texts(about.about(store))
    assert "no ESCO or O*NET data" in text
    assert "careerkg import esco" in text


def test_an_imported_taxonomy_takes_the_note_away() -> None:
    store = Store.default()
    src = URIRef("http://data.europa.eu/esco/source/v1.1.1")
    store.graph.add((src, RDF.type, CKG.SourceDocument))
    store.graph.add((src, RDFS.label, Literal("ESCO v1.1.1")))
    store.graph.add((src, DCTERMS.rights, Literal("This service uses the ESCO classification.")))
    store.touch()
    assert about.imported(store)
    text = texts(about.about(store))
    assert "This service uses the ESCO classification." in text
    assert "no ESCO or O*NET data" not in text
