"""The path finder's weeks tile reads as a person would say it: a plan under a week
said "≈0 weeks" (under 5 h) or "≈1 weeks", and a plan of nothing to learn "≈0 weeks"."""

from __future__ import annotations

from typing import Any

from dashboard.views import path as view
from kg.store import Store
from tests.support.components import texts

DS = "https://w3id.org/careerkg/id/role/data-scientist"


def _summary(store: Store, source: str | None, know: list[str]) -> str:
    result: Any = view.compute(store, source, DS, know)
    assert result["error"] is None
    return str(texts(view.render(store, result)["summary"]))


def test_a_plan_under_a_week_says_so(store: Store) -> None:
    steps = view.compute(store, None, DS, [])["path"]["steps"]
    # every skill known but the last, Git, known at level 2 of the 3 required: 6.7 h
    know = [s["iri"] + ":5" for s in steps[:-1]] + [steps[-1]["iri"] + ":2"]
    shown = _summary(store, None, know)
    assert "6.7 hours" in shown
    assert "under 1 week at 10 h/week" in shown
    assert "≈" not in shown


def test_nothing_to_learn_has_no_weeks(store: Store) -> None:
    shown = _summary(store, DS, [])
    assert "0 hours" in shown
    assert "week" not in shown


def test_a_long_plan_keeps_its_weeks(store: Store) -> None:
    shown = _summary(store, None, [])
    total = view.compute(store, None, DS, [])["path"]["total_hours"]
    assert f"≈{int(total / 10 + 0.5):,} weeks at 10 h/week" in shown
