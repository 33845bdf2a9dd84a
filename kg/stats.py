"""Counting what a careerkg graph holds: nodes per class, links per relation.

Examples
--------
>>> from kg.store import Store
>>> s = stats(Store.default().graph)
>>> s["triples"] > 0 and "Role" in s["classes"]
True
"""

from __future__ import annotations

from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

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
    CKG.IscoGroup,
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
    CKG.relatedRole,
    CKG.relatedSkill,
    SKOS.broader,  # between two skills, inclusion (Python programming in computer programming)
)


def _local(term: URIRef) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _values(terms: tuple[URIRef, ...]) -> str:
    return " ".join(f"<{t}>" for t in terms)


def stats(graph: Graph) -> dict[str, Any]:
    """Triples, instances per class, links per relation, the essential/optional split and
    the sources the graph cites.

    A few aggregate queries, so an Oxigraph or remote store counts in its own engine
    (the ESCO store: well under a second, instead of converting every triple to Python).

    Returns
    -------
    dict
        ``{"triples": int, "classes": {name: n}, "relations": {name: n},
        "requirements": {"essential": n, "optional": n}, "sources": [{"iri", "title",
        "version", "cited_by"}], "attribution": [{"source", "title", "rights",
        "license"}]}``: each ``ckg:SourceDocument`` (the curated data, the seed articles,
        each imported release), with the nodes and qualified links that cite it
        (``dcterms:source``), the most cited first; and the credit each third-party source
        asks for wherever its data is shown (its ``dcterms:rights``; none on the curated
        graph alone).

    Examples
    --------
    >>> from kg.store import Store
    >>> [(s["title"], s["cited_by"] > 0) for s in stats(Store.default().graph)["sources"]][:1]
    [('careerkg curated estimates', True)]
    """
    from kg.importers.attribution import attributions
    from kg.store import oxigraph_of

    def counts(text: str) -> dict[str, int]:
        return {_local(row[0]): int(row[1]) for row in graph.query(text)}  # type: ignore[index, arg-type]

    by_class = counts(
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {_values(CLASSES)} }} ?s a ?c }} GROUP BY ?c"
    )
    by_relation = counts(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {_values(RELATIONS)} }} ?s ?p ?o }} GROUP BY ?p"
    )
    importance = counts(
        f"SELECT ?i (COUNT(*) AS ?n) WHERE {{ ?r <{CKG.importance}> ?i FILTER(isIRI(?i)) }} GROUP BY ?i"
    )
    inner = oxigraph_of(graph)
    cited = {
        str(row[0]): int(row[1])  # type: ignore[index, arg-type]
        for row in graph.query(
            f"SELECT ?src (COUNT(*) AS ?n) WHERE {{ ?x <{DCTERMS.source}> ?src }} GROUP BY ?src"
        )
    }
    described: dict[str, tuple[str, str]] = {}
    for row in graph.query(
        f"""SELECT ?src ?title ?version WHERE {{ ?src a <{CKG.SourceDocument}>
            OPTIONAL {{ ?src <{DCTERMS.title}> ?title }} OPTIONAL {{ ?src <{DCTERMS.hasVersion}> ?version }} }}"""
    ):
        src, title, version = (str(t) if t is not None else "" for t in row)  # type: ignore[union-attr]
        old_title, old_version = described.get(src, ("", ""))
        described[src] = (old_title or title or src, old_version or version)
    order = sorted(described, key=lambda src: (-cited.get(src, 0), described[src][0]))
    sources = [
        {"iri": src, "title": described[src][0], "version": described[src][1], "cited_by": cited.get(src, 0)}
        for src in order
    ]
    return {
        "triples": len(inner) if inner is not None else len(graph),  # oxrdflib's len() is a slow query
        "classes": {_local(c): by_class.get(_local(c), 0) for c in CLASSES},
        "relations": {_local(p): by_relation.get(_local(p), 0) for p in RELATIONS},
        "requirements": {
            "essential": importance.get("Essential", 0),
            "optional": importance.get("Optional", 0),
        },
        "sources": sources,
        "attribution": [a._asdict() for a in attributions(graph)],
    }
