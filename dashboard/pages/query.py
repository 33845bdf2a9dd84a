"""SPARQL page: an editor pre-filled with the shipped examples, results in a table."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.state import get_store
from dashboard.views import query as view
from dashboard.views.common import unknown_example
from kg.sparql.examples import find_example

dash.register_page(
    __name__,
    path="/query",
    name="SPARQL",
    title="careerkg · SPARQL",
    description="Query the careerkg graph in SPARQL.",
    order=2,
)


DATA = "query-data"
"""The rows of the last answer, as :func:`dashboard.views.query.table_data` gives them."""
RAN = "query-ran"
"""The text of the query whose answer is shown (what the downloads give)."""
DOWNLOADS = "query-downloads"
DOWNLOAD = "query-download"


AUTORUN = "query-autorun"
"""Whether the page runs its editor's query as it opens: a query given in the address."""


def layout(example: str | None = None, query: str | None = None, **_query: Any) -> Any:
    """The page; ``?example=NAME`` opens an example, ``?query=TEXT`` a query of its own
    (as the endpoint sends a browser that opened ``/sparql?query=...``), answered at once."""
    options = view.example_options()
    found = find_example(example)  # an older name (gaps_coverage) finds its example too
    chosen = found.name if found is not None else (options[0]["value"] if options else None)
    text, description = view.editor_text(chosen)
    missing = None if found is not None else unknown_example(example, options, "The first one is shown.")
    if query and query.strip():
        chosen, text, description = None, query, "A query from the address of this page."
    return html.Div(
        className="query-page",
        children=[
            html.Div(
                [
                    html.H1("SPARQL"),
                    html.P(
                        [
                            "Prefixes such as ckg:, role:, skill:, skos: are predeclared. Programs can use the ",
                            html.A(
                                "SPARQL 1.1 endpoint at /sparql", href="/sparql", id="query-endpoint-link"
                            ),
                            " (GET ?query=…, POST form or application/sparql-query).",
                        ],
                        className="muted",
                    ),
                ],
                className="page-head",
            ),
            html.Div(
                [
                    html.Label("Example queries", htmlFor=ids.Q_EXAMPLES, className="field-label"),
                    dcc.Dropdown(
                        id=ids.Q_EXAMPLES,
                        options=options,
                        value=chosen,
                        clearable=False,
                        searchable=True,
                        placeholder="Pick an example…",
                    ),
                    # a note on an unknown example in the address, until another is picked
                    html.P(
                        [html.Span(missing, className="warn", id="query-unknown-example"), " ", description]
                        if missing
                        else description,
                        id="query-description",
                        className="muted",
                    ),
                ],
                className="field",
            ),
            dcc.Store(id=RAN),
            dcc.Store(id=AUTORUN, data=bool(query and query.strip())),
            html.Label("Query", htmlFor=ids.Q_EDITOR, className="field-label"),
            dcc.Textarea(
                id=ids.Q_EDITOR,
                value=text,
                className="editor",
                spellCheck=False,
                rows=16,
                title="Ctrl+Enter runs the query",
            ),
            html.Div(
                [
                    html.Button(
                        "Run query",
                        id=ids.Q_RUN,
                        className="btn btn-primary",
                        n_clicks=0,
                        title="Run the query (Ctrl+Enter in the editor)",
                    ),
                    html.Span(["or ", html.Kbd("Ctrl"), "+", html.Kbd("Enter")], className="note keys"),
                    html.Span(id=ids.Q_MESSAGE, className="query-message", role="status"),
                    html.Div(
                        [
                            html.Span("Download", className="note"),
                            *[
                                html.Button(
                                    label,
                                    id=f"query-download-{fmt}",
                                    className=f"btn btn-small dl-{fmt}",
                                    n_clicks=0,
                                    title=f"The whole answer as {label}",
                                )
                                for fmt, label in (
                                    ("csv", "CSV"),
                                    ("tsv", "TSV"),
                                    ("json", "JSON"),
                                    ("ttl", "Turtle"),
                                )
                            ],
                            dcc.Download(id=DOWNLOAD),
                        ],
                        id=DOWNLOADS,
                        className="query-downloads hidden",
                    ),
                ],
                className="actions",
            ),
            dcc.Loading(
                [dcc.Store(id=DATA), html.Div(id=ids.Q_RESULTS, className="results-wrap")],
                type="dot",
            ),
        ],
    )


@callback(
    Output(ids.Q_EDITOR, "value"),
    Input(ids.Q_EXAMPLES, "value"),
    prevent_initial_call=True,
)
def _example(name: Any) -> Any:
    return view.editor_text(name)[0]


@callback(
    Output("query-description", "children"),
    Input(ids.Q_EDITOR, "value"),
    State(ids.Q_EXAMPLES, "value"),
    prevent_initial_call=True,
)
def _describe(text: Any, name: Any) -> Any:
    """The example's description, or "edited" once the user changed its text."""
    return view.describe(name, text)


@callback(
    Output(DATA, "data"),
    Output(ids.Q_MESSAGE, "children"),
    Output(ids.Q_MESSAGE, "className"),
    Output(DOWNLOADS, "className"),
    Output(RAN, "data"),
    Input(ids.Q_RUN, "n_clicks"),
    Input(AUTORUN, "data"),
    State(ids.Q_EDITOR, "value"),
)
def _run(_n: Any, autorun: Any, text: Any) -> Any:
    if ctx.triggered_id != ids.Q_RUN and not autorun:  # the page opening, with no query to run
        raise PreventUpdate
    data, message = view.run(get_store(), text)
    if data is None:
        return None, message, "query-message alert", "query-downloads hidden", None
    kind = "graph" if data.get("graph") else "bindings"
    return data, message, "query-message", f"query-downloads {kind}", text


# the table is built in the browser from the rows' data, in one go (see view.table_data)
clientside_callback(
    "function(data) { return window.careerkg.resultsTable('" + ids.Q_RESULTS + "', data); }",
    Output(ids.Q_RESULTS, "className"),
    Input(DATA, "data"),
    prevent_initial_call=True,
)


@callback(
    Output(DOWNLOAD, "data"),
    Input("query-download-csv", "n_clicks"),
    Input("query-download-tsv", "n_clicks"),
    Input("query-download-json", "n_clicks"),
    Input("query-download-ttl", "n_clicks"),
    State(RAN, "data"),
    prevent_initial_call=True,
)
def _download(*args: Any) -> Any:
    """The answer of the query last run, in the format of the button pressed."""
    fmt = str(ctx.triggered_id or "").removeprefix("query-download-")
    return view.download(get_store(), args[-1], fmt) or no_update
