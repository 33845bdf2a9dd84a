"""The browser test modules that test a phone and a desktop (``*phone*_browser.py``)
take the screen sizes named in tests/dashboard/conftest.py (``PHONE``, ``DESKTOP``,
``TABLET``, ``SCREENS``), rather than sizes of their own.

The overview's and the gaps page's phone modules each had their own phone-and-desktop
fixture, whose "desktop" was a 1440 x 900 window: not the 1280 x 800 desktop the other
modules test, so the same words meant two sizes, and the charts were never checked at
the desktop size the rest of the suite uses.
"""

from __future__ import annotations

import ast
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sizes_written_out(source: str) -> list[int]:
    """The lines of ``source`` that write a screen size out (a dict literal with a
    ``"width"`` and a ``"height"`` key) instead of naming one.

    Examples
    --------
    >>> sizes_written_out('open_page(b, s, {"width": 1440, "height": 900})\\nopen_page(b, s, PHONE)')
    [1]
    >>> sizes_written_out('row = {"width": r.width}')
    []
    """
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"width", "height"} <= keys:
                lines.append(node.lineno)
    return lines


def test_phone_and_desktop_modules_name_their_screen_sizes() -> None:
    modules = sorted(HERE.glob("*phone*_browser.py"))
    assert len(modules) >= 4, modules  # the overview's, the gaps page's, the explorer's, the canvases'
    written = {m.name: lines for m in modules if (lines := sizes_written_out(m.read_text()))}
    assert written == {}, f"screen sizes written out (name one from tests/dashboard/conftest.py): {written}"
