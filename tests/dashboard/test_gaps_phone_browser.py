"""The gaps page's two charts on a phone (390 px wide) and on a desktop: no text of a
chart runs out of it or over another text, and the legend of the term chart sits clear
of its bars.

On a phone the term chart's legend, placed over the plot's top right corner, wrapped
onto three rows down over the bars of terms 2 and 3; the coverage chart's note ran out
of the chart ("Green: all essential skills cove"), under its tick labels, which Plotly
had turned upright to fit six of them into 130 px; and "69.7% (23/33)", written beside
the bar, was cut off at the chart's right edge."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dashboard.conftest import PHONE
from tests.dashboard.test_browser import Page, open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHARTS = ("gaps-terms-chart", "gaps-chart")

# each text and the legend and bars of a chart: their boxes (CSS pixels)
BOXES = """(id) => {
    const chart = document.getElementById(id);
    const svg = chart.querySelector('.main-svg').getBoundingClientRect();
    const box = (e) => { const r = e.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; };
    const parts = '.gtitle, .gtitle-subtitle, .annotation-text, .legendtext, .xtick text, .ytick text, .bartext';
    const legend = chart.querySelector('.legend');
    return {
        svg: box(chart.querySelector('.main-svg')),
        texts: [...chart.querySelectorAll(parts)].map(t => ({
            text: t.textContent, tick: !!t.closest('.xtick, .ytick'), ...box(t)})),
        legend: legend ? box(legend) : null,
        bars: [...chart.querySelectorAll('.bars .point path')].map(box).filter(b => b.width > 0),
    };
}"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether two boxes share more than a pixel each way."""
    return min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1 and (
        min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
    )


def test_the_gaps_charts_keep_their_texts_inside_and_apart(screen: Page) -> None:
    screen.goto("/gaps?example=ml-bootcamp.csv")
    for chart in CHARTS:
        screen.page.wait_for_selector(f"#{chart} .xtick text", timeout=30_000)
    screen.page.wait_for_selector("#gaps-chart .bartext")
    for chart in CHARTS:
        box = screen.page.evaluate(BOXES, chart)
        texts = [t for t in box["texts"] if t["width"] and t["text"].strip()]
        assert len(texts) >= 6, (chart, box)  # what is measured is there
        assert box["bars"], (chart, box)
        for text in texts:
            assert text["left"] >= box["svg"]["left"] - 1, (chart, text)
            assert text["right"] <= box["svg"]["right"] + 1, (chart, text)
        # no text over another (two slanted tick labels' boxes overlap where the
        # labels do not: Plotly spaces its ticks itself)
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                if not (a["tick"] and b["tick"]):
                    assert not _overlap(a, b), (chart, a, b)
        if box["legend"] is not None:
            for bar in box["bars"]:
                assert not _overlap(box["legend"], bar), (chart, box["legend"], bar)


@pytest.mark.parametrize(
    ("address", "ready"),
    [
        ("/gaps?example=ml-bootcamp.csv", "#gaps-findings li"),
        ("/path/Data%20Analyst/Machine%20Learning%20Engineer", "#path-step-list .step"),
    ],
    ids=["gaps", "path"],
)
def test_a_phone_opens_each_charts_table_without_the_page_scrolling_sideways(
    browser: Any, server: str, address: str, ready: str
) -> None:
    """The gaps page's term table was 378 px wide in a 340 px card: its last column ran
    off the screen and the page scrolled sideways (403 px); the effort table ran 15 px
    out of its card. A wide table scrolls in a frame of its own."""
    for phone in open_page(browser, server, PHONE):
        phone.goto(address)
        phone.page.wait_for_selector(ready, timeout=30_000)
        for summary in phone.page.locator("details.chart-data > summary").all():
            summary.click()
        tables = phone.page.evaluate(
            """() => [...document.querySelectorAll('details.chart-data table')].map(t => {
                const card = t.closest('details').getBoundingClientRect();
                const frame = t.parentElement;
                return {width: t.getBoundingClientRect().width, right: t.getBoundingClientRect().right,
                        card: card.right, frame: frame.getBoundingClientRect().right,
                        scrolls: ['auto', 'scroll'].includes(getComputedStyle(frame).overflowX)};
            })"""
        )
        assert tables, address
        for table in tables:
            assert table["width"] > 0
            # inside its card, or in a frame inside the card that scrolls it
            fits = table["right"] <= table["card"] + 1
            assert fits or (table["scrolls"] and table["frame"] <= table["card"] + 1), (address, table)
        assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
