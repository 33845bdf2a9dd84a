"""The overview's figures and cards: readable on the curated graph and at ESCO's scale
(3,021 roles, 13,968 skills, 664 skill areas), and clickable through to the explorer."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import plotly.graph_objects as go

from dashboard import figures
from dashboard.views import overview
from kg.explore import central_skills, class_counts, graph_of
from kg.store import Store
from tests.support.components import texts
from tests.support.stores import with_unladdered_roles


def test_hundreds_of_roles_do_not_get_a_tick_each() -> None:
    # ESCO: "required by 350 roles" with dtick 1 drew 350 tick labels over each other
    rows = [(f"s{i}", f"skill {i}", 300 - i, 50) for i in range(12)]
    fig = figures.central_skills_figure(rows, total_roles=3021)
    axis = go.Figure(fig).layout.xaxis
    assert axis.dtick is None or axis.dtick >= 350 / 12
    # a few roles: whole numbers only, also when the optional part takes a bar past 20,
    # and at most 5 steps (one a role drew 17 ticks over each other on a phone)
    small = go.Figure(
        figures.central_skills_figure([("a", "Python", 9, 3), ("b", "SQL", 7, 0)], total_roles=16)
    )
    assert small.layout.xaxis.dtick == 5
    few = go.Figure(figures.central_skills_figure([("a", "Python", 3, 1)], total_roles=16))
    assert few.layout.xaxis.dtick == 1
    assert go.Figure(figures.central_skills_figure([("a", "Python", 15, 10)])).layout.xaxis.dtick == 5


def test_the_chart_stacks_the_roles_needing_a_skill_as_essential_and_as_optional() -> None:
    rows = [("a", "Python", 11, 3), ("b", "SQL", 9, 5), ("c", "Git", 2, 0)]
    fig = figures.central_skills_figure(rows, total_roles=16)
    checked = go.Figure(fig)
    assert checked.layout.barmode == "stack"
    essential, optional = fig["data"]
    assert (essential["name"], optional["name"]) == ("essential", "optional")
    # most at the top: Plotly draws the first category at the bottom
    assert essential["y"] == optional["y"] == ["Git", "SQL", "Python"]
    assert essential["x"] == [2, 9, 11]
    assert optional["x"] == [0, 5, 3]
    assert essential["marker"]["color"] != optional["marker"]["color"]
    assert checked.layout.showlegend
    assert checked.layout.legend.traceorder == "normal"  # essential first, as they stack
    title = checked.layout.title.text.lower()
    assert "essential" in title
    assert "roles" in title
    assert "(of 16)" in checked.layout.xaxis.title.text


def test_the_hover_says_how_many_of_all_the_roles() -> None:
    fig = figures.central_skills_figure([("a", "Python", 9, 2), ("b", "Git", 4, 0)], total_roles=16)
    for trace in fig["data"]:
        assert "%{hovertext}" in trace["hovertemplate"]
        assert trace["hovertext"] == [
            "Git: essential for 4 of 16 roles",
            "Python: essential for 9, optional for 2 of 16 roles",
        ]


def test_hundreds_of_areas_keep_the_largest_and_say_what_the_rest_add_up_to() -> None:
    # ESCO: 664 skill areas drew a chart 11,000 px high with bars a few pixels long
    hours = {f"area {i:03}": float(1000 - i) for i in range(600)}
    fig = figures.hours_by_area_figure(hours, top=15)
    bar = fig["data"][0]
    assert len(bar["y"]) == 15
    assert bar["y"][-1] == "area 000"  # the largest at the top
    rest = sum(1000 - i for i in range(15, 600))
    assert fig["layout"]["title"]["subtitle"]["text"].split("<br>") == [
        "The largest 15 of 600 areas holding skills;",
        f"the other 585 take {rest:,} h in all.",
    ]
    assert fig["layout"]["height"] < 700
    go.Figure(fig)


def test_a_few_areas_are_all_shown() -> None:
    fig = figures.hours_by_area_figure({"Maths": 60.0, "Other": 5.0}, top=15)
    assert fig["data"][0]["y"] == [figures.NO_AREA, "Maths"]


def test_bars_carry_the_explorer_address_of_their_node() -> None:
    central = figures.central_skills_figure([("a", "deep learning", 9, 1)], total_roles=16)
    assert [t["customdata"] for t in central["data"]] == [["/node/deep%20learning"]] * 2
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


def _requirements(store: Store) -> dict[str, tuple[int, int]]:
    """(essential, optional) roles of each skill, counted in the RDF with SPARQL: a role
    with both kinds of requirement of one skill needs it as essential."""
    from kg.sparql.engine import run_query

    def roles_per_skill(importance: str) -> dict[str, int]:
        res = run_query(
            store,
            "SELECT ?skill (COUNT(DISTINCT ?role) AS ?n) WHERE { ?role a ckg:Role ; "
            f"ckg:hasRequirement [ ckg:requiredSkill ?skill {importance} ] }} GROUP BY ?skill",
        )
        return {str(skill): int(str(n)) for skill, n in res.rows}

    essential = roles_per_skill("; ckg:importance ckg:Essential")
    every = roles_per_skill("")
    return {skill: (essential.get(skill, 0), n - essential.get(skill, 0)) for skill, n in every.items()}


def test_the_overview_ranks_skills_by_the_roles_needing_them_as_essential(store: Store) -> None:
    data = overview.overview(store)
    counted = _requirements(store)
    central = data["central"]
    assert len(central) == 12
    for row in central:
        assert (row.essential, row.optional) == counted[row.iri], row.label
    keys = [(row.essential, row.roles) for row in central]
    assert keys == sorted(keys, reverse=True)
    # no skill left out needs more roles as essential than the last one shown
    shown = {row.iri for row in central}
    last = (central[-1].essential, central[-1].roles)
    assert all((e, e + o) <= last for iri, (e, o) in counted.items() if iri not in shown)
    # on the curated graph the essential counts tell the top skills apart
    assert len({row.essential for row in central[:5]}) >= 3


def test_the_overview_chart_and_list_say_essential_and_optional(store: Store) -> None:
    data = overview.overview(store)
    roles = data["counts"]["role"]
    _roles_fig, central_fig, _areas_fig = data["figures"]
    essential, optional = central_fig["data"]
    top = data["central"][0]
    assert (essential["y"][-1], essential["x"][-1], optional["x"][-1]) == (
        top.label,
        top.essential,
        top.optional,
    )
    text = texts(overview.central_list(data))
    assert f"essential for {top.essential}" in text
    assert f"of {roles} roles" in text
    assert "opens" not in text


def test_the_hours_chart_says_how_many_roles_it_shows_and_which(store: Store, tmp_path: Path) -> None:
    # the curated graph: the roles a career step leads to are charted, Student (where the
    # ladder starts) is not: said so, under the title
    whole = overview.overview(store)["figures"][0]["layout"]
    assert whole["title"]["text"] == "Hours to each role from scratch"
    assert whole["title"]["subtitle"]["text"].split("<br>")[1:] == [
        "The 15 of 16 roles a career step leads to;",
        "the path finder plans for any role.",
    ]
    # roles off the ladder (an imported taxonomy's occupations) are not charted either
    layout = overview.overview(with_unladdered_roles(tmp_path, 3))["figures"][0]["layout"]
    assert (
        layout["title"]["subtitle"]["text"].split("<br>")[1] == "The 15 of 19 roles a career step leads to;"
    )


def test_the_hours_chart_leaves_out_a_role_the_ladder_only_starts_from(store: Store) -> None:
    # Student was charted as if it were a goal ("Student: 1,010 h from scratch"); five
    # career steps lead from it and none to it: it is where a learner starts
    G = graph_of(store)
    steps = [(str(u), str(v)) for u, v, k in G.edges(keys=True) if k == "progresses"]
    starts = {u for u, _ in steps} - {v for _, v in steps}
    assert {str(G.nodes[r]["label"]) for r in G if str(r) in starts} == {"Student"}  # the data
    charted = overview.overview(store)["figures"][0]["data"][0]["y"]
    labels = {str(G.nodes[r]["label"]) for r in G if str(r) in {v for _, v in steps}}
    assert set(charted) == labels  # every role a step leads to, and only those
    assert "Student" not in charted
    # a role no step leads to is not charted; without a ladder (a taxonomy alone), every role is
    assert overview.goal_rows(G, [("urn:x:a", "A", 1.0)]) == []
    assert overview.goal_rows(nx.MultiDiGraph(), [("urn:x:a", "A", 1.0)]) == [("urn:x:a", "A", 1.0)]


def test_the_lines_under_a_chart_title_fit_a_phones_chart_at_esco_scale() -> None:
    # a note placed against the plot began past the role names and ran out of a phone's
    # chart; the lines under the title begin at the chart's edge, each short enough
    rows = [(f"r{i}", f"occupation {i}", float(i)) for i in range(30)]
    areas = {f"area {i:03}": 1_000_000.0 - i for i in range(664)}
    charts = [
        figures.role_hours_figure(rows, 3021, "a career step leads to"),
        figures.role_hours_figure(rows, 13_968, "first in name order"),
        figures.hours_by_area_figure(areas),
    ]
    for fig in charts:
        lines = fig["layout"]["title"]["subtitle"]["text"].split("<br>")
        assert all(len(line) <= figures.SUBTITLE_CHARS for line in lines), lines
        assert "annotations" not in fig["layout"]
        go.Figure(fig)


def test_skills_in_no_area_are_named_so_and_not_counted_as_an_area() -> None:
    """On ESCO the top bar read "Other" under "the other 408 take 493,285 h in all", and a
    path's legend had "Other" beside "other areas"."""
    hours = {"Other": 15_000.0, **{f"area {i}": 9_000.0 - i for i in range(428)}}
    fig = figures.hours_by_area_figure(hours, top=20)
    assert "Other" not in fig["data"][0]["y"]
    assert fig["data"][0]["y"][-1] == figures.NO_AREA  # the largest, at the top
    lines = fig["layout"]["title"]["subtitle"]["text"].split("<br>")
    assert lines == ["The largest 19 of 428 areas holding skills", "and the skills in no area;", lines[2]]
    assert lines[2].startswith("the other 409 take ")
    assert all(len(line) <= figures.SUBTITLE_CHARS for line in lines)
    steps = [{"iri": "a", "label": "A", "hours": 3}, {"iri": "b", "label": "B", "hours": 4}]
    legend = [t["name"] for t in figures.effort_figure(steps, {"a": "Maths"})["data"]]
    assert legend == ["Maths", figures.NO_AREA, "cumulative hours"]
