"""In the browser: the path finder's boxes find a role or a skill by another name on
the curated graph ('BI Analyst', 'Bash'), where they said "No options found"; chosen,
it reads as its own name and the path is planned with it."""

from __future__ import annotations

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_other_names_find_the_role_and_the_skill(page: Page) -> None:
    page.goto("/path")
    page.page.wait_for_selector(f"#{ids.PATH_FIND}")
    page.choose(ids.PATH_TARGET, "BI Analyst", "Data Analyst — also called BI Analyst")
    page.choose(ids.PATH_KNOW, "Bash", "Linux command line and shell scripting — also called Bash")
    page.page.keyboard.press("Escape")
    page.page.click(f"#{ids.PATH_FIND}")
    page.page.wait_for_url("**/path/-/Data%20Analyst?know=Linux*")
    page.page.wait_for_selector("#path-step-list .step")
    target = page.page.locator(f"#{ids.PATH_TARGET}").inner_text()
    assert "Data Analyst" in target
    assert "also called" not in target
    known = page.page.locator("#path-known").inner_text()
    assert "Linux command line and shell scripting (level 5)" in known
