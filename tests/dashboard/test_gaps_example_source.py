"""A page loaded from an example's address keeps that example as the curriculum to
check, so a target role chosen next checks it; it kept none, and the report went."""

from __future__ import annotations

from typing import Any

from dash import dcc

from dashboard.views import gaps as view
from kg.store import Store


def _source(component: Any) -> Any:
    if isinstance(component, dcc.Store) and component.id == "gaps-source":
        return component
    kids = getattr(component, "children", None)
    for kid in kids if isinstance(kids, list | tuple) else [kids]:
        if kid is not None and not isinstance(kid, str | int | float) and (hit := _source(kid)) is not None:
            return hit
    return None


def test_an_examples_address_keeps_the_example_to_check() -> None:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    with app.server.app_context():
        from dashboard.pages import gaps as page

        loaded = getattr(_source(page.layout(example="ml-bootcamp.csv")), "data", None)
        blank = getattr(_source(page.layout()), "data", None)
        unknown = getattr(_source(page.layout(example="nope.csv")), "data", None)
    assert loaded == view.example_source("ml-bootcamp.csv")
    assert loaded["text"].startswith("# curriculum: ML bootcamp")
    assert blank is None
    assert unknown is None  # the page says it is no example; nothing to check
    # what a target role chosen next is checked against: the example, to its level findings
    report = view.analyse(
        Store.default(), loaded["text"], loaded["fmt"], loaded["name"], ["Software Engineer"]
    )
    assert report["report"]["coverage"][0]["below_level"]
