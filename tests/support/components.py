"""Reading Dash component trees in tests."""

from __future__ import annotations

from typing import Any


def texts(component: Any) -> str:
    """Every text a Dash component tree shows, joined by spaces, depth first.

    Examples
    --------
    >>> from dash import html
    >>> texts(html.Div(["Hours", html.B(12), None]))
    'Hours 12 '
    """
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(texts(c) for c in component)
    return texts(getattr(component, "children", None))
