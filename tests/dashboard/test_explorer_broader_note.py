"""The explorer says what 'part of broader skill' means for paths and gap reports.

The details of Python programming listed "Part of broader skills: computer programming"
and those of computer programming "Includes narrower skills: Python programming, ..."
with nothing saying that a learner who knows Python is credited computer programming
up to level 3, and a plan learning Python covers it.
"""

from __future__ import annotations

from dashboard.components import details_panel
from kg.explore import node_details, resolve
from kg.paths import PREREQUISITE_LEVEL
from kg.store import Store


def _text(component) -> str:  # type: ignore[no-untyped-def]
    children = getattr(component, "children", component)
    if children is None:
        return ""
    if isinstance(children, str | int | float):
        return str(children)
    if not isinstance(children, list | tuple):
        children = [children]
    return " ".join(_text(c) for c in children)


def _notes(component) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    if "broader-note" in (getattr(component, "className", "") or ""):
        found.append(_text(component))
    children = getattr(component, "children", None)
    if isinstance(children, list | tuple):
        for c in children:
            found += _notes(c)
    elif children is not None and not isinstance(children, str | int | float):
        found += _notes(children)
    return found


def test_a_narrower_skill_says_it_counts_for_its_broader_skills() -> None:
    store = Store.default()
    panel = details_panel(node_details(store, resolve(store, "Python programming")))
    assert _notes(panel) == [
        f"Knowing or learning Python programming counts for each up to level {PREREQUISITE_LEVEL} "
        "in learning paths and gap reports."
    ]


def test_a_broader_skill_says_its_narrower_skills_count_for_it() -> None:
    store = Store.default()
    panel = details_panel(node_details(store, resolve(store, "computer programming")))
    assert _notes(panel) == [
        f"Knowing or learning one of them counts for computer programming up to level {PREREQUISITE_LEVEL} "
        "in learning paths and gap reports."
    ]


def test_other_skills_have_no_such_note() -> None:
    store = Store.default()
    assert _notes(details_panel(node_details(store, resolve(store, "statistics")))) == []
