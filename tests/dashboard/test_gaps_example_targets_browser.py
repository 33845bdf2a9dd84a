"""A target role chosen on a page loaded from an example's address (``/gaps?example=NAME``,
a shared link or a reload) checks that example against it. The page kept no curriculum
for it: the report went, and the page read "Upload a curriculum, paste one or choose an
example" with the example still chosen above. And the role's coverage says what
``careerkg gaps`` says of it: Software Engineer's computer programming is assumed at
entry, through Python programming, only to level 3 of the 4 required."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.views import gaps as view
from kg.store import Store
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_a_role_chosen_on_an_examples_address_checks_that_example(page: Page) -> None:
    text, fmt, name = view.load_example("ml-bootcamp.csv")
    report = view.analyse(Store.default(), text, fmt, name, ["Software Engineer"])["report"]
    cov = view.coverage_of(report["coverage"][0])
    page.goto("/gaps?example=ml-bootcamp.csv")
    page.page.wait_for_selector("#gaps-coverage-list li")
    page.choose(ids.GAPS_TARGETS, "Software Engineer", "Software Engineer")
    page.page.keyboard.press("Escape")
    entry = page.page.locator("#gaps-coverage-list li", has_text="Software Engineer")
    entry.wait_for(timeout=30_000)
    shown = " ".join(entry.inner_text().split())
    assert "computer programming (assumed at entry to level 3 of 4, through Python programming)" in shown
    assert shown.endswith(f"Fix: {cov.below_fixes}")
    assert page.page.locator(f"#{ids.GAPS_SUMMARY}").inner_text().strip() != ""
    assert "Upload a curriculum" not in page.page.locator(f"#{ids.GAPS_SUMMARY}").inner_text()
