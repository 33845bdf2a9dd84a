"""The pages with a keyboard and a screen reader, in a real headless Chromium against a
real ``careerkg serve``: Dash's own controls named by their labels, and focus and
announcements after an action.

One server per module; each test opens its own page, fails when the page logged a
console error, and waits for the very output it asserts.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

ACTIVE = "() => document.activeElement && (document.activeElement.id || document.activeElement.tagName)"


def _named(page: Page, role: str, name: str) -> None:
    """Exactly one element of ``role`` whose accessible name starts with ``name``."""
    expect(page.page.get_by_role(role, name=re.compile("^" + re.escape(name)))).to_have_count(1)


def test_dash_controls_are_named_by_their_labels(page: Page) -> None:
    # Dash 4's dropdown is a button named by its value alone ("deep learning · skill"),
    # its checklist a listbox of options, its upload a "Choose File" button
    page.goto("/node/deep%20learning")
    _named(page, "button", "Find a role, skill, tool or credential")
    _named(page, "button", "Layout")
    _named(page, "checkbox", "Skill area")
    expect(page.page.locator("#explorer-types [role=option], [role=listbox]")).to_have_count(0)
    expect(page.page.locator("#nav-explorer")).to_have_attribute("aria-current", "page")

    page.goto("/path")
    for label in ("I am a… (optional)", "I already know (optional)", "I want to become"):
        _named(page, "button", label)
    expect(page.page.locator("#nav-path")).to_have_attribute("aria-current", "page")
    expect(page.page.locator("#nav-explorer")).not_to_have_attribute("aria-current", "page")

    page.goto("/query")
    _named(page, "button", "Example queries")

    page.goto("/gaps")
    _named(page, "button", "Curriculum file")
    _named(page, "button", "…or a shipped example")
    # the file input, out of sight, takes the focus: the drop zone shows the ring
    page.page.locator("#gaps-upload input[type=file]").focus()
    ring = page.page.locator("#gaps-upload .upload").evaluate("el => getComputedStyle(el).outlineStyle")
    assert ring == "solid"


def test_a_keyboard_selecting_a_related_node_lands_on_its_title(page: Page) -> None:
    # the Enter goes after the page's Location has read the address bar (answered some
    # 0.5 s after the page is drawn, more on a busy machine): once in a CI run, pressed
    # before that, the details stayed on deep learning for 30 s (cause not found)
    with page.page.expect_response(
        lambda r: (
            "_dash-update-component" in r.url and "explorer-location.pathname" in (r.request.post_data or "")
        )
    ):
        page.goto("/node/deep%20learning")
    entry = page.page.locator("#explorer-details .linklike", has_text=re.compile("^Data Scientist$")).first
    entry.focus()
    page.page.keyboard.press("Enter")
    page.page.wait_for_function(
        "() => document.getElementById('details-title')?.textContent === 'Data Scientist'"
    )
    # the button pressed went with the old details, and left the focus on the body
    page.page.wait_for_function("() => document.activeElement?.id === 'details-title'")
    expect(page.page.locator("#explorer-status")).to_contain_text("Data Scientist selected")


def test_a_keyboard_finds_a_path_and_hears_it_found(page: Page) -> None:
    page.goto("/path")
    target = page.page.locator("#path-target")
    target.focus()
    page.page.keyboard.press("ArrowDown")  # opens the dropdown, its search box focused
    search = page.page.locator(".dash-dropdown-search")
    search.wait_for(state="visible")
    search.fill("Data Scien")  # the first of Data Scientist, Senior Data Scientist
    page.page.locator(".dash-dropdown-option", has_text=re.compile(r"^\s*Data Scientist\s*$")).wait_for()
    page.page.keyboard.press("ArrowDown")
    page.page.keyboard.press("Enter")
    expect(target).to_have_text("Data Scientist")
    page.page.wait_for_function("() => document.activeElement?.id === 'path-target'")
    page.page.keyboard.press("Tab")  # the number of alternatives
    page.page.keyboard.press("Tab")  # "Optional skills too"
    assert page.page.evaluate("() => !!document.activeElement.closest('#path-optional')")
    page.page.keyboard.press("Tab")
    assert page.page.evaluate(ACTIVE) == "path-find"
    page.page.keyboard.press("Enter")
    status = page.page.get_by_role("status")
    expect(status).to_have_text(
        re.compile(r"^Learning path to Data Scientist found: \d+ steps, [\d,]+ hours\.$")
    )
    # the answer is next in the tab order (the chart's data, the downloads, the steps)
    page.page.keyboard.press("Tab")
    assert page.page.evaluate("() => !!document.activeElement.closest('.path-grid')")
