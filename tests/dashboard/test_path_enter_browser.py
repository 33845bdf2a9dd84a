"""Enter in the path finder's Alternatives box finds the path, as Enter in a form's box
does. It did nothing: a user typed 2, pressed Enter, and the page went on saying "Ask
for alternatives to compare other role sequences." """

from __future__ import annotations

from urllib.parse import unquote

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_enter_in_the_alternatives_box_finds_the_path(page: Page) -> None:
    page.goto("/path/Data%20Analyst/Lead%20ML%20Engineer")
    page.page.wait_for_selector("#path-step-list .step")
    box = page.page.locator(f"#{ids.PATH_ALTERNATIVES}")
    box.fill("2")
    box.press("Enter")
    page.page.wait_for_selector("#path-alternatives-list ol.alts li", timeout=20_000)
    assert page.page.locator("#path-alternatives-list ol.alts li").count() >= 1
    page.page.wait_for_function("() => location.search.includes('alternatives=2')", timeout=10_000)
    assert unquote(page.page.url).endswith("/path/Data Analyst/Lead Machine Learning Engineer?alternatives=2")
