"""The known-skills box's "Select All" (Dash 4.4's multi dropdown shows it and has no
property to hide it): pressed with nothing typed it chose every skill of the graph, each
counted known at level 5, and the plan had nothing to learn. It is undone and the page
says why; typed text first, it selects the skills that match, as a user means it."""

from __future__ import annotations

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

NOTE = "path-know-note"


def _select_all(page: Page, text: str = "") -> None:
    page.page.click(f"#{ids.PATH_KNOW}")
    search = page.page.locator(".dash-dropdown-search")
    search.wait_for(state="visible")
    if text:
        search.fill(text)
        page.page.locator(".dash-dropdown-option").filter(has_text="Python programming").first.wait_for()
    page.page.get_by_role("button", name="Select All", exact=True).click()
    page.page.keyboard.press("Escape")


def test_select_all_of_every_skill_is_undone_and_said(page: Page) -> None:
    page.goto("/path/-/Data%20Scientist?know=SQL")
    page.page.wait_for_selector("#path-step-list .step", timeout=20_000)
    _select_all(page)
    page.page.wait_for_function(
        "(id) => (document.getElementById(id) || {}).innerText?.includes('it was undone')",
        arg=NOTE,
        timeout=10_000,
    )
    assert "'Select All' would count all" in page.page.inner_text(f"#{NOTE}")
    page.page.wait_for_function(
        "(id) => document.getElementById(id).innerText.trim() === 'SQL'", arg=ids.PATH_KNOW, timeout=10_000
    )


def test_select_all_of_what_matches_the_text_is_kept(page: Page) -> None:
    page.goto("/path/-/Data%20Scientist?know=SQL")
    page.page.wait_for_selector("#path-step-list .step", timeout=20_000)
    _select_all(page, "python")
    page.page.wait_for_function(
        "(id) => document.getElementById(id).innerText.includes('Python programming')",
        arg=ids.PATH_KNOW,
        timeout=10_000,
    )
    assert page.page.inner_text(f"#{NOTE}").strip() == ""
