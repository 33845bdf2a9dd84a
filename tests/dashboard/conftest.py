"""The browser tests' usual fixtures: the app on the shipped graph, and a fresh page.

A test module that needs another server (a store, uploaded data...) defines its own
``server``; one that needs another page, its own ``page``. The modules drawing the
ESCO store share one ``esco_server`` (its start-up builds the projection: ~10 s), and
``screen`` is a page on ``server`` at each of :data:`SCREENS` (a desktop and a phone).

The screen sizes the browser tests use are named here (:data:`DESKTOP`, :data:`PHONE`,
:data:`TABLET`): a module that says it tests a phone and a desktop takes them from
here, so that both mean the same size in every module.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.dashboard.test_browser import Page, browser, open_page
from tests.support.esco_store import esco_store_dir
from tests.support.server import ESCO_START_TIMEOUT, running_server

__all__ = [  # browser: the shared Chromium fixture
    "DESKTOP",
    "PHONE",
    "SCREENS",
    "TABLET",
    "browser",
    "esco_server",
    "page",
    "screen",
    "server",
]

DESKTOP = {"width": 1280, "height": 800}
"""A laptop's or a desktop's window: the explorer's three columns side by side."""

PHONE = {"width": 390, "height": 844}
"""A phone held upright (an iPhone 12 to 15's CSS pixels): the pages stack."""

TABLET = {"width": 1024, "height": 768}
"""A tablet turned on its side, or a narrow window: the explorer's narrower three columns."""

SCREENS = {"desktop": DESKTOP, "phone": PHONE}
"""The viewports of a desktop and a phone, for ``pytest.fixture(params=..., ids=...)``."""


@pytest.fixture(scope="session")
def esco_server() -> Iterator[str]:
    """``careerkg serve --store`` over the imported ESCO store, one worker, for the session."""
    args = ["--store", str(esco_store_dir()), "--workers", "1"]
    with running_server(args, start_timeout=ESCO_START_TIMEOUT) as url:
        yield url


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``careerkg serve`` on the shipped graph, one worker, for the module's tests."""
    with running_server(["--workers", "1"]) as url:
        yield url


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    """A fresh browser page on ``server``."""
    yield from open_page(browser, server)


@pytest.fixture(params=SCREENS.values(), ids=SCREENS.keys())
def screen(request: Any, browser: Any, server: str) -> Iterator[Page]:
    """A fresh browser page on ``server``, once at a desktop's size and once at a phone's."""
    yield from open_page(browser, server, request.param)
