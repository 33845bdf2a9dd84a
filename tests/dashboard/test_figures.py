"""The app's figures are plain dicts that Plotly accepts as they are."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard import figures
from kg.explore import hours_by_area, hours_to_roles
from kg.paths import plan
from kg.project import projection
from kg.store import Store


def test_every_figure_validates_in_plotly(store: Store) -> None:
    G = projection(store)
    result = plan(store, "Software Engineer", "Machine Learning Engineer")
    steps = [
        {"position": s.position, "iri": str(s.iri), "label": s.label, "hours": s.hours} for s in result.steps
    ]
    built = {
        "effort": figures.effort_figure(steps, {steps[0]["iri"]: "Maths"}),
        "roles": figures.role_hours_figure(hours_to_roles(G)),
        "central": figures.central_skills_figure([("a", "Python", 9, 2), ("b", "SQL", 7, 0)]),
        "hours": figures.hours_by_area_figure(hours_by_area(G)),
    }
    for name, fig in built.items():
        checked = go.Figure(fig)  # raises on any property Plotly does not know
        assert checked.layout.title.text, name
        assert len(checked.data) == len(fig["data"]), name
    effort = go.Figure(built["effort"])
    assert effort.data[-1].yaxis == "y2"
    assert list(effort.data[-1].y)[-1] == pytest.approx(sum(s["hours"] for s in steps))
    assert effort.layout.xaxis.gridcolor == "#e8ebf0"
    assert effort.layout.yaxis2.overlaying == "y"
