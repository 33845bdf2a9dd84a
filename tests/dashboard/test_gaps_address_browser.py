"""The curriculum gaps page's address names the curriculum checked: ``?example=NAME``
for a shipped example chosen, none for an upload (which no address can hold); Back
goes to the example again. The address stayed as the page was loaded: a reload or a
shared link showed another curriculum than the one checked, or none."""

from __future__ import annotations

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

UPLOAD = "course,term,teaches\nSQL basics,1,SQL\n"


def _titled(page: Page, title: str) -> None:
    page.page.locator("#gaps-title", has_text=title).wait_for(timeout=20_000)


def test_the_address_names_the_curriculum_checked(page: Page) -> None:
    page.goto("/gaps")
    page.page.wait_for_selector(f"#{ids.GAPS_EXAMPLE}")
    page.page.click(f"#{ids.GAPS_EXAMPLE}")
    page.page.locator(".dash-dropdown-option", has_text="MSc AI & Data Science (CSV)").click()
    _titled(page, "MSc AI & Data Science")
    page.page.wait_for_function("() => location.search === '?example=msc-ai-data-science.csv'")

    page.page.locator(f"#{ids.GAPS_UPLOAD} input[type=file]").set_input_files(
        files=[{"name": "track.csv", "mimeType": "text/csv", "buffer": UPLOAD.encode()}]
    )
    _titled(page, "track")
    page.page.wait_for_function("() => location.pathname.endsWith('/gaps') && location.search === ''")

    page.page.go_back()
    page.page.wait_for_function("() => location.search === '?example=msc-ai-data-science.csv'")
    _titled(page, "MSc AI & Data Science")


def test_a_loaded_example_keeps_its_address(page: Page) -> None:
    page.goto("/gaps?example=ml-bootcamp.csv")
    _titled(page, "ML bootcamp")
    page.page.wait_for_timeout(1000)
    assert page.page.url.endswith("/gaps?example=ml-bootcamp.csv")
