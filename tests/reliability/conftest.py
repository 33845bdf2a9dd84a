"""One multi-worker ``careerkg serve`` shared by the reliability tests that only read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.serving import Server

MAX_BODY = 64 * 1024
"""The request-body limit of the shared server (bytes)."""
SPARQL_TIMEOUT = 2.0
"""The SPARQL time limit of the shared server (seconds)."""


@pytest.fixture(scope="session")
def shared_server() -> Iterator[Server]:
    """``careerkg serve --workers 2`` with a small body limit and a short query time limit."""
    args = ["--workers", "2", "--threads", "4", "--max-body", str(MAX_BODY), "--timeout", str(SPARQL_TIMEOUT)]
    with Server(args) as server:
        yield server
