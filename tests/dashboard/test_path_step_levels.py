"""The Path finder's steps say the level each goes to (``0→3``, ``3→4``), as the CLI's
table does, also for a step that is only a prerequisite of another."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.views import path as view
from kg.store import Store
from tests.support.components import texts

ROLE = "https://w3id.org/careerkg/id/role/"
SKILL = "https://w3id.org/careerkg/id/skill/"


def _levels(component: Any) -> list[Any]:
    """The components of class ``step-level`` in a tree, depth first."""
    if isinstance(component, list | tuple):
        return [found for c in component for found in _levels(c)]
    if component is None or isinstance(component, str | int | float):
        return []
    own = [component] if getattr(component, "className", None) == "step-level" else []
    return own + _levels(getattr(component, "children", None))


@pytest.mark.parametrize(
    ("source", "target", "know"),
    [
        ("software-engineer", "machine-learning-engineer", []),  # 'decision trees': only a prerequisite
        ("data-analyst", "data-scientist", [SKILL + "python:4"]),  # steps up from a level held
    ],
)
def test_each_step_says_the_level_it_goes_between(source: str, target: str, know: list[str]) -> None:
    # the page listed 'decision trees 40.0 h Σ 820.0 h' with no level; the CLI said 0→3
    result = view.compute(Store.default(), ROLE + source, ROLE + target, know)
    steps = result["path"]["steps"]
    shown = _levels(view.render(Store.default(), result)["steps"])
    assert len(shown) == len(steps)
    for step, level in zip(steps, shown, strict=True):
        assert texts(level).split()[0] == f"{step['from_level']}→{step['level']}"
        assert f"from level {step['from_level']} to {step['level']}" in texts(level)  # read aloud
        assert level.title == f"from level {step['from_level']} to level {step['level']}"
    if not know:
        only = [s for s in steps if all(r.startswith("prerequisite of") for r in s["reasons"])]
        assert only, "no step that is only a prerequisite"
        assert all(texts(shown[s["position"] - 1]).startswith(f"0→{s['level']}") for s in only)
    else:
        assert any(s["from_level"] > 0 for s in steps)
