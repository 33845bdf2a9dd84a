"""``careerkg validate``: SHACL shapes plus prerequisite-cycle and dangling-reference checks."""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kg.cli import (
    RDFFile,
    check_store_location,
    command,
    format_option,
    from_environment,
    terminal_width,
    wrap_hanging,
)
from kg.errors import KGError
from kg.validate import GROUP_FROM

__all__ = ["validate"]


_HANG = re.compile(r"(?:VIOLATION|WARNING|INFO) +|e\.g\. ")
"""What a finding's wrapped lines are indented under: its severity, or its examples'
'e.g.'."""


@contextmanager
def _ticking(what: str, show: bool) -> Iterator[Callable[[str], None]]:
    """While the block runs, ``what`` on stderr with the seconds spent and the phase under
    way (the block calls what it is given with each phase's name), every second and at
    each new phase (SHACL on an import of 400,000 triples takes minutes and said
    nothing); then the time taken."""
    if not show:
        yield lambda _phase: None
        return
    done = threading.Event()
    lock = threading.Lock()
    started = time.monotonic()
    current = [""]  # the phase under way
    width = [0]  # the longest line shown, padded over so no tail of it stays

    def show_line() -> None:
        with lock:
            phase = f" ({current[0]})" if current[0] else ""
            line = f"{what}... {time.monotonic() - started:.0f} s{phase}"
            click.echo("\r" + line.ljust(width[0]), err=True, nl=False)
            width[0] = max(width[0], len(line))

    def phase(name: str) -> None:
        current[0] = name
        show_line()

    def tick() -> None:
        while not done.wait(1.0):
            show_line()

    click.echo(f"{what}...", err=True, nl=False)
    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield phase
    finally:
        done.set()
        thread.join()
        line = f"{what}: done in {time.monotonic() - started:.1f} s"
        click.echo("\r" + line.ljust(width[0]), err=True)


def _store_to_validate(files: tuple[Path, ...], with_default: bool | None) -> str | None:
    """The store folder ``--store`` names, to validate in place of the shipped graph.

    ``careerkg --store DIR validate`` checked the shipped graph and said "conforms"
    of a store it never read. A store typed on the command line is validated, and
    refused beside FILE or ``--with-default``; one from ``CAREERKG_STORE`` is
    validated when no FILE is given. An endpoint (``--store URL``) is refused: SHACL
    reads the graph node by node, and over HTTP that never ends.
    """
    from click.core import ParameterSource

    from kg.cli import STORE_KEY

    root = click.get_current_context().find_root()
    location = root.meta.get(STORE_KEY)
    if not location:
        return None
    typed = root.get_parameter_source("store_location") == ParameterSource.COMMANDLINE
    if files:
        if typed:
            raise click.UsageError(
                "validate checks either the store --store names (no FILE) or the ontology plus FILE..., "
                "not both; drop --store, or export the store and validate it with your files: "
                f"careerkg --store {location} export -o store.nt && careerkg validate store.nt "
                + " ".join(str(f) for f in files)
            )
        return None
    if with_default:
        raise click.UsageError(
            "--with-default adds the shipped data to FILE...; a store holds what its import put in it "
            "(the curated data too, unless imported --without-curated): drop --with-default"
        )
    if str(location).startswith(("http://", "https://")):
        raise click.UsageError(
            f"validate cannot check the SPARQL endpoint {location} in place (SHACL reads the graph node "
            "by node); export it and validate the file: "
            f"careerkg --store {location} export -o store.nt && careerkg validate store.nt"
        )
    try:
        check_store_location(str(location))
    except KGError as err:
        raise from_environment(err, root) from None
    return str(location)


def _empty_files(files: tuple[Path, ...]) -> list[Path]:
    """The FILEs holding nothing but blanks: validated, they 'conformed' with nothing said
    of only the ontology having been checked.

    Examples
    --------
    >>> _empty_files(())
    []
    """
    empty = []
    for path in files:
        try:
            if path.stat().st_size <= 4096 and not path.read_bytes().strip():
                empty.append(path)
        except OSError:  # missing or unreadable: said when it is read
            continue
    return empty


@command("validate", short_help="Check the graph or your files: shapes, cycles, references.")
@click.argument("files", nargs=-1, type=RDFFile())
@click.option(
    "--with-default/--no-default",
    default=None,
    help="Also load the shipped data (default: only when no FILE is given).",
)
@format_option(
    ["table", "json", "text"],
    help="table (or text): the readable report; json: every finding.",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=f"List every finding; by default findings saying the same of {GROUP_FROM} nodes or more "
    "are given once, with their count and examples.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Say what is being checked, and for how long [default: on a terminal].",
)
def validate(
    files: tuple[Path, ...], with_default: bool | None, fmt: str, show_all: bool, progress: bool | None
) -> None:
    """Validate the shipped graph, the store --store names, or the ontology plus FILE... .

    Applies the SHACL shapes of ontology/shapes.ttl and checks that prerequisites
    form no cycle, that every referenced role, skill or tool is described (by its
    IRI, not a text such as "pandas") and that every ckg: property and class is one
    the ontology defines.
    Exits 0 when the graph conforms, 1 when it does not (the report names the
    offending nodes), 2 when a file cannot be read.

    \b
    careerkg validate
    careerkg validate my-data.ttl --all
    careerkg --store stores/onet validate
    """
    from kg.validate import validate_files, validate_store

    for path in _empty_files(files):
        click.echo(
            f"careerkg: note: {path} is empty: it holds nothing to validate (an export that failed to "
            "write?); what conforms is the ontology and any other file",
            err=True,
        )
    store = _store_to_validate(files, with_default)
    include_default = with_default if with_default is not None else not files
    show = sys.stderr.isatty() if progress is None else progress
    with _ticking("careerkg: checking the shapes, cycles and references", show) as phase:
        if store is not None:
            try:
                report = validate_store(store, on_phase=phase)
            except KGError as err:  # say a store named by CAREERKG_STORE came from there
                raise from_environment(err, click.get_current_context().find_root()) from None
        else:
            report = validate_files([str(f) for f in files], with_default=include_default, on_phase=phase)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        text = report.text if show_all else report.summary()
        width = terminal_width()
        click.echo(text if width is None else wrap_hanging(text, width, _HANG))
    raise SystemExit(0 if report.conforms else 1)
