"""The ontology agrees with itself, with the shapes and with the data and importers that use it.

Every ``ckg:`` term the curated data, the shipped curricula or the ESCO / O*NET importers
use is declared with one OWL kind, a label and a definition; domains and ranges are what
the data does (a term used outside its domain would make a reasoner re-type the node);
functional properties have one value and a ``sh:maxCount 1`` in the shapes; every class
in use has a shape, and every property shape says in words what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from kg.namespace import CKG, CRED, SKILL, TOOL
from kg.store import data_files, ontology_files, shapes_file

ROOT = Path(__file__).resolve().parents[2]
CURRICULA = sorted((ROOT / "data" / "curricula").glob("*.ttl"))
IMPORTERS = sorted((ROOT / "kg" / "importers").glob("*.py"))
SH = Namespace("http://www.w3.org/ns/shacl#")
VANN = Namespace("http://purl.org/vocab/vann/")
ONTOLOGY_IRI = URIRef("https://w3id.org/careerkg/ontology")
NS = str(CKG._NS)
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)


@cache
def ontology() -> Graph:
    g = Graph()
    for path in ontology_files():
        g.parse(path)
    return g


@cache
def shapes() -> Graph:
    return Graph().parse(shapes_file())


@cache
def data() -> Graph:
    """The curated data and the shipped curricula (what the repository itself states)."""
    g = Graph()
    for path in [*data_files(), *CURRICULA]:
        g.parse(path)
    return g


def importer_terms() -> set[URIRef]:
    """The ``CKG.<term>`` names the importers write."""
    names = set()
    for path in IMPORTERS:
        names |= set(re.findall(r"\bCKG\.([A-Za-z]\w*)", path.read_text(encoding="utf-8")))
    return {CKG[n] for n in names}


def used_terms() -> set[URIRef]:
    g = data()
    used = {p for p in g.predicates() if str(p).startswith(NS)}
    used |= {o for o in g.objects(None, RDF.type) if str(o).startswith(NS)}
    used |= {o for o in g.objects() if isinstance(o, URIRef) and str(o).startswith(NS)}
    return used | importer_terms()


def superclasses(cls: Node) -> set[Node]:
    """``cls`` and its named superclasses (rdfs:subClassOf*)."""
    seen, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.add(c)
            todo.extend(ontology().objects(c, RDFS.subClassOf))
    return seen


def class_extension(cls: Node) -> set[Node]:
    """The named classes a class expression stands for (a class, or an owl:unionOf of classes)."""
    members = ontology().value(cls, OWL.unionOf)
    if members is not None:
        return set(Collection(ontology(), members))
    return {cls}


def types_of(g: Graph, node: Node) -> set[Node]:
    return {sup for t in g.objects(node, RDF.type) for sup in superclasses(t)}


# ------------------------------------------------------------------ metadata


def test_ontology_header_is_complete_and_consistent() -> None:
    g = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    version = g.value(ONTOLOGY_IRI, OWL.versionInfo)
    version_iri = g.value(ONTOLOGY_IRI, OWL.versionIRI)
    assert version is not None, "no owl:versionInfo"
    assert isinstance(version_iri, URIRef), "no owl:versionIRI"
    assert str(version_iri) == f"{ONTOLOGY_IRI}/{version}", "owl:versionIRI does not name owl:versionInfo"
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.creator):
        assert g.value(ONTOLOGY_IRI, prop) is not None, f"the ontology has no {prop.n3(g.namespace_manager)}"
    assert str(g.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "ckg"
    assert str(g.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == NS


def test_the_ontology_is_the_only_owl_ontology_and_every_term_is_defined_by_it() -> None:
    g = ontology()
    assert set(g.subjects(RDF.type, OWL.Ontology)) == {ONTOLOGY_IRI}
    undefined = sorted(
        str(t)
        for kind in KINDS
        for t in g.subjects(RDF.type, kind)
        if str(t).startswith(NS) and g.value(t, RDFS.isDefinedBy) != ONTOLOGY_IRI
    )
    assert not undefined, f"terms without rdfs:isDefinedBy the ontology: {undefined}"


# ------------------------------------------------------------------ terms


def test_every_term_in_use_is_declared_with_one_kind_a_label_and_a_definition() -> None:
    g = ontology()
    problems = []
    for term in sorted(used_terms()):
        kinds = {k for k in KINDS if (term, RDF.type, k) in g}
        if len(kinds) != 1:
            problems.append(f"{term}: declared as {sorted(str(k) for k in kinds) or 'nothing'}")
        label = g.value(term, RDFS.label)
        if not isinstance(label, Literal) or label.language != "en":
            problems.append(f"{term}: no English rdfs:label")
        if g.value(term, SKOS.definition) is None and g.value(term, RDFS.comment) is None:
            problems.append(f"{term}: no skos:definition or rdfs:comment")
    assert not problems, "\n".join(problems)


def test_no_term_has_two_incompatible_kinds() -> None:
    g = ontology()
    clashes = []
    for term in {s for s in g.subjects(RDF.type, None) if str(s).startswith(NS)}:
        kinds = {k for k in KINDS if (term, RDF.type, k) in g}
        if len(kinds) > 1:
            clashes.append((str(term), sorted(str(k) for k in kinds)))
    assert not clashes


def test_object_properties_take_nodes_and_datatype_properties_take_literals() -> None:
    g, onto = data(), ontology()
    wrong = []
    for s, p, o in g:
        if (p, RDF.type, OWL.ObjectProperty) in onto and isinstance(o, Literal):
            wrong.append(f"{s} {p} {o!r}: an object property with a literal")
        if (p, RDF.type, OWL.DatatypeProperty) in onto and not isinstance(o, Literal):
            wrong.append(f"{s} {p} {o}: a datatype property with a node")
    assert not wrong, "\n".join(wrong[:20])


# the shipped ML bootcamp deliberately names the tool PyTorch as a taught skill: it is the
# example of the gap report's "a tool, not a skill" finding (see test_validate_shapes.py)
KNOWN_EXAMPLE_MISUSE = {(CKG.taughtSkill, TOOL["pytorch"])}


def _literal_fits(value: Literal, rng: Node) -> bool:
    if rng == RDF.langString:
        return value.language is not None
    if rng == XSD.string:
        return value.language is None and value.datatype in (None, XSD.string)
    if rng == XSD.decimal:
        return value.datatype in (XSD.decimal, XSD.integer)
    return value.datatype == rng


def domain_range_mismatches(g: Graph) -> list[str]:
    """Each triple whose subject or object the ontology's rdfs:domain / rdfs:range would re-type."""
    onto = ontology()
    typed = g + onto  # the individuals (ckg:Essential, ckg:Knowledge) are typed in the ontology
    out = []
    for s, p, o in g:
        if not str(p).startswith(NS):
            continue
        for dom in onto.objects(p, RDFS.domain):
            if not class_extension(dom) & types_of(typed, s):
                out.append(f"{s} uses {p}, whose domain is {sorted(map(str, class_extension(dom)))}")
        for rng in onto.objects(p, RDFS.range):
            if isinstance(o, Literal):
                if not _literal_fits(o, rng):
                    out.append(f"{s} {p} {o!r}: not in the range {rng}")
            elif (p, o) not in KNOWN_EXAMPLE_MISUSE and not class_extension(rng) & types_of(typed, o):
                out.append(f"{s} {p} {o}: the object is not a {rng}")
    return out


def test_domains_and_ranges_agree_with_how_the_data_uses_the_terms() -> None:
    mismatches = domain_range_mismatches(data())
    assert not mismatches, "\n".join(mismatches[:20])


def test_domains_of_properties_several_classes_share_are_unions() -> None:
    onto = ontology()
    assert class_extension(onto.value(CKG.level, RDFS.domain)) == {CKG.Requirement, CKG.Teaching}
    assert class_extension(onto.value(CKG.provider, RDFS.domain)) == {CKG.LearningOpportunity, CKG.Curriculum}
    assert onto.value(CKG.costUSD, RDFS.domain) == CKG.LearningOpportunity
    assert onto.value(CKG.requiresPrior, RDFS.domain) == CKG.LearningOpportunity
    assert class_extension(onto.value(CKG.aboutRole, RDFS.domain)) == {CKG.Finding, CKG.RoleCoverage}


FUNCTIONAL = [
    CKG.requiredSkill,
    CKG.importance,
    CKG.skillType,
    CKG.taughtSkill,
    CKG.toRole,
    CKG.level,
    CKG.learningHours,
    CKG.typicalYears,
    CKG.durationHours,
    CKG.costUSD,
    CKG.term,
    CKG.isEstimate,
    CKG.retiredOn,
    CKG.iscoGroup,
    CKG.iscoCode,
    CKG.reuseLevel,
    CKG.hotTechnology,
    CKG.jobZone,
    CKG.typicalEducation,
    CKG.importanceScore,
    CKG.levelScore,
]


@pytest.mark.parametrize("prop", FUNCTIONAL, ids=lambda p: p.removeprefix(NS))
def test_single_valued_properties_are_functional(prop: URIRef) -> None:
    assert (prop, RDF.type, OWL.FunctionalProperty) in ontology()


def test_functional_properties_have_one_value_in_the_data() -> None:
    g = data()
    several = [
        f"{s} has {len(values)} values of {p}"
        for p in ontology().subjects(RDF.type, OWL.FunctionalProperty)
        for s in set(g.subjects(p, None))
        if len(values := set(g.objects(s, p))) > 1
    ]
    assert not several, "\n".join(several)


def test_qualified_links_are_inverse_functional_and_prerequisites_irreflexive() -> None:
    onto = ontology()
    for prop in (CKG.hasRequirement, CKG.hasTeaching, CKG.hasProgression):
        assert (prop, RDF.type, OWL.InverseFunctionalProperty) in onto, prop
    assert (CKG.hasPrerequisite, RDF.type, OWL.IrreflexiveProperty) in onto


def _disjoint_pairs() -> set[frozenset[Node]]:
    onto = ontology()
    pairs: set[frozenset[Node]] = set()
    for axiom in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(onto, onto.value(axiom, OWL.members)))
        pairs |= {frozenset((a, b)) for a in members for b in members if a != b}
    for a, b in onto.subject_objects(OWL.disjointWith):
        pairs.add(frozenset((a, b)))
    return pairs


def test_the_kinds_of_things_are_disjoint_and_the_data_respects_it() -> None:
    pairs = _disjoint_pairs()
    for a, b in [
        (CKG.Role, CKG.Skill),
        (CKG.Skill, CKG.Tool),
        (CKG.Skill, CKG.SkillArea),
        (CKG.Role, CKG.IscoGroup),
        (CKG.Degree, CKG.Certification),
        (CKG.Credential, CKG.Course),
        (CKG.LearningOpportunity, CKG.Curriculum),
        (CKG.Requirement, CKG.Teaching),
    ]:
        assert frozenset((a, b)) in pairs, f"{a} and {b} are not declared disjoint"
    g = data()
    clashes = [
        f"{s} is both {a} and {b}"
        for s in set(g.subjects(RDF.type, None))
        for pair in pairs
        for a, b in [tuple(pair)]
        if {a, b} <= types_of(g, s)
    ]
    assert not clashes, "\n".join(clashes)


def test_enumerated_individuals_are_pairwise_different() -> None:
    onto = ontology()
    different: set[frozenset[Node]] = set()
    for axiom in onto.subjects(RDF.type, OWL.AllDifferent):
        members = list(Collection(onto, onto.value(axiom, OWL.distinctMembers)))
        different |= {frozenset((a, b)) for a in members for b in members if a != b}
    for cls in (CKG.SkillType, CKG.Importance):
        values = list(Collection(onto, onto.value(cls, OWL.oneOf)))
        for a in values:
            for b in values:
                if a != b:
                    assert frozenset((a, b)) in different, f"{a} and {b} are not declared different"


def test_duration_hours_says_it_is_effort_in_the_unit_of_learning_hours() -> None:
    text = str(ontology().value(CKG.durationHours, SKOS.definition))
    assert "ckg:learningHours" in text
    assert "certification" in text, text
    assert "requiresPrior" in text, text
    assert "not calendar time" in text, text
    assert "duration" not in str(ontology().value(CKG.durationHours, RDFS.label)).casefold()


# ------------------------------------------------------------------ retirement


def test_retired_credentials_say_so_with_a_date() -> None:
    g = data()
    onto = ontology()
    assert onto.value(CKG.retiredOn, RDFS.range) == XSD.date
    retired = set(g.subjects(CKG.retiredOn, None))
    said = {
        s
        for s, d in g.subject_objects(SKOS.definition)
        if re.search(r"\bRetired\b", str(d)) and CKG.LearningOpportunity in types_of(g, s)
    }
    assert said <= retired, f"definitions say retired, but no ckg:retiredOn: {sorted(said - retired)}"
    specialty = CRED["aws-certified-machine-learning-specialty"]
    assert g.value(specialty, CKG.retiredOn) == Literal("2026-03-31", datatype=XSD.date)
    assert (specialty, RDF.type, CKG.Certification) in g


# ------------------------------------------------------------------ shapes


def _targets(shape: Node) -> set[Node]:
    return set(shapes().objects(shape, SH.targetClass))


def shaped_classes() -> set[Node]:
    return {c for s in shapes().subjects(RDF.type, SH.NodeShape) for c in _targets(s)}


def test_every_class_in_use_has_a_shape() -> None:
    onto = ontology()
    in_use = {t for t in used_terms() if (t, RDF.type, OWL.Class) in onto}
    shaped = shaped_classes()
    unshaped = sorted(str(c) for c in in_use if not superclasses(c) & shaped)
    assert not unshaped, f"classes in use that no shape targets: {unshaped}"


def _property_shapes() -> Iterator[tuple[Node, Node]]:
    g = shapes()
    for node_shape in g.subjects(RDF.type, SH.NodeShape):
        for prop in g.objects(node_shape, SH.property):
            yield node_shape, prop


def _path_property(path: Node) -> Node:
    inverse = shapes().value(path, SH.inversePath) if isinstance(path, BNode) else None
    return inverse if inverse is not None else path


def test_every_property_in_use_is_constrained_by_a_shape() -> None:
    onto = ontology()
    constrained = {_path_property(shapes().value(p, SH.path)) for _s, p in _property_shapes()}
    props = {
        t
        for t in used_terms()
        if (t, RDF.type, OWL.ObjectProperty) in onto or (t, RDF.type, OWL.DatatypeProperty) in onto
    }
    # the materialised shortcuts are constrained through the qualified nodes they come from
    props -= {CKG.requiresSkill, CKG.teaches, CKG.progressesTo}
    missing = sorted(str(p) for p in props - constrained)
    assert not missing, f"properties in use that no shape constrains: {missing}"


def test_every_constraint_says_what_is_wrong_in_words() -> None:
    g = shapes()
    silent = []
    for node_shape, prop in _property_shapes():
        message = g.value(prop, SH.message)
        if not isinstance(message, Literal) or message.language != "en" or len(str(message)) < 20:
            silent.append(f"{node_shape} {g.value(prop, SH.path)}")
    for node_shape in g.subjects(RDF.type, SH.NodeShape):
        for constraint in (SH.xone, SH["not"], SH.sparql):
            for value in g.objects(node_shape, constraint):
                if g.value(node_shape, SH.message) is None and g.value(value, SH.message) is None:
                    silent.append(f"{node_shape} {constraint}")
    assert not silent, "constraints without an English sh:message:\n" + "\n".join(sorted(silent))


def test_functional_properties_have_max_count_one_in_the_shapes() -> None:
    g = shapes()
    capped = {_path_property(g.value(p, SH.path)) for _s, p in _property_shapes() if g.value(p, SH.maxCount)}
    onto = ontology()
    uncapped = sorted(
        str(p)
        for p in onto.subjects(RDF.type, OWL.FunctionalProperty)
        if p in used_terms() and p not in capped
    )
    assert not uncapped, f"functional properties with no sh:maxCount 1: {uncapped}"


def test_shape_ranges_agree_with_ontology_ranges() -> None:
    """A property shape's sh:class or sh:datatype is the ontology's range (or a subclass of it)."""
    g, onto = shapes(), ontology()
    disagree = []
    for _s, prop in _property_shapes():
        path = g.value(prop, SH.path)
        if not isinstance(path, URIRef):
            continue
        ranges = {r for rng in onto.objects(path, RDFS.range) for r in class_extension(rng)}
        if not ranges:
            continue
        for cls in g.objects(prop, SH["class"]):
            if not superclasses(cls) & ranges:
                disagree.append(f"{path}: sh:class {cls}, range {sorted(map(str, ranges))}")
        datatypes = set(g.objects(prop, SH.datatype))
        for alternatives in g.objects(prop, SH["or"]):
            datatypes |= {d for m in Collection(g, alternatives) for d in g.objects(m, SH.datatype)}
        for dt in datatypes:
            if dt not in ranges and not (dt == XSD.integer and XSD.decimal in ranges):
                disagree.append(f"{path}: sh:datatype {dt}, range {sorted(map(str, ranges))}")
    assert not disagree, "\n".join(disagree)


def test_the_curricula_examples_validate_but_for_the_deliberate_tool() -> None:
    from kg.validate import validate_files

    msc = validate_files([str(ROOT / "data" / "curricula" / "msc-ai-data-science.ttl")], with_default=True)
    assert msc.conforms, msc.text
    bootcamp = validate_files([str(ROOT / "data" / "curricula" / "ml-bootcamp.ttl")], with_default=True)
    assert [(f.path, f.value) for f in bootcamp.violations] == [("ckg:taughtSkill", str(TOOL["pytorch"]))]
    (finding,) = bootcamp.violations
    assert "a tool is not a skill" in finding.message, finding.message


# ------------------------------------------------------------------ OWL 2 RL


def owl_rl_errors(g: Graph) -> list[str]:
    """The inconsistencies OWL 2 RL reasoning finds in ``g`` (disjoint classes sharing a
    node, an irreflexive property on itself...), as owlrl words them."""
    import owlrl

    closure = Graph()
    for t in g:
        closure.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    error = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
    return sorted(str(o) for o in closure.objects(None, error))


def test_owl_rl_reasoning_finds_the_clash_it_should() -> None:
    g = ontology() + Graph()
    g.add((SKILL["x"], RDF.type, CKG.Skill))
    g.add((SKILL["x"], RDF.type, CKG.Role))
    g.add((SKILL["x"], CKG.hasPrerequisite, SKILL["x"]))
    errors = owl_rl_errors(g)
    assert any("Disjoint classes" in e and str(SKILL["x"]) in e for e in errors), errors
    assert any("rreflexive" in e for e in errors), errors


@pytest.mark.slow
def test_the_ontology_and_the_data_are_consistent_under_owl_rl() -> None:
    g = ontology() + data()
    # the one clash is the bootcamp example's deliberate tool-as-skill (KNOWN_EXAMPLE_MISUSE):
    # ckg:taughtSkill's range makes PyTorch a skill, and skills are not tools
    assert owl_rl_errors(g) == [
        f"Disjoint classes {CKG.Skill} and {CKG.Tool} have a common individual {TOOL['pytorch']}"
    ]
