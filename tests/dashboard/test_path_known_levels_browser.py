"""In Chromium: typing 'Python:4' in the known-skills box offers Python programming at
level 4; chosen, the plan counts it at level 4, the address carries it and the page
says so."""

from __future__ import annotations

from typing import Any


def test_a_known_skill_typed_with_a_level_is_planned_at_that_level(page: Any) -> None:
    page.goto("/path/Data%20Analyst/Data%20Scientist")
    page.page.wait_for_selector("#path-step-list .step")
    page.choose("path-know", "Python:4", "Python programming (level 4)")
    page.page.click("#path-find")
    page.page.wait_for_url("**/path/Data%20Analyst/Data%20Scientist?know=Python%20programming%3A4")
    page.page.wait_for_function(
        "() => (document.getElementById('path-known')?.textContent || '').includes('level 4')"
    )
    assert page.page.locator("#path-known").inner_text() == "Known: Python programming (level 4)."
    assert "Python programming (level 4)" in page.page.locator("#path-know").inner_text()
