"""A minimal client of a running Dash app's callbacks, as the browser's renderer calls them.

The payloads are built from the app's own ``/_dash-dependencies`` (the callback graph the
renderer downloads), so a load or fuzz test sends exactly what a browser would.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
from typing import Any

__all__ = ["DashCallbacks", "request"]


def request(
    base: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> tuple[int, bytes]:
    """One HTTP request on a fresh loopback connection: ``(status, body)``."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port or 80, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _split(spec: str) -> tuple[str, str]:
    ident, _, prop = spec.rpartition(".")
    return ident, prop


class DashCallbacks:
    """The callbacks of the Dash app at ``base``, found by their first output.

    ``payload("path-result.data", inputs={...}, state={...})`` returns the JSON body the
    renderer POSTs to ``/_dash-update-component`` when ``inputs`` change.
    """

    def __init__(self, base: str, deps: list[dict[str, Any]] | None = None) -> None:
        self.base = base
        if deps is None:
            status, body = request(base, "GET", "/_dash-dependencies")
            if status != 200:
                raise RuntimeError(f"GET /_dash-dependencies answered {status}")
            deps = json.loads(body)
        self.deps = deps

    def find(self, first_output: str) -> dict[str, Any]:
        """The callback whose first output is ``first_output`` (``"id.property"``)."""
        for dep in self.deps:
            outputs = (
                dep["output"].strip(".").split("...") if dep["output"].startswith("..") else [dep["output"]]
            )
            if outputs[0] == first_output and not dep.get("clientside_function"):
                return dep
        raise KeyError(first_output)

    def payload(
        self,
        first_output: str,
        inputs: dict[str, Any],
        state: dict[str, Any] | None = None,
        changed: list[str] | None = None,
    ) -> bytes:
        """The request body of the callback; unnamed inputs and state are ``None``."""
        dep = self.find(first_output)
        multi = dep["output"].startswith("..")
        specs = dep["output"].strip(".").split("...") if multi else [dep["output"]]
        outputs = [{"id": i, "property": p} for i, p in map(_split, specs)]

        def values(items: list[dict[str, Any]], given: dict[str, Any]) -> list[Any]:
            out = []
            for item in items:
                key = f"{item['id']}.{item['property']}"
                if item["id"].startswith("{"):  # pattern-matching (ALL): no components matched
                    out.append(given.get(key, []))
                else:
                    out.append({"id": item["id"], "property": item["property"], "value": given.get(key)})
            return out

        body = {
            "output": dep["output"],
            "outputs": outputs if multi else outputs[0],
            "inputs": values(dep["inputs"], inputs),
            "changedPropIds": changed if changed is not None else list(inputs),
            "state": values(dep["state"], state or {}),
        }
        return json.dumps(body).encode()

    def call(
        self,
        first_output: str,
        inputs: dict[str, Any],
        state: dict[str, Any] | None = None,
        timeout: float = 30.0,
    ) -> tuple[int, bytes]:
        """POST the callback; ``(status, body)``."""
        return request(
            self.base,
            "POST",
            "/_dash-update-component",
            self.payload(first_output, inputs, state),
            {"Content-Type": "application/json"},
            timeout,
        )
