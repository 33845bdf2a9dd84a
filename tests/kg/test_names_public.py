"""What other modules use of kg.names is public: the explorer paused the cycle collector
through ``kg.names._collector_paused``, a private name of another module."""

from __future__ import annotations

import ast
import gc
from pathlib import Path

import kg.explore
import kg.names


def _private_imports(module: object) -> list[str]:
    """``module.name`` of each private name the module imports from another kg module."""
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    return [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kg")
        for alias in node.names
        if alias.name.startswith("_")
    ]


def test_the_explorer_imports_no_private_name() -> None:
    assert _private_imports(kg.explore) == []


def test_the_collector_pause_is_public_and_restores_the_collector() -> None:
    assert "collector_paused" in kg.names.__all__
    was = gc.isenabled()
    with kg.names.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is was
    gc.disable()
    try:
        with kg.names.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # paused before: left paused
    finally:
        if was:
            gc.enable()
