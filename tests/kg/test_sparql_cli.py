"""`careerkg sparql`: query sources, formats, limits and errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph
from rdflib.query import Result as SPARQLResult

pytestmark = pytest.mark.usefixtures("ckf_extensions")  # the ckf: functions, each test

SELECT = "SELECT ?r ?l WHERE { ?r a ckg:Role ; skos:prefLabel ?l } ORDER BY ?l"
CONSTRUCT = "CONSTRUCT { ?r a ckg:Role } WHERE { ?r a ckg:Role }"
EXTRA = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/prompt-engineer> a ckg:Role ; skos:prefLabel "Prompt Whisperer"@en .
"""


def run(*args: str, stdin: str | None = None) -> Result:
    from kg.cli import _register, cli

    _register()
    return CliRunner().invoke(cli, ["sparql", *args], input=stdin)


@pytest.mark.parametrize(
    ("fmt", "parser"), [("json", "json"), ("xml", "xml"), ("csv", "csv"), ("tsv", "tsv")]
)
def test_select_formats_parse_and_agree(fmt: str, parser: str) -> None:
    out = run(SELECT, "--format", fmt)
    assert out.exit_code == 0, out.output
    rows = [tuple(map(str, r)) for r in SPARQLResult.parse(io.BytesIO(out.stdout_bytes), format=parser)]
    reference = [
        tuple(map(str, r))
        for r in SPARQLResult.parse(io.BytesIO(run(SELECT, "--format", "xml").stdout_bytes), format="xml")
    ]
    assert rows == reference
    assert len(rows) > 5


def test_table_is_readable() -> None:
    out = run(SELECT)
    assert out.exit_code == 0
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["r", "l"]
    assert any(line.startswith("role:data-scientist") for line in lines)
    assert lines[-1].startswith("(")
    assert lines[-1].endswith(" rows)")


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [
        ("ttl", "turtle"),
        ("nt", "nt"),
        ("jsonld", "json-ld"),
        ("json", "json-ld"),
        ("xml", "xml"),
        ("table", "turtle"),
    ],
)
def test_graph_formats(fmt: str, parser: str) -> None:
    out = run(CONSTRUCT, "--format", fmt)
    assert out.exit_code == 0, out.output
    assert len(Graph().parse(data=out.stdout_bytes, format=parser)) > 5


def test_ask_table() -> None:
    assert run("ASK { role:data-scientist a ckg:Role }").stdout == "true\n"
    assert run("ASK { role:data-scientist a ckg:Skill }").stdout == "false\n"


def test_query_from_file_and_stdin(tmp_path: Path) -> None:
    f = tmp_path / "q.rq"
    f.write_text(SELECT)
    assert run(f"@{f}", "--format", "csv").stdout == run(SELECT, "--format", "csv").stdout
    assert run("-", "--format", "csv", stdin=SELECT).stdout == run(SELECT, "--format", "csv").stdout
    missing = run(f"@{tmp_path / 'nope.rq'}")
    assert missing.exit_code == 2
    assert "nope.rq: no such query file" in missing.output


def test_data_files_are_queried(tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text(EXTRA)
    q = 'SELECT ?r WHERE { ?r skos:prefLabel "Prompt Whisperer"@en }'
    assert "prompt-engineer" in run(q, "--data", str(extra), "--format", "csv").stdout
    assert "prompt-engineer" not in run(q, "--format", "csv").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("SELECT * WHERE { ?s ?p }",), "malformed SPARQL query at line 1, column"),
        (("INSERT DATA { <urn:a> <urn:b> <urn:c> }",), "read-only"),
        (("LOAD <file:///etc/passwd>",), "read-only"),
        (
            ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",),
            "FROM / FROM NAMED <file:///etc/passwd> refused",
        ),
        (
            ("SELECT * FROM <urn:a> FROM NAMED <http://example.org/g> WHERE { ?s ?p ?o }",),
            "FROM / FROM NAMED <urn:a>, <http://example.org/g> refused",
        ),
        (
            ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",),
            "SERVICE <http://127.0.0.1:9/> refused",
        ),
        ((SELECT, "--format", "ttl"), "format 'ttl' is for graph results"),
        (("SELECT * WHERE { ?s ?p ?o }", "--max-rows", "10"), "exceeds the cap of 10 rows"),
        (
            ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i", "--timeout", "0.5"),
            "0.5 s time limit",
        ),
        ((SELECT, "--param", "x=y"), "--param applies to named examples only"),
        (
            ("prerequisits",),
            "unknown example query name 'prerequisits'; closest known names: 'prerequisites'",
        ),
        (
            ("prerequisites", "--param", "skil=python"),
            "unknown parameter name 'skil'; closest known parameters: 'skill'",
        ),
        (("",), "the query is empty"),
        (("PREFIX ex: <urn:ex:>  # nothing else",), "the query is empty"),
        ((SELECT, "--timeout", "-5"), "-5 is not a number of seconds ≥ 0 (0: no limit)"),
        ((SELECT, "--timeout", "nan"), "nan is not a number of seconds ≥ 0"),
        ((SELECT, "--timeout", "inf"), "inf is not a number of seconds ≥ 0"),
        ((SELECT, "--max-rows", "-1"), "-1 is not a whole number ≥ 0 (0: no cap)"),
    ],
)
def test_errors_exit_2_with_a_message(args: tuple[str, ...], message: str) -> None:
    out = run(*args)
    assert out.exit_code == 2
    assert message in out.output
    assert "Traceback" not in out.output


def test_limits_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERKG_SPARQL_MAX_ROWS", "3")
    out = run("SELECT * WHERE { ?s ?p ?o }")
    assert out.exit_code == 2
    assert "cap of 3 rows" in out.output


def test_console_script_in_a_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "sparql", "learning-path", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["results"]["bindings"]
    assert [int(b["position"]["value"]) for b in rows] == list(range(1, len(rows) + 1))
