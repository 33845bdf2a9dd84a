"""The explorer's filters act on its first view, the career ladder, as on any other:
a user who unticks Role or "progresses to" there sees the change."""

from __future__ import annotations

from dashboard.styles import TYPE_LABELS
from dashboard.views import explorer
from kg.store import Store
from tests.support.components import texts


def _drawn(elements: list[dict]) -> tuple[int, int]:
    nodes = [e for e in elements if "source" not in e["data"]]
    return len(nodes), len(elements) - len(nodes)


def test_the_ladder_is_drawn_whole_with_the_default_filters(store: Store) -> None:
    elements, _, status, _ = explorer.canvas(
        store, explorer.initial(), list(TYPE_LABELS), explorer.DEFAULT_RELATIONS, "auto"
    )
    assert _drawn(elements) == (16, 33)
    assert "the career ladder" in str(status)


def test_unticking_role_on_the_ladder_draws_nothing_and_says_why(store: Store) -> None:
    # every role stayed drawn, the status unchanged: the filter seemed broken
    types = [t for t in TYPE_LABELS if t != "role"]
    elements, _, status, more_hidden = explorer.canvas(
        store, explorer.initial(), types, explorer.DEFAULT_RELATIONS, "auto"
    )
    assert elements == []
    assert status == [explorer.NO_ROLES]
    assert more_hidden


def test_unticking_progresses_to_on_the_ladder_leaves_the_roles_without_their_steps(store: Store) -> None:
    relations = [r for r in explorer.DEFAULT_RELATIONS if r != "progresses"]
    elements, _, status, _ = explorer.canvas(store, explorer.initial(), list(TYPE_LABELS), relations, "auto")
    assert _drawn(elements) == (16, 0)
    assert "“progresses to” is unticked" in str(status)
    assert "0 links" in str(status)


def test_a_node_drawn_alone_because_of_the_filters_says_so(store: Store) -> None:
    # PyTorch with only "requires" ticked: "1 node, 0 links", while its details list
    # the skills it supports and the roles that use it
    state, _ = explorer.state_from_name(store, "PyTorch")
    for types, relations in ((list(TYPE_LABELS), ["requires"]), (["degree"], explorer.DEFAULT_RELATIONS)):
        elements, _, status, _ = explorer.canvas(store, state, types, relations, "auto")
        assert _drawn(elements) == (1, 0)
        said = texts(status)
        assert "The filters hide its 13 neighbours: tick more node types or relations." in said, said
    # with every filter ticked it is drawn with them, and nothing is said of filters
    elements, _, status, _ = explorer.canvas(
        store, state, list(TYPE_LABELS), explorer.DEFAULT_RELATIONS, "auto"
    )
    assert _drawn(elements)[0] == 14
    assert "filters" not in texts(status)
