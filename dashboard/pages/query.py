"""SPARQL page: an editor pre-filled with the shipped examples, results in a table."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, callback, dcc, html

from dashboard import ids
from dashboard.state import get_store
from dashboard.views import query as view
from kg.sparql.examples import find_example

dash.register_page(
    __name__,
    path="/query",
    name="SPARQL",
    title="careerkg · SPARQL",
    description="Query the careerkg graph in SPARQL.",
    order=2,
)


def layout(example: str | None = None, **_query: Any) -> Any:
    options = view.example_options()
    found = find_example(example)  # an older name (gaps_coverage) finds its example too
    chosen = found.name if found is not None else (options[0]["value"] if options else None)
    text, description = view.editor_text(chosen)
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
                        id=ids.Q_EXAMPLES, options=options, value=chosen, clearable=False, searchable=True
                    ),
                    html.P(description, id="query-description", className="muted"),
                ],
                className="field",
            ),
            html.Label("Query", htmlFor=ids.Q_EDITOR, className="field-label"),
            dcc.Textarea(id=ids.Q_EDITOR, value=text, className="editor", spellCheck=False, rows=16),
            html.Div(
                [
                    html.Button("Run query", id=ids.Q_RUN, className="btn btn-primary", n_clicks=0),
                    html.Span(id=ids.Q_MESSAGE, className="query-message", role="status"),
                ],
                className="actions",
            ),
            dcc.Loading(html.Div(id=ids.Q_RESULTS, className="results-wrap"), type="dot"),
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
    Output(ids.Q_RESULTS, "children"),
    Output(ids.Q_MESSAGE, "children"),
    Output(ids.Q_MESSAGE, "className"),
    Input(ids.Q_RUN, "n_clicks"),
    State(ids.Q_EDITOR, "value"),
    prevent_initial_call=True,
)
def _run(_n: Any, text: Any) -> Any:
    table, message = view.run(get_store(), text)
    return table, message, "query-message" if table is not None else "query-message alert"
