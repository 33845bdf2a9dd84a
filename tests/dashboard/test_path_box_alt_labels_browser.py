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


def test_the_name_typed_in_full_comes_first_and_enter_picks_it(page: Page) -> None:
    # was: the roles are listed by label, so "Lead Machine Learning Engineer" came first
    # among those holding "Machine Learning Engineer", and Enter planned a path to it
    page.goto("/path")
    page.page.wait_for_selector(f"#{ids.PATH_FIND}")
    page.page.click(f"#{ids.PATH_TARGET}")
    search = page.page.locator(".dash-dropdown-search")
    search.wait_for(state="visible")
    search.fill("machine learning engineer")
    first = page.page.locator(".dash-dropdown-option").first
    first.filter(has_text="Machine Learning Engineer").wait_for(state="visible")
    page.page.wait_for_function(
        "() => document.querySelector('.dash-dropdown-option').innerText.trim() === 'Machine Learning Engineer'"
    )
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("Escape")
    assert page.page.locator(f"#{ids.PATH_TARGET}").inner_text().strip() == "Machine Learning Engineer"
