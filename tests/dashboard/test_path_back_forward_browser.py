"""Back and Forward on the path finder show the path of the address gone to, as a
fresh load of it shows it. After a second path was found, Back put the first path's
address in the bar and left the second path on the page, its role in the boxes and its
title on the tab."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import pytest

from dashboard import ids
from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def _shows(page: Page, target: str) -> None:
    """Wait until the address, the roles drawn, the target box and the tab's title all
    name ``target``."""
    page.page.wait_for_function(
        "(t) => decodeURIComponent(location.pathname).endsWith('/' + t)", arg=target, timeout=10_000
    )
    page.page.wait_for_function(
        "([id, t]) => { const r = document.getElementById(id);"
        " return !!r && r.innerText.includes(t) && !!document.querySelector('#path-step-list .step'); }",
        arg=[ids.PATH_ROLES, target],
        timeout=20_000,
    )
    assert target in page.page.locator(f"#{ids.PATH_TARGET}").inner_text()
    page.page.wait_for_function("(t) => document.title.includes('→ ' + t + ' ·')", arg=target, timeout=10_000)


def test_back_and_forward_show_the_path_of_the_address(page: Page) -> None:
    page.goto("/path/Software%20Engineer/Machine%20Learning%20Engineer")
    _shows(page, "Machine Learning Engineer")
    page.choose(ids.PATH_TARGET, "Data Scien", "Data Scientist")
    page.page.click(f"#{ids.PATH_FIND}")
    _shows(page, "Data Scientist")

    page.page.go_back()
    _shows(page, "Machine Learning Engineer")
    assert "Data Scientist" not in page.page.locator(f"#{ids.PATH_ROLES}").inner_text()
    assert unquote(page.page.url).endswith("/path/Software Engineer/Machine Learning Engineer")

    page.page.go_forward()
    _shows(page, "Data Scientist")
    assert "Machine Learning Engineer" not in page.page.locator(f"#{ids.PATH_ROLES}").inner_text()


def test_a_fresh_load_draws_the_page_once(page: Page) -> None:
    """The page's Location, setting its first values as it mounts, was taken for a Back
    and the page drawn a second time (on ESCO, a second answer of 267 KB; 6 s to the
    steps of Software Developer → Data Scientist, now 4 s)."""
    answers: list[Any] = []
    page.page.on(
        "response",
        lambda r: answers.append(r) if "/_dash-update-component" in r.url and r.status == 200 else None,
    )
    page.goto("/path/Software%20Engineer/Machine%20Learning%20Engineer")
    _shows(page, "Machine Learning Engineer")
    page.page.wait_for_timeout(1500)  # time for a second drawing to be asked for
    drawn = [a for a in answers if "path-page" in (a.json().get("response") or {})]
    assert drawn == []
