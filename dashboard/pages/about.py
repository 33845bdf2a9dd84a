"""About: the project, the sources of the graph and their attribution."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from dashboard.state import get_store
from dashboard.views import about as view

dash.register_page(
    __name__,
    path="/about",
    name="About",
    title="careerkg · About",
    description="What careerkg is, and the sources of its graph with the attribution they ask for.",
    order=9,
)


def layout(**_query: Any) -> Any:
    return html.Div(
        className="about",
        children=[
            html.Div(
                [
                    html.H1("About careerkg"),
                    html.P(
                        [
                            "An open-source knowledge-graph explorer for careers in machine learning: "
                            "roles, skills, tools, degrees and certifications, learning paths computed "
                            "with NetworkX, curricula checked for missing prerequisites, and SPARQL "
                            "over the whole graph at ",
                            html.A("/sparql", href="/sparql"),
                            ".",
                        ],
                        className="muted",
                    ),
                ],
                className="page-head",
            ),
            view.pages(list(dash.page_registry.values())),
            view.about(get_store()),
        ],
    )
