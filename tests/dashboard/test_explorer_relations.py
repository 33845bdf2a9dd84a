"""The explorer's relations: which are drawn by default, how the newest one
(``requires_prior``, "expects prior skill") reads, and the legend of line styles."""

from __future__ import annotations

from dashboard.components import relation_legend
from dashboard.styles import EDGE_STYLES, RELATION_LABELS, TYPE_LABELS
from dashboard.views import explorer
from kg.explore import node_details
from kg.store import Store

AWS_MLE = "https://w3id.org/careerkg/id/credential/aws-certified-machine-learning-engineer-associate"
PYTHON = "https://w3id.org/careerkg/id/skill/python"


def _relations(elements: list[dict]) -> set[str]:
    return {e["data"]["relation"] for e in elements if "source" in e["data"]}


def test_expects_prior_skill_is_not_drawn_by_default(store: Store) -> None:
    # a credential both teaches and expects most of the skills it expects (AWS ML
    # Engineer Associate: 5 of 11), so drawing both doubled 16 of its 30 links, two
    # near-identical curves between the same two nodes; the details list them anyway
    assert "requires_prior" not in explorer.DEFAULT_RELATIONS
    assert set(explorer.DEFAULT_RELATIONS) == set(RELATION_LABELS) - {"requires_prior"}
    assert explorer.reset_controls() == (list(TYPE_LABELS), explorer.DEFAULT_RELATIONS, "auto", None)
    state = explorer.initial(AWS_MLE)
    drawn, *_ = explorer.canvas(store, state, list(TYPE_LABELS), explorer.DEFAULT_RELATIONS, "auto")
    assert "requires_prior" not in _relations(drawn)
    assert "teaches" in _relations(drawn)
    # ticked, it is drawn
    every, *_ = explorer.canvas(store, state, list(TYPE_LABELS), list(RELATION_LABELS), "auto")
    assert "requires_prior" in _relations(every)


def test_expects_prior_skill_reads_as_a_sentence_from_both_ends(store: Store) -> None:
    cred = node_details(store, AWS_MLE)
    assert cred.section("Expects beforehand") is not None
    skill = node_details(store, PYTHON)
    # "Expected before" (before what?) said nothing of the credentials listed under it
    section = skill.section("Expected beforehand by")
    assert section is not None
    assert {link.type for link in section.links} <= {"certification", "course"}
    assert skill.section("Expected before") is None


def test_the_legend_explains_the_lines_drawn(store: Store) -> None:
    # the canvas drew nine relations in six colours and three dash styles, and the
    # legend named only the node types
    state = explorer.initial(AWS_MLE)
    drawn, *_ = explorer.canvas(store, state, list(TYPE_LABELS), explorer.DEFAULT_RELATIONS, "auto")
    items = relation_legend(drawn)
    labels = [item.children[1] for item in items]
    assert labels == [RELATION_LABELS[r] for r in RELATION_LABELS if r in _relations(drawn)]
    first = next(r for r in RELATION_LABELS if r in _relations(drawn))
    style = items[0].children[0].style
    assert EDGE_STYLES[first]["color"] in style["borderTop"]
    assert EDGE_STYLES[first]["style"] in style["borderTop"]
    assert relation_legend([]) == []
