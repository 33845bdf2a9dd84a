"""A tool's name partly typed in the path finder's "I already know" box (``PyTorc``)
offers the skills the tool supports, as the full name (``PyTorch``) does and as a
skill's name partly typed (``Pytho``) offers the skill; it offered nothing ("No
options found") until the last letter was typed."""

from __future__ import annotations

import pytest

from dashboard.views import path as view
from kg.store import Store

SKILL = "https://w3id.org/careerkg/id/skill/"


def _offered(store: Store, typed: str) -> list[dict[str, str]]:
    """The box's options once ``typed`` is typed (``None`` from the server keeps them)."""
    options = view.skill_options(store)
    found = view.know_box_options(store, typed, [], options)
    return options if found is None else found


def _shown(options: list[dict[str, str]], typed: str) -> list[str]:
    """The labels the dropdown shows for ``typed``: the options whose search text (or
    label) holds it, in order."""
    return [o["label"] for o in options if typed.casefold() in o.get("search", o["label"]).casefold()]


@pytest.mark.parametrize("typed", ["PyTorc", "pytor", "Pyto", "Torc"])
def test_a_partly_typed_tool_offers_the_skills_it_supports(store: Store, typed: str) -> None:
    shown = _shown(_offered(store, typed), typed)
    assert "deep learning — a skill PyTorch supports" in shown
    assert shown[:1] == ["convolutional neural networks — a skill PyTorch supports"]


def test_as_many_as_the_full_name_offers(store: Store) -> None:
    full = [o for o in _offered(store, "PyTorch") if o["label"].endswith("a skill PyTorch supports")]
    part = [o for o in _offered(store, "PyTor") if o["label"].endswith("a skill PyTorch supports")]
    assert [o["value"] for o in part] == [o["value"] for o in full]
    assert len(part) >= 3


def test_a_partly_typed_tool_with_a_level(store: Store) -> None:
    offered = _offered(store, "PyTorc:3")
    full = _offered(store, "PyTorch:3")
    assert offered[0]["label"] == "convolutional neural networks (level 3) — a skill PyTorch supports"
    assert offered[0]["value"] == full[0]["value"] == f"{SKILL}cnns:3"
    assert "PyTorc:3" in offered[0]["search"]


def test_an_alt_label_partly_typed(store: Store) -> None:
    # Apache Spark is also called 'Spark'; 'Spar' is the start of that name
    shown = _shown(_offered(store, "Spar"), "Spar")
    assert any(label.endswith("— a skill Apache Spark supports") for label in shown)


def test_skills_named_so_come_before_a_tools_skills(store: Store) -> None:
    # 'Pytho' offers Python as before
    shown = _shown(_offered(store, "Pytho"), "Pytho")
    assert shown[:2] == ["Python programming", "Python scientific and data libraries"]
    # 'data' starts dbt's alt label 'data build tool': the skills named 'data' first
    shown = _shown(_offered(store, "data"), "data")
    first_tool = next(i for i, label in enumerate(shown) if label.endswith("a skill dbt supports"))
    assert first_tool > 0
    assert all("data" in label.casefold() and "supports" not in label for label in shown[:first_tool])
    assert not any("data" in label.casefold() and "supports" not in label for label in shown[first_tool:])


@pytest.mark.parametrize("typed", ["Py", "le", "learn", "Pytho"])
def test_short_or_inner_texts_name_no_tool(store: Store, typed: str) -> None:
    # two letters start too many names; 'learn' is inside 'scikit-learn', not its start
    assert not any("supports" in o["label"] for o in _offered(store, typed))


def test_at_most_a_few_tools(store: Store) -> None:
    # 'Micro' starts Microsoft Excel and Microsoft Power BI: both, each marked
    tools = {
        o["label"].rsplit(" — a skill ", 1)[-1] for o in _offered(store, "Micro") if "supports" in o["label"]
    }
    assert tools == {"Microsoft Excel supports", "Microsoft Power BI supports"}
