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


@pytest.mark.parametrize(
    ("address", "ready", "toolbars"),
    [
        ("/overview", "#overview-central-chart .modebar-btn", {"overview-roles-chart": 1}),
        (
            "/gaps?example=ml-bootcamp.csv",
            "#gaps-chart .modebar-btn",
            {"gaps-terms-chart": 1, "gaps-chart": 1},
        ),
        ("/path/Data%20Analyst/Data%20Scientist", "#path-chart .modebar-btn", {"path-chart": 7}),
    ],
    ids=["overview", "gaps", "path"],
)
def test_a_toolbar_holds_only_buttons_that_do_something(
    page: Page, address: str, ready: str, toolbars: dict[str, int]
) -> None:
    """Box and lasso select (no chart has a selection to act on) sat in the toolbars of
    the gaps and path charts, and the coverage chart, with nothing to zoom, had six zoom
    buttons: 12 stops of the Tab order on the gaps page, where 2 download the charts."""
    page.goto(address)
    page.page.wait_for_selector(ready)
    buttons = page.page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.js-plotly-plot')].map(g =>
            [g.id || g.parentElement.id, [...g.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title'))]))"""
    )
    for chart, n in toolbars.items():
        assert len(buttons[chart]) == n, buttons
    everywhere = [title for titles in buttons.values() for title in titles]
    assert "Box Select" not in everywhere
    assert "Lasso Select" not in everywhere
