"""What a user types in a search box or an address: the start of each word of a name
('softw dev') finds the name, as a match, not only as a "closest match" guessed from
letters ('software developer (soft developer) — closest match' on ESCO, 'No options'
for 'mach learn eng' on the curated graph); and an unknown name that is a typo of one
('data scienist') lists the other names holding the name meant, as typing it right
does (only 'Data Scientist' was listed)."""

from __future__ import annotations

import pytest

from kg.errors import UnknownEntity
from kg.explore import search
from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store
from tests.support.esco_store import esco_store_dir


def _closest_of(store: Store, name: str) -> list[str]:
    with pytest.raises(UnknownEntity) as err:
        LabelIndex.of(store).resolve(name, CKG.Role)
    return err.value.suggestions


def test_the_start_of_each_word_finds_the_name() -> None:
    hits = search(Store.default(), "mach learn eng", types=["role"], closest=True)
    assert [(h.label, h.close) for h in hits][:3] == [
        ("Machine Learning Engineer", False),
        ("Lead Machine Learning Engineer", False),
        ("Senior Machine Learning Engineer", False),
    ]
    # in order, each word typed starting a word of the name
    assert [h.label for h in search(Store.default(), "alg lin", types=["skill"])] == []


def test_a_match_by_word_starts_names_the_other_name_it_matched() -> None:
    # 'softw dev' found Software Engineer by its other name Software Developer, and the
    # explorer's option said only "Software Engineer", not why it was offered
    hits = {h.label: h.matched for h in search(Store.default(), "softw dev", types=["role"])}
    assert hits["Software Engineer"] == "Software Developer"
    # a name the words start is its own match
    assert search(Store.default(), "mach learn eng", types=["role"])[0].matched == "Machine Learning Engineer"


def test_a_typo_lists_the_names_holding_the_name_meant() -> None:
    assert _closest_of(Store.default(), "data scienist") == ["Data Scientist", "Senior Data Scientist"]


@pytest.mark.external
@pytest.mark.slow
def test_on_esco_word_starts_are_matches() -> None:
    store = Store.open(esco_store_dir())
    hits = search(store, "softw dev", types=["role"], limit=25, closest=True)
    assert hits[0].label == "software developer"
    assert not any(h.close for h in hits)
    assert all(h.matched == h.label for h in hits[:3])  # no "(soft developer)"
    # its speed is measured by `python -m bench scale` (search suggestions), not timed here
    near = _closest_of(store, "data scienist")
    assert near[:2] == ["Data Scientist", "Senior Data Scientist"]
    assert near == ["Data Scientist", "Senior Data Scientist"]  # the names holding it
