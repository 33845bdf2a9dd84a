"""The explorer with the keyboard alone: Tab goes once through the sidebar's controls
and on to "Reset view", the canvas's button and the details.

The layout dropdown was the last control of the open "Filters and layout" <details>;
Chromium's Tab from it (a Dash 4 dropdown's button is out of the Tab order itself,
tabindex -1) went back to the first checkbox in it, so Tab went round the 17 filters
and the dropdown for ever: "Reset view", "Expand neighbours" and every link of the
details could not be reached."""

from __future__ import annotations

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

ACTIVE = """() => { const e = document.activeElement;
    return e === document.body ? 'body' : (e.id || e.className || e.tagName).toString(); }"""


@pytest.mark.parametrize("start", ["Tab", "Shift+Tab"], ids=["forward", "back"])
def test_tab_goes_through_the_sidebar_once_and_on(page: Page, start: str) -> None:
    page.goto("/node/Python%20programming")
    page.page.wait_for_selector(f"#{ids.EX_DETAILS} h2")
    seen: list[str] = []
    if start == "Tab":
        page.page.focus(f"#{ids.EX_SEARCH}")
        goal = ids.EX_EXPAND  # past the sidebar, the canvas's first button
    else:
        page.page.focus(f"#{ids.EX_RESET}")
        goal = ids.EX_SEARCH
    for _ in range(40):
        page.page.keyboard.press(start)
        seen.append(page.page.evaluate(ACTIVE))
        if seen[-1] == goal:
            break
    assert seen[-1] == goal, seen  # was: round the filters, back to the first checkbox
    checkboxes = [s for s in seen if "checkbox" in s]
    assert len(checkboxes) == 17, seen  # each node type and relation once
    assert ids.EX_LAYOUT in seen
