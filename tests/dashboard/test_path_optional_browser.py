"""Ticking "Optional skills too" on a path shown plans the roles' optional requirements
as well, at once, and puts ``optional=1`` in the address; Back shows the essential plan
again, the box unticked (the path finder had no way to plan them: only the CLI's
``--optional`` did)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

STEPS = "#path-step-list .step"


def _optional_reasons(page: Page) -> int:
    return page.page.locator(f"{STEPS} .step-why", has_text="(optional)").count()


def test_ticking_the_box_plans_the_optional_skills_and_back_unticks_it(page: Page) -> None:
    page.goto("/path/Software%20Engineer/Machine%20Learning%20Engineer")
    page.page.wait_for_selector(STEPS)
    essential = page.page.locator(STEPS).count()
    assert _optional_reasons(page) == 0
    box = page.page.locator(f"#{ids.PATH_OPTIONAL} input[type=checkbox]")
    assert not box.is_checked()

    page.click_still(page.page.get_by_text("Optional skills too", exact=True))
    page.page.wait_for_function("() => location.search.includes('optional=1')", timeout=20_000)
    page.page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length > n", arg=[STEPS, essential], timeout=20_000
    )
    assert _optional_reasons(page) >= 1
    assert unquote(page.page.url).endswith("/path/Software Engineer/Machine Learning Engineer?optional=1")
    assert box.is_checked()

    page.page.go_back()
    page.page.wait_for_function("() => !location.search.includes('optional')", timeout=10_000)
    page.page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length === n", arg=[STEPS, essential], timeout=20_000
    )
    assert not page.page.locator(f"#{ids.PATH_OPTIONAL} input[type=checkbox]").is_checked()
    assert _optional_reasons(page) == 0
    assert page.errors == []


def _presses(bodies: list[str]) -> int:
    """How many of the requests' ``bodies`` were sent for a press of Find path."""
    return sum(f'"changedPropIds":["{ids.PATH_FIND}.n_clicks"]' in b.replace(" ", "") for b in bodies)


def test_ticking_the_box_before_a_target_is_chosen_asks_for_nothing(page: Page) -> None:
    asked: list[str] = []  # the Find path presses sent to the server
    page.page.on(
        "request",
        lambda r: (
            asked.append(r.post_data or "")
            if "/_dash-update-component" in r.url and f"{ids.PATH_FIND}.n_clicks" in (r.post_data or "")
            else None
        ),
    )
    page.goto("/path")
    page.page.wait_for_selector("#path-empty-hint")
    page.click_still(page.page.get_by_text("Optional skills too", exact=True))
    assert page.page.locator(f"#{ids.PATH_OPTIONAL} input[type=checkbox]").is_checked()
    # no "Choose a target role." for a box ticked first: the user has not asked yet (the
    # box's clientside callback runs in the browser as it changes; a press would be sent
    # at once)
    page.page.wait_for_timeout(500)
    assert "Choose a target role" not in page.page.locator(f"#{ids.PATH_MESSAGE}").inner_text()
    assert _presses(asked) == 0
    page.choose(ids.PATH_TARGET, "Data Scien", "Data Scientist")
    page.page.click(f"#{ids.PATH_FIND}")
    page.page.wait_for_function("() => location.search.includes('optional=1')", timeout=20_000)
    assert _presses(asked) >= 1  # a press is seen when there is one
    page.page.wait_for_selector(STEPS)
    assert _optional_reasons(page) >= 1
    assert page.errors == []
