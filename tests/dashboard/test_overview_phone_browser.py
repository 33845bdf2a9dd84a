"""The overview's charts on a phone (390 px wide) and on a desktop: every text a chart
writes (its title and the lines under it, the axis titles, the legend) stays inside the
chart, where on a phone the axis titles, centred under a plot squeezed to the right by
the role and skill names, ran past its right edge and were cut off."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.dashboard.conftest import SCREENS
from tests.dashboard.test_browser import Page, open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHARTS = ("overview-roles-chart", "overview-areas-chart", "overview-central-chart")

# each text of a chart: its box against the chart's (in CSS pixels)
TEXTS = """(id) => {
    const chart = document.getElementById(id);
    const svg = chart.querySelector('.main-svg').getBoundingClientRect();
    const parts = '.gtitle, .gtitle-subtitle, .xtitle, .ytitle, .annotation-text, .legendtext';
    return {left: svg.left, right: svg.right, texts: [...chart.querySelectorAll(parts)].map(t => {
        const r = t.getBoundingClientRect();
        return {part: t.getAttribute('class'), text: t.textContent, left: r.left, right: r.right, width: r.width};
    })};
}"""


def test_every_text_of_the_overview_charts_stays_inside_its_chart(screen: Page) -> None:
    screen.goto("/overview")
    for chart in CHARTS:
        screen.page.wait_for_selector(f"#{chart} .xtitle")
    for chart in CHARTS:
        box = screen.page.evaluate(TEXTS, chart)
        parts = {t["part"] for t in box["texts"] if t["text"]}
        assert {"gtitle", "xtitle"} <= parts, (chart, box["texts"])  # what is measured is there
        for text in box["texts"]:
            if not text["width"]:
                continue
            assert text["left"] >= box["left"] - 1, (chart, text)
            assert text["right"] <= box["right"] + 1, (chart, text)  # was 407 and 429 in 365 px


def test_the_hours_axis_numbers_read_across(screen: Page) -> None:
    """Five numbers ("1,000" to "4,000") in the phone's 100 px of plot stood on end; on a
    desktop they read across too."""
    screen.goto("/overview")
    screen.page.wait_for_selector("#overview-roles-chart .xtick text")
    ticks = screen.page.evaluate(
        """() => [...document.querySelectorAll('#overview-roles-chart .xtick text')].map(t => {
            const r = t.getBoundingClientRect(); return {text: t.textContent, width: r.width, height: r.height};
        })"""
    )
    shown = [t for t in ticks if t["width"]]  # Plotly hides a number it has no room for
    assert len(shown) >= 3, ticks
    for tick in shown:
        assert tick["height"] < 20, ticks  # one line across (slanted "1,000": 29 px high)


# each bar's name and each number under the plot of a chart: their boxes against the chart's
TICKS = """(id) => {
    const chart = document.getElementById(id);
    const svg = chart.querySelector('.main-svg').getBoundingClientRect();
    const box = (t) => { const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left, right: r.right, width: r.width, height: r.height}; };
    return {left: svg.left, right: svg.right,
            names: [...chart.querySelectorAll('.ytick text')].map(box),
            numbers: [...chart.querySelectorAll('.xtick text')].map(box)};
}"""


@pytest.fixture(params=SCREENS.values(), ids=SCREENS.keys())
def esco_screen(request: Any, browser: Any, esco_server: str) -> Iterator[Page]:
    """A page on the ESCO store, at a desktop's size and at a phone's."""
    yield from open_page(browser, esco_server, request.param)


def test_long_names_stay_inside_the_overview_charts(esco_screen: Page) -> None:
    """On ESCO, the areas' long names ("software and applications development and
    analysis") ran off the chart's left edge on a phone, cut to "and applications
    development and analysis", and the hours under the squeezed bars stood on end."""
    esco_screen.goto("/overview")
    for chart in CHARTS:
        esco_screen.page.wait_for_selector(f"#{chart} .ytick text", timeout=60_000)
    for chart in CHARTS:
        box = esco_screen.page.evaluate(TICKS, chart)
        names = [t for t in box["names"] if t["width"]]
        assert len(names) >= 12, (chart, box)  # what is measured is there
        for name in names:
            assert name["left"] >= box["left"] - 1, (chart, name)
        numbers = [t for t in box["numbers"] if t["width"]]
        assert len(numbers) >= 3, (chart, box["numbers"])
        for number in numbers:
            assert number["height"] < 20, (chart, numbers)  # read across
