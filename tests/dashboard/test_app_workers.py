"""The app under the real multi-worker server serves every page and script from every worker."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    port = _free_port()
    cmd = [sys.executable, "-m", "kg", "serve", "--port", str(port), "--workers", "3", "--threads", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("careerkg serve did not start")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


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
