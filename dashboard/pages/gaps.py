"""Curriculum gaps: ``/gaps``. Upload a curriculum (CSV or Turtle) or pick a shipped
example; see its findings, the coverage of its target roles, and the courses and
skills on a canvas with the gaps highlighted; download the report."""

from __future__ import annotations

from typing import Any

import dash
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.components import canvas, chart, field, legend
from dashboard.elements import keyed_layout
from dashboard.state import get_store
from dashboard.views import gaps as view
from dashboard.views.common import unknown_example
from dashboard.views.path import box_options, message_box, role_options

dash.register_page(
    __name__,
    path="/gaps",
    name="Curriculum gaps",
    title="careerkg · Curriculum gaps",
    description="Check a curriculum for missing prerequisites, order violations and uncovered target-role skills.",
    order=4,
)

_CSV_HELP = view.CSV_HELP


GAPS_LAYOUT = {"name": "preset", "fit": True, "padding": 30, "animate": False}
"""The gap map's layout: positions come from the server (terms are columns)."""

GAPS_PASTE = "gaps-paste"
"""The box a curriculum can be pasted into (cells copied from a spreadsheet, CSV, Turtle)."""

GAPS_PASTE_CHECK = "gaps-paste-check"
"""The button that checks the pasted curriculum."""

_DOWNLOAD_TITLES = {
    "moved": "Your curriculum with the suggested term changes made (columns course, term, "
    "teaches, requires; other columns are not kept), to upload again. Only when a course is to move."
}

GAPS_LOCATION = "gaps-location"
"""The page's address: ``?example=NAME`` while a shipped example is shown, and
``target=NAME`` for each target role chosen."""

GAPS_REPLACE = "gaps-replace"
"""The address to put in place of the current one (roles chosen for an upload or a paste)."""

GAPS_STATUS = "gaps-status"
"""The status region: the verdict on a curriculum checked, for screen readers."""

CANVAS_LABEL = (
    "The curriculum drawn as a graph: its courses by term and the skills they teach and "
    "need, the gaps highlighted. The Findings list gives every gap as text."
)


def _full_width(label: str, control: Any) -> html.Div:
    """A :func:`field` as wide as its block (the form's fields are a row of fixed widths)."""
    div = field(label, control)
    div.style = {"width": "100%"}
    return div


NO_FINDINGS = html.P(
    "No curriculum checked yet: its missing prerequisites, order violations, unknown skills and "
    "uncovered skills of the target roles are listed here.",
    className="muted",
    id="gaps-no-findings",
)
"""The Findings list before a curriculum is checked (a heading over nothing, before)."""

UNREAD_FINDINGS = html.P(
    "No findings: the curriculum could not be read (the message above says why).",
    className="muted",
    id="gaps-no-findings",
)
"""The Findings list when the curriculum could not be read."""


def _results(result: dict[str, Any] | None) -> list[Any]:
    """Message, summary, findings, charts, canvas elements and the status sentence for
    an analysis result."""
    if not result:
        hint = html.P(
            "Upload a curriculum, paste one or choose an example to see its gaps.", className="muted"
        )
        return [None, hint, NO_FINDINGS, None, [], ""]
    if result.get("error"):  # the alert is announced
        alert = html.Div(result["error"], className="alert", role="alert")
        return [alert, None, UNREAD_FINDINGS, None, [], ""]
    report = result["report"]
    config: dict[str, Any] = {}  # the charts' own (CHART_CONFIG)
    charts = [
        chart(view.term_figure(report), "gaps-terms-chart", config, "term"),
        chart(
            view.coverage_figure(report["coverage"]), ids.GAPS_CHART, config, "target role", values="covered"
        )
        if report["coverage"]
        else None,
    ]
    said = f"{report['curriculum']['label']} checked: {view.verdict(report)}"
    return [None, view.summary(report), view.findings_list(report), charts, view.gap_elements(report), said]


def _unknown_targets(roles: view.TargetsRead, example: str | None) -> html.Div:
    """The alert for target roles in the address that name no role, with the address
    most likely meant one click away (as the path finder's "Did you mean")."""
    box = message_box(roles.problem)
    if roles.meant is None:
        return html.Div(box)
    meant_names = view.target_names(get_store(), roles.meant)
    href = dash.get_relative_path("/gaps" + view.example_search(example, meant_names))
    link = dcc.Link(", ".join(meant_names), href=href, id="gaps-did-you-mean")
    return html.Div([box, html.P(["Did you mean ", link, "?"], className="suggest")])


def layout(example: str | None = None, target: Any = None, **_query: Any) -> Any:
    store = get_store()
    options = view.example_options()
    chosen = example if any(o["value"] == example for o in options) else None
    # the target roles the address names (?target=NAME, once per role): a reload or a
    # shared link kept the example and lost them
    roles = view.read_targets(store, target)
    result = None
    # the example loaded is the curriculum checked: a target role chosen next checks it
    # (without it, choosing one on /gaps?example=NAME emptied the report)
    source = view.example_source(chosen) if chosen else None
    if source and not source.get("error") and not roles.problem:
        result = view.analyse(store, source["text"], source["fmt"], source["name"], roles.values or None)
    message, summary, findings, charts, elements, said = _results(result)
    missing = unknown_example(example, options, "Choose one above, upload a curriculum or paste one.")
    if missing:  # until a curriculum is checked
        summary = html.P(html.Span(missing, className="warn", id="gaps-unknown-example"), className="muted")
    if roles.problem:  # as careerkg gaps --target: nothing checked against roles it cannot name
        message = _unknown_targets(roles, chosen)
        if chosen:
            summary = html.P(
                "Not checked yet: choose its target roles under Target roles (or follow the suggestion "
                "above), and the curriculum is checked against them.",
                className="muted",
            )
    has_report = bool(result and result.get("report"))
    return html.Div(
        className="gaps-page",
        children=[
            # the address names the example shown (?example=NAME), as the path finder's
            # names its path: to share, reload, and go Back to
            dcc.Location(id=GAPS_LOCATION, refresh=False),
            dcc.Store(id=GAPS_REPLACE),
            dcc.Store(id=ids.GAPS_REPORT, data=result),
            dcc.Store(id="gaps-source", data=source),
            dcc.Store(id=ids.GAPS_UPLOADED),
            dcc.Download(id=ids.GAPS_DOWNLOAD),
            html.Div(
                [
                    html.H1("Curriculum gaps"),
                    html.P(
                        [
                            "Upload a curriculum as CSV (",
                            html.Code(_CSV_HELP),
                            "; optional first lines ",
                            html.Code("# entry requirements: …"),
                            " and ",
                            html.Code("# target roles: …"),
                            ") or as Turtle in the careerkg ontology. Same as ",
                            html.Code("careerkg gaps FILE"),
                            ".",
                        ],
                        className="muted",
                    ),
                ],
                className="page-head",
            ),
            html.Div(
                className="path-form",
                children=[
                    field(
                        "Curriculum file",
                        dcc.Upload(
                            id=ids.GAPS_UPLOAD,
                            children=html.Div(
                                [
                                    f"Drop a .csv or .ttl file (at most {view.MAX_UPLOAD_BYTES // 1024} KiB)"
                                    " here, or ",
                                    html.A("choose one"),
                                ]
                            ),
                            # no accept / max_size: the browser would drop such a file
                            # silently; the callbacks below say why it is refused
                            multiple=False,
                            className="upload",  # the look, the focus ring: style.css
                        ),
                        width="wide",
                    ),
                    field(
                        "…or a shipped example",
                        dcc.Dropdown(
                            id=ids.GAPS_EXAMPLE,
                            options=options,
                            value=chosen,
                            placeholder="Example curriculum",
                        ),
                    ),
                    field(
                        "Target roles (optional)",
                        dcc.Dropdown(
                            id=ids.GAPS_TARGETS,
                            options=role_options(store, roles.values),
                            value=roles.values,
                            multi=True,
                            placeholder="The curriculum's own",
                        ),
                    ),
                ],
            ),
            html.Details(
                [
                    html.Summary("…or paste a curriculum: cells copied from a spreadsheet, CSV or Turtle"),
                    _full_width(
                        "Curriculum text",
                        dcc.Textarea(
                            id=GAPS_PASTE,
                            className="editor",
                            spellCheck=False,
                            rows=8,
                            placeholder="course\tterm\tteaches\trequires\n"
                            "Python for data\t1\tPython programming; SQL\t\n"
                            "Machine learning\t2\tmachine learning\tPython programming",
                        ),
                    ),
                    html.Button(
                        "Check pasted curriculum",
                        id=GAPS_PASTE_CHECK,
                        className="btn btn-primary",
                        n_clicks=0,
                        style={"marginTop": "8px"},
                    ),
                ],
                className="path-form gaps-paste",
                # a block, not the form's row of fields: the summary, then a full-width box
                style={"display": "block"},
            ),
            html.Div(message, id=ids.GAPS_MESSAGE),
            html.P(said, id=GAPS_STATUS, role="status", className="sr-only"),
            html.Div(
                className="path-grid",
                children=[
                    html.Section(
                        className="path-main",
                        children=[
                            html.Div(summary, id=ids.GAPS_SUMMARY),
                            html.Div(charts, id="gaps-chart-wrap"),
                            html.Div(
                                [
                                    canvas(
                                        ids.GAPS_CANVAS,
                                        elements,
                                        keyed_layout(GAPS_LAYOUT, elements),
                                        view.gap_stylesheet(),
                                        label=CANVAS_LABEL,
                                        height="520px",
                                        min_zoom=0.1,
                                        empty="The curriculum's courses and the skills they teach are drawn "
                                        "here, a column a term.",
                                    ),
                                    legend(["course", "skill"]),
                                    html.P(
                                        "Columns are terms. Red dashed: missing prerequisite; orange: taught too late; grey tag: unknown skill; double green border: entry requirement.",
                                        className="note",
                                    ),
                                ],
                                className="path-canvas-wrap",
                            ),
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
                                            label,
                                            id={"type": ids.GAPS_DOWNLOAD_BUTTON, "fmt": fmt},
                                            className="btn btn-small",
                                            n_clicks=0,
                                            disabled=off,
                                            title=_DOWNLOAD_TITLES.get(fmt)
                                            if has_report
                                            else "Check a curriculum first",
                                        )
                                        for (fmt, (label, _mime)), off in zip(
                                            view.DOWNLOADS.items(),
                                            view.download_disabled(result),
                                            strict=True,
                                        )
                                    ],
                                ],
                                className="downloads",
                            ),
                            html.H2("Findings"),
                            dcc.Loading(html.Div(findings, id=ids.GAPS_FINDINGS), type="dot"),
                        ],
                    ),
                ],
            ),
        ],
    )


# the upload's name and size, and its contents only when within the size limit; the
# upload is emptied, so the same file chosen again is checked again
clientside_callback(
    f"""function(contents, filename) {{
        return window.careerkg.sizeUpload(contents, filename, {view.MAX_UPLOAD_BYTES});
    }}""",
    Output(ids.GAPS_UPLOADED, "data"),
    Output(ids.GAPS_UPLOAD, "contents"),
    Input(ids.GAPS_UPLOAD, "contents"),
    State(ids.GAPS_UPLOAD, "filename"),
    prevent_initial_call=True,
)


@callback(
    Output("gaps-source", "data"),
    Output(ids.GAPS_EXAMPLE, "value"),
    Input(ids.GAPS_UPLOADED, "data"),
    Input(ids.GAPS_EXAMPLE, "value"),
    Input(GAPS_PASTE_CHECK, "n_clicks"),
    State(GAPS_PASTE, "value"),
    prevent_initial_call=True,
)
def _choose(upload: Any, example: Any, _pasted: Any, text: Any) -> Any:
    """The curriculum to check: the uploaded file, the pasted text, or the chosen example."""
    if ctx.triggered_id == ids.GAPS_UPLOADED:
        source = view.read_upload(upload)
        return (no_update, no_update) if source is None else (source, None)
    if ctx.triggered_id == GAPS_PASTE_CHECK:
        return view.read_paste(text if isinstance(text, str) else None), None
    if not example:
        return no_update, no_update
    return view.example_source(example), no_update


@callback(
    Output(GAPS_LOCATION, "search"),
    Output(GAPS_REPLACE, "data"),
    Input("gaps-source", "data"),
    Input(ids.GAPS_TARGETS, "value"),
    State(ids.GAPS_EXAMPLE, "value"),
    State(GAPS_LOCATION, "search"),
    prevent_initial_call=True,
)
def _address(source: Any, targets: Any, example: Any, search: Any) -> Any:
    """The address names the curriculum checked (an example chosen, or none for an
    upload or a paste) and the target roles chosen: the address kept ?example=NAME of
    the page loaded, and a reload or a shared link showed that example, not the
    curriculum checked, and lost the target roles. Roles chosen for an upload or a
    paste replace its address rather than add one: no address holds the curriculum,
    and Back to it emptied the page."""
    wanted = view.example_search(example, view.target_names(get_store(), targets))
    if ctx.triggered_id == ids.GAPS_TARGETS and source and not example:
        return no_update, wanted
    return (no_update if wanted == (search or "") else wanted), no_update


# the address replaced (history.replaceState), then given to the page's Location, which
# finds it in the address bar already and adds no history entry
clientside_callback(
    """function(search) {
        if (search === null || search === undefined) { return window.dash_clientside.no_update; }
        if (search !== window.location.search) {
            const here = window.location.pathname + search + window.location.hash;
            window.history.replaceState(window.history.state, "", here);
        }
        return search;
    }""",
    Output(GAPS_LOCATION, "search", allow_duplicate=True),
    Input(GAPS_REPLACE, "data"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.GAPS_EXAMPLE, "value", allow_duplicate=True),
    Output(ids.GAPS_TARGETS, "value", allow_duplicate=True),
    Output("gaps-source", "data", allow_duplicate=True),
    Input(GAPS_LOCATION, "search"),
    State(ids.GAPS_EXAMPLE, "value"),
    State(ids.GAPS_TARGETS, "value"),
    prevent_initial_call=True,
)
def _follow(search: Any, example: Any, targets: Any) -> Any:
    """Back or Forward to an address: its example, checked again, and its target roles
    (Back to the address the page was loaded at kept the roles chosen since: the page is
    not drawn again for it); an address naming no example, with one shown, is the page
    before it was chosen: no curriculum (it went on showing the example)."""
    named = view.example_of(search)
    roles = view.read_targets(get_store(), view.targets_given(search)).values
    cleared = named is None and bool(example)
    return (
        None if cleared else no_update if named is None or named == example else named,
        no_update if roles == list(targets or []) else roles,
        None if cleared else no_update,
    )


@callback(
    Output(ids.GAPS_TARGETS, "options"),
    Input(ids.GAPS_TARGETS, "search_value"),
    State(ids.GAPS_TARGETS, "value"),
    State(ids.GAPS_TARGETS, "options"),
    prevent_initial_call=True,
)
def _search_roles(text: Any, value: Any, options: Any) -> Any:
    """On a big graph the box lists the chosen roles; what the user types is searched here
    (and a misspelt role is offered its closest match, on any graph)."""
    found = box_options(get_store(), ["role"], text, [str(v) for v in value or []], options or [])
    return no_update if found is None else found


@callback(
    Output(ids.GAPS_REPORT, "data"),
    Output(ids.GAPS_MESSAGE, "children"),
    Output(ids.GAPS_SUMMARY, "children"),
    Output(ids.GAPS_FINDINGS, "children"),
    Output("gaps-chart-wrap", "children"),
    Output(ids.GAPS_CANVAS, "elements"),
    Output(GAPS_STATUS, "children"),
    Output(ids.GAPS_CANVAS, "layout"),
    Input("gaps-source", "data"),
    Input(ids.GAPS_TARGETS, "value"),
    State(ids.GAPS_REPORT, "data"),
    prevent_initial_call=True,
)
def _check(source: Any, targets: Any, shown: Any) -> Any:
    if not source and not shown:
        # nothing checked, nothing to clear: what the page says stays (the address's
        # unknown example was said, then replaced by the empty page within a second),
        # but the alert on the address's unknown roles, once roles are chosen
        chosen = ctx.triggered_id == ids.GAPS_TARGETS and bool(targets)
        return [no_update, None if chosen else no_update, *[no_update] * 6]
    if not source:
        outputs = [None, *_results(None)]
    else:
        if source.get("error"):
            result: dict[str, Any] = {
                "report": None,
                "md": "",
                "csv": "",
                "moved": "",
                "error": source["error"],
            }
        else:
            result = view.analyse(get_store(), source["text"], source["fmt"], source["name"], targets or None)
        outputs = [result if not result.get("error") else None, *_results(result)]
    # the layout keyed to the new elements, so the canvas lays them out and fits them
    return [*outputs, keyed_layout(GAPS_LAYOUT, outputs[-2])]


@callback(
    Output({"type": ids.GAPS_DOWNLOAD_BUTTON, "fmt": ALL}, "disabled"),
    Input(ids.GAPS_REPORT, "data"),
    prevent_initial_call=True,
)
def _downloads_on(result: Any) -> list[bool]:
    """Downloads only once there is a report to download (and courses to move)."""
    return view.download_disabled(result)


@callback(
    Output(ids.GAPS_DOWNLOAD, "data"),
    Input({"type": ids.GAPS_DOWNLOAD_BUTTON, "fmt": ALL}, "n_clicks"),
    State(ids.GAPS_REPORT, "data"),
    prevent_initial_call=True,
)
def _download(_clicks: Any, result: Any) -> Any:
    trigger = ctx.triggered_id
    if not trigger or not ctx.triggered[0]["value"] or not result or not result.get("report"):
        return no_update
    return view.download(result, trigger["fmt"])
