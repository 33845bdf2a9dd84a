"""The ``careerkg`` command line (also ``python -m kg``).

Exit codes: 0 success; 1 a well-formed request with a negative answer (no path, not
conforming); 2 bad input (unknown name, malformed file, bad query), with a
one-paragraph message on stderr and no traceback; 130 interrupted (Ctrl-C), with one
line and no traceback.
"""

from __future__ import annotations

import importlib
import math
import os
import re
import shlex
import shutil
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from kg.errors import KGError

__all__ = [
    "STORE_KEY",
    "Count",
    "Format",
    "OutputFile",
    "RDFFile",
    "Seconds",
    "check_store_location",
    "cli",
    "data_option",
    "fail",
    "format_option",
    "from_environment",
    "loading_note",
    "main",
    "open_store",
    "terminal_width",
    "wrap_hanging",
]

F = TypeVar("F", bound=Callable[..., Any])

# one module per command; each defines a click command named like the module
COMMAND_MODULES: tuple[str, ...] = (
    "kg.cli.validate",
    "kg.cli.stats",
    "kg.cli.export",
    "kg.cli.gaps",
    "kg.cli.sparql",
    "kg.cli.serve",
    "kg.cli.path",
    "kg.cli.unlocks",
    "kg.cli.import_",
)


class _Group(click.Group):
    """A group that turns careerkg errors into a message and an exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # click's parser consumes the list it is given
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as err:
            args = given
            if err.option_name != "--data" or "--data" not in args:
                raise
            # `careerkg --data FILE stats`, written as `careerkg --store DIR stats` is
            at = args.index("--data")
            rest = args[:at] + args[at + 2 :]
            fixed = shlex.join(["careerkg", *rest, *args[at : at + 2]])
            raise click.UsageError(
                f"--data goes after the command, not before it (only --store and --graph come "
                f"first): {fixed}",
                ctx,
            ) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as err:
            fail(str(err), err.exit_code)
        except BrokenPipeError:  # e.g. `careerkg export | head`
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:  # Ctrl-C in a command (click would say "Aborted!", exit 1)
            interrupted()


def interrupted() -> NoReturn:
    """Ctrl-C: one line on stderr, no traceback, exit 130 (128 + SIGINT, as shells do)."""
    click.echo("careerkg: interrupted", err=True)
    sys.exit(130)


def _env_origin(param: click.Parameter | None, ctx: click.Context | None) -> str:
    """`` (from the environment: NAME)`` when the value of ``param`` was read from its
    environment variable ('' otherwise): click's message named only the option."""
    from click.core import ParameterSource

    if param is None or ctx is None or not param.name:
        return ""
    if ctx.get_parameter_source(param.name) != ParameterSource.ENVIRONMENT:
        return ""
    names = param.envvar if isinstance(param.envvar, (list, tuple)) else [param.envvar]
    return f" (from the environment: {', '.join(str(n) for n in names if n)})"


class Seconds(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2; we allow 8.1
    """A number of seconds ≥ 0, finite (a time limit; 0 means none).

    Examples
    --------
    >>> Seconds().convert("2.5", None, None)
    2.5
    >>> Seconds().convert("-5", None, None)
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: -5 is not a number of seconds ≥ 0 (0: no limit)
    """

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = float("nan")
        if not math.isfinite(seconds) or seconds < 0:
            self.fail(
                f"{value} is not a number of seconds ≥ 0 (0: no limit){_env_origin(param, ctx)}", param, ctx
            )
        return seconds


class Count(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2; we allow 8.1
    """A whole number from ``low`` (to ``high``), shown in the help by what it counts
    (``--port PORT``, ``--max-rows N``) rather than click's ``INTEGER RANGE ... [x>=0]``.

    Examples
    --------
    >>> Count(0).convert("3", None, None)
    3
    >>> Count(1, 64).convert("0", None, None)
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: 0 is not a whole number from 1 to 64
    >>> Count(0, zero="no cap").convert("-1", None, None)
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: -1 is not a whole number ≥ 0 (0: no cap)
    >>> Count(0).convert("2.5", None, None)
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: 2.5 is not a whole number ≥ 0
    """

    name = "count"

    def __init__(self, low: int = 0, high: int | None = None, *, metavar: str = "N", zero: str = "") -> None:
        self.low, self.high, self.metavar, self.zero = low, high, metavar, zero

    def get_metavar(self, *_args: Any, **_kwargs: Any) -> str:
        return self.metavar

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):
            number = None
        if number is None or number < self.low or (self.high is not None and number > self.high):
            span = f"≥ {self.low}" if self.high is None else f"from {self.low} to {self.high}"
            zero = f" (0: {self.zero})" if self.zero else ""
            self.fail(f"{value} is not a whole number {span}{zero}{_env_origin(param, ctx)}", param, ctx)
        return number


ROWS = Count(0, zero="no cap")
"""A row count ≥ 0 (a cap; 0 means none)."""


FORMAT_SPELLINGS = {
    "text": "table",
    "txt": "table",
    "markdown": "md",
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "jsonld",
    "rdf/xml": "xml",
    "rdfxml": "xml",
}
"""Other names people give a format, and the name ``--format`` knows it by."""


class Format(click.Choice):  # type: ignore[type-arg]  # generic from click 8.2; we allow 8.1
    """A ``--format`` choice matched whatever its case, with the formats' other names
    (:data:`FORMAT_SPELLINGS`): ``JSON``, ``turtle``, ``markdown`` were refused.

    Examples
    --------
    >>> fmt = Format(["table", "json", "md"])
    >>> fmt.convert("JSON", None, None), fmt.convert("Markdown", None, None), fmt.convert("text", None, None)
    ('json', 'md', 'table')
    >>> Format(["ttl", "nt"]).convert(" Turtle ", None, None)
    'ttl'
    >>> fmt.convert("yaml", None, None)
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: 'yaml' is not one of 'table', 'json', 'md'.
    """

    def __init__(self, choices: Sequence[str]) -> None:
        super().__init__(list(choices), case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            key = value.strip().lower()
            if key not in self.choices and FORMAT_SPELLINGS.get(key) in self.choices:
                key = FORMAT_SPELLINGS[key]
            if key in self.choices:
                return key
        return super().convert(value, param, ctx)


def format_option(
    choices: Sequence[str], *, default: str | None = "table", help: str | None = None
) -> Callable[[F], F]:
    """The ``--format`` option of a command: one of ``choices`` (see :class:`Format`),
    passed to the command as ``fmt``."""
    return click.option(
        "--format",
        "fmt",
        type=Format(choices),
        default=default,
        show_default=default is not None,
        help=help,
    )


def terminal_width(err: bool = False) -> int | None:
    """The terminal's width when standard output (standard error, with ``err``) is one
    (``None`` when it goes to a file or a pipe, where a report's lines stay whole)."""
    if not (sys.stderr if err else sys.stdout).isatty():
        return None
    return shutil.get_terminal_size((100, 24)).columns


def wrap_hanging(text: str, width: int, hang: re.Pattern[str]) -> str:
    """``text`` with each line longer than ``width`` wrapped, its continuation indented
    under the end of what ``hang`` matches at its start (after its indent); words, IRIs
    included, are never broken.

    Examples
    --------
    >>> print(wrap_hanging("WARNING   x <urn:x>: has no definition; users see it", 30, re.compile("WARNING +")))
    WARNING   x <urn:x>: has no
              definition; users
              see it
    """
    out: list[str] = []
    for line in text.splitlines():
        if len(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if match := hang.match(body):
            indent += len(match.group(0))
        out += textwrap.wrap(
            line,
            width=max(width, indent + 20),
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def fail(message: str, code: int = 2) -> None:
    """Print ``careerkg: error: message`` on stderr and exit with ``code``."""
    click.echo(f"careerkg: error: {message}", err=True)
    sys.exit(code)


STORE_KEY = "careerkg.store"
"""Key of ``click.Context.meta`` holding the ``--store`` location given (before or after
the command, or from ``CAREERKG_STORE``); a command reads it from the root context."""
_GRAPH_KEY = "careerkg.graph"


_FROM_ENV = ".from-env"


def _remember(key: str) -> Callable[[click.Context, click.Parameter, str | None], None]:
    """The callback keeping ``--store`` / ``--graph`` for :func:`open_store`, whether given
    before the command or after it.

    Both places read the environment too, so a value typed before the command is kept over
    the environment's, which the command's own option reads again (``CAREERKG_STORE=a
    careerkg --store b stats`` read a).
    """
    from click.core import ParameterSource

    def remember(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        if not value:
            return
        from_env = ctx.get_parameter_source(param.name or "") == ParameterSource.ENVIRONMENT
        if from_env and key in ctx.meta and not ctx.meta.get(key + _FROM_ENV):
            return  # typed before the command: the command line wins
        ctx.meta[key] = value
        ctx.meta[key + _FROM_ENV] = from_env

    return remember


_remember_store = _remember(STORE_KEY)
_remember_graph = _remember(_GRAPH_KEY)


_store = click.option(
    "--store",
    "store_location",
    envvar="CAREERKG_STORE",
    expose_value=False,
    callback=_remember_store,
    metavar="DIR|URL",
    help="Read a persistent store folder (from `careerkg import --store`) or a remote SPARQL endpoint URL "
    "instead of the embedded graph [env: CAREERKG_STORE].",
)

_graph = click.option(
    "--graph",
    "graph_iri",
    envvar="CAREERKG_GRAPH",
    expose_value=False,
    callback=_remember_graph,
    metavar="IRI",
    help="With --store URL: read this named graph of the endpoint alone, sent as the SPARQL "
    "protocol's default-graph-uri (without it: the endpoint's default graph; Virtuoso's is the "
    "union of all its graphs) [env: CAREERKG_GRAPH].",
)


class RDFFile(click.Path):
    """An RDF file to read (``--data FILE``, ``validate FILE``); a store folder given in its
    place is said to be one, with the ``--store`` that reads it (click said only "File
    'stores/esco' is a directory").

    Examples
    --------
    >>> RDFFile().convert("graph.ttl", None, None)
    PosixPath('graph.ttl')
    """

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "-":  # said '-: unknown RDF file extension'
            self.fail(
                "'-' (standard input) is not read here: save the RDF to a file named for its format "
                "(.ttl, .nt, .jsonld, .rdf) and give that",
                param,
                ctx,
            )
        path = Path(value) if isinstance(value, str) else None
        if path is not None and path.is_dir() and (path / "CURRENT").is_file():  # a store folder
            command = ctx.info_name if ctx is not None and ctx.parent is not None else "COMMAND"
            self.fail(
                f"{value} is a store folder, not an RDF file; a store is read with --store: "
                f"careerkg --store {value} {command}",
                param,
                ctx,
            )
        return super().convert(value, param, ctx)


class OutputFile(click.Path):
    """A file to write (``-o FILE``); ``-`` is standard output, as the option's default
    (it made a file named ``-``), and an empty name is refused (it was read as ``.``).

    Examples
    --------
    >>> OutputFile().convert("-", None, None) is None
    True
    >>> OutputFile().convert("out.nt", None, None)
    PosixPath('out.nt')
    >>> OutputFile().convert("", None, None)
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: an empty file name; give a file to write, or - for standard output
    """

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "-":
            return None
        if isinstance(value, str) and not value.strip():
            self.fail("an empty file name; give a file to write, or - for standard output", param, ctx)
        return super().convert(value, param, ctx)


def store_option(f: F) -> F:
    """The ``--store DIR|URL`` option and, for an endpoint, ``--graph IRI``."""
    return _store(_graph(f))


def data_option(f: F) -> F:
    """The ``--data FILE`` (repeatable), ``--store DIR|URL`` and ``--graph IRI`` options of
    every graph command."""
    f = click.option(
        "--data",
        "data",
        multiple=True,
        type=RDFFile(),
        help="An RDF file (Turtle, N-Triples, JSON-LD, RDF/XML) or triples CSV added to the default graph "
        "(a careerkg export stands in for it); repeatable.",
    )(f)
    return store_option(f)


LARGE_DATA = 50_000_000
"""Bytes of ``--data`` (a gzipped file counted as :data:`GZIP_RATIO` times its size) above
which loading them is announced: O*NET's 55 MB of N-Triples take about 4 s, ESCO's 163 MB
about 10 s before any command can start."""

GZIP_RATIO = 8
"""About how much larger N-Triples or Turtle are than their gzipped file."""


TURTLE_RATIO = 2.7
"""How many times fewer bytes Turtle takes than N-Triples for an import (ESCO v1.1.1: 59.0
to 163.0 MB; O*NET 29.3: 20.8 to 54.7 MB): what :data:`LARGE_DATA` weighs a .ttl by."""


def _ntriples_weight(path: Path, size: int) -> float:
    """About how many bytes of N-Triples ``path`` (``size`` bytes on disk) holds: a .gz by
    the size it unpacks to (its last four bytes, else :data:`GZIP_RATIO` times ``size``),
    Turtle by :data:`TURTLE_RATIO`."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
        try:
            with path.open("rb") as fh:
                fh.seek(-4, os.SEEK_END)
                unpacked = int.from_bytes(fh.read(4), "little")  # modulo 4 GiB
        except OSError:
            unpacked = 0
        size = max(unpacked, size) if unpacked else size * GZIP_RATIO
    return size * (TURTLE_RATIO if name.endswith((".ttl", ".turtle")) else 1)


def loading_note(data: Sequence[Path]) -> str | None:
    """What loading ``data`` is, when it is large enough to take a while (``None`` otherwise).

    Examples
    --------
    >>> loading_note([]) is None
    True
    >>> loading_note([Path("no-such-file.nt")]) is None
    True
    """
    sizes = {p: p.stat().st_size for p in data if p.is_file()}
    weight = sum(_ntriples_weight(p, n) for p, n in sizes.items())
    if weight <= LARGE_DATA:
        return None
    from kg.cli.export import size_text

    files = ", ".join(f"{p} ({size_text(n)})" for p, n in sizes.items())
    return (
        f"loading {files} into memory, as every command using it does (a store folder written by "
        "`careerkg import esco|onet DIR --store DIR` opens in about a second)"
    )


def check_store_location(location: str) -> None:
    """Say what to give instead when ``--store`` names an RDF file or a folder holding stores.

    Both were answered "is not a careerkg store", which left the user to guess that a
    file is read with ``--data`` and which folder the store is.

    Raises
    ------
    StoreError
        For a file, and for a folder that is no store but holds some.

    Examples
    --------
    >>> check_store_location("https://example.org/sparql")
    >>> check_store_location("no-such-folder")  # Store.open says there is none
    """
    from kg.errors import StoreError

    if "://" in location:
        return
    path = Path(location)
    if path.is_file():
        ctx = click.get_current_context(silent=True)
        name = ctx.info_name if ctx is not None and ctx.parent is not None else "COMMAND"
        read = f"validate {location}" if name == "validate" else f"{name} --data {location} ..."
        raise StoreError(
            f"--store {location} names a file; --store reads a store folder (written by `careerkg import "
            f"esco|onet DIR --store DIR`) or a SPARQL endpoint URL, and an RDF file is read so: "
            f"careerkg {read}"
        )
    if path.is_dir() and not (path / "CURRENT").is_file():  # Oxigraph's RocksDB writes CURRENT
        try:
            inner = sorted(p for p in path.iterdir() if (p / "CURRENT").is_file())
        except OSError:
            return
        if inner:
            names = ", ".join(p.name for p in inner)
            raise StoreError(
                f"--store {location} is not a store but a folder holding {_count(len(inner), 'store')} "
                f"({names}); name one, e.g. --store {inner[0]}"
            )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def from_environment(err: KGError, ctx: click.Context | None) -> KGError:
    """``err`` saying which of ``--store`` and ``--graph`` came from the environment: a
    CAREERKG_STORE set long ago answered 'no store at /old/path' with nothing saying where
    that path came from."""
    if ctx is None:
        return err
    given = [
        f"{env}={ctx.meta[key]}"
        for key, env in ((STORE_KEY, "CAREERKG_STORE"), (_GRAPH_KEY, "CAREERKG_GRAPH"))
        if ctx.meta.get(key + _FROM_ENV)
    ]
    if not given:
        return err
    said = KGError(
        f"{err} (from the environment: {' and '.join(given)}; unset it, or give the option on the "
        "command line)"
    )
    said.exit_code = err.exit_code
    return said


def _unwritable(target: Path) -> str:
    """Why ``target``'s folder cannot hold it, when that can be told ('' otherwise)."""
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return f" ({folder} is a file, not a folder)"
    if not os.access(folder, os.W_OK):
        return f" (the folder {folder} cannot be written)"
    return ""


@contextmanager
def writing(target: Path) -> Iterator[None]:
    """Say an ``OSError`` met writing ``target`` (a file or a store folder) as one line
    naming it: a folder that is a file, read-only or full ended in a traceback.

    Examples
    --------
    >>> with writing(Path("setup.cfg/out.ttl")):
    ...     raise NotADirectoryError(20, "Not a directory")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: cannot write setup.cfg/out.ttl: Not a directory; nothing was written there
    """
    try:
        yield
    except OSError as err:
        reason = err.strerror or str(err)
        raise KGError(
            f"cannot write {target}: {reason}{_unwritable(target)}; nothing was written there"
        ) from None


def open_store(data: Sequence[Path] = ()) -> Any:
    """The store named by ``--store`` (and ``--graph``), or the embedded default, plus the
    ``--data`` files."""
    from kg.store import Store

    ctx = click.get_current_context(silent=True)
    location = ctx.meta.get(STORE_KEY) if ctx is not None else None
    graph = ctx.meta.get(_GRAPH_KEY) if ctx is not None else None
    loading = loading_note(data) if not location else None
    started = time.perf_counter()
    if loading:  # a whole import given to --data parses for many seconds, which said nothing
        click.echo(f"careerkg: {loading}...", err=True)
    try:
        if location:
            check_store_location(str(location))
        store = Store.open(location, data, graph=graph)
    except KGError as err:
        raise from_environment(err, ctx) from None
    if loading:
        click.echo(
            f"careerkg: loaded {len(store):,} triples in {time.perf_counter() - started:.1f} s", err=True
        )
    for note in store.notes:  # e.g. a --data file that is a whole exported graph
        click.echo(f"careerkg: note: {note}", err=True)
    return store


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="careerkg")
@store_option
def cli() -> None:
    """careerkg: a knowledge-graph explorer for careers in machine learning.

    Names of roles and skills are matched case-insensitively on labels and alt
    labels (a slug such as data-scientist spells its label), or given as full
    IRIs or prefixed names (role:data-scientist).
    Exit codes: 0 success, 1 a negative answer (no path, not conforming, gaps),
    2 bad input, 130 interrupted (Ctrl-C). `careerkg COMMAND -h` describes a
    command.

    \b
    careerkg path "Software Engineer" "Machine Learning Engineer"
    careerkg sparql --examples
    careerkg serve          # the web app on http://127.0.0.1:8050
    careerkg --store https://host/sparql --graph https://example.org/graphs/careers stats
    """


def _register() -> None:
    for modname in COMMAND_MODULES:
        try:
            module = importlib.import_module(modname)
        except ModuleNotFoundError as err:
            if err.name == modname:  # command not written yet
                continue
            raise
        for obj in vars(module).values():
            if (
                isinstance(obj, click.Command)
                and getattr(obj, "_careerkg_command", False)
                and obj.name
                and obj.name not in cli.commands
            ):
                cli.add_command(obj)


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], click.Command]:
    """Like ``click.command`` but marks the command for registration on ``careerkg``."""

    def deco(f: Callable[..., Any]) -> click.Command:
        cmd: click.Command = click.command(*args, **kwargs)(f)
        cmd._careerkg_command = True  # type: ignore[attr-defined]
        return cmd

    return deco


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the console script.

    A command runs once and exits, so a SPARQL query past its time limit ends with
    the process: native queries run in threads, not in query processes
    (:mod:`kg.sparql.bounded`; ``careerkg serve`` starts its own).
    """
    try:  # Ctrl-C while the commands' modules load is said like one in a command
        from kg.sparql.bounded import use_processes

        use_processes(0)
        _register()
        cli.main(args=list(argv) if argv is not None else None, prog_name="careerkg")
    except KeyboardInterrupt:
        interrupted()
