"""Overview: what the graph holds and which skills the most roles need."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, clientside_callback, html

from dashboard.components import chart
from dashboard.state import get_store
from dashboard.views import overview as view

dash.register_page(
    __name__,
    path="/overview",
    name="Overview",
    title="careerkg · Overview",
    description=(
        "Counts by class, the hours to each role, the learning hours by skill area and the skills "
        "the most roles need in the careerkg graph."
    ),
    order=3,
)


def layout(**_query: Any) -> Any:
    data = view.overview(get_store())
    roles_fig, central_fig, area_fig = data["figures"]
    config: dict[str, Any] = {}  # the charts' own (CHART_CONFIG)
    return html.Div(
        className="overview",
        children=[
            html.Div(
                [
                    html.H1("Overview"),
                    html.P(
                        f"{data['edges']:,} links between {sum(data['counts'].values()):,} nodes.",
                        className="muted",
                    ),
                ],
                className="page-head",
            ),
            view.cards(data),
            html.Div(
                [
                    # each chart with its data as a table: the text for screen readers,
                    # and the links a keyboard follows where a click on a bar goes
                    html.Div(chart(roles_fig, "overview-roles-chart", config, "role"), className="card"),
                    html.Div(chart(area_fig, "overview-areas-chart", config, "skill area"), className="card"),
                    html.Div(chart(central_fig, "overview-central-chart", config, "skill"), className="card"),
                    html.Div(
                        [
                            html.H2("Skills the most roles need"),
                            html.P(
                                "Ranked by the roles that need each skill as essential, then by all "
                                "the roles that require it.",
                                className="muted",
                            ),
                            view.central_list(data),
                        ],
                        className="card",
                    ),
                ],
                className="grid2",
            ),
        ],
    )


# a bar opens its skill or area in the explorer, or its role's path in the path finder
# (the address is the bar's customdata)
for _chart in ("overview-central-chart", "overview-areas-chart", "overview-roles-chart"):
    clientside_callback(
        "function(click) { return window.careerkg.clickThrough(click); }",
        Output(_chart, "className"),
        Input(_chart, "clickData"),
        prevent_initial_call=True,
    )
