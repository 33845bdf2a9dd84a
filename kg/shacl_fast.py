"""SHACL core shapes over a large Oxigraph store, with pySHACL's own answers, in seconds.

pySHACL validates a property shape once per focus node, and a shape named by
``sh:node`` or listed by ``sh:or`` / ``sh:xone`` / ``sh:not`` once per value node,
building the shape's constraint components afresh each time: on an ESCO import
(124,249 requirements, 115,949 alternative labels) that is 11 minutes. This module
evaluates the same shapes *vectorised*: each shape once over all its focus nodes,
each value node read from an index of the store's triples, with **pySHACL's own
constraint component classes** doing every check of a value (``sh:datatype``,
``sh:class``, ``sh:minInclusive``...) and writing every result (``make_v_result``).
Only the composition (``sh:property``, ``sh:node``, ``sh:or``, ``sh:xone``,
``sh:and``, ``sh:not``) is driven here, as :mod:`pyshacl.shape` drives it, and only
for shapes this module can prove it evaluates alike (:func:`plan`); the others are
left to pySHACL, which then reads a copy of only the triples they need
(:func:`needed_predicates`).

Examples
--------
>>> from rdflib import Graph
>>> from kg.store import load_file, shapes_file
>>> shapes = Graph(); _ = load_file(shapes, shapes_file())
>>> p = plan(shapes)
>>> sum(map(len, p.properties.values())), len(set(shapes.objects(None, SH.property)))
(53, 57)
>>> sorted(str(s).rsplit("#", 1)[-1] for s in p.node_level)
['OneKindShape']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from textwrap import indent
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

__all__ = [
    "Index",
    "Plan",
    "add_results",
    "as_stored",
    "evaluate",
    "needed_predicates",
    "plan",
    "prefix_declarations",
    "query_predicates",
]

# constraint parameters whose pySHACL component checks every value node in one call
_LEAF = frozenset(
    {
        SH.minCount,
        SH.maxCount,
        SH["class"],
        SH.datatype,
        SH.nodeKind,
        SH["in"],
        SH.minInclusive,
        SH.maxInclusive,
        SH.minExclusive,
        SH.maxExclusive,
        SH.pattern,
        SH.flags,
        SH.uniqueLang,
        SH.minLength,
        SH.maxLength,
        SH.languageIn,
        SH.hasValue,
    }
)
# parameters naming other shapes, whose composition this module drives
_COMPOSITE = frozenset({SH.property, SH.node, SH["or"], SH.xone, SH["and"], SH["not"]})
# what a shape may say besides constraints
_DESCRIPTIVE = frozenset(
    {
        RDF.type,
        SH.path,
        SH.message,
        SH.severity,
        SH.name,
        SH.description,
        SH.order,
        SH.group,
        SH.deactivated,
        SH.targetClass,
        RDFS.comment,
        RDFS.label,
        RDFS.seeAlso,
        RDFS.isDefinedBy,
    }
)
_OTHER_TARGETS = (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
_ALLOWED = (SH.Warning, SH.Info)  # careerkg calls pySHACL with allow_warnings=True


@dataclass
class Plan:
    """What :func:`evaluate` checks, and the shapes graph left to pySHACL.

    ``properties`` maps each node shape with class targets to its property shapes
    evaluated here, ``node_level`` the node shapes whose own constraints (``sh:xone``...)
    are evaluated here, and ``rest`` is the shapes graph for pySHACL without those.
    """

    shapes: Graph
    properties: dict[Node, list[Node]] = field(default_factory=dict)
    node_level: set[Node] = field(default_factory=set)
    rest: Graph = field(default_factory=Graph)


def _deactivated(shapes: Graph, node: Node) -> bool:
    return any(bool(v.value) for v in shapes.objects(node, SH.deactivated) if isinstance(v, Literal))


def _members(shapes: Graph, param: Node, value: Node) -> list[Node]:
    if param in (SH["or"], SH.xone, SH["and"]):
        return list(shapes.items(value))
    if param in (SH.node, SH["not"], SH.property):
        return [value]
    return []


def _plain_path(shapes: Graph, path: Node | None) -> bool:
    """An IRI, or a blank node saying only ``sh:inversePath <IRI>``."""
    if isinstance(path, URIRef):
        return True
    if not isinstance(path, BNode):
        return False
    said = list(shapes.predicate_objects(path))
    return len(said) == 1 and said[0][0] == SH.inversePath and isinstance(said[0][1], URIRef)


def _supported(shapes: Graph, shape: Node, *, property_shape: bool, seen: tuple[Node, ...] = ()) -> bool:
    """Whether :func:`evaluate` evaluates ``shape`` (on any focus nodes) as pySHACL does:
    plain or inverse path, constraints among the leaf components and an acyclic
    composition of supported shapes, one value for each single-valued parameter."""
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS

    if shape in seen or isinstance(shape, Literal):
        return False
    path = shapes.value(shape, SH.path)
    if property_shape != (path is not None):
        return False
    if path is not None and not _plain_path(shapes, path):
        return False
    params = [p for p, _o in shapes.predicate_objects(shape)]
    for single in (
        SH.path,
        SH.severity,
        SH.datatype,
        SH.nodeKind,
        SH["in"],
        SH.minCount,
        SH.maxCount,
        SH.flags,
    ):
        if params.count(single) > 1:
            return False
    constraints = [p for p in params if p not in _DESCRIPTIVE]
    if any(p not in _LEAF and p not in _COMPOSITE for p in constraints):
        return False
    if any(p not in ALL_CONSTRAINT_PARAMETERS and p != SH.flags for p in constraints):
        return False
    if property_shape and SH.property in params:  # its nested shapes' focus nodes are values
        return False
    for param in _COMPOSITE & set(params):
        for value in shapes.objects(shape, param):
            for member in _members(shapes, param, value):
                is_property = param == SH.property or (
                    param != SH.node and shapes.value(member, SH.path) is not None
                )
                if not _supported(shapes, member, property_shape=is_property, seen=(*seen, shape)):
                    return False
    return True


def _reached(shapes: Graph, roots: Iterable[Node]) -> set[Node]:
    """Every shape ``roots`` name, directly or through other shapes."""
    out: set[Node] = set()
    todo = list(roots)
    while todo:
        node = todo.pop()
        if node in out:
            continue
        out.add(node)
        for param in _COMPOSITE | {SH.qualifiedValueShape}:
            for value in shapes.objects(node, param):
                todo += _members(shapes, param, value) if param != SH.qualifiedValueShape else [value]
    return out


def _composite_values(shapes: Graph, shape: Node, params: Iterable[Node]) -> list[Node]:
    return [m for p in params for v in shapes.objects(shape, p) for m in _members(shapes, p, v)]


def plan(shapes: Graph) -> Plan:
    """Which shapes :func:`evaluate` takes on, and ``shapes`` with them off for pySHACL.

    A property shape is taken when it belongs to one active node shape that targets
    classes only, is :func:`_supported`, has no targets of its own and is reached by no
    shape left to pySHACL (which would then see it deactivated). A node shape's own
    constraints (not ``sh:property``) are taken together, or left together. Custom
    constraint components, SHACL rules and SPARQL targets turn the plan off.
    """
    from rdflib import OWL

    from kg.store import copy_graph

    out = Plan(shapes=shapes, rest=copy_graph(shapes))
    if (
        (None, RDF.type, SH.ConstraintComponent) in shapes
        or (None, SH.rule, None) in shapes
        or (None, SH.target, None) in shapes
    ):
        return out
    candidates: dict[Node, list[Node]] = {}
    node_level: set[Node] = set()
    untaken: list[Node] = []
    for shape in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        if (
            _deactivated(shapes, shape)
            or (shape, SH.path, None) in shapes
            or any((shape, p, None) in shapes for p in _OTHER_TARGETS)
            or any((shape, RDF.type, c) in shapes for c in (RDFS.Class, OWL.Class))
        ):
            continue
        props = []
        for prop in shapes.objects(shape, SH.property):
            owners = set(shapes.subjects(None, prop))
            if (
                owners == {shape}
                and not any((prop, p, None) in shapes for p in (SH.targetClass, *_OTHER_TARGETS))
                and _supported(shapes, prop, property_shape=True)
            ):
                props.append(prop)
            else:
                untaken.append(prop)
        candidates[shape] = props
        others = [
            p for p, _o in shapes.predicate_objects(shape) if p not in _DESCRIPTIVE and p != SH.property
        ]
        active_sparql = [c for c in shapes.objects(shape, SH.sparql) if not _deactivated(shapes, c)]
        own = [p for p in others if p != SH.sparql]
        if not active_sparql and own and all(p in _COMPOSITE or p in _LEAF for p in own):
            probe = BNode()  # the shape without its properties and SPARQL, as a node shape
            trial = Graph()
            trial += [
                (probe, p, o) for p, o in shapes.predicate_objects(shape) if p not in (SH.property, SH.sparql)
            ]
            trial += shapes
            if _supported(trial, probe, property_shape=False):
                node_level.add(shape)
                continue
        untaken += _composite_values(shapes, shape, [p for p in own if p in _COMPOSITE])
    while True:  # what pySHACL still evaluates reaches nothing taken here
        reached = _reached(shapes, untaken)
        dropped = [p for props in candidates.values() for p in props if p in reached]
        dropped_level = [s for s in node_level if s in reached]
        if not dropped and not dropped_level:
            break
        for props in candidates.values():
            props[:] = [p for p in props if p not in reached]
        untaken += dropped
        for shape in dropped_level:
            node_level.discard(shape)
            own = [p for p, _o in shapes.predicate_objects(shape) if p in _COMPOSITE and p != SH.property]
            untaken += _composite_values(shapes, shape, own)
    out.properties = {s: props for s, props in candidates.items() if props}
    out.node_level = node_level
    rest = out.rest
    for shape, props in candidates.items():
        for prop in props:  # (deactivated, pySHACL would still visit it for each focus node)
            rest.remove((shape, SH.property, prop))
        if shape in node_level:
            all_props = set(shapes.objects(shape, SH.property))
            active_sparql = [c for c in shapes.objects(shape, SH.sparql) if not _deactivated(shapes, c)]
            if set(props) == all_props and not active_sparql:
                rest.add((shape, SH.deactivated, Literal(True)))
            else:
                for p, o in list(shapes.predicate_objects(shape)):
                    if (p in _COMPOSITE and p != SH.property) or p in _LEAF:
                        rest.remove((shape, p, o))
    return out


def as_stored(shapes: Graph, term: Callable[[Any], Node]) -> Graph:
    """``shapes`` with each literal of an ``sh:in`` list or ``sh:hasValue`` as an Oxigraph
    store holds it, read by ``term`` as the store's values are.

    Oxigraph keeps a number in its canonical form: ``1.0`` (an ``xsd:decimal``) is stored
    as ``"1"``, ``2.50`` as ``"2.5"``. A value written as the shape writes its constant
    then failed ``sh:in ( 1.0 )``, where pySHACL on the file as rdflib parses it says it
    is in the list; compared with the constant stored alike, it is. (A value written in
    another form than the constant, ``1`` for ``1.0``, is then in the list too: the
    store keeps no trace of how it was written.)

    Examples
    --------
    >>> from kg.store import term_reader
    >>> shapes = Graph().parse(data="[] <http://www.w3.org/ns/shacl#hasValue> 2.50 .", format="turtle")
    >>> [str(o) for o in as_stored(shapes, term_reader()).objects(None, SH.hasValue)]
    ['2.5']
    """
    import pyoxigraph as ox

    # (subject, predicate) of each constant: sh:hasValue, or rdf:first of an sh:in list's cell
    places = [(s, SH.hasValue, o) for s, o in shapes.subject_objects(SH.hasValue) if isinstance(o, Literal)]
    for head in shapes.objects(None, SH["in"]):
        cell: Node | None = head
        seen: set[Node] = set()
        while cell is not None and cell != RDF.nil and cell not in seen:
            seen.add(cell)
            first = shapes.value(cell, RDF.first)
            if isinstance(first, Literal):
                places.append((cell, RDF.first, first))
            cell = shapes.value(cell, RDF.rest)
    if not places:
        return shapes
    store = ox.Store()
    for i, (_s, _p, lit) in enumerate(places):
        written = (
            ox.Literal(str(lit), language=lit.language)
            if lit.language
            else ox.Literal(str(lit), datatype=ox.NamedNode(str(lit.datatype or XSD.string)))
        )
        store.add(
            ox.Quad(ox.NamedNode(f"urn:careerkg:constant:{i}"), ox.NamedNode("urn:careerkg:is"), written)
        )
    out = Graph()
    for prefix, namespace in shapes.namespaces():
        out.bind(prefix, namespace)
    out += shapes
    for i, (s, p, lit) in enumerate(places):
        (quad,) = store.quads_for_pattern(ox.NamedNode(f"urn:careerkg:constant:{i}"), None, None)
        out.remove((s, p, lit))
        out.add((s, p, term(quad.object)))
    return out


class Index:
    """The triples of some predicates of a ``pyoxigraph.Store``, read as rdflib terms by
    ``term``, by subject and by object; each predicate is read once, when first asked."""

    def __init__(self, store: Any, term: Callable[[Any], Node]) -> None:
        self._store = store
        self._term = term
        self._out: dict[URIRef, dict[Node, set[Node]]] = {}
        self._in: dict[URIRef, dict[Node, set[Node]]] = {}

    def _load(self, pred: URIRef, inverse: bool) -> dict[Node, set[Node]]:
        import pyoxigraph as ox

        table = self._in if inverse else self._out
        if pred not in table:
            by: dict[Node, set[Node]] = {}
            term = self._term
            for q in self._store.quads_for_pattern(None, ox.NamedNode(str(pred)), None, ox.DefaultGraph()):
                s, o = term(q.subject), term(q.object)
                if inverse:
                    s, o = o, s
                found = by.get(s)
                if found is None:
                    by[s] = {o}
                else:
                    found.add(o)
            table[pred] = by
        return table[pred]

    def by_focus(self, shapes: Graph, path: Node) -> dict[Node, set[Node]]:
        """The value nodes of the plain or inverse ``path``, by focus node (not to be changed)."""
        if isinstance(path, URIRef):
            return self._load(path, inverse=False)
        inverse = shapes.value(path, SH.inversePath)
        assert isinstance(inverse, URIRef)
        return self._load(inverse, inverse=True)


Report = tuple[str, BNode, list[tuple[Any, Any, Any]]]


def _part(report: Report, pred: URIRef) -> Any:
    for s, p, o in report[2]:
        if s == report[1] and p == pred:
            return o[1] if isinstance(o, tuple) else o
    return None


_STUB = BNode("shacl-fast-stub")


class _Engine:
    def __init__(self, shapes: Graph, data: Graph, index: Index) -> None:
        from pyshacl.pytypes import SHACLExecutor
        from pyshacl.shapes_graph import ShapesGraph

        self.sg = ShapesGraph(shapes)
        _ = self.sg.shapes  # harvests every shape
        self.shapes = shapes
        self.data = data
        self.index = index
        self.executor = SHACLExecutor(advanced_mode=True, allow_warnings=True)
        self._components: dict[tuple[Node, type, bool], Any] = {}

    def shape(self, node: Node) -> Any:
        return self.sg.lookup_shape_from_node(node)

    def component(self, shape: Any, cls: type, cheap: bool) -> Any:
        """pySHACL's component ``cls`` of ``shape``; when ``cheap``, one whose results
        say only their focus node and severity (all a conformance check reads)."""
        key = (shape.node, cls, cheap)
        if key not in self._components:
            component = cls(shape)
            if cheap:
                severity = shape.severity

                def stub(datagraph: Any, focus_node: Node, *args: Any, **kwargs: Any) -> Report:
                    return (
                        "",
                        _STUB,
                        [(_STUB, SH.focusNode, focus_node), (_STUB, SH.resultSeverity, severity)],
                    )

                component.make_v_result = stub
            self._components[key] = component
        return self._components[key]

    def value_nodes(self, shape: Any, focus: list[Node]) -> dict[Node, set[Node]]:
        if not shape.is_property_shape:
            return {f: {f} for f in focus}
        by_focus = self.index.by_focus(self.shapes, shape.path())
        empty: set[Node] = set()
        return {f: by_focus.get(f, empty) for f in focus}

    def evaluate(
        self, node: Node, focus: Iterable[Node], *, properties: bool = True, cheap: bool = False
    ) -> list[Report]:
        """pySHACL's results of shape ``node`` on the ``focus`` nodes, as
        ``Shape.validate`` makes them one focus node at a time (when ``cheap``, results
        saying only their focus node and severity)."""
        from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP

        shape = self.shape(node)
        focus = list(dict.fromkeys(focus))
        if shape.deactivated or not focus:
            return []
        fvn = self.value_nodes(shape, focus)
        reports: list[Report] = []
        done: set[type] = set()
        for param, _value in self.shapes.predicate_objects(node):
            cls = CONSTRAINT_PARAMETERS_MAP.get(param)
            if cls is None or cls in done:
                continue
            done.add(cls)
            if param == SH.sparql:  # deactivated: answered by kg.validate's batch
                continue
            if param == SH.property:
                if properties:
                    for prop in self.shapes.objects(node, SH.property):
                        reports += self.evaluate(prop, [v for vs in fvn.values() for v in vs], cheap=cheap)
                continue
            component = self.component(shape, cls, cheap)
            if param == SH.node:
                reports += self._node(component, fvn, cheap)
            elif param in (SH["or"], SH.xone, SH["and"], SH["not"]):
                reports += self._logical(param, component, fvn)
            else:
                _ok, found = component.evaluate(self.executor, self.data, fvn, [])
                reports += found
        return reports

    def conforming(self, node: Node, values: Iterable[Node]) -> dict[Node, bool]:
        """Whether each value conforms to shape ``node``, as ``Shape.validate`` says
        with warnings allowed (only results of other severities fail)."""
        values = list(dict.fromkeys(values))
        shape = self.shape(node)
        if shape.deactivated or shape.severity in _ALLOWED:
            return dict.fromkeys(values, True)
        bad = {
            _part(r, SH.focusNode)
            for r in self.evaluate(node, values, cheap=True)
            if _part(r, SH.resultSeverity) not in _ALLOWED
        }
        return {v: v not in bad for v in values}

    def _node(self, component: Any, fvn: dict[Node, set[Node]], cheap: bool) -> list[Report]:
        values = list(dict.fromkeys(v for vs in fvn.values() for v in vs))
        if not values:
            return []
        reports: list[Report] = []
        for target in self.shapes.objects(component.shape.node, SH.node):
            # which values have results (of any severity) or fail, then their results
            # (pySHACL's sh:node fails a value on any result, whatever its severity)
            failing = {_part(r, SH.focusNode) for r in self.evaluate(target, values, cheap=True)}
            nested: dict[Node, list[Report]] = {}
            if not cheap:
                for r in self.evaluate(target, [v for v in values if v in failing]):
                    nested.setdefault(_part(r, SH.focusNode), []).append(r)
            used: set[Node] = set()
            for f, vs in fvn.items():
                for v in vs:
                    if v not in failing:
                        continue
                    details = nested.get(v, [])
                    if v in used and not cheap:  # pySHACL validates it again: fresh results
                        details = self.evaluate(target, [v])
                    used.add(v)
                    text, r_node, triples = component.make_v_result(self.data, f, value_node=v)
                    if cheap:
                        reports.append((text, r_node, triples))
                        continue
                    text = f"{text}\tDetails:\n"
                    for sub_text, sub_node, sub_triples in details:
                        text += indent(sub_text, "\t\t")
                        triples.append((r_node, SH.detail, sub_node))
                        triples.extend(sub_triples)
                    reports.append((text, r_node, triples))
        return reports

    def _logical(self, param: Node, component: Any, fvn: dict[Node, set[Node]]) -> list[Report]:
        values = list(dict.fromkeys(v for vs in fvn.values() for v in vs))
        if not values:
            return []
        reports: list[Report] = []
        for value in self.shapes.objects(component.shape.node, param):
            members = _members(self.shapes, param, value)
            if param == SH["or"]:
                members = list(set(members))
            verdicts = [self.conforming(m, values) for m in members]
            for f, vs in fvn.items():
                for v in vs:
                    passed = [verdict[v] for verdict in verdicts]
                    if param == SH["or"]:
                        fails = not any(passed)
                    elif param == SH["and"]:
                        fails = not all(passed)
                    elif param == SH.xone:
                        fails = sum(passed) != 1
                    else:
                        fails = passed[0]
                    if fails:
                        reports.append(component.make_v_result(self.data, f, value_node=v))
        return reports


def evaluate(p: Plan, data: Graph, index: Index) -> tuple[bool, list[Report]]:
    """pySHACL's results of the shapes ``p`` takes on, and whether none is a violation.

    ``data`` holds at least the ``rdf:type`` and ``rdfs:subClassOf`` triples (the focus
    nodes and ``sh:class``); ``index`` gives every path's values.
    """
    engine = _Engine(p.shapes, data, index)
    reports: list[Report] = []
    conforms = True
    for node in sorted(set(p.properties) | p.node_level, key=str):
        shape = engine.shape(node)
        focus = list(shape.focus_nodes(data))
        found: list[Report] = []
        for prop in p.properties.get(node, []):
            found += engine.evaluate(prop, focus)
        if node in p.node_level:
            found += engine.evaluate(node, focus, properties=False)
        # a node shape of severity sh:Warning conforms, whatever its property shapes report
        if shape.severity not in _ALLOWED:
            conforms = conforms and all(_part(r, SH.resultSeverity) in _ALLOWED for r in found)
        reports += found
    return conforms, reports


def add_results(report: Graph, reports: list[Report]) -> None:
    """Add ``reports`` to pySHACL's ``report`` graph as its ``create_validation_report``
    writes its own (blank nodes of the shapes and the data cloned in)."""
    from pyshacl.rdfutil.clone import clone_blank_node

    owner = report.value(predicate=RDF.type, object=SH.ValidationReport)
    cloned: dict[tuple[int, str], Node] = {}
    for _text, r_node, triples in reports:
        if owner is not None:
            report.add((owner, SH.result, r_node))
        for s, p, o in triples:
            if isinstance(o, tuple):
                source, node = o
                if isinstance(node, Literal):
                    o = node
                else:
                    key = (id(source), str(node))
                    if key not in cloned:
                        cloned[key] = (
                            clone_blank_node(source, node, report, keepid=True)
                            if isinstance(node, BNode)
                            else URIRef(str(node))
                        )
                    o = cloned[key]
            report.add((s, p, o))


def needed_predicates(shapes: Graph) -> set[URIRef] | None:
    """The predicates whose triples pySHACL reads to evaluate the active shapes of
    ``shapes`` (paths, ``rdf:type``, ``rdfs:subClassOf``, those a SPARQL constraint
    names), or ``None`` when that cannot be told (``sh:closed``, a SPARQL query with a
    variable predicate, rules, custom components): then it needs every triple.

    Examples
    --------
    >>> from kg.namespace import CKG
    >>> g = Graph()
    >>> _ = g.add((BNode("s"), SH.path, CKG.level))
    >>> _ = g.add((BNode("n"), SH.property, BNode("s")))
    >>> _ = g.add((BNode("n"), SH.targetClass, CKG.Role))
    >>> CKG.level in needed_predicates(g), CKG.toRole in needed_predicates(g)
    (True, False)
    """
    if (
        (None, RDF.type, SH.ConstraintComponent) in shapes
        or (None, SH.rule, None) in shapes
        or (None, SH.target, None) in shapes
        or (None, SH.closed, None) in shapes
    ):
        return None
    out: set[URIRef] = {RDF.type, RDFS.subClassOf, RDF.first, RDF.rest}

    def path_terms(node: Node, depth: int = 0) -> Iterator[Node]:
        yield node
        if isinstance(node, BNode) and depth < 20:
            for _p, o in shapes.predicate_objects(node):
                yield from path_terms(o, depth + 1)

    from rdflib import OWL

    roots = {s for p in (SH.targetClass, *_OTHER_TARGETS) for s in shapes.subjects(p, None)}
    roots |= {s for c in (RDFS.Class, OWL.Class) for s in shapes.subjects(RDF.type, c)}
    for shape in _reached(shapes, (s for s in roots if not _deactivated(shapes, s))):
        if _deactivated(shapes, shape):
            continue
        for param in (SH.path, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
            for path in shapes.objects(shape, param):
                out |= {t for t in path_terms(path) if isinstance(t, URIRef)}
        for constraint in shapes.objects(shape, SH.sparql):
            if _deactivated(shapes, constraint):
                continue
            found = query_predicates(shapes, constraint)
            if found is None:
                return None
            out |= found
    return out


def prefix_declarations(shapes: Graph, constraint: Node) -> str:
    """The ``PREFIX`` lines a SHACL-SPARQL constraint's ``sh:prefixes`` declare (SHACL 5.2.1).

    Put before the constraint's ``sh:select`` (or ``sh:ask``), they make its query text
    one that parses on its own, as pySHACL runs it.

    Parameters
    ----------
    shapes : rdflib.Graph
        The shapes graph.
    constraint : Node
        The constraint node (the object of an ``sh:sparql``).

    Returns
    -------
    str
        One ``PREFIX p: <namespace>`` line per declaration, sorted, each ending in a
        newline; ``""`` when there is none.

    Examples
    --------
    >>> g = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <urn:c> sh:prefixes <urn:o> .
    ...     <urn:o> sh:declare [ sh:prefix "ex" ; sh:namespace "urn:ex:"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] .
    ... ''')
    >>> prefix_declarations(g, URIRef("urn:c"))
    'PREFIX ex: <urn:ex:>\\n'
    """
    lines = []
    for owner in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(owner, SH.declare):
            prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
    return "".join(sorted(set(lines)))


def query_predicates(shapes: Graph, constraint: Node) -> set[URIRef] | None:
    """Every IRI a SHACL-SPARQL constraint's query names, or ``None`` when a triple
    pattern's predicate is a variable (any triple may then be read).

    A query over a copy of only these predicates' triples answers as over the whole
    graph, which :func:`needed_predicates` and :mod:`kg.validate` rely on.

    Parameters
    ----------
    shapes : rdflib.Graph
        The shapes graph.
    constraint : Node
        The constraint node (the object of an ``sh:sparql``).

    Returns
    -------
    set of URIRef or None
        The IRIs (predicates, classes, constants) the query names; ``None`` when a
        predicate is a variable, or the constraint has no query that parses.

    Examples
    --------
    >>> g = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <urn:c> sh:select "SELECT $this WHERE { $this <urn:p> ?v . ?v a <urn:C> }" .
    ...     <urn:d> sh:select "SELECT $this WHERE { $this ?p ?v }" .
    ... ''')
    >>> sorted(query_predicates(g, URIRef("urn:c")))
    [rdflib.term.URIRef('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), rdflib.term.URIRef('urn:C'), rdflib.term.URIRef('urn:p')]
    >>> query_predicates(g, URIRef("urn:d")) is None
    True
    """
    from rdflib.paths import Path
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    select = shapes.value(constraint, SH.select) or shapes.value(constraint, SH.ask)
    if not isinstance(select, Literal):
        return None
    try:
        algebra = prepareQuery(prefix_declarations(shapes, constraint) + str(select)).algebra
    except Exception:
        return None
    found: set[URIRef] = set()
    variable_predicate = False

    def walk(x: object, depth: int = 0) -> None:
        nonlocal variable_predicate
        if depth > 200:
            variable_predicate = True
            return
        if isinstance(x, URIRef):
            found.add(x)
        elif isinstance(x, Path):
            for v in vars(x).values():
                walk(v, depth + 1)
        elif isinstance(x, CompValue):
            if x.name == "BGP":
                for _s, p, _o in x.get("triples") or ():
                    if not isinstance(p, URIRef | Path):
                        variable_predicate = True
            for v in x.values():
                walk(v, depth + 1)
        elif isinstance(x, list | tuple | set):
            for v in x:
                walk(v, depth + 1)

    walk(algebra)
    return None if variable_predicate else found
