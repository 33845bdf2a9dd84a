"""The path finder's step cards on ESCO, whose skill names run to 80 letters ("apply
research ethics and scientific integrity principles in research activities"), on a
desktop and a phone: a long name takes the card's width, its figures (levels, hours,
running total) on the line under it, and nothing overflows.

The name was squeezed into the column the figures left beside it, under half the card:
seven lines of two or three words on a phone, five on a desktop (by the lines of its text)."""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser import Page, browser

__all__ = ["browser"]  # the shared Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.external]

ADDRESS = "/path/software%20developer/data%20scientist"

# per step card: the name's lines, its width against the card's head, and any overflow
MEASURE = """() => [...document.querySelectorAll('#path-step-list .step')].map(card => {
    const head = card.querySelector('.step-head'), label = card.querySelector('.step-label');
    const text = [...label.childNodes].find(n => n.nodeType === Node.TEXT_NODE);
    const range = document.createRange(); range.selectNodeContents(text);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    return {
        name: text.textContent, lines,
        share: label.getBoundingClientRect().width / head.clientWidth,
        overflow: card.scrollWidth > card.clientWidth + 1 || label.scrollWidth > label.clientWidth + 1,
    };
})"""


@pytest.fixture(scope="module")
def server(esco_server: str) -> str:
    """The ESCO store's server, shared by the session's modules."""
    return esco_server


def test_long_skill_names_take_the_cards_width(screen: Page) -> None:
    screen.goto(ADDRESS)
    screen.page.wait_for_selector("#path-step-list .step", timeout=60_000)
    cards = screen.page.evaluate(MEASURE)
    longest = max(cards, key=lambda c: len(c["name"]))
    print(f"{len(cards)} steps; longest name, {len(longest['name'])} letters: {longest['lines']} lines")
    assert len(longest["name"]) >= 70, longest  # the path still has a long ESCO name
    assert longest["lines"] <= 3, longest  # seven on a phone, five on a desktop
    assert not [c["name"] for c in cards if c["overflow"]]
    # a name on more than one line has the card's width, not a column beside the figures
    squeezed = [(c["name"], round(c["share"], 2)) for c in cards if c["lines"] > 1 and c["share"] < 0.85]
    assert not squeezed
