"""The path finder's Alternatives box: a number past its range asked for no alternative
at all. The box had min 0, max 5 and step 1, the browser found 99, -3 or 2.5 invalid,
Dash sent None, and the page said "Ask for alternatives to compare other role
sequences." to the user who had just asked for 99. The server now bounds the number and
the box shows what was used."""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.views.path import MAX_ALTERNATIVES
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.mark.parametrize(("typed", "used"), [("99", MAX_ALTERNATIVES), ("2.5", 2), ("-3", 0)])
def test_a_number_out_of_range_is_bounded_not_dropped(page: Page, typed: str, used: int) -> None:
    page.goto("/path/Data%20Analyst/Data%20Scientist")
    page.page.wait_for_selector("#path-step-list .step")
    page.page.fill(f"#{ids.PATH_ALTERNATIVES}", typed)
    page.page.click(f"#{ids.PATH_FIND}")
    page.page.wait_for_function(
        "([id, v]) => document.getElementById(id).value === v", arg=[ids.PATH_ALTERNATIVES, str(used)]
    )
    listed = page.page.locator(f"#{ids.PATH_ALTERNATIVES}-list")
    if used:
        page.page.wait_for_function(
            "(id) => !document.getElementById(id).innerText.includes('Ask for alternatives')",
            arg=f"{ids.PATH_ALTERNATIVES}-list",
        )
        assert "Ask for alternatives" not in listed.inner_text()  # was, for 99
        assert page.page.url.endswith(f"alternatives={used}")
    else:
        assert "Ask for alternatives" in listed.inner_text()
