"""The HTTP status of the app's pages agrees with the page the browser shows."""

from __future__ import annotations

from typing import Any

import dash
import pytest

from dashboard.app import create_app
from dashboard.components import page_at
from kg.store import Store


@pytest.fixture(scope="module")
def client() -> Any:
    return create_app(Store.default(), warm=False).server.test_client()


def _addresses() -> list[str]:
    """Every page's own address, and one address that fits each page's template."""
    out = []
    for page in dash.page_registry.values():
        if page.get("hidden"):
            continue
        out.append(page["path"])
        if page.get("path_template"):
            out.append(page["path_template"].replace("<", "x").replace(">", ""))
    return out


def test_every_page_answers_200(client: Any) -> None:
    addresses = _addresses()
    assert {"/", "/path", "/query", "/overview", "/gaps", "/node/xname", "/path/xsource/xtarget"} <= set(
        addresses
    )
    for address in addresses:
        assert client.get(address).status_code == 200, address
        assert client.head(address).status_code == 200, address


@pytest.mark.parametrize("address", ["/nope", "/no/such/page", "/path/only-one", "/404", "/overview/extra"])
def test_an_unknown_address_is_404_and_still_serves_the_apps_404_page(client: Any, address: str) -> None:
    response = client.get(address)
    assert response.status_code == 404
    # the same HTML shell, so the browser shows the app's own 404 page
    assert response.mimetype == "text/html"
    assert 'id="react-entry-point"' in response.get_data(as_text=True)
    assert page_at(address, list(dash.page_registry.values())) is None or address == "/404"


def test_the_apps_own_routes_keep_their_status(client: Any) -> None:
    assert client.get("/_dash-layout").status_code == 200
    assert client.get("/_dash-dependencies").status_code == 200
    assert client.get("/assets/style.css").status_code == 200
    assert client.get("/assets/no-such-file.css").status_code == 404


def test_a_prefixed_app_decides_under_its_prefix() -> None:
    app = create_app(
        Store.default(), warm=False, routes_pathname_prefix="/kg/", requests_pathname_prefix="/kg/"
    )
    c = app.server.test_client()
    try:
        assert c.get("/kg/").status_code == 200
        assert c.get("/kg/node/Python").status_code == 200
        assert c.get("/kg/nope").status_code == 404
    finally:
        # dash.get_relative_path follows the app made last: leave an unprefixed one
        create_app(Store.default(), warm=False)
