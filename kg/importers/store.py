"""Building a persistent Oxigraph store folder from imports (``careerkg import … --store``).

The store holds the ontology and the curated data (unless left out), the imported
N-Triples and any further RDF files, joined on ``skos:exactMatch``
(:func:`kg.importers.join.join`). It is built in a sibling folder and swapped in when
complete; readers open it read-only with :meth:`kg.store.Store.open`.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "x.nt").write_text(
...     '<urn:r> <http://www.w3.org/2000/01/rdf-schema#label> "r" .\\n')
>>> build_store([d / "x.nt"], d / "store", with_default=False)
1
>>> build_store([d / "x.nt"], d / "store", with_default=False)  # replaced, not appended
1
"""

from __future__ import annotations

import gzip
import itertools
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

import pyoxigraph

from kg.errors import InputFileError, StoreError
from kg.importers.common import atomic_path

__all__ = ["build_store", "check_loadable", "check_store_target", "holds_source", "parts", "rdf_format"]


def check_store_target(target: Path) -> None:
    """Refuse a ``--store`` folder that exists and holds something other than a store.

    ``build_store`` replaces the folder it writes, so pointing it at a folder of the
    user's own files (or at the taxonomy being imported) would delete them. A missing
    folder, an empty one or an earlier store (Oxigraph's RocksDB writes ``CURRENT``)
    may be written; anything else is refused before the import runs.

    Raises
    ------
    StoreError
        When ``target`` is a non-empty folder that is not a store, or not a folder.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> check_store_target(d / "new")  # missing: fine
    >>> check_store_target(d)  # empty: fine
    >>> _ = (d / "notes.txt").write_text("mine")
    >>> check_store_target(d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: ...: this folder is not a careerkg store (it holds notes.txt); ...
    """
    target = Path(target)
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir():
        raise StoreError(f"{target}: not a folder; --store names the folder to write the store into")
    if (target / "CURRENT").is_file():
        return
    names = sorted(p.name for p in target.iterdir())
    if not names:
        return
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    raise StoreError(
        f"{target}: this folder is not a careerkg store (it holds {shown}); --store replaces the "
        "folder it names, so name a new or empty folder, or a store an earlier import wrote"
    )


def rdf_format(path: Path) -> pyoxigraph.RdfFormat:
    """The RDF format of ``path`` by its extension (``.gz`` aside); a triples CSV (``.csv``,
    as ``careerkg export`` writes it) is read as the N-Triples it holds.

    Raises
    ------
    InputFileError
        When the extension names no RDF format (a GraphML export: why it cannot be loaded).

    Examples
    --------
    >>> rdf_format(Path("esco.nt.gz")) == pyoxigraph.RdfFormat.N_TRIPLES
    True
    >>> rdf_format(Path("export.csv")) == pyoxigraph.RdfFormat.N_TRIPLES
    True
    >>> rdf_format(Path("x.docx"))
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: x.docx: unknown RDF file extension; use .nt, .ttl, .jsonld, .nq, .trig, .rdf (optionally .gz) or a triples CSV (.csv) as careerkg export writes it
    """
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    ext = name.rsplit(".", 1)[-1]
    if ext == "csv":
        return pyoxigraph.RdfFormat.N_TRIPLES
    if ext == "graphml":
        raise InputFileError(
            str(path),
            "GraphML is the NetworkX projection careerkg exports for graph tools (Gephi, yEd, "
            "NetworkX): a view without the qualified links' levels, the literals' datatypes and "
            "languages or the ontology, so it cannot be loaded back; export the graph as Turtle, "
            "N-Triples, JSON-LD or CSV (careerkg export -o graph.ttl) to put it in a store",
        )
    fmt = pyoxigraph.RdfFormat.from_extension(ext)
    if fmt is None:
        raise InputFileError(
            str(path),
            "unknown RDF file extension; use .nt, .ttl, .jsonld, .nq, .trig, .rdf (optionally .gz) "
            "or a triples CSV (.csv) as careerkg export writes it",
        )
    return fmt


def check_loadable(path: Path) -> None:
    """Refuse, before an import runs, a ``--data`` file the store cannot take: an unknown
    extension (:func:`rdf_format`), or a CSV whose header is not a triples CSV's.

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "extra.csv"
    >>> _ = f.write_text("a,b\\n")
    >>> check_loadable(f)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: ...extra.csv, line 1: not a triples CSV: its header is a, b, without subject, ...
    """
    rdf_format(path)
    if _is_csv(path):
        with _rdf_stream(path, header_only=True):
            pass


def _is_csv(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".csv", ".csv.gz"))


@contextmanager
def _rdf_stream(path: Path, *, header_only: bool = False) -> Iterator[IO[bytes]]:
    """``path`` opened for an RDF parser (``.gz`` read through); a triples CSV as the
    N-Triples it holds, checked row by row (:func:`kg.export.csv_ntriples_lines`) into a
    temporary file, so a million-row CSV is never held whole."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    if not _is_csv(path):
        with opener(path, "rb") as fh:
            yield cast(IO[bytes], fh)
        return
    import io
    import tempfile

    from kg.export import csv_ntriples_lines

    with (
        opener(path, "rb") as raw,
        io.TextIOWrapper(cast(IO[bytes], raw), encoding="utf-8", newline="") as text,
        tempfile.TemporaryFile("w+b", prefix="careerkg-csv-") as nt,
    ):
        lines = itertools.islice(text, 1) if header_only else text
        for line in csv_ntriples_lines(lines, str(path)):
            nt.write(line.encode("utf-8"))
        nt.seek(0)
        yield cast(IO[bytes], nt)


def holds_source(path: Path, source: str) -> bool:
    """Whether the RDF file ``path`` describes the ``ckg:SourceDocument`` ``source``.

    An import writes its source node first, so an earlier output of the same import
    is recognised in its first lines; other files are read through.

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.nt"
    >>> _ = f.write_text("<urn:src> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    ...                  "<https://w3id.org/careerkg/ontology#SourceDocument> .\\n")
    >>> holds_source(f, "urn:src"), holds_source(f, "urn:other")
    (True, False)
    """
    from kg.namespace import CKG

    s, p, o = (
        pyoxigraph.NamedNode(source),
        pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        pyoxigraph.NamedNode(str(CKG.SourceDocument)),
    )
    fmt = rdf_format(path)
    try:
        with _rdf_stream(path) as fh:
            quads = pyoxigraph.parse(fh, format=fmt)
            return any(q.subject == s and q.predicate == p and q.object == o for q in quads)
    except (SyntaxError, ValueError, OSError, EOFError) as err:
        raise InputFileError(str(path), f"cannot read it: {err}") from err


_PART_BYTES = 16 << 20  # an N-Triples file is loaded in parts only above this size


def parts(path: Path, n: int) -> list[tuple[int, int]]:
    """Up to ``n`` byte ranges of the N-Triples file ``path``, cut where no blank node spans the cut.

    Oxigraph scopes a blank node label to one load, so a file loaded in parts keeps
    its blank nodes only if each one's lines stay in one part. careerkg's importers
    (:class:`kg.importers.common.NTriplesWriter`) write a blank node (a requirement)
    as a group of consecutive lines, each naming it, so every cut is made before a
    line naming no blank node: never inside a group. (A line whose text merely holds
    ``_:``, in a literal, is passed over like a group's: the cut only moves on.)

    Examples
    --------
    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.nt"
    >>> _ = f.write_text('<urn:a> <urn:p> _:q1 .\\n_:q1 <urn:s> <urn:x> .\\n_:q1 <urn:t> <urn:y> .\\n'
    ...                  '<urn:a> <urn:r> <urn:x> .\\n<urn:b> <urn:r> <urn:y> .\\n')
    >>> [f.read_bytes()[a:b].decode().count("\\n") for a, b in parts(f, 2)]  # the cut waits for q1 to end
    [3, 2]
    >>> parts(f, 1)
    [(0, 121)]
    """
    size = path.stat().st_size
    cuts = [0]
    with open(path, "rb") as fh:
        for i in range(1, n):
            fh.seek(max(cuts[-1], size * i // n - 1))
            fh.readline()  # to the start of the first line at or after the even cut
            while True:
                at = fh.tell()
                line = fh.readline()
                if not line or b"_:" not in line:
                    break
            if cuts[-1] < at < size:
                cuts.append(at)
    cuts.append(size)
    return list(itertools.pairwise(cuts))


def _load_parts(ox: pyoxigraph.Store, path: Path, fmt: pyoxigraph.RdfFormat, workers: int) -> None:
    """Bulk-load the N-Triples file ``path`` into ``ox`` in :func:`parts`, side by side.

    Oxigraph's bulk loader sorts and writes a batch of up to a million triples on one
    thread (ESCO's 1.04 million are one batch: ~9 s here); loads of parts run at once,
    each writing its own files into the store (as the loader's own batches do).
    """
    from concurrent.futures import ThreadPoolExecutor

    def load(span: tuple[int, int]) -> None:
        with open(path, "rb") as fh:
            fh.seek(span[0])
            data = fh.read(span[1] - span[0])
        ox.bulk_load(data, fmt, to_graph=pyoxigraph.DefaultGraph())

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="careerkg-load") as pool:
        for done in [pool.submit(load, span) for span in parts(path, workers)]:
            done.result()


def _take_export_marker(ox: pyoxigraph.Store) -> bool:
    """Whether ``ox`` holds a careerkg export's self-description; remove it if so."""
    from kg.export import EXPORT_NODE

    node = pyoxigraph.NamedNode(str(EXPORT_NODE))
    quads = list(ox.quads_for_pattern(node, None, None))
    for quad in quads:
        ox.remove(quad)
    return bool(quads)


def build_store(
    files: Iterable[Path],
    target: Path,
    *,
    with_default: bool = True,
    optimize: bool = False,
    grouped: Collection[Path] = (),
    workers: int | None = None,
    on_note: Callable[[str], None] | None = None,
) -> int:
    """Write a persistent store at ``target`` from ``files``; return its triple count.

    Parameters
    ----------
    files : iterable of Path
        RDF files (N-Triples, Turtle, JSON-LD, … optionally ``.gz``) or triples CSVs
        (as ``careerkg export`` writes them) to bulk-load.
    target : Path
        The store folder; an existing store there is replaced only once the new one
        is complete.
    with_default : bool
        Include the ontology and the curated data (the default graph of
        :meth:`kg.store.Store.default`).
    optimize : bool
        Compact the store once written (RocksDB compaction, ``pyoxigraph.Store.optimize``):
        about 2 s more for ESCO, after which aggregate queries over all of it run 2-3x
        faster (counts by class 2.2 -> 1.0 s).
    grouped : collection of Path
        Those of ``files`` written by careerkg's importers (uncompressed N-Triples,
        each blank node's lines consecutive): loaded in :func:`parts`, side by side.
    workers : int, optional
        Parts loaded at once (default: the cores this process may use).
    on_note : callable, optional
        Told (one line) when one of ``files`` is a careerkg export: it holds the
        ontology and curated data already, so it stands in for them (``with_default``
        is then ignored, as ``--data`` does everywhere) and its self-description
        (:data:`kg.export.EXPORT_NODE`) is left out of the store.

    Raises
    ------
    InputFileError
        When a file cannot be parsed.
    StoreError
        When ``target`` holds something other than a store (:func:`check_store_target`).
    """
    from oxrdflib import OxigraphStore
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from kg.importers.join import join

    check_store_target(Path(target))
    n_workers = workers or len(os.sched_getaffinity(0))
    with atomic_path(Path(target), directory=True) as tmp:
        ox = pyoxigraph.Store(str(tmp))
        for path in files:
            fmt = rdf_format(path)
            try:
                if (
                    path in grouped
                    and fmt == pyoxigraph.RdfFormat.N_TRIPLES
                    and n_workers > 1
                    and path.stat().st_size > _PART_BYTES
                ):
                    _load_parts(ox, path, fmt, n_workers)
                elif path.name.lower().endswith(".gz") or _is_csv(path):
                    with _rdf_stream(path) as fh:
                        ox.bulk_load(fh, fmt, to_graph=pyoxigraph.DefaultGraph())
                else:
                    ox.bulk_load(path=str(path), format=fmt, to_graph=pyoxigraph.DefaultGraph())
            except (SyntaxError, ValueError, OSError) as err:
                raise InputFileError(str(path), f"cannot load into the store: {err}") from err
        if _take_export_marker(ox):  # an export holds the shipped graph already
            if on_note is not None:
                on_note(
                    "a careerkg export is among the files: it stands in for the shipped graph (not added to it)"
                )
        elif with_default:
            from kg.store import Store

            data = Store.default().graph.serialize(format="nt", encoding="utf-8")
            ox.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
        graph = Graph(store=OxigraphStore(store=ox), identifier=DATASET_DEFAULT_GRAPH_ID)
        join(graph, inplace=True)
        ox.flush()
        if optimize:
            ox.optimize()
        count = len(ox)
        del graph, ox
    return count
