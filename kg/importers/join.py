"""Joining imported taxonomies to the curated graph: ``skos:exactMatch`` means "same node".

A curated node ``C`` that states ``C skos:exactMatch E``, where ``E`` is an imported
node of the same class (both ``ckg:Role``, both ``ckg:Skill``, …), absorbs ``E``:
every triple about ``E`` is rewritten onto ``C`` and every link to ``E`` now points at
``C``. Paths, exploration, gaps and SPARQL then see one node, carrying the curated
facts and the imported ones together. The rules:

- ``E``'s preferred label becomes an alt label of ``C`` (``C`` keeps its own, so the
  shapes' one-prefLabel-per-language holds and ``E``'s name still finds ``C``);
- where ``C`` already has a value of a single-valued property (skill type, learning
  hours, estimate flag, definition, level, job zone), the curated value wins, and
  ``E``'s estimate flag is dropped when ``C`` has its own learning hours;
- a requirement ``E`` brings for a skill ``C`` already requires is dropped (the curated
  requirement, with its curated level, wins);
- links that would become self-loops are dropped;
- ``C skos:exactMatch E`` itself is kept, so the imported IRI stays visible.

``E`` is the imported side: it must have an ``rdf:type`` in the graph and must not
itself state an ``exactMatch`` to ``C``. When several curated nodes claim the same
``E``, the alphabetically first wins. Nodes linked only by ``skos:closeMatch`` stay
separate.

Examples
--------
>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <urn:c> a ckg:Skill ; skos:prefLabel "Python"@en ; skos:exactMatch <urn:e> .
... <urn:e> a ckg:Skill ; skos:prefLabel "Python (computer programming)"@en .
... <urn:role> ckg:requiresSkill <urn:e> .
... ''')
>>> joined = join(g)
>>> (URIRef("urn:role"), CKG.requiresSkill, URIRef("urn:c")) in joined
True
>>> sorted(str(x) for x in joined.objects(URIRef("urn:c"), SKOS.altLabel))
['Python (computer programming)']
>>> (URIRef("urn:role"), CKG.requiresSkill, URIRef("urn:e")) in g  # input untouched
True
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.namespace import CKG

__all__ = ["JOINABLE_CLASSES", "equivalences", "join"]

JOINABLE_CLASSES: tuple[URIRef, ...] = (
    CKG.Role,
    CKG.Skill,
    CKG.Tool,
    CKG.SkillArea,
    CKG.Degree,
    CKG.Certification,
    CKG.Course,
)
"""Classes whose instances can be merged by ``skos:exactMatch``."""

# single-valued properties where the curated value wins
_CURATED_WINS = frozenset(
    {
        CKG.skillType,
        CKG.learningHours,
        CKG.isEstimate,
        SKOS.definition,
        CKG.level,
        CKG.jobZone,
        CKG.durationHours,
        CKG.costUSD,
    }
)


def equivalences(graph: Graph) -> dict[URIRef, URIRef]:
    """Map each imported node to the curated node that ``skos:exactMatch``-es it.

    Only pairs of the same joinable class count; chains (``A exactMatch B exactMatch
    C``) resolve to the end of the chain that is not itself absorbed.

    Examples
    --------
    >>> g = Graph()
    >>> for s in ("urn:c", "urn:e"):
    ...     _ = g.add((URIRef(s), RDF.type, CKG.Role))
    >>> _ = g.add((URIRef("urn:c"), SKOS.exactMatch, URIRef("urn:e")))
    >>> equivalences(g)
    {rdflib.term.URIRef('urn:e'): rdflib.term.URIRef('urn:c')}
    >>> _ = g.set((URIRef("urn:e"), RDF.type, CKG.Skill))  # classes differ: no join
    >>> equivalences(g)
    {}
    """
    types: dict[Node, set[Node]] = {}

    def classes(node: Node) -> set[Node]:
        if node not in types:
            types[node] = {t for t in graph.objects(node, RDF.type) if t in JOINABLE_CLASSES}
        return types[node]

    claims: dict[URIRef, list[URIRef]] = {}
    for c, e in graph.subject_objects(SKOS.exactMatch):
        if not isinstance(c, URIRef) or not isinstance(e, URIRef) or c == e:
            continue
        if (e, SKOS.exactMatch, c) in graph:  # mutual links: no side is "imported"
            continue
        if classes(c) & classes(e):
            claims.setdefault(e, []).append(c)
    mapping = {e: sorted(cs)[0] for e, cs in claims.items()}
    # resolve chains, guarding against cycles
    for e in list(mapping):
        seen = {e}
        target = mapping[e]
        while target in mapping and target not in seen:
            seen.add(target)
            target = mapping[target]
        if target in seen:  # a cycle: leave these nodes alone
            mapping.pop(e, None)
        else:
            mapping[e] = target
    return mapping


def join(graph: Graph, *, inplace: bool = False) -> Graph:
    """Merge imported nodes into the curated nodes that ``skos:exactMatch`` them.

    Parameters
    ----------
    graph : rdflib.Graph
        The merged graph (ontology, curated data and imported data).
    inplace : bool
        Rewrite ``graph`` itself (cheap: only the triples of matched nodes are
        touched) instead of a copy.

    Returns
    -------
    rdflib.Graph
        The graph to load: ``graph`` itself when ``inplace``, else a new graph.
        See the module documentation for the merge rules.
    """
    if not inplace:
        copy = Graph()
        for prefix, ns in graph.namespaces():
            copy.bind(prefix, ns, override=True, replace=True)
        for t in graph:
            copy.add(t)
        graph = copy
    mapping = equivalences(graph)
    if not mapping:
        return graph
    absorbing = set(mapping.values())
    # requirements the curated roles state before the merge, by required skill
    curated_required: dict[URIRef, set[Node]] = {
        c: {
            mapping.get(s, s)  # type: ignore[call-overload]
            for q in graph.objects(c, CKG.hasRequirement)
            for s in graph.objects(q, CKG.requiredSkill)
        }
        for c in absorbing
    }
    moved_requirements: list[tuple[URIRef, Node]] = []
    for e, c in sorted(mapping.items()):
        pref_langs = {lit.language for lit in graph.objects(c, SKOS.prefLabel) if isinstance(lit, Literal)}
        own_labels = {str(lit).casefold() for lit in graph.objects(c, SKOS.prefLabel)}
        for _, p, o in list(graph.triples((e, None, None))):
            graph.remove((e, p, o))
            o2 = mapping.get(o, o) if isinstance(o, URIRef) else o
            if o2 == c:
                continue
            if p == SKOS.prefLabel and isinstance(o, Literal) and o.language in pref_langs:
                if str(o).casefold() not in own_labels:
                    graph.add((c, SKOS.altLabel, o))
                continue
            if p in _CURATED_WINS and (c, p, None) in graph:
                continue
            if p == CKG.isEstimate and (c, CKG.learningHours, None) in graph:
                continue  # the flag was about E's default hours, which C's replace
            if p == CKG.hasRequirement:
                moved_requirements.append((c, o))
            graph.add((c, p, o2))
        for s, p, _ in list(graph.triples((None, None, e))):
            if p == SKOS.exactMatch and s == c:
                continue
            graph.remove((s, p, e))
            s2 = mapping.get(s, s) if isinstance(s, URIRef) else s
            if s2 != c:
                graph.add((s2, p, c))
    # a requirement the imported role brings for a skill the curated role already
    # requires is dropped: the curated one (with its curated level) wins
    for c, q in moved_requirements:
        skill = graph.value(q, CKG.requiredSkill)
        if skill in curated_required.get(c, set()):
            graph.remove((c, CKG.hasRequirement, q))
            for t in list(graph.triples((q, None, None))):
                graph.remove(t)
    return graph
