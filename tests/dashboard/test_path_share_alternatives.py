"""A mentor who asked for alternatives shares the address: the colleague who opens it
sees the same alternatives (the address the page pushed left them out, so the shared
page said 'Ask for alternatives to compare other role sequences')."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from kg.store import Store
from tests.support.components import texts

DS = "https://w3id.org/careerkg/id/role/data-scientist"
LEAD = "https://w3id.org/careerkg/id/role/lead-machine-learning-engineer"
PY = "https://w3id.org/careerkg/id/skill/python"


def test_the_shared_address_keeps_the_alternatives_asked_for() -> None:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    from dashboard.pages import path as page  # registered with the app

    with app.server.app_context():
        outputs = page._find(1, DS, [PY + ":4"], LEAD, 3)
        url = outputs[-2]["to"]
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        assert query["alternatives"] == ["3"], url
        assert query["know"] == ["Python programming:4"], url
        source, target = (unquote(p) for p in parts.path.split("/")[-2:])
        opened = texts(page.layout(source=source, target=target, know=query["know"], alternatives="3"))
    assert opened.count("Against the plan above") == 3
    assert "Ask for alternatives" not in opened


def test_no_alternatives_asked_for_leaves_the_address_as_it_was() -> None:
    from dashboard.views import path as view

    store = Store.default()
    assert (
        view.share_url(store, DS, LEAD, []) == "/path/Data%20Scientist/Lead%20Machine%20Learning%20Engineer"
    )
    assert view.share_url(store, DS, LEAD, [], 0) == view.share_url(store, DS, LEAD, [])
    assert view.share_url(store, DS, LEAD, [], 2).endswith("?alternatives=2")
    assert view.share_url(store, None, LEAD, [PY + ":4"], 9).endswith(
        "?know=Python%20programming%3A4&alternatives=5"  # bounded as the page bounds it
    )
