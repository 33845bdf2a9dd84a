"""No module of careerkg's code imports another module's private (underscore) name.

What modules share is public (named in ``__all__``, documented) in the module whose
topic it is; a private name can then change without a caller elsewhere breaking.
kg.validate, kg.shacl_fast and kg.store imported each other's helpers
(``_oxigraph_of``, ``_copy_graph``, ``_prefix_declarations``, ``_query_predicates``,
``_term_reader``), and so did kg.export, kg.names, kg.project, kg.stats, the CLI
commands (``_STORE_KEY``), kg.sparql.vocabulary and the benchmarks.
"""

from __future__ import annotations

import ast
import doctest
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kg", "dashboard", "bench")

# doctest examples that build their graph with kg.curriculum's private example fixture;
# kg.curriculum and kg.gaps are being changed by another engineer: the fixture is to be
# made public there, and the exception then removed
DOCTEST_EXCEPTIONS = {("kg/gaps.py", "kg.curriculum._example_graph")}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _absolute(module: str | None, level: int, here: str, is_package: bool) -> str:
    if not level:
        return module or ""
    base = here.split(".") if is_package else here.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(tree: ast.AST, here: str, is_package: bool) -> Iterator[tuple[int, str, str]]:
    """``(line, module, name)`` of each private name imported from another careerkg module,
    and of each private attribute read from a careerkg module imported whole."""
    modules: dict[str, str] = {}  # local name -> careerkg module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(node.module, node.level, here, is_package)
            if source.split(".")[0] not in PACKAGES:
                continue
            for alias in node.names:
                if _private(alias.name) and source != here:
                    yield node.lineno, source, alias.name
                elif _is_module(f"{source}.{alias.name}"):  # `from kg import store`
                    modules[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PACKAGES and alias.asname:
                    modules[alias.asname] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            owner = node.value
            dotted = []
            while isinstance(owner, ast.Attribute):
                dotted.append(owner.attr)
                owner = owner.value
            if not isinstance(owner, ast.Name):
                continue
            if owner.id in modules:
                source = ".".join([modules[owner.id], *reversed(dotted)])
            elif owner.id in PACKAGES:
                source = ".".join([owner.id, *reversed(dotted)])
            else:
                continue
            if source != here:
                yield node.lineno, source, node.attr


def _doctest_code(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """``(line, source)`` of each doctest example in the module's docstrings."""
    parser = doctest.DocTestParser()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            text = ast.get_docstring(node, clean=False)
            if text and ">>>" in text:
                first = node.body[0].lineno
                for example in parser.get_examples(text):
                    yield first + example.lineno, example.source


def violations(path: Path) -> list[str]:
    """Each private name ``path`` takes from another module, as ``file:line: module.name``."""
    here = _module_name(path)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [(line, source, name) for line, source, name in _imports(tree, here, is_package)]
    for line, source in _doctest_code(tree):
        try:
            example = ast.parse(source)
        except SyntaxError:
            continue
        found += [
            (line, s, n)
            for _line, s, n in _imports(example, here, is_package)
            if (path.relative_to(ROOT).as_posix(), f"{s}.{n}") not in DOCTEST_EXCEPTIONS
        ]
    rel = path.relative_to(ROOT)
    return [f"{rel}:{line}: {source}.{name}" for line, source, name in sorted(found)]


def _files() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_imports_another_module_s_private_name(package: str) -> None:
    found = [v for p in _files() if p.relative_to(ROOT).parts[0] == package for v in violations(p)]
    assert not found, "private names used across modules (make them public where they belong):\n" + "\n".join(
        found
    )


def test_the_check_sees_each_way_of_reaching_a_private_name() -> None:
    # the check itself: each form is found, a module's own names and public ones are not
    text = '''"""Doc.

>>> from kg.validate import _term_reader
"""
from kg.store import _oxigraph_of, load_file
from kg import store
from . import validate as v
import kg.shacl_fast as fast
from kg.example_module_for_the_boundary_test import _own


def f():
    """>>> from kg.store import pairs"""
    from kg.cli import _STORE_KEY

    return store._FromOx, v._copy_graph, fast._query_predicates, store.pairs, kg.names._fold_words
'''
    tree = ast.parse(text)
    here = "kg.example_module_for_the_boundary_test"
    found = sorted(f"{s}.{n}" for _line, s, n in _imports(tree, here, False))
    for _line, source in _doctest_code(tree):
        found += [f"{s}.{n}" for _l, s, n in _imports(ast.parse(source), here, False)]
    assert sorted(found) == [
        "kg.cli._STORE_KEY",
        "kg.names._fold_words",
        "kg.shacl_fast._query_predicates",
        "kg.store._FromOx",
        "kg.store._oxigraph_of",
        "kg.validate._copy_graph",
        "kg.validate._term_reader",
    ]
