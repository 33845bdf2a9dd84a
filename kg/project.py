"""The NetworkX projection of the RDF store: typed nodes, typed weighted edges.

The store stays the single source of truth; :func:`projection` builds a
:class:`networkx.MultiDiGraph` from the handful of predicates the graph algorithms
need (not ``rdflib_to_networkx`` over every triple) and caches it per store version,
so it is rebuilt whenever the store changes.

Nodes are the IRIs (:class:`rdflib.URIRef`) with the attributes

* ``type``: one of ``"role"``, ``"skill"``, ``"tool"``, ``"degree"``,
  ``"certification"``, ``"course"``, ``"area"``;
* ``label``: the preferred label;
* skills also carry ``hours`` (float, ``ckg:learningHours``; :data:`DEFAULT_HOURS`
  with ``hours_estimated=True`` when the data gives none) and ``skill_type``
  (``"knowledge"``, ``"competence"``, ``"soft skill"`` or ``""``);
* degrees, certifications and courses carry ``hours`` (``ckg:durationHours``, or
  ``None``), ``cost`` (``ckg:costUSD`` or ``None``) and ``retired`` (``ckg:retiredOn``
  as an ISO date string, the last day it could be taken, or ``None``).

The graph attribute ``alt_labels`` maps each node with alternative labels
(``skos:altLabel``) to them, for the closest names suggested for an unknown one.

Edges are keyed by relation name, so ``G.has_edge(u, v, "requires")`` asks one
relation:

============== ========================== ===========================================
key            direction                  attributes
============== ========================== ===========================================
requires       role → skill               ``level`` (1–5), ``importance`` (essential/optional)
prerequisite   skill → its prerequisite
progresses     role → role                ``years`` (typical years, or ``None``)
teaches        credential/course → skill  ``level`` (or ``None``)
requires_prior credential/course → skill  (the skill is expected before it)
supports       tool → skill
uses           role → tool
expects        role → credential
in_area        skill → area
broader        skill → broader skill      (``skos:broader`` between two skills: the narrower
                                          one includes it, as Python programming includes
                                          computer programming)
============== ========================== ===========================================

Examples
--------
>>> from rdflib import Graph
>>> ttl = '''
... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <urn:r> a ckg:Role ; skos:prefLabel "Analyst" ;
...     ckg:hasRequirement [ ckg:requiredSkill <urn:s> ; ckg:level 3 ;
...                          ckg:importance ckg:Essential ] .
... <urn:s> a ckg:Skill ; skos:prefLabel "SQL" ; ckg:learningHours 40 .
... '''
>>> G = project(Graph().parse(data=ttl, format="turtle"))
>>> from rdflib import URIRef
>>> G.nodes[URIRef("urn:s")]["hours"]
40.0
>>> G.edges[URIRef("urn:r"), URIRef("urn:s"), "requires"]
{'level': 3, 'importance': 'essential'}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.names import collector_paused, label_of
from kg.namespace import CKG
from kg.store import is_remote, remote_select
from kg.store import pairs as read_pairs

if TYPE_CHECKING:
    from kg.store import Store

__all__ = [
    "DEFAULT_HOURS",
    "DEFAULT_LEVEL",
    "NODE_TYPES",
    "RELATIONS",
    "edges_of",
    "project",
    "projection",
]

DEFAULT_HOURS = 40.0
"""Learning hours assumed for a skill whose data gives none (flagged ``hours_estimated``)."""

DEFAULT_LEVEL = 3
"""Level assumed for a requirement stated without one (3, practitioner)."""

# the class of a node decides its type; the first match wins
NODE_TYPES: tuple[tuple[URIRef, str], ...] = (
    (CKG.Role, "role"),
    (CKG.Skill, "skill"),
    (CKG.Tool, "tool"),
    (CKG.Degree, "degree"),
    (CKG.Certification, "certification"),
    (CKG.Course, "course"),
    (CKG.SkillArea, "area"),
)

RELATIONS: tuple[str, ...] = (
    "requires",
    "prerequisite",
    "progresses",
    "teaches",
    "requires_prior",
    "supports",
    "uses",
    "expects",
    "in_area",
    "broader",
)
"""The edge keys of the projection."""

_SKILL_TYPES = {CKG.Knowledge: "knowledge", CKG.Competence: "competence", CKG.SoftSkill: "soft skill"}

# plain (unqualified) relations: predicate, edge key, type of subject, type of object
_PLAIN: tuple[tuple[URIRef, str, str, str], ...] = (
    (CKG.hasPrerequisite, "prerequisite", "skill", "skill"),
    (CKG.requiresPrior, "requires_prior", "course", "skill"),
    (CKG.supportsSkill, "supports", "tool", "skill"),
    (CKG.usesTool, "uses", "role", "tool"),
    (CKG.expectsCredential, "expects", "role", "certification"),
    (CKG.inSkillArea, "in_area", "skill", "area"),
)


def projection(store: Store) -> nx.MultiDiGraph:
    """The projection of ``store``, cached per store version.

    Parameters
    ----------
    store : kg.store.Store
        The store; a change to it (``load``/``touch``) makes the next call rebuild.

    Returns
    -------
    networkx.MultiDiGraph
        Shared between callers: treat it as read-only (copy it before changing it).

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> projection(store) is projection(store)
    True
    """
    return store.derived("projection", lambda s: project(s.graph))


def _num(value: Node | None) -> float | None:
    if isinstance(value, Literal):
        try:
            return float(value.toPython())
        except (TypeError, ValueError):
            return None
    return None


class _Reader:
    """Reads a graph one predicate at a time, each in one pass.

    On an Oxigraph-backed graph every term is converted to rdflib once for the whole
    projection (not once per predicate), and the qualifier nodes of requirements,
    teachings and progressions can stay Oxigraph terms (``raw_*``): they are only
    dictionary keys joining two reads, never part of the result. On any other graph
    the pairs are :func:`kg.store.pairs`, the same either way.
    """

    def __init__(self, graph: Graph) -> None:
        from kg.store import FromOxigraph, oxigraph_of

        self.graph = graph
        self.inner = oxigraph_of(graph)
        self.remote = is_remote(graph)
        self.convert = FromOxigraph()
        self.known: dict[Any, Node] = {}  # Oxigraph term -> rdflib term
        self.by_qualifier: dict[URIRef, dict[Any, Node]] = {}  # attribute -> qualifier -> value

    def _new(self, term: Any) -> Node:
        node = self.known[term] = self.convert(term)
        return node

    def pairs(
        self,
        predicate: URIRef,
        obj: Node | None = None,
        *,
        raw_subject: bool = False,
        raw_object: bool = False,
    ) -> list[tuple[Any, Any]]:
        """The ``(subject, object)`` pairs of ``predicate`` (with object ``obj`` when given)."""
        if self.inner is None:
            return read_pairs(self.graph, predicate, obj)
        # `known.get(t) or new(t)`: a falsy term (an empty literal) is just converted again
        known, new = self.known.get, self._new
        if obj is not None:
            rows = self.inner.query(f"SELECT ?s WHERE {{ ?s {predicate.n3()} {obj.n3()} }}")
            return [(known(s) or new(s), obj) for (s,) in rows]
        rows = self.inner.query(f"SELECT ?s ?o WHERE {{ ?s {predicate.n3()} ?o }}")
        if raw_subject:
            return [(s, known(o) or new(o)) for s, o in rows]
        if raw_object:
            return [(known(s) or new(s), o) for s, o in rows]
        return [(known(s) or new(s), known(o) or new(o)) for s, o in rows]

    def values(self, predicate: URIRef, *, raw_subject: bool = False) -> dict[Any, Node]:
        """``subject -> object`` of a (functional) predicate."""
        return dict(self.pairs(predicate, raw_subject=raw_subject))

    def iri_pairs(self, predicate: URIRef) -> list[tuple[URIRef, URIRef]]:
        """IRI pairs linked by ``predicate``, in IRI order."""
        pairs = [(s, o) for s, o in self.pairs(predicate) if isinstance(s, URIRef) and isinstance(o, URIRef)]
        return sorted(pairs, key=_key)

    def qualified(
        self, link: URIRef, target: URIRef, *attributes: URIRef
    ) -> list[tuple[URIRef, URIRef, tuple[Node | None, ...]]]:
        """``(subject, target, values)`` of a qualified link such as a requirement.

        ``values`` holds the qualifier node's value of each of ``attributes`` (or
        ``None``). The qualifier, usually a blank node, joins the reads. A remote
        endpoint need not label a blank node the same way in two answers (Jena's
        number them per answer; a server with several workers that each loaded the
        data has several labels for it), so there the link, its target and the
        attributes are read in one query.
        """
        if self.remote:
            return self._qualified_in_one_query(link, target, attributes)
        targets = self.values(target, raw_subject=True)
        of = [self._by_qualifier(a) for a in attributes]
        out = []
        for s, q in self.pairs(link, raw_object=True):
            o = targets.get(q)
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                out.append((s, o, tuple(values.get(q) for values in of)))
        return sorted(out, key=lambda t: (str(t[0]), str(t[1])))

    def _by_qualifier(self, attribute: URIRef) -> dict[Any, Node]:
        if attribute not in self.by_qualifier:
            self.by_qualifier[attribute] = self.values(attribute, raw_subject=True)
        return self.by_qualifier[attribute]

    def _qualified_in_one_query(
        self, link: URIRef, target: URIRef, attributes: tuple[URIRef, ...]
    ) -> list[tuple[URIRef, URIRef, tuple[Node | None, ...]]]:
        optional = " ".join(f"OPTIONAL {{ ?q {a.n3()} ?a{i} }}" for i, a in enumerate(attributes))
        where = f"?s {link.n3()} ?q . ?q {target.n3()} ?o . FILTER(isIRI(?s) && isIRI(?o)) {optional}"
        out: list[tuple[URIRef, URIRef, tuple[Node | None, ...]]] = []
        for s, o, *values in remote_select(
            self.graph, ["s", "o", *(f"a{i}" for i in range(len(attributes)))], where
        ):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                out.append((s, o, tuple(values)))
        return sorted(out, key=lambda t: (str(t[0]), str(t[1]), [str(v) for v in t[2]]))

    def texts(self, predicate: URIRef) -> list[tuple[Node, str, str | None]]:
        """``(subject, text, language)`` of each literal object of ``predicate``.

        On an Oxigraph-backed graph the literals are not made rdflib terms: labels are
        most of a taxonomy's literals (ESCO's 116,000 alternative labels), and only
        their text and language are wanted.
        """
        if self.inner is None:
            return [(s, str(o), o.language) for s, o in self.pairs(predicate) if isinstance(o, Literal)]
        known, new = self.known.get, self._new
        rows = self.inner.query(f"SELECT ?s ?o WHERE {{ ?s {predicate.n3()} ?o FILTER(isLITERAL(?o)) }}")
        return [(known(s) or new(s), o.value, o.language) for s, o in rows]

    def labels(self) -> dict[Node, str]:
        """Preferred labels as :func:`kg.names.label_of` picks them, read in two passes."""
        best: dict[Node, tuple[int, str]] = {}
        for rank, predicate in enumerate((SKOS.prefLabel, RDFS.label)):
            for s, text, language in self.texts(predicate):
                r = rank if language in (None, "en") else 2 + rank
                if s not in best or r < best[s][0]:
                    best[s] = (r, text)
        return {s: label for s, (_, label) in best.items()}


def _key(pair: tuple[Node, Node]) -> tuple[str, str]:
    return (str(pair[0]), str(pair[1]))


def project(graph: Graph) -> nx.MultiDiGraph:
    """Build the projection of an RDF graph (uncached).

    Nodes and edges are added in IRI order, so the result (and every algorithm's
    tie-breaking over it) is deterministic. An IRI that a relation uses but no
    ``rdf:type`` describes is added with the type the relation implies. Each
    predicate is read in one pass, so building is linear in the triples used.

    Parameters
    ----------
    graph : rdflib.Graph
        A careerkg graph (ontology terms, qualified requirements, teachings and
        progressions; the materialised shortcuts are used where no qualified link
        exists).

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> from rdflib import Graph
    >>> G = project(Graph())
    >>> G.number_of_nodes(), G.number_of_edges()
    (0, 0)
    """
    # its millions of new nodes, edges and attribute dicts are none of them garbage, and
    # each collection of the oldest generation walked them all (ESCO: 14.0 s -> 11.3 s)
    with collector_paused():
        return _project(graph)


def _project(graph: Graph) -> nx.MultiDiGraph:
    """:func:`project`'s work."""
    G = nx.MultiDiGraph()
    read = _Reader(graph)
    labels = read.labels()

    def label(node: URIRef) -> str:
        return labels.get(node) or label_of(graph, node)

    def ensure(node: URIRef, kind: str) -> None:
        if node not in G:
            G.add_node(node, type=kind, label=label(node))
            if kind == "skill":
                G.nodes[node].update(hours=DEFAULT_HOURS, hours_estimated=True, skill_type="")

    learning_hours = read.values(CKG.learningHours)
    skill_types = read.values(CKG.skillType)
    duration = read.values(CKG.durationHours)
    cost = read.values(CKG.costUSD)
    retired = read.values(CKG.retiredOn)
    for cls, kind in NODE_TYPES:
        # (sorted by text: the same order as rdflib's for IRIs, without its slow __lt__)
        for node in sorted((s for s, _ in read.pairs(RDF.type, cls) if isinstance(s, URIRef)), key=str):
            if node in G:
                continue
            attrs: dict[str, Any] = {"type": kind, "label": label(node)}
            if kind == "skill":
                hours = _num(learning_hours.get(node))
                attrs["hours"] = DEFAULT_HOURS if hours is None else hours
                attrs["hours_estimated"] = hours is None
                kind_of = skill_types.get(node)
                attrs["skill_type"] = _SKILL_TYPES.get(kind_of, "") if isinstance(kind_of, URIRef) else ""
            elif kind in ("degree", "certification", "course"):
                attrs["hours"] = _num(duration.get(node))
                attrs["cost"] = _num(cost.get(node))
                last_day = retired.get(node)
                attrs["retired"] = str(last_day) if isinstance(last_day, Literal) else None
            G.add_node(node, **attrs)

    # role -> skill requirements, qualified; several for one pair keep the strongest
    optional = CKG.Optional
    for role, skill, (lv_, importance) in read.qualified(
        CKG.hasRequirement, CKG.requiredSkill, CKG.level, CKG.importance
    ):
        lv = _num(lv_)
        imp = "optional" if importance == optional else "essential"
        _add_requirement(G, ensure, role, skill, int(lv) if lv else DEFAULT_LEVEL, imp)
    for role, skill in read.iri_pairs(CKG.requiresSkill):
        if not G.has_edge(role, skill, "requires"):
            _add_requirement(G, ensure, role, skill, DEFAULT_LEVEL, "essential")

    # role -> role progressions with typical years (the shortest step when stated twice)
    for role, to, (typical_years,) in read.qualified(CKG.hasProgression, CKG.toRole, CKG.typicalYears):
        ensure(role, "role")
        ensure(to, "role")
        years = _num(typical_years)
        old = G.get_edge_data(role, to, "progresses")
        if old is None or (years is not None and (old["years"] is None or years < old["years"])):
            G.add_edge(role, to, "progresses", years=years)
    for role, to in read.iri_pairs(CKG.progressesTo):
        if not G.has_edge(role, to, "progresses"):
            ensure(role, "role")
            ensure(to, "role")
            G.add_edge(role, to, "progresses", years=None)

    # learning opportunity -> skill teachings with level (the highest when stated twice)
    for opp, skill, (taught_level,) in read.qualified(CKG.hasTeaching, CKG.taughtSkill, CKG.level):
        ensure(opp, "course")
        ensure(skill, "skill")
        lv = _num(taught_level)
        old = G.get_edge_data(opp, skill, "teaches")
        new = int(lv) if lv else None
        if old is None or (new is not None and (old["level"] is None or new > old["level"])):
            G.add_edge(opp, skill, "teaches", level=new)
    for opp, skill in read.iri_pairs(CKG.teaches):
        if not G.has_edge(opp, skill, "teaches"):
            ensure(opp, "course")
            ensure(skill, "skill")
            G.add_edge(opp, skill, "teaches", level=None)

    for predicate, key, s_kind, o_kind in _PLAIN:
        for s, o in read.iri_pairs(predicate):
            ensure(s, s_kind)
            ensure(o, o_kind)
            G.add_edge(s, o, key)

    # skill -> broader skill; skos:broader also links occupations and groups, which stay out
    for s, o in read.iri_pairs(SKOS.broader):
        if s != o and G.nodes.get(s, {}).get("type") == "skill" and G.nodes.get(o, {}).get("type") == "skill":
            G.add_edge(s, o, "broader")
    alt_labels: dict[Node, list[str]] = {}
    for labelled, text, _language in read.texts(SKOS.altLabel):
        if labelled in G:
            alt_labels.setdefault(labelled, []).append(text)
    G.graph["alt_labels"] = {
        s: tuple(sorted(set(names))) for s, names in sorted(alt_labels.items(), key=lambda item: str(item[0]))
    }
    return G


def _add_requirement(
    G: nx.MultiDiGraph, ensure: Any, role: URIRef, skill: URIRef, level: int, imp: str
) -> None:
    ensure(role, "role")
    ensure(skill, "skill")
    old = G.get_edge_data(role, skill, "requires")
    if old is not None:
        level = max(level, old["level"])
        imp = "essential" if "essential" in (imp, old["importance"]) else "optional"
    G.add_edge(role, skill, "requires", level=level, importance=imp)


def edges_of(G: nx.MultiDiGraph, node: Any, key: str) -> Iterator[tuple[Any, dict[str, Any]]]:
    """The ``(neighbour, attrs)`` pairs of ``node``'s out-edges of relation ``key``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("ml", "python", "prerequisite")
    'prerequisite'
    >>> G.add_edge("ml", "stats", "in_area")
    'in_area'
    >>> [v for v, _ in edges_of(G, "ml", "prerequisite")]
    ['python']
    """
    for v, keys in G._succ[node].items():
        attrs = keys.get(key)
        if attrs is not None:
            yield v, attrs


def in_edges_of(G: nx.MultiDiGraph, node: Any, key: str) -> Iterable[tuple[Any, dict[str, Any]]]:
    """The ``(neighbour, attrs)`` pairs of ``node``'s in-edges of relation ``key``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("ml", "python", "prerequisite")
    'prerequisite'
    >>> [u for u, _ in in_edges_of(G, "python", "prerequisite")]
    ['ml']
    """
    for u, keys in G._pred[node].items():
        attrs = keys.get(key)
        if attrs is not None:
            yield u, attrs
