"""Explorer: search, filter and click through the graph; ``/node/<name>`` selects a node."""

from __future__ import annotations

from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.components import canvas, legend, relation_legend
from dashboard.elements import LAYOUTS
from dashboard.state import get_store
from dashboard.styles import RELATION_LABELS, TYPE_LABELS, stylesheet
from dashboard.urls import unquote_name
from dashboard.views import explorer as view

FILTERS = "explorer-filters"
"""The fold of the filters and the layout (closed on a phone when the page opens)."""

CANVAS_LABEL = (
    "The graph drawn: roles, skills, tools and credentials, joined by their relations. "
    "The search box above selects any node; the Details panel lists the selected node "
    "and every node it is linked to, as text and as buttons."
)

dash.register_page(
    __name__,
    path="/",
    path_template="/node/<name>",
    name="Explorer",
    # the label of the node the name selects, as the view's title after a click says it;
    # a blank or "-" name selects nothing: the title of the first view ("known skills",
    # the path finder's word for no source role, is no explorer name)
    title=lambda name=None, **_: view.title_for_name(get_store(), name),
    description="Explore roles, skills, tools and credentials of careers in machine learning.",
    order=0,
)


def layout(name: str | None = None, **_query: Any) -> Any:
    store = get_store()
    state, message = view.state_from_name(store, unquote_name(name))
    elements, cy_layout, status, more_hidden = view.canvas(
        store, state, list(TYPE_LABELS), view.DEFAULT_RELATIONS, "auto"
    )
    label, disabled = view.expand_button(state)
    focus = state.get("focus")
    return html.Div(
        className="explorer",
        children=[
            dcc.Store(id=ids.EX_STATE, data=state),
            # the address bar: set when the view changes, followed on Back and Forward
            dcc.Location(id=ids.EX_LOCATION, refresh=False),
            # the address for the view drawn, and the address it was asked from
            dcc.Store(id=ids.EX_ADDRESS),
            html.Aside(
                className="sidebar",
                **{"aria-label": "Search and filters"},
                children=[
                    html.H1("Explorer", className="sr-only"),
                    html.Label(
                        "Find a role, skill, tool or credential",
                        htmlFor=ids.EX_SEARCH,
                        className="field-label",
                    ),
                    dcc.Dropdown(
                        id=ids.EX_SEARCH,
                        options=view.search_options(store, "", focus),
                        value=focus,
                        placeholder="Type a name or IRI",
                        searchable=True,
                        clearable=True,
                        className="search",
                    ),
                    view.unknown_name(store, unquote_name(name)) if message else None,
                    # the filters and the layout: open beside the canvas; folded on a phone,
                    # where they stood between a shared node's name and its details
                    html.Details(
                        id=FILTERS,
                        open=True,
                        className="filters",
                        # the layout first: Chromium's Tab from a control that is last in an
                        # open <details> and out of the Tab order itself (a Dash 4 dropdown's
                        # button, tabindex -1) goes back to the first control in it, so Tab
                        # went round the filters for ever, never reaching "Reset view", the
                        # canvas's buttons or the details
                        children=[
                            html.Summary("Filters and layout", className="filters-summary"),
                            html.Label("Layout", htmlFor=ids.EX_LAYOUT, className="field-label"),
                            dcc.Dropdown(
                                id=ids.EX_LAYOUT,
                                options=[{"label": lab, "value": v} for v, lab in LAYOUTS.items()],
                                value="auto",
                                clearable=False,
                                searchable=False,
                            ),
                            _checks("Show node types", ids.EX_TYPES, TYPE_LABELS, list(TYPE_LABELS)),
                            _checks(
                                "Follow relations", ids.EX_RELATIONS, RELATION_LABELS, view.DEFAULT_RELATIONS
                            ),
                        ],
                    ),
                    html.Button("Reset view", id=ids.EX_RESET, className="btn", n_clicks=0),
                ],
            ),
            html.Section(
                className="canvas-col",
                **{"aria-label": "Graph"},
                children=[
                    html.Div(
                        [
                            html.Div(status, id=ids.EX_STATUS, className="status", role="status"),
                            html.Button(
                                "Show more",
                                id=ids.EX_SHOW_MORE,
                                className="btn btn-small",
                                hidden=more_hidden,
                                n_clicks=0,
                            ),
                        ],
                        className="canvas-bar",
                    ),
                    canvas(
                        ids.EX_CANVAS,
                        elements,
                        cy_layout,
                        stylesheet(),
                        label=CANVAS_LABEL,
                        min_zoom=view.MIN_ZOOM,
                    ),
                    html.Div(
                        [
                            legend(),
                            html.Div(
                                relation_legend(elements),
                                id=view.EDGE_LEGEND,
                                className="legend legend-edges",
                                role="list",
                                **{"aria-label": "Lines"},
                            ),
                        ],
                        className="legends",
                    ),
                ],
            ),
            html.Aside(
                className="details-col",
                **{"aria-label": "Details"},
                children=[
                    html.Div(
                        html.Button(
                            label,
                            id=ids.EX_EXPAND,
                            className="btn btn-primary",
                            disabled=disabled,
                            n_clicks=0,
                        ),
                        className="actions",
                    ),
                    # not a live region (it read out the whole panel on every selection):
                    # the status line names the node selected, and a keyboard's focus,
                    # lost with the related node's button it pressed, goes to the new
                    # node's title (careerkg.js, data-focus-home)
                    html.Div(
                        view.details(store, state),
                        id=ids.EX_DETAILS,
                        className="details",
                        **{"data-focus-home": "details-title"},
                    ),
                ],
            ),
        ],
    )


def _checks(legend: str, id_: str, labels: dict[str, str], ticked: list[str]) -> html.Fieldset:
    """A fieldset of checkboxes, one per ``labels`` entry, ``ticked`` ticked."""
    return html.Fieldset(
        [
            html.Legend(legend),
            dcc.Checklist(
                id=id_,
                options=[{"label": lab, "value": v} for v, lab in labels.items()],
                value=list(ticked),
                className="checks",
            ),
        ],
        className="fieldset",
    )


@callback(
    Output(ids.EX_SEARCH, "options"),
    Input(ids.EX_SEARCH, "search_value"),
    State(ids.EX_SEARCH, "value"),
    prevent_initial_call=True,
)
def _search(text: str | None, value: str | None) -> Any:
    if not text:
        return no_update
    return view.search_options(get_store(), text, value)


@callback(
    Output(ids.EX_STATE, "data"),
    Input(ids.EX_SEARCH, "value"),
    Input(ids.EX_CANVAS, "tapNodeData"),
    Input({"type": ids.NODE_LINK, "iri": ALL, "where": ALL}, "n_clicks"),
    Input(ids.EX_EXPAND, "n_clicks"),
    Input(ids.EX_SHOW_MORE, "n_clicks"),
    Input(ids.EX_RESET, "n_clicks"),
    Input(ids.EX_LOCATION, "pathname"),
    State(ids.EX_STATE, "data"),
    prevent_initial_call=True,
)
def _act(
    search: Any, tapped: Any, _links: Any, _expand: Any, _more: Any, _reset: Any, path: Any, state: Any
) -> Any:
    # the id of what fired; for a node link, the copy that was clicked (each copy
    # of a node listed in two sections has its own id)
    trigger = ctx.triggered_id
    if trigger == ids.EX_LOCATION:  # the browser went Back or Forward
        followed = view.follow_address(get_store(), state, dash.strip_relative_path(path))
        return no_update if followed is None else followed
    value = ctx.triggered[0]["value"] if ctx.triggered else None
    if trigger is None or not value:
        return no_update
    if trigger == ids.EX_CANVAS:
        value = (tapped or {}).get("id")
    new = view.next_state(state, trigger, value)
    return no_update if new == state else new


@callback(
    Output(ids.EX_SEARCH, "value", allow_duplicate=True),
    Output(ids.EX_SEARCH, "options", allow_duplicate=True),
    Input(ids.EX_STATE, "data"),
    State(ids.EX_SEARCH, "value"),
    prevent_initial_call=True,
)
def _search_follows(state: Any, value: Any) -> Any:
    """The search box names the node selected, however it was selected (it kept the
    text of the last search after a click on the canvas)."""
    box = view.search_box(get_store(), state, value)
    return (no_update, no_update) if box is None else box


@callback(
    Output(ids.EX_TYPES, "value"),
    Output(ids.EX_RELATIONS, "value"),
    Output(ids.EX_LAYOUT, "value"),
    Output(ids.EX_SEARCH, "value"),
    Input(ids.EX_RESET, "n_clicks"),
    prevent_initial_call=True,
)
def _reset_controls(_n: Any) -> Any:
    """ "Reset view" also puts back the filters and the layout, and clears the search."""
    return view.reset_controls()


@callback(
    Output(ids.EX_CANVAS, "elements"),
    Output(ids.EX_CANVAS, "layout"),
    Output(ids.EX_STATUS, "children"),
    Output(ids.EX_SHOW_MORE, "hidden"),
    Output(view.EDGE_LEGEND, "children"),
    Input(ids.EX_STATE, "data"),
    Input(ids.EX_TYPES, "value"),
    Input(ids.EX_RELATIONS, "value"),
    Input(ids.EX_LAYOUT, "value"),
    prevent_initial_call=True,
)
def _draw(state: Any, types: Any, relations: Any, layout_name: Any) -> Any:
    elements, *rest = view.canvas(get_store(), state, types, relations, layout_name)
    return elements, *rest, relation_legend(elements)


@callback(
    Output(ids.EX_DETAILS, "children"),
    Output(ids.EX_EXPAND, "children"),
    Output(ids.EX_EXPAND, "disabled"),
    Output(ids.EX_ADDRESS, "data"),
    Input(ids.EX_STATE, "data"),
    State(ids.EX_LOCATION, "pathname"),
    prevent_initial_call=True,
)
def _details(state: Any, here: Any) -> Any:
    store = get_store()
    label, disabled = view.expand_button(state)
    url = view.address(here, dash.get_relative_path(view.url_of(store, state)))
    # the title follows the view too (Back and Forward leave it as it was)
    address = {"to": url, "from": here, "title": view.title_of(store, state)}
    return view.details(store, state), label, disabled, address


# the address bar and the tab's title follow the view, unless the user has moved on while it was drawn
clientside_callback(
    "function(address) { return window.careerkg.followAddress(address); }",
    Output(ids.EX_LOCATION, "pathname"),
    Input(ids.EX_ADDRESS, "data"),
    prevent_initial_call=True,
)


# on a phone the filters start folded: the node a shared link names, its canvas and its
# details come first; the fold opens with a tap or Enter
clientside_callback(
    """function(_id) {
        return !(window.matchMedia && window.matchMedia('(max-width: 800px)').matches);
    }""",
    Output(FILTERS, "open"),
    Input(FILTERS, "id"),
)
