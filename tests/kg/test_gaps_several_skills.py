"""A name that lists several skills with another separator than ';' ('SQL and statistics',
'SQL & Python programming', 'machine learning/ statistics', 'machine learning, Pyhton')
is told that it names several skills and how to write them. It was told "check the
spelling, or describe the skill in a --data file", or "did you mean 'machine learning'?",
which drops the other skill."""

from __future__ import annotations

import pytest

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps
from kg.store import Store


def _unknown(store: Store, cell: str):  # type: ignore[no-untyped-def]
    plan = f'course,term,teaches,requires\nB,1,"{cell}",\n'
    [u] = find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="plan.csv")).unknown_skills
    return u


@pytest.mark.parametrize(
    ("cell", "parts", "fix"),
    [
        ("SQL and statistics", "'SQL' and 'statistics'", "write them separated by ';': 'SQL; statistics'"),
        (
            "SQL & Python programming",
            "'SQL' and 'Python programming'",
            "write them separated by ';': 'SQL; Python programming'",
        ),
        (
            "machine learning/ statistics",
            "'machine learning' and 'statistics'",
            "write them separated by ';': 'machine learning; statistics'",
        ),
    ],
)
def test_a_name_of_several_known_skills_says_how_to_write_them(
    store: Store, cell: str, parts: str, fix: str
) -> None:
    u = _unknown(store, cell)
    assert (
        u.message
        == f"unknown skill {cell!r} taught by 'B' (term 1, line 2): it names several skills, {parts}"
    )
    assert u.suggestion == fix


def test_a_part_that_names_no_skill_gets_its_closest_match(store: Store) -> None:
    u = _unknown(store, "machine learning, Pyhton")
    assert u.message.endswith(": it names several skills, 'machine learning' and 'Pyhton'")
    assert u.suggestion == (
        "write them separated by ';': 'machine learning; Pyhton'; 'Pyhton' names no skill either: "
        "did you mean 'Python programming'?"
    )


def test_a_name_whose_parts_name_no_skill_is_a_misspelling_as_before(store: Store) -> None:
    u = _unknown(store, "Pyhton and Jaava")
    assert u.note == ""
    assert "several" not in u.message


def test_a_misspelt_label_with_and_in_it_is_a_misspelling(store: Store) -> None:
    # 'ETL' names a skill, but 'ETL and data pipeline' misspells 'ETL and data pipelines'
    u = _unknown(store, "ETL and data pipeline")
    assert u.suggestion == "did you mean 'ETL and data pipelines'?"
