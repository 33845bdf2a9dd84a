"""What every streaming import of a folder of tables shares (ESCO, O*NET).

An import reads a release's tables row by row, writes N-Triples as it goes and keeps
an :class:`~kg.importers.common.ImportReport`. :class:`TableImport` holds that state,
reads a table with its progress bar, row counts and file quirks (:meth:`TableImport.table`),
describes the release as a provenance node (:meth:`TableImport.describe_source`) and
runs the steps in order, timing them (:meth:`TableImport.run_steps`). The importers
subclass it with their own steps.

Examples
--------
>>> import io, tempfile
>>> from pathlib import Path
>>> from kg.importers.common import read_csv
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "things.csv").write_text("id,name\\n1,a\\n2,b\\n")
>>> class Things(TableImport):
...     TITLE, SLUG, VERSION_MARK = "Things", "things", "v"
>>> job = Things(d, io.StringIO(), "1.0", False)
>>> job.report.source
'Things v1.0'
>>> [row["name"] for row in job.table(["things.csv"], ["id"], read_csv)]
['a', 'b']
>>> list(job.table(["absent.csv"], ["id"], read_csv, optional=True))
[]
>>> job.report.rows["things"], job.report.notes["absent optional table absent.csv"]
(2, 1)
>>> job.report.source_iri.rsplit("/", 2)[-2:]
['source', 'things-v1.0']
>>> Things(d, io.StringIO(), "unknown", False).report.source_iri.rsplit("/", 1)[-1]
'things'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.importers.common import (
    NO_FINAL_LINE_END,
    ImportReport,
    NTriplesWriter,
    find_table,
    progress,
    unterminated,
)
from kg.namespace import CKG, SRC

__all__ = ["TableImport"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_DCT = "http://purl.org/dc/terms/"
_SCHEMA = "https://schema.org/"
_DCAT = "http://www.w3.org/ns/dcat#"

Reader = Callable[[Path, Iterable[str]], Iterator[dict[str, str]]]


class TableImport:
    """The state of one streaming import, and the steps every importer shares.

    Parameters
    ----------
    directory : Path
        The folder of the release's tables.
    out : text stream
        Where the N-Triples lines go.
    version : str
        The release (``"unknown"`` when it could not be told).
    show_progress : bool or None
        Progress bars on stderr: ``None`` when stderr is a terminal.

    A subclass names its source with three class attributes: the report names the
    release ``f"{TITLE} {VERSION_MARK}{version}"`` (``"ESCO v1.1.1"``) and its provenance
    node is ``SRC[f"{SLUG}-{VERSION_MARK}{version}"]`` (``esco-v1.1.1``); ``TITLE`` and
    ``SLUG`` alone when the version is ``"unknown"``.
    """

    TITLE = "tables"
    SLUG = "tables"
    VERSION_MARK = ""

    def __init__(self, directory: Path, out: IO[str], version: str, show_progress: bool | None) -> None:
        self.dir = directory
        self.w = NTriplesWriter(out)
        self.version = version
        self.show = show_progress
        known = version != "unknown"
        mark = self.VERSION_MARK
        self.report = ImportReport(f"{self.TITLE} {mark}{version}" if known else self.TITLE)
        source = f"{self.SLUG}-{mark}{version}" if known else self.SLUG
        self.src = self.report.source_iri = str(SRC[source])

    def table(
        self, names: list[str], required: list[str], reader: Reader, *, optional: bool = False
    ) -> Iterator[dict[str, str]]:
        """The rows of the first table found under one of ``names``, counted in the report.

        An absent optional table is a note and no rows; gzip input and a missing final
        line end are quirks. ``reader`` is :func:`~kg.importers.common.read_csv` or
        :func:`~kg.importers.common.read_tsv`; the rows' ``required`` columns are
        checked by it.
        """
        path = find_table(self.dir, names, required=not optional)
        if path is None:
            self.report.notes[f"absent optional table {names[0]}"] += 1
            return
        if path.name.lower().endswith(".gz"):
            self.report.quirk("gzip-input", "source tables read from gzip files", path.name)
        key = names[0].rsplit(".", 1)[0]
        for row in progress(reader(path, required), key, enabled=self.show):
            self.report.rows[key] += 1
            yield row
        if unterminated(path):
            self.report.quirk("no-final-line-end", NO_FINAL_LINE_END, path.name)

    def describe_source(
        self,
        *,
        title: str,
        publisher: str,
        url: str,
        licence: str,
        rights: str,
        citation: str,
        description: str,
    ) -> None:
        """Write the release's provenance node: a ``ckg:SourceDocument`` and ``dcat:Dataset``
        with its title, publisher, version, address, licence, the attribution its
        publisher asks for (``rights``, also the report's) and a description."""
        w, s = self.w, self.src
        w.iri(s, _RDF_TYPE, str(CKG.SourceDocument))
        w.iri(s, _RDF_TYPE, _DCAT + "Dataset")
        w.literal(s, _RDFS + "label", title, lang="en")
        w.literal(s, _DCT + "title", title, lang="en")
        w.literal(s, _DCT + "publisher", publisher)
        if self.version != "unknown":
            w.literal(s, _DCT + "hasVersion", self.version)
        w.iri(s, _SCHEMA + "url", url)
        w.iri(s, _DCT + "license", licence)
        w.literal(s, _DCT + "rights", rights, lang="en")
        self.report.attribution = rights
        w.literal(s, _DCT + "bibliographicCitation", citation, lang="en")
        w.literal(s, _DCT + "description", description, lang="en")

    def run_steps(self, steps: Iterable[Callable[[], object]]) -> ImportReport:
        """Run ``steps`` in order; the report, with the triples written and the time taken."""
        start = time.perf_counter()
        for step in steps:
            step()
        self.report.triples = self.w.count
        self.report.seconds = time.perf_counter() - start
        return self.report
