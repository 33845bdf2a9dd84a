"""The Python snippets of README.md and docs/*.md are ruff-clean, formatted, and run.

Each ```python block is checked as a file of its own with the project's ruff settings
(``ruff format --check`` and ``ruff check``; ``make check`` runs these two), then run
against a real ``careerkg serve``, its ``http://127.0.0.1:8050`` replaced by the test
server's address. docs/sparql.md's SPARQLWrapper example was neither formatted nor
lint-clean (imports halfway down, no blank line after them), and nothing looked at it.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCUMENTED_URL = "http://127.0.0.1:8050"
_FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def python_snippets(text: str) -> list[tuple[int, str]]:
    """``(line, code)`` of each ```python block of a Markdown ``text`` (the line of its fence).

    >>> python_snippets("Intro\\n\\n```python\\nx = 1\\n```\\n\\n```sh\\nls\\n```\\n")
    [(3, 'x = 1\\n')]
    """
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in _FENCE.finditer(text)]


SNIPPETS = [
    pytest.param(code, id=f"{doc.relative_to(ROOT)}:{line}")
    for doc in DOCS
    for line, code in python_snippets(doc.read_text(encoding="utf-8"))
]


def _ruff(*args: str, code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "snippet.py"
    path.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--config", str(ROOT / "pyproject.toml"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_docs_have_python_snippets() -> None:
    assert SNIPPETS, "no ```python block found in README.md or docs/*.md"


@pytest.mark.parametrize("code", SNIPPETS)
def test_a_snippet_is_ruff_formatted(code: str, tmp_path: Path) -> None:
    out = _ruff("format", "--check", "--diff", code=code, tmp_path=tmp_path)
    assert out.returncode == 0, f"run ruff format on the snippet:\n{out.stdout}{out.stderr}"


@pytest.mark.parametrize("code", SNIPPETS)
def test_a_snippet_passes_ruff_check(code: str, tmp_path: Path) -> None:
    out = _ruff("check", "--output-format", "concise", code=code, tmp_path=tmp_path)
    assert out.returncode == 0, f"ruff check on the snippet:\n{out.stdout}{out.stderr}"


@pytest.mark.server
@pytest.mark.parametrize("code", SNIPPETS)
def test_a_snippet_runs_against_a_real_server(code: str, default_store) -> None:  # type: ignore[no-untyped-def]
    from kg.names import label_of
    from kg.namespace import CKG
    from tests.support.server import running_server

    assert DOCUMENTED_URL in code, f"a snippet talks to the app at {DOCUMENTED_URL}, as the docs say"
    with running_server(["--workers", "1"]) as url:
        namespace: dict[str, object] = {"__name__": "snippet"}
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code.replace(DOCUMENTED_URL, url), "snippet.py", "exec"), namespace)
    roles = sorted(str(r) for r in default_store.instances(CKG.Role))
    lines = printed.getvalue().splitlines()
    assert lines, "the snippet prints what it found"
    if "rows" in namespace:  # the SPARQLWrapper part: every role, as the store has them
        assert sorted(b["r"]["value"] for b in namespace["rows"]) == roles  # type: ignore[attr-defined, index]
        assert f"{len(roles)} roles" in lines
    if "g" in namespace:  # the rdflib part: a label read through the endpoint
        from rdflib import URIRef

        assert label_of(default_store.graph, URIRef(namespace["role"])) in lines  # type: ignore[arg-type]
