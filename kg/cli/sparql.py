"""``careerkg sparql``: run a SPARQL query (or a named example) over the graph."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from kg.cli import (
    ROWS,
    Seconds,
    command,
    data_option,
    format_option,
    open_store,
    terminal_width,
    wrap_hanging,
)
from kg.errors import InputFileError, QueryRejected, QueryTimeout, ResultTooLarge, not_utf8

__all__ = ["sparql_command"]

_FORMATS = ["table", "json", "csv", "tsv", "xml", "ttl", "nt", "jsonld"]


def _utf8(raw: bytes, source: str, fix: str) -> str:
    r"""``raw`` read as UTF-8 (a byte order mark dropped); a byte that is not UTF-8 is
    named with its line and what it is in Windows-1252 (:func:`kg.errors.not_utf8`).

    Examples
    --------
    >>> _utf8("ASK { ?s ?p 'café' }".encode(), "stdin", "")
    "ASK { ?s ?p 'café' }"
    >>> _utf8(b"ASK {\n ?s ?p 'caf\xe9' }", "stdin", "save it as UTF-8")
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: stdin, line 2: not UTF-8 text: byte 0xE9 after " ?s ?p 'caf", 'é' in Windows-1252; save it as UTF-8
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise InputFileError(
            source, f"not UTF-8 text: {not_utf8(raw, err.start)}; {fix}", line=line
        ) from None


def _read_query(arg: str) -> str:
    """The query text of ``arg``: itself, ``@FILE`` read as UTF-8, or ``-`` for stdin.

    A byte order mark (as Windows editors save UTF-8) is dropped; bytes that are not
    UTF-8 are refused with where they are (from stdin or the command line, Python
    carried them on as unpaired surrogates, and the query engine failed with a traceback).

    Examples
    --------
    >>> _read_query("\ufeffASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    """
    if arg == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream with no bytes under it (already decoded)
            return sys.stdin.read().removeprefix("\ufeff")
        return _utf8(stream.read(), "stdin", "send the query as UTF-8")
    if arg.startswith("@"):
        path = Path(arg[1:])
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InputFileError(str(path), "no such query file") from None
        except OSError as err:
            raise InputFileError(str(path), f"cannot read the query file: {err}") from None
        return _utf8(raw, str(path), "save it as UTF-8")
    # bytes of the command line that are not UTF-8 arrive as surrogates (\udce9)
    return _utf8(arg.encode("utf-8", "surrogateescape"), "the query argument", _TERMINAL)


_TERMINAL = "set the terminal to UTF-8, or save the query in a UTF-8 file and give @FILE"


_QUERY_SUFFIXES = (".rq", ".sparql", ".ru", ".txt")


def _file_without_at(arg: str) -> None:
    """Refuse a query argument that is a file name given without ``@``, saying so.

    Examples
    --------
    >>> _file_without_at("SELECT * WHERE { ?s ?p ?o }")
    >>> _file_without_at("no-such-dir/q.rq")
    Traceback (most recent call last):
    ...
    kg.errors.InputFileError: no-such-dir/q.rq: no such query file (a query file is given as @FILE)
    """
    if arg.startswith("@") or arg == "-" or any(c.isspace() for c in arg) or "{" in arg:
        return
    path = Path(arg)
    if path.is_file():
        raise QueryRejected(
            f"{arg!r} is a file, not a SPARQL query: give @{arg} to run the query in the file"
        )
    if path.suffix.lower() in _QUERY_SUFFIXES:
        raise InputFileError(arg, "no such query file (a query file is given as @FILE)")


def _limit_message(err: QueryRejected, graph: bool) -> str:
    """The message of a limit error, naming the option (and variable) that sets the limit.

    Examples
    --------
    >>> print(_limit_message(ResultTooLarge(10), graph=True))
    query result exceeds the cap of 10 triples; add a LIMIT, or raise the cap with --max-rows N (0: no cap; env CAREERKG_SPARQL_MAX_ROWS)
    """
    if isinstance(err, ResultTooLarge):
        return (
            f"query result exceeds the cap of {err.cap} {'triples' if graph else 'rows'}; add a LIMIT, "
            "or raise the cap with --max-rows N (0: no cap; env CAREERKG_SPARQL_MAX_ROWS)"
        )
    if isinstance(err, QueryTimeout):
        return (
            f"query stopped after the {err.seconds:g} s time limit; narrow it (LIMIT, more specific "
            "patterns), or raise the limit with --timeout S (0: no limit; env CAREERKG_SPARQL_TIMEOUT)"
        )
    return str(err)


def _is_graph_query(text: str) -> bool:
    from kg.sparql.engine import parse_query

    try:
        return parse_query(text).algebra.name in ("ConstructQuery", "DescribeQuery")
    except QueryRejected:
        return False


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryRejected(f"--param {pair!r}: expected NAME=VALUE, e.g. --param role='Data Scientist'")
        out[name.strip().lstrip("?")] = value.strip()
    return out


@command("sparql", short_help="Run a SPARQL query, or a named example, over the graph.")
@click.argument("query", required=False, metavar="QUERY_OR_@FILE_OR_EXAMPLE")
@format_option(
    _FORMATS,
    help="Result format; json/xml/table give JSON-LD/RDF-XML/Turtle for CONSTRUCT and DESCRIBE.",
)
@data_option
@click.option(
    "--timeout",
    type=Seconds(),
    default=None,
    envvar="CAREERKG_SPARQL_TIMEOUT",
    help="Seconds before a query is stopped (0: no limit)  [default: 15; env CAREERKG_SPARQL_TIMEOUT]",
)
@click.option(
    "--max-rows",
    type=ROWS,
    default=None,
    envvar="CAREERKG_SPARQL_MAX_ROWS",
    help="Refuse results with more rows (0: no cap)  [default: 100000; env CAREERKG_SPARQL_MAX_ROWS]",
)
@click.option("--examples", "list_examples", is_flag=True, help="List the named example queries and exit.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter of a named example (e.g. role='Data Scientist'); repeatable.",
)
def sparql_command(
    query: str | None,
    fmt: str,
    data: tuple[Path, ...],
    timeout: float | None,
    max_rows: int | None,
    list_examples: bool,
    params: tuple[str, ...],
) -> None:
    """Run a SPARQL query over the graph (ontology + data + --data files).

    QUERY is the query text, @FILE to read it from a file, - for stdin, or the name
    of an example (see --examples). careerkg's prefixes (ckg:, role:, skill:,
    skos:, ckf: ...) are predeclared. The ckf: magic predicates give learning
    paths (the learning-path example; docs/sparql.md). Updates, SERVICE and FROM
    are refused: the graph is read-only.

    \b
    careerkg sparql 'ASK { role:data-scientist ckg:requiresSkill skill:python }'
    careerkg sparql @query.rq --format csv
    careerkg sparql prerequisites --param skill="deep learning"
    """
    from kg.sparql.engine import limits_from_env, run_query
    from kg.sparql.examples import EXAMPLES, find_example, run_example
    from kg.sparql.formats import for_name
    from kg.sparql.paths import install

    if list_examples:
        width = max(len(n) for n in EXAMPLES)
        lines = []
        for name, ex in EXAMPLES.items():
            args = "".join(f" [--param\N{NO-BREAK SPACE}{p}={v}]" for p, v in ex.params.items())
            lines.append(f"{name:<{width}}  {ex.title}{args}")
        text = "\n".join(lines)
        if (columns := terminal_width()) is not None:  # each goes on under its title
            text = wrap_hanging(text, columns, re.compile(r"[\w-]+ +"))
        click.echo(text.replace("\N{NO-BREAK SPACE}", " "))
        return
    if query is None:
        raise click.UsageError("give a query, @FILE, - (stdin) or an example name (see --examples)")
    timeout_s, cap = limits_from_env(timeout, max_rows)
    install()
    store = open_store(data)
    text = ""
    try:
        if query in EXAMPLES or re.fullmatch(r"[A-Za-z][\w-]*", query):  # a name: no query is one word
            result = run_example(store, query, _params(params), timeout=timeout_s, max_rows=cap)
        else:
            if params:
                raise QueryRejected("--param applies to named examples only; bind values in the query itself")
            _file_without_at(query)
            text = _read_query(query)
            result = run_query(store, text, timeout=timeout_s, max_rows=cap)
    except (QueryTimeout, ResultTooLarge) as err:
        raise QueryRejected(_limit_message(err, bool(text) and _is_graph_query(text)), err.status) from None
    out = for_name(fmt, result.kind).serialize(result)
    click.echo(out, nl=not out.endswith(b"\n"))
    example = None if text else find_example(query)
    if example is not None and example.empty and result.form == "SELECT" and not result.rows:
        click.echo(f"careerkg: note: {example.name}: {example.empty}", err=True)
    if text:  # a misspelt careerkg name answers nothing, silently: say so (examples are right)
        from kg.sparql.vocabulary import unknown_names

        for note in unknown_names(store, text):
            click.echo(f"careerkg: note: {note}", err=True)
