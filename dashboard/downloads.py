"""A learning path (``LearningPath.to_dict()``) as CSV, JSON or Markdown text.

Examples
--------
>>> p = {"source": {"label": "SE"}, "target": {"label": "MLE"}, "roles": [{"label": "SE"}, {"label": "MLE"}],
...      "steps": [{"position": 1, "iri": "urn:a", "label": "A", "type": "skill", "hours": 10, "reasons": ["needed"]}],
...      "total_hours": 10, "credentials": []}
>>> print(to_csv(p).strip())
position,label,iri,type,hours,cumulative_hours,reasons
1,A,urn:a,skill,10,10,needed
>>> to_markdown(p).splitlines()[0]
'# Learning path: SE → MLE'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from kg.paths import path_notes

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
    """One row per step: position, label, IRI, type, hours, cumulative hours, reasons."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["position", "label", "iri", "type", "hours", "cumulative_hours", "reasons"])
    total = 0.0
    for s in path.get("steps", []):
        total += float(s.get("hours") or 0)
        w.writerow(
            [
                s.get("position"),
                s.get("label"),
                s.get("iri"),
                s.get("type"),
                _num(s.get("hours")),
                _num(total),
                reasons_text(s.get("reasons")),
            ]
        )
    return out.getvalue()


def to_json(path: Mapping[str, Any]) -> str:
    """The path object as indented JSON."""
    return json.dumps(path, indent=2, ensure_ascii=False, default=str)


def to_markdown(path: Mapping[str, Any]) -> str:
    """A readable Markdown report: roles, the ordered steps table, credentials."""
    lines = [
        f"# Learning path: {_label(path.get('source')) or 'known skills'} → {_label(path.get('target'))}",
        "",
    ]
    roles = [_label(r) for r in path.get("roles", [])]
    if roles:
        lines += ["Roles: " + " → ".join(roles), ""]
    lines += [f"Total: {_num(path.get('total_hours'))} hours in {len(path.get('steps', []))} steps.", ""]
    lines += [line for note in path_notes(path) for line in (f"**Note:** {note}", "")]
    lines += ["| # | skill | hours | cumulative | why |", "|---|---|---:|---:|---|"]
    total = 0.0
    for s in path.get("steps", []):
        total += float(s.get("hours") or 0)
        why = reasons_text(s.get("reasons")).replace("|", "\\|")
        lines.append(
            f"| {s.get('position')} | {s.get('label')} | {_num(s.get('hours'))} | {_num(total)} | {why} |"
        )
    creds = path.get("credentials", [])
    if creds:
        lines += ["", "## Suggested credentials", ""]
        for c in creds:
            covers = ", ".join(_label(x) for x in c.get("covers", []))
            lines.append(f"- **{_label(c)}** ({c.get('type', '')}): covers {covers}")
            if c.get("expects"):
                before = ", ".join(_label(x) for x in c["expects"])
                lines.append(f"  - expects beforehand, not in this plan: {before}")
            if c.get("last_day"):
                lines.append(f"  - last day to take it: {c['last_day']}")
    return "\n".join(lines) + "\n"


def render(path: Mapping[str, Any], fmt: str) -> str:
    """The path in format ``fmt`` (``csv``, ``json`` or ``md``)."""
    return {"csv": to_csv, "json": to_json, "md": to_markdown}[fmt](path)


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
