"""A tool typed in the path finder's "I already know" box (``PyTorch``, ``PyTorch:3``)
offers the skills it supports, marked so; the plan counts skills, and the box said
"No options found" (``--know PyTorch`` and ``?know=PyTorch`` say it is a tool and name
its skills). The skill chosen shows under its own name."""

from __future__ import annotations

import re

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def _offered(page: Page, text: str) -> list[str]:
    """The options the box shows once ``text`` is typed and the server has answered."""
    search = page.page.locator(".dash-dropdown-search")
    if not search.is_visible():
        page.page.click(f"#{ids.PATH_KNOW}")
    search.wait_for(state="visible")
    search.fill(text)
    page.page.locator(".dash-dropdown-option").filter(has_text="a skill PyTorch supports").first.wait_for(
        timeout=20_000
    )
    return [t.strip() for t in page.page.locator(".dash-dropdown-option").all_inner_texts()]


def test_a_tool_typed_offers_the_skills_it_supports(page: Page) -> None:
    page.goto("/path")
    page.page.wait_for_selector(f"#{ids.PATH_KNOW}")
    offered = _offered(page, "PyTorch")
    assert "deep learning — a skill PyTorch supports" in offered
    assert "No options found" not in offered
    leveled = _offered(page, "pytorch:3")
    assert "deep learning (level 3) — a skill PyTorch supports" in leveled
    page.page.locator(".dash-dropdown-option").filter(
        has_text=re.compile(r"^\s*deep learning \(level 3\) — a skill PyTorch supports\s*$")
    ).click()
    # chosen, it is the skill at its level, without the mark of the search
    page.page.keyboard.press("Escape")
    page.page.wait_for_function(
        "(id) => /deep learning \\(level 3\\)/.test(document.getElementById(id).innerText)"
        " && !/supports/.test(document.getElementById(id).innerText)",
        arg=ids.PATH_KNOW,
        timeout=10_000,
    )


def test_a_tool_partly_typed_offers_them_too(page: Page) -> None:
    # 'PyTorc' showed "No options found" where 'PyTorch' and 'Pytho' offered something
    page.goto("/path")
    page.page.wait_for_selector(f"#{ids.PATH_KNOW}")
    offered = _offered(page, "PyTorc")
    assert "deep learning — a skill PyTorch supports" in offered
    assert "No options found" not in offered
    page.page.locator(".dash-dropdown-option").filter(
        has_text=re.compile(r"^\s*deep learning — a skill PyTorch supports\s*$")
    ).click()
    page.page.keyboard.press("Escape")
    page.page.wait_for_function(
        "(id) => /deep learning/.test(document.getElementById(id).innerText)"
        " && !/supports/.test(document.getElementById(id).innerText)",
        arg=ids.PATH_KNOW,
        timeout=10_000,
    )
