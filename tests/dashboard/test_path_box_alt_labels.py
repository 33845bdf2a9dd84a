"""The path finder's boxes find a skill or a role by its other names (alt labels) on
the curated graph, as ``careerkg path`` and the explorer's search do: typing 'Bash',
'Scrum' or 'CNN' in "I already know", or 'BI Analyst' in a role box, said "No options
found" (the browser filtered the labels alone); on ESCO the server's search found them."""

from __future__ import annotations

import pytest

from dashboard.views import path as view
from kg.store import Store

SKILL = "https://w3id.org/careerkg/id/skill/"
ROLE = "https://w3id.org/careerkg/id/role/"


def _shown(
    options: list[dict[str, str]] | None, start: list[dict[str, str]], typed: str
) -> list[dict[str, str]]:
    """What the dropdown lists for ``typed``: the options whose search text (or label)
    holds it, in order (``None`` from the server keeps the options)."""
    listed = start if options is None else options
    return [o for o in listed if typed.casefold() in o.get("search", o["label"]).casefold()]


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("Bash", "Linux command line and shell scripting — also called Bash"),
        ("scrum", "Agile software development — also called Scrum"),
        ("CNN", "convolutional neural networks — also called CNN"),
    ],
)
def test_a_skill_is_found_by_another_name(store: Store, typed: str, label: str) -> None:
    start = view.skill_options(store)
    shown = _shown(view.know_box_options(store, typed, [], start), start, typed)
    assert shown, "No options found"
    assert label in [o["label"] for o in shown]


def test_a_role_is_found_by_another_name(store: Store) -> None:
    start = view.role_options(store)
    shown = _shown(view.box_options(store, ["role"], "BI Analyst", [], start), start, "BI Analyst")
    assert [(o["label"], o["value"]) for o in shown][:1] == [
        ("Data Analyst — also called BI Analyst", ROLE + "data-analyst")
    ]


def test_names_holding_the_text_come_first(store: Store) -> None:
    # 'cloud' is in two labels, and in the other names of two skills more
    start = view.skill_options(store)
    shown = [o["label"] for o in _shown(view.know_box_options(store, "cloud", [], start), start, "cloud")]
    assert shown[:2] == ["cloud computing", "Google Cloud Platform (GCP)"]
    assert "Amazon Web Services (AWS) — also called Amazon cloud" in shown[2:]


def test_the_mark_goes_once_the_text_does(store: Store) -> None:
    start = view.skill_options(store)
    typed = view.know_box_options(store, "Bash", [], start) or start
    cleared = view.know_box_options(store, "", [SKILL + "bash"], typed)
    assert cleared == start  # the labels and the box's order back


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("ML:2", "machine learning (level 2) — also called ML"),
        ("bash:3", "Linux command line and shell scripting (level 3) — also called Bash"),
    ],
)
def test_with_a_level_the_other_name_is_said(store: Store, typed: str, label: str) -> None:
    # 'ML:2' offered 'machine learning (level 2)' and nothing said why: without a level
    # it reads 'machine learning — also called ML' (on ESCO 'SQL:3' offered 'database
    # management systems (level 3)', found by its other name 'NonStop SQL')
    offered = view.know_box_options(store, typed, [], view.skill_options(store)) or []
    assert offered[0]["label"] == label
    assert typed in offered[0]["search"]
    chosen = [offered[0]["value"]]
    cleared = view.know_box_options(store, "", chosen, offered) or offered
    assert {o["value"]: o["label"] for o in cleared}[chosen[0]] == label.split(" — ")[0]
