"""The page for an address no other page answers: a way back and the list of pages.

Dash shows the page of a module named ``not_found_404`` for unknown addresses (the
HTTP status of the app's HTML shell stays 200; Dash decides the page in the browser).
"""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, callback

from dashboard.views.not_found import address_hint, not_found

dash.register_page(
    __name__,
    path="/404",
    name="Page not found",
    title="careerkg · Page not found",
    description="No page lives at this address.",
    hidden=True,  # not in the top bar
)


def layout(**_query: Any) -> Any:
    return not_found(list(dash.page_registry.values()))


@callback(Output("not-found-meant-wrap", "children"), Input("not-found-location", "pathname"))
def _meant(pathname: Any) -> Any:
    """The address it most likely meant (Dash gives this page no path: the browser does)."""
    return address_hint(dash.strip_relative_path(pathname) if pathname else None)
