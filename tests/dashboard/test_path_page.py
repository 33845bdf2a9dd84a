"""The path finder page's callbacks: the page is remembered per question and per day (a
credential retired overnight is not offered the next day by a server that kept
running), and the lines drawn have a legend."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import kg.paths
from kg.store import Store
from tests.support.components import texts

ASSOCIATE = "https://w3id.org/careerkg/id/credential/aws-certified-machine-learning-engineer-associate"


def _credentials(outputs: list[Any]) -> str:
    return texts(outputs[5])  # the page's credentials section


def test_the_page_asked_again_the_day_after_a_retirement_drops_the_credential(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboard.app import create_app

    retiring = tmp_path / "retiring.ttl"
    retiring.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'<{ASSOCIATE}> ckg:retiredOn "2099-06-30"^^xsd:date .\n',
        encoding="utf-8",
    )
    app = create_app(Store.default(extra=[retiring]), warm=False)
    from dashboard.pages import path as page

    def ask() -> str:
        with app.server.app_context():  # the app's store
            return _credentials(page._find(1, "Software Engineer", [], "Machine Learning Engineer", 0))

    monkeypatch.setattr(kg.paths, "plan_day", lambda: date(2099, 6, 30))
    assert "AWS Certified Machine Learning Engineer – Associate" in ask()
    assert "Last day to take it: 2099-06-30" in ask()
    monkeypatch.setattr(kg.paths, "plan_day", lambda: date(2099, 7, 1))
    assert "AWS Certified Machine Learning Engineer" not in ask()


def _find_by_id(component: Any, ident: str) -> Any:
    if getattr(component, "id", None) == ident:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found = _find_by_id(child, ident)
            if found is not None:
                return found
    return None


def test_the_lines_the_path_draws_have_a_legend_in_the_path_colour() -> None:
    from dashboard import ids
    from dashboard.app import create_app
    from dashboard.styles import EDGE_STYLES, HIGHLIGHT

    app = create_app(Store.default(), warm=False)
    from dashboard.pages import path as page

    with app.server.app_context():
        shown = page.layout(source="Data Analyst", target="Machine Learning Engineer")
        found = page._find(1, "Data Analyst", [], "Machine Learning Engineer", 0)
        empty = page.layout()
    legend = _find_by_id(shown, ids.PATH_EDGE_LEGEND)
    assert texts(legend).split() == ["requires", "has", "prerequisite", "progresses", "to"]
    for item, rel in zip(legend.children, ["requires", "prerequisite", "progresses"], strict=True):
        assert item.children[0].style["borderTop"].endswith(f"{EDGE_STYLES[rel]['style']} {HIGHLIGHT}")
    # a path found on the page redraws the legend from the elements drawn
    elements = found[8]
    assert texts(page._lines(elements)) == texts(legend.children)
    from_skills = [e for e in elements if e["data"].get("relation") != "progresses"]
    assert "progresses to" not in texts(page._lines(from_skills))
    assert texts(_find_by_id(empty, ids.PATH_EDGE_LEGEND)) == ""


@pytest.mark.parametrize(
    ("source", "know", "years"),
    [
        ("Data Analyst", [], "2"),  # one career step of ~2 years
        ("Software Engineer", [], None),  # a direct switch: no career step, no years
        (None, ["https://w3id.org/careerkg/id/skill/python"], None),  # from known skills
    ],
)
def test_the_years_tile_shows_only_the_years_of_career_steps(
    source: str | None, know: list[str], years: str | None
) -> None:
    from dashboard.views import path as view

    store = Store.default()
    result = view.compute(store, source, "Data Scientist", know, 0)
    assert result["path"]["switch"] is (source == "Software Engineer")
    tiles = _find_by_id(view.render(store, result)["summary"], "path-kpis")
    shown = [texts(tile) for tile in tiles.children if tile is not None]
    said = [t for t in shown if t.endswith("typical years of experience")]
    assert said == ([] if years is None else [f"{years} typical years of experience"])


def test_a_plan_with_nothing_to_learn_says_why_in_the_users_terms() -> None:
    """Data Scientist to Data Scientist said "the known skills already cover the target"
    to a user who gave no skills, and "No credential in the graph covers these steps"
    under a plan of none."""
    from dashboard.views import path as view

    store = Store.default()
    out = view.render(store, view.compute(store, "Data Scientist", "Data Scientist", [], 0))
    said = texts(out["steps"]) + " " + texts(out["credentials"])
    assert "Data Scientist is your current role" in said
    assert "known skills" not in said
    assert "these steps" not in said
    assert "no credential to suggest" in said
