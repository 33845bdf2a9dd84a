"""`careerkg sparql` as a data person types it: a query file given without ``@``, and
limit messages that name the option to change."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.support.cli import invoke

pytestmark = pytest.mark.usefixtures("ckf_extensions")  # the ckf: functions, each test


def run(*args: str) -> Result:
    return invoke("sparql", *args)


def test_a_query_file_named_without_at_says_to_add_it(tmp_path: Path) -> None:
    f = tmp_path / "roles.rq"
    f.write_text("ASK { ?r a ckg:Role }", encoding="utf-8")
    out = run(str(f))
    assert out.exit_code == 2
    assert f"give @{f} to run the query in the file" in out.output
    assert "malformed SPARQL" not in out.output
    assert run(f"@{f}").stdout == "true\n"


def test_a_missing_query_file_named_without_at_is_not_reported_as_sparql(tmp_path: Path) -> None:
    out = run(str(tmp_path / "nope.rq"))
    assert out.exit_code == 2
    assert "nope.rq" in out.output
    assert "no such query file" in out.output


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("SELECT * WHERE { ?s ?p ?o }", "--max-rows", "10"), ["cap of 10 rows", "LIMIT", "--max-rows N"]),
        (
            ("CONSTRUCT WHERE { ?s ?p ?o }", "--max-rows", "10", "--format", "nt"),
            ["cap of 10 triples", "--max-rows N"],
        ),
        (
            ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i", "--timeout", "0.5"),
            ["0.5 s time limit", "--timeout S", "CAREERKG_SPARQL_TIMEOUT"],
        ),
    ],
)
def test_limit_messages_name_the_option(args: tuple[str, ...], needles: list[str]) -> None:
    out = run(*args)
    assert out.exit_code == 2
    for needle in needles:
        assert needle in out.output, out.output
    assert "server" not in out.output


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?p ?s WHERE { ?s ?p ?o } GROUP BY ?p",
        "SELECT (COUNT(?s) AS ?n) ?x WHERE { ?s a ckg:Role }",
        "SELECT ?r (COUNT(?s) AS ?n)\nWHERE { ?r ckg:requiresSkill ?s }",
    ],
)
def test_an_ungrouped_variable_is_explained_in_words(query: str) -> None:
    # rdflib's parser accepts these; Oxigraph refused them with a list of expected
    # characters, at a line counted with careerkg's 20 predeclared PREFIX lines
    out = run(query)
    assert out.exit_code == 2
    assert "GROUP BY" in out.output
    assert "SAMPLE(" in out.output
    assert "u{00B7}" not in out.output
    assert "error at 2" not in out.output
    assert len(out.output.strip().splitlines()) == 1


def test_a_query_saved_with_a_byte_order_mark_runs(tmp_path: Path) -> None:
    # Windows editors (Notepad) save UTF-8 with a BOM
    f = tmp_path / "bom.rq"
    f.write_bytes("ASK { ?r a ckg:Role }\r\n".encode("utf-8-sig"))
    assert run(f"@{f}").stdout == "true\n"
    from kg.cli import _register, cli

    _register()
    piped = CliRunner().invoke(cli, ["sparql", "-"], input="\ufeffASK { ?r a ckg:Role }\n")
    assert piped.stdout == "true\n"


def test_a_query_file_not_in_utf8_says_how_to_save_it(tmp_path: Path) -> None:
    f = tmp_path / "latin1.rq"
    f.write_bytes('SELECT ?l WHERE { ?s skos:prefLabel ?l FILTER(?l = "Zöll") }'.encode("latin-1"))
    out = run(f"@{f}")
    assert out.exit_code == 2
    assert "not UTF-8" in out.output
    assert "save it as UTF-8" in out.output


def test_a_query_not_in_utf8_from_stdin_or_the_command_line_is_an_error_not_a_traceback() -> None:
    # Python carried the byte on as a surrogate and the engine raised UnicodeEncodeError
    from kg.cli import _register, cli

    _register()
    latin1 = 'ASK {\n  ?s skos:prefLabel "Zöll" }'.encode("latin-1")
    piped = CliRunner().invoke(cli, ["sparql", "-"], input=latin1)
    assert piped.exit_code == 2
    assert piped.exception is None or isinstance(piped.exception, SystemExit)
    assert piped.stderr == (
        "careerkg: error: stdin, line 2: not UTF-8 text: byte 0xF6 after '?s skos:prefLabel \"Z', "
        "'ö' in Windows-1252; send the query as UTF-8\n"
    )
    typed = run(latin1.decode("utf-8", "surrogateescape"))  # as Python gives a Latin-1 terminal's bytes
    assert typed.exit_code == 2
    assert typed.stderr.startswith("careerkg: error: the query argument, line 2: not UTF-8 text: byte 0xF6")
    assert "set the terminal to UTF-8" in typed.stderr
    # UTF-8 from both runs
    assert CliRunner().invoke(cli, ["sparql", "-"], input='ASK { ?s ?p "Zöll" }'.encode()).stdout == "false\n"


def test_a_query_file_not_in_utf8_names_the_line_and_the_byte(tmp_path: Path) -> None:
    f = tmp_path / "latin1.rq"
    f.write_bytes('SELECT ?l WHERE {\n ?s skos:prefLabel ?l FILTER(?l = "Zöll") }'.encode("latin-1"))
    out = run(f"@{f}")
    assert out.exit_code == 2
    assert f"{f}, line 2: not UTF-8 text: byte 0xF6 after" in out.stderr
    assert "'ö' in Windows-1252" in out.stderr
