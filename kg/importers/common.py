"""Shared machinery of the importers: finding and reading source tables, writing
N-Triples, progress bars, the import report and atomic output.

Importers stream: they read CSV / TSV records and write N-Triples lines straight to a
text stream (no big in-memory rdflib graph), which keeps a full ESCO import to a few
seconds and a few hundred MB.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> w = NTriplesWriter(out)
>>> w.literal("urn:a", "urn:p", 'say "hi"\\n', lang="en")
>>> w.iri("urn:a", "urn:q", "urn:b")
>>> print(out.getvalue(), end="")
<urn:a> <urn:p> "say \\"hi\\"\\n"@en .
<urn:a> <urn:q> <urn:b> .
>>> w.count
2
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar, cast
from urllib.parse import quote

from kg.errors import InputFileError, KGError

__all__ = [
    "NO_FINAL_LINE_END",
    "TAXONOMIES",
    "ImportReport",
    "NTriplesWriter",
    "atomic_path",
    "check_version",
    "find_table",
    "progress",
    "read_csv",
    "read_tsv",
    "refuse_other_taxonomy",
    "sweep_stale",
    "unterminated",
    "write_output",
]

T = TypeVar("T")

XSD = "http://www.w3.org/2001/XMLSchema#"

# csv fields in ESCO hold whole paragraphs; the default limit (128 KiB) is enough today,
# but a future release should not crash the importer
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


# ------------------------------------------------------------------ finding files

_VERSION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def check_version(version: str) -> str:
    """Return ``version`` if it can name a release in an IRI, else say what would.

    The release names the provenance node (``src:esco-v1.1.1``), so it must not hold
    spaces or other characters an IRI cannot.

    Raises
    ------
    KGError
        When ``version`` holds other characters than letters, digits, ``.``, ``-``, ``_``.

    Examples
    --------
    >>> check_version("1.2.0")
    '1.2.0'
    >>> check_version("29.3 beta")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: --source-version '29.3 beta' is not a release name; use letters, digits, '.', '-' and '_' (e.g. 29.3 or 1.1.1)
    """
    if not _VERSION_NAME.fullmatch(version):
        raise KGError(
            f"--source-version {version!r} is not a release name; "
            "use letters, digits, '.', '-' and '_' (e.g. 29.3 or 1.1.1)"
        )
    return version


TAXONOMIES: dict[str, tuple[str, str]] = {
    "esco": ("occupations.csv", "the ESCO CSV export"),
    "onet": ("Occupation Data.txt", "O*NET text files"),
}
"""Each importer's telltale table, and what its files are called in messages."""


def refuse_other_taxonomy(directory: Path, importer: str) -> None:
    """Refuse a folder without ``importer``'s telltale table that holds another
    taxonomy's (:data:`TAXONOMIES`), naming the command that imports it.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "Occupation Data.txt").write_text("x")
    >>> refuse_other_taxonomy(d, "esco")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: ...: this folder holds O*NET text files (Occupation Data.txt), not the ESCO CSV export; ...
    """
    table, what = TAXONOMIES[importer]
    if find_table(directory, [table], required=False) is not None:
        return
    for other, (other_table, other_what) in TAXONOMIES.items():
        found = find_table(directory, [other_table], required=False) if other != importer else None
        if found is not None:
            raise InputFileError(
                str(directory),
                f"this folder holds {other_what} ({found.name}), not {what}; "
                f"import it with `careerkg import {other} {directory}`",
            )


def find_table(directory: Path, names: Iterable[str], *, required: bool = True) -> Path | None:
    """Find a source table under ``directory`` by any of its known names.

    Each name is tried as given, with an ``_en`` suffix before the extension, and
    gzip-compressed (``.gz``), anywhere below ``directory`` (ESCO ships the
    classification and the relations in separate folders). The shallowest, then
    alphabetically first, match wins.

    Parameters
    ----------
    directory : Path
        The folder the user pointed at.
    names : iterable of str
        File names such as ``"occupationSkillRelations.csv"``.
    required : bool
        Raise when nothing matches; otherwise return ``None``.

    Raises
    ------
    InputFileError
        When ``required`` and no file matches; the message lists the names tried.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> (d / "rel").mkdir()
    >>> _ = (d / "rel" / "skillSkillRelations_en.csv.gz").write_bytes(b"")
    >>> find_table(d, ["skillSkillRelations.csv"]).name
    'skillSkillRelations_en.csv.gz'
    >>> find_table(d, ["nothing.csv"], required=False) is None
    True
    """
    wanted: dict[str, int] = {}
    tried: list[str] = []
    for rank, name in enumerate(names):
        stem, dot, ext = name.rpartition(".")
        variants = [name, f"{stem}_en{dot}{ext}"] if dot else [name, f"{name}_en"]
        for v in variants:
            tried.append(v)
            for candidate in (v, v + ".gz"):
                wanted.setdefault(candidate.casefold(), rank)
    matches: list[tuple[int, int, str, Path]] = []
    files: set[str] = set()
    for path in directory.rglob("*"):
        key = path.name.casefold()
        if key in wanted and path.is_file():
            depth = len(path.relative_to(directory).parts)
            matches.append((wanted[key], depth, str(path), path))
        elif not required or matches or not path.is_file():
            continue
        else:
            files.add(path.name)
    if matches:
        best = min(matches)
        folders = sorted({m[3].parent for m in matches if m[:2] == best[:2]})
        if len(folders) > 1:  # e.g. onet/ holding 20.3/ and 29.3/: never mix two releases
            shown = ", ".join(str(f.relative_to(directory)) + "/" for f in folders[:3])
            if len(folders) > 3:  # e.g. pointed at /tmp: a few say enough
                shown += f" and {len(folders) - 3} more"
            raise InputFileError(
                str(directory),
                f"{best[3].name} is in several folders below this one ({shown}), as when two releases "
                f"sit side by side; point at the one to import, e.g. {folders[-1]}",
            )
        return best[3]
    if required:
        plain = [t for t in dict.fromkeys(tried) if not t.endswith(".gz")]
        close = _closest(plain, files)
        raise InputFileError(
            str(directory),
            f"no {plain[0].rsplit('.', 1)[0]} table in this folder or below; looked for "
            + " or ".join(plain)
            + " (plain or .gz)"
            + (f"; closest files here: {', '.join(close)}" if close else ""),
        )
    return None


def _closest(wanted: list[str], found: Iterable[str], n: int = 3) -> list[str]:
    """The names in ``found`` most like any of ``wanted`` (extensions and case aside).

    Examples
    --------
    >>> _closest(["occupations.csv"], ["occupation_en.csv", "README.md", "skills_en.csv"])
    ['occupation_en.csv']
    >>> _closest(["Occupation Data.txt"], ["Occupation Data.xlsx"])
    ['Occupation Data.xlsx']
    """
    import difflib

    def stem(name: str) -> str:
        name = name.casefold()
        for ext in (".gz", ".csv", ".txt", ".tsv", ".xlsx", ".xls", ".zip"):
            name = name.removesuffix(ext)
        return name.removesuffix("_en")

    by_stem: dict[str, list[str]] = {}
    for name in sorted(found):
        by_stem.setdefault(stem(name), []).append(name)
    hits: list[str] = []
    for w in wanted:
        for s in difflib.get_close_matches(stem(w), list(by_stem), n=n, cutoff=0.75):
            hits.extend(h for h in by_stem[s] if h not in hits)
    return hits[:n]


# ------------------------------------------------------------------ reading


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")  # -sig: drop a byte-order mark (Excel's)


def _first_bad_line(path: Path) -> tuple[int, str] | None:
    """The 1-based number and a readable excerpt of the first line of ``path`` that is not UTF-8."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as err:
                excerpt = raw[max(0, err.start - 20) : err.start + 20].decode("utf-8", "backslashreplace")
                return number, excerpt.strip()
    return None


def read_csv(path: Path, required: Iterable[str] = ()) -> Iterator[dict[str, str]]:
    """Yield the records of a CSV file (plain or ``.gz``) as dicts keyed by column name.

    A real CSV parser handles quoted multi-line fields and CRLF record ends. Columns
    are found by name, so extra columns (labels in v1.2 relation files) are ignored
    and column order does not matter. Missing cells read as ``""``.

    Raises
    ------
    InputFileError
        When a ``required`` column is missing, the file is not UTF-8 or not CSV.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_bytes(b'a,b\\r\\n1,"x\\ny"\\r\\n')
    >>> list(read_csv(p, required=["a"]))
    [{'a': '1', 'b': 'x\\ny'}]
    """
    yield from _read(path, required, dialect="csv")


def read_tsv(path: Path, required: Iterable[str] = ()) -> Iterator[dict[str, str]]:
    """Yield the records of a tab-separated O*NET text file as dicts.

    O*NET's official text release writes empty cells as ``n/a``; both forms read as
    ``""``. No quoting is applied (O*NET cells hold no tabs or newlines).

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.txt"
    >>> _ = p.write_text('Code\\tTitle\\tN\\r\\n11-1011.00\\t"Chief" Executives\\tn/a\\r\\n')
    >>> list(read_tsv(p))
    [{'Code': '11-1011.00', 'Title': '"Chief" Executives', 'N': ''}]
    """
    yield from _read(path, required, dialect="tsv")


def _read(path: Path, required: Iterable[str], dialect: str) -> Iterator[dict[str, str]]:
    reader = None
    try:
        with _open_text(path) as fh:
            last = [""]  # the last physical line read: does the file end with a line end?

            def lines() -> Iterator[str]:
                for line in fh:
                    last[0] = line
                    yield line

            if dialect == "csv":
                # strict: a file that ends inside a quoted field (cut short) is an error
                reader = csv.reader(lines(), strict=True)
            else:
                reader = csv.reader(lines(), delimiter="\t", quoting=csv.QUOTE_NONE)
            try:
                header = [h.strip().lstrip("\ufeff") for h in next(reader)]
            except StopIteration:
                raise InputFileError(str(path), "the file is empty; expected a header row") from None
            missing = [c for c in required if c not in header]
            if missing:
                hint = ""
                if dialect == "csv" and len(header) == 1:
                    for sep, name in ((";", "';'"), ("\t", "tabs")):
                        if sep in header[0]:
                            hint = (
                                f"; the file seems separated by {name} (as some spreadsheets save CSV): "
                                "save it with commas, or use the publisher's file"
                            )
                            break
                raise InputFileError(
                    str(path),
                    f"missing column(s) {', '.join(missing)}; the header has: {', '.join(header)}{hint}",
                    1,
                )
            width = len(header)
            pending: list[str] | None = None
            for row in reader:
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if pending is not None:
                    yield _record(pending, header, dialect)
                pending = row
            if pending is not None:
                if len(pending) < width and not last[0].endswith(("\n", "\r")):
                    raise InputFileError(
                        str(path),
                        f"the last record has {len(pending)} of {width} columns and no line end: the "
                        "file looks truncated (an interrupted download or copy?); fetch it again",
                        reader.line_num,
                    )
                yield _record(pending, header, dialect)
    except UnicodeDecodeError as err:
        bad = _first_bad_line(path)
        where = f" near {bad[1]!r}" if bad else ""
        raise InputFileError(
            str(path),
            f"not UTF-8 text ({err.reason}{where}); save it as UTF-8, as the publishers' files are",
            bad[0] if bad else None,
        ) from err
    except csv.Error as err:
        line = reader.line_num if reader is not None else None
        if "unexpected end of data" in str(err):
            raise InputFileError(
                str(path),
                "the file ends inside a quoted field: it looks truncated (an interrupted download or "
                "copy?); fetch it again",
                line,
            ) from err
        raise InputFileError(str(path), f"not well-formed CSV: {err}", line) from err
    except EOFError as err:  # gzip: the stream stops before its end marker
        raise InputFileError(
            str(path),
            "the compressed file ends early: it looks truncated (an interrupted download or copy?); "
            "fetch it again",
        ) from err
    except OSError as err:
        raise InputFileError(str(path), f"cannot read the table: {err}") from err


NO_FINAL_LINE_END = (
    "tables whose last line has no line end, as when a download or copy is cut short "
    "(the publishers' files all end with one): check the last record, or fetch the file again"
)
"""The report's wording of the ``no-final-line-end`` quirk (see :func:`unterminated`)."""


def unterminated(path: Path) -> bool:
    """Whether the plain file ``path`` lacks a line end after its last line.

    Every ESCO and O*NET file ends with one, so a file that does not was most likely
    cut short (an interrupted download or copy) even when its last record has all its
    columns. A ``.gz`` file is not checked: gzip itself reports a cut stream.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.txt"
    >>> _ = p.write_bytes(b"a\\tb\\r\\n1\\t2\\r\\n")
    >>> unterminated(p)
    False
    >>> _ = p.write_bytes(b"a\\tb\\r\\n1\\t2")
    >>> unterminated(p)
    True
    """
    if path.name.lower().endswith(".gz"):
        return False
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return False
        fh.seek(size - 1)
        return fh.read(1) not in (b"\n", b"\r")


def _record(row: list[str], header: list[str], dialect: str) -> dict[str, str]:
    if len(row) < len(header):
        row = [*row, *([""] * (len(header) - len(row)))]
    if dialect == "tsv":
        row = ["" if cell == "n/a" else cell for cell in row]
    return dict(zip(header, row, strict=False))


def split_multi(text: str) -> list[str]:
    """Split a multi-valued ESCO cell (one value per line, sometimes comma-ended).

    Examples
    --------
    >>> split_multi("a,\\nb\\n\\n c ")
    ['a', 'b', 'c']
    """
    out = []
    for part in text.replace("\r", "\n").split("\n"):
        part = part.strip().rstrip(",").strip()
        if part:
            out.append(part)
    return out


# ------------------------------------------------------------------ progress


def progress(
    iterable: Iterable[T], desc: str, *, total: int | None = None, enabled: bool | None = None
) -> Iterable[T]:
    """Wrap ``iterable`` in a tqdm progress bar on stderr.

    ``enabled=None`` shows the bar only when stderr is a terminal; ``True`` forces it,
    ``False`` hides it.

    Examples
    --------
    >>> list(progress([1, 2], "rows", enabled=False))
    [1, 2]
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return iterable
    from tqdm import tqdm

    # unit_scale: "123k/518k [00:05<00:14, 27.6k rows/s]", not "123456/517559 ... 27612.34 rows/s"
    bar: Iterable[T] = tqdm(
        iterable, desc=desc, total=total, unit=" rows", unit_scale=True, file=sys.stderr, leave=False
    )
    return bar


# ------------------------------------------------------------------ writing


_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


def safe_iri(iri: str) -> str:
    """Percent-encode characters N-Triples does not allow inside ``<…>``.

    Examples
    --------
    >>> safe_iri("urn:a b")
    'urn:a%20b'
    """
    if _IRI_BAD.search(iri):
        return _IRI_BAD.sub(lambda m: quote(m.group(0), safe=""), iri)
    return iri


class NTriplesWriter:
    """Write triples as N-Triples lines and count them.

    Subjects and IRIs are plain strings; a subject starting with ``_:`` is a blank
    node. IRIs are assumed well-formed (callers pass them through :func:`safe_iri`
    when they come from data).
    """

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0
        self._write = out.write

    @staticmethod
    def _node(term: str) -> str:
        return term if term.startswith("_:") else f"<{term}>"

    def iri(self, s: str, p: str, o: str) -> None:
        """Write ``s p o`` where ``o`` is an IRI (or ``_:`` blank node)."""
        self._write(f"{self._node(s)} <{p}> {self._node(o)} .\n")
        self.count += 1

    def literal(
        self, s: str, p: str, value: str, *, lang: str | None = None, datatype: str | None = None
    ) -> None:
        """Write ``s p "value"`` with an optional language tag or datatype IRI."""
        suffix = f"@{lang}" if lang else f"^^<{datatype}>" if datatype else ""
        self._write(f'{self._node(s)} <{p}> "{_escape(value)}"{suffix} .\n')
        self.count += 1

    def integer(self, s: str, p: str, value: int) -> None:
        """Write an ``xsd:integer`` literal."""
        self.literal(s, p, str(int(value)), datatype=XSD + "integer")

    def decimal(self, s: str, p: str, value: float) -> None:
        """Write an ``xsd:decimal`` literal (no exponent)."""
        text = f"{value:.6f}".rstrip("0")
        text = text + "0" if text.endswith(".") else text
        self.literal(s, p, text, datatype=XSD + "decimal")

    def boolean(self, s: str, p: str, value: bool) -> None:
        """Write an ``xsd:boolean`` literal."""
        self.literal(s, p, "true" if value else "false", datatype=XSD + "boolean")


# ------------------------------------------------------------------ report


@dataclass
class Quirk:
    """One kind of data quirk met during an import."""

    message: str
    count: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import read, wrote and met on the way.

    Examples
    --------
    >>> r = ImportReport("ESCO v1.1.1")
    >>> r.node("Role"); r.link("requiresSkill", 2)
    >>> r.quirk("dangling-occupation", "relation rows naming an unknown occupation", "urn:x")
    >>> r.quirk("dangling-occupation", "relation rows naming an unknown occupation", "urn:x")
    >>> r.quirks["dangling-occupation"].count, r.quirks["dangling-occupation"].examples
    (2, ['urn:x'])
    >>> r.attribution = "This service uses ESCO."
    >>> print(r.summary())  # doctest: +NORMALIZE_WHITESPACE
    ESCO v1.1.1: 0 triples
      nodes: Role 1
      links: requiresSkill 2
      quirks: dangling-occupation 2 (relation rows naming an unknown occupation; e.g. urn:x)
      attribution: This service uses ESCO.
    """

    source: str
    classes: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    rows: Counter[str] = field(default_factory=Counter)
    quirks: dict[str, Quirk] = field(default_factory=dict)
    notes: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    attribution: str = ""
    source_iri: str = ""

    def node(self, cls: str, n: int = 1) -> None:
        """Count ``n`` nodes of class ``cls``."""
        self.classes[cls] += n

    def link(self, rel: str, n: int = 1) -> None:
        """Count ``n`` links of relation ``rel``."""
        self.relations[rel] += n

    def quirk(self, key: str, message: str, example: str | None = None) -> None:
        """Record one occurrence of the quirk ``key`` (keeps up to three distinct examples)."""
        q = self.quirks.setdefault(key, Quirk(message))
        q.count += 1
        if example is not None and example not in q.examples and len(q.examples) < 3:
            q.examples.append(example)

    def summary(self) -> str:
        """A few readable lines: triples, nodes per class, links per relation, quirks, attribution."""
        lines = [
            f"{self.source}: {self.triples:,} triples" + (f" in {self.seconds:.1f} s" if self.seconds else "")
        ]
        if self.rows:
            lines.append("  rows read: " + ", ".join(f"{k} {v:,}" for k, v in sorted(self.rows.items())))
        lines.append("  nodes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(self.classes.items())))
        lines.append("  links: " + ", ".join(f"{k} {v:,}" for k, v in sorted(self.relations.items())))
        for k, v in sorted(self.notes.items()):
            lines.append(f"  note: {k} {v:,}")
        if self.quirks:
            parts = []
            for key, q in sorted(self.quirks.items()):
                eg = f"; e.g. {', '.join(q.examples)}" if q.examples else ""
                parts.append(f"{key} {q.count:,} ({q.message}{eg})")
            lines.append("  quirks: " + "\n          ".join(parts))
        else:
            lines.append("  quirks: none")
        if self.attribution:  # what anyone publishing the data must say, as the publisher asks
            lines.append(f"  attribution: {self.attribution}")
        return "\n".join(lines)


# ------------------------------------------------------------------ output


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``).

    Returns false where the system cannot (then the caller renames twice).
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(rc == 0)


_OWNER = re.compile(r"^(\d+)(?:-|$)")


def sweep_stale(directory: Path, prefix: str) -> list[Path]:
    """Remove the entries ``<prefix><pid>…`` of ``directory`` left by dead processes.

    A process killed mid-import (``SIGKILL``, power loss) cannot clean up after itself;
    the next import does. Entries of live processes (another import running now) are
    kept. Returns what was removed.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> (d / ".out.nt.tmp-999999999-x").mkdir()
    >>> (d / f".out.nt.tmp-{os.getpid()}-y").mkdir()
    >>> [p.name for p in sweep_stale(d, ".out.nt.tmp-")]
    ['.out.nt.tmp-999999999-x']
    """
    removed: list[Path] = []
    if not directory.is_dir():
        return removed
    for entry in sorted(directory.iterdir()):
        if not entry.name.startswith(prefix):
            continue
        m = _OWNER.match(entry.name[len(prefix) :])
        if m is None or _alive(int(m.group(1))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


@contextlib.contextmanager
def atomic_path(target: Path, *, directory: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success swap it into place.

    Write aside, then swap: readers never see a half-written file or store. On an
    exception the temporary file or folder is removed and ``target`` is untouched; an
    ``OSError`` (disk full, permission denied) becomes a :class:`~kg.errors.KGError`
    saying so. What an earlier import killed mid-way left beside ``target`` is removed
    first, and a store it had moved aside in the instant of its swap is put back.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.nt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("<urn:a> <urn:b> <urn:c> .\\n")
    ...     target.exists()
    False
    >>> target.read_text()
    '<urn:a> <urn:b> <urn:c> .\\n'
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_prefix, old_prefix = f".{target.name}.tmp-", f".{target.name}.old-"
    if not target.exists():  # killed between moving the old store aside and the swap
        for old in sorted(target.parent.glob(old_prefix + "*")):
            m = _OWNER.match(old.name[len(old_prefix) :])
            if m is not None and not _alive(int(m.group(1))):
                os.replace(old, target)
                break
    sweep_stale(target.parent, tmp_prefix)
    sweep_stale(target.parent, old_prefix)
    tmp = Path(tempfile.mkdtemp(prefix=f"{tmp_prefix}{os.getpid()}-", dir=target.parent))
    inner = tmp / target.name
    try:
        if directory:
            inner.mkdir()
        yield inner
        if directory:
            if target.exists() and _exchange(inner, target):
                pass  # one atomic step: the old store is now at `inner`, removed below
            else:
                aside: Path | None = None
                if target.exists():
                    aside = target.parent / f"{old_prefix}{os.getpid()}"
                    os.replace(target, aside)
                os.replace(inner, target)
                if aside is not None:
                    shutil.rmtree(aside, ignore_errors=True)
        else:
            os.replace(inner, target)
    except OSError as err:
        reason = err.strerror or str(err)
        raise KGError(f"cannot write {target}: {reason}; {target} was left as it was") from err
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def output_kind(target: Path) -> tuple[str, bool]:
    """``(format, gzipped)`` of an import's ``-o`` file, by its name.

    Raises
    ------
    InputFileError
        When the name is neither N-Triples nor Turtle (asked before an import starts,
        so a long import is not run for nothing).

    Examples
    --------
    >>> output_kind(Path("esco.nt.gz")), output_kind(Path("esco.ttl"))
    (('nt', True), ('ttl', False))
    >>> output_kind(Path("esco.json"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: esco.json: unknown output format; name the file .nt, .ttl (optionally .gz)
    """
    name = target.name.lower()
    gz = name.endswith(".gz")
    base = name[:-3] if gz else name
    if base.endswith((".nt", ".ntriples")):
        return "nt", gz
    if base.endswith((".ttl", ".turtle")):
        return "ttl", gz
    raise InputFileError(str(target), "unknown output format; name the file .nt, .ttl (optionally .gz)")


def write_output(nt_path: Path, target: Path, *, prefixes: dict[str, str] | None = None) -> int:
    """Convert an N-Triples file to ``target`` by its extension, atomically.

    ``.nt`` (optionally ``.gz``) copies, ``.ttl`` writes Turtle through Oxigraph (fast,
    with ``prefixes``). Returns the number of bytes written.

    Raises
    ------
    InputFileError
        When the extension is neither N-Triples nor Turtle.
    """
    fmt, gz = output_kind(target)
    with atomic_path(target) as tmp:
        with cast(IO[bytes], gzip.open(tmp, "wb") if gz else open(tmp, "wb")) as out:
            if fmt == "nt":
                with open(nt_path, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
            else:
                import pyoxigraph

                with open(nt_path, "rb") as src:
                    triples = pyoxigraph.parse(src, format=pyoxigraph.RdfFormat.N_TRIPLES)
                    pyoxigraph.serialize(
                        triples, out, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes or {}
                    )
        return tmp.stat().st_size


def text_sink(path: Path) -> IO[str]:
    """Open ``path`` for writing N-Triples (UTF-8, LF, large buffer)."""
    return io.open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)  # noqa: UP020
