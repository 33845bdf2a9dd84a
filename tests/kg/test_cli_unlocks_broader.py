"""`careerkg unlocks` names the broader skills a skill counts for.

Python programming is narrower than computer programming (``skos:broader``): knowing or
learning it counts for computer programming up to level 3, so it opens what computer
programming opens too (Java, data structures and algorithms... build on it). `unlocks
Python` said nothing of it.
"""

from __future__ import annotations

import json

from tests.support.cli import invoke

PROGRAMMING = "https://w3id.org/careerkg/id/skill/computer-programming"


def _json(skill: str) -> dict:
    result = invoke("unlocks", skill, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_lists_the_broader_skills_with_what_they_open() -> None:
    d = _json("Python programming")
    broader = _json("computer programming")
    assert [(b["iri"], b["label"]) for b in d["broader"]] == [(PROGRAMMING, "computer programming")]
    assert d["broader"][0]["roles"] == len(broader["roles"]) > 0
    assert d["broader"][0]["skills"] == len(broader["skills"]) > 0
    assert _json("statistics")["broader"] == []


def test_the_table_says_what_it_counts_for() -> None:
    broader = _json("computer programming")
    out = invoke("unlocks", "Python programming", env={"COLUMNS": "120"}).output
    flat = " ".join(line.strip() for line in out.splitlines())
    assert "counts for broader skills up to level 3 (1):" in flat
    assert (
        f"computer programming: {len(broader['roles'])} roles require it, "
        f'{len(broader["skills"])} skills build on it (careerkg unlocks "computer programming")'
    ) in flat
    plain = invoke("unlocks", "statistics").output
    assert "broader" not in plain
