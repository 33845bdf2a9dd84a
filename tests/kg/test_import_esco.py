"""ESCO import: tiny hand-made exports for each quirk, v1.2 file names, the CLI, and the
full ESCO v1.1.1 files from ../shared/external (counts checked against the source)."""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.cli import _register, cli
from kg.errors import InputFileError
from kg.importers.esco import ESCO_ATTRIBUTION_ADAPTED, LEARNING_HOURS, REQUIREMENT_LEVEL, import_esco
from kg.namespace import CKG
from tests.conftest import EXTERNAL, require_path

E = "http://data.europa.eu/esco/"
OCC = {
    "dev": E + "occupation/dev",
    "soldier": E + "occupation/soldier",
    "ghost": E + "occupation/ghost",  # named by relations only
}
SK = {k: E + f"skill/{k}" for k in ("python", "debug", "teamwork", "ictsafety", "maths", "group", "group2")}

OCC_HEADER = [
    "conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels",
    "status", "modifiedDate", "regulatedProfessionNote", "scopeNote", "definition", "inScheme",
    "description", "code",
]  # fmt: skip
SKILL_HEADER = [
    "conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
    "hiddenLabels", "status", "modifiedDate", "scopeNote", "definition", "inScheme", "description",
]  # fmt: skip


def _csv(path: Path, header: list[str], rows: list[dict[str, str]], *, gz: bool = False) -> None:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, header, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({h: row.get(h, "") for h in header})
    data = buf.getvalue().encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if gz:
        path = path.with_name(path.name + ".gz")
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)


def make_esco(root: Path, *, v12: bool = False) -> Path:
    """A tiny ESCO export with every quirk: v1.1 layout, or v1.2 names with label columns."""
    cls = root if v12 else root / "classification-en"
    rel = root if v12 else root / "relations"
    suffix = "_en" if v12 else ""
    occupations = [
        {
            "conceptType": "Occupation", "conceptUri": OCC["dev"], "iscoGroup": "2512",
            "preferredLabel": "software developer",
            "altLabels": "software developer\nprogrammer\ncoder",  # multi-line, repeats prefLabel
            "hiddenLabels": "code monkey", "description": "Writes software.\nAnd tests it.",
            "code": "2512.4",
        },
        {
            "conceptType": "Occupation", "conceptUri": OCC["soldier"], "iscoGroup": "0110",
            "preferredLabel": "soldier", "description": "Serves.", "code": "0110.1",
        },
    ]  # fmt: skip
    _csv(cls / "occupations_en.csv", OCC_HEADER, occupations)
    skills = [
        {"conceptType": "KnowledgeSkillCompetence", "conceptUri": SK["python"], "skillType": "knowledge",
         "reuseLevel": "sector-specific", "preferredLabel": "Python (computer programming)",
         "altLabels": "Python", "description": "The language."},
        {"conceptType": "KnowledgeSkillCompetence", "conceptUri": SK["debug"], "skillType": "skill/competence",
         "reuseLevel": "cross-sector", "preferredLabel": "debug software"},
        {"conceptType": "KnowledgeSkillCompetence", "conceptUri": SK["teamwork"], "skillType": "skill/competence",
         "reuseLevel": "transversal", "preferredLabel": "work in teams"},
        {"conceptType": "KnowledgeSkillCompetence", "conceptUri": SK["ictsafety"], "skillType": "",
         "reuseLevel": "", "preferredLabel": "ICT safety"},  # empty skill type
        {"conceptType": "KnowledgeSkillCompetence", "conceptUri": SK["maths"], "skillType": "knowledge",
         "reuseLevel": "cross-sector", "preferredLabel": "mathematics"},
    ]  # fmt: skip
    _csv(cls / "skills_en.csv", SKILL_HEADER, skills, gz=True)  # gzip input
    groups = [
        {"conceptType": "SkillGroup", "conceptUri": SK["group"], "preferredLabel": "computing", "code": "S5"},
        {"conceptType": "SkillGroup", "conceptUri": SK["group2"], "preferredLabel": "working with others"},
    ]
    _csv(
        cls / "skillGroups_en.csv",
        ["conceptType", "conceptUri", "preferredLabel", "description", "code"],
        groups,
    )
    isco = [
        {"conceptType": "ISCOGroup", "conceptUri": E + "isco/C0110", "code": "0110", "preferredLabel": "Armed forces"},
        {"conceptType": "ISCOGroup", "conceptUri": E + "isco/C2512", "code": "2512", "preferredLabel": "Software developers"},
    ]  # fmt: skip
    _csv(
        cls / "ISCOGroups_en.csv",
        ["conceptType", "conceptUri", "code", "preferredLabel", "description"],
        isco,
    )
    rel_rows = [
        (OCC["dev"], "essential", "knowledge", SK["python"]),
        (OCC["dev"], "essential", "skill/competence", SK["debug"]),
        (OCC["dev"], "optional", "skill/competence", SK["teamwork"]),
        (OCC["dev"], "optional", "", SK["ictsafety"]),  # empty skillType in a relation row
        (OCC["soldier"], "essential", "skill/competence", SK["teamwork"]),
        (OCC["ghost"], "essential", "knowledge", SK["maths"]),  # dangling occupation
        (OCC["ghost"], "optional", "knowledge", SK["python"]),
    ]
    if v12:  # third-party v1.2 fixtures: label columns, another column order
        header = ["occupationUri", "occupationLabel", "relationType", "skillType", "skillUri", "skillLabel"]
        rows = [
            {"occupationUri": o, "occupationLabel": "x", "relationType": r, "skillType": t, "skillUri": s, "skillLabel": "y"}
            for o, r, t, s in rel_rows
        ]  # fmt: skip
    else:
        header = ["occupationUri", "relationType", "skillType", "skillUri"]
        rows = [dict(zip(header, r, strict=True)) for r in rel_rows]
    _csv(rel / f"occupationSkillRelations{suffix}.csv", header, rows)
    broader_header = ["conceptType", "conceptUri", "broaderType", "broaderUri"]
    _csv(
        rel / f"broaderRelationsSkillPillar{suffix}.csv",
        broader_header,
        [
            {"conceptUri": SK["python"], "broaderUri": SK["group"]},
            {"conceptUri": SK["teamwork"], "broaderUri": SK["group"]},  # multi-parent
            {"conceptUri": SK["teamwork"], "broaderUri": SK["group2"]},
            {"conceptUri": SK["debug"], "broaderUri": SK["python"]},  # skill -> skill
        ],
    )
    _csv(
        rel / f"broaderRelationsOccPillar{suffix}.csv",
        broader_header,
        [
            {"conceptUri": OCC["dev"], "broaderUri": E + "isco/C2512"},
            {"conceptUri": OCC["soldier"], "broaderUri": E + "isco/C0110"},
            {"conceptUri": OCC["ghost"], "broaderUri": OCC["dev"]},  # dangling
        ],
    )
    _csv(
        rel / f"skillSkillRelations{suffix}.csv",
        ["originalSkillUri", "originalSkillType", "relationType", "relatedSkillType", "relatedSkillUri"],
        [
            {"originalSkillUri": SK["debug"], "relationType": "essential", "relatedSkillUri": SK["python"]},
            {"originalSkillUri": SK["python"], "relationType": "optional", "relatedSkillUri": SK["maths"]},
        ],
    )
    return root


def run_import(directory: Path) -> tuple[Graph, object]:
    out = io.StringIO()
    report = import_esco(directory, out, version="1.1.1", show_progress=False)
    graph = Graph().parse(data=out.getvalue(), format="nt")
    assert len(graph) == report.triples  # no duplicate lines
    return graph, report


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, object]:
    return run_import(make_esco(tmp_path_factory.mktemp("esco")))


def test_occupations_become_roles_with_labels_and_codes(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    dev = URIRef(OCC["dev"])
    assert (dev, RDF.type, CKG.Role) in g
    assert g.value(dev, SKOS.prefLabel) == Literal("software developer", lang="en")
    # multi-line alt labels are split; the repeated preferred label is not an alt label
    assert {str(x) for x in g.objects(dev, SKOS.altLabel)} == {"programmer", "coder"}
    assert {str(x) for x in g.objects(dev, SKOS.hiddenLabel)} == {"code monkey"}
    assert str(g.value(dev, SKOS.definition)) == "Writes software.\nAnd tests it."
    assert str(g.value(dev, SKOS.notation)) == "2512.4"


def test_leading_zero_codes_stay_text(tiny: tuple[Graph, object]) -> None:
    g, report = tiny
    soldier = URIRef(OCC["soldier"])
    code = g.value(soldier, CKG.iscoCode)
    assert code == Literal("0110")  # a plain string, not the integer 110
    assert g.value(soldier, CKG.iscoGroup) == URIRef(E + "isco/C0110")
    assert g.value(URIRef(E + "isco/C0110"), SKOS.notation) == Literal("0110")
    assert "leading-zero-codes" in report.quirks  # type: ignore[attr-defined]


def test_skill_types_and_default_hours(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    kinds = {k: g.value(URIRef(SK[k]), CKG.skillType) for k in ("python", "debug", "teamwork", "ictsafety")}
    assert kinds == {
        "python": CKG.Knowledge,
        "debug": CKG.Competence,
        "teamwork": CKG.SoftSkill,  # transversal skill/competence
        "ictsafety": CKG.Competence,  # empty type: the documented default
    }
    python = URIRef(SK["python"])
    assert float(g.value(python, CKG.learningHours)) == LEARNING_HOURS[("knowledge", "sector-specific")]
    assert g.value(python, CKG.isEstimate) == Literal(True)
    assert g.value(python, CKG.reuseLevel) == URIRef(E + "skill-reuse-level/sector-specific")


def test_requirements_are_qualified_and_have_the_shortcut(tiny: tuple[Graph, object]) -> None:
    g, report = tiny
    dev = URIRef(OCC["dev"])
    reqs = {
        g.value(q, CKG.requiredSkill): (g.value(q, CKG.importance), int(g.value(q, CKG.level)))
        for q in g.objects(dev, CKG.hasRequirement)
    }
    assert reqs == {
        URIRef(SK["python"]): (CKG.Essential, REQUIREMENT_LEVEL["essential"]),
        URIRef(SK["debug"]): (CKG.Essential, REQUIREMENT_LEVEL["essential"]),
        URIRef(SK["teamwork"]): (CKG.Optional, REQUIREMENT_LEVEL["optional"]),
        URIRef(SK["ictsafety"]): (CKG.Optional, REQUIREMENT_LEVEL["optional"]),
    }
    assert set(g.objects(dev, CKG.requiresSkill)) == set(reqs)
    for q in g.objects(dev, CKG.hasRequirement):
        assert (q, RDF.type, CKG.Requirement) in g
    assert report.relations["requiresSkill"] == 5  # type: ignore[attr-defined]
    # each requirement cites ESCO, as the shapes ask of every qualified link
    source = URIRef(report.source_iri)  # type: ignore[attr-defined]
    requirements = set(g.subjects(RDF.type, CKG.Requirement))
    assert requirements
    assert {q for q in requirements if g.value(q, DCTERMS.source) == source} == requirements


def test_dangling_occupation_rows_are_skipped_and_reported(tiny: tuple[Graph, object]) -> None:
    g, report = tiny
    ghost = URIRef(OCC["ghost"])
    assert not list(g.triples((ghost, None, None)))
    assert not list(g.triples((None, None, ghost)))
    quirks = report.quirks  # type: ignore[attr-defined]
    assert quirks["dangling-occupation"].count == 2
    assert quirks["dangling-occupation"].examples == [OCC["ghost"]]
    assert quirks["dangling-broader"].count == 1
    assert quirks["empty-skill-type"].count == 1
    assert quirks["empty-skill-type-in-relation"].count == 1
    assert "dangling-occupation 2" in report.summary()  # type: ignore[attr-defined]


def test_hierarchies_keep_every_parent(tiny: tuple[Graph, object]) -> None:
    g, report = tiny
    teamwork = URIRef(SK["teamwork"])
    assert set(g.objects(teamwork, SKOS.broader)) == {URIRef(SK["group"]), URIRef(SK["group2"])}
    assert set(g.objects(teamwork, CKG.inSkillArea)) == {URIRef(SK["group"]), URIRef(SK["group2"])}
    assert (URIRef(SK["group"]), RDF.type, CKG.SkillArea) in g
    # skill -> skill broader: skos:broader only, not a skill area
    assert (URIRef(SK["debug"]), SKOS.broader, URIRef(SK["python"])) in g
    assert (URIRef(SK["debug"]), CKG.inSkillArea, URIRef(SK["python"])) not in g
    assert (URIRef(OCC["dev"]), SKOS.broader, URIRef(E + "isco/C2512")) in g
    assert report.quirks["multi-parent"].count == 1  # type: ignore[attr-defined]


def test_skill_relations_are_related_not_prerequisites(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    debug, python = URIRef(SK["debug"]), URIRef(SK["python"])
    assert (debug, CKG.relatedSkill, python) in g
    assert (debug, CKG.essentialRelatedSkill, python) in g
    assert (python, CKG.relatedSkill, URIRef(SK["maths"])) in g
    assert not list(g.triples((None, CKG.hasPrerequisite, None)))


def test_attribution_and_licence_are_in_the_graph(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    sources = set(g.objects(URIRef(OCC["dev"]), DCTERMS.source))
    assert len(sources) == 1
    (src,) = sources
    assert (src, RDF.type, CKG.SourceDocument) in g
    assert str(g.value(src, DCTERMS.rights)) == ESCO_ATTRIBUTION_ADAPTED
    assert g.value(src, DCTERMS.license) == URIRef("http://data.europa.eu/eli/dec/2011/833/oj")
    every = {s for s in g.subjects(RDF.type, None) if (s, RDF.type, CKG.SourceDocument) not in g}
    without = [
        s for s in every if g.value(s, RDF.type) != CKG.Requirement and (s, DCTERMS.source, src) not in g
    ]
    assert not without


def test_import_conforms_to_the_shapes(tiny: tuple[Graph, object]) -> None:
    from kg.store import ontology_files
    from kg.validate import validate

    g, _ = tiny
    full = Graph()
    for path in ontology_files():
        full.parse(path)
    for t in g:
        full.add(t)
    report = validate(full)
    assert report.conforms, report.text


def test_v12_names_and_label_columns(tmp_path: Path, tiny: tuple[Graph, object]) -> None:
    g12, report12 = run_import(make_esco(tmp_path, v12=True))
    g11, report11 = tiny
    assert report12.relations == report11.relations  # type: ignore[attr-defined]
    assert set(g12.subject_objects(CKG.requiresSkill)) == set(g11.subject_objects(CKG.requiresSkill))


def test_missing_table_names_what_was_looked_for(tmp_path: Path) -> None:
    root = make_esco(tmp_path)
    next(root.rglob("occupationSkillRelations.csv")).unlink()
    with pytest.raises(
        InputFileError, match=r"looked for occupationSkillRelations\.csv or occupationSkillRelations_en\.csv"
    ):
        import_esco(root, io.StringIO(), show_progress=False)


def test_missing_column_names_the_header(tmp_path: Path) -> None:
    root = make_esco(tmp_path)
    path = next(root.rglob("occupationSkillRelations.csv"))
    path.write_text("occupationUri,kind,skillUri\r\nx,essential,y\r\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"missing column.*relationType.*the header has"):
        import_esco(root, io.StringIO(), show_progress=False)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_cli_writes_ntriples_and_turtle_atomically(tmp_path: Path, runner: CliRunner) -> None:
    root = make_esco(tmp_path / "esco")
    nt, ttl = tmp_path / "out" / "esco.nt", tmp_path / "out" / "esco.ttl"
    for out in (nt, ttl):
        result = runner.invoke(cli, ["import", "esco", str(root), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "dangling-occupation 2" in result.stderr
    a, b = Graph().parse(nt, format="nt"), Graph().parse(ttl, format="turtle")
    assert len(a) == len(b) > 50
    assert sorted(p.name for p in nt.parent.iterdir()) == ["esco.nt", "esco.ttl"]  # no temp files left


def test_cli_failure_leaves_the_old_output(tmp_path: Path, runner: CliRunner) -> None:
    root = make_esco(tmp_path / "esco")
    next(root.rglob("occupations_en.csv")).write_text("conceptUri\r\n", encoding="utf-8")
    out = tmp_path / "esco.nt"
    out.write_text("old\n")
    result = runner.invoke(cli, ["import", "esco", str(root), "-o", str(out)])
    assert result.exit_code == 2
    assert "missing column(s) preferredLabel" in result.stderr
    assert out.read_text() == "old\n"


def test_cli_store_holds_curated_and_imported_data(tmp_path: Path, runner: CliRunner) -> None:
    from kg.store import Store

    root = make_esco(tmp_path / "esco")
    folder = tmp_path / "kgstore"
    for _ in range(2):  # a second import replaces the store
        result = runner.invoke(cli, ["import", "esco", str(root), "--store", str(folder)])
        assert result.exit_code == 0, result.output
    store = Store.open(folder)
    assert store.read_only
    assert (URIRef(OCC["dev"]), RDF.type, CKG.Role) in store.graph
    assert (None, RDF.type, CKG.Role) in store.graph
    assert len(store) > len(Store.default()) - 10  # the curated graph is in too


def test_optimized_store_holds_the_same_graph(tmp_path: Path, runner: CliRunner) -> None:
    from kg.store import Store

    root = make_esco(tmp_path / "esco")
    plain, compacted = tmp_path / "plain", tmp_path / "compacted"
    assert runner.invoke(cli, ["import", "esco", str(root), "--store", str(plain)]).exit_code == 0
    result = runner.invoke(cli, ["import", "esco", str(root), "--store", str(compacted), "--optimize"])
    assert result.exit_code == 0, result.output
    from rdflib.compare import isomorphic

    def copy(folder: Path) -> Graph:
        g = Graph()
        for t in Store.open(folder).graph:
            g.add(t)
        return g

    assert isomorphic(copy(compacted), copy(plain))  # blank nodes are named anew by each import
    refused = runner.invoke(cli, ["import", "esco", str(root), "-o", str(tmp_path / "x.nt"), "--optimize"])
    assert refused.exit_code == 2
    assert "--optimize only applies with --store" in refused.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "esco.json"], "esco.json: unknown output format; name the file .nt, .ttl (optionally .gz)"),
        (["-o", "esco.nt", "--without-curated"], "--without-curated only applies with --store"),
    ],
)
def test_cli_refuses_bad_options_before_importing(
    tmp_path: Path, runner: CliRunner, args: list[str], message: str
) -> None:
    empty = tmp_path / "not-esco"  # importing it would fail: the options are refused first
    empty.mkdir()
    args = [str(tmp_path / a) if a.startswith("esco.") else a for a in args]
    result = runner.invoke(cli, ["import", "esco", str(empty), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-esco"]


def test_cli_without_output_prints_ntriples(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["import", "esco", str(make_esco(tmp_path))])
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout, format="nt")
    assert (URIRef(OCC["dev"]), RDF.type, CKG.Role) in g


# ---------------------------------------------------------------- the real ESCO v1.1.1

ESCO_DIR = EXTERNAL / "esco" / "v1.1.1"


def _rows(name: str) -> list[dict[str, str]]:
    (path,) = [p for p in ESCO_DIR.rglob("*") if p.name in (name, name + ".gz")]
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def esco_full(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    require_path(ESCO_DIR, "ESCO v1.1.1")
    out = tmp_path_factory.mktemp("esco-full") / "esco.nt"
    with open(out, "w", encoding="utf-8") as fh:
        report = import_esco(ESCO_DIR, fh, show_progress=False)
    return out, report


@pytest.mark.external
def test_full_esco_counts_match_the_source_files(esco_full: tuple[Path, object]) -> None:
    _, report = esco_full
    occupations = _rows("occupations_en.csv")
    skills = _rows("skills_en.csv")
    relations = _rows("occupationSkillRelations.csv")
    known = {r["conceptUri"] for r in occupations}
    dangling = Counter(r["relationType"] for r in relations if r["occupationUri"] not in known)
    by_type = Counter(r["relationType"] for r in relations)
    # the figures SOURCE.md documents for this release
    assert (len(occupations), len(skills)) == (3007, 13896)
    assert by_type == {"essential": 64946, "optional": 58909}
    assert sum(dangling.values()) == 67

    assert report.classes["Role"] == len(occupations)  # type: ignore[attr-defined]
    assert report.classes["Skill"] == len(skills)  # type: ignore[attr-defined]
    for kind in ("essential", "optional"):
        assert report.relations[f"requiresSkill/{kind}"] == by_type[kind] - dangling[kind]  # type: ignore[attr-defined]
    q = report.quirks  # type: ignore[attr-defined]
    assert q["dangling-occupation"].count == 67
    assert q["dangling-occupation"].examples == [E + "occupation/a9e54177-a185-404d-b6e6-15663d31137e"]
    assert q["empty-skill-type"].count == sum(1 for r in skills if not r["skillType"])
    assert (
        "http://data.europa.eu/esco/skill/c13fb093-5ffb-491a-b8b7-fa2d42a57e2e"
        in q["empty-skill-type-in-relation"].examples
    )
    assert q["multi-parent"].count == 4646
    assert {"gzip-input", "multi-line-fields", "leading-zero-codes"} <= set(q)


@pytest.mark.external
def test_full_esco_broader_links_match_the_source_files(esco_full: tuple[Path, object]) -> None:
    _, report = esco_full
    skill_pillar = {(r["conceptUri"], r["broaderUri"]) for r in _rows("broaderRelationsSkillPillar.csv")}
    occ_pillar = {(r["conceptUri"], r["broaderUri"]) for r in _rows("broaderRelationsOccPillar.csv")}
    known_occ = {r["conceptUri"] for r in _rows("occupations_en.csv")}
    occ_kept = {(c, b) for c, b in occ_pillar if c in known_occ or "/isco/" in c}
    skill_to_group = sum(
        1
        for r in _rows("broaderRelationsSkillPillar.csv")
        if r["broaderType"] == "SkillGroup" and r["conceptType"] == "KnowledgeSkillCompetence"
    )
    assert report.relations["broader"] == len(skill_pillar) + len(occ_kept)  # type: ignore[attr-defined]
    assert report.relations["inSkillArea"] == skill_to_group  # type: ignore[attr-defined]
    assert report.relations["relatedSkill"] == len(_rows("skillSkillRelations.csv"))  # type: ignore[attr-defined]


@pytest.mark.external
def test_full_esco_file_parses_to_the_reported_triples(esco_full: tuple[Path, object]) -> None:
    import pyoxigraph

    path, report = esco_full
    roles = 0
    n = 0
    role_type = pyoxigraph.NamedNode(str(CKG.Role))
    for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES):
        n += 1
        roles += quad.object == role_type
    assert n == report.triples  # type: ignore[attr-defined]
    assert roles == 3007


def test_attributions_lists_the_esco_statement(tiny: tuple[Graph, object]) -> None:
    from kg.importers.attribution import attributions

    (only,) = attributions(tiny[0])
    assert only.rights == ESCO_ATTRIBUTION_ADAPTED
    assert only.title == "ESCO classification v1.1.1"


def test_cli_progress_bars_can_be_forced(tmp_path: Path, runner: CliRunner) -> None:
    root = make_esco(tmp_path)
    shown = runner.invoke(cli, ["import", "esco", str(root), "--progress", "-o", str(tmp_path / "a.nt")])
    hidden = runner.invoke(cli, ["import", "esco", str(root), "-o", str(tmp_path / "b.nt")])
    assert shown.exit_code == hidden.exit_code == 0
    assert "occupationSkillRelations" in shown.stderr
    assert "rows/s" in shown.stderr  # tqdm's rate
    assert "rows/s" not in hidden.stderr


# ---------------------------------------------------------------- audit: what a user meets


def test_cli_store_refuses_a_folder_that_is_not_a_store(tmp_path: Path, runner: CliRunner) -> None:
    """--store onto a folder of the user's own files must not replace (delete) it."""
    root = make_esco(tmp_path / "esco")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("precious\n")
    result = runner.invoke(cli, ["import", "esco", str(root), "--store", str(mine)])
    assert result.exit_code == 2
    assert "is not a careerkg store" in result.stderr
    assert "notes.txt" in result.stderr
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]
    assert (mine / "notes.txt").read_text() == "precious\n"
    # the source folder itself is refused too, and survives
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = runner.invoke(cli, ["import", "esco", str(root), "--store", str(root)])
    assert result.exit_code == 2
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_cli_store_accepts_an_empty_folder_and_an_earlier_store(tmp_path: Path, runner: CliRunner) -> None:
    root = make_esco(tmp_path / "esco")
    empty = tmp_path / "empty"
    empty.mkdir()
    for _ in range(2):  # an empty folder, then the store written there
        result = runner.invoke(cli, ["import", "esco", str(root), "--store", str(empty)])
        assert result.exit_code == 0, result.output
    assert (empty / "CURRENT").is_file()


def test_truncated_csv_is_an_error_not_a_short_import(tmp_path: Path) -> None:
    """A file cut inside a quoted field (an interrupted download) must not import quietly."""
    root = make_esco(tmp_path)
    path = next(root.rglob("occupations_en.csv"))
    data = path.read_bytes()
    path.write_bytes(data[: data.index(b"And tests it.")])  # ends inside the quoted description
    with pytest.raises(InputFileError, match=r"occupations_en\.csv, line \d+: .*ends inside a quoted field"):
        import_esco(root, io.StringIO(), show_progress=False)


def test_csv_cut_mid_record_is_an_error(tmp_path: Path) -> None:
    root = make_esco(tmp_path)
    path = next(root.rglob("occupationSkillRelations.csv"))
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b",")])  # the last record loses its last column and line end
    with pytest.raises(InputFileError, match=r"occupationSkillRelations\.csv, line \d+: .*truncated"):
        import_esco(root, io.StringIO(), show_progress=False)


def test_cli_summary_prints_the_attribution(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["import", "esco", str(make_esco(tmp_path)), "-o", str(tmp_path / "e.nt")])
    assert result.exit_code == 0, result.output
    assert ESCO_ATTRIBUTION_ADAPTED in result.stderr


def test_cli_onet_folder_given_to_esco_says_so(tmp_path: Path, runner: CliRunner) -> None:
    onet = tmp_path / "onet"
    onet.mkdir()
    (onet / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\tDescription\n")
    result = runner.invoke(cli, ["import", "esco", str(onet), "-o", str(tmp_path / "e.nt")])
    assert result.exit_code == 2
    assert "O*NET" in result.stderr
    assert "careerkg import onet" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_table_names_the_closest_files(tmp_path: Path) -> None:
    root = make_esco(tmp_path)
    path = next(root.rglob("occupations_en.csv"))
    path.rename(path.with_name("occupation_en.csv"))  # a typo
    with pytest.raises(InputFileError, match=r"closest files here: .*occupation_en\.csv"):
        import_esco(root, io.StringIO(), show_progress=False)


def test_missing_required_table_is_said_before_reading_the_others(tmp_path: Path) -> None:
    root = make_esco(tmp_path)
    next(root.rglob("occupationSkillRelations.csv")).unlink()
    out = io.StringIO()
    with pytest.raises(InputFileError, match="occupationSkillRelations"):
        import_esco(root, out, show_progress=False)
    assert out.getvalue() == ""  # refused up front, nothing read or written


def test_folder_holding_two_releases_is_refused(tmp_path: Path) -> None:
    """Tables from two releases side by side must not be mixed silently."""
    make_esco(tmp_path / "v1.1.1")
    make_esco(tmp_path / "v1.1.2")
    with pytest.raises(InputFileError, match=r"v1\.1\.1.*v1\.1\.2.*point at"):
        import_esco(tmp_path, io.StringIO(), show_progress=False)


def test_cli_ctrl_c_says_what_was_left(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during the store load: one line saying the old store is untouched, exit 130."""
    import kg.importers.store as store_module

    root = make_esco(tmp_path / "esco")
    folder = tmp_path / "kgstore"
    assert runner.invoke(cli, ["import", "esco", str(root), "--store", str(folder)]).exit_code == 0
    before = sorted(p.name for p in folder.iterdir())
    real = store_module.pyoxigraph.Store

    def interrupted(path: str) -> object:
        real(path)  # the new store is being written aside...
        raise KeyboardInterrupt  # ...when the user presses Ctrl-C

    monkeypatch.setattr(store_module.pyoxigraph, "Store", interrupted)
    result = runner.invoke(cli, ["import", "esco", str(root), "--store", str(folder)])
    assert result.exit_code == 130
    assert (
        result.stderr.splitlines()[-1]
        == f"careerkg: interrupted; nothing more was written ({folder} left as it was)"
    )
    assert "loading the store" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["esco", "kgstore"]  # nothing aside left


def test_bom_before_a_quoted_header_is_read(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" starts with a byte-order mark; a quoted first column name kept its quotes."""
    root = make_esco(tmp_path)
    path = next(root.rglob("occupationSkillRelations.csv"))
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    head = ",".join(f'"{h}"' for h in lines[0].split(","))
    path.write_bytes(("\ufeff" + "\r\n".join([head, *lines[1:]])).encode("utf-8"))
    _, report = run_import(root)
    assert report.relations["requiresSkill"] == 5  # type: ignore[attr-defined]


def test_semicolon_separated_csv_says_so(tmp_path: Path) -> None:
    """A CSV saved by a spreadsheet in a locale that separates with ';'."""
    root = make_esco(tmp_path)
    path = next(root.rglob("occupationSkillRelations.csv"))
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    with pytest.raises(InputFileError, match=r"separated by ';'.*commas"):
        import_esco(root, io.StringIO(), show_progress=False)


def test_non_utf8_csv_says_what_would_be_right(tmp_path: Path) -> None:
    root = make_esco(tmp_path)
    path = next(root.rglob("occupations_en.csv"))
    path.write_bytes(path.read_bytes().replace(b"soldier", "soldat\u00e9".encode("latin-1")))
    with pytest.raises(InputFileError, match=r"line \d+: not UTF-8 text .*save it as UTF-8"):
        import_esco(root, io.StringIO(), show_progress=False)


def test_cli_store_refuses_the_same_import_again_as_data(tmp_path: Path, runner: CliRunner) -> None:
    """'--data esco.nt' with the ESCO import it came from loaded every requirement twice."""
    root = make_esco(tmp_path / "esco")
    earlier = tmp_path / "esco.nt.gz"
    v = ["--source-version", "1.1.1"]
    assert runner.invoke(cli, ["import", "esco", str(root), *v, "-o", str(earlier)]).exit_code == 0
    folder = tmp_path / "kgstore"
    result = runner.invoke(
        cli, ["import", "esco", str(root), *v, "--store", str(folder), "--data", str(earlier)]
    )
    assert result.exit_code == 2
    assert f"{earlier} holds this same import (ESCO v1.1.1)" in result.stderr
    assert not folder.exists()
    other = tmp_path / "other.nt"
    other.write_text('<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "a" .\n')
    result = runner.invoke(cli, ["import", "esco", str(root), "--store", str(folder), "--data", str(other)])
    assert result.exit_code == 0, result.output
