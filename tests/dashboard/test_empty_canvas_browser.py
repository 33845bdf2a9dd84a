"""The path finder's and the gaps page's canvases while the page has drawn nothing in
them (no path yet, a name not found, no curriculum checked): a blank dotted box 560 px
tall, on a phone a screen of nothing. They now say what they will show, and stop once
something is drawn."""

from __future__ import annotations

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

SAID = """(id) => {
    const frame = document.getElementById(id).closest('.canvas-frame');
    const text = getComputedStyle(frame, '::before').content;
    return text === 'none' || text === 'normal' ? '' : text.replace(/^"|"$/g, '');
}"""


@pytest.mark.parametrize(
    ("empty", "drawn", "canvas", "ready"),
    [
        ("/path", "/path/Data%20Analyst/Data%20Scientist", ids.PATH_CANVAS, "#path-step-list .step"),
        ("/path/Data%20Analist/Data%20Scientist", None, ids.PATH_CANVAS, "#path-did-you-mean"),
        ("/gaps", "/gaps?example=ml-bootcamp.csv", ids.GAPS_CANVAS, "#gaps-findings li"),
    ],
    ids=["path", "path-unknown-name", "gaps"],
)
def test_an_empty_canvas_says_what_it_will_show(
    page: Page, empty: str, drawn: str | None, canvas: str, ready: str
) -> None:
    page.goto(empty)
    page.page.wait_for_selector(f"#{canvas}")
    if drawn is None:
        page.page.wait_for_selector(ready)
    said = page.page.evaluate(SAID, canvas)
    assert said.endswith("are drawn here." if canvas == ids.PATH_CANVAS else "a column a term."), said
    assert page.page.locator(f"#{canvas}").locator("xpath=ancestor::*[@data-empty]").count() == 1
    if drawn is not None:
        page.goto(drawn)
        page.page.wait_for_selector(ready, timeout=30_000)
        assert page.page.evaluate(SAID, canvas) == ""  # something is drawn: nothing said over it
