"""A target role's long list of uncovered skills shows its first names and folds the
rest ("and 20 more"), last in the role's entry. On ESCO, Data Scientist's 56 uncovered
essential skills were a block of text some 45 lines tall in the findings."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.views import gaps as view
from kg.store import Store
from tests.support.components import texts


def _find(component: Any, kind: type) -> list[Any]:
    found = [component] if isinstance(component, kind) else []
    kids = getattr(component, "children", None)
    for kid in kids if isinstance(kids, list | tuple) else [kids]:
        if kid is not None and not isinstance(kid, str | int | float):
            found += _find(kid, kind)
    return found


def test_a_long_list_of_uncovered_skills_folds_after_the_first_names() -> None:
    plan = "course,term,teaches\nSQL basics,1,SQL\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv", ["Machine Learning Engineer"])["report"]
    uncovered = [u["label"] for u in report["coverage"][0]["uncovered"]]
    assert len(uncovered) > view.FOLD_AFTER + 1
    entry = _find(view.findings_list(report), html.Li)[-1]
    folds = _find(entry, html.Details)
    assert len(folds) == 1
    summary, rest = folds[0].children
    assert summary.children == f"and {len(uncovered) - view.FOLD_AFTER} more"
    assert rest.children == ", ".join(uncovered[view.FOLD_AFTER :])
    assert entry.children[-1] is folds[0]  # last: it opens in place, nothing after it
    shown = texts(entry)
    assert ", ".join(uncovered[: view.FOLD_AFTER]) in shown  # the first names, in order


def test_a_short_list_is_not_folded() -> None:
    plan = "course,term,teaches\nSQL basics,1,SQL\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv", ["Data Analyst"])["report"]
    uncovered = report["coverage"][0]["uncovered"]
    assert 0 < len(uncovered) <= view.FOLD_AFTER + 1
    assert not _find(view.findings_list(report), html.Details)
