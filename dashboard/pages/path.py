"""Path finder: ``/path`` and the shareable ``/path/<source>/<target>?know=…``."""

from __future__ import annotations

from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

import kg.paths
from dashboard import ids
from dashboard.components import canvas, chart, field, legend, relation_legend
from dashboard.downloads import FORMATS, filename
from dashboard.downloads import render as render_download
from dashboard.state import get_store
from dashboard.styles import HIGHLIGHT, stylesheet
from dashboard.urls import page_title, unquote_name
from dashboard.views import path as view
from kg.errors import UnknownEntity
from kg.memo import json_key, memoized

dash.register_page(
    __name__,
    path="/path",
    path_template="/path/<source>/<target>",
    name="Path finder",
    title=lambda source=None, target=None, **_: page_title(
        "Path finder", *([source, target] if target else [])
    ),
    description="The skills to learn, in order, to move from one role to another.",
    order=1,
)

PATH_URL = "path-url"
PATH_LOCATION = "path-location"
"""The page's address (``href``): set when a path is found, followed on Back and Forward."""
PATH_PAGE = "path-page"
"""What :func:`_page` draws, drawn again for the address gone Back or Forward to."""
PATH_ARGS = "path-args"
"""The arguments of the address the page was drawn for (path segments, query values)."""
PATH_TITLE = "path-title"
"""The tab's title for the address gone Back or Forward to."""
KNOW_WAS = "path-know-was"
"""The known-skills box's value before its last change (to undo a Select All)."""
KNOW_NOTE = "path-know-note"
"""What the known-skills box says of a change it undid."""
PATH_STATUS = "path-status"
"""The status region: a path found, in one sentence, for screen readers."""
DOWNLOAD_LABELS = {"csv": "CSV", "json": "JSON", "md": "Markdown"}
CANVAS_LABEL = (
    "The learning path drawn as a graph: the roles and the skills to learn, joined by "
    "prerequisites. The Steps list gives the same path as text."
)


def _outputs(store: Any, result: Any) -> list[Any]:
    r = view.render(store, result)
    effort = (
        chart(
            r["figure"],
            ids.PATH_CHART,
            {},
            "step",
            group="skill area",
        )
        if r["figure"]
        else None
    )
    return [
        result if result and result.get("path") else None,
        view.message_box(r["message"]),
        r["summary"],
        r["roles"],
        r["steps"],
        r["credentials"],
        r["alternatives"],
        effort,
        r["elements"],
        r["layout"],
        [not r["downloads"]] * len(FORMATS),
        view.announcement(result),
    ]


def layout(
    source: str | None = None,
    target: str | None = None,
    know: Any = None,
    alternatives: Any = None,
    optional: Any = None,
    **_query: Any,
) -> Any:
    # the page's own Location: the path found is put in the address bar through it, so
    # Back and Forward are seen (and followed, by _follow)
    return html.Div(
        [
            dcc.Location(id=PATH_LOCATION, refresh=False),
            dcc.Store(id=PATH_TITLE),
            html.Div(id=PATH_TITLE + "-sink", hidden=True),
            # the address's arguments as drawn: the Location's first values, set as it
            # mounts, are no Back or Forward (taken for one, the page was drawn twice)
            dcc.Store(
                id=PATH_ARGS,
                data={
                    "source": source,
                    "target": target,
                    "know": know,
                    "alternatives": alternatives,
                    "optional": optional,
                },
            ),
            html.Div(_page(source, target, know, alternatives, optional), id=PATH_PAGE),
        ]
    )


def _page(source: str | None, target: str | None, know: Any, alternatives: Any, optional: Any = None) -> Any:
    """The page for an address's path segments and query values."""
    store = get_store()
    problems: list[str] = []
    src_iri = tgt_iri = None
    closest: dict[str, list[str]] = {"source": [], "target": []}  # of a name not found
    src_name, tgt_name = unquote_name(source), unquote_name(target)
    for name, slot in ((src_name, "source"), (tgt_name, "target")):
        if not name:
            continue
        try:
            iri = view.resolve_role(store, name)
        except UnknownEntity as err:
            problems.append(str(err))
            closest[slot] = err.suggestions
            continue
        if slot == "source":
            src_iri = iri
        else:
            tgt_iri = iri
    # an entry not understood stays in the box as typed, and the message quotes it
    know_opts, know_values, know_problem, know_meant = view.know_box(store, know)
    if know_problem:
        problems.append(know_problem)
    n_alt = view.clamp_alternatives(alternatives)
    also_optional, optional_problem = view.read_optional(optional)
    if optional_problem:
        problems.append(optional_problem)
    result = (
        view.compute(store, src_iri, tgt_iri, know_values, n_alt, also_optional)
        if tgt_iri and not problems
        else None
    )
    if problems:
        result = {"path": None, "error": view.join_problems(problems), "known": []}
    (data, message, summary, roles, steps, creds, alts, effort, elements, cy_layout, no_download, said) = (
        _outputs(store, result)
    )
    # offered when something was corrected: a misspelt role or known skill with a close
    # match; a known skill with none (a misspelt tool, 'PyTorc') is left out, and said to be
    # (it took the offer away from the misspelt roles beside it)
    corrected = bool(closest["source"] or closest["target"] or know_meant.corrected)
    if problems and corrected and (src_name is None or src_iri or closest["source"]):
        meant = view.suggested_address(
            store,
            (src_iri, closest["source"]),
            (tgt_iri, closest["target"]),
            know_meant.values,
            n_alt,
            optional=also_optional,
            knowing=bool(know_problem),
            left_out=know_meant.left_out,
        )
        if meant is not None:  # the address as it most likely was meant, one click away
            href, asks = meant
            link = dcc.Link(asks, href=href, id="path-did-you-mean")
            message = html.Div([message, html.P(["Did you mean ", link, "?"], className="suggest")])
    source_opts = view.role_options(store, [str(src_iri)] if src_iri else [])
    target_opts = view.role_options(store, [str(tgt_iri)] if tgt_iri else [])
    return html.Div(
        className="pathfinder",
        children=[
            dcc.Store(id=ids.PATH_RESULT, data=data),
            dcc.Store(id=PATH_URL),
            dcc.Download(id=ids.DOWNLOAD),
            html.H1("Path finder", className="sr-only"),
            html.Div(
                className="path-form",
                role="search",
                **{"aria-label": "Learning path inputs"},
                children=[
                    field(
                        "I am a… (optional)",
                        dcc.Dropdown(
                            id=ids.PATH_SOURCE, options=source_opts, value=src_iri, placeholder="Current role"
                        ),
                    ),
                    field(
                        "I already know (optional)",
                        dcc.Dropdown(
                            id=ids.PATH_KNOW,
                            options=know_opts,
                            value=know_values,
                            multi=True,
                            placeholder="Skills you have, e.g. Python:3",
                        ),
                        width="wide",
                    ),
                    field(
                        "I want to become",
                        dcc.Dropdown(
                            id=ids.PATH_TARGET, options=target_opts, value=tgt_iri, placeholder="Target role"
                        ),
                    ),
                    field(
                        "Alternatives",
                        # no min, max or step: Dash sends None for a number the browser
                        # finds out of range, and 99 (or 2.5) asked for no alternative at
                        # all; the server bounds the number and writes back what it used
                        dcc.Input(
                            id=ids.PATH_ALTERNATIVES,
                            type="number",
                            value=n_alt,
                            className="num",
                        ),
                        width="narrow",
                    ),
                    html.Div(
                        # its own label beside the box: the plan learns the roles'
                        # optional requirements too (the CLI's --optional)
                        dcc.Checklist(
                            id=ids.PATH_OPTIONAL,
                            options=[{"label": view.OPTIONAL_LABEL, "value": "optional"}],
                            value=["optional"] if also_optional else [],
                            className="checks",
                        ),
                        className="field field-check",
                        title="Also learn the skills the roles list as optional, not only the essential ones",
                    ),
                    html.Button(
                        "Find path", id=ids.PATH_FIND, className="btn btn-primary", n_clicks=0, type="button"
                    ),
                ],
            ),
            dcc.Store(id=KNOW_WAS, data=know_values),
            # said when it changes (a 'Select All' undone), but not a second status region: the
            # page's one status (PATH_STATUS) is where a path found or not is announced
            html.P(id=KNOW_NOTE, className="muted", **{"aria-live": "polite"}),
            html.Div(message, id=ids.PATH_MESSAGE),
            html.P(said, id=PATH_STATUS, role="status", className="sr-only"),
            html.Div(
                className="path-grid",
                children=[
                    html.Section(
                        className="path-main",
                        children=[
                            html.Div(summary, id=ids.PATH_SUMMARY),
                            html.Div(roles, id=ids.PATH_ROLES, className="roles"),
                            html.Div(
                                [
                                    canvas(
                                        ids.PATH_CANVAS,
                                        elements,
                                        cy_layout,
                                        stylesheet(),
                                        label=CANVAS_LABEL,
                                        empty="The path's roles and the skills to learn are drawn here.",
                                    ),
                                    html.Div(
                                        [
                                            legend(["role", "skill"]),
                                            html.Div(
                                                relation_legend(elements, color=HIGHLIGHT),
                                                id=ids.PATH_EDGE_LEGEND,
                                                className="legend legend-edges",
                                                role="list",
                                                **{"aria-label": "Lines"},
                                            ),
                                        ],
                                        className="legends",
                                    ),
                                ],
                                className="path-canvas-wrap",
                            ),
                            html.Div(effort, id="path-chart-wrap"),
                        ],
                    ),
                    html.Aside(
                        className="path-side",
                        children=[
                            html.Div(
                                [
                                    html.H2("Download"),
                                    *[
                                        html.Button(
                                            DOWNLOAD_LABELS[f],
                                            id={"type": ids.DOWNLOAD_BUTTON, "fmt": f},
                                            className="btn btn-small",
                                            n_clicks=0,
                                            disabled=off,
                                            title="Find a path first" if off else None,
                                        )
                                        for f, off in zip(FORMATS, no_download, strict=True)
                                    ],
                                ],
                                className="downloads",
                            ),
                            # each section carries its heading: no bare headings without a path
                            html.Div(steps, id=ids.PATH_STEPS),
                            html.Div(creds, id=ids.PATH_CREDENTIALS),
                            html.Div(alts, id=ids.PATH_ALTERNATIVES + "-list"),
                        ],
                    ),
                ],
            ),
        ],
    )


@callback(
    Output(ids.PATH_RESULT, "data"),
    Output(ids.PATH_MESSAGE, "children"),
    Output(ids.PATH_SUMMARY, "children"),
    Output(ids.PATH_ROLES, "children"),
    Output(ids.PATH_STEPS, "children"),
    Output(ids.PATH_CREDENTIALS, "children"),
    Output(ids.PATH_ALTERNATIVES + "-list", "children"),
    Output("path-chart-wrap", "children"),
    Output(ids.PATH_CANVAS, "elements"),
    Output(ids.PATH_CANVAS, "layout"),
    Output(PATH_URL, "data"),
    Output(PATH_STATUS, "children"),
    Input(ids.PATH_FIND, "n_clicks"),
    State(ids.PATH_SOURCE, "value"),
    State(ids.PATH_KNOW, "value"),
    State(ids.PATH_TARGET, "value"),
    State(ids.PATH_ALTERNATIVES, "value"),
    State(ids.PATH_OPTIONAL, "value"),
    prevent_initial_call=True,
)
def _find(_n: Any, source: Any, know: Any, target: Any, alternatives: Any, optional: Any = None) -> Any:
    store = get_store()
    if not target:
        result = {"path": None, "error": "Choose a target role.", "known": []}
        *shown, _downloads, said = _outputs(store, result)
        # the address says what the page shows: no path (it kept the path cleared away)
        blank = {
            "to": dash.get_relative_path("/path"),
            "page": dash.get_relative_path("/path"),
            "title": page_title("Path finder"),
        }
        return [*shown, blank, said]

    also_optional = bool(optional)  # the box's value: ["optional"] when ticked

    def build() -> list[Any]:
        result = view.compute(store, source, target, know, alternatives, also_optional)
        # the address of what was asked, path or error (a fresh load of it says the same),
        # pushed only while the browser is still on this page
        url = {
            "to": dash.get_relative_path(
                view.share_url(store, source, target, know, alternatives, also_optional)
            ),
            "page": dash.get_relative_path("/path"),
            "title": view.share_title(store, source, target),
        }
        *shown, _downloads, said = _outputs(store, result)
        return [*shown, url, said]

    # the store is read-only: the same question on the same day (retired credentials drop
    # out of plans) gets the same page, computed once
    key = json_key(source, know, target, alternatives, also_optional, kg.paths.plan_day().isoformat())
    return memoized(store, "path-page", key, build)


# Enter in the Alternatives box presses Find path, as Enter in a form's box does (it did
# nothing: the user typed 2, pressed Enter, and the page went on showing no alternatives);
# so does ticking or unticking "Optional skills too" once a target is chosen: the plan
# shown changes with the box (a box that changed nothing until the button was pressed
# would leave a plan on the page that the box no longer describes)
clientside_callback(
    "function(_entered, _optional, target, clicks) {"
    "  const ticked = dash_clientside.callback_context.triggered.some("
    f"    (t) => t.prop_id.startsWith('{ids.PATH_OPTIONAL}.'));"
    "  return ticked && !target ? dash_clientside.no_update : (clicks || 0) + 1;"
    "}",
    Output(ids.PATH_FIND, "n_clicks"),
    Input(ids.PATH_ALTERNATIVES, "n_submit"),
    Input(ids.PATH_OPTIONAL, "value"),
    State(ids.PATH_TARGET, "value"),
    State(ids.PATH_FIND, "n_clicks"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.PATH_ALTERNATIVES, "value"),
    Input(ids.PATH_FIND, "n_clicks"),
    State(ids.PATH_ALTERNATIVES, "value"),
    prevent_initial_call=True,
)
def _alternatives_used(_n: Any, alternatives: Any) -> Any:
    """The number of alternatives asked for, as :func:`view.clamp_alternatives
    <dashboard.views.path.clamp_alternatives>` bounds it (99 reads 5 once asked)."""
    used = view.clamp_alternatives(alternatives)
    return no_update if used == alternatives else used


@callback(
    Output(ids.PATH_EDGE_LEGEND, "children"), Input(ids.PATH_CANVAS, "elements"), prevent_initial_call=True
)
def _lines(elements: Any) -> Any:
    """The legend of the lines the path draws (every one in the path's colour)."""
    return relation_legend(elements or [], color=HIGHLIGHT)


@callback(
    Output({"type": ids.DOWNLOAD_BUTTON, "fmt": ALL}, "disabled"),
    Input(ids.PATH_RESULT, "data"),
    prevent_initial_call=True,
)
def _downloads_on(result: Any) -> list[bool]:
    """Downloads only once there is a path (a callback of its own: clients that ask the
    path finder for a path, as the load test does, need not know the buttons)."""
    return [not (result and result.get("path"))] * len(FORMATS)


@callback(
    Output(ids.DOWNLOAD, "data"),
    Input({"type": ids.DOWNLOAD_BUTTON, "fmt": ALL}, "n_clicks"),
    State(ids.PATH_RESULT, "data"),
    prevent_initial_call=True,
)
def _download(_clicks: Any, result: Any) -> Any:
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0]["value"] or not result or not result.get("path"):
        return no_update
    fmt = trigger["fmt"]
    path = result["path"]
    content = render_download(path, fmt, asked=int(result.get("asked") or 0))  # to say when fewer exist
    return {"content": content, "filename": filename(path, fmt), "type": FORMATS[fmt]}


def _chosen(value: Any) -> list[str]:
    """A dropdown's value as a list (a single box gives one value or none)."""
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


# On a big graph the role and skill boxes list only what is chosen: what the user types
# is searched on the server (view.search_options), as in the explorer.
for _box, _kinds in (
    (ids.PATH_SOURCE, ["role"]),
    (ids.PATH_TARGET, ["role"]),
    (ids.PATH_KNOW, list(view.KNOW_KINDS)),
):

    @callback(
        Output(_box, "options"),
        Input(_box, "search_value"),
        State(_box, "value"),
        State(_box, "options"),
        prevent_initial_call=True,
    )
    def _search(text: Any, value: Any, options: Any, kinds: list[str] = _kinds) -> Any:
        if kinds == list(view.KNOW_KINDS):  # 'Python:3' offers the skill at level 3
            found = view.know_box_options(get_store(), text, _chosen(value), options or [])
        else:
            found = view.box_options(get_store(), kinds, text, _chosen(value), options or [])
        return no_update if found is None else found


@callback(
    Output(ids.PATH_KNOW, "value"),
    Output(KNOW_WAS, "data"),
    Output(KNOW_NOTE, "children"),
    Input(ids.PATH_KNOW, "value"),
    State(KNOW_WAS, "data"),
    State(ids.PATH_KNOW, "options"),
    prevent_initial_call=True,
)
def _select_all(value: Any, was: Any, options: Any) -> Any:
    """The dropdown's "Select All" of every skill is undone, and said so
    (:func:`view.select_all_undone <dashboard.views.path.select_all_undone>`)."""
    note = view.select_all_undone(_chosen(value), was, options or [])
    if note:
        return was or [], no_update, note
    return no_update, _chosen(value), None


clientside_callback(
    "function(address) { return window.careerkg.pushUrl(address); }",
    Output(PATH_LOCATION, "href"),
    Input(PATH_URL, "data"),
    prevent_initial_call=True,
)


@callback(
    Output(PATH_PAGE, "children"),
    Output(PATH_TITLE, "data"),
    Output(PATH_ARGS, "data"),
    Input(PATH_LOCATION, "href"),
    State(PATH_URL, "data"),
    State(PATH_ARGS, "data"),
    prevent_initial_call=True,
)
def _follow(href: Any, shown: Any, drawn: Any) -> Any:
    """Back or Forward to another path's address: the page for that address, as a fresh
    load of it shows it (the page kept the path of the address left)."""
    address = view.followed_address(str(href or ""), (shown or {}).get("to"), dash.strip_relative_path)
    if address is None or (not shown and address == drawn):  # the page shows it already
        return no_update, no_update, no_update
    names = [address["source"], address["target"]] if address["target"] else []
    return _page(**address), page_title("Path finder", *names), address


clientside_callback(
    "function(title) { if (title) { document.title = title; } return ''; }",
    Output(PATH_TITLE + "-sink", "children"),
    Input(PATH_TITLE, "data"),
    prevent_initial_call=True,
)
