"""The page shown for an address no page answers (Dash's ``not_found_404`` page).

Examples
--------
>>> pages = [{"name": "Explorer", "relative_path": "/", "order": 0, "description": "Explore."},
...          {"name": "Page not found", "relative_path": "/404", "hidden": True}]
>>> page = not_found(pages)
>>> page.children[0].children
'Page not found'
>>> [link.href for link in page_links(pages)]
['/']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash import dcc, html

from dashboard.components import nav_pages
from dashboard.urls import path_url, unquote_name

__all__ = ["address_hint", "not_found", "not_found_items", "page_links"]


def page_links(pages: Sequence[Mapping[str, Any]]) -> list[dcc.Link]:
    """One link per page of the top bar (hidden pages, such as this one, left out), in order.

    Parameters
    ----------
    pages : sequence of mapping
        The page registry (``dash.page_registry.values()``): ``name``,
        ``relative_path``, ``order``, ``description`` and ``hidden``.

    Returns
    -------
    list of dcc.Link
        A link to each page, titled with its description.
    """
    return [
        dcc.Link(p["name"], href=p["relative_path"], title=p.get("description") or None)
        for p in nav_pages(pages)
    ]


def not_found_items(pages: Sequence[Mapping[str, Any]]) -> list[html.Li]:
    """One list item per page of the top bar: its link, and what the page is for.

    Examples
    --------
    >>> [li.children[1].children for li in not_found_items([{"name": "Explorer", "relative_path": "/",
    ...     "order": 0, "description": "Explore."}])]
    [' — Explore.']
    """
    shown = nav_pages(pages)
    return [
        html.Li(
            [link, html.Span(f" — {p['description']}", className="muted") if p.get("description") else None]
        )
        for p, link in zip(shown, page_links(shown), strict=True)
    ]


def not_found(pages: Sequence[Mapping[str, Any]]) -> html.Div:
    """The page: what happened, a link back to the Explorer (the first page), and the
    list of pages with what each is for.

    Parameters
    ----------
    pages : sequence of mapping
        The page registry, as for :func:`page_links`.

    Returns
    -------
    dash.html.Div
        The page's layout.
    """
    shown = nav_pages(pages)
    home = shown[0] if shown else {"name": "Explorer", "relative_path": "/"}
    items = not_found_items(shown)
    return html.Div(
        [
            html.H1("Page not found", id="not-found-title"),
            html.P(
                "No page of careerkg lives at this address; the link may be old or mistyped.",
                className="muted",
            ),
            # what the address most likely meant, once the browser has said what it is
            dcc.Location(id="not-found-location", refresh=False),
            html.Div(id="not-found-meant-wrap"),
            html.P(
                dcc.Link(
                    f"← Back to the {home['name']}",
                    href=home["relative_path"],
                    className="btn btn-primary",
                    id="not-found-home",
                )
            ),
            html.H2("Pages"),
            html.Ul(items, className="not-found-pages", id="not-found-pages"),
        ],
        className="not-found",
    )


def address_hint(path: str | None) -> Any:
    """What to offer for an address that is nearly a page's: ``None`` when nothing.

    ``/path/Data%20Scientist`` names one role where the path finder's address names two
    (``/path/SOURCE/TARGET``, ``-`` for no source role, as ``careerkg path -
    TARGET``): it offers the path to that role from the skills the user knows.

    Parameters
    ----------
    path : str or None
        The address's path without the app's prefix and slashes
        (``dash.strip_relative_path``).

    Examples
    --------
    >>> hint = address_hint("path/Data%20Scientist")
    >>> [c.children if hasattr(c, "children") else c for c in hint.children]
    ['The path finder’s address names a source role and a target role: /path/SOURCE/TARGET, with - for no source. Did you mean ', 'the way to Data Scientist', '?']
    >>> hint.children[1].href
    '/path/-/Data%20Scientist'
    >>> address_hint("nowhere") is None, address_hint("path/-") is None
    (True, True)

    ``/node/`` names no node (a name cut off, or typed by hand): it offers the explorer.

    >>> hint = address_hint("node")
    >>> hint.children[0], hint.children[1].href
    ('The explorer’s address names a node after /node/, as /node/Python. Did you mean ', '/')
    """
    parts = (path or "").split("/")
    if parts == ["node"]:
        meant, href = "the explorer", "/"
        said = "The explorer’s address names a node after /node/, as /node/Python. Did you mean "
    elif len(parts) == 2 and parts[0] == "path" and (target := unquote_name(parts[1])):
        meant, href = f"the way to {target}", path_url(None, target)
        said = (
            "The path finder’s address names a source role and a target role: "
            "/path/SOURCE/TARGET, with - for no source. Did you mean "
        )
    else:
        return None
    return html.P(
        [said, dcc.Link(meant, href=href, id="not-found-meant"), "?"],
        className="suggest",
        id="not-found-hint",
    )
