"""The explorer on a phone, as one opens a /node/ link a mentor shared: the node's
canvas and details come before the filters, which fold away until asked for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.dashboard.conftest import DESKTOP, PHONE, TABLET
from tests.dashboard.test_browser import Page, open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]

TOPS = """() => {
    const top = (sel) => document.querySelector(sel).getBoundingClientRect().top + window.scrollY;
    return {title: top('#details-title'), canvas: top('#explorer-canvas'),
            types: document.getElementById('explorer-types').checkVisibility()};
}"""


@pytest.fixture
def phone(browser: Any, server: str) -> Iterator[Page]:
    yield from open_page(browser, server, PHONE)


@pytest.fixture
def desktop(browser: Any, server: str) -> Iterator[Page]:
    yield from open_page(browser, server, DESKTOP)


def test_a_shared_node_link_on_a_phone_folds_the_filters_away(phone: Page) -> None:
    # the seven node types, ten relations and the layout stood between the node's
    # name in the search box and its canvas: the canvas began 575 px down, the details 1,214 px
    phone.goto("/node/deep%20learning")
    phone.page.wait_for_function("document.getElementById('details-title')?.textContent === 'deep learning'")
    phone.page.wait_for_function("!document.getElementById('explorer-filters').open")
    tops = phone.page.evaluate(TOPS)
    assert tops["types"] is False  # folded: not shown
    assert tops["canvas"] < PHONE["height"] / 2
    assert tops["title"] < 1000
    # the fold opens from the keyboard, and its checkboxes work as before
    toggle = phone.page.locator("#explorer-filters > summary")
    assert toggle.inner_text().strip() == "Filters and layout"
    toggle.focus()
    phone.page.keyboard.press("Enter")
    phone.page.wait_for_function("document.getElementById('explorer-filters').open")
    phone.page.get_by_label("Tool", exact=True).uncheck()
    phone.wait_cy("explorer-canvas", "cy.nodes().filter(n => n.data('type') === 'tool').length === 0")


def test_the_filters_stay_open_and_without_a_toggle_beside_the_canvas(desktop: Page) -> None:
    desktop.goto("/node/deep%20learning")
    desktop.page.wait_for_function(
        "document.getElementById('details-title')?.textContent === 'deep learning'"
    )
    assert desktop.page.evaluate("document.getElementById('explorer-filters').open")
    assert not desktop.page.locator("#explorer-filters > summary").is_visible()
    assert desktop.page.get_by_label("Tool", exact=True).is_visible()


def test_filters_folded_on_a_phone_can_be_opened_in_a_wider_window(phone: Page) -> None:
    # a tablet turned, or a narrow window widened: the fold stayed closed and its
    # toggle, shown only on a phone, was gone, so no filter could be reached
    phone.goto("/node/deep%20learning")
    phone.page.wait_for_function("document.getElementById('details-title')?.textContent === 'deep learning'")
    phone.page.wait_for_function("!document.getElementById('explorer-filters').open")
    phone.page.set_viewport_size(TABLET)
    toggle = phone.page.locator("#explorer-filters > summary")
    assert toggle.is_visible()
    toggle.click()
    phone.page.get_by_label("Tool", exact=True).wait_for()
    assert not toggle.is_visible()  # open: beside the canvas, as ever
