"""The explorer's search box names the node selected, however it was selected: a click
on the canvas, a link in the details, Back; Reset empties it. After a click on the
canvas it still showed the node searched for before, beside another node's details
and address."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

CANVAS = ids.EX_CANVAS
pytestmark = [pytest.mark.browser, pytest.mark.server]

DL = "https://w3id.org/careerkg/id/skill/deep-learning"


def _shows(page: Page, label: str) -> None:
    """Wait until the details, the search box and the address all name ``label``."""
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=label
    )
    box = page.page.locator(f"#{ids.EX_SEARCH}")
    page.page.wait_for_function(
        "([id, label]) => (document.getElementById(id)?.innerText || '').trim().startsWith(label + ' · ')",
        arg=[ids.EX_SEARCH, label],
        timeout=10_000,
    )
    assert box.inner_text().strip().startswith(f"{label} · ")
    page.page.wait_for_function(
        "(label) => decodeURIComponent(location.pathname).endsWith('/' + label)", arg=label
    )
    assert unquote(page.page.url).endswith("/node/" + label)


def test_the_search_box_follows_the_node_selected(page: Page) -> None:
    page.goto("/")
    page.wait_cy(CANVAS, "cy.nodes().length > 0")
    page.choose(ids.EX_SEARCH, "deep learning", "deep learning · skill")
    _shows(page, "deep learning")

    # a click on a role drawn beside it selects the role; the box names it
    page.wait_cy(CANVAS, "cy.nodes('.role').length > 0")
    role = page.cy(
        CANVAS, "cy.nodes('.role').sort((a, b) => a.data('label').localeCompare(b.data('label')))[0].data()"
    )
    page.click_node(CANVAS, role["id"])
    _shows(page, role["label"])
    # naming it in the box is no new search: the view drawn stays (deep learning and its
    # neighbours with it), it is not started afresh from the role
    page.page.wait_for_timeout(1000)
    assert page.cy(CANVAS, f"cy.getElementById({DL!r}).length") == 1

    # a link in the details
    entry = page.page.locator("#explorer-details details[open] .linklike").first
    label = entry.inner_text().strip()
    entry.click()
    _shows(page, label)

    # Back: the role again
    page.page.go_back()
    _shows(page, role["label"])

    # Reset: no node selected, an empty box
    page.page.click(f"#{ids.EX_RESET}")
    page.page.wait_for_function("() => !document.getElementById('details-title')")
    page.page.wait_for_function(
        "(id) => (document.getElementById(id)?.innerText || '').trim().startsWith('Type a name')",
        arg=ids.EX_SEARCH,
    )
