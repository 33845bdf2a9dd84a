"""The Dash app factory: ``create_app(store)`` builds the multi-page app.

Pages live in ``dashboard/pages`` (one module each, registered with
``dash.register_page``); everything is served locally (no CDN). The ``/sparql``
endpoint is not registered here: ``careerkg serve`` adds it to ``app.server``.

Examples
--------
>>> from kg.store import Store
>>> app = create_app(Store.default(), warm=False)
>>> {"/", "/path", "/query", "/overview"} <= {p["path"] for p in dash.page_registry.values()}
True
>>> client = app.server.test_client()
>>> client.get("/").status_code, client.get("/node/Python").status_code, client.get("/nope").status_code
(200, 200, 404)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dash
from dash import Dash, Input, Output, dcc, html
from flask import Response, request

from dashboard.components import nav_classes, navbar, page_at
from dashboard.state import CONFIG_KEY
from kg.store import Store

__all__ = ["create_app"]

HERE = Path(__file__).resolve().parent

# Dash's own index puts its scripts in a <footer>: screen readers listed that as an
# empty "content info" landmark. They go straight into the body here.
_INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


NAV_LOCATION = "nav-location"


def _shell() -> Any:
    return html.Div(
        [
            dcc.Location(id=NAV_LOCATION, refresh=False),
            navbar(list(dash.page_registry.values())),
            html.Main(dash.page_container, id="main", tabIndex="-1"),
        ],
        className="app",
    )


def _mark_current_page(app: Dash) -> None:
    """Give the top-bar link of the page at the address the class ``active``."""
    pages = list(dash.page_registry.values())
    links = [Output(link, "className") for link in nav_classes(None, pages)]
    if not links:
        return

    @app.callback(*links, Input(NAV_LOCATION, "pathname"))
    def _mark(pathname: str | None) -> list[str]:
        path = None if pathname is None else "/" + (dash.strip_relative_path(pathname) or "")
        return list(nav_classes(path, pages).values())


NOT_FOUND_MODULE = "not_found_404"


def _answer_unknown_addresses_with_404(app: Dash) -> None:
    """Serve the HTML shell with status 404 at addresses no page answers.

    Dash serves the same shell at every address and decides the page in the browser,
    so an unknown address showed the 404 page with status 200: link checkers, crawlers
    and ``curl -f`` took it for a page. The status now agrees with the page shown
    (:func:`dashboard.components.page_at` decides as the router does).
    """

    @app.server.after_request
    def _status(response: Response) -> Response:
        prefix = app.config.routes_pathname_prefix
        shell = {prefix, prefix + "<path:path>"}  # Dash's catch-all routes for its HTML shell
        rule = request.url_rule.rule if request.url_rule is not None else None
        if rule in shell and response.status_code == 200 and request.method in ("GET", "HEAD"):
            # the address under the app's prefix, as Flask matched it
            here = "/" + str((request.view_args or {}).get("path", ""))
            page = page_at(here, list(dash.page_registry.values()))
            if page is None or str(page.get("module", "")).rsplit(".", 1)[-1] == NOT_FOUND_MODULE:
                response.status_code = 404
        return response


def create_app(store: Store | None = None, *, warm: bool = True, **options: Any) -> Dash:
    """Build the careerkg Dash app over ``store`` (the default graph when ``None``).

    Parameters
    ----------
    store : kg.store.Store, optional
        The graph served; ``None`` builds the default store on first use.
    warm : bool
        Build the projection, label index and overview figures now, so no request
        pays for them.
    **options
        Passed on to :class:`dash.Dash` (e.g. ``requests_pathname_prefix``).

    Returns
    -------
    dash.Dash
        ``app.server`` is the Flask app to serve.
    """
    settings: dict[str, Any] = {
        "use_pages": True,
        "pages_folder": str(HERE / "pages"),
        "assets_folder": str(HERE / "assets"),
        "serve_locally": True,
        "title": "careerkg",
        "update_title": None,
        "suppress_callback_exceptions": True,
        "meta_tags": [{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    }
    settings.update(options)
    app = Dash("dashboard", **settings)
    app.index_string = _INDEX
    app.server.config[CONFIG_KEY] = store
    app.layout = _shell
    _mark_current_page(app)
    _answer_unknown_addresses_with_404(app)
    if warm and store is not None:
        from dashboard.views.overview import overview
        from kg.explore import graph_of, prepare_search
        from kg.sparql import install

        graph_of(store)
        prepare_search(store)  # what the first search, or first misspelling, would build
        overview(store)
        install()
    return app
