"""The gaps page's Findings before a curriculum is checked, and when it could not be
read: the heading "Findings" stood over nothing."""

from __future__ import annotations

from typing import Any

import pytest

from kg.store import Store
from tests.support.components import texts


@pytest.fixture(scope="module")
def page() -> Any:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    with app.server.app_context():
        from dashboard.pages import gaps

        yield app, gaps


def _findings(layout: Any) -> str:
    def find(c: Any) -> Any:
        if getattr(c, "id", None) == "gaps-findings":
            return c
        kids = getattr(c, "children", None)
        for k in kids if isinstance(kids, list | tuple) else [kids]:
            if k is not None and not isinstance(k, str | int | float) and (hit := find(k)) is not None:
                return hit
        return None

    return texts(find(layout))


def test_findings_say_why_they_are_empty(page: Any) -> None:
    app, gaps = page
    with app.server.app_context():
        before = _findings(gaps.layout())
        _message, _summary, unread, *_ = gaps._results({"error": "line 2: bad term 'one'"})
        checked = _findings(gaps.layout(example="ml-bootcamp.csv"))
    assert before.startswith("No curriculum checked yet")
    assert texts(unread).startswith("No findings: the curriculum could not be read")
    assert "No curriculum checked yet" not in checked
    assert "MISSING PREREQUISITES" in checked.upper()
