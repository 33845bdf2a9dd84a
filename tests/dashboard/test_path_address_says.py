"""The address the path finder puts in the bar says what the page shows after Find
path: no path when the target was cleared (the old path stayed in the bar), and the
inputs asked when they give an error (the last path found stayed)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.store import Store

SWE = "https://w3id.org/careerkg/id/role/software-engineer"
MLE = "https://w3id.org/careerkg/id/role/machine-learning-engineer"


@pytest.fixture(scope="module")
def page() -> Any:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    from dashboard.pages import path as page  # registered with the app

    with app.server.app_context():
        yield page


def test_no_target_puts_the_empty_path_finder_in_the_bar(page: Any) -> None:
    out = page._find(1, SWE, [], None, 0)
    assert out[-2] == {"to": "/path", "page": "/path", "title": "careerkg · Path finder"}


def test_an_error_puts_what_was_asked_in_the_bar(page: Any) -> None:
    out = page._find(1, SWE, ["Pythn:3"], MLE, 0)
    assert out[0] is None  # no path
    assert out[-2]["to"] == "/path/Software%20Engineer/Machine%20Learning%20Engineer?know=Pythn%3A3"
    # a fresh load of that address says what the page said
    from tests.support.components import texts

    assert "unknown skill name 'Pythn'" in texts(
        page.layout(source="Software%20Engineer", target="Machine%20Learning%20Engineer", know="Pythn:3")
    )
