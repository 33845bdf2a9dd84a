"""Exploring the graph: search, neighbourhoods, node details and overview figures.

Pure functions over the :class:`~kg.store.Store` and its NetworkX projection
(:func:`kg.project.projection`), used by the Dash app. They compute the graph facts
the dashboard shows; the dashboard only turns them into components.

Node types are the projection's ``type`` attribute (``role``, ``skill``, ``tool``,
``degree``, ``certification``, ``course``, ``area``); relations are its edge keys
(``requires``, ``prerequisite``, ``progresses``, ``teaches``, ``requires_prior``,
``supports``, ``uses``, ``expects``, ``in_area``, ``broader``).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("r", type="role", label="Engineer")
>>> G.add_node("s", type="skill", label="Python", hours=80)
>>> G.add_node("t", type="tool", label="Git")
>>> _ = G.add_edge("r", "s", key="requires", level=3, importance="essential")
>>> _ = G.add_edge("r", "t", key="uses")
>>> view = neighbourhood(G, ["r"], expanded=["r"], relations=["requires"])
>>> view.nodes, view.edges
(['r', 's'], [('r', 's', 'requires')])
"""

from __future__ import annotations

import bisect
import difflib
import re
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

from kg.errors import UnknownEntity
from kg.names import LabelIndex, abbreviates, collector_paused, fold, label_of, normalise, within_typo
from kg.namespace import BASE, CKG
from kg.project import NODE_TYPES as _PROJECTED_TYPES
from kg.project import RELATIONS
from kg.store import Store

__all__ = [
    "NODE_TYPES",
    "RELATIONS",
    "CentralSkill",
    "Details",
    "Hit",
    "Link",
    "Section",
    "View",
    "areas",
    "central_skills",
    "class_counts",
    "closest_names",
    "estimate_origin",
    "graph_of",
    "hours_by_area",
    "hours_to_roles",
    "ladder",
    "neighbourhood",
    "node_details",
    "node_key",
    "origin",
    "path_view",
    "prepare_search",
    "primary_area",
    "resolve",
    "search",
]

NODE_TYPES: tuple[str, ...] = tuple(kind for _cls, kind in _PROJECTED_TYPES)
"""Node types of the projection, in display order."""

TYPE_CLASSES: dict[str, URIRef] = {
    "role": CKG.Role,
    "skill": CKG.Skill,
    "tool": CKG.Tool,
    "degree": CKG.Degree,
    "certification": CKG.Certification,
    "course": CKG.Course,
    "area": CKG.SkillArea,
}

# (relation, outgoing?) -> section title in the details of the node at that end
SECTION_TITLES: dict[tuple[str, bool], str] = {
    ("requires", True): "Requires skills",
    ("requires", False): "Required by roles",
    ("prerequisite", True): "Prerequisites",
    ("prerequisite", False): "Prerequisite of",
    ("progresses", True): "Leads to",
    ("progresses", False): "Reached from",
    ("teaches", True): "Teaches",
    ("teaches", False): "Taught by",
    ("requires_prior", True): "Expects beforehand",
    ("requires_prior", False): "Expected beforehand by",
    ("supports", True): "Supports skills",
    ("supports", False): "Practised with tools",
    ("uses", True): "Uses tools",
    ("uses", False): "Used by roles",
    ("expects", True): "Expects credentials",
    ("expects", False): "Expected by roles",
    ("in_area", True): "Skill area",
    ("in_area", False): "Skills in this area",
    ("broader", True): "Part of broader skills",
    ("broader", False): "Includes narrower skills",
}

_ESCO = "http://data.europa.eu/esco/"


def node_key(G: nx.MultiDiGraph, node: Any) -> Any:
    """The node of ``G`` that ``node`` names: projections key nodes by
    :class:`~rdflib.URIRef`, and a plain string IRI finds the same node here.

    Examples
    --------
    >>> G = nx.MultiDiGraph(); G.add_node(URIRef("urn:a"))
    >>> node_key(G, "urn:a") == URIRef("urn:a") and type(node_key(G, "urn:a")) is URIRef
    True
    """
    if node in G:
        return node
    iri = URIRef(str(node))
    return iri if iri in G else node


def graph_of(store: Store) -> nx.MultiDiGraph:
    """The NetworkX projection of ``store`` (cached per store version)."""
    from kg.project import projection

    G: nx.MultiDiGraph = projection(store)
    return G


# ---------------------------------------------------------------- search


@dataclass(frozen=True)
class Hit:
    """One search result: the node, its label and type, and the name that matched.

    ``close`` is true for a closest match (a misspelling forgiven), false when the
    name contains what was typed.
    """

    iri: str
    label: str
    type: str
    matched: str
    close: bool = False


def _types_of(index: LabelIndex, node: URIRef) -> str:
    classes = index.types.get(node, set())
    for name, cls in TYPE_CLASSES.items():
        if cls in classes:
            return name
    return ""


def search(
    store: Store,
    text: str,
    types: Collection[str] | None = None,
    limit: int = 20,
    *,
    closest: bool = False,
) -> list[Hit]:
    """Nodes whose label or alt label contains ``text``; exact and prefix matches first.

    With ``closest``, when no name contains ``text`` the nodes whose names are closest to
    it are returned instead (``Hit.close``), so a misspelt name ("pyton", "machine
    lerning engineer") still finds its node (see :func:`closest_names`).

    Parameters
    ----------
    store : Store
    text : str
        What the user typed (case and spacing do not matter).
    types : collection of str, optional
        Only nodes of these types (``"role"``, ``"skill"`` ...).
    limit : int
        At most this many hits.
    closest : bool
        Fall back on the closest names when nothing contains ``text``.

    Examples
    --------
    >>> from kg.store import Store
    >>> from rdflib import URIRef, Literal, RDF
    >>> from rdflib.namespace import SKOS
    >>> s = Store.default(with_default=False)
    >>> n = URIRef("urn:x:dl")
    >>> _ = s.graph.add((n, RDF.type, CKG.Skill))
    >>> _ = s.graph.add((n, SKOS.prefLabel, Literal("Deep learning", lang="en")))
    >>> _ = s.graph.add((n, SKOS.altLabel, Literal("neural networks", lang="en")))
    >>> s.touch()
    >>> search(s, "neural")
    [Hit(iri='urn:x:dl', label='Deep learning', type='skill', matched='neural networks', close=False)]
    >>> search(s, "deap lerning"), [h.label for h in search(s, "deap lerning", closest=True)]
    ([], ['Deep learning'])

    An IRI or prefixed name finds its node; one the graph does not hold, the names
    like its last segment:

    >>> search(s, "<urn:x:dl>")
    [Hit(iri='urn:x:dl', label='Deep learning', type='skill', matched='<urn:x:dl>', close=False)]
    >>> [(h.label, h.close) for h in search(Store.default(), "skill:deep-learnin")][:1]
    [('deep learning', True)]
    """
    if not text or not text.strip():
        return []
    index = LabelIndex.of(store)
    classes = (
        [TYPE_CLASSES[t] for t in types if t in TYPE_CLASSES]
        if types is not None
        else list(TYPE_CLASSES.values())
    )
    iri = index.expand(text)
    if iri is not None:  # an IRI or prefixed name (copied from a SPARQL answer or a /node/ link)
        if iri in index.labels and index.types.get(iri, set()) & set(classes):
            return [Hit(str(iri), index.labels[iri], _types_of(index, iri), text.strip())]
        # one the graph does not hold (cut short, misspelt): the name its last segment spells
        local = re.split(r"[/#:]", str(iri).rstrip("/#"))[-1]
        found = (
            search(store, re.sub(r"[-_]+", " ", local), types, limit, closest=closest)
            if len(local) >= 3
            else []
        )
        return [replace(h, close=True) for h in found]
    key = text.strip().casefold()
    words = fold(text).split()

    def names_it(name: str) -> bool:  # as typed, or by the start of each word ("mach learn")
        return key in name.casefold() or (len(words) > 1 and abbreviates(words, fold(name).split()))

    hits = []
    for node in index.search(text, classes, limit):
        label = index.labels[node]
        matched = label
        if not names_it(label):
            # the other name it was found by: one holding the text as typed first, then
            # the shortest ('Software Developer' before 'Software Development Engineer')
            others = [a for a in index.alt.get(node, ()) if names_it(a)]
            matched = min(others, key=lambda a: (key not in a.casefold(), len(a), a), default=label)
        hits.append(Hit(str(node), label, _types_of(index, node), matched))
    # a node called exactly that comes first, before one that has it as an alt label
    hits.sort(key=lambda h: normalise(h.label) != normalise(text))
    if not hits and closest:
        for node, name in closest_names(store, text, classes, limit):
            hits.append(Hit(str(node), index.labels[node], _types_of(index, node), name, close=True))
    return hits


_WORD = re.compile(r"\w+")
_CLOSE = 0.6  # how like the text typed a name must be to be offered as a closest match


@dataclass
class _Words:
    """The words of every indexed name: ``names[i]`` is ``(name, node)``, ``by_word``
    maps a word to the names it occurs in (an array of their indexes: on ESCO 500,000
    of them take 2 MiB, not the 19 of a list of ints), ``vocabulary`` is the sorted words."""

    names: list[tuple[str, URIRef]]
    by_word: dict[str, Sequence[int]]
    vocabulary: list[str]


def prepare_search(store: Store) -> None:
    """Build now the tables :func:`search` builds on first use: the label index's search
    string and word tables, and the words :func:`closest_names` compares a misspelling
    with. On ESCO they take about two seconds, which a server spends before it answers
    rather than on its first user's first search.

    Examples
    --------
    >>> from kg.store import Store
    >>> store = Store.default()
    >>> prepare_search(store)
    >>> _words(store) is _words(store)
    True
    """
    LabelIndex.of(store).prepare_search()
    _words(store)


def _words(store: Store) -> _Words:
    def build(s: Store) -> _Words:
        index = LabelIndex.of(s)
        names: list[tuple[str, URIRef]] = []
        by_word: dict[str, list[int]] = {}
        with collector_paused():  # (130,000 names on ESCO: a third faster)
            for node, label in index.labels.items():
                for text in dict.fromkeys([label, *index.alt.get(node, ())]):
                    key = normalise(text)
                    for w in set(_WORD.findall(key)):
                        by_word.setdefault(w, []).append(len(names))
                    names.append((key, node))
            packed: dict[str, Sequence[int]] = {w: array("I", ids) for w, ids in by_word.items()}
        return _Words(names, packed, sorted(packed))

    return store.derived("explore-words", build)


def closest_names(
    store: Store, text: str, classes: Collection[URIRef] | None = None, limit: int = 20
) -> list[tuple[URIRef, str]]:
    """The nodes whose label or alt label is closest to ``text``, closest first, with
    the name that matched: each word typed stands for the known words like it
    (misspelt, or the start of one), and the names holding the most of the words typed
    are ranked by their likeness to the whole text.

    Fast on a large graph (ESCO's 130,000 names): only the distinct words are compared
    with what was typed, then only the names that hold a word like it.

    Parameters
    ----------
    store : Store
    text : str
        What the user typed.
    classes : collection of URIRef, optional
        Only nodes of these classes.
    limit : int
        At most this many nodes.

    Examples
    --------
    >>> from kg.store import Store
    >>> [str(n).rsplit("/", 1)[-1] for n, _ in closest_names(Store.default(), "machine lerning enginer", limit=2)]
    ['machine-learning-engineer', 'lead-machine-learning-engineer']
    >>> closest_names(Store.default(), "zzzz")
    []
    """
    words = _words(store)
    index = LabelIndex.of(store)
    key = normalise(text)
    typed = list(dict.fromkeys(_WORD.findall(key)))
    if not typed:
        return []
    hits: Counter[int] = Counter()
    for i, word in enumerate(typed):
        if word in words.by_word:  # spelt right: that word (comparing costs time on ESCO)
            like = {word}
        else:  # those alike in letters that a few edits make of it ("pyhton": not "photons")
            near = difflib.get_close_matches(word, words.vocabulary, n=6, cutoff=0.75)
            like = {w for w in near if within_typo(word, w)}
        if i == len(typed) - 1 and len(word) >= 3:  # the word being typed: words it starts
            at = bisect.bisect_left(words.vocabulary, word)
            for w in words.vocabulary[at : at + 20]:
                if not w.startswith(word):
                    break
                like.add(w)
        found: set[int] = set()
        for w in like:
            found.update(words.by_word[w])
        hits.update(found)
    if not hits:
        return []
    most = max(hits.values())
    if most * 2 < len(typed):  # fewer than half the words typed: nothing is close
        return []
    wanted = set(classes) if classes is not None else None
    best: dict[URIRef, tuple[float, bool, float, str]] = {}
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    for i, n in hits.items():
        if n < most:
            continue
        name, node = words.names[i]
        if wanted is not None and not index.types.get(node, set()) & wanted:
            continue
        matcher.set_seq1(name)
        score = round(matcher.ratio(), 3)
        # a preferred label counts before an alt label as like (in ESCO "data
        # scientist" is also an alt label of "bioinformatics scientist"), and of names
        # as like, the one of the same letters ("pyhton": "Python", not "Pyston")
        close = (score, name == normalise(index.labels[node]), round(matcher.quick_ratio(), 3), name)
        if score >= _CLOSE and close[:3] > best.get(node, (0.0, False, 0.0, ""))[:3]:
            best[node] = close
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], not kv[1][1], index.labels[kv[0]].casefold()))
    return [(node, _display(index, node, close[3])) for node, close in ranked[:limit]]


def _display(index: LabelIndex, node: URIRef, name: str) -> str:
    """The label or alt label of ``node`` as written, for its normalised ``name``."""
    return next(
        (t for t in (index.labels[node], *index.alt.get(node, ())) if normalise(t) == name),
        index.labels[node],
    )


def resolve(store: Store, name: str, types: Collection[str] | None = None) -> str:
    """The IRI of the node called ``name`` (a label, alt label, IRI or prefixed name).

    Raises
    ------
    UnknownEntity
        With the closest known labels.
    """
    index = LabelIndex.of(store)
    classes = [TYPE_CLASSES[t] for t in types] if types else list(TYPE_CLASSES.values())
    return str(index.resolve(name, classes))


# ---------------------------------------------------------- neighbourhoods


@dataclass
class View:
    """What to draw: nodes in drawing priority order, the edges among them, and how
    many more nodes would be shown without the cap."""

    nodes: list[Any]
    edges: list[tuple[Any, Any, str]]
    hidden: int = 0


def _sort_key(G: nx.MultiDiGraph, node: str) -> tuple[int, str]:
    t = G.nodes[node].get("type", "")
    rank = NODE_TYPES.index(t) if t in NODE_TYPES else len(NODE_TYPES)
    return rank, str(G.nodes[node].get("label", node)).casefold()


def _weak(G: nx.MultiDiGraph, a: Any, b: Any, relations: Collection[str] | None) -> bool:
    """Whether every link between ``a`` and ``b`` (through ``relations``) is a
    non-essential one (an optional requirement): such neighbours are drawn last.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("r", "s", key="requires", importance="optional")
    >>> _ = G.add_edge("r", "t", key="requires", importance="essential")
    >>> _weak(G, "r", "s", None), _weak(G, "t", "r", None)
    (True, False)
    """
    found = [
        data.get("importance")
        for u, v in ((a, b), (b, a))
        for k, data in (G.get_edge_data(u, v) or {}).items()
        if relations is None or k in relations
    ]
    return bool(found) and all(imp not in (None, "essential") for imp in found)


def _neighbours(G: nx.MultiDiGraph, node: str, relations: Collection[str] | None) -> Iterable[str]:
    for _, v, k in G.out_edges(node, keys=True):
        if relations is None or k in relations:
            yield v
    for u, _, k in G.in_edges(node, keys=True):
        if relations is None or k in relations:
            yield u


def _induced_edges(
    G: nx.MultiDiGraph, nodes: Sequence[str], relations: Collection[str] | None
) -> list[tuple[str, str, str]]:
    keep = set(nodes)
    edges = [
        (u, v, k)
        for u in nodes
        for _, v, k in G.out_edges(u, keys=True)
        if v in keep and (relations is None or k in relations)
    ]
    return edges


def neighbourhood(
    G: nx.MultiDiGraph,
    seeds: Iterable[str],
    *,
    expanded: Iterable[str] = (),
    types: Collection[str] | None = None,
    relations: Collection[str] | None = None,
    limit: int | None = 150,
    context: Collection[str] = ("prerequisite", "progresses"),
) -> View:
    """The seeds plus the neighbours of each expanded node, filtered and capped.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The projection.
    seeds : iterable of str
        Nodes always drawn (when they pass no filter they are drawn anyway).
    expanded : iterable of str
        Nodes whose neighbours (in both directions) are drawn too.
    types, relations : collection of str, optional
        Draw only neighbours of these types, reached through these relations; edges
        are drawn only for these relations.
    limit : int or None
        Draw at most this many nodes; ``View.hidden`` counts the others. The
        neighbours of each expanded node come by type (roles first), the essential
        ones (an essential requirement, any link but an optional one) before the
        others, then by label; the cap keeps the first ones.
    context : collection of str
        Relations drawn between two nodes that are not expanded (other edges are
        drawn only when they touch an expanded node, to keep the picture readable).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for n in "abcd":
    ...     G.add_node(n, type="skill", label=n.upper())
    >>> G.add_edges_from([("a", "b", "prerequisite"), ("c", "a", "prerequisite"), ("c", "d", "prerequisite")])
    ['prerequisite', 'prerequisite', 'prerequisite']
    >>> v = neighbourhood(G, ["a"], expanded=["a"], limit=2)
    >>> v.nodes, v.hidden
    (['a', 'b'], 1)
    """
    order: list[str] = []
    seen: set[str] = set()
    for s in (node_key(G, x) for x in seeds):
        if s in G and s not in seen:
            order.append(s)
            seen.add(s)
    for e in (node_key(G, x) for x in expanded):
        if e not in G:
            continue
        if e not in seen:
            order.append(e)
            seen.add(e)

        def rank(n: Any, hub: Any = e) -> tuple[int, bool, str]:
            kind, label = _sort_key(G, n)
            return kind, _weak(G, hub, n, relations), label

        new = sorted(
            {
                n
                for n in _neighbours(G, e, relations)
                if n not in seen and (types is None or G.nodes[n].get("type") in types)
            },
            key=rank,
        )
        order.extend(new)
        seen.update(new)
    hidden = 0
    if limit is not None and len(order) > limit:
        hidden = len(order) - limit
        order = order[:limit]
    hubs = {node_key(G, x) for x in expanded}
    edges = [
        (u, v, k) for u, v, k in _induced_edges(G, order, relations) if u in hubs or v in hubs or k in context
    ]
    return View(order, edges, hidden)


def ladder(G: nx.MultiDiGraph, *, limit: int | None = None, off_ladder: int | None = None) -> View:
    """The career ladder: every role and the progression edges between roles.

    Roles on a progression come first (the ladder itself), then the other roles, each
    group in drawing priority order; with ``limit`` at most that many roles are drawn
    and ``View.hidden`` counts the others (an imported taxonomy holds thousands).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection.
    limit : int, optional
        The most roles drawn.
    off_ladder : int, optional
        The most roles on no progression drawn beside a ladder (``0``: the ladder
        alone; ESCO's 3,000 occupations would bury it). Without a ladder (an imported
        taxonomy alone) the roles are drawn up to ``limit`` whatever this says.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("se", type="role", label="SE"); G.add_node("mle", type="role", label="MLE")
    >>> G.add_node("py", type="skill", label="Python"); G.add_node("a", type="role", label="A")
    >>> _ = G.add_edge("se", "mle", key="progresses", years=2)
    >>> _ = G.add_edge("se", "py", key="requires")
    >>> ladder(G).edges
    [('se', 'mle', 'progresses')]
    >>> ladder(G).nodes, ladder(G, limit=2).hidden
    (['mle', 'se', 'a'], 1)
    >>> ladder(G, off_ladder=0).nodes, ladder(G, off_ladder=0).hidden
    (['mle', 'se'], 1)
    """
    on_ladder = {n for u, v, k in G.edges(keys=True) if k == "progresses" for n in (u, v)}
    roles = sorted(
        (n for n, t in G.nodes(data="type") if t == "role"),
        key=lambda n: (n not in on_ladder, *_sort_key(G, n)),
    )
    drawn = roles
    if on_ladder and off_ladder is not None:
        drawn = roles[: len(on_ladder) + max(0, off_ladder)]  # the ladder's roles come first
    if limit is not None:
        drawn = drawn[:limit]
    return View(drawn, _induced_edges(G, drawn, {"progresses"}), len(roles) - len(drawn))


def path_view(G: nx.MultiDiGraph, path: dict[str, Any], *, known: Iterable[str] = ()) -> View:
    """The nodes and edges of a learning path (as ``LearningPath.to_dict()``): the roles
    passed through, the steps and the broader skills they cover (``covers``: no step of
    their own), and the requirement (except from the source role, which the learner
    holds already), prerequisite, progression and broader-skill edges among them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("r", type="role", label="R"); G.add_node("a", type="skill", label="A")
    >>> G.add_node("b", type="skill", label="B")
    >>> G.add_edges_from([("r", "b", "requires"), ("b", "a", "prerequisite")])
    ['requires', 'prerequisite']
    >>> p = {"roles": [{"iri": "r"}], "steps": [{"iri": "a"}, {"iri": "b"}]}
    >>> path_view(G, p).edges
    [('r', 'b', 'requires'), ('b', 'a', 'prerequisite')]
    >>> G.add_node("c", type="skill", label="C"); G.add_edge("a", "c", "broader")
    'broader'
    >>> path_view(G, {**p, "steps": [{"iri": "a", "covers": ["c"]}, {"iri": "b"}]}).nodes
    ['r', 'a', 'b', 'c']
    """
    nodes: list[str] = []
    covered = [
        c["iri"] if isinstance(c, Mapping) else c
        for s in path.get("steps", [])
        for c in s.get("covers") or []
    ]
    for iri in [*(item["iri"] for item in [*path.get("roles", []), *path.get("steps", [])]), *covered]:
        n = node_key(G, iri)
        if n in G and n not in nodes:
            nodes.append(n)
    for k in (node_key(G, x) for x in known):
        if k in G and k not in nodes:
            nodes.append(k)
    source = node_key(G, path["roles"][0]["iri"]) if path.get("source") and path.get("roles") else None
    edges = [
        (u, v, k)
        for u, v, k in _induced_edges(G, nodes, {"requires", "prerequisite", "progresses", "broader"})
        if not (k == "requires" and u == source)
    ]
    return View(nodes, edges)


# ------------------------------------------------------------------ details


@dataclass(frozen=True)
class Link:
    """A node mentioned in another node's details, with a short note (level, years ...)."""

    iri: str
    label: str
    type: str
    note: str = ""


@dataclass
class Section:
    """A titled list of links in a node's details."""

    title: str
    links: list[Link]


@dataclass
class Details:
    """Everything the details panel shows about one node."""

    iri: str
    label: str
    type: str
    definition: str = ""
    alt_labels: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sources: list[Link] = field(default_factory=list)
    matches: list[str] = field(default_factory=list)

    def section(self, title: str) -> Section | None:
        """The section called ``title``, if the node has one."""
        return next((s for s in self.sections if s.title == title), None)


def _note(relation: str, data: dict[str, Any]) -> str:
    parts: list[str] = []
    if data.get("level") is not None:
        parts.append(f"level {data['level']}")
    if data.get("importance"):
        parts.append(str(data["importance"]))
    if relation == "progresses" and data.get("years") is not None:
        years = float(data["years"])
        parts.append(f"~{years:g} year{'s' if years != 1 else ''}")
    return " · ".join(parts)


def _link(G: nx.MultiDiGraph, node: str, note: str = "") -> Link:
    attrs = G.nodes[node]
    return Link(str(node), str(attrs.get("label", node)), str(attrs.get("type", "")), note)


def _number(value: Any) -> str:
    """A figure of the details, with thousands separated as the overview writes them.

    Examples
    --------
    >>> _number(3000), _number("13000"), _number(1.5), _number(40.0), _number("n/a")
    ('3,000', '13,000', '1.5', '40', 'n/a')
    """
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{int(x):,}" if x.is_integer() else f"{x:,g}"


def _unlocks(G: nx.MultiDiGraph, skill: Any) -> list[Any]:
    try:
        from kg.paths import unlocks
    except ImportError:  # learning paths not written yet: direct requirements only
        return [u for u, _, k in G.in_edges(skill, keys=True) if k == "requires"]
    opened = unlocks(G, skill)
    found = [node_key(G, r["iri"]) for r in [*opened["roles"], *opened["via"]]]
    return list(dict.fromkeys(found))


_ESCO_BASE = "http://data.europa.eu/esco/"
_ONET_BASE = BASE + "id/onet/"


def estimate_origin(graph: Any, node: URIRef) -> str:
    """Where the estimated values (``ckg:isEstimate true``) of ``node`` come from.

    ESCO and O*NET give no learning hours: the importers put careerkg's defaults in
    (by ESCO skill type and reuse level, by O*NET element kind). Any other node's
    estimates are careerkg's curated ones.

    Examples
    --------
    >>> from rdflib import Graph
    >>> g = Graph()
    >>> esco = URIRef("http://data.europa.eu/esco/skill/x")
    >>> g.add((esco, CKG.skillType, CKG.Knowledge))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((esco, CKG.reuseLevel, URIRef(_ESCO_BASE + "skill-reuse-level/cross-sector")))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> estimate_origin(g, esco)
    'careerkg default for ESCO knowledge, cross-sector (ESCO gives no learning hours)'
    >>> estimate_origin(g, URIRef(_ONET_BASE + "technology/43232408"))
    'careerkg default for an O*NET technology skill (O*NET gives no learning hours)'
    >>> estimate_origin(g, URIRef(BASE + "id/tool/pytorch"))
    'careerkg curated estimates'
    """
    iri = str(node)
    if iri.startswith(_ESCO_BASE):
        kind = "knowledge" if graph.value(node, CKG.skillType) == CKG.Knowledge else "skill/competence"
        reuse = graph.value(node, CKG.reuseLevel)
        level = f", {str(reuse).rsplit('/', 1)[-1]}" if reuse is not None else ""
        return f"careerkg default for ESCO {kind}{level} (ESCO gives no learning hours)"
    if iri.startswith(_ONET_BASE):
        rest = iri[len(_ONET_BASE) :]
        if rest.startswith("technology/"):
            what = "an O*NET technology skill"
        elif graph.value(node, CKG.skillType) == CKG.Knowledge:
            what = "O*NET knowledge"
        else:
            what = "an O*NET skill"
        return f"careerkg default for {what} (O*NET gives no learning hours)"
    return "careerkg curated estimates"


SAME_NAME = "Other nodes of this name"
"""The details section listing the other nodes whose preferred label reads the same."""


def origin(graph: Any, iri: str) -> str:
    """Where the node ``iri`` comes from, in a few words, to tell apart nodes of one
    name: "careerkg" for the curated graph's own, else the title of the one source
    that states it (an import's: "ESCO classification v1.1.1"), else its IRI's host
    (the IRI when it has none).

    Examples
    --------
    >>> from rdflib import Graph
    >>> origin(Graph(), BASE + "id/skill/communication")
    'careerkg'
    >>> origin(Graph(), "http://data.europa.eu/esco/skill/15d76317"), origin(Graph(), "urn:x:a")
    ('data.europa.eu', 'urn:x:a')
    """
    from urllib.parse import urlsplit

    if iri.startswith(BASE):
        return "careerkg"
    titles = {
        str(graph.value(src, DCTERMS.title) or label_of(graph, src))
        for src in graph.objects(URIRef(iri), DCTERMS.source)
        if isinstance(src, URIRef)
    }
    if len(titles) == 1:
        return titles.pop()
    return urlsplit(iri).netloc or iri


def _same_name(store: Store, G: nx.MultiDiGraph, key: Any, label: str) -> list[Link]:
    """The other nodes of ``G`` whose preferred label reads as ``label`` (case and
    spacing aside), each noted with where it comes from."""
    index = LabelIndex.of(store)
    name = normalise(label)
    others = [
        n
        for n in index.by_name.get(name, ())
        if str(n) != str(key) and normalise(index.labels.get(n, "")) == name and node_key(G, n) in G
    ]
    return sorted(
        (_link(G, node_key(G, n), origin(store.graph, str(n))) for n in others),
        key=lambda lk: (not lk.iri.startswith(BASE), lk.iri),
    )


def node_details(store: Store, iri: str, G: nx.MultiDiGraph | None = None) -> Details:
    """The details of one node: definition, alt labels, facts (hours, level, cost ...),
    its relations grouped in sections, the roles it unlocks, sources and ESCO links.

    Raises
    ------
    UnknownEntity
        When ``iri`` is not a node of the graph.
    """
    G = graph_of(store) if G is None else G
    key = node_key(G, iri)
    if key not in G:
        index = LabelIndex.of(store)
        raise UnknownEntity(iri, index.closest(iri.rsplit("/", 1)[-1]))
    graph = store.graph
    node = URIRef(iri)
    attrs = G.nodes[key]
    iri = str(key)
    d = Details(iri, str(attrs.get("label", label_of(graph, node))), str(attrs.get("type", "")))
    d.definition = next(
        (
            str(o)
            for p in (SKOS.definition, RDFS.comment)
            for o in graph.objects(node, p)
            if isinstance(o, Literal)
        ),
        "",
    )
    d.alt_labels = sorted({str(o) for o in graph.objects(node, SKOS.altLabel)} - {d.label})
    facts: list[tuple[str, str]] = []
    for label, pred, unit in (
        ("Learning hours", CKG.learningHours, " h"),
        ("Effort", CKG.durationHours, " h"),
        ("Cost", CKG.costUSD, " USD"),
        ("Term", CKG.term, ""),
    ):
        value = graph.value(node, pred)
        if value is not None:
            facts.append((label, _number(value) + unit))
    last_day = graph.value(node, CKG.retiredOn)
    if isinstance(last_day, Literal):
        gone = str(last_day) < date.today().isoformat()
        facts.append(("Retired" if gone else "Retiring", f"last day to take it {last_day}"))
    kind = graph.value(node, CKG.skillType)
    if isinstance(kind, URIRef):
        facts.append(("Kind", label_of(graph, kind)))
    for prov in graph.objects(node, CKG.provider):
        facts.append(("Provider", str(prov)))
    estimate = graph.value(node, CKG.isEstimate)
    if isinstance(estimate, Literal) and estimate.toPython() is True:
        facts.append(("Values", estimate_origin(graph, node)))
    d.facts = facts
    # on ESCO 'communication' is ESCO's skill and the curated one: the one an address or
    # a search names shows, and the other was out of reach without a word
    same = _same_name(store, G, key, d.label)
    if same:
        d.sections.append(Section(SAME_NAME, same))

    groups: dict[tuple[str, bool], list[Link]] = {}
    taught = {
        v: data.get("level") for _, v, k, data in G.out_edges(key, keys=True, data=True) if k == "teaches"
    }
    for _, v, k, data in G.out_edges(key, keys=True, data=True):
        note = _note(k, data)
        if k == "requires_prior" and v in taught:  # an exam expecting experience it then deepens
            level = taught[v]
            note = "also taught" + (f", to level {level}" if level is not None else "")
        groups.setdefault((k, True), []).append(_link(G, v, note))
    for u, _, k, data in G.in_edges(key, keys=True, data=True):
        groups.setdefault((k, False), []).append(_link(G, u, _note(k, data)))
    for group, title in SECTION_TITLES.items():
        links = groups.get(group)
        if links:
            d.sections.append(Section(title, sorted(links, key=lambda lk: (lk.label.casefold(), lk.iri))))
        if group == ("prerequisite", False) and d.type == "skill":
            unlocked = [_link(G, r) for r in _unlocks(G, key) if r in G]
            if unlocked:
                d.sections.append(
                    Section("Unlocks roles", sorted(unlocked, key=lambda lk: lk.label.casefold()))
                )

    for src in graph.objects(node, DCTERMS.source):
        if isinstance(src, URIRef):
            doc_title = graph.value(src, DCTERMS.title)
            doc_id = graph.value(src, DCTERMS.identifier)
            d.sources.append(
                Link(
                    str(src),
                    str(doc_title) if doc_title is not None else label_of(graph, src),
                    "source",
                    str(doc_id or ""),
                )
            )
    d.sources.sort(key=lambda lk: lk.label.casefold())
    d.matches = sorted(
        {
            str(o)
            for p in (SKOS.exactMatch, SKOS.closeMatch)
            for o in graph.objects(node, p)
            if isinstance(o, URIRef)
        }
    )
    return d


# ----------------------------------------------------------------- overview


def class_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Number of nodes of each type, in :data:`NODE_TYPES` order (zeros included).

    Examples
    --------
    >>> G = nx.MultiDiGraph(); G.add_node("a", type="skill"); G.add_node("b", type="role")
    >>> class_counts(G)["skill"], class_counts(G)["tool"]
    (1, 0)
    """
    counts = Counter(t for _, t in G.nodes(data="type"))
    return {t: counts.get(t, 0) for t in NODE_TYPES}


def hours_to_roles(G: nx.MultiDiGraph, limit: int = 30) -> list[tuple[str, str, float]]:
    """How many hours of learning each role takes from scratch (its learning path with no
    source role and nothing known: its required skills and their prerequisites; the
    years of experience a career step expects are not hours): ``(iri, label, hours)``,
    fewest first, ties by label.

    The roles of the career ladder (those on a progression); without a ladder (an
    imported taxonomy alone), the first ``limit`` roles in label order. A role no path
    reaches is left out.

    Examples
    --------
    >>> from kg.synthetic import tiny_graph
    >>> [(label, hours) for _, label, hours in hours_to_roles(tiny_graph())]
    [('Analyst', 70.0), ('Software Engineer', 103.33), ('Data Scientist', 160.0), ('ML Engineer', 210.0)]
    """
    from kg.errors import KGError
    from kg.paths import learning_path

    on_ladder = {n for u, v, k in G.edges(keys=True) if k == "progresses" for n in (u, v)}
    roles = (
        sorted(on_ladder, key=lambda n: _sort_key(G, n))[:limit]
        or sorted((n for n, t in G.nodes(data="type") if t == "role"), key=lambda n: _sort_key(G, n))[:limit]
    )
    rows: list[tuple[str, str, float]] = []
    for role in roles:
        try:
            hours = learning_path(G, None, role).total_hours
        except KGError:
            continue
        rows.append((str(role), str(G.nodes[role].get("label", role)), float(hours)))
    return sorted(rows, key=lambda r: (r[2], r[1].casefold()))


class CentralSkill(NamedTuple):
    """A skill and how many roles require it: as essential, and as optional only."""

    iri: str
    label: str
    essential: int
    """Roles that need the skill (``importance`` essential)."""
    optional: int
    """Roles that require it as optional only."""

    @property
    def roles(self) -> int:
        """All the roles that require the skill."""
        return self.essential + self.optional


def central_skills(G: nx.MultiDiGraph, k: int = 10) -> list[CentralSkill]:
    """The ``k`` skills the most roles need as essential: ties by the number of roles that
    require them at all (essential or optional), then by label.

    Read from the ``requires`` edges (a requirement with no ``importance`` counts as
    essential, as in :func:`kg.project.projection`). A skill no role requires directly
    is not listed: what learning it opens through later skills is
    :func:`kg.paths.unlocks`.

    Parameters
    ----------
    G : nx.MultiDiGraph
        The projection.
    k : int
        At most this many skills.

    Returns
    -------
    list of CentralSkill
        ``(iri, label, essential, optional)``, most needed first.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for n, t in [("r1", "role"), ("r2", "role"), ("py", "skill"), ("sql", "skill"), ("ml", "skill")]:
    ...     G.add_node(n, type=t, label=n)
    >>> G.add_edges_from([("r1", "py", "requires", {"importance": "essential"}),
    ...                   ("r2", "py", "requires", {"importance": "optional"}),
    ...                   ("r1", "sql", "requires", {"importance": "optional"}),
    ...                   ("r2", "sql", "requires", {"importance": "optional"}),
    ...                   ("r2", "ml", "requires")])
    ['requires', 'requires', 'requires', 'requires', 'requires']
    >>> [(s.label, s.essential, s.optional) for s in central_skills(G)]
    [('py', 1, 1), ('ml', 1, 0), ('sql', 0, 2)]
    >>> central_skills(G, 1)
    [CentralSkill(iri='py', label='py', essential=1, optional=1)]
    """
    needs: dict[Any, dict[Any, bool]] = {}  # skill -> role -> needed as essential
    for role, skill, key, importance in G.edges(keys=True, data="importance"):
        if key != "requires" or G.nodes[role].get("type") != "role" or G.nodes[skill].get("type") != "skill":
            continue
        by_role = needs.setdefault(skill, {})
        by_role[role] = by_role.get(role, False) or importance in (None, "essential")
    rows = []
    for skill, by_role in needs.items():
        essential = sum(by_role.values())
        label = str(G.nodes[skill].get("label", skill))
        rows.append(CentralSkill(str(skill), label, essential, len(by_role) - essential))
    rows.sort(key=lambda r: (-r.essential, -r.roles, r.label.casefold(), r.iri))
    return rows[:k]


def areas(G: nx.MultiDiGraph, nodes: Iterable[Any]) -> dict[str, str]:
    """The label of the (first) skill area of each node that has one, keyed by IRI.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("m", type="area", label="Maths"); G.add_node("la", type="skill")
    >>> _ = G.add_edge("la", "m", key="in_area")
    >>> areas(G, ["la", "m"])
    {'la': 'Maths'}
    """
    out: dict[str, str] = {}
    for x in nodes:
        n = node_key(G, x)
        if n in G and (area := primary_area(G, n)) is not None:
            out[str(n)] = str(G.nodes[area].get("label", area))
    return out


def primary_area(G: nx.MultiDiGraph, node: Any) -> Any | None:
    """The skill area ``node`` is shown in: careerkg's own area before an imported one
    (a curated skill joined with an O*NET or ESCO one is in both), then by label.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/careerkg/id/area/maths", type="area", label="Mathematics")
    >>> G.add_node("urn:onet:area", type="area", label="Basic Skills")
    >>> _ = G.add_edge("la", "urn:onet:area", key="in_area")
    >>> _ = G.add_edge("la", "https://w3id.org/careerkg/id/area/maths", key="in_area")
    >>> primary_area(G, "la"), primary_area(G, "urn:onet:area")
    ('https://w3id.org/careerkg/id/area/maths', None)
    """
    found = [v for _, v, k in G.out_edges(node, keys=True) if k == "in_area"]
    if not found:
        return None
    return min(found, key=lambda v: (not str(v).startswith(BASE), str(G.nodes[v].get("label", v)), str(v)))


def hours_by_area(G: nx.MultiDiGraph) -> dict[str, float]:
    """Total learning hours of the skills in each skill area (``"Other"`` for none),
    largest first.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("m", type="area", label="Maths"); G.add_node("la", type="skill", hours=60)
    >>> G.add_node("x", type="skill", hours=5); _ = G.add_edge("la", "m", key="in_area")
    >>> hours_by_area(G)
    {'Maths': 60.0, 'Other': 5.0}
    """
    totals: dict[str, float] = {}
    for n, data in G.nodes(data=True):
        if data.get("type") != "skill":
            continue
        area = primary_area(G, n)
        name = str(G.nodes[area].get("label", area)) if area is not None else "Other"
        totals[name] = totals.get(name, 0.0) + float(data.get("hours") or 0)
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))
