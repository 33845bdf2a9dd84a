"""The overview's cards read as counts: "16 roles", "1 course"."""

from __future__ import annotations

from dashboard.views import overview
from kg.store import Store

WORDS = {
    "role": ("role", "roles"),
    "skill": ("skill", "skills"),
    "tool": ("tool", "tools"),
    "degree": ("degree", "degrees"),
    "certification": ("certification", "certifications"),
    "course": ("course", "courses"),
    "area": ("skill area", "skill areas"),
}


def test_each_card_names_its_kind_in_the_plural_unless_one() -> None:
    # they read "16 Role", "109 Skill", "17 Skill area" beside "7,814 triples"
    data = overview.overview(Store.default())
    said = [[c.children for c in card.children[-2:]] for card in overview.cards(data).children]
    expected = [[f"{n:,}", WORDS[kind][n != 1]] for kind, n in data["counts"].items()]
    assert said[:-1] == expected
    assert said[-1] == [f"{data['triples']:,}", "triples"]
    assert ["16", "roles"] in said
    assert ["1", "course"] in said  # the shipped graph has one course
