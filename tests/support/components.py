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


def find(component: Any, component_id: str) -> Any:
    """The component with the id ``component_id`` in a Dash component tree (depth
    first); ``LookupError`` when there is none.

    Examples
    --------
    >>> from dash import dcc, html
    >>> find(html.Div([html.P("x"), html.Div(dcc.Input(id="n", value=2))]), "n").value
    2
    """
    stack = [component]
    while stack:
        c = stack.pop()
        if isinstance(c, list | tuple):
            stack.extend(reversed(c))
            continue
        if getattr(c, "id", None) == component_id:
            return c
        children = getattr(c, "children", None)
        if children is not None and not isinstance(children, str | int | float):
            stack.append(children)
    raise LookupError(f"no component with the id {component_id!r}")
