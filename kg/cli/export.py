"""``careerkg export``: the graph as Turtle, N-Triples, JSON-LD, CSV or GraphML."""

from __future__ import annotations

import gzip
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

import click

from kg.cli import OutputFile, command, data_option, format_option, open_store, writing

if TYPE_CHECKING:
    from kg.store import Store

__all__ = ["export"]

FORMATS = ("ttl", "nt", "jsonld", "csv", "graphml")

_BY_SUFFIX = {
    ".ttl": "ttl",
    ".turtle": "ttl",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".graphml": "graphml",
    ".csv": "csv",
}

LARGE = 100_000
"""Exports of more triples than this say what they are doing before they start."""


def output_format(output: Path | None, fmt: str | None) -> str:
    """The format to write: ``--format``, else the one ``output``'s name says, else Turtle.

    Examples
    --------
    >>> output_format(Path("graph.nt"), None), output_format(None, None), output_format(Path("x.txt"), "nt")
    ('nt', 'ttl', 'nt')
    >>> output_format(Path("graph.nt"), "ttl")
    Traceback (most recent call last):
    ...
    click.exceptions.UsageError: graph.nt is named as nt but --format ttl was given; rename the file or drop --format
    """
    named = _BY_SUFFIX.get(_unzipped(output).suffix.lower()) if output is not None else None
    if fmt is not None:
        if named is not None and named != fmt:
            assert output is not None
            raise click.UsageError(
                f"{output.name} is named as {named} but --format {fmt} was given; rename the file or drop --format"
            )
        return fmt
    if output is not None and named is None:
        raise click.UsageError(
            f"cannot tell the format of {output.name} by its name; name it "
            f"{', '.join(sorted(_BY_SUFFIX))} (optionally .gz) or give --format ({', '.join(FORMATS)})"
        )
    return named or "ttl"


def _unzipped(path: Path) -> Path:
    """``path`` without a ``.gz`` ending: what it holds once unpacked."""
    return path.with_suffix("") if path.suffix.lower() == ".gz" else path


def size_text(n: int) -> str:
    """A byte count for people.

    Examples
    --------
    >>> size_text(512), size_text(282_961), size_text(72_903_722)
    ('512 B', '283 kB', '72.9 MB')
    """
    if n < 1000:
        return f"{n} B"
    if n < 1_000_000:
        return f"{n / 1000:.0f} kB"
    return f"{n / 1_000_000:.1f} MB"


@command("export")
@data_option
@format_option(
    FORMATS,
    default=None,
    help="RDF (ttl, nt, jsonld) or one CSV row per triple (csv), all loadable again with --data; or the "
    "NetworkX projection for graph tools (graphml, a view: not loadable)  "
    "[default: by the -o file's name, else ttl]",
)
@click.option(
    "-o",
    "--output",
    type=OutputFile(),
    help=f"File to write, gzipped when named .gz (default, or -: stdout; above {LARGE:,} triples only when "
    "it is not a terminal).",
)
def export(data: tuple[Path, ...], fmt: str | None, output: Path | None) -> None:
    """Export the whole graph (ontology + data + --data files).

    An RDF or CSV export says it is one: given to --data, it stands in for the
    shipped graph (edits and deletions included) instead of being added to it.

    \b
    careerkg export -o careerkg.ttl
    careerkg export -o careerkg.graphml          # for Gephi, yEd
    """
    from kg.export import export_summary, write_export
    from kg.importers.common import atomic_path

    fmt = output_format(output, fmt)
    store = open_store(data)
    count = len(store)
    if output is None and count > LARGE and _stdout_is_terminal():
        raise click.UsageError(
            f"the export is {count:,} triples and standard output is a terminal; write it to a file "
            "with -o FILE (.ttl, .nt, .jsonld, .csv or .graphml), or pipe it"
        )
    if count > LARGE:
        what = f"the projection of {count:,} triples" if fmt == "graphml" else f"{count:,} triples"
        click.echo(f"exporting {what} as {fmt} to {output or 'stdout'} ...", err=True)
    start = time.perf_counter()
    if output is None:
        stdout = sys.stdout.buffer
        write_export(store, fmt, stdout)
        stdout.flush()
        _attribution_note(store, fmt)
        return
    # written aside and swapped in: a failed export never leaves a half-written file
    # a .gz name is gzipped, as the imports write and --data reads it
    with writing(output), atomic_path(output) as tmp, tmp.open("wb") as fh:
        if output.suffix.lower() == ".gz":
            with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as packed:
                write_export(store, fmt, cast(IO[bytes], packed))
        else:
            write_export(store, fmt, fh)
    seconds = time.perf_counter() - start
    if fmt == "graphml":
        from kg.project import projection

        G = projection(store)
        summary = f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges"
    else:  # the file holds the export's description of itself too
        summary = export_summary(count)
    click.echo(
        f"wrote {output} ({fmt}: {summary}, {size_text(output.stat().st_size)}, {seconds:.1f} s)", err=True
    )
    _attribution_note(store, fmt)


def _stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (where a whole import scrolls by for minutes)."""
    return sys.stdout.isatty()


def _attribution_note(store: Store, fmt: str) -> None:
    """Say on stderr that the export holds third-party data, and how its publishers ask
    to be credited: whoever shares the file owes them that."""
    from kg.importers.attribution import attributions

    credits = attributions(store.graph)
    if not credits:
        return
    where = "its graph attributes" if fmt == "graphml" else "each source's dcterms:rights"
    click.echo(
        f"careerkg: note: this export holds third-party data; credit it as its publishers ask "
        f"wherever you share it (the file keeps the statements in {where}):",
        err=True,
    )
    for a in credits:
        licence = f" (licence: {a.license})" if a.license else ""
        click.echo(f"  {a.title}: {a.rights}{licence}", err=True)
