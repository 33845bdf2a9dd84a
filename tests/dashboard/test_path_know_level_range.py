"""A level out of 1-5 typed in the path finder's "I already know" box (``Python:9``)
offers the skill at the nearest level and says so; it offered "Python programming —
closest match", which the plan then counted at level 5 without a word."""

from __future__ import annotations

import pytest

from dashboard.views import path as view
from kg.store import Store

PY = "https://w3id.org/careerkg/id/skill/python"


@pytest.mark.parametrize(
    ("typed", "value", "label"),
    [
        ("Python:9", f"{PY}:5", "Python programming (level 5, the top: levels go from 1 to 5)"),
        ("python : 0", f"{PY}:1", "Python programming (level 1, the lowest: levels go from 1 to 5)"),
        ("Python:4", f"{PY}:4", "Python programming (level 4)"),
    ],
)
def test_a_level_out_of_range_offers_the_nearest_and_says_so(
    store: Store, typed: str, value: str, label: str
) -> None:
    options = view.know_box_options(store, typed, [], view.skill_options(store)) or []
    assert options[0]["value"] == value
    assert options[0]["label"] == label
    assert typed in options[0]["search"]  # the dropdown keeps it while the text is typed


def test_chosen_it_reads_as_its_level(store: Store) -> None:
    offered = view.know_box_options(store, "Python:9", [], view.skill_options(store)) or []
    chosen = [offered[0]["value"]]
    after = view.know_box_options(store, "", chosen, offered) or offered  # the text cleared
    assert {o["value"]: o["label"] for o in after}[f"{PY}:5"] == "Python programming (level 5)"


def test_a_year_after_a_colon_is_no_level(store: Store) -> None:
    options = view.know_box_options(store, "ISO 9001:2015", [], view.skill_options(store)) or []
    assert not any(view.LEVEL_NOTE in str(o["label"]) for o in options)
