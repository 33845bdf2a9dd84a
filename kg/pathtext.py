"""Sentences about a learning path that the CLI, the path finder page and its downloads
all say, word for word (so a mentor reading one and a learner reading another read the
same thing).

Kept apart from :mod:`kg.cli` (the dashboard does not import the command line) and
from the computation in :mod:`kg.paths`; :mod:`kg.paths` may use them.
"""

from __future__ import annotations

__all__ = [
    "COVERING",
    "HOURS_PER_WEEK",
    "SCOPE_OPTIONAL",
    "VALIDATING_TITLE",
    "hours_text",
    "shortfall_note",
    "weeks_text",
]

COVERING = "credentials covering the plan"
"""The heading of the credentials that take less effort than learning their steps alone."""

VALIDATING_TITLE = "certifications to prove it once learnt (their hours: exam preparation)"
"""The heading of the certifications whose exam validates the plan's steps
(:func:`kg.paths.validating_certifications`): they expect the skills beforehand, so
their hours add to the plan's rather than replace them."""

HOURS_PER_WEEK = 10
"""The study hours a week the path finder counts weeks at."""

SCOPE_OPTIONAL = "essential and optional skill requirements"
"""What a plan that covers optional requirements too (``optional=True``) says it covers
(a plan of the essential ones says nothing: that is the default)."""


def hours_text(value: float | None, *, sign: bool = False) -> str:
    """Learning hours as people read them, the one rule for every place a path's hours
    are shown (the path finder page and its chart, the Markdown download, ``careerkg
    path`` as a table or Markdown, how an alternative differs): whole hours from 10 up,
    with thousands separators, one decimal below (a whole number without it).

    The hours are estimates (a skill's hours, scaled to the levels a step goes
    between): "871.66" is no more true than "872". The page said 872 hours where the
    Markdown download and the CLI said 871.7.

    Parameters
    ----------
    value : float or None
        The hours (``None`` reads as 0).
    sign : bool
        Write ``+`` before a number that is not negative (a difference: ``+293``).

    Returns
    -------
    str
        The number, without a unit.

    Examples
    --------
    >>> hours_text(871.66), hours_text(1648.33), hours_text(13.33), hours_text(9.96)
    ('872', '1,648', '13', '10')
    >>> hours_text(6.666), hours_text(40.0), hours_text(None), hours_text(13.46)
    ('6.7', '40', '0', '13')
    >>> hours_text(293.3, sign=True), hours_text(-6.66, sign=True), hours_text(-0.01, sign=True)
    ('+293', '-6.7', '+0')
    """
    h = float(value or 0)
    tenths = round(h, 1)  # which form: 9.96 is "10", not "10.0"
    plus = "+" if sign else ""
    if tenths == 0:
        return f"{0:{plus}}"  # no "-0"
    if abs(tenths) >= 10:  # rounded once, from the hours themselves (13.46 is 13, not 13.5 then 14)
        return f"{h:{plus},.0f}"
    if tenths == int(tenths):
        return f"{tenths:{plus}.0f}"
    return f"{tenths:{plus}.1f}"


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


def weeks_text(hours: float | None, per_week: float = HOURS_PER_WEEK) -> tuple[str, str] | None:
    """A plan's learning hours as weeks of study: ``(number, words)`` for the path
    finder's tile, ``None`` for a plan of no hours (nothing to learn takes no weeks).

    Under a week reads "under 1 week" (a plan of 4 h said "≈0 weeks", of 7 h "≈1
    weeks"); from a week up, the weeks rounded half up, singular or plural.

    Parameters
    ----------
    hours : float or None
        The plan's total hours.
    per_week : float
        The study hours a week.

    Returns
    -------
    tuple of str, or None
        The number as shown (``"under 1"``, ``"≈3"``) and the words after it.

    Examples
    --------
    >>> weeks_text(4.5), weeks_text(6.67)
    (('under 1', 'week at 10 h/week'), ('under 1', 'week at 10 h/week'))
    >>> weeks_text(10), weeks_text(14.9), weeks_text(15), weeks_text(872)
    (('≈1', 'week at 10 h/week'), ('≈1', 'week at 10 h/week'), ('≈2', 'weeks at 10 h/week'), ('≈87', 'weeks at 10 h/week'))
    >>> weeks_text(0) is None, weeks_text(None) is None
    (True, True)
    """
    h = float(hours or 0)
    if h <= 0:
        return None
    rate = f"{per_week:g} h/week"
    weeks = h / per_week
    if weeks < 1:
        return "under 1", f"week at {rate}"
    n = int(weeks + 0.5)  # half up: 15 h is 2 weeks, not "≈2" one time and "≈1" another
    return f"≈{n:,}", f"{'week' if n == 1 else 'weeks'} at {rate}"
