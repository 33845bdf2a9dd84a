"""A SPARQL endpoint that labels blank nodes afresh in every answer, as Jena's do.

SPARQL scopes a blank node label to one result set: Apache Jena (Fuseki) numbers the
blank nodes of each answer ``b0``, ``b1``, ... and a server with several worker
processes that each loaded the data gives each its own labels. A client that joins
two answers on a blank node label is wrong against such endpoints even when it passes
against Virtuoso, whose ``nodeID://`` labels are stable.

:func:`relabelling_endpoint` puts that behaviour in front of a real endpoint: a
loopback HTTP server forwards each request to the upstream endpoint and renumbers the
blank nodes of each SPARQL JSON answer in order of appearance.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

FORWARDED = ("Accept", "Content-Type")


def relabel(answer: dict[str, Any]) -> dict[str, Any]:
    """``answer`` (SPARQL 1.1 JSON results) with its blank nodes numbered from ``b0``.

    Examples
    --------
    >>> a = {"head": {"vars": ["q"]}, "results": {"bindings": [
    ...     {"q": {"type": "bnode", "value": "nodeID://b1234"}},
    ...     {"q": {"type": "bnode", "value": "nodeID://b99"}},
    ...     {"q": {"type": "bnode", "value": "nodeID://b1234"}}]}}
    >>> [row["q"]["value"] for row in relabel(a)["results"]["bindings"]]
    ['b0', 'b1', 'b0']
    """
    labels: dict[str, str] = {}
    for row in answer.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = labels.setdefault(term["value"], f"b{len(labels)}")
    return answer


def capped(answer: dict[str, Any], cap: int) -> dict[str, Any]:
    """``answer`` cut to its first ``cap`` rows, without a word, as Virtuoso's
    ``ResultSetMaxRows`` cuts an answer.

    Examples
    --------
    >>> a = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": str(i)}} for i in range(5)]}}
    >>> len(capped(a, 3)["results"]["bindings"])
    3
    """
    bindings = answer.get("results", {}).get("bindings")
    if bindings is not None:
        answer["results"]["bindings"] = bindings[:cap]
    return answer


@contextmanager
def relabelling_endpoint(
    upstream: str, *, cap: int | None = None, seen: list[str] | None = None
) -> Iterator[str]:
    """Serve ``upstream`` (a SPARQL endpoint URL) on a free loopback port; yield its URL.

    ``cap``: also cut every answer to that many rows. ``seen``: a list each request's
    query string (the protocol's parameters, URL-encoded) is appended to.
    """
    path = urlsplit(upstream).path

    class Handler(BaseHTTPRequestHandler):
        def _forward(self, body: bytes | None) -> None:
            query = self.path.partition("?")[2]
            if seen is not None:
                seen.append(query)
            url = upstream + ("?" + query if query else "")
            headers = {h: self.headers[h] for h in FORWARDED if self.headers[h]}
            request = urllib.request.Request(url, data=body, headers=headers, method=self.command)
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    status, kind, data = (
                        response.status,
                        response.headers.get("Content-Type", ""),
                        response.read(),
                    )
            except urllib.error.HTTPError as err:
                status, kind, data = err.code, err.headers.get("Content-Type", ""), err.read()
            if status == 200 and "json" in kind:
                answer = relabel(json.loads(data))
                data = json.dumps(answer if cap is None else capped(answer, cap)).encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._forward(None)

        def do_POST(self) -> None:
            self._forward(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
