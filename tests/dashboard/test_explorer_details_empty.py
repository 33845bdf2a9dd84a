"""What the explorer's details panel says before a node is selected."""

from __future__ import annotations

from typing import Any

from dashboard.views import explorer as view
from kg.store import Store


def _text(component: Any) -> str:
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    return _text(getattr(component, "children", None))


def test_the_empty_details_panel_words_a_selection_for_touch_screens_too(store: Store) -> None:
    # it said "Search for a node or click one on the canvas to see its details." on a
    # phone too, where nothing is clicked: a node is tapped
    text = _text(view.details(store, None))
    assert "tap or click one on the canvas" in text, text
    assert text == "Details " + view.EMPTY_DETAILS
