"""Content audit of the career ladder in ``data/roles.ttl``: the steps a practitioner
expects are there, each with its typical years and its source.

Research Scientist was reachable only from Student (a PhD straight after a degree), so
every learning path from a working role into research was a direct switch. Industry
research scientists are also hired from data science, ML engineering and the
language/vision specialisms after a few years of applied work (often with publications or
a part-time doctorate). The seed documents name no route into research, so these steps
cite ``src:curated``.
"""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, XSD

from kg.namespace import CKG, ROLE, SRC


def _steps(g: Graph, a: URIRef, b: URIRef) -> list:
    return [p for p in g.objects(a, CKG.hasProgression) if g.value(p, CKG.toRole) == b]


# (from role, lowest and highest plausible typical years before the step)
INTO_RESEARCH = [
    ("data-scientist", 2, 5),
    ("machine-learning-engineer", 2, 5),
    ("nlp-engineer", 1, 4),
    ("computer-vision-engineer", 1, 4),
]


@pytest.mark.parametrize(("source", "low", "high"), INTO_RESEARCH, ids=[s for s, _, _ in INTO_RESEARCH])
def test_applied_roles_progress_to_research_scientist(data, source, low, high):
    steps = _steps(data, ROLE[source], ROLE["research-scientist"])
    assert len(steps) == 1, f"expected one progression {source} -> research-scientist, found {len(steps)}"
    years = data.value(steps[0], CKG.typicalYears)
    assert years is not None
    assert years.datatype == XSD.decimal
    assert low <= years.toPython() <= high, f"{source} -> research-scientist after {years} years"
    assert set(data.objects(steps[0], DCTERMS.source)) == {SRC.curated}, "no seed names a route into research"


def test_research_scientist_is_reached_from_working_roles(data):
    ladder = nx.DiGraph()
    for a, p in data.subject_objects(CKG.hasProgression):
        ladder.add_edge(a, data.value(p, CKG.toRole))
    before = set(ladder.predecessors(ROLE["research-scientist"]))
    assert before - {ROLE["student"]}, "Research Scientist is reached from Student alone"
    # a data analyst reaches research through data science, not by a switch
    path = nx.shortest_path(ladder, ROLE["data-analyst"], ROLE["research-scientist"])
    assert ROLE["data-scientist"] in path
