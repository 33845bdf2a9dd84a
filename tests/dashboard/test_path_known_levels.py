"""Known skills at a level on the Path finder page: the box took a skill only at level
5, the top, and said so nowhere (a Data Analyst who knows Python at level 4 could not
say it but by editing the address). Typing 'Python:3' offers the skill at level 3,
and the page says which levels the plan counts, as the CLI's 'known:' line does."""

from __future__ import annotations

from dashboard.views import path as view
from kg.store import Store
from tests.support.components import texts

ROLE = "https://w3id.org/careerkg/id/role/"
PY = "https://w3id.org/careerkg/id/skill/python"
SQL = "https://w3id.org/careerkg/id/skill/sql"


def test_typing_a_skill_with_a_level_offers_it_at_that_level(store: Store) -> None:
    options = view.know_box_options(store, "python:4", [], view.skill_options(store))
    assert options is not None
    assert options[0] == {
        "label": "Python programming (level 4)",
        "value": f"{PY}:4",
        "search": "Python programming python:4",  # the dropdown keeps what contains the text typed
    }
    assert {o["value"] for o in options} >= {o["value"] for o in view.skill_options(store)}
    spaced = view.know_box_options(store, "SQL : 2", [], [])
    assert spaced is not None
    assert spaced[0]["value"] == f"{SQL}:2"


def test_levels_offered_for_an_earlier_text_go_and_chosen_ones_stay(store: Store) -> None:
    first = view.know_box_options(store, "python:4", [], view.skill_options(store)) or []
    chosen = [f"{PY}:4"]
    then = view.know_box_options(store, "sql:2", chosen, first) or []
    values = [o["value"] for o in then]
    assert values[0] == f"{SQL}:2"
    assert f"{PY}:4" in values  # chosen: keeps its label
    assert not any(v.endswith(":4") and v != f"{PY}:4" for v in values)


def test_a_level_out_of_range_is_no_level_option(store: Store) -> None:
    options = view.know_box_options(store, "python:9", [], view.skill_options(store)) or []
    assert not any(str(o["value"]).endswith(":9") for o in options)


def test_the_page_says_the_levels_it_counts_and_how_to_give_one(store: Store) -> None:
    result = view.compute(store, ROLE + "data-analyst", ROLE + "data-scientist", [PY, f"{SQL}:3"])
    shown = texts(view.render(store, result)["summary"])
    assert "Known: Python programming (level 5), SQL (level 3)." in shown
    assert "Chosen without a level, Python programming counts as level 5, the top;" in shown
    assert "type 'Python programming:3' in the box for another level." in shown
    leveled = view.compute(store, ROLE + "data-analyst", ROLE + "data-scientist", [f"{PY}:4"])
    shown = texts(view.render(store, leveled)["summary"])
    assert "Known: Python programming (level 4)." in shown
    assert "Chosen without a level" not in shown


def test_a_skill_chosen_at_two_levels_is_said_to_count_at_the_highest(store: Store) -> None:
    # chosen from the list (level 5) and again typed as 'Python:3': the plan counts 5,
    # as --know given twice does; the page said nothing of the level 3 left unused
    result = view.compute(store, ROLE + "data-analyst", ROLE + "data-scientist", [PY, f"{PY}:3"])
    assert {k["label"]: k["level"] for k in result["path"]["known"]} == {"Python programming": 5}
    shown = texts(view.render(store, result)["summary"])
    assert (
        "Python programming is chosen at levels 5 and 3: the plan counts the highest, 5; "
        "remove the other from the box."
    ) in shown
    assert "Chosen without a level" not in shown
