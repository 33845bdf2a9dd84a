"""The overview's figures and cards: readable on the curated graph and at ESCO's scale
(3,021 roles, 13,968 skills, 664 skill areas), and clickable through to the explorer."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard import figures
from dashboard.views import overview
from kg.explore import central_skills, class_counts, graph_of
from kg.store import Store
from tests.support.components import texts


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


def test_hundreds_of_roles_do_not_get_a_tick_each() -> None:
    # ESCO: "unlocks 350 roles" with dtick 1 drew 350 tick labels over each other
    rows = [(f"s{i}", f"skill {i}", 350 - i) for i in range(12)]
    fig = figures.central_skills_figure(rows, total_roles=3021)
    axis = go.Figure(fig).layout.xaxis
    assert axis.dtick is None or axis.dtick >= 350 / 12
    small = go.Figure(figures.central_skills_figure([("a", "Python", 9), ("b", "SQL", 7)], total_roles=16))
    assert small.layout.xaxis.dtick == 1  # a few roles: whole numbers only


def test_the_hover_says_how_many_of_all_the_roles() -> None:
    fig = figures.central_skills_figure([("a", "Python", 9)], total_roles=16)
    assert "of 16 roles" in fig["data"][0]["hovertemplate"]


def test_hundreds_of_areas_keep_the_largest_and_say_what_the_rest_add_up_to() -> None:
    # ESCO: 664 skill areas drew a chart 11,000 px high with bars a few pixels long
    hours = {f"area {i:03}": float(1000 - i) for i in range(600)}
    fig = figures.hours_by_area_figure(hours, top=15)
    bar = fig["data"][0]
    assert len(bar["y"]) == 15
    assert bar["y"][-1] == "area 000"  # the largest at the top
    assert fig["layout"]["title"]["text"].endswith("the largest 15 of 600")
    rest = sum(1000 - i for i in range(15, 600))
    assert fig["layout"]["annotations"][0]["text"] == f"The other 585 areas: {rest:,} h in all."
    assert fig["layout"]["height"] < 700
    go.Figure(fig)


def test_a_few_areas_are_all_shown() -> None:
    fig = figures.hours_by_area_figure({"Maths": 60.0, "Other": 5.0}, top=15)
    assert fig["data"][0]["y"] == ["Other", "Maths"]


def test_bars_carry_the_explorer_address_of_their_node() -> None:
    central = figures.central_skills_figure([("a", "deep learning", 9)], total_roles=16)
    assert central["data"][0]["customdata"] == ["/node/deep%20learning"]
    areas = figures.hours_by_area_figure({"Mathematics": 60.0, "Other": 5.0})
    # an area opens in the explorer; "Other" (no area) is not a node
    assert areas["data"][0]["customdata"] == ["", "/node/Mathematics"]


def test_counts_are_written_with_thousands_separators() -> None:
    data = {"counts": {"role": 3021, "skill": 13968}, "triples": 1049169}
    text = texts(overview.cards(data))
    for n in ("3,021", "13,968", "1,049,169"):
        assert n in text


def test_the_overview_counts_match_the_graph(store: Store) -> None:
    from kg.sparql.engine import run_query

    data = overview.overview(store)
    for kind, cls in (("role", "Role"), ("skill", "Skill"), ("tool", "Tool"), ("area", "SkillArea")):
        res = run_query(store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ckg:{cls} }}")
        assert data["counts"][kind] == int(str(res.rows[0][0])), kind
    assert data["counts"] == class_counts(graph_of(store))
    central = central_skills(graph_of(store), 12)
    assert data["central"] == central
