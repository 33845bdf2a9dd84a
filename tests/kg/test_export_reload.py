"""An export given back to ``--data``: the same graph, edits kept, nothing twice, clear refusals.

Each format careerkg writes as a graph (Turtle, N-Triples, JSON-LD, CSV) loads again;
an export stands in for the shipped graph instead of being added to it (its blank-node
requirements, teachings and progressions would otherwise come twice); export → load →
export gives the same graph, language tags, datatypes and provenance included.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

import kg.cli.export
import kg.export
from kg.cli import _register, cli
from kg.namespace import CKG, ROLE, SKILL
from kg.store import Store, choose_backend, load_file, new_graph, take_export_marker
from tests.support.canonical import canonical

FORMATS = ("ttl", "nt", "jsonld", "csv")
HEADER = "subject,predicate,object,object_kind,datatype,lang\n"

# what an export must carry unchanged: languages, datatypes, lines, quotes, commas,
# provenance on a qualified link, a nested blank node
TRICKY = '''
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
skill:python skos:altLabel "Python 3"@en-GB, "Python-Programmierung"@de ;
    skos:note """First line, with "quotes", commas; and
a second line \\\\ with a backslash""" .
role:data-scientist ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:python ;
    ckg:level 5 ; ckg:importance ckg:Optional ; dcterms:source <urn:x:my-survey> ] .
<urn:x:thing> <urn:x:when> "2024-01-31"^^xsd:date ; <urn:x:custom> "abc"^^<urn:x:type> ;
    <urn:x:flag> true ; <urn:x:amount> 4.5 ; <urn:x:nested> [ <urn:x:inner> [ <urn:x:deep> "é ✓" ] ] .
'''


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def stats(runner: CliRunner, *data: Path) -> dict[str, Any]:
    args = [a for path in data for a in ("--data", str(path))]
    return json.loads(run(runner, "stats", "--format", "json", *args).stdout)  # type: ignore[no-any-return]


def plan(runner: CliRunner, *data: Path) -> dict[str, Any]:
    args = [a for path in data for a in ("--data", str(path))]
    result = run(runner, "path", "Software Engineer", "Data Scientist", "--format", "json", *args)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def graph_of(path: Path) -> Graph:
    """``path`` read as careerkg reads a --data file, without the export's self-description."""
    g = new_graph(choose_backend())
    load_file(g, path)
    take_export_marker(g)
    return g


def requirements(store: Store, role: URIRef) -> dict[URIRef, list[int]]:
    """Each skill ``role`` requires, with the levels of the requirements stating it."""
    out: dict[URIRef, list[int]] = {}
    for q in store.graph.objects(role, CKG.hasRequirement):
        for skill in store.graph.objects(q, CKG.requiredSkill):
            out.setdefault(skill, []).extend(int(lv) for lv in store.graph.objects(q, CKG.level))  # type: ignore[arg-type, call-overload]
    return out


# ---------------------------------------------------------------- defects 1 and 2: the export loads again as the graph


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_given_to_data_is_the_shipped_graph_again(
    tmp_path: Path, runner: CliRunner, fmt: str
) -> None:
    out = tmp_path / f"graph.{fmt}"
    run(runner, "export", "-o", str(out))
    shipped = stats(runner)
    again = run(runner, "stats", "--format", "json", "--data", str(out))
    # the same counts: 469 requirements, not 938; the same triples, not 11,573
    assert json.loads(again.stdout) == shipped
    assert f"{out}: a careerkg export, used in place of the shipped graph" in again.stderr
    assert plan(runner, out) == plan(runner)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_load_export_gives_the_same_graph(tmp_path: Path, runner: CliRunner, fmt: str) -> None:
    mine = tmp_path / "mine.ttl"
    mine.write_text(TRICKY, encoding="utf-8")
    first, second = tmp_path / f"first.{fmt}", tmp_path / f"second.{fmt}"
    run(runner, "export", "--data", str(mine), "-o", str(first))
    run(runner, "export", "--data", str(first), "-o", str(second))
    a, b = graph_of(first), graph_of(second)
    assert len(a) == len(b) == len(Store.default([mine]))
    assert canonical(a) == canonical(b)
    # nothing of the file lost on the way: languages, datatypes, text, provenance
    python = SKILL.python
    # (language tags are case-insensitive; Oxigraph keeps them in lower case)
    assert {(str(x), x.language.lower()) for x in b.objects(python, SKOS.altLabel)} >= {  # type: ignore[attr-defined]
        ("Python 3", "en-gb"),
        ("Python-Programmierung", "de"),
    }
    assert (
        str(next(b.objects(python, SKOS.note)))
        == 'First line, with "quotes", commas; and\na second line \\ with a backslash'
    )
    thing = URIRef("urn:x:thing")
    assert next(b.objects(thing, URIRef("urn:x:when"))) == Literal("2024-01-31", datatype=XSD.date)
    assert next(b.objects(thing, URIRef("urn:x:custom"))) == Literal("abc", datatype=URIRef("urn:x:type"))
    assert next(b.objects(thing, URIRef("urn:x:flag"))).datatype == XSD.boolean  # type: ignore[union-attr]
    survey = list(b.subjects(DCTERMS.source, URIRef("urn:x:my-survey")))
    assert len(survey) == 1
    assert (ROLE["data-scientist"], CKG.hasRequirement, survey[0]) in b
    assert (survey[0], CKG.level, Literal(5)) in b


def test_an_edited_export_keeps_its_edits_and_nothing_twice(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "graph.ttl"
    run(runner, "export", "-o", str(out))
    g = Graph().parse(out, format="turtle")
    ds = ROLE["data-scientist"]
    by_skill = {next(g.objects(q, CKG.requiredSkill)): q for q in g.objects(ds, CKG.hasRequirement)}
    changed, deleted = sorted(by_skill)[:2]
    # edit a level, delete a requirement with its shortcut, as one would in an editor
    level = next(g.objects(by_skill[changed], CKG.level))
    new_level = 5 if int(level) != 5 else 4  # type: ignore[call-overload]
    g.set((by_skill[changed], CKG.level, Literal(new_level)))
    g.remove((by_skill[deleted], None, None))
    g.remove((ds, CKG.hasRequirement, by_skill[deleted]))
    g.remove((ds, CKG.requiresSkill, deleted))
    edited = tmp_path / "edited.ttl"
    g.serialize(edited, format="turtle")

    result = run(runner, "stats", "--format", "json", "--data", str(edited))
    assert "shortcut" not in result.stderr  # the edit was whole: nothing to report
    store = Store.default([edited])
    now = requirements(store, ds)
    assert now[changed] == [new_level]  # the edit, alone: the shipped level is gone
    assert deleted not in now  # the deletion holds
    assert all(len(levels) == 1 for levels in now.values())
    before = requirements(Store.default(), ds)
    assert len(now) == len(before) - 1
    assert json.loads(result.stdout)["classes"]["Requirement"] == stats(runner)["classes"]["Requirement"] - 1


def test_a_shortcut_left_behind_by_an_edit_is_reported(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "graph.ttl"
    run(runner, "export", "-o", str(out))
    g = Graph().parse(out, format="turtle")
    ds = ROLE["data-scientist"]
    q = sorted(g.objects(ds, CKG.hasRequirement), key=lambda q: str(next(g.objects(q, CKG.requiredSkill))))[0]
    skill = next(g.objects(q, CKG.requiredSkill))
    g.remove((q, None, None))
    g.remove((ds, CKG.hasRequirement, q))  # the requirement block deleted, its shortcut not
    edited = tmp_path / "edited.ttl"
    g.serialize(edited, format="turtle")
    result = run(runner, "stats", "--data", str(edited))
    assert "1 shortcut(s) without the qualified link they stand for" in result.stderr
    assert f"role:data-scientist ckg:requiresSkill skill:{str(skill).rsplit('/', 1)[1]}" in result.stderr
    assert "delete the shortcut too" in result.stderr


def test_the_same_links_stated_twice_count_once(tmp_path: Path, runner: CliRunner) -> None:
    store = Store.default()
    ds = ROLE["data-scientist"]
    q = next(iter(store.graph.objects(ds, CKG.hasRequirement)))
    restated = Graph()
    twin = BNode()
    restated.add((ds, CKG.hasRequirement, twin))
    for p, o in store.graph.predicate_objects(q):
        restated.add((twin, p, o))
    assert (twin, RDF.type, CKG.Requirement) in restated
    mine = tmp_path / "mine.ttl"
    restated.serialize(mine, format="turtle")
    nt = tmp_path / "graph.nt"
    run(runner, "export", "-o", str(nt))
    # a file restating a shipped requirement, the same file twice, an export twice (read once)
    assert stats(runner, mine, mine) == stats(runner)
    assert stats(runner, nt, nt) == stats(runner)


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_links_naming_no_skill_stay_as_many_as_stated(tmp_path: Path, backend: str) -> None:
    # two broken requirements alike (no skill) are each reported: rdflib's store merged
    # them into one, Oxigraph's did not, and a validation of a randomly broken graph found
    # one violation more in one store than in the other
    data = tmp_path / "broken.ttl"
    data.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "<https://w3id.org/careerkg/id/role/data-scientist> ckg:hasRequirement "
        "[ a ckg:Requirement ; ckg:level 3 ] , [ a ckg:Requirement ; ckg:level 3 ] .\n",
        encoding="utf-8",
    )
    store = Store.default([data], backend=backend)
    links = list(store.graph.objects(ROLE["data-scientist"], CKG.hasRequirement))
    assert len([b for b in links if store.graph.value(b, CKG.requiredSkill) is None]) == 2


# ---------------------------------------------------------------- defect 3: ESCO-sized exports stream, and say so


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_a_large_export_is_streamed_and_reloads(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, fmt: str, default_store: Store
) -> None:
    monkeypatch.setattr(kg.export, "PRETTY_LIMIT", 100)  # the curated graph counts as large
    monkeypatch.setattr(kg.cli.export, "LARGE", 100)
    out = tmp_path / f"graph.{fmt}"
    result = run(runner, "export", "-o", str(out))
    n = len(default_store)
    assert f"exporting {n:,} triples as {fmt} to {out} ..." in result.stderr
    assert (
        f"wrote {out} ({fmt}: {n + 3:,} triples: the graph's {n:,} and 3 describing the export, "
        in result.stderr
    )
    if fmt == "ttl":
        assert b"hasRequirement [" not in out.read_bytes()  # Oxigraph's flat Turtle, not rdflib's
    assert canonical(graph_of(out)) == canonical(default_store.graph)
    assert stats(runner, out) == stats(runner)


def test_an_export_to_stdout_is_the_graph(runner: CliRunner, default_store: Store) -> None:
    result = run(runner, "export", "--format", "nt")
    g = Graph().parse(data=result.stdout_bytes, format="nt")
    assert take_export_marker(g)
    assert canonical(g) == canonical(default_store.graph)


# ---------------------------------------------------------------- what --data cannot read, said clearly


@pytest.mark.parametrize(
    ("name", "content", "messages"),
    [
        (
            "curriculum.csv",
            "course,term,teaches,requires\nML 101,1,python,\n",
            [
                "curriculum.csv, line 1: not a triples CSV: its header is course, term, teaches, requires",
                "columns subject, predicate, object, object_kind, datatype, lang",
                "a curriculum CSV is checked with `careerkg gaps FILE`",
            ],
        ),
        (
            "kind.csv",
            HEADER + 'urn:s,urn:p,"two\nlines",literal,,\nurn:s,urn:p,x,text,,\n',
            ["kind.csv, line 4: object_kind must be iri, bnode or literal, not 'text'"],
        ),
        (
            "iri.csv",
            HEADER + "not an iri,urn:p,x,literal,,\n",
            ["iri.csv, line 2: the subject 'not an iri' is not an IRI"],
        ),
        (
            "lang.csv",
            HEADER + "urn:s,urn:p,x,literal,,en gb\n",
            ["lang.csv, line 2: 'en gb' is not a language tag"],
        ),
        (
            "graph.graphml",
            "<graphml/>",
            [
                "graph.graphml: GraphML is the NetworkX projection",
                "cannot be loaded back",
                "export the graph as Turtle, N-Triples, JSON-LD or CSV",
            ],
        ),
    ],
)
def test_a_file_data_cannot_read_is_refused_saying_why(
    tmp_path: Path, runner: CliRunner, name: str, content: str, messages: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["stats", "--data", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    for message in messages:
        assert message in result.stderr


def test_a_csv_not_in_utf8_is_refused_saying_so(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "urn:s,urn:p,café,literal,,fr\n").encode("latin-1"))
    result = runner.invoke(cli, ["stats", "--data", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"careerkg: error: {path}, line 2: not UTF-8 text (byte 0xE9 after 'urn:s,urn:p,caf', "
        "'é' in Windows-1252); save the CSV as UTF-8 (in Excel: CSV UTF-8)\n"
    )


def test_a_triples_csv_saved_by_excel_loads(tmp_path: Path, runner: CliRunner) -> None:
    # Excel's "CSV UTF-8 (semicolon)": a byte-order mark, semicolons, CRLF
    path = tmp_path / "excel.csv"
    row = "https://w3id.org/careerkg/id/skill/python;http://www.w3.org/2004/02/skos/core#altLabel;Py;literal;;en"
    path.write_bytes(("\ufeff" + HEADER.replace(",", ";").strip() + "\r\n" + row + "\r\n").encode("utf-8"))
    store = Store.default([path])
    assert Literal("Py", lang="en") in set(store.graph.objects(SKILL.python, SKOS.altLabel))


def test_an_export_made_with_another_ontology_version_says_so(tmp_path: Path, runner: CliRunner) -> None:
    from kg.store import shipped_ontology_version

    version = shipped_ontology_version()
    assert version is not None
    current = tmp_path / "current.ttl"
    run(runner, "export", "-o", str(current))
    assert not [n for n in Store.default([current]).notes if "ontology" in n]
    # as an export made before the ontology's last release would say
    text = current.read_text(encoding="utf-8")
    stated = f'owl:versionInfo "{version}"'
    assert text.count(stated) == 1
    old = tmp_path / "old.ttl"
    old.write_text(text.replace(stated, 'owl:versionInfo "0.1.0"'), encoding="utf-8")
    result = run(runner, "stats", "--data", str(old))
    assert (
        f"careerkg: note: {old}: made with careerkg ontology 0.1.0; this careerkg ships {version} "
        f"and uses the export's own ontology, so the terms {version} added or changed are not in it"
    ) in result.stderr


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_a_triples_csv_reads_the_same_in_either_backend_and_gzipped(
    tmp_path: Path, runner: CliRunner, backend: str
) -> None:
    import gzip

    ttl, csv_file = tmp_path / "graph.ttl", tmp_path / "graph.csv"
    run(runner, "export", "-o", str(ttl))
    run(runner, "export", "--format", "csv", "-o", str(csv_file))
    zipped = tmp_path / "graph.csv.gz"
    zipped.write_bytes(gzip.compress(csv_file.read_bytes()))
    want = canonical(graph_of(ttl))
    for path in (csv_file, zipped):
        g = new_graph(backend)
        assert load_file(g, path) == len(g) > 7000
        assert take_export_marker(g)
        assert canonical(g) == want, path.name
