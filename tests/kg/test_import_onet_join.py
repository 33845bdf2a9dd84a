"""O*NET joined to the curated graph: the same job, skill or product is one node
(``skos:exactMatch`` from the crosswalk the importer writes), a merely similar job is
only ``skos:closeMatch``-ed, and paths from an O*NET occupation that is a curated role
are the curated role's paths."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from kg.cli import _register, cli
from kg.importers.onet import ONET, import_onet, map_level
from kg.namespace import CKG, ROLE, SKILL, TOOL
from tests.kg.test_import_onet import RATING_HEADER, _rating, make_onet

CIRS = "15-1221.00"  # Computer and Information Research Scientists: like Research Scientist, not it


def _append(path: Path, *lines: str) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))


def make_onet_ml(root: Path) -> Path:
    """The tiny release of test_import_onet, plus the O*NET side of the ML jobs."""
    d = make_onet(root)
    _append(
        d / "Occupation Data.txt",
        f"{CIRS}\tComputer and Information Research Scientists\tConduct research into fundamental computer "
        "and information science as theorists, designers, or inventors.",
    )
    _append(
        d / "Alternate Titles.txt",
        "15-2051.00\tData Scientists\tMachine Learning Engineer\tn/a\t08",  # O*NET's title list, not a join
        f"{CIRS}\tComputer and Information Research Scientists\tResearch Scientist\tn/a\t08",
    )
    skills = gzip.decompress((d / "Skills.txt.gz").read_bytes()).decode()
    skills += (
        "\n".join(
            [
                _rating(CIRS, "2.B.3.e", "Programming", "IM", "4.12"),
                _rating(CIRS, "2.B.3.e", "Programming", "LV", "4.75", nr="N"),
                _rating(CIRS, "2.B.2.i", "Complex Problem Solving", "IM", "4"),
                _rating(CIRS, "2.B.2.i", "Complex Problem Solving", "LV", "5", nr="N"),
            ]
        )
        + "\n"
    )
    assert skills.startswith(RATING_HEADER)
    (d / "Skills.txt.gz").write_bytes(gzip.compress(skills.encode()))
    tech = "43232605\tAnalytical or scientific software"
    _append(
        d / "Technology Skills.txt",
        f"15-2051.00\tData Scientists\tPyTorch\t{tech}\tY\tY",
        f"15-2051.00\tData Scientists\tJupyter Notebook\t{tech}\tY\tN",
        f"{CIRS}\tComputer and Information Research Scientists\tPyTorch\t{tech}\tY\tN",
    )
    return d


@pytest.fixture(scope="module")
def onet_nt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _register()
    root = tmp_path_factory.mktemp("onet-ml")
    out = root / "onet.nt"
    result = CliRunner().invoke(cli, ["import", "onet", str(make_onet_ml(root)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def joined(onet_nt: Path):  # type: ignore[no-untyped-def]
    from kg.store import Store

    return Store.default([onet_nt])


def _path(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["path", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def occ(code: str) -> URIRef:
    return URIRef(ONET[f"occupation/{code}"])


def test_software_developers_is_the_curated_software_engineer(onet_nt: Path) -> None:
    """O*NET's Software Developers is the job careerkg calls Software Engineer: the path from it
    is the curated one (a career step, the curated skills), not a plan from scratch."""
    onet = _path("--data", str(onet_nt), "Software Developers", "Machine Learning Engineer")
    curated = _path("Software Engineer", "Machine Learning Engineer")
    assert onet["source"] == curated["source"]
    assert onet["source"]["iri"] == str(ROLE["software-engineer"])  # type: ignore[index]
    assert onet["roles"] == curated["roles"]
    assert not onet["switch"]
    assert [s["iri"] for s in onet["steps"]] == [s["iri"] for s in curated["steps"]]  # type: ignore[union-attr]
    assert onet["total_hours"] == curated["total_hours"]


def test_data_scientists_is_one_node_with_the_curated_data_scientist(joined) -> None:  # type: ignore[no-untyped-def]
    from kg.names import LabelIndex

    g = joined.graph
    ds = ROLE["data-scientist"]
    assert LabelIndex.of(joined).resolve("Data Scientists", CKG.Role) == ds
    assert not list(g.triples((occ("15-2051.00"), None, None)))  # absorbed
    assert (ds, SKOS.exactMatch, occ("15-2051.00")) in g
    assert (ds, CKG.jobZone, None) in g  # O*NET's facts now describe the curated role
    assert (ds, CKG.usesTool, TOOL["pytorch"]) in g  # and O*NET's PyTorch is the curated PyTorch
    assert (ds, CKG.usesTool, TOOL["jupyter"]) in g
    onet_tools = {str(t) for t in g.subjects(RDF.type, CKG.Tool) if str(t).startswith(str(ONET))}
    assert not {t for t in onet_tools if t.rsplit("/", 1)[-1] in ("pytorch", "jupyter-notebook")}


def test_a_similar_job_is_close_not_the_same(joined) -> None:  # type: ignore[no-untyped-def]
    """Computer and Information Research Scientists resembles Research Scientist (a closeMatch)
    but is a broader US occupation: it stays a node of its own. O*NET listing "Machine Learning
    Engineer" among the Data Scientists' alternate titles joins nothing."""
    from kg.names import LabelIndex

    g = joined.graph
    index = LabelIndex.of(joined)
    assert index.resolve("Computer and Information Research Scientists", CKG.Role) == occ(CIRS)
    assert (ROLE["research-scientist"], SKOS.closeMatch, occ(CIRS)) in g
    assert (ROLE["research-scientist"], SKOS.exactMatch, occ(CIRS)) not in g
    assert (occ(CIRS), RDF.type, CKG.Role) in g
    mle = ROLE["machine-learning-engineer"]
    assert index.resolve("Machine Learning Engineer", CKG.Role) == mle
    assert not [o for o in g.objects(mle, SKOS.exactMatch) if str(o).startswith(str(ONET))]
    # O*NET's alternate title is searchable on the joined Data Scientist, not shown as its name
    shown = {str(x) for x in g.objects(ROLE["data-scientist"], SKOS.altLabel)}
    assert "Machine Learning Engineer" not in shown
    assert "Data Scientists" in shown


def test_onet_skills_that_are_curated_skills_are_joined(joined) -> None:  # type: ignore[no-untyped-def]
    """O*NET's Programming is careerkg's computer programming: an occupation rated on it
    requires the curated skill, at the level its LV maps to."""
    g = joined.graph
    levels = {
        g.value(q, CKG.requiredSkill): int(g.value(q, CKG.level))
        for q in g.objects(occ(CIRS), CKG.hasRequirement)
    }
    assert levels[SKILL["computer-programming"]] == map_level(4.75)
    assert levels[SKILL["problem-solving"]] == map_level(5)
    assert (URIRef(ONET["element/2.B.3.e"]), None, None) not in g


def test_path_from_a_rated_occupation_credits_the_joined_skills(onet_nt: Path) -> None:
    out = _path("--data", str(onet_nt), "Computer and Information Research Scientists", "Software Engineer")
    steps = {s["iri"]: s for s in out["steps"]}  # type: ignore[union-attr]
    programming = steps.get(str(SKILL["computer-programming"]))
    assert programming is None or programming["from_level"] == map_level(4.75)


def test_crosswalk_needs_the_same_title(tmp_path: Path) -> None:
    """A code alone is not enough (codes are reused across O*NET-SOC taxonomies): a release
    whose 15-2051.00 is another occupation joins nothing to the curated Data Scientist."""
    d = make_onet_ml(tmp_path)
    path = d / "Occupation Data.txt"
    path.write_text(path.read_text().replace("Data Scientists", "Statisticians"))
    out = io.StringIO()
    report = import_onet(d, out, show_progress=False)
    g = Graph().parse(data=out.getvalue(), format="nt")
    assert (ROLE["data-scientist"], SKOS.exactMatch, occ("15-2051.00")) not in g
    assert (ROLE["software-engineer"], SKOS.exactMatch, occ("15-1252.00")) in g
    assert report.relations["exactMatch"] == len(list(g.triples((None, SKOS.exactMatch, None))))


def test_joined_graph_conforms_to_the_shapes(joined) -> None:  # type: ignore[no-untyped-def]
    """Merging O*NET nodes into curated ones keeps one value where the shapes allow one
    (job zone, education, hot-technology flag, learning hours, one requirement per skill)."""
    from kg.validate import validate

    report = validate(joined.graph)
    assert report.conforms, report.text


def test_crosswalk_names_curated_nodes_of_the_right_class(default_store) -> None:  # type: ignore[no-untyped-def]
    from kg.importers.onet_crosswalk import ROLE_LINKS, SKILL_LINKS, TOOL_LINKS

    g = default_store.graph
    for links, cls in ((ROLE_LINKS, CKG.Role), (SKILL_LINKS, CKG.Skill), (TOOL_LINKS, CKG.Tool)):
        for key, link in links.items():
            assert (link.curated, RDF.type, cls) in g, (
                f"{key}: {link.curated} is no {cls} of the curated data"
            )
    curated_tools = [link.curated for link in TOOL_LINKS.values()]
    assert len(curated_tools) == len(set(curated_tools))  # one O*NET product per curated tool


@pytest.mark.external
def test_crosswalk_matches_onet_29_3() -> None:
    """Every code, element and product the crosswalk names is in O*NET 29.3 with that title."""
    import csv

    from kg.importers.onet_crosswalk import ROLE_LINKS, SKILL_LINKS, TOOL_LINKS
    from tests.conftest import EXTERNAL, require_path

    src = require_path(EXTERNAL / "onet" / "29.3", "O*NET 29.3")

    def column(name: str, key: str, value: str) -> dict[str, str]:
        with open(src / name, encoding="utf-8", newline="") as fh:
            return {r[key]: r[value] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}

    titles = column("Occupation Data.txt", "O*NET-SOC Code", "Title")
    elements = column("Content Model Reference.txt", "Element ID", "Element Name")
    examples = {e.casefold(): e for e in column("Technology Skills.txt", "Example", "Example")}
    for code, link in ROLE_LINKS.items():
        assert link.applies(titles[code]), (code, titles[code])
    for eid, link in SKILL_LINKS.items():
        assert link.applies(elements[eid]), (eid, elements[eid])
    for key, link in TOOL_LINKS.items():
        assert link.applies(examples[key]), key
