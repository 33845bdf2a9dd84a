"""Plans that share one :class:`kg.paths.PlanFacts` answer as plans made alone.

:func:`kg.paths.plan` shares the facts of a store version between its plans (each role's
requirements, the closures of each skill, who teaches it, where the ladder leads from
each source), found as plans ask. Whatever order the plans come in, each must be the
plan a fresh planner makes.
"""

from __future__ import annotations

from kg.namespace import CKG
from kg.paths import PlanFacts, learning_paths, plan
from kg.project import projection
from kg.store import Store


def _shape(path: object) -> object:
    d = path.to_dict()  # type: ignore[attr-defined]
    return d, [a.to_dict() for a in path.alternatives]  # type: ignore[attr-defined]


def test_every_role_to_every_role_as_alone(store: Store) -> None:
    G = projection(store)
    roles = sorted((r for r in store.instances(CKG.Role) if r in G), key=str)
    assert len(roles) >= 10
    facts = PlanFacts(G)
    compared = 0
    for source in [None, *roles]:
        for target in roles:
            known = {} if source is not None else {_node(G, "https://w3id.org/careerkg/id/skill/python"): 2}
            shared = learning_paths(G, source, target, 2, known=known, facts=facts)
            alone = learning_paths(G, source, target, 2, known=known)
            assert [p.to_dict() for p in shared] == [p.to_dict() for p in alone], (source, target)
            compared += 1
    assert compared == (len(roles) + 1) * len(roles)
    assert facts.reqs  # the facts were filled and used
    assert facts.ahead


def test_plan_shares_the_facts_of_the_store_version(store: Store) -> None:
    facts = PlanFacts.of(store)
    assert PlanFacts.of(store) is facts
    assert facts.G is projection(store)
    first = plan(store, "Data Analyst", "Machine Learning Engineer", know=["Python:3"], alternatives=2)
    again = plan(store, "Data Analyst", "Machine Learning Engineer", know=["Python:3"], alternatives=2)
    assert _shape(first) == _shape(again)
    G = facts.G
    alone = learning_paths(
        G,
        _node(G, "https://w3id.org/careerkg/id/role/data-analyst"),
        _node(G, "https://w3id.org/careerkg/id/role/machine-learning-engineer"),
        3,
        known={_node(G, "https://w3id.org/careerkg/id/skill/python"): 3},
    )
    assert first.to_dict()["steps"] == alone[0].to_dict()["steps"]


def test_facts_of_another_graph_are_not_used(store: Store) -> None:
    G = projection(store)
    other = PlanFacts(G.copy())
    analyst = _node(G, "https://w3id.org/careerkg/id/role/data-analyst")
    scientist = _node(G, "https://w3id.org/careerkg/id/role/data-scientist")
    path = learning_paths(G, analyst, scientist, 1, facts=other)[0]
    assert other.reqs == {}  # a planner over G made its own
    assert path.to_dict() == learning_paths(G, analyst, scientist, 1)[0].to_dict()


def _node(G: object, iri: str) -> object:
    """The node of ``G`` whose IRI is ``iri``."""
    for node in G.nodes:  # type: ignore[attr-defined]
        if str(node) == iri:
            return node
    raise AssertionError(f"no node {iri}")
