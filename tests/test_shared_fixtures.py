"""Test modules use the shared ``store`` fixture (tests/conftest.py) rather than a copy of it.

Twenty-eight modules each had ``@pytest.fixture(scope="module") def store(): return
Store.default()``: the same store made again per module, with its projection and label
index built again. A module keeps its own ``store`` only where it differs (another graph,
or a fresh store per test), and says how in a comment.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _scope(decorator: ast.expr) -> str | None:
    """The scope a ``@pytest.fixture(...)`` decorator gives, ``"function"`` by default;
    ``None`` for any other decorator."""
    call = decorator if isinstance(decorator, ast.Call) else None
    target = call.func if call is not None else decorator
    if ast.unparse(target) not in ("pytest.fixture", "fixture"):
        return None
    for keyword in call.keywords if call is not None else ():
        if keyword.arg == "scope" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    return "function"


def copies_of_the_shared_store(source: str) -> list[int]:
    """The lines of fixtures that are the shared default store again: scoped beyond one test,
    taking nothing and returning ``Store.default()`` with no argument.

    >>> copies_of_the_shared_store('''
    ... @pytest.fixture(scope="module")
    ... def store() -> Store:
    ...     return Store.default()
    ...
    ... @pytest.fixture
    ... def fresh() -> Store:
    ...     return Store.default()
    ...
    ... @pytest.fixture(scope="module")
    ... def small() -> Store:
    ...     return Store.default(with_default=False)
    ... ''')
    [3]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef) or node.args.args:
            continue
        scopes = [s for s in map(_scope, node.decorator_list) if s is not None]
        if not scopes or scopes[0] == "function":
            continue
        body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        returned = body[0].value if len(body) == 1 and isinstance(body[0], ast.Return) else None
        if returned is not None and ast.unparse(returned) == "Store.default()":
            found.append(node.lineno)
    return found


def test_no_module_makes_the_shared_default_store_again() -> None:
    copies = [
        f"{path.relative_to(TESTS.parent)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != "conftest.py" or path.parent != TESTS
        for line in copies_of_the_shared_store(path.read_text(encoding="utf-8"))
    ]
    assert not copies, "use the shared `store` fixture of tests/conftest.py:\n" + "\n".join(copies)


def test_the_shared_store_is_the_default_store(store, default_store) -> None:  # type: ignore[no-untyped-def]
    from kg.store import Store

    assert store is default_store
    assert isinstance(store, Store)
    assert store.kind in ("memory", "memory-oxigraph")
    assert len(store) == len(Store.default())
