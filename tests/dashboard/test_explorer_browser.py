"""The explorer in a real headless Chromium against a real ``careerkg serve``: what
its users meet on the curated graph (misspelt searches, narrow windows, the
relations drawn by default and their legend).

One server per module; each test opens its own page and fails when the page logged a
console error or raised. The canvas and the details are separate callbacks of the
same state: each test waits for the very output it asserts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.dashboard.conftest import DESKTOP, TABLET
from tests.dashboard.test_browser import Page, open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]

CANVAS = "explorer-canvas"


@pytest.fixture
def laptop(browser: Any, server: str) -> Iterator[Page]:
    """A small laptop screen, or a browser window beside another: the suite's TABLET."""
    yield from open_page(browser, server, TABLET)


def _details_title(page: Page, label: str) -> None:
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=label
    )


def test_a_misspelt_search_offers_the_closest_names(page: Page) -> None:
    page.goto("/")
    page.wait_cy(CANVAS, "cy.nodes().length > 0")
    page.choose("explorer-search", "deap lerning", "deep learning · skill — closest match")
    _details_title(page, "deep learning")
    page.wait_cy(CANVAS, "cy.nodes('.focus').map(n => n.data('label')).join() === 'deep learning'")
    page.page.wait_for_url("**/node/deep%20learning")


BOXES = """() => {
    const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; };
    return {scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight,
            canvas: box('#explorer-canvas'), sidebar: box('.sidebar'), title: box('#details-title'),
            expand: box('#explorer-expand'), legend: box('.legend')};
}"""


def test_a_laptop_window_shows_the_details_beside_the_canvas(laptop: Page) -> None:
    # at 1024 x 700 the details went below the canvas, in a strip 44 px high at the
    # bottom of the window: a selected node's name and neighbours were out of sight
    laptop.goto("/node/deep%20learning")
    _details_title(laptop, "deep learning")
    laptop.wait_cy(CANVAS, "cy.nodes('.focus').length === 1")
    boxes = laptop.page.evaluate(BOXES)
    height = boxes["innerHeight"]
    assert boxes["title"]["bottom"] <= height
    assert boxes["expand"]["bottom"] <= height
    assert (
        boxes["sidebar"]["right"]
        <= boxes["canvas"]["left"]
        < boxes["canvas"]["right"]
        <= boxes["title"]["left"]
    )
    assert boxes["canvas"]["width"] >= 450
    # the page itself does not scroll: the legend under the canvas is in the window
    assert boxes["legend"]["bottom"] <= height
    assert boxes["scrollHeight"] <= height


AWS_MLE = "/node/AWS%20Certified%20Machine%20Learning%20Engineer%20%E2%80%93%20Associate"


def _legend_lines(page: Page) -> list[str]:
    return [t.strip() for t in page.page.locator("#explorer-edge-legend .legend-line").all_inner_texts()]


def test_expects_prior_skill_is_off_by_default_and_the_legend_names_the_lines(page: Page) -> None:
    page.goto(AWS_MLE)
    page.wait_cy(CANVAS, "cy.nodes('.focus').length === 1 && cy.edges('.teaches').length > 0")
    prior = page.page.locator("#explorer-relations input[value='requires_prior']")
    assert not prior.is_checked()
    assert page.cy(CANVAS, "cy.edges('.requires_prior').length") == 0
    assert "teaches" in _legend_lines(page)
    assert "expects prior skill" not in _legend_lines(page)
    # ticked, the credential's expected skills are drawn, and the legend says which lines they are
    prior.check()
    page.wait_cy(CANVAS, "cy.edges('.requires_prior').length > 0")
    page.page.wait_for_function(
        "() => document.getElementById('explorer-edge-legend').textContent.includes('expects prior skill')"
    )
    # Reset puts the defaults back: unticked, not drawn
    page.page.click("#explorer-reset")
    page.page.wait_for_function(
        "() => !document.querySelector(\"#explorer-relations input[value='requires_prior']\").checked"
    )
    page.wait_cy(CANVAS, "cy.edges('.requires_prior').length === 0 && cy.nodes('.focus').length === 0")
    page.page.wait_for_function(
        "() => document.getElementById('explorer-edge-legend').textContent === 'progresses to'"
    )


def test_an_iri_pasted_in_the_search_selects_its_node(page: Page) -> None:
    # the details panel and SPARQL answers show IRIs; pasted into the search box, one
    # found nothing ("No results"): no label contains it
    page.goto("/")
    page.wait_cy(CANVAS, "cy.nodes().length > 0")
    iri = "https://w3id.org/careerkg/id/tool/pytorch"
    page.choose("explorer-search", iri, f"PyTorch ({iri}) · tool")
    _details_title(page, "PyTorch")
    page.page.wait_for_url("**/node/PyTorch")
    page.choose("explorer-search", "skill:deep-learning", "deep learning (skill:deep-learning) · skill")
    _details_title(page, "deep learning")


def test_a_mistyped_node_link_offers_the_closest_names_as_links(page: Page) -> None:
    # a shared /node/ link with a typo said "unknown name 'pytorh'; closest known
    # labels: 'PyTorch'" in plain text: the reader had to retype the name
    page.goto("/node/pytorh")
    alert = page.page.locator(".sidebar [role=alert]")
    alert.wait_for()
    assert [t for t in alert.inner_text().split("\n") if t] == [
        "No node is called “pytorh”.",
        "Did you mean PyTorch?",
    ]
    link = alert.get_by_role("link", name="PyTorch")
    link.focus()
    page.page.keyboard.press("Enter")
    _details_title(page, "PyTorch")
    page.page.wait_for_url("**/node/PyTorch")
    page.wait_cy(CANVAS, "cy.nodes('.focus').map(n => n.data('label')).join() === 'PyTorch'")
    assert page.page.locator(".sidebar [role=alert]").count() == 0


PLACEHOLDER = """() => {
    const el = document.querySelector('#explorer-search .dash-dropdown-placeholder');
    return {text: el.textContent, cut: el.scrollWidth > el.clientWidth};
}"""


@pytest.mark.parametrize("screen", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_the_search_box_hint_is_shown_whole(browser: Any, server: str, screen: dict[str, int]) -> None:
    # "Type a name, e.g. deep learning" showed as "Type a name, e.g. deep l…" beside
    # the canvas on every screen (226 px of text in a box of 188, 136 on a laptop)
    for page in open_page(browser, server, screen):
        page.goto("/")
        page.page.wait_for_selector("#explorer-search .dash-dropdown-placeholder")
        hint = page.page.evaluate(PLACEHOLDER)
        assert hint == {"text": "Type a name or IRI", "cut": False}
