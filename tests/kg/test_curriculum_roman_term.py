"""A term written as a bare numeral word ('II', 'two') is refused with how to write it."""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.errors import InvalidCurriculum
from kg.store import Store


@pytest.mark.parametrize(("term", "n"), [("II", 2), ("iii", 3), ("two", 2)])
def test_a_bare_numeral_term_says_how_to_write_it(store: Store, term: str, n: int) -> None:
    # was: "bad term 'II'; a term is a whole number from 1 (1 = first term), such as 2 or
    # 'Semester 2'", while 'Semester II' is read: the designer was not told that 'Term II' works
    plan = f"course,term,teaches,requires\nA,1,SQL,\nB,{term},statistics,\n"
    with pytest.raises(InvalidCurriculum) as err:
        parse_curriculum(plan, store, fmt="csv", source="plan.csv")
    assert str(err.value).endswith(f"; if {term!r} is the term's number, write {n} or 'Term {term}'")
    # and written so, it is read
    fixed = parse_curriculum(plan.replace(f",{term},", f",Term {term},"), store, fmt="csv", source="plan.csv")
    assert [c.term for c in fixed.courses] == [1, n]
