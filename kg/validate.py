"""Validating a careerkg graph: SHACL shapes plus the checks SHACL cannot express well.

:func:`validate` applies ``ontology/shapes.ttl`` with pySHACL, then looks for
prerequisite cycles, dangling references (an IRI used as a role, skill, tool... that
is described nowhere), ``ckg:`` terms the ontology does not define (a misspelt
property) and roles outside the career ladder. It returns a
:class:`ValidationReport` whose findings name the offending nodes by label and IRI.

Examples
--------
>>> from kg.store import Store
>>> report = validate(Store.default().graph)
>>> report.conforms
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import networkx as nx
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.errors import UnknownEntity
from kg.names import label_of
from kg.namespace import CKG
from kg.shacl_fast import prefix_declarations, query_predicates
from kg.store import FromOxigraph, copy_graph, load_file, oxigraph_of, shapes_file, term_reader

__all__ = [
    "GROUP_FROM",
    "Finding",
    "ValidationReport",
    "note_shipped",
    "term_text",
    "validate",
    "validate_files",
    "validate_store",
]

SH = Namespace("http://www.w3.org/ns/shacl#")

# object properties whose values must be described nodes, with the class they need
_REFERENCES: tuple[tuple[URIRef, URIRef], ...] = (
    (CKG.requiredSkill, CKG.Skill),
    (CKG.hasPrerequisite, CKG.Skill),
    (CKG.taughtSkill, CKG.Skill),
    (CKG.supportsSkill, CKG.Skill),
    (CKG.requiresPrior, CKG.Skill),
    (CKG.entryRequirement, CKG.Skill),
    (CKG.toRole, CKG.Role),
    (CKG.targetRole, CKG.Role),
    (CKG.usesTool, CKG.Tool),
    (CKG.expectsCredential, CKG.Credential),
    (CKG.inSkillArea, CKG.SkillArea),
    (CKG.hasCourse, CKG.Course),
)


GROUP_FROM = 5
"""Findings saying the same thing of this many nodes or more are summarised together
(:meth:`ValidationReport.summary`)."""


@dataclass(frozen=True)
class Finding:
    """One problem found in the graph.

    ``node`` is the IRI (or blank node) at fault, ``name`` a readable name for it,
    ``check`` the check that found it ("shacl", "cycle", "dangling", "literal", "undefined",
    "ladder").
    """

    severity: str
    check: str
    node: str
    name: str
    message: str
    path: str = ""
    value: str = ""

    def as_text(self) -> str:
        where = f" [{self.path}]" if self.path else ""
        val = f" (value: {self.value})" if self.value else ""
        return f"{self.severity.upper():9} {self.name} <{self.node}>{where}: {self.message}{val}"


@dataclass
class ValidationReport:
    """The outcome of :func:`validate`, shaped like pySHACL's ``(conforms, graph, text)``."""

    conforms: bool
    findings: list[Finding] = field(default_factory=list)
    report_graph: Graph | None = None

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "violation"]

    @property
    def head(self) -> str:
        """``conforms`` or ``does not conform: N violation(s)``, and the warnings' count."""
        head = "conforms" if self.conforms else f"does not conform: {len(self.violations):,} violation(s)"
        warnings = len(self.findings) - len(self.violations)
        if warnings:
            head += f", {warnings:,} warning(s)"
        return head

    @property
    def text(self) -> str:
        """The head line and every finding, one a line."""
        return "\n".join([self.head, *(f.as_text() for f in self.findings)])

    def summary(self, group_from: int = GROUP_FROM, examples: int = 3) -> str:
        """The head line and the findings, those saying the same thing of ``group_from``
        nodes or more given once, with their count and ``examples`` of the nodes.

        An import has thousands of findings of a few kinds (8,775 O*NET tools without a
        definition): listed one a line they hide the rest.

        Examples
        --------
        >>> same = [Finding("warning", "shacl", f"urn:t{i}", f"T{i}", "has no definition", "skos:definition")
        ...         for i in range(5)]
        >>> odd = Finding("violation", "shacl", "urn:x", "X", "level must be 1 to 5", "ckg:level", "7")
        >>> print(ValidationReport(False, [odd, *same]).summary())
        does not conform: 1 violation(s), 5 warning(s)
        VIOLATION X <urn:x> [ckg:level]: level must be 1 to 5 (value: 7)
        WARNING   5 nodes [skos:definition]: has no definition
                  e.g. T0 <urn:t0>, T1 <urn:t1>, T2 <urn:t2> and 2 more
        """
        shipped = [f for f in self.findings if f.message.endswith(SHIPPED_HINT)]
        if len(shipped) < group_from:
            shipped = []
        groups: dict[tuple[str, str, str, str], list[Finding]] = {}
        for f in self.findings:
            if not (shipped and f.message.endswith(SHIPPED_HINT)):
                groups.setdefault((f.severity, f.check, f.path, f.message), []).append(f)
        lines = [self.head]
        if shipped:  # a file naming the shipped skills and roles: one line, not one a reference
            named = list(dict.fromkeys(_referred(f) for f in shipped))
            more = f" and {len(named) - 2 * examples:,} more" if len(named) > 2 * examples else ""
            lines.append(
                f"{shipped[0].severity.upper():9} {len(shipped):,} references to {len(named):,} nodes the shipped "
                f"data describes ({', '.join(named[: 2 * examples])}{more}): validate with --with-default "
                "to include it"
            )
        for (severity, _check, path, message), found in groups.items():
            if len(found) < group_from:
                lines += [f.as_text() for f in found]
                continue
            where = f" [{path}]" if path else ""
            lines.append(f"{severity.upper():9} {len(found):,} nodes{where}: {message}")
            shown = ", ".join(
                f"{f.name} <{f.node}>" + (f" (value: {f.value})" if f.value else "") for f in found[:examples]
            )
            more = f" and {len(found) - examples:,} more" if len(found) > examples else ""
            lines.append(f"{'':9} e.g. {shown}{more}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "findings": [f.__dict__ for f in self.findings],
        }


def describe(graph: Graph, node: Node) -> str:
    """A readable name for ``node``; for a blank qualified node, the statement it qualifies.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.namespace import ROLE
    >>> describe(Store.default().graph, ROLE["data-scientist"])
    'Data Scientist'
    """
    if isinstance(node, URIRef):
        return label_of(graph, node)
    if isinstance(node, BNode):
        for owner_pred, target_pred, noun in (
            (CKG.hasRequirement, CKG.requiredSkill, "requirement"),
            (CKG.hasTeaching, CKG.taughtSkill, "teaching"),
            (CKG.hasProgression, CKG.toRole, "career step"),
        ):
            # of several, the same one whatever the store's order: an IRI first, the least
            owners = sorted(graph.subjects(owner_pred, node), key=_first_named)
            if owners:
                targets = sorted(graph.objects(node, target_pred), key=_first_named)
                owner = describe(graph, owners[0])
                target = describe(graph, targets[0]) if targets else "?"
                return f"{noun} {owner} -> {target}"
        return "blank node"
    return str(node)


def _first_named(node: Node) -> tuple[bool, bool, str]:
    return (not isinstance(node, URIRef), isinstance(node, Literal), str(node))


def _node_id(node: Node) -> str:
    return str(node) if isinstance(node, URIRef) else f"_:{node}"


_PLAIN_DATATYPES = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean}


def _text_lost(term: Literal) -> bool:
    """Whether ``term`` is an ill-typed boolean whose text rdflib's parser replaced with
    ``true`` or ``false`` ("yes", "TRUE": every literal rdflib parses is normalised), in a
    graph parsed by rdflib itself (:func:`kg.store.load_file` keeps the text)."""
    return bool(term.ill_typed) and term.datatype == XSD.boolean and str(term) in ("true", "false")


def term_text(graph: Graph, term: Node) -> str:
    """``term`` as a finding shows it: an IRI in full, a literal as written in Turtle.

    A literal keeps its quotes, language and datatype, so a wrong datatype is visible:
    ``"3"`` (a string) is not ``3`` (an integer).

    Examples
    --------
    >>> g = Graph()
    >>> term_text(g, Literal("3")), term_text(g, Literal(3)), term_text(g, Literal("x", lang="en"))
    ('"3"', '3', '"x"@en')
    >>> term_text(g, Literal("2020-01-01", datatype=XSD.date))
    '"2020-01-01"^^xsd:date'

    An ill-typed value is shown as written, with its datatype:

    >>> term_text(g, Literal("yes", datatype=XSD.boolean, normalize=False))
    '"yes"^^xsd:boolean'
    """
    if not isinstance(term, Literal):
        return str(term)
    if _text_lost(term):
        return f"an ill-formed xsd:boolean; rdflib's parser replaced its text with {term}"
    if term.datatype in _PLAIN_DATATYPES and not term.ill_typed:
        return str(term)
    quoted = '"' + str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype is None or term.datatype == XSD.string:
        return quoted
    return f"{quoted}^^{graph.namespace_manager.normalizeUri(term.datatype)}"


# how a value of the datatype is written, for a finding on a value that is not
_LEXICAL_HINTS = {
    XSD.boolean: ": write true or false",
    XSD.integer: ": write a whole number, such as 3",
    XSD.nonNegativeInteger: ": write a whole number from 0, such as 3",
    XSD.positiveInteger: ": write a whole number from 1, such as 3",
    XSD.decimal: ": write a number, such as 2.5",
    XSD.double: ": write a number, such as 2.5 or 2.5e3",
    XSD.date: ': write a date as "YYYY-MM-DD"^^xsd:date, such as "2024-05-31"^^xsd:date',
    XSD.gYear: ': write a year as "YYYY"^^xsd:gYear, such as "2024"^^xsd:gYear',
}


def _datatype_hint(graph: Graph, report: Graph, shape: Node | None, value: Node | None) -> str:
    """``"; "3" is a string, not xsd:integer"`` when ``value`` misses the datatypes its shape
    wants; ``"; "yes"^^xsd:boolean is not a valid xsd:boolean: write true or false"`` when
    its text is not one of the datatype's."""
    from rdflib.collection import Collection

    if shape is None or not isinstance(value, Literal):
        return ""
    wanted = [d for d in report.objects(shape, SH.datatype) if isinstance(d, URIRef)]
    for alternatives in report.objects(shape, SH["or"]):
        for member in Collection(report, alternatives):
            wanted += [d for d in report.objects(member, SH.datatype) if isinstance(d, URIRef)]
    # a plain literal is an xsd:string (RDF 1.1), as Oxigraph reads it
    datatype = value.datatype or (RDF.langString if value.language else XSD.string)
    if not wanted or (datatype in wanted and not value.ill_typed):
        return ""
    nm = graph.namespace_manager
    if value.ill_typed and datatype in wanted:
        shown = "its text" if _text_lost(value) else term_text(graph, value)
        return f"; {shown} is not a valid {nm.normalizeUri(datatype)}" + _LEXICAL_HINTS.get(datatype, "")
    if value.language:
        got = "a language-tagged string"
    elif value.datatype is None or value.datatype == XSD.string:
        got = "a string"
    else:
        got = f"a {graph.namespace_manager.normalizeUri(value.datatype)}"
        if value.ill_typed:
            got = "an ill-formed " + got[2:]
    expected = " or ".join(graph.namespace_manager.normalizeUri(d) for d in dict.fromkeys(wanted))
    return f"; {term_text(graph, value)} is {got}, not {expected}"


def _shacl_findings(
    graph: Graph, shapes: Graph, dangling: Iterable[tuple[Node, Node]] = ()
) -> tuple[bool, Graph, list[Finding]]:
    """pySHACL's results as findings, one per problem.

    pySHACL reports a value again for each path that reaches it (its own target class,
    and each ``sh:node`` of an owner, whose result then only says "does not conform to
    Shape ..."), and once per failed constraint of one property shape (a string level
    fails ``sh:datatype``, ``sh:minInclusive`` and ``sh:maxInclusive``, under one
    ``sh:message``). Identical findings are kept once; a ``sh:class`` failure on a
    reference to an undescribed IRI or to a literal (``dangling``: subject, object pairs)
    is left out, the dangling-reference and literal checks say it more clearly; a
    ``sh:node`` failure is left out when the value's own problems are reported.
    """
    conforms, report_graph = _run_shapes(graph, shapes)
    dangling_objects = {o for _s, o in dangling}
    findings: dict[tuple[str, ...], Finding] = {}
    wrappers: list[tuple[Node, Finding]] = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(result, SH.focusNode)
        path = report_graph.value(result, SH.resultPath)
        value = report_graph.value(result, SH.value)
        message = report_graph.value(result, SH.resultMessage)
        severity = report_graph.value(result, SH.resultSeverity)
        component = report_graph.value(result, SH.sourceConstraintComponent)
        sev = str(severity).rsplit("#", 1)[-1].lower() if severity else "violation"
        if focus is None:
            continue
        if component == SH.ClassConstraintComponent and value in dangling_objects:
            continue
        text = str(message) if message else "does not match its shape"
        text += _datatype_hint(graph, report_graph, report_graph.value(result, SH.sourceShape), value)
        finding = Finding(
            severity=sev,
            check="shacl",
            node=_node_id(focus),
            name=describe(graph, focus),
            message=text,
            path=_path_text(graph, report_graph, path),
            value=term_text(graph, value) if isinstance(value, Literal | URIRef) else "",
        )
        if component == SH.NodeConstraintComponent and value is not None:
            wrappers.append((value, finding))
            continue
        findings.setdefault((sev, finding.node, finding.path, finding.message, finding.value), finding)
    reported = {f.node for f in findings.values()} | {_node_id(s) for s, _o in dangling}
    for value, finding in wrappers:
        if _node_id(value) not in reported:
            findings.setdefault((finding.severity, finding.node, finding.path, finding.message, ""), finding)
    return bool(conforms), report_graph, list(findings.values())


def _run_shapes(graph: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """pySHACL's ``(conforms, report graph)`` for ``graph`` and ``shapes``.

    On an Oxigraph-backed graph (the default), the SHACL-SPARQL constraints pySHACL
    would run once per focus node in rdflib's SPARQL engine (parsing the query each
    time: 35 s for the duplicate-requirement check on O*NET's 1,016 roles) are asked
    once of Oxigraph (:func:`_batched_sparql`), the core constraints
    :func:`kg.shacl_fast.plan` proves it evaluates alike are evaluated at once by
    :func:`kg.shacl_fast.evaluate` (pySHACL, shape by shape and node by node: 5 to 11
    minutes on an ESCO import), and pySHACL checks the rest on a copy, in rdflib's
    memory store, of only the triples those shapes read (its lookups through oxrdflib
    are many times slower). All results are added to one report as pySHACL writes them.
    """
    from pyshacl import validate as shacl_validate

    from kg import shacl_fast

    inner = oxigraph_of(graph)
    if inner is None:
        # careerkg's rdflib memory store holds literals as Oxigraph does (kg.store.stored_forms):
        # so are the constants read, a plain string staying plain as rdflib parses it
        shapes = shacl_fast.as_stored(shapes, FromOxigraph())
        conforms, report_graph, _text = shacl_validate(
            graph, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
        )
        return bool(conforms), report_graph

    batched = list(_batchable(shapes))
    if batched:
        shapes = copy_graph(shapes)
        for constraint in batched:  # pySHACL skips them; the batch answers for them
            shapes.add((constraint.constraint, SH.deactivated, Literal(True)))
    term = term_reader()
    # the sh:in and sh:hasValue constants as the store holds values ("1.0" as "1")
    shapes = shacl_fast.as_stored(shapes, term)
    plan = shacl_fast.plan(shapes)  # the core shapes evaluated at once, not node by node
    data = _memory_copy(inner, shacl_fast.needed_predicates(plan.rest), term)
    conforms, report_graph, _text = shacl_validate(
        data, shacl_graph=plan.rest, inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    fast_conforms, results = shacl_fast.evaluate(plan, data, shacl_fast.Index(inner, term))
    shacl_fast.add_results(report_graph, results)
    conforms = bool(conforms) and fast_conforms
    for constraint in batched:
        if not _batched_sparql(graph, data, constraint, report_graph):
            conforms = False
    report = report_graph.value(predicate=RDF.type, object=SH.ValidationReport)
    if report is not None:
        report_graph.set((report, SH.conforms, Literal(bool(conforms))))
    return bool(conforms), report_graph


def _memory_copy(
    inner: Any, predicates: Iterable[URIRef] | None = None, term: Callable[[Any], Node] | None = None
) -> Graph:
    """The default graph of the ``pyoxigraph.Store`` ``inner`` in rdflib's memory store, each
    term as oxrdflib reads it (a plain string keeps its ``xsd:string``), so pySHACL sees
    what it would see through oxrdflib; only the triples of ``predicates`` if given.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("x")))
    >>> list(_memory_copy(store))
    [(rdflib.term.URIRef('urn:s'), rdflib.term.URIRef('urn:p'), rdflib.term.Literal('x', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#string')))]
    >>> len(_memory_copy(store, [URIRef("urn:q")]))
    0
    """
    import pyoxigraph as ox

    term = term or term_reader()
    data = Graph()
    if predicates is None:
        quads: Iterable[Any] = inner.quads_for_pattern(None, None, None, ox.DefaultGraph())
    else:
        quads = (
            q
            for p in sorted(predicates)
            for q in inner.quads_for_pattern(None, ox.NamedNode(str(p)), None, ox.DefaultGraph())
        )
    data.addN((term(q.subject), term(q.predicate), term(q.object), data) for q in quads)
    return data


def _default_graph() -> Any:
    import pyoxigraph as ox

    return ox.DefaultGraph()


@dataclass(frozen=True)
class _SparqlConstraint:
    """A SHACL-SPARQL constraint of a node shape, as :func:`_batched_sparql` runs it."""

    shape: Node
    constraint: Node
    query: str
    classes: tuple[URIRef, ...]
    severity: URIRef
    messages: tuple[Literal, ...]
    shapes: Graph = field(compare=False, repr=False, default_factory=Graph)


def _batchable(shapes: Graph) -> Iterator[_SparqlConstraint]:
    """The SHACL-SPARQL constraints that one query over the whole graph answers exactly as
    pySHACL's one query per focus node (``$this`` pre-bound) does.

    That holds for a constraint of a node shape that is active, targets only classes
    and is used by no other shape (``sh:node``, ``sh:or``...), with a message, whose
    query is a ``SELECT`` of one basic graph pattern binding ``$this``, under filters
    and binds without ``EXISTS`` (each solution then has ``$this`` bound by the pattern,
    as pre-binding would), projecting no ``?failure`` and reading no other pre-bound
    variable. Any other constraint is left to pySHACL.

    Examples
    --------
    >>> from kg.store import shapes_file
    >>> shapes = Graph(); _ = load_file(shapes, shapes_file())
    >>> [(c.shape.n3(shapes.namespace_manager), c.classes) for c in _batchable(shapes)]
    [('ckgsh:RoleShape', (rdflib.term.URIRef('https://w3id.org/careerkg/ontology#Role'),))]
    """
    from rdflib import OWL, RDFS

    other_targets = (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    for shape in sorted(set(shapes.subjects(SH.sparql, None)), key=str):
        if (
            (shape, SH.path, None) in shapes
            or any((shape, p, None) in shapes for p in other_targets)
            or any((shape, RDF.type, c) in shapes for c in (RDFS.Class, OWL.Class))
            or any(True for _ in shapes.subjects(None, shape))
            or _deactivated(shapes, shape)
        ):
            continue
        classes = tuple(sorted(c for c in shapes.objects(shape, SH.targetClass) if isinstance(c, URIRef)))
        if not classes:
            continue
        severity = shapes.value(shape, SH.severity)
        shape_messages = [m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)]
        for constraint in shapes.objects(shape, SH.sparql):
            select = shapes.value(constraint, SH.select)
            messages = [m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal)]
            messages += [m for m in shape_messages if m not in messages]
            if _deactivated(shapes, constraint) or not isinstance(select, Literal) or not messages:
                continue
            query = prefix_declarations(shapes, constraint) + str(select)
            if _one_pattern_binding_this(query):
                yield _SparqlConstraint(
                    shape,
                    constraint,
                    query,
                    classes,
                    severity if isinstance(severity, URIRef) else SH.Violation,
                    tuple(messages),
                    shapes,
                )


def _deactivated(shapes: Graph, node: Node) -> bool:
    return any(bool(v.value) for v in shapes.objects(node, SH.deactivated) if isinstance(v, Literal))


def _one_pattern_binding_this(query: str) -> bool:
    """Whether ``query`` is a SELECT of one basic graph pattern that binds ``?this``, under
    projections, DISTINCT, filters and binds without EXISTS, projecting no ``?failure``
    and naming no other variable SHACL pre-binds.

    Examples
    --------
    >>> _one_pattern_binding_this("SELECT $this ?value WHERE { $this <urn:p> ?value FILTER(?value > 3) }")
    True
    >>> _one_pattern_binding_this("SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:p> ?v } }")
    False
    >>> _one_pattern_binding_this("SELECT $this WHERE { { $this <urn:p> ?v } UNION { $this <urn:q> ?v } }")
    False
    """
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable

    if any(f"{c}{name}" in query for c in "?$" for name in ("currentShape", "shapesGraph", "PATH")):
        return False
    try:
        algebra = prepareQuery(query).algebra
    except Exception:  # pySHACL will say what is wrong with it
        return False

    def has_exists(expr: object) -> bool:
        if isinstance(expr, CompValue):
            return expr.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS") or any(
                has_exists(v) for v in expr.values()
            )
        if isinstance(expr, list | tuple):
            return any(has_exists(v) for v in expr)
        return False

    if algebra.name != "SelectQuery" or Variable("failure") in (algebra.get("PV") or ()):
        return False
    node = algebra.p
    while isinstance(node, CompValue) and node.name in ("Project", "Distinct", "Reduced", "Filter", "Extend"):
        if has_exists(node.get("expr")):
            return False
        node = node.p
    return (
        isinstance(node, CompValue)
        and node.name == "BGP"
        and any(Variable("this") in triple for triple in node.triples)
    )


def _batched_sparql(graph: Graph, data: Graph, constraint: _SparqlConstraint, report: Graph) -> bool:
    """Run ``constraint`` once over ``graph`` (in its own engine), keep the rows whose
    ``$this`` is a focus node of the shape (an instance of a target class or of a
    subclass, in ``data``), and add each to ``report`` as pySHACL would. Returns whether
    no violation was found.
    """
    from rdflib import RDFS

    classes = {c for target in constraint.classes for c in data.transitive_subjects(RDFS.subClassOf, target)}
    focus = {s for c in classes for s in data.subjects(RDF.type, c)}
    conforms = True
    seen: set[tuple[tuple[str, Node], ...]] = set()
    names, rows = _select(graph, constraint)
    for row in rows:
        bound: dict[str, Node] = {name: v for name, v in zip(names, row, strict=True) if v is not None}
        this = bound.get("this")
        if this is None or this not in focus:
            continue
        value, path = bound.get("value", this), bound.get("path")
        key = tuple(sorted(bound.items()))
        if key in seen:
            continue
        seen.add(key)
        result = BNode()
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, this))
        report.add((result, SH.value, value))
        if path is not None:
            report.add((result, SH.resultPath, path))
        report.add((result, SH.resultSeverity, constraint.severity))
        report.add((result, SH.sourceShape, constraint.shape))
        report.add((result, SH.sourceConstraint, constraint.constraint))
        report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        for message in constraint.messages:
            text = str(message)
            for name, term in bound.items():  # pySHACL fills {?name} and {$name} in
                text = text.replace(f"{{?{name}}}", str(term)).replace(f"{{${name}}}", str(term))
            report.add((result, SH.resultMessage, Literal(text, lang=message.language)))
        owner = report.value(predicate=RDF.type, object=SH.ValidationReport)
        if owner is not None:
            report.add((owner, SH.result, result))
        if constraint.severity == SH.Violation:
            conforms = False
    return conforms


def _select(graph: Graph, constraint: _SparqlConstraint) -> tuple[list[str], Iterable[list[Node | None]]]:
    """The variables and rows of ``constraint``'s query over ``graph``.

    On an Oxigraph-backed graph, when the query names every predicate it reads, it is
    asked of an in-memory Oxigraph store holding only those predicates' triples: the
    same engine, the same answers, without a disk lookup per join step (on ESCO the
    duplicate-requirement check joins 5 million pairs of requirements: 68 s, 13 s in
    memory).
    """
    inner = oxigraph_of(graph)
    predicates = query_predicates(constraint.shapes, constraint.constraint) if inner is not None else None
    if inner is None or predicates is None:
        result_rows = graph.query(constraint.query)
        names = [str(v) for v in (result_rows.vars or [])]
        return names, ([row[i] for i in range(len(names))] for row in result_rows)  # type: ignore[index]
    import pyoxigraph as ox

    memory = ox.Store()
    for p in sorted(predicates):
        memory.bulk_extend(inner.quads_for_pattern(None, ox.NamedNode(str(p)), None, ox.DefaultGraph()))
    solutions = memory.query(constraint.query)
    assert isinstance(solutions, ox.QuerySolutions)  # _batchable keeps SELECT queries only
    variables = list(solutions.variables)
    term = term_reader()
    rows = [[None if s[v] is None else term(s[v]) for v in variables] for s in solutions]
    return [v.value for v in variables], rows


def prerequisite_cycles(graph: Graph) -> list[list[URIRef]]:
    """Cycles of ``ckg:hasPrerequisite``, each as a list of skills in order.

    Examples
    --------
    >>> g = Graph()
    >>> a, b = URIRef("urn:a"), URIRef("urn:b")
    >>> _ = g.add((a, CKG.hasPrerequisite, b)); _ = g.add((b, CKG.hasPrerequisite, a))
    >>> sorted(prerequisite_cycles(g)[0])
    [rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b')]
    """
    dg: nx.DiGraph[Node] = nx.DiGraph()
    dg.add_edges_from(graph.subject_objects(CKG.hasPrerequisite))
    cycles = []
    for component in nx.strongly_connected_components(dg):
        if len(component) > 1 or any(dg.has_edge(n, n) for n in component):
            sub = dg.subgraph(component)
            cycle = [u for u, _v in nx.find_cycle(sub)]
            cycle = [c for c in cycle if isinstance(c, URIRef)]
            if cycle:  # start at the least IRI, so a report reads the same every run
                first = cycle.index(min(cycle, key=str))
                cycles.append(cycle[first:] + cycle[:first])
    return sorted(cycles, key=lambda c: str(c[0]))


def _quads(inner: Any, pred: URIRef | None) -> Iterator[Any]:
    """The ``pyoxigraph`` quads of the default graph with predicate ``pred`` (any if
    ``None``), in the order oxrdflib reads them."""
    import pyoxigraph as ox

    return iter(
        inner.quads_for_pattern(
            None, None if pred is None else ox.NamedNode(str(pred)), None, ox.DefaultGraph()
        )
    )


def _dangling(graph: Graph) -> list[tuple[URIRef, URIRef, Node, URIRef]]:
    """``(property, expected class, subject, object)`` of each reference to an undescribed IRI.

    On an Oxigraph-backed graph the store's terms are compared, and only the findings'
    read as rdflib terms (each of ESCO's 124,249 requirements named a skill read
    through oxrdflib: 4 s).
    """
    inner = oxigraph_of(graph)
    if inner is None:
        typed = set(graph.subjects(RDF.type, None))
        return [
            (pred, cls, s, o)
            for pred, cls in _REFERENCES
            for s, o in graph.subject_objects(pred)
            if isinstance(o, URIRef) and o not in typed
        ]
    import pyoxigraph as ox

    ox_typed = {q.subject for q in _quads(inner, RDF.type)}
    term = term_reader()
    out: list[tuple[URIRef, URIRef, Node, URIRef]] = []
    for pred, cls in _REFERENCES:
        for q in _quads(inner, pred):
            if isinstance(q.object, ox.NamedNode) and q.object not in ox_typed:
                out.append((pred, cls, term(q.subject), URIRef(q.object.value)))
    return out


@cache
def object_properties() -> dict[URIRef, frozenset[URIRef]]:
    """The ontology's ``ckg:`` object properties, each with its range and the range's
    subclasses (empty when it states no range).

    Examples
    --------
    >>> sorted(object_properties()[CKG.expectsCredential], key=str)[:2]
    [rdflib.term.URIRef('https://w3id.org/careerkg/ontology#Certification'), rdflib.term.URIRef('https://w3id.org/careerkg/ontology#Credential')]
    >>> CKG.learningHours in object_properties()
    False
    """
    from rdflib import OWL, RDFS

    from kg.store import ontology_files

    g = Graph()
    for path in ontology_files():
        load_file(g, path)
    out = {}
    for prop in g.subjects(RDF.type, OWL.ObjectProperty):
        if isinstance(prop, URIRef) and prop.startswith(str(CKG)):
            ranges = [r for r in g.objects(prop, RDFS.range) if isinstance(r, URIRef)]
            out[prop] = frozenset(
                c for r in ranges for c in g.transitive_subjects(RDFS.subClassOf, r) if isinstance(c, URIRef)
            )
    return out


def _literal_links(graph: Graph) -> list[tuple[URIRef, Node, Literal]]:
    """``(property, subject, literal)`` of each object property given a literal, a text
    where a node's IRI belongs (``ckg:usesTool "pandas"``). A shortcut materialised from
    such a qualified link (``ckg:requiresSkill`` from ``ckg:requiredSkill``) is left out:
    the link itself is reported."""
    from kg.store import CHAINS

    inner = oxigraph_of(graph)
    if inner is not None:  # most stores have none: look for one without reading every link
        import pyoxigraph as ox

        if not any(isinstance(q.object, ox.Literal) for p in object_properties() for q in _quads(inner, p)):
            return []
    derived = {
        (s, shortcut, o)
        for shortcut, first, second in CHAINS
        for s, mid in graph.subject_objects(first)
        for o in graph.objects(mid, second)
        if isinstance(o, Literal)
    }
    return [
        (prop, s, o)
        for prop in object_properties()
        for s, o in graph.subject_objects(prop)
        if isinstance(o, Literal) and (s, prop, o) not in derived
    ]


def _literal_findings(graph: Graph, names: Graph | None = None) -> list[Finding]:
    """A finding for each literal where a node belongs, naming the node of that kind the
    text names (or the closest), from ``names`` (default: ``graph``)."""
    from kg.names import LabelIndex

    links = _literal_links(graph)
    if not links:
        return []
    index = LabelIndex.build(names if names is not None else graph)
    nm = graph.namespace_manager
    findings = []
    for prop, subject, text in links:
        wanted = object_properties()[prop]
        kinds = [c for c in wanted if index.kind_name(c)]
        what = " or ".join(sorted(c.n3(nm) for c in kinds)) or "node"
        hint = ""
        if kinds:
            try:
                node = index.resolve(str(text), kinds)
                hint = f"; write {node.n3(nm)} ({index.labels[node]!r})"
            except UnknownEntity as err:
                if err.suggestions:
                    hint = (
                        "; no " + what + " is named so, closest: " + ", ".join(map(repr, err.suggestions[:3]))
                    )
        findings.append(
            Finding(
                "violation",
                "literal",
                _node_id(subject),
                describe(graph, subject),
                f"has the text {term_text(graph, text)} where a {what} belongs: "
                f"{prop.n3(nm)} links to a node by its IRI{hint}",
                nm.normalizeUri(prop),
                term_text(graph, text),
            )
        )
    return findings


def _structural_findings(graph: Graph, label_graph: Graph | None = None) -> list[Finding]:
    findings: list[Finding] = _literal_findings(graph, label_graph)
    for cycle in prerequisite_cycles(graph):
        names = [label_of(graph, n) for n in cycle]
        findings.append(
            Finding(
                "violation",
                "cycle",
                str(cycle[0]),
                names[0],
                "prerequisite cycle "
                + " -> ".join([*names, names[0]])
                + "; remove one ckg:hasPrerequisite link so that prerequisites form a DAG",
                "ckg:hasPrerequisite",
            )
        )
    for pred, cls, subject, obj in _dangling(graph):
        findings.append(
            Finding(
                "violation",
                "dangling",
                _node_id(subject),
                describe(graph, subject),
                f"refers to {obj.n3(graph.namespace_manager)}, which is not described in the graph "
                f"(expected a {cls.n3(graph.namespace_manager)} with a label)",
                graph.namespace_manager.normalizeUri(pred),
                str(obj),
            )
        )
    findings += _undefined_terms(graph)
    roles = set(graph.subjects(RDF.type, CKG.Role))
    if len(roles) > 1:
        linked = set(graph.subjects(CKG.progressesTo, None)) | set(graph.objects(None, CKG.progressesTo))
        for role in sorted(roles - linked, key=str):
            if isinstance(role, URIRef):
                findings.append(
                    Finding(
                        "warning",
                        "ladder",
                        str(role),
                        label_of(graph, role),
                        "role is on no career ladder (no ckg:hasProgression in or out); "
                        "paths can only reach it by a direct switch",
                    )
                )
    return findings


@cache
def ontology_terms() -> frozenset[URIRef]:
    """The ``ckg:`` terms the ontology defines (classes, properties, individuals).

    Examples
    --------
    >>> CKG.hasPrerequisite in ontology_terms(), URIRef(str(CKG) + "hasPrereq") in ontology_terms()
    (True, False)
    """
    from kg.store import ontology_files

    g = Graph()
    for path in ontology_files():
        load_file(g, path)
    return frozenset(s for s in g.subjects() if isinstance(s, URIRef) and s.startswith(str(CKG)))


def _undefined_terms(graph: Graph) -> list[Finding]:
    """A ``ckg:`` property or class the ontology does not define: a typo such as
    ``ckg:hasPrereq`` would otherwise be kept and never read."""
    import difflib

    known = ontology_terms()
    inner = oxigraph_of(graph)
    if inner is not None:  # the store's distinct predicates and classes first: mostly all known
        asked = inner.query(
            "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }", default_graph=_default_graph()
        )
        if all(not str(row[0].value).startswith(str(CKG)) or URIRef(row[0].value) in known for row in asked):
            return []
    used: dict[URIRef, tuple[Node, str]] = {}  # term -> (first subject using it, as what)
    for s, p, o in graph:
        if isinstance(p, URIRef) and p.startswith(str(CKG)) and p not in known:
            used.setdefault(p, (s, "property"))
        if p == RDF.type and isinstance(o, URIRef) and o.startswith(str(CKG)) and o not in known:
            used.setdefault(o, (s, "class"))
    findings = []
    names = {t.removeprefix(str(CKG)): t for t in known}
    for term, (subject, role) in sorted(used.items()):
        close = difflib.get_close_matches(term.removeprefix(str(CKG)), list(names), n=3, cutoff=0.6)
        hint = "; closest: " + ", ".join(f"ckg:{c}" for c in close) if close else ""
        findings.append(
            Finding(
                "violation",
                "undefined",
                _node_id(subject),
                describe(graph, subject),
                f"uses the {role} ckg:{term.removeprefix(str(CKG))}, which the careerkg ontology "
                f"does not define{hint}",
                f"ckg:{term.removeprefix(str(CKG))}",
            )
        )
    return findings


def validate(
    graph: Graph,
    shapes: Graph | None = None,
    *,
    ladder_warnings: bool = False,
    names: Graph | None = None,
    on_phase: Callable[[str], None] | None = None,
) -> ValidationReport:
    """Validate ``graph`` (data plus ontology) against the shapes and structural checks.

    Parameters
    ----------
    graph : rdflib.Graph
        The data, with the ontology loaded (subclass axioms are used by ``sh:class``).
    shapes : rdflib.Graph, optional
        SHACL shapes; the shipped ``ontology/shapes.ttl`` by default.
    ladder_warnings : bool
        Also warn about roles on no career ladder (ESCO imports have thousands).
    names : rdflib.Graph, optional
        Where to look for the node a text names, when a literal stands where a node
        belongs (``ckg:usesTool "pandas"``); ``graph`` by default.
    on_phase : callable, optional
        Told what is being checked as each phase starts (minutes on a large import).

    Returns
    -------
    ValidationReport
        ``conforms`` is false when any violation was found; warnings do not count.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.namespace import SKILL
    >>> g = Store.default().graph
    >>> bad = Graph(); _ = [bad.add(t) for t in g]
    >>> bad.remove((SKILL["python"], CKG.learningHours, None))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> report = validate(bad)
    >>> report.conforms, [f.name for f in report.violations]
    (False, ['Python programming'])
    """
    if shapes is None:
        shapes = Graph()
        load_file(shapes, shapes_file())
    dangling: list[tuple[Node, Node]] = [(s, o) for _p, _c, s, o in _dangling(graph)]
    dangling += [(s, o) for _p, s, o in _literal_links(graph)]
    if on_phase is not None:
        on_phase("the SHACL shapes")
    conforms, report_graph, findings = _shacl_findings(graph, shapes, dangling)
    if on_phase is not None:
        on_phase("cycles, references and terms")
    extra = _structural_findings(graph, names)
    if not ladder_warnings:
        extra = [f for f in extra if f.check != "ladder"]
    findings.extend(extra)
    # the same order whichever way the shapes were evaluated
    findings.sort(
        key=lambda f: (f.severity != "violation", f.check, f.name, f.path, f.message, f.value, f.node)
    )
    has_violation = any(f.severity == "violation" for f in findings)
    return ValidationReport(
        conforms=conforms and not has_violation, findings=findings, report_graph=report_graph
    )


SHIPPED_HINT = "; it is described in the shipped data: validate with --with-default to include it"

_REFERS = re.compile(r"^refers to (\S+?),? which")


def _referred(finding: Finding) -> str:
    """The node a finding says is referred to (``skill:python``), else its value.

    Examples
    --------
    >>> _referred(Finding("violation", "dangling", "_:b", "x", "refers to skill:sql, which is not described", "", "urn:v"))
    'skill:sql'
    >>> _referred(Finding("violation", "shacl", "urn:s", "x", "must be a source", "", "https://w3id.org/careerkg/id/source/curated"))
    'src:curated'
    """
    m = _REFERS.match(finding.message)
    if m:
        return m.group(1)
    from kg.namespace import short_name

    named = short_name(finding.value)
    return finding.value if named.startswith("<") else named


def note_shipped(report: ValidationReport, shipped: Graph) -> ValidationReport:
    """``report`` with each finding about a node the ``shipped`` graph describes saying so.

    Validating a file alone (the ontology plus the file) reports its references to the
    shipped roles, skills and sources (``role:data-scientist``, ``src:curated``) as
    undescribed; the finding then says they are there, and how to include them.

    Examples
    --------
    >>> from kg.namespace import ROLE
    >>> shipped = Graph(); _ = shipped.add((ROLE["data-scientist"], RDF.type, CKG.Role))
    >>> f = Finding("violation", "dangling", "_:b1", "career step", "refers to role:data-scientist",
    ...             "ckg:toRole", str(ROLE["data-scientist"]))
    >>> note_shipped(ValidationReport(False, [f]), shipped).findings[0].message.endswith("--with-default to include it")
    True

    A node the shipped data describes as another kind than the one expected is said to
    be so: including the shipped data would not make the finding go.

    >>> from kg.namespace import TOOL
    >>> _ = shipped.add((TOOL["pytorch"], RDF.type, CKG.Tool))
    >>> f = Finding("violation", "dangling", "_:b2", "teaching", "refers to tool:pytorch, which is not "
    ...             "described in the graph (expected a ckg:Skill with a label)", "ckg:taughtSkill",
    ...             str(TOOL["pytorch"]))
    >>> note_shipped(ValidationReport(False, [f]), shipped).findings[0].message.split("; ")[-1]
    'the shipped data describes it as a ckg:Tool, not a ckg:Skill'
    """
    from dataclasses import replace

    from rdflib import RDFS

    from kg.namespace import PREFIXES

    def kinds(node: URIRef) -> set[URIRef]:
        out: set[URIRef] = set()
        todo = [t for t in shipped.objects(node, RDF.type) if isinstance(t, URIRef)]
        while todo:  # its classes and their superclasses
            cls = todo.pop()
            if cls not in out:
                out.add(cls)
                todo += [c for c in shipped.objects(cls, RDFS.subClassOf) if isinstance(c, URIRef)]
        return out

    def noted(f: Finding) -> Finding:
        if not f.value or next(shipped.triples((URIRef(f.value), RDF.type, None)), None) is None:
            return f
        expected = _EXPECTED.search(f.message)
        if expected is not None:
            prefix, _, local = expected.group(1).partition(":")
            cls = URIRef(PREFIXES[prefix] + local) if prefix in PREFIXES else None
            have = kinds(URIRef(f.value))
            if cls is not None and cls not in have:
                named = sorted(f"ckg:{t[len(str(CKG)) :]}" for t in have if t.startswith(str(CKG)))
                said = " and a ".join(named) or "something else"
                return replace(
                    f,
                    message=f"{f.message}; the shipped data describes it as a {said}, not a {expected.group(1)}",
                )
        return replace(f, message=f.message + SHIPPED_HINT)

    return ValidationReport(report.conforms, [noted(f) for f in report.findings], report.report_graph)


_EXPECTED = re.compile(r"\(expected an? (\S+) with a label\)")


def _path_text(graph: Graph, report: Graph, path: Node | None) -> str:
    """A SHACL result path as SPARQL writes it: ``ckg:level``, or ``^ckg:hasRequirement``
    for an inverse path (other complex paths: ``""``).

    Examples
    --------
    >>> from rdflib import BNode
    >>> from kg.namespace import CKG
    >>> g = Graph()
    >>> g.bind("ckg", CKG)
    >>> inverse = BNode()
    >>> _ = g.add((inverse, SH.inversePath, CKG.hasRequirement))
    >>> _path_text(g, g, CKG.level), _path_text(g, g, inverse)
    ('ckg:level', '^ckg:hasRequirement')
    """
    if isinstance(path, URIRef):
        return graph.namespace_manager.normalizeUri(path)
    inverse = report.value(path, SH.inversePath) if path is not None else None
    return "^" + graph.namespace_manager.normalizeUri(inverse) if isinstance(inverse, URIRef) else ""


def validate_store(location: str, on_phase: Callable[[str], None] | None = None) -> ValidationReport:
    """Validate the persistent store folder at ``location`` (ontology, curated data and
    imports, as ``careerkg import --store`` wrote them).

    Raises
    ------
    StoreError
        When there is no store there, or it cannot be opened.
    """
    from kg.store import Store

    if on_phase is not None:
        on_phase("opening the store")
    return validate(Store.open(location).graph, ladder_warnings=True, on_phase=on_phase)


def validate_files(
    paths: Iterable[str], *, with_default: bool = False, on_phase: Callable[[str], None] | None = None
) -> ValidationReport:
    """Validate the ontology plus ``paths`` (plus the shipped data if ``with_default``).

    Without the shipped data, a finding about a node it describes says so
    (:func:`note_shipped`).
    """
    from kg.store import Store

    if on_phase is not None:
        on_phase("reading the files")
    store = Store.default(paths, with_default=with_default)
    shipped = None if with_default else Store.default().graph
    report = validate(store.graph, ladder_warnings=True, names=shipped, on_phase=on_phase)
    if shipped is not None and not report.conforms:
        report = note_shipped(report, shipped)
    return report
