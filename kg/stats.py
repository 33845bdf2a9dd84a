"""Counting what a careerkg graph holds: nodes per class, links per relation.

Examples
--------
>>> from kg.store import Store
>>> s = stats(Store.default().graph)
>>> s["triples"] > 0 and "Role" in s["classes"]
True
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rdflib import RDF, Graph, URIRef

from kg.namespace import CKG

__all__ = ["CLASSES", "RELATIONS", "stats"]

CLASSES: tuple[URIRef, ...] = (
    CKG.Role,
    CKG.Skill,
    CKG.SkillArea,
    CKG.Tool,
    CKG.Degree,
    CKG.Certification,
    CKG.Course,
    CKG.Curriculum,
    CKG.Requirement,
    CKG.Teaching,
    CKG.Progression,
    CKG.SourceDocument,
)

RELATIONS: tuple[URIRef, ...] = (
    CKG.requiresSkill,
    CKG.hasPrerequisite,
    CKG.progressesTo,
    CKG.usesTool,
    CKG.supportsSkill,
    CKG.teaches,
    CKG.expectsCredential,
    CKG.inSkillArea,
    CKG.requiresPrior,
    CKG.hasCourse,
)


def _local(term: URIRef) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def stats(graph: Graph) -> dict[str, Any]:
    """Triples, instances per class, links per relation, and the essential/optional split.

    Returns
    -------
    dict
        ``{"triples": int, "classes": {name: n}, "relations": {name: n},
        "requirements": {"essential": n, "optional": n}}``
    """
    classes = {_local(c): sum(1 for _ in graph.subjects(RDF.type, c)) for c in CLASSES}
    relations = {_local(p): sum(1 for _ in graph.subject_objects(p)) for p in RELATIONS}
    importance = Counter(_local(o) for o in graph.objects(None, CKG.importance) if isinstance(o, URIRef))
    return {
        "triples": len(graph),
        "classes": classes,
        "relations": relations,
        "requirements": {
            "essential": importance.get("Essential", 0),
            "optional": importance.get("Optional", 0),
        },
    }
