"""A term written as a year ('Year 2', 'Y2') or a season ('Autumn', 'Spring 2025') is
refused, as before, with advice that fits it: the message said only "such as 2 or
'Semester 2'", which a programme counted in years or named by seasons cannot follow."""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store

SAID = "plan.csv, line 2: bad term {term!r}; a term is a whole number from 1 (1 = first term), such as 2 or 'Semester 2'"
YEARS = "; if each course runs a whole year, write the year as its term (2); with terms in a year, number them on (year 2, semester 1 = term 3)"
SEASONS = "; number the terms in the order they run, from 1 (a programme starting in autumn: autumn 1, spring 2, summer 3)"


@pytest.mark.parametrize(
    ("term", "hint"),
    [
        ("Year 2", YEARS),
        ("Y2", YEARS),
        ("yr. 2", YEARS),
        ("Autumn", SEASONS),
        ("Spring 2025", SEASONS),
        ("Michaelmas", SEASONS),
    ],
)
def test_a_year_or_a_season_is_told_how_to_number_it(store: Store, term: str, hint: str) -> None:
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(f"course,term,teaches\nA,{term},SQL\n", store, fmt="csv", source="plan.csv")
    assert str(err.value) == SAID.format(term=term) + hint


def test_other_bad_terms_read_as_before(store: Store) -> None:
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum("course,term,teaches\nA,Level 5,SQL\n", store, fmt="csv", source="plan.csv")
    assert str(err.value) == SAID.format(term="Level 5")
