"""The app under the real multi-worker server serves every page and script from every worker."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from tests.support.server import running_server

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running_server(["--workers", "3", "--threads", "1"]) as url:
        yield url


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_every_script_is_served_by_every_worker(base: str) -> None:
    # the script list comes from an in-process app, so that no worker of the server
    # has rendered the index page before it is asked for the scripts
    from dashboard.app import create_app
    from kg.store import Store

    body = create_app(Store.default(), warm=False).server.test_client().get("/").data
    scripts = re.findall(rb'<script src="([^"]+)"', body)
    assert scripts, "the index page lists its scripts"
    # three workers, one thread each: twelve rounds reach every worker several times
    failures = [
        (src.decode(), code)
        for _ in range(12)
        for src in scripts
        if (code := _get(base + src.decode())[0]) != 200
    ]
    assert failures == []


@pytest.mark.parametrize("page", ["/", "/path", "/query", "/overview", "/gaps", "/about"])
def test_every_page_answers(base: str, page: str) -> None:
    status, body = _get(base + page)
    assert status == 200
    assert b"<title>careerkg" in body
