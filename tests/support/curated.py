"""The curated instance data (``data/*.ttl``) as rdflib reads it, parsed once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@cache
def curated_data() -> Graph:
    """Every Turtle file of ``data/`` in one graph (tests only read it)."""
    g = Graph()
    files = sorted(DATA_DIR.glob("*.ttl"))
    assert files, f"no Turtle files in {DATA_DIR}"
    for f in files:
        g.parse(f, format="turtle")
    return g
