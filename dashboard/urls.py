"""Shareable URLs: ``/node/<name>`` and ``/path/<source>/<target>?know=…``.

Names are labels when the label finds the same node again, else prefixed names or
full IRIs; they are URL-encoded (a ``/`` inside an IRI too). Known skills are a
comma-separated ``know`` query value, each optionally with a level: ``Python:3,SQL``.

Examples
--------
>>> node_url("Deep learning")
'/node/Deep%20learning'
>>> path_url("Software Engineer", "Machine Learning Engineer", [("Python", 3), ("SQL", None)])
'/path/Software%20Engineer/Machine%20Learning%20Engineer?know=Python%3A3%2CSQL'
>>> parse_know("Python:3,SQL, skill:statistics")
[('Python', 3), ('SQL', None), ('skill:statistics', None)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import quote, unquote, urlencode

__all__ = ["NO_SOURCE", "format_know", "node_url", "page_title", "parse_know", "path_url", "unquote_name"]

NO_SOURCE = "-"
"""The source segment of a path URL when the learner starts from known skills only."""


def node_url(name: str) -> str:
    """The explorer URL with one node selected."""
    return "/node/" + quote(name, safe="")


def format_know(know: Iterable[tuple[str, int | None]]) -> str:
    """``[("Python", 3), ("SQL", None)]`` → ``"Python:3,SQL"``.

    Examples
    --------
    >>> format_know([("Python", 3), ("SQL", None), ("R", 0)])
    'Python:3,SQL,R:0'
    """
    return ",".join(name if level is None else f"{name}:{level}" for name, level in know)


def path_url(source: str | None, target: str, know: Sequence[tuple[str, int | None]] = ()) -> str:
    """The path-finder URL of a learning path (``-`` when there is no source role)."""
    url = "/path/" + quote(source or NO_SOURCE, safe="") + "/" + quote(target, safe="")
    if know:
        url += "?" + urlencode({"know": format_know(know)}, quote_via=quote)
    return url


def parse_know(text: str | Sequence[str] | None) -> list[tuple[str, int | None]]:
    """Parse the ``know`` query value: names separated by commas, each with an optional
    ``:level``. Repeated ``know`` parameters arrive as a list and are merged.

    The level is kept as written: whether it is one from 1 to 5 is for
    :func:`kg.paths.resolve_known` to say, which names what is wrong ("level 9 in
    'Python:9' is out of range"). ``Python:9`` read as level 5 planned for a level the
    user never gave.

    Examples
    --------
    >>> parse_know(["Python:9", "SQL:0"])
    [('Python', 9), ('SQL', 0)]
    """
    if not text:
        return []
    parts = [text] if isinstance(text, str) else list(text)
    out: list[tuple[str, int | None]] = []
    for part in parts:
        for item in part.split(","):
            item = item.strip()
            if not item:
                continue
            name, _, level = item.rpartition(":")
            if name and level.isdigit():
                out.append((name.strip(), int(level)))
            else:
                out.append((item, None))
    return out


def unquote_name(segment: str | None) -> str | None:
    """A path segment as the user meant it (``None`` for empty or ``-``).

    Examples
    --------
    >>> unquote_name("Deep%20learning"), unquote_name("-")
    ('Deep learning', None)
    """
    if not segment:
        return None
    name = unquote(segment).strip()
    return None if name in ("", NO_SOURCE, "none") else name


def page_title(page: str, *names: str | None) -> str:
    """A page's browser title: the names in its address first, so tabs and history tell
    one node or path from another.

    Examples
    --------
    >>> page_title("Explorer", "deep%20learning")
    'deep learning · careerkg Explorer'
    >>> page_title("Path finder", "-", "Data%20Scientist"), page_title("Explorer")
    ('known skills → Data Scientist · careerkg Path finder', 'careerkg · Explorer')
    """
    if not any(names):
        return f"careerkg · {page}"
    shown = [unquote_name(n) or "known skills" for n in names]
    return f"{' → '.join(shown)} · careerkg {page}"
