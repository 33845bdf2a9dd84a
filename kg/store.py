"""Loading the ontology, the curated data and user files into one RDF store.

The store is careerkg's single source of truth; every other view (the NetworkX
projection, the label index) is derived from it and rebuilt when its ``version``
changes.

Examples
--------
>>> from kg.store import Store
>>> store = Store.default()
>>> from kg.namespace import CKG, ROLE
>>> (ROLE["machine-learning-engineer"], None, None) in store.graph
True
>>> store.version >= 1
True
"""

from __future__ import annotations

import gzip
import os
import re
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from kg.errors import InputFileError, StoreError, not_utf8
from kg.namespace import CKG, PREFIXES

__all__ = [
    "BACKEND_ENV",
    "FromOxigraph",
    "Store",
    "choose_backend",
    "copy_graph",
    "data_files",
    "guess_format",
    "is_remote",
    "literal_as_written",
    "load_file",
    "materialise",
    "merge_restated_links",
    "ontology_files",
    "oxigraph_of",
    "pairs",
    "remote_select",
    "resource_dir",
    "shapes_file",
    "stale_shortcuts",
    "stored_forms",
    "take_export_marker",
    "term_reader",
]

T = TypeVar("T")

BACKEND_ENV = "CAREERKG_BACKEND"
"""Environment variable choosing the in-memory backend: ``oxigraph`` (default) or ``rdflib``."""

# rdflib parser names -> pyoxigraph formats (triple formats Oxigraph parses itself)
_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "n3": "N3", "xml": "RDF_XML", "json-ld": "JSON_LD"}

_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".trig": "trig",
    ".nq": "nquads",
    ".csv": "csv",  # a triples CSV, as `careerkg export --format csv` writes it
}

# files careerkg writes that are views of the graph, not the graph: why they cannot be read back
_NOT_RDF = {
    ".graphml": "GraphML is the NetworkX projection careerkg exports for graph tools (Gephi, yEd, "
    "NetworkX): a view without the qualified links' levels, the literals' datatypes and languages "
    "or the ontology, so it cannot be loaded back",
}

# the property chains of the ontology: (shortcut, first hop, second hop)
CHAINS: tuple[tuple[URIRef, URIRef, URIRef], ...] = (
    (CKG.requiresSkill, CKG.hasRequirement, CKG.requiredSkill),
    (CKG.teaches, CKG.hasTeaching, CKG.taughtSkill),
    (CKG.progressesTo, CKG.hasProgression, CKG.toRole),
)


def resource_dir(name: str) -> Path:
    """Return the folder of a shipped resource (``"ontology"`` or ``"data"``).

    In a source checkout it is the top-level folder; in an installed wheel it is
    ``kg/_resources/<name>``.

    Examples
    --------
    >>> resource_dir("ontology").joinpath("careerkg.ttl").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_resources" / name, here.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped resource folder {name!r} not found next to {here}")


def ontology_files() -> list[Path]:
    """The ontology Turtle files (without the SHACL shapes), sorted."""
    return sorted(p for p in resource_dir("ontology").glob("*.ttl") if p.name != "shapes.ttl")


ONTOLOGY_IRI = "https://w3id.org/careerkg/ontology"
"""The ontology's IRI (its terms are in :data:`kg.namespace.CKG`, this IRI and ``#``)."""

_VERSION_INFO = "http://www.w3.org/2002/07/owl#versionInfo"


@cache
def shipped_ontology_version() -> str | None:
    """The ``owl:versionInfo`` of the ontology this careerkg ships.

    Examples
    --------
    >>> import re
    >>> bool(re.fullmatch(r"\\d+\\.\\d+\\.\\d+", shipped_ontology_version() or ""))
    True
    """
    import pyoxigraph as ox

    for path in ontology_files():
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            if t.subject == ox.NamedNode(ONTOLOGY_IRI) and t.predicate == ox.NamedNode(_VERSION_INFO):
                return str(t.object.value)
    return None


def ontology_versions(graph: Graph) -> list[str]:
    """The ``owl:versionInfo`` values ``graph`` gives the careerkg ontology, sorted.

    Examples
    --------
    >>> ontology_versions(Store.default().graph) == [shipped_ontology_version()]
    True
    """
    from rdflib import OWL

    return sorted(str(v) for v in graph.objects(URIRef(ONTOLOGY_IRI), OWL.versionInfo))


def shapes_file() -> Path:
    """The SHACL shapes file."""
    return resource_dir("ontology") / "shapes.ttl"


def data_files() -> list[Path]:
    """The curated data Turtle files, sorted."""
    return sorted(resource_dir("data").glob("*.ttl"))


def guess_format(path: str | Path) -> str:
    """Return the rdflib parser name for a file, from its extension.

    Examples
    --------
    >>> guess_format("x.ttl"), guess_format("dump.nt.gz"), guess_format("a.jsonld"), guess_format("t.csv")
    ('turtle', 'nt', 'json-ld', 'csv')
    >>> guess_format("graph.graphml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: graph.graphml: GraphML is the NetworkX projection ... cannot be loaded back; ...
    """
    name = str(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for ext, fmt in _FORMATS.items():
        if name.endswith(ext):
            return fmt
    for ext, why in _NOT_RDF.items():
        if name.endswith(ext):
            raise InputFileError(
                str(path),
                f"{why}; export the graph as Turtle, N-Triples, JSON-LD or CSV "
                "(careerkg export -o graph.ttl) to load it with --data",
            )
    raise InputFileError(
        str(path),
        "unknown RDF file extension; use one of " + ", ".join(sorted(_FORMATS)),
    )


_LINE_RE = re.compile(r"(?:at line|line:?)\s*(\d+)", re.IGNORECASE)


def load_file(graph: Graph, path: str | Path, fmt: str | None = None) -> int:
    """Parse one RDF file into ``graph`` and return the number of triples added.

    ``fmt`` is an rdflib parser name (by default from the file's extension, see
    :func:`guess_format`) or ``"csv"``: a triples CSV as ``careerkg export --format
    csv`` writes it (see :func:`kg.export.csv_ntriples`).

    Raises
    ------
    InputFileError
        When the file is missing, unreadable or malformed; the message names the
        file, the line where the parser stopped, and the parser's reason.

    Examples
    --------
    >>> import tempfile, os
    >>> g = Graph()
    >>> with tempfile.NamedTemporaryFile("w", suffix=".ttl", delete=False) as f:
    ...     _ = f.write("<urn:a> <urn:b> <urn:c> .\\n<urn:a> <urn:b> .\\n")
    >>> load_file(g, f.name)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: ...line 2: ...
    >>> os.unlink(f.name)
    """
    p = Path(path)
    fmt = fmt or guess_format(p)
    if not p.is_file():
        raise InputFileError(str(p), "no such file")
    inner = oxigraph_of(graph)
    if fmt == "csv":
        return _load_csv(graph, inner, p)
    if inner is not None and fmt in _OX_FORMATS:
        return _load_oxigraph(inner, p, fmt)
    before = len(graph)
    try:
        with _parsing_as_written(graph, inner) as sink:
            if p.name.lower().endswith(".gz"):
                with gzip.open(p, "rb") as fh:
                    sink.parse(data=fh.read(), format=fmt)
            else:
                sink.parse(source=str(p), format=fmt)
    except BadSyntax as err:
        raise InputFileError(str(p), f"{fmt} syntax error: {err.message}", err.lines + 1) from err
    except UnicodeDecodeError as err:
        raise InputFileError(str(p), f"not UTF-8 text ({err.reason} at byte {err.start})") from err
    except Exception as err:  # rdflib's parsers raise many exception types
        text = str(err).strip() or type(err).__name__
        m = _LINE_RE.search(text)
        line = int(m.group(1)) if m else _first_bad_line(p, fmt)
        raise InputFileError(str(p), f"{fmt} parse error: {text.splitlines()[0][:300]}", line) from err
    return len(graph) - before


def _load_csv(graph: Graph, inner: Any, path: Path) -> int:
    """Load a triples CSV: read line by line, checked and turned into N-Triples row by
    row (into a temporary file for Oxigraph, so a million-row CSV is never held whole),
    then parsed."""
    import tempfile

    from kg.export import csv_ntriples_lines

    try:
        with gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb") as fh:
            ntriples = csv_ntriples_lines(_utf8_lines(fh, str(path)), str(path))
            if inner is None:
                before = len(graph)
                with _parsing_as_written(graph, inner) as sink:
                    sink.parse(data="".join(ntriples), format="nt")
                return len(graph) - before
            import pyoxigraph as ox

            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", suffix=".nt", prefix="careerkg-csv-"
            ) as nt:
                nt.writelines(ntriples)
                nt.flush()
                before = len(inner)
                inner.bulk_load(path=nt.name, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
                return len(inner) - before
    except OSError as err:
        raise InputFileError(str(path), f"cannot read: {err}") from err


_NORMALIZE_LOCK = threading.Lock()


@contextmanager
def _parsing_as_written(graph: Graph, inner: Any) -> Iterator[Graph]:
    """The graph to parse one file into: rdflib's parsers, inside the block, keep each
    literal's text as the file writes it; after it, each literal the file added to an
    rdflib memory ``graph`` is as an Oxigraph store holds it (:func:`stored_forms`), so
    both in-memory backends hold the same literals.

    rdflib writes the canonical form of a literal's value when it makes the literal, also
    when the text is not of the datatype: ``"yes"^^xsd:boolean`` (rdflib's value: false)
    became ``"false"^^xsd:boolean``, a value never written, where Oxigraph keeps
    ``"yes"``; and its canonical forms are not Oxigraph's (``"4.0"^^xsd:decimal`` stayed
    ``4.0``, which Oxigraph holds as ``4``). rdflib's switch for it,
    ``rdflib.NORMALIZE_LITERALS``, is one for the whole process (pySHACL turns it off and
    on again in the same way while it validates): careerkg's parses take turns under a
    lock, and the switch is put back as it was.

    For an rdflib memory ``graph`` the block parses into a graph of its own, whose
    triples, literals as Oxigraph holds them, are then added to ``graph`` with its
    prefixes: only the file's literals are read again, never the whole graph (which made
    loading many files quadratic).

    Examples
    --------
    >>> g = Graph()
    >>> with _parsing_as_written(g, None) as sink:
    ...     _ = sink.parse(format="turtle", data='''
    ...         @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ...         <urn:a> <urn:ok> "1"^^xsd:boolean ; <urn:bad> "yes"^^xsd:boolean ; <urn:n> 4.0 .''')
    >>> [str(g.value(URIRef("urn:a"), URIRef(p))) for p in ("urn:ok", "urn:bad", "urn:n")]
    ['true', 'yes', '4']
    """
    import rdflib

    memory = inner is None and not is_remote(graph)
    sink = Graph(bind_namespaces="none") if memory else graph
    with _NORMALIZE_LOCK:
        was = rdflib.NORMALIZE_LITERALS
        rdflib.NORMALIZE_LITERALS = False
        try:
            yield sink
        finally:
            rdflib.NORMALIZE_LITERALS = was
    if memory:
        for prefix, namespace in sink.namespaces():
            graph.bind(prefix, namespace)
        graph.addN((s, p, o, graph) for s, p, o in _as_stored(sink))


def _as_stored(triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[tuple[Node, Node, Node]]:
    """``triples``, each typed literal as an Oxigraph store holds it (:func:`stored_forms`)."""
    triples = list(triples)
    forms = stored_forms(o for _, _, o in triples if isinstance(o, Literal))
    for s, p, o in triples:
        yield s, p, forms.get(o, o) if isinstance(o, Literal) else o


_IS = "urn:careerkg:is"


def stored_forms(literals: Iterable[Literal]) -> dict[Literal, Literal]:
    """Each typed literal of ``literals`` as an Oxigraph store holds it, where that differs.

    RDF 1.1 reads ``"1.50"^^xsd:decimal`` and ``"1.5"^^xsd:decimal`` as two terms with one
    value, and SPARQL's ``STR`` answers the text as written. Oxigraph (careerkg's default
    backend and every ``--store`` folder) keeps no text for the numbers, booleans, dates
    and durations it knows: it holds their value and writes it in its canonical form
    (``1.5``; ``"01"^^xsd:int`` is ``"1"^^xsd:integer``), and an ill-typed literal as
    written. careerkg holds every literal so on every in-memory backend, and reads a
    literal in a query so (:func:`kg.sparql.engine.run_query`), so both backends answer
    alike (docs/sparql.md, "Backends and literals").

    Examples
    --------
    >>> from rdflib import XSD
    >>> written = [Literal(text, datatype=type_, normalize=False)
    ...            for text, type_ in [("1.50", XSD.decimal), ("01", XSD.int), ("1.5", XSD.decimal)]]
    >>> forms = stored_forms(written)
    >>> sorted((str(k), str(v), v.datatype.rsplit("#")[-1]) for k, v in forms.items())
    [('01', '1', 'integer'), ('1.50', '1.5', 'decimal')]
    """
    import pyoxigraph as ox

    typed = [
        lit
        for lit in dict.fromkeys(literals)
        if lit.datatype is not None and not lit.language and str(lit.datatype) != _XSD_STRING
    ]
    if not typed:
        return {}
    kept: list[Literal] = []
    quads = []
    predicate = ox.NamedNode(_IS)
    for lit in typed:
        try:
            value = ox.Literal(str(lit), datatype=ox.NamedNode(str(lit.datatype)))
        except ValueError:  # a datatype IRI Oxigraph refuses: the literal stays as written
            continue
        quads.append(ox.Quad(ox.NamedNode(f"{_IS}:{len(kept)}"), predicate, value, ox.DefaultGraph()))
        kept.append(lit)
    store = ox.Store()
    store.extend(quads)
    forms: dict[Literal, Literal] = {}
    for quad in store.quads_for_pattern(None, predicate, None):
        subject, stored = quad.subject, quad.object
        assert isinstance(subject, ox.NamedNode)
        assert isinstance(stored, ox.Literal)
        lit = kept[int(subject.value.rsplit(":", 1)[1])]
        if stored.value != str(lit) or stored.datatype.value != str(lit.datatype):
            forms[lit] = literal_as_written(stored.value, None, URIRef(stored.datatype.value))
    return forms


def _utf8_lines(fh: Any, source: str) -> Iterator[str]:
    """The lines of a binary file as text; a byte that is not UTF-8 is named with its
    line, as :func:`kg.errors.not_utf8` describes it.

    Examples
    --------
    >>> import io
    >>> list(_utf8_lines(io.BytesIO("a\\nb\\u00e9\\n".encode()), "x.csv"))
    ['a\\n', 'bé\\n']
    >>> list(_utf8_lines(io.BytesIO(b"a\\nb\\xe9\\n"), "x.csv"))
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: x.csv, line 2: not UTF-8 text (byte 0xE9 after 'b', 'é' in Windows-1252); save the CSV as UTF-8 (in Excel: CSV UTF-8)
    """
    for number, raw in enumerate(fh, 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputFileError(
                source,
                f"not UTF-8 text ({not_utf8(raw, err.start)}); save the CSV as UTF-8 (in Excel: CSV UTF-8)",
                number,
            ) from err


def _fingerprint(path: Path) -> tuple[int, str]:
    """A file's size and SHA-256: the same content under two names is the same file."""
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return path.stat().st_size, digest.hexdigest()


def oxigraph_of(graph: Graph) -> Any:
    """The ``pyoxigraph.Store`` under an oxrdflib-backed graph, else ``None``.

    Code that reads many triples asks this store directly (one native scan or query)
    rather than through rdflib's API, and falls back to rdflib when there is none.

    Parameters
    ----------
    graph : rdflib.Graph
        Any graph: in rdflib's memory store, over Oxigraph, or over a remote endpoint.

    Returns
    -------
    pyoxigraph.Store or None
        The Oxigraph store holding ``graph``'s triples, or ``None`` when the graph is
        not kept in Oxigraph.

    Examples
    --------
    >>> type(oxigraph_of(Store.default(backend="oxigraph").graph)).__name__
    'Store'
    >>> oxigraph_of(Store.default(backend="rdflib").graph) is None
    True
    """
    from oxrdflib import OxigraphStore

    return graph.store._inner if isinstance(graph.store, OxigraphStore) else None


def _load_oxigraph(inner: Any, path: Path, fmt: str) -> int:
    """Bulk-load one file into an Oxigraph store's default graph with Oxigraph's parser."""
    import pyoxigraph as ox

    before = len(inner)
    ox_format = getattr(ox.RdfFormat, _OX_FORMATS[fmt])
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                inner.bulk_load(fh, ox_format, to_graph=ox.DefaultGraph())
        else:
            inner.bulk_load(path=str(path), format=ox_format, to_graph=ox.DefaultGraph())
    except SyntaxError as err:
        # the message alone: str() of a SyntaxError adds "(rnd.ttl, line 1)", said already
        text = str(err.msg or err).strip()
        m = _LINE_RE.search(text)
        line = int(m.group(1)) if m else None
        raise InputFileError(str(path), f"{fmt} syntax error: {text.splitlines()[0][:300]}", line) from err
    except UnicodeDecodeError as err:
        raise InputFileError(str(path), f"not UTF-8 text ({err.reason} at byte {err.start})") from err
    except (OSError, ValueError) as err:
        raise InputFileError(str(path), f"cannot read: {err}") from err
    return len(inner) - before


def _first_bad_line(path: Path, fmt: str) -> int | None:
    """For line-based formats, the first line that does not parse on its own."""
    if fmt not in ("nt", "nquads"):
        return None
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:  # type: ignore[operator]
        for number, text in enumerate(fh, start=1):
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            try:
                Graph().parse(data=text, format=fmt)
            except Exception:
                return number
    return None


def materialise(graph: Graph) -> int:
    """Add the shortcut triples entailed by the ontology's property chains.

    ``role ckg:requiresSkill skill`` from ``ckg:hasRequirement/ckg:requiredSkill``,
    ``x ckg:teaches skill`` from ``ckg:hasTeaching/ckg:taughtSkill`` and
    ``role ckg:progressesTo role`` from ``ckg:hasProgression/ckg:toRole``.
    Returns the number of triples added.

    Examples
    --------
    >>> from rdflib import BNode
    >>> g = Graph(); r = BNode()
    >>> g.add((URIRef("urn:role"), CKG.hasRequirement, r))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((r, CKG.requiredSkill, URIRef("urn:skill")))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> materialise(g)
    1
    >>> (URIRef("urn:role"), CKG.requiresSkill, URIRef("urn:skill")) in g
    True
    """
    inner = oxigraph_of(graph)
    if inner is not None:
        return _materialise_oxigraph(inner)
    before = len(graph)
    for shortcut, first, second in CHAINS:
        new = [
            (s, shortcut, o) for s, mid in graph.subject_objects(first) for o in graph.objects(mid, second)
        ]
        for t in new:
            graph.add(t)
    return len(graph) - before


def _materialise_oxigraph(inner: Any) -> int:
    """:func:`materialise` inside Oxigraph: collect each chain's pairs, then add them."""
    import pyoxigraph as ox

    before = len(inner)
    for shortcut, first, second in CHAINS:
        pairs = inner.query(f"SELECT ?s ?o WHERE {{ ?s <{first}> ?m . ?m <{second}> ?o }}")
        predicate = ox.NamedNode(str(shortcut))
        inner.extend([ox.Quad(row[0], predicate, row[1], ox.DefaultGraph()) for row in pairs])
    return len(inner) - before


def merge_restated_links(graph: Graph) -> int:
    """Keep one of each qualified link stated twice; return the number of triples removed.

    A qualified link is a blank node (``role ckg:hasRequirement [ ckg:requiredSkill
    skill ; ckg:level 3 ; ... ]``). The same link read from two files (the shipped
    data and a file restating it, or the same file twice) is two blank nodes with the
    same description: the graph then says nothing more than with one of them (RDF's
    simple entailment maps the twin onto it), but requirements, hours and counts
    would come out twice. A blank node is merged only when its whole description
    matches: the one link to it and every triple about it, none of them a blank node
    (twins therefore name the same skill, or role: only such groups are compared).

    Examples
    --------
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
    ... <urn:r> ckg:hasRequirement [ ckg:requiredSkill <urn:s> ; ckg:level 3 ] ,
    ...                            [ ckg:requiredSkill <urn:s> ; ckg:level 3 ] ,
    ...                            [ ckg:requiredSkill <urn:s> ; ckg:level 4 ] .
    ... ''')
    >>> merge_restated_links(g), len(g)
    (3, 6)

    Links that name no skill are broken, and stay as many as they are, to be reported:

    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
    ... <urn:r> ckg:hasRequirement [ ckg:level 3 ] , [ ckg:level 3 ] .
    ... ''')
    >>> merge_restated_links(g), len(g)
    (0, 4)
    """
    inner = oxigraph_of(graph)
    if inner is not None:
        return _merge_oxigraph(inner)
    twins: list[tuple[Node, URIRef, Node]] = []
    for _, link, second in CHAINS:
        seen: set[tuple[Node, frozenset[tuple[Node, Node]]]] = set()
        for s, b in list(graph.subject_objects(link)):
            if not isinstance(b, BNode) or len(list(graph.subject_predicates(b))) != 1:
                continue
            about = frozenset(graph.predicate_objects(b))
            # a link naming no skill (role) is broken, and each one is reported: two such
            # are not merged (nor are they in Oxigraph, which reads only links naming one)
            if not any(p == second for p, _ in about) or any(isinstance(o, BNode) for _, o in about):
                continue
            key = (s, about)
            if key in seen:
                twins.append((s, link, b))
            else:
                seen.add(key)
    before = len(graph)
    for s, link, b in twins:
        graph.remove((s, link, b))
        graph.remove((b, None, None))
    return before - len(graph)


def _merge_oxigraph(inner: Any) -> int:
    """:func:`merge_restated_links` inside Oxigraph, on its own terms."""
    import pyoxigraph as ox

    before = len(inner)
    for _, link, second in CHAINS:
        # twins link the same node to the same skill (role): only those groups are read
        where = f"?s <{link}> ?b . FILTER(isBlank(?b)) ?b <{second}> ?k"
        groups = f"{{ SELECT ?s ?k WHERE {{ {where} }} GROUP BY ?s ?k HAVING (COUNT(?b) > 1) }}"
        about: dict[Any, list[tuple[Any, Any]]] = {}
        subject: dict[Any, Any] = {}
        for s, b, q, o in inner.query(f"SELECT ?s ?b ?q ?o WHERE {{ {groups} {where} . ?b ?q ?o }}"):
            subject[b] = s
            about.setdefault(b, []).append((q, o))
        if not about:
            continue
        shared = {
            row[0]
            for row in inner.query(
                f"SELECT DISTINCT ?b WHERE {{ {groups} {where} . ?x ?y ?b . FILTER(?x != ?s || ?y != <{link}>) }}"
            )
        }
        seen: set[tuple[Any, frozenset[tuple[Any, Any]]]] = set()
        predicate = ox.NamedNode(str(link))
        gone: list[Any] = []
        for b, pairs_ in about.items():
            if b in shared or any(isinstance(o, ox.BlankNode) for _, o in pairs_):
                continue
            key = (subject[b], frozenset(pairs_))
            if key in seen:
                gone.append(ox.Quad(subject[b], predicate, b, ox.DefaultGraph()))
                gone += [ox.Quad(b, q, o, ox.DefaultGraph()) for q, o in pairs_]
            else:
                seen.add(key)
        for quad in gone:
            inner.remove(quad)
    return before - len(inner)


def stale_shortcuts(graph: Graph) -> list[tuple[Node, URIRef, Node]]:
    """Shortcuts no qualified link entails, on nodes whose other shortcuts have theirs.

    An export lists the shortcuts (``ckg:requiresSkill``...) derived from its
    qualified links. One left behind when its qualified link was deleted from the
    file still counts (a bare ``requiresSkill`` is an essential requirement at the
    default level), so loading an export reports such shortcuts.

    Examples
    --------
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix ckg: <https://w3id.org/careerkg/ontology#> .
    ... <urn:r> ckg:hasRequirement [ ckg:requiredSkill <urn:a> ] ; ckg:requiresSkill <urn:a>, <urn:b> .
    ... <urn:q> ckg:requiresSkill <urn:c> .
    ... ''')
    >>> [str(o) for _, _, o in stale_shortcuts(g)]
    ['urn:b']
    """
    stale: list[tuple[Node, URIRef, Node]] = []
    for shortcut, first, second in CHAINS:
        rows = graph.query(
            # (MINUS is a hash anti-join in Oxigraph: ~1 s on ESCO; FILTER NOT EXISTS, 35 s)
            f"SELECT ?s ?o WHERE {{ ?s <{shortcut}> ?o . MINUS {{ ?s <{first}> ?m . ?m <{second}> ?o }} "
            f"FILTER EXISTS {{ ?s <{first}> ?any }} }}"
        )
        stale += sorted((row[0], shortcut, row[1]) for row in rows)  # type: ignore[index]
    return stale


def take_export_marker(graph: Graph) -> bool:
    """Whether ``graph`` holds a careerkg export's self-description; remove it if so.

    See :data:`kg.export.EXPORT_NODE`.

    Examples
    --------
    >>> from kg.export import export_marker
    >>> g = Graph(); _ = [g.add(t) for t in export_marker()]
    >>> take_export_marker(g), len(g), take_export_marker(g)
    (True, 0, False)
    """
    from kg.export import EXPORT_NODE, VOID_DATASET

    if (EXPORT_NODE, RDF.type, VOID_DATASET) not in graph:
        return False
    graph.remove((EXPORT_NODE, None, None))
    return True


class FromOxigraph:
    """Oxigraph terms to rdflib terms, each IRI and blank node made once.

    Calling an instance with a ``pyoxigraph`` term returns the rdflib term rdflib's
    parser would have made of the text the store holds: a plain string literal comes
    back without ``xsd:string``, and every literal keeps the store's text, an ill-typed
    one included (:func:`literal_as_written`).
    One instance converting a whole scan makes each distinct term once (reading
    millions of triples, most IRIs recur).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> convert = FromOxigraph()
    >>> convert(ox.NamedNode("urn:a")), convert(ox.Literal("x")), convert(ox.Literal("x", language="en"))
    (rdflib.term.URIRef('urn:a'), rdflib.term.Literal('x'), rdflib.term.Literal('x', lang='en'))
    >>> convert(ox.NamedNode("urn:a")) is convert(ox.NamedNode("urn:a"))
    True
    """

    def __init__(self) -> None:
        import pyoxigraph as ox

        self.ox = ox
        self.seen: dict[str, Node] = {}
        self.literals: dict[tuple[str, str | None, str], Literal] = {}

    def __call__(self, term: Any) -> Node:
        kind = type(term)
        if kind is self.ox.Literal:
            key = (term.value, term.language, term.datatype.value)
            lit = self.literals.get(key)
            if lit is None:
                value, lang, datatype = key
                lit = literal_as_written(value, lang, None if datatype == _XSD_STRING else URIRef(datatype))
                self.literals[key] = lit
            return lit
        value = term.value
        node = self.seen.get(value)
        if node is None:
            node = self.seen[value] = URIRef(value) if kind is self.ox.NamedNode else BNode(value)
        return node


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def literal_as_written(text: str, language: str | None, datatype: URIRef | None) -> Literal:
    """The literal ``text`` with exactly that text (rdflib's reading of its value aside).

    rdflib writes a literal's value in its own canonical form when it makes one
    (``"1"^^xsd:double`` is ``1.0``, ``"...T00:00:00Z"^^xsd:dateTime`` ends ``+00:00``, and
    ``"2020-01-01Z"^^xsd:date`` loses its time zone), also when the text is not of the
    datatype: ``"yes"^^xsd:boolean`` became ``"false"^^xsd:boolean``, a value never
    written. careerkg makes every literal it reads from a store with this function, so a
    literal is shown as the store holds it (:func:`stored_forms`), ``STR`` of it agrees,
    and an ill-typed value is shown as written.

    Parameters
    ----------
    text : str
        The literal's text (lexical form).
    language : str or None
        Its language tag, if any (then ``datatype`` is not looked at).
    datatype : URIRef or None
        Its datatype IRI; ``None`` for a plain string.

    Returns
    -------
    rdflib.Literal
        The literal with ``text`` unchanged (and ``ill_typed`` true when the text is not
        of the datatype).

    Examples
    --------
    >>> from rdflib import XSD
    >>> literal_as_written("yes", None, XSD.boolean)
    rdflib.term.Literal('yes', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#boolean'))
    >>> str(literal_as_written("1", None, XSD.double)), str(literal_as_written("2020-01-01Z", None, XSD.date))
    ('1', '2020-01-01Z')
    """
    if language:
        return Literal(text, lang=language)
    if datatype is None:
        return Literal(text)
    with warnings.catch_warnings():  # rdflib warns of an ill-typed one; validation reports it
        warnings.simplefilter("ignore")
        return Literal(text, datatype=datatype, normalize=False)


def term_reader() -> Callable[[Any], Node]:
    """A function reading a ``pyoxigraph`` term as oxrdflib does, each term made once.

    Unlike :class:`FromOxigraph`, a plain string keeps its ``xsd:string`` (as pySHACL
    sees it through oxrdflib). A literal keeps the store's text, where rdflib would
    write its value in its own form (``"yes"^^xsd:boolean`` as ``false``;
    :func:`literal_as_written`).

    Returns
    -------
    Callable
        ``term(t)``: the rdflib ``URIRef``, ``BNode`` or ``Literal`` for the pyoxigraph
        term ``t``; the same object each time for the same ``t``.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> term = term_reader()
    >>> term(ox.Literal("x")).datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#string')
    >>> boolean = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
    >>> str(term(ox.Literal("yes", datatype=boolean))), str(term(ox.Literal("true", datatype=boolean)))
    ('yes', 'true')
    """
    import pyoxigraph as ox

    nodes: dict[Any, Node] = {}

    def term(t: Any) -> Node:
        node = nodes.get(t)
        if node is None:
            if isinstance(t, ox.Literal):
                node = literal_as_written(t.value, t.language, URIRef(t.datatype.value))
            elif isinstance(t, ox.BlankNode):
                node = BNode(t.value)
            else:
                node = URIRef(t.value)
            nodes[t] = node
        return node

    return term


def copy_graph(graph: Graph) -> Graph:
    """A copy of ``graph`` in rdflib's memory store, with its prefixes bound alike.

    Examples
    --------
    >>> g = Graph(); g.bind("ex", "urn:ex:")
    >>> _ = g.add((URIRef("urn:ex:a"), RDF.type, URIRef("urn:ex:B")))
    >>> copy = copy_graph(g)
    >>> copy is g, set(copy) == set(g), dict(copy.namespaces())["ex"]
    (False, True, rdflib.term.URIRef('urn:ex:'))
    """
    copy = Graph()
    for prefix, ns in graph.namespaces():
        copy.bind(prefix, ns)
    copy.addN((s, p, o, copy) for s, p, o in graph)
    return copy


# what a SPARQL endpoint may answer an ASK asked for JSON results with (some answer XML)
_SPARQL_RESULT_TYPES = frozenset(
    {
        "application/sparql-results+json",
        "application/json",
        "application/sparql-results+xml",
        "application/xml",
        "text/xml",
    }
)


def pairs(graph: Graph, predicate: URIRef, obj: Node | None = None) -> list[tuple[Node, Node]]:
    """The ``(subject, object)`` pairs of ``predicate`` (with object ``obj`` when given).

    On an Oxigraph-backed graph the pairs are read in one scan with the terms converted
    once each (several times faster than ``graph.subject_objects`` through oxrdflib),
    and plain literals come back without ``xsd:string``, as rdflib parses them.

    Examples
    --------
    >>> from kg.namespace import ROLE
    >>> store = Store.default(backend="oxigraph")
    >>> pairs_ = pairs(store.graph, RDF.type, CKG.Role)
    >>> (ROLE["data-scientist"], CKG.Role) in pairs_
    True
    >>> sorted(pairs_) == sorted(pairs(Store.default().graph, RDF.type, CKG.Role))
    True
    """
    inner = oxigraph_of(graph)
    if inner is None and is_remote(graph):
        if obj is None:
            rows = remote_select(graph, ("s", "o"), f"?s {predicate.n3()} ?o")
            return [(s, o) for s, o in rows if s is not None and o is not None]
        rows = remote_select(graph, ("s",), f"?s {predicate.n3()} {obj.n3()}")
        return [(s, obj) for (s,) in rows if s is not None]
    if inner is None:
        if obj is None:
            return list(graph.subject_objects(predicate))
        return [(s, obj) for s in graph.subjects(predicate, obj)]
    convert = FromOxigraph()
    if obj is None:
        rows = inner.query(f"SELECT ?s ?o WHERE {{ ?s {predicate.n3()} ?o }}")
        return [(convert(row[0]), convert(row[1])) for row in rows]
    rows = inner.query(f"SELECT ?s WHERE {{ ?s {predicate.n3()} {obj.n3()} }}")
    return [(convert(row[0]), obj) for row in rows]


def is_remote(graph: Graph) -> bool:
    """Whether ``graph`` reads a remote SPARQL endpoint (``Store.open(URL)``).

    Examples
    --------
    >>> is_remote(Graph())
    False
    """
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    return isinstance(graph.store, SPARQLStore)


REMOTE_PAGE = 10_000
"""Rows asked for in one answer from a remote endpoint (Virtuoso's default cap)."""


def remote_select(graph: Graph, variables: Iterable[str], where: str) -> list[tuple[Node | None, ...]]:
    """Every solution of ``SELECT variables WHERE { where }`` on a remote endpoint.

    An endpoint caps the rows of one answer (Virtuoso at 10,000 by default) and
    drops the rest without an error. The solutions are counted first, then read in
    pages (``ORDER BY`` the variables, ``LIMIT``/``OFFSET``) of :data:`REMOTE_PAGE`
    rows, or of the endpoint's cap once a page comes back short.

    Raises
    ------
    StoreError
        When the endpoint still answers fewer rows than it counted.
    """
    names = " ".join(f"?{v}" for v in variables)
    # a total order: terms an endpoint sorts as equal ("1"^^xsd:int and "1.0", "a"@en
    # and "a"@fr) are told apart by their text, language and datatype
    order = " ".join(f"?{v} STR(?{v}) LANG(?{v}) DATATYPE(?{v})" for v in variables)
    counted = list(graph.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
    total = int(counted[0][0]) if counted else 0  # type: ignore[index, arg-type]
    rows: list[tuple[Node | None, ...]] = []
    page = REMOTE_PAGE
    ordered = total > page
    while len(rows) < total:
        text = f"SELECT {names} WHERE {{ {where} }}"
        if ordered:
            text += f" ORDER BY {order} LIMIT {page} OFFSET {len(rows)}"
        got = [tuple(row) for row in graph.query(text)]  # type: ignore[arg-type]
        if not got:
            break
        if len(got) < page and len(rows) + len(got) < total:  # cut at the endpoint's cap
            page = len(got)
            if not ordered:  # an answer in no stated order cannot be continued: read it in order
                ordered = True
                continue
        rows += got
    if len(rows) != total:
        raise StoreError(
            f"the SPARQL endpoint answered {len(rows):,} of the {total:,} solutions of {{ {where} }}; "
            "raise its result-size limit (Virtuoso: ResultSetMaxRows) or ask its administrator"
        )
    return rows


def choose_backend(backend: str | None = None) -> str:
    """The in-memory backend: ``oxigraph`` (the default) or ``rdflib``.

    An explicit ``backend`` wins, then ``CAREERKG_BACKEND``, then Oxigraph: rdflib
    over an in-memory Oxigraph store (oxrdflib), which parses files and answers SPARQL
    natively, many times faster than rdflib's own memory store. ``rdflib`` keeps the
    graph in rdflib's pure-Python memory store (every query then runs on rdflib's
    evaluator).

    Examples
    --------
    >>> choose_backend("rdflib")
    'rdflib'
    >>> import os; os.environ.pop("CAREERKG_BACKEND", None) and None
    >>> choose_backend()
    'oxigraph'
    """
    chosen = (backend or os.environ.get(BACKEND_ENV, "")).strip().lower()
    if chosen in ("memory", "rdflib"):
        return "rdflib"
    if chosen in ("oxigraph", ""):
        return "oxigraph"
    raise StoreError(f"unknown backend {chosen!r} (from {BACKEND_ENV}); use 'oxigraph' or 'rdflib'")


@cache
def _default_ntriples() -> bytes:
    return _default_graph().serialize(format="nt", encoding="utf-8")


def new_graph(backend: str = "rdflib") -> Graph:
    """An empty graph with careerkg's prefixes bound, in rdflib memory or in Oxigraph."""
    if backend == "oxigraph":
        from oxrdflib import OxigraphStore
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        g = Graph(store=OxigraphStore(), identifier=DATASET_DEFAULT_GRAPH_ID)
    else:
        g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


@cache
def _default_graph() -> Graph:
    g = new_graph()
    for path in [*ontology_files(), *data_files()]:
        load_file(g, path)
    materialise(g)
    return g


def _endpoint_store_class() -> type:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    class EndpointStore(SPARQLStore):  # type: ignore[misc]
        """rdflib's SPARQLStore, every request of which names the same dataset.

        ``graph_iri`` (a named graph of the endpoint) goes with every request as the
        SPARQL 1.1 Protocol's ``default-graph-uri``: the queries careerkg sends, rdflib's
        triple patterns and its counts alike. Without one, the endpoint's own default
        graph is read (Virtuoso's: the union of its graphs), never the identifier rdflib
        would pass. ``params``: other parameters of the endpoint's URL, kept on every request.
        """

        def __init__(self, *, graph_iri: str | None = None, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.graph_iri = graph_iri

        def _query(self, *args: Any, **kwargs: Any) -> Any:
            kwargs["default_graph"] = self.graph_iri
            kwargs.pop("named_graph", None)
            return super()._query(*args, **kwargs)

        def triples(self, spo: Any, context: Any = None) -> Any:
            """rdflib's, but a pattern with no variable is asked as careerkg asks: rdflib
            read only a standard ASK answer, and Virtuoso's (one row holding 1) made
            every ``(s, p, o) in graph`` false, so the ``ckf:`` learning-path
            predicates, which check that their roles are roles, answered nothing."""
            if any(term is None for term in spo):
                return super().triples(spo, context)
            return self._holds(spo)

        def _holds(self, spo: Any) -> Any:
            s, p, o = (self.node_to_sparql(term) for term in spo)
            if _ask_result(self._query(f"ASK {{ {s} {p} {o} }}")):
                yield spo, None

    return EndpointStore


def _EndpointStore(**kwargs: Any) -> Any:
    return _endpoint_store_class()(**kwargs)


# an absolute IRI (RFC 3987): a scheme, a colon, then no space or character IRIs exclude
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")

_GRAPH_PARAM = "default-graph-uri"
"""The SPARQL 1.1 Protocol's request parameter naming the graph a query reads."""


def _graph_iri(text: str) -> str:
    """``text`` if it is an absolute IRI, fit to name a graph; else a :class:`StoreError`.

    Examples
    --------
    >>> _graph_iri("https://example.org/graphs/careers"), _graph_iri("urn:careerkg:graph")
    ('https://example.org/graphs/careers', 'urn:careerkg:graph')
    >>> _graph_iri("graphs/careers")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: the graph name 'graphs/careers' is not an absolute IRI ...
    >>> _graph_iri("<urn:careerkg:graph>")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: ... give it without the angle brackets: urn:careerkg:graph
    """
    inner = text[1:-1] if text.startswith("<") and text.endswith(">") else None
    if inner is not None and _ABSOLUTE_IRI.match(inner):
        raise StoreError(
            f"the graph name {text!r} is written as in SPARQL; give it without the angle brackets: {inner}"
        )
    if not _ABSOLUTE_IRI.match(text):
        raise StoreError(
            f"the graph name {text!r} is not an absolute IRI (a scheme, a colon and no spaces, "
            "e.g. https://example.org/graphs/careers or urn:example:careers): name the graph as the "
            "endpoint does"
        )
    return text


def _split_endpoint(url: str, graph: str | None) -> tuple[str, str | None, dict[str, str]]:
    """The endpoint of ``url``, the graph to read and the URL's other parameters.

    A URL may name its graph as the protocol does (``URL?default-graph-uri=IRI``);
    ``graph`` (``--graph``) may name it too, but not another one.

    Examples
    --------
    >>> _split_endpoint("http://h/sparql?default-graph-uri=urn%3Ag&key=1", None)
    ('http://h/sparql', 'urn:g', {'key': '1'})
    >>> _split_endpoint("http://h/sparql", "urn:g")
    ('http://h/sparql', 'urn:g', {})
    """
    from urllib.parse import parse_qsl, urlsplit, urlunsplit

    parts = urlsplit(url)
    pairs_ = parse_qsl(parts.query, keep_blank_values=True)
    named = [v for k, v in pairs_ if k == _GRAPH_PARAM]
    others = {k: v for k, v in pairs_ if k != _GRAPH_PARAM}
    endpoint = urlunsplit(parts._replace(query="", fragment=""))
    if len(set(named)) > 1:
        shown = ", ".join(f"<{g}>" for g in dict.fromkeys(named))
        raise StoreError(
            f"the endpoint URL {url} names {len(set(named))} graphs ({shown}); careerkg reads one graph: "
            f"keep one {_GRAPH_PARAM}, or give it with --graph"
        )
    if named and graph and named[0] != graph:
        raise StoreError(
            f"the endpoint URL {url} names the graph <{named[0]}> and --graph names <{graph}>; "
            "give the graph once"
        )
    chosen = graph or (named[0] if named else None)
    return endpoint, None if chosen is None else _graph_iri(chosen), others


def _ask_result(result: Any) -> bool:
    """An endpoint's ASK answer; Virtuoso sends it as one row holding 1, or no row."""
    if result.type == "ASK":
        return bool(result.askAnswer)
    rows = list(result)
    value = rows[0][0] if rows and len(rows[0]) else None
    return value is not None and str(value).strip().lower() not in ("0", "false", "")


class _NotResults(Exception):
    """An endpoint answered something other than SPARQL results (its ``kind``)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _get(endpoint: str, params: dict[str, str], query: str, graph: str | None, timeout: float) -> Any:
    """One SPARQL request by GET, ``graph`` as ``default-graph-uri``: the answer parsed
    (rdflib ``Result``), ``None`` when it cannot be parsed.

    Raises
    ------
    _NotResults
        When the answer is not SPARQL results (an HTML page...). urllib's errors pass.
    """
    import io
    import urllib.parse
    import urllib.request

    from rdflib.query import Result

    fields = [*params.items(), *([(_GRAPH_PARAM, graph)] if graph else []), ("query", query)]
    request = urllib.request.Request(
        endpoint + "?" + urllib.parse.urlencode(fields),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        kind = response.headers.get_content_type()
        body = response.read(1 << 20)
    if kind not in _SPARQL_RESULT_TYPES:
        raise _NotResults(kind)
    try:
        parsed = "application/sparql-results+json" if "json" in kind else "application/sparql-results+xml"
        return Result.parse(io.BytesIO(body), content_type=parsed)
    except Exception:  # a parser's many exception types: the answer is unreadable, not wrong
        return None


def _endpoint_graphs(
    endpoint: str, params: dict[str, str], timeout: float, most: int = 20
) -> list[str] | None:
    """Up to ``most`` + 1 named graphs with triples on the endpoint; ``None`` when it will not say."""
    try:
        result = _get(
            endpoint,
            params,
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {most + 1}",
            None,
            timeout,
        )
        return None if result is None else sorted(str(row[0]) for row in result if row[0] is not None)
    except Exception:  # only a hint in an error message: never an error of its own
        return None


def _no_triples(url: str, graph: str, graphs: list[str] | None, most: int = 20) -> str:
    """Why a named graph cannot be read: it is empty or not there; the graphs that are."""
    import difflib

    message = f"the graph <{graph}> on the SPARQL endpoint {url} holds no triples"
    if graphs is None:
        return message + "; check the graph's IRI (--graph), or load the data into that graph"
    if not graphs:
        return message + ", and the endpoint lists no named graph with triples"
    closest = difflib.get_close_matches(graph, graphs, n=1, cutoff=0.6)
    if closest:
        message += f"; closest: <{closest[0]}>"
    shown = ", ".join(f"<{g}>" for g in graphs[:most])
    more = ", ..." if len(graphs) > most else ""
    return message + f"; the endpoint's graphs: {shown}{more}"


class Store:
    """One RDF graph plus the views derived from it, rebuilt when it changes.

    Parameters
    ----------
    graph : rdflib.Graph
        The store's graph.

    Notes
    -----
    ``version`` increases on every change made through :meth:`load` or
    :meth:`touch`; :meth:`derived` caches a view per version.
    """

    def __init__(
        self,
        graph: Graph,
        *,
        kind: str = "memory",
        location: str = "",
        read_only: bool = False,
        graph_iri: str | None = None,
    ) -> None:
        self.graph = graph
        self.kind = kind
        self.location = location
        self.read_only = read_only
        self.graph_iri = graph_iri  # the named graph read on a remote endpoint (None: its default graph)
        self.version = 1
        self.files: list[Path] = []
        self.exports: list[Path] = []  # the files that stand in for the shipped graph
        self.notes: list[str] = []  # what a user should know about the loading
        self._cache: dict[str, tuple[int, Any]] = {}
        self._lock = threading.RLock()  # the views and the version
        self._building: dict[str, threading.RLock] = {}  # one lock per view, held while it is built

    @classmethod
    def default(
        cls, extra: Iterable[str | Path] = (), *, with_default: bool = True, backend: str | None = None
    ) -> Store:
        """Ontology + curated data (unless ``with_default`` is false) + ``extra`` files.

        The default part is parsed once per process and copied, so loading is cheap.
        ``backend`` (see :func:`choose_backend`) keeps the graph in rdflib's memory
        store (kind ``"memory"``) or in an in-memory Oxigraph store (kind
        ``"memory-oxigraph"``: Oxigraph parses the files and answers SPARQL natively).

        An ``extra`` file that is a careerkg export (it describes itself with
        :data:`kg.export.EXPORT_NODE`) is a whole graph, ontology and data: it stands
        in for the shipped graph rather than being added to it, so an export edited
        and loaded again has its edits, deletions included, and nothing twice. Such
        files are listed in ``exports``. Qualified links stated identically by several
        files are kept once (see :func:`merge_restated_links`).

        Examples
        --------
        >>> Store.default(backend="oxigraph").kind
        'memory-oxigraph'
        >>> len(Store.default(backend="oxigraph")) == len(Store.default(backend="rdflib"))
        True
        >>> import tempfile
        >>> from kg.export import export_text
        >>> with tempfile.NamedTemporaryFile("w", suffix=".ttl", delete=False) as f:
        ...     _ = f.write(export_text(Store.default(), "ttl"))
        >>> again = Store.default([f.name])
        >>> len(again) == len(Store.default()), again.exports == [Path(f.name)]
        (True, True)
        """
        extras = [Path(p) for p in extra]
        chosen = choose_backend(backend)
        g = new_graph(chosen)
        inner = oxigraph_of(g)
        exports: list[Path] = []
        notes: list[str] = []
        seen: dict[tuple[int, str], Path] = {}
        for extra_path in extras:  # first: whether one of them is a whole graph decides the rest
            if len(extras) > 1 and extra_path.is_file():
                key = _fingerprint(extra_path)
                if key in seen:  # its blank nodes would come twice
                    same = seen[key]
                    notes.append(
                        f"{extra_path} is {'given twice' if same == extra_path else f'the same file as {same}'}: read once"
                    )
                    continue
                seen[key] = extra_path
            load_file(g, extra_path)
            if take_export_marker(g):
                exports.append(extra_path)
        if exports:
            pass  # an export holds the ontology and the data it was made with
        elif inner is not None and with_default:
            import pyoxigraph as ox

            inner.bulk_load(_default_ntriples(), ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        elif with_default:
            for t in _default_graph():
                g.add(t)
        else:
            for path in ontology_files():
                load_file(g, path)
        if extras:
            materialise(g)
            # imported taxonomies: curated nodes absorb the imported nodes they skos:exactMatch
            from kg.importers.join import join

            join(g, inplace=True)
            merge_restated_links(g)
        store = cls(g, kind="memory-oxigraph" if inner is not None else "memory")
        shipped = [] if exports else [*ontology_files(), *(data_files() if with_default else [])]
        store.files = [*shipped, *extras]
        store.exports = exports
        store.notes += notes
        if extras:
            store.touch()  # the files were changes: the version counts them as before
        names = ", ".join(str(p) for p in exports)
        if exports:
            store.notes.append(
                f"{names}: a careerkg export, used in place of the shipped graph (not added to it)"
            )
            shipped_version = shipped_ontology_version()
            versions = ontology_versions(g)
            if shipped_version is not None and versions != [shipped_version]:
                made = " and ".join(versions) if versions else "no stated version"
                store.notes.append(
                    f"{names}: made with careerkg ontology {made}; this careerkg ships "
                    f"{shipped_version} and uses the export's own ontology, so the terms "
                    f"{shipped_version} added or changed are not in it"
                )
        if exports and (stale := stale_shortcuts(g)):
            shown = "; ".join(
                f"{g.namespace_manager.normalizeUri(s) if isinstance(s, URIRef) else s} "
                f"{g.namespace_manager.normalizeUri(p)} "
                f"{g.namespace_manager.normalizeUri(o) if isinstance(o, URIRef) else o}"
                for s, p, o in stale[:3]
            )
            store.notes.append(
                f"{names}: {len(stale):,} shortcut(s) without the qualified link they "
                f"stand for ({shown}{'; ...' if len(stale) > 3 else ''}); each still counts (a bare "
                "requiresSkill is an essential requirement at the default level): if its qualified link was deleted, "
                "delete the shortcut too"
            )
        return store

    @classmethod
    def open(
        cls,
        location: str | Path | None = None,
        extra: Iterable[str | Path] = (),
        *,
        with_default: bool = True,
        graph: str | None = None,
    ) -> Store:
        """Open a store by location.

        ``None`` is the embedded default graph in memory (plus ``extra`` files); a
        directory is a persistent Oxigraph store written by ``careerkg import ...
        --store DIR``, opened read-only; an ``http(s)://`` URL is a remote SPARQL 1.1
        endpoint (Virtuoso, Fuseki, GraphDB, Oxigraph server...), read through
        rdflib's ``SPARQLStore``. ``graph`` names the one graph of the endpoint to read
        (see :meth:`remote`); it applies to an endpoint only.

        Raises
        ------
        StoreError
            When the store is missing, locked, corrupt or unreachable, or ``graph`` is
            given for a store that is not an endpoint.

        Examples
        --------
        >>> Store.open().kind
        'memory-oxigraph'
        >>> Store.open("/nonexistent/store")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.StoreError: no store at /nonexistent/store; ...
        >>> Store.open("ftp://example.org/store")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.StoreError: cannot read a store at ftp://example.org/store: careerkg reads a store folder or ...
        >>> Store.open(graph="https://example.org/graphs/careers")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.StoreError: --graph names a graph of a remote SPARQL endpoint; it needs --store URL ...
        """
        text = "" if location is None else str(location)
        if graph and not re.match(r"^https?://", text, re.IGNORECASE):
            read = f"the store folder {text}" if text else "the embedded graph"
            raise StoreError(
                f"--graph names a graph of a remote SPARQL endpoint; it needs --store URL (an http(s):// "
                f"SPARQL endpoint), and careerkg would read {read}"
            )
        if not text:
            return cls.default(extra, with_default=with_default)
        extra = list(extra)
        if re.match(r"^https?://", text, re.IGNORECASE):
            store = cls.remote(text, graph=graph or None)
        elif scheme := re.match(r"^([a-z][a-z0-9+.-]*)://", text, re.IGNORECASE):
            raise StoreError(
                f"cannot read a store at {text}: careerkg reads a store folder or an http(s):// "
                f"SPARQL endpoint URL, not {scheme[1]}://"
            )
        else:
            store = cls.persistent(Path(text))
        if extra:
            files = " ".join(f"--data {p}" for p in extra)
            into = (
                "load them into the endpoint"
                if store.kind == "remote"
                else f"write the store again with them (careerkg import esco|onet DIR --store {text} {files})"
            )
            raise StoreError(
                f"cannot add --data files to the read-only {store.kind} store {text}; "
                f"{into}, or drop --store to use the in-memory graph"
            )
        return store

    @classmethod
    def persistent(cls, path: Path) -> Store:
        """Open an on-disk Oxigraph store read-only (see :meth:`open`)."""
        import pyoxigraph
        from oxrdflib import OxigraphStore
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        if not path.exists():
            raise StoreError(
                f"no store at {path}; create one with `careerkg import esco ESCO_DIR --store {path}`"
            )
        if not path.is_dir() or not (path / "CURRENT").is_file():  # Oxigraph's RocksDB writes CURRENT
            raise StoreError(
                f"{path} is not a careerkg store (expected a folder written by `careerkg import --store`)"
            )
        try:
            ox = pyoxigraph.Store.read_only(str(path))
        except (OSError, RuntimeError, ValueError) as err:
            raise StoreError(f"cannot open the store at {path}: {err}; it may be corrupt or locked") from err
        graph = Graph(store=OxigraphStore(store=ox), identifier=DATASET_DEFAULT_GRAPH_ID)
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True, replace=True)
        return cls(graph, kind="oxigraph", location=str(path), read_only=True)

    @classmethod
    def remote(cls, url: str, *, graph: str | None = None, timeout: float = 10.0) -> Store:
        """Read a remote SPARQL 1.1 endpoint (see :meth:`open`).

        Without ``graph`` careerkg reads the endpoint's default graph, which is what the
        endpoint makes it: Virtuoso's and GraphDB's is the union of all their graphs
        (Virtuoso's own system graphs included); Fuseki's and Oxigraph's, their unnamed
        graph (or the union, as configured). ``graph`` (an absolute IRI) names one graph to read
        instead, sent with every request as the SPARQL 1.1 Protocol's
        ``default-graph-uri``; so may ``url`` itself (``URL?default-graph-uri=IRI``).

        Raises
        ------
        StoreError
            When the endpoint is unreachable or answers no SPARQL results; when
            ``graph`` is no absolute IRI, or holds no triples (the message lists the
            graphs the endpoint has).

        Examples
        --------
        >>> Store.remote("http://127.0.0.1:9/sparql", graph="careers")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.StoreError: the graph name 'careers' is not an absolute IRI ...
        """
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        endpoint, graph, params = _split_endpoint(url, graph)
        sparql = _EndpointStore(
            query_endpoint=endpoint,
            returnFormat="json",
            timeout=timeout,
            graph_iri=graph,
            **({"params": params} if params else {}),
        )
        identifier = URIRef(graph) if graph else DATASET_DEFAULT_GRAPH_ID
        rdf = Graph(store=sparql, identifier=identifier)
        for prefix, ns in PREFIXES.items():
            rdf.bind(prefix, ns, override=True, replace=True)
        import urllib.error

        try:
            answer = _get(endpoint, params, "ASK { ?s ?p ?o }", graph, timeout)
        except urllib.error.HTTPError as err:
            named = (
                f" with {_GRAPH_PARAM}=<{graph}> (it may not take a graph named by the request)"
                if graph
                else ""
            )
            raise StoreError(
                f"the SPARQL endpoint {endpoint} answered HTTP {err.code} {err.reason} to ASK{named}"
            ) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise StoreError(f"cannot reach the SPARQL endpoint {endpoint}: {reason}") from err
        except _NotResults as err:
            raise StoreError(
                f"{endpoint} answered a SPARQL ASK with {err.kind}, not SPARQL results; "
                "give the SPARQL endpoint's own URL (often ending in /sparql)"
            ) from err
        if graph and answer is not None and not _ask_result(answer):
            raise StoreError(
                _no_triples(endpoint, graph, _endpoint_graphs(endpoint, params, min(timeout, 5.0)))
            )
        return cls(rdf, kind="remote", location=endpoint, read_only=True, graph_iri=graph)

    def load(self, path: str | Path, fmt: str | None = None) -> int:
        """Add one RDF file, materialise the shortcuts, bump the version.

        A careerkg export added to a store that has its graph already adds nothing
        twice: its self-description is dropped and its qualified links merge with
        the identical ones (see :func:`merge_restated_links`); an edited export is
        best given to :meth:`default`, where it stands in for the shipped graph.
        """
        if self.read_only:
            raise StoreError(f"the {self.kind} store {self.location} is read-only; cannot load {path}")
        n = load_file(self.graph, path, fmt)
        if take_export_marker(self.graph):
            self.exports.append(Path(path))
        n += materialise(self.graph)
        # imported taxonomies: curated nodes absorb the imported nodes they skos:exactMatch
        from kg.importers.join import join

        join(self.graph, inplace=True)
        n -= merge_restated_links(self.graph)
        self.files.append(Path(path))
        self.touch()
        return n

    def touch(self) -> None:
        """Mark the store as changed: derived views are rebuilt on next use."""
        with self._lock:
            self.version += 1
            self._cache.clear()

    def derived(self, key: str, build: Callable[[Store], T]) -> T:
        """Return the view ``key`` for the current version, building it if needed.

        On a persistent store (kind ``"oxigraph"``) the views named in
        :data:`kg.derived_cache.PERSISTED` (the projection, the label index) are also
        saved inside the store folder and loaded from there by the next process, while
        the store is unchanged (see :mod:`kg.derived_cache`).

        A view is built once however many threads ask for it at once (the others wait
        for it), and its building may use other views from other threads: the examples'
        answers are computed side by side (:func:`kg.sparql.cache.answer_examples`),
        each asking for the projection. Only the asking for the same view waits.

        Examples
        --------
        >>> store = Store.default()
        >>> store.derived("answer", lambda s: 42), store.derived("answer", lambda s: 0)
        (42, 42)
        >>> from concurrent.futures import ThreadPoolExecutor
        >>> def two_views(s):  # builds a view in another thread, while this one is built
        ...     with ThreadPoolExecutor(1) as pool:
        ...         return pool.submit(s.derived, "one", lambda _s: 1).result() + 1
        >>> store.derived("two", two_views), store.derived("one", lambda s: 0)
        (2, 1)
        """
        with self._lock:
            version = self.version
            hit = self._cache.get(key)
            if hit is not None and hit[0] == version:
                return hit[1]  # type: ignore[no-any-return]
            building = self._building.setdefault(key, threading.RLock())
        with building:
            with self._lock:  # built by another thread while this one waited?
                version = self.version
                hit = self._cache.get(key)
                if hit is not None and hit[0] == version:
                    return hit[1]  # type: ignore[no-any-return]
            if self.kind == "oxigraph" and self._persisted(key):
                from kg.derived_cache import fetch

                value = fetch(self, key, build)
            else:
                value = build(self)
            with self._lock:
                self._cache[key] = (version, value)
            return value

    @staticmethod
    def _persisted(key: str) -> bool:
        """Whether the view ``key`` of a persistent store is saved beside it."""
        from kg.derived_cache import PERSISTED

        return key in PERSISTED

    def instances(self, cls: URIRef) -> Iterator[URIRef]:
        """IRIs typed ``cls`` in the store."""
        for s in self.graph.subjects(RDF.type, cls):
            if isinstance(s, URIRef):
                yield s

    def __len__(self) -> int:
        inner = oxigraph_of(self.graph)
        if inner is None:
            return len(self.graph)
        if self.read_only:
            # Oxigraph counts by reading the whole index (ESCO: ~0.35 s, and every block
            # read lands in this process's RocksDB cache): once per read-only store
            return self.derived("length", lambda _s: len(inner))
        return len(inner)  # (oxrdflib counts distinct triples with a query: slower still)
