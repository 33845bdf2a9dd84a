"""Fixtures shared by the graph-core tests."""

from __future__ import annotations

import pytest
from rdflib import Graph

from tests.support.curated import curated_data


@pytest.fixture(scope="module")
def data() -> Graph:
    """The curated data alone (``data/*.ttl``), without the ontology."""
    return curated_data()
