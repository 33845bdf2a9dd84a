"""The path finder shows the broader skills a step covers.

A Student who learns Python programming on the way to Data Scientist covers computer
programming (``skos:broader``): the skill Student and Data Scientist require, and the one
computer science fundamentals and debugging build on, is no step of its own. The page
draws it on the canvas, linked to the step that covers it, names it on that step's card
with a link to the explorer, and the CSV download gives it a column.
"""

from __future__ import annotations

import csv
import io

import pytest

from dashboard import downloads
from dashboard.components import step_list
from dashboard.views import path as view
from kg.store import Store

PYTHON = "https://w3id.org/careerkg/id/skill/python"
PROGRAMMING = "https://w3id.org/careerkg/id/skill/computer-programming"
FUNDAMENTALS = "https://w3id.org/careerkg/id/skill/computer-science"


@pytest.fixture(scope="module")
def result(store: Store) -> dict:
    result = view.compute(store, None, "Student", [])
    step = next(s for s in result["path"]["steps"] if s["iri"] == PYTHON)
    assert [c["iri"] for c in step["covers"]] == [PROGRAMMING]  # the plan covers it: what the page must show
    assert PROGRAMMING not in [s["iri"] for s in result["path"]["steps"]]
    return result


def _texts(component) -> str:  # type: ignore[no-untyped-def]
    children = getattr(component, "children", component)
    if children is None:
        return ""
    if isinstance(children, str | int | float):
        return str(children)
    if not isinstance(children, list):
        children = [children]
    return "".join(_texts(c) for c in children)


def test_the_canvas_draws_the_covered_skill_with_the_step_covering_it(store: Store, result: dict) -> None:
    elements = view.render(store, result)["elements"]
    nodes = {e["data"]["id"]: e for e in elements if "source" not in e["data"]}
    edges = {
        (e["data"]["source"], e["data"]["target"], e["data"]["relation"])
        for e in elements
        if "source" in e["data"]
    }
    assert PROGRAMMING in nodes
    assert "path" in nodes[PROGRAMMING].get("classes", "")  # drawn as part of the plan
    # ... but told from the steps: 13 steps, 14 skills on the canvas
    assert "covered" in nodes[PROGRAMMING]["classes"].split()
    assert nodes[PROGRAMMING]["data"]["label"] == "computer programming (covered)"
    assert all("covered" not in e.get("classes", "").split() for i, e in nodes.items() if i != PROGRAMMING)
    assert (PYTHON, PROGRAMMING, "broader") in edges
    assert (FUNDAMENTALS, PROGRAMMING, "prerequisite") in edges  # what builds on it is linked


def test_the_step_card_names_what_it_covers_with_a_link(result: dict) -> None:
    items = step_list(result["path"]["steps"]).children
    card = next(li for li in items if li.to_plotly_json()["props"].get("data-iri") == PYTHON)
    covers = [c for c in card.children if "step-covers" in (getattr(c, "className", "") or "")]
    assert len(covers) == 1
    assert _texts(covers[0]) == "Covers computer programming (no step of its own)"
    links = [c for c in covers[0].children if hasattr(c, "href")]
    assert [link.href for link in links] == ["/node/computer%20programming"]
    others = [li for li in items if li.to_plotly_json()["props"].get("data-iri") != PYTHON]
    assert all("step-covers" not in (getattr(c, "className", "") or "") for li in others for c in li.children)


def test_the_page_gives_the_step_cards_the_covered_labels(store: Store, result: dict) -> None:
    steps = view.render(store, result)["steps"]
    assert "Covers computer programming (no step of its own)" in _texts(steps)


def test_the_csv_download_has_a_covers_column(result: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(downloads.to_csv(result["path"]))))
    by_iri = {r["iri"]: r for r in rows}
    assert by_iri[PYTHON]["covers"] == PROGRAMMING
    assert all(r["covers"] == "" for iri, r in by_iri.items() if iri != PYTHON)
