"""Closest names on the real ESCO store (14,000 skills, 3,000 occupations, 130,000
names): a typo of several words suggests the names it holds, and a short one suggests no
name that merely shares letters with it. How fast a long typo is answered (it took up to
3.2 s) is measured by ``python -m bench scale``, not timed here."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.errors import UnknownEntity
from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store
from tests.support.esco_store import esco_store_dir

pytestmark = [pytest.mark.external, pytest.mark.slow]


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    index = LabelIndex.of(Store.open(esco_store_dir()))
    index.closest("warm up", CKG.Skill)  # the names of each kind are folded once
    index.closest("warm up", CKG.Role)
    return index


def _resolve(index: LabelIndex, name: str, cls: URIRef) -> tuple[list[str], str]:
    with pytest.raises(UnknownEntity) as err:
        index.resolve(name, cls)
    return err.value.suggestions, str(err.value)


def test_short_typos_suggest_their_name_and_no_name_sharing_letters(index: LabelIndex) -> None:
    assert _resolve(index, "Pyhton", CKG.Skill)[0] == ["Python programming"]  # was + 'photonics'
    near, message = _resolve(index, "kubernets", CKG.Skill)  # was 'cybernetics'
    assert near == []
    assert "(close to a tool: 'Kubernetes')" in message
    for typed, cls, first in (
        ("statistcs", CKG.Skill, "statistics"),
        ("acountant", CKG.Role, "accountant"),
        ("natural langauge procesing", CKG.Skill, "natural language processing"),
        ("databse administrator", CKG.Role, "database administrator"),
        ("machine lerning engneer", CKG.Role, "Machine Learning Engineer"),
    ):
        assert _resolve(index, typed, cls)[0][:1] == [first], typed


def test_a_long_typo_suggests_the_names_it_holds(index: LabelIndex) -> None:
    # all three suggested nothing
    assert _resolve(index, "machine lerning engneer with deep lernin", CKG.Role)[0] == [
        "Machine Learning Engineer"
    ]
    assert _resolve(index, "statistcal modeling and hypotesis testng", CKG.Skill)[0] == [
        "experiment design and A/B testing"  # its alt label "hypothesis testing"
    ]
    assert "Data Engineer" in _resolve(index, "senior softwre enginer for data platfroms", CKG.Role)[0]
