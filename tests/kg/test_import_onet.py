"""O*NET import: a tiny hand-made release (n/a cells, gzip, dangling codes), the scale
mapping, the CLI, and the full O*NET 29.3 files (counts checked against the source)."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.cli import _register, cli
from kg.errors import InputFileError
from kg.importers.onet import ONET, ONET_ATTRIBUTION, ONET_MODIFIED, import_onet, map_importance, map_level
from kg.namespace import CKG
from tests.conftest import EXTERNAL, require_path

RATING_HEADER = (
    "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tN\t"
    "Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source"
)


def _rating(
    code: str, eid: str, name: str, scale: str, value: str, suppress: str = "N", nr: str = "n/a"
) -> str:
    return f"{code}\tT\t{eid}\t{name}\t{scale}\t{scale}\t{value}\t8\t0.1\tn/a\tn/a\t{suppress}\t{nr}\t08/2023\tAnalyst"


def make_onet(root: Path) -> Path:
    d = root / "29.3"
    d.mkdir(parents=True)
    (d / "Read Me.txt").write_text("O*NET 29.3 Database\nMay 2025 Release\n")
    (d / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n"
        "15-1252.00\tSoftware Developers\tResearch, design, and develop software.\n"
        "15-2051.00\tData Scientists\tDevelop and implement methods to analyze data.\n"
        "11-1011.00\tChief Executives\tDetermine policies.\n"
    )
    (d / "Alternate Titles.txt").write_text(
        "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n"
        "15-1252.00\tSoftware Developers\tApplication Developer\tn/a\t08\n"
        "15-1252.00\tSoftware Developers\tApplication Developer\tn/a\t09\n"  # duplicate
        "99-9999.99\tGhost\tGhost Title\t\t08\n"  # dangling
    )
    (d / "Content Model Reference.txt").write_text(
        "Element ID\tElement Name\tDescription\n"
        "2.A.1\tContent\tBackground structures\n"
        "2.B.3.e\tProgramming\tWriting computer programs for various purposes.\n"
        "2.B.3\tTechnical Skills\tDesigning, setting-up, operating\n"
        "2.C.4.a\tMathematics\tKnowledge of arithmetic, algebra, statistics.\n"
        "2.C.4\tMathematics and Science\tKnowledge of math and science\n"
    )
    skills = [
        RATING_HEADER,
        _rating("15-1252.00", "2.B.3.e", "Programming", "IM", "4.38"),
        _rating("15-1252.00", "2.B.3.e", "Programming", "LV", "5.25", nr="N"),
        _rating("15-2051.00", "2.B.3.e", "Programming", "IM", "3"),
        _rating("15-2051.00", "2.B.3.e", "Programming", "LV", "3.5", suppress="Y", nr="N"),
        _rating("11-1011.00", "2.B.3.e", "Programming", "IM", "1.5"),  # below the threshold
        _rating("11-1011.00", "2.B.3.e", "Programming", "LV", "0.5", nr="Y"),
        _rating("99-9999.99", "2.B.3.e", "Programming", "IM", "4"),  # dangling
    ]
    (d / "Skills.txt.gz").write_bytes(gzip.compress(("\n".join(skills) + "\n").encode()))
    knowledge = [
        RATING_HEADER,
        _rating("15-2051.00", "2.C.4.a", "Mathematics", "IM", "4.5"),
        _rating("15-2051.00", "2.C.4.a", "Mathematics", "LV", "n/a", nr="N"),  # official n/a cell
    ]
    (d / "Knowledge.txt").write_text("\n".join(knowledge) + "\n")
    (d / "Technology Skills.txt").write_text(
        "O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
        "15-1252.00\tSoftware Developers\tPython\t43232403\tObject or component oriented development software\tY\tY\n"
        "15-2051.00\tData Scientists\tPython\t43232403\tObject or component oriented development software\tY\tN\n"
        "15-2051.00\tData Scientists\tC++\t43232403\tObject or component oriented development software\tN\tN\n"
        "15-2051.00\tData Scientists\tC\t43232403\tObject or component oriented development software\tN\tN\n"
        "15-2051.00\tData Scientists\tSAS\t43232306\tData base user interface and query software\tN\tN\n"
    )
    (d / "Job Zones.txt").write_text(
        "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n15-1252.00\tSD\t4\t08/2023\tAnalyst\n"
        "15-2051.00\tDS\t5\t08/2023\tAnalyst\n"
    )
    (d / "Education, Training, and Experience Categories.txt").write_text(
        "Element ID\tElement Name\tScale ID\tScale Name\tCategory\tCategory Description\n"
        "2.D.1\tRequired Level of Education\tRL\tRL\t6\tBachelor's Degree\n"
        "2.D.1\tRequired Level of Education\tRL\tRL\t8\tMaster's Degree\n"
    )
    (d / "Education, Training, and Experience.txt").write_text(
        "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tCategory\tData Value\tN\n"
        "15-2051.00\tDS\t2.D.1\tRL\tRL\tRL\t6\t40\t10\n"
        "15-2051.00\tDS\t2.D.1\tRL\tRL\tRL\t8\t45.5\t10\n"
        "15-2051.00\tDS\t2.D.4\tRW\tRW\tRW\t3\t90\t10\n"
    )
    (d / "Related Occupations.txt").write_text(
        "O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex\n"
        "15-2051.00\tDS\t15-1252.00\tSD\tPrimary-Short\t1\n"
        "15-2051.00\tDS\t99-9999.99\tGhost\tSupplemental\t20\n"
    )
    return d


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, object]:
    out = io.StringIO()
    report = import_onet(make_onet(tmp_path_factory.mktemp("onet")), out, show_progress=False)
    g = Graph().parse(data=out.getvalue(), format="nt")
    assert len(g) == report.triples
    return g, report


def occ(code: str) -> URIRef:
    return URIRef(ONET[f"occupation/{code}"])


def test_occupations_keep_their_codes(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    sd = occ("15-1252.00")
    assert (sd, RDF.type, CKG.Role) in g
    assert g.value(sd, SKOS.notation) == Literal("15-1252.00")
    assert [str(x) for x in g.objects(sd, SKOS.hiddenLabel)] == ["Application Developer"]  # deduplicated
    assert g.value(sd, CKG.jobZone) == Literal(4)


def test_ratings_map_to_requirements(tiny: tuple[Graph, object]) -> None:
    g, report = tiny
    prog = URIRef(ONET["element/2.B.3.e"])
    maths = URIRef(ONET["element/2.C.4.a"])
    assert g.value(prog, CKG.skillType) == CKG.Competence
    assert g.value(maths, CKG.skillType) == CKG.Knowledge

    def req(code: str, skill: URIRef) -> tuple[URIRef, int, float] | None:
        for q in g.objects(occ(code), CKG.hasRequirement):
            if g.value(q, CKG.requiredSkill) == skill:
                return (
                    g.value(q, CKG.importance),
                    int(g.value(q, CKG.level)),
                    float(g.value(q, CKG.importanceScore)),
                )
        return None

    assert req("15-1252.00", prog) == (CKG.Essential, map_level(5.25), 4.38)
    assert req("15-2051.00", prog) == (CKG.Optional, map_level(3.5), 3.0)
    assert req("15-2051.00", maths) == (CKG.Essential, 3, 4.5)  # LV n/a: the default level
    assert req("11-1011.00", prog) is None  # IM 1.5 is below the threshold
    # each requirement cites O*NET, as the shapes ask of every qualified link
    source = URIRef(report.source_iri)  # type: ignore[attr-defined]
    requirements = set(g.subjects(RDF.type, CKG.Requirement))
    assert requirements
    assert {q for q in requirements if g.value(q, DCTERMS.source) == source} == requirements
    assert (occ("15-1252.00"), CKG.requiresSkill, prog) in g
    assert report.quirks["low-precision-ratings"].count == 1  # type: ignore[attr-defined]
    assert report.quirks["dangling-occupation"].count == 3  # type: ignore[attr-defined]


def test_skills_are_grouped_by_the_content_model(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    area = g.value(URIRef(ONET["element/2.B.3.e"]), CKG.inSkillArea)
    assert g.value(area, SKOS.prefLabel) == Literal("Technical Skills", lang="en")
    assert (area, RDF.type, CKG.SkillArea) in g


def test_technology_skills_become_tools(tiny: tuple[Graph, object]) -> None:
    g, report = tiny
    tools = {str(g.value(t, SKOS.prefLabel)): t for t in g.subjects(RDF.type, CKG.Tool)}
    assert set(tools) == {"Python", "C++", "C", "SAS"}
    assert len(set(tools.values())) == 4  # "C" and "C++" get distinct IRIs
    assert g.value(tools["Python"], CKG.hotTechnology) == Literal(True)
    assert g.value(tools["SAS"], CKG.hotTechnology) == Literal(False)
    skill = g.value(tools["Python"], CKG.supportsSkill)
    assert (skill, RDF.type, CKG.Skill) in g
    assert (occ("15-2051.00"), CKG.usesTool, tools["C++"]) in g
    assert report.notes["technology rows flagged Hot Technology"] == 2  # type: ignore[attr-defined]


def test_education_and_related_occupations(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    ds = occ("15-2051.00")
    assert g.value(ds, CKG.typicalEducation) == Literal("Master's Degree", lang="en")
    assert list(g.objects(ds, CKG.relatedRole)) == [occ("15-1252.00")]
    assert not list(g.triples((None, CKG.progressesTo, None)))


def test_attribution(tiny: tuple[Graph, object]) -> None:
    g, _ = tiny
    src = g.value(occ("15-1252.00"), DCTERMS.source)
    assert str(g.value(src, DCTERMS.rights)) == f"{ONET_ATTRIBUTION} {ONET_MODIFIED}"
    assert g.value(src, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(g.value(src, DCTERMS.hasVersion)) == "29.3"


def test_import_conforms_to_the_shapes(tiny: tuple[Graph, object]) -> None:
    from kg.store import ontology_files
    from kg.validate import validate

    full = Graph()
    for path in ontology_files():
        full.parse(path)
    for t in tiny[0]:
        full.add(t)
    report = validate(full)
    assert report.conforms, report.text


@given(st.floats(min_value=0, max_value=7), st.floats(min_value=0, max_value=7))
def test_level_mapping_is_monotone_and_in_range(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert 1 <= map_level(lo) <= map_level(hi) <= 5


@given(st.floats(min_value=1, max_value=5))
def test_importance_mapping_thresholds(im: float) -> None:
    expected = "essential" if im >= 3.5 else "optional" if im >= 2.5 else None
    assert map_importance(im) == expected


def test_cli_import_onet(tmp_path: Path) -> None:
    _register()
    d = make_onet(tmp_path)
    out = tmp_path / "onet.ttl.gz"
    result = CliRunner().invoke(cli, ["import", "onet", str(d), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "O*NET 29.3" in result.stderr
    assert "dangling-occupation 3" in result.stderr
    g = Graph().parse(data=gzip.decompress(out.read_bytes()), format="turtle")
    assert (occ("15-2051.00"), RDF.type, CKG.Role) in g


def test_cli_missing_occupation_file(tmp_path: Path) -> None:
    _register()
    d = make_onet(tmp_path)
    (d / "Occupation Data.txt").unlink()
    result = CliRunner().invoke(cli, ["import", "onet", str(d)])
    assert result.exit_code == 2
    assert "looked for Occupation Data.txt" in result.stderr


# ---------------------------------------------------------------- the real O*NET 29.3

ONET_DIR = EXTERNAL / "onet" / "29.3"


def _rows(name: str) -> list[list[str]]:
    (path,) = [p for p in ONET_DIR.iterdir() if p.name in (name, name + ".gz")]
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [line.rstrip("\n").split("\t") for line in fh][1:]


@pytest.mark.external
def test_full_onet_counts_match_the_source_files(tmp_path: Path) -> None:
    require_path(ONET_DIR, "O*NET 29.3")
    with open(tmp_path / "onet.nt", "w", encoding="utf-8") as fh:
        report = import_onet(ONET_DIR, fh, show_progress=False)
    occupations, skills, knowledge = _rows("Occupation Data.txt"), _rows("Skills.txt"), _rows("Knowledge.txt")
    tech, related = _rows("Technology Skills.txt"), _rows("Related Occupations.txt")
    unspsc = {row[0]: row[2] for row in _rows("UNSPSC Reference.txt")}  # commodity -> class
    # the figures SOURCE.md documents for this release
    assert (len(occupations), len(skills), len(knowledge)) == (1016, 61530, 58014)
    assert (len(tech), len(related)) == (32681, 18460)
    r = report
    assert r.classes["Role"] == len(occupations)
    assert r.rows["Skills"] == len(skills)
    assert r.rows["Knowledge"] == len(knowledge)
    pairs = {(row[0], row[2]) for row in skills + knowledge}
    assert r.relations["requiresSkill"] + r.notes[
        "ratings below the requirement threshold or not relevant"
    ] == len(pairs)
    assert r.classes["Skill/Competence"] - len({row[3] for row in tech}) == len({row[2] for row in skills})
    assert r.classes["Skill/Knowledge"] == len({row[2] for row in knowledge})
    assert r.classes["Tool"] == len({row[2].casefold() for row in tech})
    assert r.relations["usesTool"] == len({(row[0], row[2].casefold()) for row in tech})
    assert r.notes["technology rows flagged Hot Technology"] == Counter(row[5] for row in tech)["Y"] == 11616
    assert r.relations["relatedRole"] == len(related)
    assert r.relations["jobZone"] == len(_rows("Job Zones.txt")) == 923
    assert {"gzip-input", "low-precision-ratings"} <= set(r.quirks)
    rated = {row[0] for row in skills + knowledge}
    assert r.quirks["unrated-occupations"].count == len({row[0] for row in occupations} - rated) == 137
    assert r.classes["SkillArea"] - len({row[2].rsplit(".", 1)[0] for row in skills + knowledge}) == len(
        {unspsc[row[3]] for row in tech}
    )  # each technology skill in its UNSPSC class
    from kg.importers.onet_crosswalk import ROLE_LINKS, SKILL_LINKS, TOOL_LINKS

    links = [*ROLE_LINKS.values(), *SKILL_LINKS.values(), *TOOL_LINKS.values()]
    for relation in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch):  # every entry names a 29.3 node
        assert r.relations[str(relation).rsplit("#", 1)[-1]] == sum(
            link.relation == relation for link in links
        )


# ---------------------------------------------------------------- audit: what a user meets


def test_cli_folder_of_two_releases_is_refused_not_mixed(tmp_path: Path) -> None:
    """``onet/`` holding 20.3 and 29.3: occupations of one and ratings of the other were mixed."""
    _register()
    make_onet(tmp_path)
    old = tmp_path / "20.3"
    old.mkdir()
    (old / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\tDescription\n15-1031.00\tOld\tOld.\n")
    out = tmp_path / "onet.nt"
    result = CliRunner().invoke(cli, ["import", "onet", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 2
    assert "20.3" in result.stderr
    assert "29.3" in result.stderr
    assert "point at" in result.stderr
    assert not out.exists()


def test_cli_summary_prints_the_attribution(tmp_path: Path) -> None:
    _register()
    result = CliRunner().invoke(
        cli, ["import", "onet", str(make_onet(tmp_path)), "-o", str(tmp_path / "o.nt")]
    )
    assert result.exit_code == 0, result.output
    assert ONET_ATTRIBUTION in result.stderr
    assert ONET_MODIFIED in result.stderr


def test_cli_esco_folder_given_to_onet_says_so(tmp_path: Path) -> None:
    _register()
    esco = tmp_path / "esco"
    esco.mkdir()
    (esco / "occupations_en.csv").write_text("conceptType,conceptUri,preferredLabel\n")
    result = CliRunner().invoke(cli, ["import", "onet", str(esco)])
    assert result.exit_code == 2
    assert "ESCO" in result.stderr
    assert "careerkg import esco" in result.stderr


def test_cli_source_version_must_make_a_valid_iri(tmp_path: Path) -> None:
    """'--source-version "29.3 beta"' wrote an IRI with a space: a broken .nt, a failed store."""
    _register()
    d = make_onet(tmp_path)
    out = tmp_path / "onet.nt"
    result = CliRunner().invoke(
        cli, ["import", "onet", str(d), "--source-version", "29.3 beta", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert "'29.3 beta'" in result.stderr
    assert "e.g. 29.3" in result.stderr
    assert not out.exists()
    ok = CliRunner().invoke(cli, ["import", "onet", str(d), "--source-version", "v29.3-rc_1", "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    Graph().parse(out, format="nt")  # well-formed


def test_cli_store_before_import_is_not_ignored(tmp_path: Path) -> None:
    """'careerkg --store DIR import onet SRC' dumped the whole import on stdout, writing no store."""
    _register()
    d = make_onet(tmp_path)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "kg"), "import", "onet", str(d)])
    assert result.exit_code == 2
    assert f"careerkg import onet {d} --store {tmp_path / 'kg'}" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "kg").exists()


def test_cli_data_with_an_unknown_extension_is_refused_before_importing(tmp_path: Path) -> None:
    _register()
    d = make_onet(tmp_path)
    extra = tmp_path / "extra.csv"
    extra.write_text("a,b\n")
    result = CliRunner().invoke(
        cli, ["import", "onet", str(d), "--store", str(tmp_path / "kg"), "--data", str(extra)]
    )
    assert result.exit_code == 2
    # a CSV is taken when it is a triples CSV (a careerkg export); this one is not
    assert "extra.csv, line 1: not a triples CSV: its header is a, b" in result.stderr
    assert "O*NET 29.3:" not in result.stderr  # said before the import ran


def test_table_cut_mid_line_is_reported(tmp_path: Path) -> None:
    """A plain table cut inside its last column (an interrupted copy) still has every column:
    the publishers' files all end with a line end, so one that does not is reported."""
    d = make_onet(tmp_path)
    path = d / "Occupation Data.txt"
    data = path.read_bytes()
    path.write_bytes(data[: data.index(b"Determine") + 4])  # the last description, cut
    report = import_onet(d, io.StringIO(), show_progress=False)
    quirk = report.quirks["no-final-line-end"]
    assert quirk.count == 1
    assert quirk.examples == ["Occupation Data.txt"]
    assert "no-final-line-end 1" in report.summary()
    clean = import_onet(make_onet(tmp_path / "clean"), io.StringIO(), show_progress=False)
    assert "no-final-line-end" not in clean.quirks


def test_cli_truncated_gzip_says_it_looks_truncated(tmp_path: Path) -> None:
    _register()
    d = make_onet(tmp_path)
    path = d / "Skills.txt.gz"
    path.write_bytes(path.read_bytes()[:-12])  # the end of the stream is missing
    result = CliRunner().invoke(cli, ["import", "onet", str(d), "-o", str(tmp_path / "o.nt")])
    assert result.exit_code == 2
    assert "Skills.txt.gz" in result.stderr
    assert "the compressed file ends early: it looks truncated" in result.stderr
    assert not (tmp_path / "o.nt").exists()


def test_cli_does_not_pour_ntriples_onto_a_terminal(tmp_path: Path) -> None:
    """No -o and no --store on a terminal: say how to save it instead of flooding the screen."""
    import os
    import pty
    import subprocess
    import sys
    import threading

    d = make_onet(tmp_path)
    leader, follower = pty.openpty()
    shown: list[bytes] = []

    def drain() -> None:  # read the terminal, as a terminal would
        while True:
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "kg", "import", "onet", str(d)],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(follower)
        reader.join(5)
        os.close(leader)
    assert run.returncode == 2
    assert b"<https://" not in b"".join(shown)
    message = run.stderr.decode()
    assert "-o FILE" in message
    assert "O*NET 29.3:" not in message  # refused before importing
    piped = subprocess.run(
        [sys.executable, "-m", "kg", "import", "onet", str(d)], capture_output=True, timeout=120, check=False
    )
    assert piped.returncode == 0
    assert piped.stdout.startswith(b"<https://")


def test_a_name_shared_by_a_skill_and_a_knowledge_area_is_told_apart(tmp_path: Path) -> None:
    """O*NET has a skill "Mathematics" (2.A.1.e) and a knowledge area "Mathematics" (2.C.4.a):
    a plan listed "Mathematics 3→4" and "Mathematics 4→5", and the name found only one."""
    d = make_onet(tmp_path)
    (d / "Content Model Reference.txt").write_text(
        (d / "Content Model Reference.txt").read_text()
        + "2.A.1.e\tMathematics\tUsing mathematics to solve problems.\n"
    )
    skills = gzip.decompress((d / "Skills.txt.gz").read_bytes()).decode()
    skills += _rating("15-2051.00", "2.A.1.e", "Mathematics", "IM", "4") + "\n"
    (d / "Skills.txt.gz").write_bytes(gzip.compress(skills.encode()))
    out = io.StringIO()
    report = import_onet(d, out, show_progress=False)
    g = Graph().parse(data=out.getvalue(), format="nt")
    skill, knowledge = URIRef(ONET["element/2.A.1.e"]), URIRef(ONET["element/2.C.4.a"])
    labels = {str(g.value(n, SKOS.prefLabel)) for n in (skill, knowledge)}
    assert len(labels) == 2, labels
    assert all("Mathematics" in label for label in labels)
    assert {str(x) for x in g.objects(skill, SKOS.altLabel)} == {"Mathematics"}
    assert {str(x) for x in g.objects(knowledge, SKOS.altLabel)} == {"Mathematics"}
    # a name used once keeps O*NET's label as it is
    assert g.value(URIRef(ONET["element/2.B.3.e"]), SKOS.prefLabel) == Literal("Programming", lang="en")
    assert report.quirks["shared-element-name"].examples == ["Mathematics"]


def test_occupations_without_ratings_are_reported(tmp_path: Path) -> None:
    """O*NET 29.3 rates no skills for 137 of its 1,016 occupations, Software Developers and Data
    Scientists among them: a path from one started from scratch and nothing said why."""
    d = make_onet(tmp_path)
    (d / "Occupation Data.txt").write_text(
        (d / "Occupation Data.txt").read_text() + "15-1299.07\tBlockchain Engineers\tMaintain blockchains.\n"
    )
    report = import_onet(d, io.StringIO(), show_progress=False)
    quirk = report.quirks["unrated-occupations"]
    assert quirk.count == 1
    assert quirk.examples == ["15-1299.07 Blockchain Engineers"]
    assert "no requirements" in quirk.message
    assert "unrated-occupations 1" in report.summary()


def test_cli_release_on_the_2010_taxonomy_is_refused(tmp_path: Path) -> None:
    """O*NET before 25.1 codes occupations in O*NET-SOC 2010: imported, its codes named other
    occupations than 29.3's under the same IRIs (15-1132.00 was Software Developers, Applications)."""
    _register()
    d = make_onet(tmp_path)
    (d / "Read Me.txt").write_text("O*NET 24.3 Database\nMay 2020 Release\n")
    out = tmp_path / "o.nt"
    result = CliRunner().invoke(cli, ["import", "onet", str(d), "-o", str(out)])
    assert result.exit_code == 2
    message = result.stderr
    assert "O*NET 24.3" in message
    assert "O*NET-SOC 2010" in message
    assert "25.1" in message
    assert "https://www.onetcenter.org/database.html" in message
    assert not out.exists()


def test_release_named_by_the_official_folder(tmp_path: Path) -> None:
    """O*NET's zip unpacks into db_29_3_text/: the release comes from that name too."""
    d = make_onet(tmp_path)
    (d / "Read Me.txt").unlink()
    official = d.rename(tmp_path / "db_29_3_text")
    report = import_onet(official, io.StringIO(), show_progress=False)
    assert report.source == "O*NET 29.3"
    old = official.rename(tmp_path / "db_25_0_text")
    with pytest.raises(InputFileError, match=r"O\*NET 25\.0 .*O\*NET-SOC 2010"):
        import_onet(old, io.StringIO(), show_progress=False)


def test_cli_folder_without_any_skill_table_is_refused(tmp_path: Path) -> None:
    """A folder holding Occupation Data.txt alone (as 20.3/ here, kept for its career-changer
    matrices) imported 1,113 bare occupations and said only "absent optional table"."""
    _register()
    d = tmp_path / "occupations"
    d.mkdir()
    (d / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tx\n"
    )
    (d / "Career Changers Matrix.txt").write_text("O*NET-SOC Code\tRelated O*NET-SOC Code\tIndex\n")
    result = CliRunner().invoke(cli, ["import", "onet", str(d), "-o", str(tmp_path / "o.nt")])
    assert result.exit_code == 2
    message = result.stderr
    for table in ("Skills.txt", "Knowledge.txt", "Technology Skills.txt"):
        assert table in message
    assert "no skills" in message
    assert not (tmp_path / "o.nt").exists()


def test_cli_newer_release_with_renamed_tables_says_so(tmp_path: Path) -> None:
    """O*NET 30.3 renamed its files (O*NET's migration reference lists them): "no Occupation
    Data table" alone left the user guessing whether the folder or the release was wrong."""
    _register()
    d = tmp_path / "db_30_3_text"
    d.mkdir()
    (d / "Read Me.txt").write_text("O*NET 30.3 Database\n")
    (d / "Occupations.txt").write_text("O*NET-SOC Code\tTitle\tDescription\n")
    result = CliRunner().invoke(cli, ["import", "onet", str(d), "-o", str(tmp_path / "o.nt")])
    assert result.exit_code == 2
    message = result.stderr
    assert "looked for Occupation Data.txt" in message
    assert "O*NET 30.3" in message
    assert "renamed" in message
    assert "29.3" in message
    # a 30.3 folder that still has Occupation Data.txt but none of the skill tables' old names
    (d / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\tDescription\n")
    result = CliRunner().invoke(cli, ["import", "onet", str(d), "-o", str(tmp_path / "o.nt")])
    assert result.exit_code == 2
    assert "none of Skills.txt" in result.stderr
    assert "O*NET 30.3 renamed" in result.stderr
    # and one that has them all imports, saying that some tables may have gone unfound
    full = make_onet(tmp_path / "full")
    (full / "Read Me.txt").write_text("O*NET 30.3 Database\n")
    report = import_onet(full, io.StringIO(), show_progress=False)
    assert "O*NET 30.3 renamed" in report.quirks["renamed-release"].message


def test_cli_folder_of_many_releases_lists_a_few(tmp_path: Path) -> None:
    """Pointed at a folder holding many O*NET folders (/tmp), the message listed every one."""
    _register()
    for n in range(6):
        make_onet(tmp_path / f"copy{n}")
    result = CliRunner().invoke(cli, ["import", "onet", str(tmp_path), "-o", str(tmp_path / "o.nt")])
    assert result.exit_code == 2
    message = result.stderr
    assert "copy0/29.3/" in message
    assert "copy5/29.3/" not in message
    assert "and 3 more" in message


def test_technology_skills_are_grouped_by_their_unspsc_class(tmp_path: Path) -> None:
    """The 135 technology skills had no skill area: the overview showed them as one "Other"
    area of 5,400 h, larger than all the rest. UNSPSC Reference gives each its class."""
    d = make_onet(tmp_path)
    (d / "UNSPSC Reference.txt").write_text(
        "Commodity Code\tCommodity Title\tClass Code\tClass Title\tFamily Code\tFamily Title\t"
        "Segment Code\tSegment Title\n"
        "43232403\tObject or component oriented development software\t43232400\tDevelopment software\t"
        "43230000\tSoftware\t43000000\tInformation Technology Broadcasting and Telecommunications\n"
        "43232306\tData base user interface and query software\t43232300\tData management and query software\t"
        "43230000\tSoftware\t43000000\tInformation Technology Broadcasting and Telecommunications\n"
        "10111302\tPet grooming products\t10111300\tDomestic pet treatments\t10110000\tDomestic pet products\t"
        "10000000\tLive Plant and Animal Material\n"
    )
    out = io.StringIO()
    import_onet(d, out, show_progress=False)
    g = Graph().parse(data=out.getvalue(), format="nt")
    areas = {}
    for commodity in ("43232403", "43232306"):
        skill = URIRef(ONET[f"technology/{commodity}"])
        (area,) = g.objects(skill, CKG.inSkillArea)
        assert (area, RDF.type, CKG.SkillArea) in g
        assert (skill, SKOS.broader, area) in g
        areas[commodity] = str(g.value(area, SKOS.prefLabel))
    assert areas == {"43232403": "Development software", "43232306": "Data management and query software"}
    # only the classes of technology skills the release lists become areas
    assert not [
        a for a in g.subjects(RDF.type, CKG.SkillArea) if "Domestic" in str(g.value(a, SKOS.prefLabel))
    ]


def test_reported_titles_are_shown_alternate_titles_only_searched(tmp_path: Path) -> None:
    """O*NET shows an occupation's Sample of Reported Titles and searches its Alternate Titles
    (job-posting titles, many of other jobs: Data Scientists lists "Machine Learning Engineer",
    "Tableau Developer"). As alt labels, all 56,560 were shown as what an occupation is also
    called, and a curated role joined to one was "also called Machine Learning Engineer"."""
    from kg.names import LabelIndex

    d = make_onet(tmp_path)
    (d / "Sample of Reported Titles.txt").write_text(
        "O*NET-SOC Code\tTitle\tReported Job Title\tShown in My Next Move\n"
        "15-1252.00\tSoftware Developers\tSoftware Engineer\tN\n"
        "15-1252.00\tSoftware Developers\tApplication Developer\tY\n"
    )
    out = io.StringIO()
    report = import_onet(d, out, show_progress=False)
    g = Graph().parse(data=out.getvalue(), format="nt")
    sd = occ("15-1252.00")
    assert {str(x) for x in g.objects(sd, SKOS.altLabel)} == {"Software Engineer", "Application Developer"}
    assert not list(g.objects(sd, SKOS.hiddenLabel))  # Application Developer is shown already
    (d / "Sample of Reported Titles.txt").unlink()
    (d / "Alternate Titles.txt").write_text(
        (d / "Alternate Titles.txt").read_text()
        + "15-2051.00\tData Scientists\tMachine Learning Engineer\tn/a\t08\n"
    )
    out = io.StringIO()
    report = import_onet(d, out, show_progress=False)
    g = Graph().parse(data=out.getvalue(), format="nt")
    ds = occ("15-2051.00")
    assert not list(g.objects(ds, SKOS.altLabel))
    assert {str(x) for x in g.objects(ds, SKOS.hiddenLabel)} == {"Machine Learning Engineer"}
    assert report.relations["hiddenLabel"] == 2
    index = LabelIndex.build(g)
    assert index.resolve("Application Developer", CKG.Role) == sd  # still found by name
    assert ds in index.search("machine learning engineer", CKG.Role)
