"""`learning_path(G, ...)` with an unknown role or skill: the closest names are found
among preferred and alternative labels alike, as kg.names finds them ("ML engineer" is
an alt label of Machine Learning Engineer), and a name or IRI text given where a node
of the projection belongs is said to be one."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import URIRef

from kg.errors import UnknownEntity
from kg.namespace import ROLE, SKILL
from kg.paths import learning_path, unlocks
from kg.project import projection
from kg.store import Store


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return projection(Store.default())


def _raised(call: object, *args: object, **kwargs: object) -> UnknownEntity:
    with pytest.raises(UnknownEntity) as info:
        call(*args, **kwargs)  # type: ignore[operator]
    return info.value


def test_an_unknown_role_iri_is_matched_against_alt_labels(G: nx.MultiDiGraph) -> None:
    # "ml-enginer" was closest to 'MLOps Engineer' only: "ML Engineer" is an alt label
    err = _raised(learning_path, G, None, ROLE["ml-enginer"])
    assert err.suggestions[0] == "Machine Learning Engineer", err
    # "MLE" (an alt label) had no similar label at all
    err = _raised(learning_path, G, None, ROLE["mle"])
    assert "Machine Learning Engineer" in err.suggestions, err


def test_an_unknown_known_skill_is_matched_against_alt_labels(G: nx.MultiDiGraph) -> None:
    # "matrix algebra" is an alt label of linear algebra; "matrix algebr" was near nothing
    err = _raised(learning_path, G, None, ROLE["data-scientist"], known=[SKILL["matrix-algebr"]])
    assert err.suggestions[:1] == ["linear algebra"], err
    err = _raised(unlocks, G, SKILL["vectors-and-matrice"])
    assert err.suggestions[:1] == ["linear algebra"], err


def test_a_name_where_a_node_belongs_is_said_to_be_one(G: nx.MultiDiGraph) -> None:
    # "unknown skill name 'linear algebra'; closest known labels: 'linear algebra'"
    err = _raised(learning_path, G, None, ROLE["data-scientist"], known=["linear algebra"])
    assert f"it is the name of {SKILL['linear-algebra'].n3()}" in str(err), err
    err = _raised(learning_path, G, None, "ML engineer")
    assert f"it is the name of {ROLE['machine-learning-engineer'].n3()}" in str(err), err
    # an IRI as a plain string: the node is the rdflib.URIRef
    err = _raised(learning_path, G, None, str(ROLE["data-scientist"]))
    assert "pass rdflib.URIRef(" in str(err), err
    # a name of a node of another kind
    err = _raised(learning_path, G, None, ROLE["data-scientist"], known=["sklearn"])
    assert "it names a tool: 'scikit-learn'" in str(err), err


def test_a_projection_without_alt_labels_still_suggests_preferred_labels() -> None:
    from kg.synthetic import tiny_graph

    err = _raised(learning_path, tiny_graph(), None, URIRef("role:ml-enginer"))
    assert err.suggestions[0] == "ML Engineer"
