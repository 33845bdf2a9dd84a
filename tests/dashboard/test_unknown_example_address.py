"""An address naming an example that does not exist (a mistyped or old shared link):
the SPARQL page showed its first example and the gaps page an empty form, without a
word; each now says so, with the closest names."""

from __future__ import annotations

from typing import Any

import pytest

from kg.store import Store
from tests.support.components import texts


@pytest.fixture(scope="module")
def app() -> Any:
    from dashboard.app import create_app

    return create_app(Store.default(), warm=False)


def test_the_sparql_page_says_the_example_is_unknown(app: Any) -> None:
    with app.server.app_context():
        from dashboard.pages import query as page

        said = texts(page.layout(example="prerequisits"))
        known = texts(page.layout(example="prerequisites"))
    assert "No example is called 'prerequisits'; the closest are 'prerequisites', " in said
    assert "The first one is shown." in said
    assert "No example is called" not in known


def test_the_gaps_page_says_the_example_is_unknown(app: Any) -> None:
    with app.server.app_context():
        from dashboard.pages import gaps as page

        said = texts(page.layout(example="ml-botcamp.csv"))
        known = texts(page.layout(example="ml-bootcamp.csv"))
    assert (
        "No example is called 'ml-botcamp.csv'; the closest are 'ml-bootcamp.csv', 'ml-bootcamp.ttl'." in said
    )
    assert "No example is called" not in known
    assert "ML bootcamp checked" in known or "gaps found" in known
