"""Sentences about a learning path that the CLI, the path finder page and its downloads
all say, word for word (so a mentor reading one and a learner reading another read the
same thing).

Kept apart from :mod:`kg.cli` (the dashboard does not import the command line) and
from the computation in :mod:`kg.paths`.
"""

from __future__ import annotations

__all__ = ["shortfall_note"]


def _routes(n: int) -> str:
    return f"{n} other route" if n == 1 else f"{n} other routes"


def shortfall_note(asked: int, found: int) -> str:
    """What to say when fewer alternative routes exist than were asked for ('' otherwise):
    how many were asked for, then how many exist, with no full stop (a caller ends the
    sentence as its format does).

    Parameters
    ----------
    asked : int
        The alternatives (routes other than the plan) asked for.
    found : int
        The alternatives that exist.

    Returns
    -------
    str
        ``""`` when ``found`` is at least ``asked``.

    Examples
    --------
    >>> shortfall_note(3, 1)
    '3 other routes asked for; only 1 exists'
    >>> shortfall_note(5, 3)
    '5 other routes asked for; only 3 exist'
    >>> shortfall_note(1, 0)
    '1 other route asked for; none exists'
    >>> shortfall_note(2, 2), shortfall_note(0, 0)
    ('', '')
    """
    if found >= asked:
        return ""
    if found <= 0:
        return f"{_routes(asked)} asked for; none exists"
    return f"{_routes(asked)} asked for; only {found} exist{'s' if found == 1 else ''}"
