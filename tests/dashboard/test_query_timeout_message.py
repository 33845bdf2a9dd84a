"""The SPARQL page's message for a query over its time limit says what the page's user
can do: the page's limit is fixed, so "raise the limit" alone (the engine's wording,
meant for the CLI and the server) left them nowhere to raise it."""

from __future__ import annotations

import pytest

from dashboard.views import query as view
from kg.store import Store

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_query_over_the_page_time_limit_says_where_the_limit_can_be_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(view, "TIMEOUT", 0.5)
    data, message = view.run(Store.default(), SLOW)
    assert data is None
    assert message.startswith("The query was stopped after this page's 0.5 s time limit.")
    assert "LIMIT" in message
    assert "careerkg sparql --timeout" in message
    assert not message.endswith("or raise the limit")
