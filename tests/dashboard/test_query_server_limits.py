"""The SPARQL page keeps to the limits ``careerkg serve --max-rows/--timeout`` set, as the
``/sparql`` endpoint does. The page read only the environment: a server started with
``--max-rows 50`` refused a 51-row answer at /sparql while its SPARQL page showed 1,000
of the 8,179 triples and its downloads gave them all."""

from __future__ import annotations

import json
from typing import Any

from dashboard.views import query as view
from kg.server import make_wsgi_app
from kg.store import Store

ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def _run(client: Any, text: str) -> dict[str, Any]:
    """The SPARQL page's Run query, as the browser sends it to Dash."""
    outputs = [
        {"id": "query-data", "property": "data"},
        {"id": "query-message", "property": "children"},
        {"id": "query-message", "property": "className"},
        {"id": "query-downloads", "property": "className"},
        {"id": "query-ran", "property": "data"},
    ]
    body = {
        "output": "..query-data.data...query-message.children...query-message.className"
        "...query-downloads.className...query-ran.data..",
        "outputs": outputs,
        "inputs": [
            {"id": "query-run", "property": "n_clicks", "value": 1},
            {"id": "query-autorun", "property": "data", "value": False},
        ],
        "state": [{"id": "query-editor", "property": "value", "value": text}],
        "changedPropIds": ["query-run.n_clicks"],
    }
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    return json.loads(answer.get_data(as_text=True))["response"]  # type: ignore[no-any-return]


def test_the_page_keeps_to_the_row_cap_the_server_was_started_with() -> None:
    app = make_wsgi_app(Store.default(), timeout=5, max_rows=50)
    client = app.test_client()
    # the endpoint refuses the answer over its cap ...
    refused = client.get("/sparql", query_string={"query": ALL}, headers={"Accept": "application/json"})
    assert refused.status_code >= 400
    # ... and so does the page, saying the cap
    response = _run(client, ALL)
    assert response["query-data"]["data"] is None
    message = response["query-message"]["children"]
    assert "more than 50 rows" in message, message
    assert "LIMIT" in message
    # an answer within the cap is shown
    shown = _run(client, ALL + " LIMIT 50")
    assert shown["query-data"]["data"]["total"] == 50
    # and the downloads keep to the cap too
    with app.app_context():
        assert view.limits() == (5.0, 50)
        assert view.download(Store.default(), ALL, "csv") is None
        out = view.download(Store.default(), ALL + " LIMIT 50", "csv")
        assert out is not None
        assert len(out["content"].splitlines()) >= 51


def test_the_limit_suggested_over_a_small_cap_is_within_it() -> None:
    # with --max-rows 50 the page said 'add a LIMIT (e.g. LIMIT 100)', refused again
    app = make_wsgi_app(Store.default(), timeout=5, max_rows=50)
    with app.app_context():
        data, message = view.run(Store.default(), ALL)
    assert data is None
    assert "(e.g. LIMIT 50)" in message, message
    with app.app_context():
        assert view.run(Store.default(), ALL + " LIMIT 50")[0] is not None
