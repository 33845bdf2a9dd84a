"""Clearing the target role and pressing Find path: the page says "Choose a target
role." and the address says the same, no path (it kept the path cleared away, which a
reload or a shared link then showed again)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_a_cleared_target_clears_the_address(page: Page) -> None:
    page.goto("/path/Software%20Engineer/Machine%20Learning%20Engineer")
    page.page.wait_for_selector("#path-step-list .step", timeout=20_000)
    page.page.click(f"#{ids.PATH_TARGET} .dash-dropdown-clear")
    page.page.click(f"#{ids.PATH_FIND}")
    page.page.wait_for_function(
        "(id) => (document.getElementById(id) || {}).innerText?.includes('Choose a target role.')",
        arg=ids.PATH_MESSAGE,
        timeout=10_000,
    )
    page.page.wait_for_function("() => location.pathname === '/path'", timeout=10_000)
    assert urlsplit(page.page.url).query == ""
    assert page.page.title() == "careerkg · Path finder"
    assert page.page.locator("#path-step-list .step").count() == 0
