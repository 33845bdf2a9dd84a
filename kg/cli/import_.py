"""``careerkg import esco|onet DIR``: read a third-party taxonomy into careerkg's ontology.

The import is written as N-Triples to stdout, to ``-o FILE`` (``.nt`` or ``.ttl``,
optionally ``.gz``) or into a persistent store folder (``--store DIR``) holding the
ontology, the curated data and the import, joined on ``skos:exactMatch``. Files and
stores are written aside and swapped in, so a failed import leaves nothing half-done.
A summary (counts per class and relation, quirks met) goes to stderr.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import click

from kg.cli import OutputFile

__all__ = ["esco", "import_group", "onet"]

_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


def _options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--progress/--no-progress",
        "show_progress",
        default=None,
        help="Show progress bars on stderr (default: only when stderr is a terminal).",
    )(f)
    f = click.option(
        "--source-version",
        "version",
        metavar="VERSION",
        help="The release imported (default: guessed from the folder or its Read Me).",
    )(f)
    f = click.option(
        "--data",
        "data",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="With --store: another RDF file or triples CSV to put in the store (e.g. an "
        "earlier import or a careerkg export); repeatable.",
    )(f)
    f = click.option(
        "--optimize",
        is_flag=True,
        help="With --store: compact the store once written (about 2 s more for ESCO; "
        "aggregate queries over all of it then run 2-3x faster).",
    )(f)
    f = click.option(
        "--without-curated",
        is_flag=True,
        help="With --store: leave out the ontology and the curated data.",
    )(f)
    f = click.option(
        "--store",
        "store",
        type=click.Path(file_okay=False, path_type=Path),
        help="Write a persistent store folder (ontology + curated data + this import, joined).",
    )(f)
    f = click.option(
        "-o",
        "--output",
        type=OutputFile(),
        help="File to write: N-Triples (.nt) or Turtle (.ttl), optionally .gz "
        "(default, or -: N-Triples on stdout, when it is not a terminal).",
    )(f)
    return f


def _run(
    importer: Callable[..., Any],
    directory: Path,
    output: Path | None,
    store: Path | None,
    without_curated: bool,
    data: tuple[Path, ...],
    version: str | None,
    show_progress: bool | None,
    optimize: bool = False,
) -> None:
    from kg.cli import terminal_width, wrap_hanging, writing
    from kg.errors import KGError
    from kg.importers.common import check_version, output_kind, sweep_stale, text_sink, write_output
    from kg.importers.store import build_store, check_loadable, check_store_target, holds_source
    from kg.namespace import PREFIXES

    _refuse_store_before_import(directory, store)
    if version is not None:
        check_version(version)
    if data and store is None:
        raise click.UsageError("--data only applies with --store")
    if optimize and store is None:
        raise click.UsageError("--optimize only applies with --store")
    if without_curated and store is None:
        raise click.UsageError("--without-curated only applies with --store")
    if output is not None:
        output_kind(output)  # a bad name is said before the import runs, not after
    if store is not None:
        check_store_target(store)  # never replace a folder of the user's own files
    for target in (output, store):
        if target is not None:
            _check_writable(target)  # said before the import runs, not after its summary
    for path in data:
        check_loadable(path)  # an unknown extension, a CSV not of triples: said before the import runs
    if output is None and store is None and sys.stdout.isatty():
        raise click.UsageError(
            "the import is N-Triples (150 MB for ESCO) and standard output is a terminal; "
            "save it with -o FILE (.nt, .ttl, optionally .gz) or --store DIR, or pipe it"
        )
    sweep_stale(Path(tempfile.gettempdir()), "careerkg-import-")  # left by imports that were killed
    tmpdir = Path(tempfile.mkdtemp(prefix=f"careerkg-import-{os.getpid()}-"))
    pending = [p for p in (output, store) if p is not None]  # not written yet
    warming = False
    try:
        nt = tmpdir / "import.nt"
        try:
            with text_sink(nt) as sink:
                report = importer(directory, sink, version=version, show_progress=show_progress)
        except OSError as err:  # e.g. no space left for the intermediate N-Triples
            raise KGError(
                f"the import stopped: cannot write {nt.parent}: {err.strerror or err}; nothing was written"
            ) from err
        summary = report.summary()
        width = terminal_width(err=True)
        click.echo(summary if width is None else wrap_hanging(summary, width, _HANG), err=True)
        for path in data:  # the same import twice would load every requirement twice
            if report.source_iri and holds_source(path, report.source_iri):
                raise KGError(
                    f"{path} holds this same import ({report.source}); loading it again would "
                    "duplicate every requirement: leave it out of --data"
                )
        if output is not None:
            with writing(output):
                size = write_output(nt, output, prefixes=PREFIXES)
            pending.remove(output)
            click.echo(f"wrote {output} ({size:,} bytes)", err=True)
        if store is not None:
            click.echo(f"loading the store {store}...", err=True)
            with writing(store):
                quads = build_store(
                    [nt, *data],
                    store,
                    with_default=not without_curated,
                    optimize=optimize,
                    grouped=[nt],
                    on_note=lambda note: click.echo(f"careerkg: note: {note}", err=True),
                )
            pending.remove(store)
            click.echo(f"wrote store {store} ({quads:,} triples)", err=True)
            warming = True
            _warm(store)
        if output is None and store is None:
            pending.append(Path("-"))  # stdout: once started, it cannot be taken back
            out: IO[bytes] = sys.stdout.buffer
            with open(nt, "rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
    except KeyboardInterrupt:
        click.echo(_interrupted(pending, store if warming else None), err=True)
        sys.exit(130)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


_HANG = re.compile(r"quirks: [\w-]{2}|[\w-]{2}(?=[\w-]* [\d,]+ \()|[a-z ]+: ")
"""What a summary line's wrapped lines are indented under: its heading ('rows read: ',
'attribution: '), or two past the start of a quirk, so that each quirk's first line stands out."""


def _interrupted(pending: list[Path], warming: Path | None) -> str:
    """What Ctrl-C left: files and stores are written aside and swapped in, so nothing half-done.

    Examples
    --------
    >>> _interrupted([Path("esco.nt"), Path("kg")], None)
    'careerkg: interrupted; nothing more was written (esco.nt, kg left as they were)'
    >>> _interrupted([Path("-")], None)
    'careerkg: interrupted; the N-Triples on stdout are incomplete'
    >>> _interrupted([], Path("kg"))  # doctest: +NORMALIZE_WHITESPACE
    'careerkg: interrupted while saving the views; the store kg is complete
     (commands build the views on first use)'
    """
    if warming is not None:
        return (
            f"careerkg: interrupted while saving the views; the store {warming} is complete "
            "(commands build the views on first use)"
        )
    if not pending:
        return "careerkg: interrupted; nothing was written"
    if pending == [Path("-")]:
        return "careerkg: interrupted; the N-Triples on stdout are incomplete"
    names = ", ".join(str(p) for p in pending)
    return f"careerkg: interrupted; nothing more was written ({names} left as {'they were' if len(pending) > 1 else 'it was'})"


def _check_writable(target: Path) -> None:
    """Refuse ``target`` (an ``-o`` file or a ``--store`` folder) before the import runs
    when its folder cannot be written: a file where a folder is meant, read-only, /proc.

    Creates nothing that stays: a temporary file in the nearest folder that exists, gone
    at once (the folders on the way are made when the import is written).

    Examples
    --------
    >>> _check_writable(Path(tempfile.gettempdir()) / "new-folder" / "esco.nt")
    >>> _check_writable(Path("pyproject.toml") / "esco.nt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: cannot write pyproject.toml/esco.nt: Not a directory (pyproject.toml is a file, not a folder); ...
    """
    import errno

    from kg.cli import writing

    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    with writing(target):
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        with tempfile.TemporaryFile(dir=folder, prefix=".careerkg-probe-"):
            pass


def _refuse_store_before_import(directory: Path, store: Path | None) -> None:
    """``careerkg --store DIR import ...`` names a store to read: say where ``--store`` goes.

    Without this the import ignored it and poured the whole import onto stdout.
    Only a ``--store`` typed before ``import`` counts, not ``CAREERKG_STORE``.
    """
    from click.core import ParameterSource

    from kg.cli import STORE_KEY

    ctx = click.get_current_context()
    root = ctx.find_root()
    given = root.meta.get(STORE_KEY)
    if store is not None or not given:
        return
    if root.get_parameter_source("store_location") != ParameterSource.COMMANDLINE:
        return
    raise click.UsageError(
        f"--store before 'import' names a store to read, not one to write; to write the import "
        f"into a store, put --store after the folder: careerkg import {ctx.info_name} {directory} "
        f"--store {given}"
    )


def _warm(store: Path) -> None:
    """Save the store's projection and label index inside it, so commands start fast."""
    import time

    from kg.derived_cache import cache_folder, warm

    click.echo("saving the projection and the label index in the store...", err=True)
    start = time.perf_counter()
    saved = warm(store)
    if not saved:
        click.echo(f"could not write {cache_folder(store)}; commands will build the views each run", err=True)
        return
    size = sum(p.stat().st_size for p in cache_folder(store).glob("*.pickle"))
    click.echo(
        f"saved {', '.join(sorted(saved))} in {cache_folder(store)} "
        f"({size / 2**20:.1f} MiB, {time.perf_counter() - start:.1f} s)",
        err=True,
    )


@click.group("import", short_help="Import ESCO or O*NET into careerkg's ontology.")
def import_group() -> None:
    """Import a third-party taxonomy (ESCO, O*NET) into careerkg's ontology.

    Point it at the folder of the official export (nothing is downloaded); the
    summary on stderr ends with the attribution the publisher asks for, to show
    wherever the imported data is shown. Mappings: docs/importing.md.

    \b
    careerkg import esco path/to/esco-v1.1.1 -o esco.nt
    careerkg path --data esco.nt "software developer" "machine learning engineer"
    careerkg import onet path/to/onet-29.3 --store kgstore
    """


# registered on `careerkg` like the commands made with kg.cli.command
import_group._careerkg_command = True  # type: ignore[attr-defined]


@import_group.command("esco", short_help="Import the ESCO CSV export (v1.1.x or v1.2.x).")
@click.argument("directory", type=_DIR)
@_options
def esco(directory: Path, **kwargs: Any) -> None:
    """Import the ESCO CSV export (v1.1.x or v1.2.x) found under DIRECTORY.

    Occupations become roles, skills and knowledge become skills, essential and
    optional relations become requirements (levels 3 and 2), hierarchies become
    broader links and skill areas. ESCO IRIs are kept.

    \b
    careerkg import esco path/to/esco-v1.1.1 --store stores/esco
    careerkg import esco path/to/esco-v1.1.1 -o esco.nt.gz
    """
    from kg.importers.esco import import_esco

    _run(import_esco, directory, **kwargs)


@import_group.command("onet", short_help="Import the O*NET text files (release 25.1 or later).")
@click.argument("directory", type=_DIR)
@_options
def onet(directory: Path, **kwargs: Any) -> None:
    """Import the O*NET text files (release 25.1 or later, e.g. 29.3) found in DIRECTORY.

    Importance (IM 1-5) maps to essential (>= 3.5) / optional (>= 2.5), level
    (LV 0-7) to 1 + round(LV * 4 / 7); technology skills become tools. Where O*NET
    names the same job, skill or product as the curated graph (Software
    Developers is the Software Engineer; PyTorch is PyTorch), the two are one node
    in a store or with --data.

    \b
    careerkg import onet path/to/onet-29.3 --store stores/onet
    careerkg import onet path/to/onet-29.3 --store stores/both --data esco.nt
    """
    from kg.importers.onet import import_onet

    _run(import_onet, directory, **kwargs)
