"""The role boxes on the curated graph, for the start of each word of a name typed
('mach learn eng', 'softw dev'): they said "No options found" (the browser filters
the labels holding the text) where the address, the CLI and the ESCO boxes find the
roles. The roles found come first, findable by the text typed; one found by another
name says it."""

from __future__ import annotations

import pytest

from dashboard.views import path as view
from kg.store import Store


def _offered(text: str) -> list[tuple[str, str]]:
    store = Store.default()
    options = view.closest_options(store, ["role"], text, view.role_options(store))
    assert options is not None
    # what the dropdown shows for the text: the options whose search text (else label) holds it
    return [
        (str(o["label"]), str(o["value"]))
        for o in options
        if text.casefold() in str(o.get("search") or o["label"]).casefold()
    ]


def test_the_start_of_each_word_offers_the_roles() -> None:
    assert [label for label, _ in _offered("mach learn eng")] == [
        "Machine Learning Engineer",
        "Lead Machine Learning Engineer",
        "Senior Machine Learning Engineer",
        "Student — also called Aspiring Machine Learning Engineer",
        "MLOps Engineer — also called Machine Learning Operations Engineer",
    ]
    assert [label for label, _ in _offered("softw dev")] == [
        "Software Engineer — also called Software Developer"
    ]


def test_chosen_the_mark_goes() -> None:
    store = Store.default()
    marked = view.closest_options(store, ["role"], "softw dev", view.role_options(store))
    assert marked is not None
    assert view.closest_options(store, ["role"], "", marked) == view.role_options(store)


@pytest.mark.external
@pytest.mark.slow
def test_on_esco_a_role_found_by_another_name_says_it_and_stays_listed() -> None:
    """On ESCO the server's search finds 'softw dev'; a role found by the start of the
    words of another name says which ('satellite engineer' said nothing), and every
    option holds the text typed in its search text (the browser's filter keeps only
    those)."""
    from tests.support.esco_store import esco_store_dir

    options = view.search_options(Store.open(esco_store_dir()), ["role"], "softw dev", [])
    assert options is not None
    labels = [o["label"] for o in options]
    assert labels[0] == "software developer"
    assert "satellite engineer (satellite software developer)" in labels
    assert all("softw dev" in o["search"] for o in options)
