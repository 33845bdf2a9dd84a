"""The explorer's browser title names the node its address selects, and only that."""

from __future__ import annotations

import dash
import pytest

from kg.store import Store


@pytest.fixture(scope="module")
def title() -> object:
    from dashboard.app import create_app

    create_app(Store.default(), warm=False)
    page = next(p for p in dash.page_registry.values() if p["module"].endswith("pages.explorer"))
    return page["title"]


def test_an_address_naming_no_node_has_the_first_views_title(title: object) -> None:
    # /node/%20 and /node/- draw the career ladder, titled "known skills · careerkg
    # Explorer": the path finder's word for a path with no source role
    assert callable(title)
    for name in ("%20", "-", "none"):
        assert title(name=name) == "careerkg · Explorer", name
    assert title(name="deep%20learning") == "deep learning · careerkg Explorer"
    assert title() == "careerkg · Explorer"
