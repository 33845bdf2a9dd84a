"""Joining imports to the curated graph on skos:exactMatch, and the acceptance paths over
real ESCO data (a slice of ESCO v1.1.1 for speed; the full files once, marked slow)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.cli import _register, cli
from kg.importers.join import equivalences, join
from kg.namespace import CKG, ROLE, SKILL
from tests.conftest import EXTERNAL, require_path

TTL = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <http://data.europa.eu/esco/> .
<urn:c:python> a ckg:Skill ; skos:prefLabel "Python"@en ; ckg:skillType ckg:Competence ;
    ckg:learningHours 100 ; skos:exactMatch e:python .
<urn:c:dev> a ckg:Role ; skos:prefLabel "Developer"@en ; skos:exactMatch e:dev ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill <urn:c:python> ;
                         ckg:importance ckg:Essential ; ckg:level 4 ] ;
    ckg:requiresSkill <urn:c:python> .
<urn:c:stats> a ckg:Skill ; skos:prefLabel "Statistics"@en ; skos:closeMatch e:stats .
e:python a ckg:Skill ; skos:prefLabel "Python (computer programming)"@en ; skos:altLabel "Py"@en ;
    ckg:skillType ckg:Knowledge ; ckg:learningHours 60.0 ; ckg:isEstimate true ;
    ckg:relatedSkill e:python, e:stats ; skos:broader e:group .
e:stats a ckg:Skill ; skos:prefLabel "statistics"@en .
e:dev a ckg:Role ; skos:prefLabel "software developer"@en ; skos:notation "2512.4" ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill e:python ; ckg:importance ckg:Optional ; ckg:level 2 ] ,
                       [ a ckg:Requirement ; ckg:requiredSkill e:stats ; ckg:importance ckg:Essential ; ckg:level 3 ] ;
    ckg:requiresSkill e:python, e:stats .
e:other ckg:relatedRole e:dev .
"""
E = "http://data.europa.eu/esco/"
C = "urn:c:"


@pytest.fixture
def joined() -> Graph:
    return join(Graph().parse(data=TTL, format="turtle"))


def test_only_same_class_exact_matches_join() -> None:
    g = Graph().parse(data=TTL, format="turtle")
    assert equivalences(g) == {
        URIRef(E + "python"): URIRef(C + "python"),
        URIRef(E + "dev"): URIRef(C + "dev"),
    }


def test_imported_node_disappears_into_the_curated_one(joined: Graph) -> None:
    for e in ("python", "dev"):
        iri = URIRef(E + e)
        assert not list(joined.triples((iri, None, None)))
        assert list(joined.triples((None, None, iri))) == [(URIRef(C + e), SKOS.exactMatch, iri)]
    assert (URIRef(E + "other"), CKG.relatedRole, URIRef(C + "dev")) in joined
    assert (URIRef(C + "python"), SKOS.broader, URIRef(E + "group")) in joined


def test_labels_merge_without_a_second_preferred_label(joined: Graph) -> None:
    py = URIRef(C + "python")
    assert list(joined.objects(py, SKOS.prefLabel)) == [Literal("Python", lang="en")]
    assert {str(x) for x in joined.objects(py, SKOS.altLabel)} == {"Python (computer programming)", "Py"}


def test_curated_values_win(joined: Graph) -> None:
    py = URIRef(C + "python")
    assert list(joined.objects(py, CKG.skillType)) == [CKG.Competence]
    assert [int(x) for x in joined.objects(py, CKG.learningHours)] == [100]
    assert joined.value(py, CKG.isEstimate) is None
    assert (py, CKG.relatedSkill, py) not in joined  # no self-loops


def test_curated_requirement_wins_and_imported_ones_are_added(joined: Graph) -> None:
    dev = URIRef(C + "dev")
    reqs = {
        joined.value(q, CKG.requiredSkill): int(joined.value(q, CKG.level))
        for q in joined.objects(dev, CKG.hasRequirement)
    }
    assert reqs == {URIRef(C + "python"): 4, URIRef(E + "stats"): 3}
    assert len(list(joined.objects(dev, CKG.hasRequirement))) == 2
    assert set(joined.objects(dev, CKG.requiresSkill)) == set(reqs)


def test_close_matches_stay_separate(joined: Graph) -> None:
    assert (URIRef(E + "stats"), SKOS.prefLabel, Literal("statistics", lang="en")) in joined


def test_join_is_pure_unless_inplace() -> None:
    g = Graph().parse(data=TTL, format="turtle")
    n = len(g)
    join(g)
    assert len(g) == n
    assert join(g, inplace=True) is g
    assert not list(g.triples((URIRef(E + "dev"), None, None)))


def test_conflicting_claims_and_chains_resolve_deterministically() -> None:
    g = Graph().parse(
        format="turtle",
        data="""
        @prefix ckg: <https://w3id.org/careerkg/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:b> a ckg:Skill ; skos:exactMatch <urn:x> .
        <urn:a> a ckg:Skill ; skos:exactMatch <urn:x> .
        <urn:x> a ckg:Skill ; skos:exactMatch <urn:y> .
        <urn:y> a ckg:Skill .
        <urn:p> a ckg:Skill ; skos:exactMatch <urn:q> .
        <urn:q> a ckg:Skill ; skos:exactMatch <urn:p> .
        """,
    )
    assert equivalences(g) == {URIRef("urn:x"): URIRef("urn:a"), URIRef("urn:y"): URIRef("urn:a")}


def test_store_load_joins(tmp_path: Path) -> None:
    from kg.store import Store

    store = Store.default()
    (python, esco_python) = next(
        (s, o) for s, o in store.graph.subject_objects(SKOS.exactMatch) if s == SKILL["python"]
    )
    data = tmp_path / "esco.nt"
    data.write_text(
        f"<{esco_python}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CKG.Skill}> .\n"
        f'<{esco_python}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Python (computer programming)"@en .\n'
        f"<urn:role> <{CKG.requiresSkill}> <{esco_python}> .\n",
        encoding="utf-8",
    )
    store.load(data)
    assert (URIRef("urn:role"), CKG.requiresSkill, python) in store.graph
    from kg.names import LabelIndex

    assert LabelIndex.of(store).resolve("Python (computer programming)", CKG.Skill) == python


# ------------------------------------------------------------ acceptance over real ESCO data

ESCO_DIR = EXTERNAL / "esco" / "v1.1.1"


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, header, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)


def esco_slice(dst: Path, isco_prefix: str = "25") -> Path:
    """Real ESCO v1.1.1 rows for the ICT professionals (ISCO 25xx) and the skills they need."""
    src = require_path(ESCO_DIR, "ESCO v1.1.1")
    files = {p.name.removesuffix(".gz"): p for p in src.rglob("*.csv*")}
    h, occ = _read(files["occupations_en.csv"])
    occ = [r for r in occ if r["iscoGroup"].startswith(isco_prefix)]
    _write(dst / "occupations_en.csv", h, occ)
    keep = {r["conceptUri"] for r in occ}
    h, rel = _read(files["occupationSkillRelations.csv"])
    rel = [r for r in rel if r["occupationUri"] in keep]
    _write(dst / "occupationSkillRelations.csv", h, rel)
    skills_kept = {r["skillUri"] for r in rel}
    h, skills = _read(files["skills_en.csv"])
    _write(dst / "skills_en.csv", h, [r for r in skills if r["conceptUri"] in skills_kept])
    for name in ("skillGroups_en.csv", "ISCOGroups_en.csv", "skillsHierarchy_en.csv"):
        h, rows = _read(files[name])
        _write(dst / name, h, rows)
    for name in ("broaderRelationsSkillPillar.csv", "broaderRelationsOccPillar.csv"):
        h, rows = _read(files[name])
        _write(
            dst / name,
            h,
            [
                r
                for r in rows
                if r["conceptUri"] in skills_kept | keep
                or "isco" in r["conceptUri"]
                or ("skill" in r["broaderType"].lower() and r["conceptType"] == "SkillGroup")
            ],
        )
    h, rows = _read(files["skillSkillRelations.csv"])
    _write(
        dst / "skillSkillRelations.csv",
        h,
        [r for r in rows if {r["originalSkillUri"], r["relatedSkillUri"]} <= skills_kept],
    )
    return dst


@pytest.fixture(scope="module")
def esco_nt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _register()
    root = tmp_path_factory.mktemp("esco-slice")
    folder = esco_slice(root / "v1.1.1")
    out = root / "esco.nt"
    result = CliRunner().invoke(cli, ["import", "esco", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _path(args: list[str]) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["path", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.external
def test_path_from_an_esco_occupation_to_a_curated_ml_role(esco_nt: Path) -> None:
    out = _path(["--data", str(esco_nt), "software developer", "machine learning engineer"])
    assert out["source"]["iri"].startswith("http://data.europa.eu/esco/occupation/")  # type: ignore[index]
    assert out["target"]["iri"] == str(ROLE["machine-learning-engineer"])  # type: ignore[index]
    steps = out["steps"]
    iris = {s["iri"] for s in steps}  # type: ignore[union-attr]
    assert str(SKILL["machine-learning"]) in iris
    # what ESCO says a software developer knows counts: skills the curated graph shares
    # with ESCO (joined on exactMatch) start above level 0 or are not steps at all
    store_py = [s for s in steps if s["iri"] == str(SKILL["python"])]  # type: ignore[index]
    assert not store_py or store_py[0]["from_level"] > 0  # type: ignore[index]


@pytest.mark.external
def test_path_between_curated_and_esco_roles_mixes_both_skill_sets(esco_nt: Path) -> None:
    out = _path(["--data", str(esco_nt), "data scientist", "software developer"])
    assert out["source"]["iri"] == str(ROLE["data-scientist"])  # type: ignore[index]
    iris = [s["iri"] for s in out["steps"]]  # type: ignore[union-attr]
    assert any(i.startswith("http://data.europa.eu/esco/skill/") for i in iris)
    assert any(i.startswith(str(SKILL)) for i in iris)  # curated skills that absorbed ESCO ones
    assert out["total_hours"] == pytest.approx(sum(s["hours"] for s in out["steps"]))  # type: ignore[union-attr]


@pytest.mark.external
def test_sparql_and_gaps_work_on_the_imported_graph(esco_nt: Path, tmp_path: Path) -> None:
    query = (
        "SELECT (COUNT(?r) AS ?n) WHERE { ?r a ckg:Role ; skos:notation ?c . FILTER(STRSTARTS(?c, '25')) }"
    )
    result = CliRunner().invoke(cli, ["sparql", "--data", str(esco_nt), query, "--format", "json"])
    assert result.exit_code == 0, result.output
    n = int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])
    assert n >= 60
    curriculum = tmp_path / "c.csv"
    curriculum.write_text("course,term,teaches,requires\nIntro,1,computer programming,\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "gaps",
            str(curriculum),
            "--data",
            str(esco_nt),
            "--target",
            "software developer",
            "--format",
            "json",
        ],
    )
    assert result.exit_code in (0, 1), result.output
    coverage = json.loads(result.stdout)["coverage"]
    assert coverage[0]["role"]["iri"].startswith("http://data.europa.eu/esco/occupation/")
    assert 0 < coverage[0]["percent"] < 100  # the curated skill joined to ESCO's is covered


@pytest.mark.external
@pytest.mark.slow
def test_full_esco_store_gives_both_acceptance_paths(tmp_path_factory: pytest.TempPathFactory) -> None:
    from kg.paths import plan
    from kg.store import Store

    _register()
    folder = tmp_path_factory.mktemp("esco-store") / "kg"
    src = require_path(ESCO_DIR, "ESCO v1.1.1")
    result = CliRunner().invoke(cli, ["import", "esco", str(src), "--store", str(folder)])
    assert result.exit_code == 0, result.output
    store = Store.open(folder)
    first = plan(store, "software developer", "machine learning engineer")
    assert str(first.roles[0]).startswith("http://data.europa.eu/esco/occupation/")
    second = plan(store, "data scientist", "software developer")
    kinds = {str(s.iri).startswith("http://data.europa.eu/esco/") for s in second.steps}
    assert kinds == {True, False}  # ESCO skills and curated skills in one plan
