"""A learning path (``LearningPath.to_dict()``) as CSV, JSON or Markdown text.

Examples
--------
>>> p = {"source": {"label": "SE"}, "target": {"label": "MLE"}, "roles": [{"label": "SE"}, {"label": "MLE"}],
...      "steps": [{"position": 1, "iri": "urn:a", "label": "A", "type": "skill", "level": 3, "hours": 10,
...                 "reasons": ["needed"]}], "total_hours": 10, "credentials": []}
>>> print(to_csv(p).strip())
position,label,iri,type,from_level,level,hours,cumulative_hours,hours_estimated,reasons,covers
1,A,urn:a,skill,0,3,10,10,false,needed,
>>> to_markdown(p).splitlines()[0]
'# Learning path: SE → MLE'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from kg.paths import alternative_note, path_notes
from kg.pathtext import SCOPE_OPTIONAL, VALIDATING_TITLE, hours_text, shortfall_note

__all__ = ["FORMATS", "filename", "reasons_text", "render", "to_csv", "to_json", "to_markdown"]

FORMATS = {"csv": "text/csv", "json": "application/json", "md": "text/markdown"}


def reasons_text(reasons: Any, sep: str = "; ") -> str:
    """A step's reasons as one string (they may be a list or already a string).

    Examples
    --------
    >>> reasons_text(["required by X", "prerequisite of Y"])
    'required by X; prerequisite of Y'
    """
    if reasons is None:
        return ""
    if isinstance(reasons, str):
        return reasons
    return sep.join(str(r) for r in reasons)


def _num(x: Any) -> str:
    try:
        return f"{float(x):g}"
    except (TypeError, ValueError):
        return ""


def _label(item: Any) -> str:
    if isinstance(item, Mapping):
        return str(item.get("label") or item.get("iri") or "")
    return str(item or "")


def to_csv(path: Mapping[str, Any]) -> str:
    """One row per step: position, label, IRI, type, the levels it goes between, hours,
    cumulative hours (the plan's own), whether the hours are assumed, reasons, and the
    IRIs of the broader skills it covers (``covers``, joined by ``"; "``; those are no
    step of their own).

    Examples
    --------
    >>> step = {"position": 1, "label": "SQL", "iri": "urn:sql", "type": "skill", "from_level": 2,
    ...         "level": 4, "hours": 26.666, "cumulative_hours": 26.666, "reasons": ["needed"],
    ...         "covers": ["urn:databases"]}
    >>> print(to_csv({"steps": [step]}).strip())
    position,label,iri,type,from_level,level,hours,cumulative_hours,hours_estimated,reasons,covers
    1,SQL,urn:sql,skill,2,4,26.666,26.666,false,needed,urn:databases
    """
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        [
            "position",
            "label",
            "iri",
            "type",
            "from_level",
            "level",
            "hours",
            "cumulative_hours",
            "hours_estimated",
            "reasons",
            "covers",
        ]
    )
    total = 0.0
    for s in path.get("steps", []):
        total += float(s.get("hours") or 0)
        w.writerow(
            [
                s.get("position"),
                s.get("label"),
                s.get("iri"),
                s.get("type"),
                s.get("from_level", 0),
                s.get("level", ""),
                _num(s.get("hours")),
                _num(s.get("cumulative_hours", total)),
                "true" if s.get("hours_estimated") else "false",
                reasons_text(s.get("reasons")),
                "; ".join(str(c.get("iri") if isinstance(c, Mapping) else c) for c in s.get("covers") or []),
            ]
        )
    return out.getvalue()


def to_json(path: Mapping[str, Any]) -> str:
    """The path object as indented JSON."""
    return json.dumps(path, indent=2, ensure_ascii=False, default=str)


def _h(x: Any) -> str:
    """Hours as the page and the CLI give them (:func:`kg.pathtext.hours_text`).

    Examples
    --------
    >>> _h(871.66), _h(13.333), _h(6.666), _h(None), _h("x")
    ('872', '13', '6.7', '0', '')
    """
    try:
        return hours_text(None if x is None else float(x))
    except (TypeError, ValueError):
        return ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _chain(path: Mapping[str, Any]) -> str:
    """The role chain, ``⇢`` for a direct switch (as the CLI draws it)."""
    return (" ⇢ " if path.get("switch") else " → ").join(_label(r) for r in path.get("roles", []))


def _fewer(path: Mapping[str, Any], asked: int) -> str:
    """What the CLI and the page say when fewer alternatives exist than were asked for
    ('' otherwise): :func:`kg.pathtext.shortfall_note`, a sentence.

    Examples
    --------
    >>> _fewer({"alternatives": [{}]}, 3), _fewer({}, 2), _fewer({}, 0)
    ('3 other routes asked for; only 1 exists.', '2 other routes asked for; none exists.', '')
    """
    note = shortfall_note(asked, len(path.get("alternatives") or []))
    return f"{note}." if note else ""


def to_markdown(path: Mapping[str, Any], asked: int = 0) -> str:
    """A readable Markdown report with what ``careerkg path --format md`` says: roles
    (typical years, a direct switch), known skills, the notes, the ordered steps table
    with levels, credentials, the steps to learn alone and the alternatives, and that
    fewer exist than the ``asked`` for when so.

    Examples
    --------
    >>> p = {"source": None, "target": {"label": "MLE"}, "roles": [{"label": "MLE"}],
    ...      "known": [{"label": "Python", "level": 4}], "total_hours": 13.333,
    ...      "steps": [{"position": 1, "label": "SQL", "from_level": 2, "level": 3, "hours": 13.333,
    ...                 "cumulative_hours": 13.333, "reasons": ["required by MLE"]}],
    ...      "uncovered": [{"label": "SQL"}]}
    >>> print(to_markdown(p))  # doctest: +NORMALIZE_WHITESPACE
    # Learning path: known skills → MLE
    <BLANKLINE>
    Roles: MLE
    <BLANKLINE>
    Known: Python (level 4)
    <BLANKLINE>
    Total: 13 hours in 1 step.
    <BLANKLINE>
    | # | skill | level | hours | cumulative | why |
    |---:|---|---|---:|---:|---|
    | 1 | SQL | 2→3 | 13 | 13 | required by MLE |
    >>> print(to_markdown({**p, "known": []}).splitlines()[4])
    Known: nothing given, so the plan starts from no skill ('I already know' takes yours)
    """
    lines = [
        f"# Learning path: {_label(path.get('source')) or 'known skills'} → {_label(path.get('target'))}",
        "",
    ]
    if path.get("roles"):
        years = float(path.get("years") or 0)
        typical = f" (typically {years:g} {'year' if years == 1 else 'years'})" if years else ""
        switch = " (direct switch: no career progression leads there)" if path.get("switch") else ""
        lines += [f"Roles: {_chain(path)}{typical}{switch}", ""]
    if path.get("optional"):
        lines += [f"Plans: {SCOPE_OPTIONAL}", ""]
    known = path.get("known") or []
    if known:
        lines += ["Known: " + ", ".join(f"{_label(k)} (level {k.get('level')})" for k in known), ""]
    elif not path.get("source"):  # no current role and no skill given: say so, as the CLI does
        lines += ["Known: nothing given, so the plan starts from no skill ('I already know' takes yours)", ""]
    steps = path.get("steps", [])
    lines += [f"Total: {_h(path.get('total_hours'))} hours in {_plural(len(steps), 'step')}.", ""]
    lines += [line for note in path_notes(path) for line in (f"**Note:** {note}", "")]
    lines += ["| # | skill | level | hours | cumulative | why |", "|---:|---|---|---:|---:|---|"]
    total = 0.0
    for s in steps:
        total += float(s.get("hours") or 0)
        why = reasons_text(s.get("reasons")).replace("|", "\\|")
        label = str(s.get("label")).replace("|", "\\|")  # a pipe would end the cell
        level = f"{s.get('from_level', 0)}→{s.get('level', '')}"
        lines.append(
            f"| {s.get('position')} | {label} | {level} | {_h(s.get('hours'))} "
            f"| {_h(s.get('cumulative_hours', total))} | {why} |"
        )
    for title, creds in (
        ("Suggested credentials", path.get("credentials", [])),
        (VALIDATING_TITLE[0].upper() + VALIDATING_TITLE[1:], path.get("validating") or []),
    ):
        if not creds:
            continue
        lines += ["", f"## {title}", ""]
        for c in creds:
            covers = ", ".join(_label(x) for x in c.get("covers", []))
            hours = f", {_h(c['hours'])} h" if c.get("hours") else ""
            lines.append(f"- **{_label(c)}** ({c.get('type', '')}{hours}): covers {covers}")
            if c.get("expects"):
                before = ", ".join(_label(x) for x in c["expects"])
                lines.append(f"  - expects beforehand, not in this plan: {before}")
            if c.get("last_day"):
                lines.append(f"  - last day to take it: {c['last_day']}")
    uncovered = path.get("uncovered") or []
    if uncovered and path.get("credentials"):
        lines += ["", "Learn alone (no credential covers them): " + ", ".join(_label(x) for x in uncovered)]
    alternatives = path.get("alternatives") or []
    if alternatives:
        lines += ["", "## Alternatives", ""]
        for a in alternatives:
            n = len(a.get("steps", []))
            years = float(a.get("years") or 0)
            typical = f" (typically {years:g} {'year' if years == 1 else 'years'})" if years else ""
            lines.append(f"- {_chain(a)}{typical}: {_h(a.get('total_hours'))} hours in {_plural(n, 'step')}")
            lines.append(f"  - against the plan above: {alternative_note(path, a)}")
    if fewer := _fewer(path, asked):  # as the page and the CLI say it
        lines += ["", f"({fewer})"] if alternatives else ["", "## Alternatives", "", fewer]
    return "\n".join(lines) + "\n"


def render(path: Mapping[str, Any], fmt: str, asked: int = 0) -> str:
    """The path in format ``fmt`` (``csv``, ``json`` or ``md``); ``asked``, the
    alternatives asked for, lets the Markdown say when fewer exist."""
    if fmt == "md":
        return to_markdown(path, asked)
    return {"csv": to_csv, "json": to_json}[fmt](path)


def filename(path: Mapping[str, Any], fmt: str) -> str:
    """A file name such as ``path-software-engineer-to-machine-learning-engineer.csv``.

    Examples
    --------
    >>> filename({"source": {"label": "Software Engineer"}, "target": {"label": "ML Engineer"}}, "md")
    'path-software-engineer-to-ml-engineer.md'
    """

    def slug(text: str) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "x"

    src = slug(_label(path.get("source")) or "known-skills")
    return f"path-{src}-to-{slug(_label(path.get('target')))}.{fmt}"
