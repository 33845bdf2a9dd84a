"""A chart's toolbar (Plotly's modebar, here only "Download plot as a PNG") and the
keyboard. Plotly puts its buttons in the Tab order of every chart and shows the toolbar
while the focus is in it; it offers no way to take them out of the Tab order but to drop
the toolbar (``displayModeBar: False``), and the button is the keyboard's way to the
PNG, so it stays, one stop a chart. Its focus ring was Plotly's 1 px line, where every
other control of the app draws a 3 px ring round a yellow halo."""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

FOCUSED = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    if (!e.classList.contains('modebar-btn')) return null;
    let seen = 1;  // the opacity it is drawn with: its own and its ancestors'
    for (let n = e; n; n = n.parentElement) seen *= parseFloat(getComputedStyle(n).opacity);
    return {title: e.getAttribute('data-title'), seen: seen,
            outline: parseFloat(getComputedStyle(e).outlineWidth)};
}"""


def test_tab_reaches_one_toolbar_button_a_chart_shown_with_the_apps_ring(page: Page) -> None:
    page.goto("/overview")
    page.page.wait_for_selector("#overview-central-chart .modebar-btn")
    reached = []
    for _ in range(60):  # once through the page, to the body
        page.page.keyboard.press("Tab")
        focused = page.page.evaluate(FOCUSED)
        if focused == "body":
            break
        if focused is not None:
            page.page.wait_for_timeout(400)  # the toolbar fades in over 0.3 s
            reached.append(page.page.evaluate(FOCUSED))
    assert len(reached) == 3, reached  # one button a chart
    for button in reached:
        assert button["title"] == "Download plot as a PNG"
        assert button["seen"] == 1, button  # in sight while focused
        assert button["outline"] >= 3, button  # was Plotly's 1 px
