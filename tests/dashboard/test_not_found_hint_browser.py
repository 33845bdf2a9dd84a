"""An address naming one role to the path finder (``/path/Data%20Scientist``, where the
address names two, ``-`` for no source) offers the way to that role. It showed "Page
not found" and the list of pages, nothing about what the address lacked."""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

# Chromium logs a 404 document as a failed load: that one message, and no other
DOCUMENT_404 = "Failed to load resource: the server responded with a status of 404 (NOT FOUND)"


def _open_404(page: Page, address: str) -> None:
    response = page.page.goto(page.base + address)
    assert response is not None
    assert response.status == 404
    page.page.wait_for_selector("#not-found-title")
    assert page.errors.count(DOCUMENT_404) == 1
    page.errors.remove(DOCUMENT_404)


def test_a_path_address_with_one_role_offers_the_way_to_it(page: Page) -> None:
    _open_404(page, "/path/Data%20Scientist")
    meant = page.page.locator("#not-found-meant")
    meant.wait_for(timeout=10_000)
    assert "/path/SOURCE/TARGET" in page.page.locator("#not-found-hint").inner_text()
    assert meant.inner_text() == "the way to Data Scientist"
    meant.click()
    page.page.wait_for_selector("#path-step-list .step", timeout=20_000)
    assert page.page.url.endswith("/path/-/Data%20Scientist")


def test_a_node_address_with_no_name_offers_the_explorer(page: Page) -> None:
    # "/node/" (a name cut off a shared link) showed only "Page not found"
    _open_404(page, "/node/")
    meant = page.page.locator("#not-found-meant")
    meant.wait_for(timeout=10_000)
    assert "/node/Python" in page.page.locator("#not-found-hint").inner_text()
    assert meant.inner_text() == "the explorer"
    meant.click()
    page.wait_cy("explorer-canvas", "cy.nodes().length > 0")
    assert page.page.url.rstrip("/") == page.base


def test_an_address_of_no_page_offers_nothing_more(page: Page) -> None:
    _open_404(page, "/no/such/page")
    page.page.wait_for_timeout(1000)  # the hint is the browser's callback
    assert page.page.locator("#not-found-hint").count() == 0
