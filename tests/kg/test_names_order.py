"""Suggestions come in one order, whatever Python's string hashing (the labels were read
in the store's order, which changed at each run: 'careerkg unlocks learning' listed
its five partial names in another order each time), and names holding the name typed
come those starting with it first, then the shortest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kg.namespace import CKG
from tests.support.labels import label_index

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import json
from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store
index = LabelIndex.of(Store.default())
print(json.dumps([index.closest("learning", CKG.Skill), index.closest("data", CKG.Role), list(index.labels)[:20]]))
"""


def _suggestions(seed: str) -> object:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_suggestions_are_the_same_at_every_run() -> None:
    first = _suggestions("1")
    assert all(_suggestions(seed) == first for seed in ("2", "3"))


def test_names_holding_the_name_typed_start_with_it_first_then_the_shortest() -> None:
    index = label_index(
        CKG.Role,
        {"Data Analyst": [], "Senior Data Scientist": [], "Data Scientist": [], "Head of Data": []},
    )
    assert index.closest("data", CKG.Role) == [
        "Data Analyst",
        "Data Scientist",
        "Head of Data",
        "Senior Data Scientist",
    ]
