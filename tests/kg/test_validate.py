"""`careerkg validate`: the shipped data conforms; broken copies are reported by node."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kg.cli import _register, cli
from kg.namespace import CKG, ROLE, SKILL
from kg.store import Store
from kg.validate import prerequisite_cycles, validate


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_shipped_data_conforms(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms")


def _broken_copy(tmp_path: Path, default_store: Store, breaker: Callable[[Graph], None]) -> Path:
    g = Graph()
    for t in default_store.graph:
        g.add(t)
    breaker(g)
    path = tmp_path / "copy.ttl"
    g.serialize(path, format="turtle")
    return path


def _add_cycle(g: Graph) -> None:
    # deep learning needs machine learning; make machine learning need deep learning too
    g.add((SKILL["machine-learning"], CKG.hasPrerequisite, SKILL["deep-learning"]))


def _level_seven(g: Graph) -> None:
    req = next(
        r
        for r in g.objects(ROLE["data-scientist"], CKG.hasRequirement)
        if g.value(r, CKG.requiredSkill) == SKILL["python"]
    )
    g.set((req, CKG.level, Literal(7, datatype=XSD.integer)))


def _no_hours(g: Graph) -> None:
    g.remove((SKILL["linear-algebra"], CKG.learningHours, None))


@pytest.mark.parametrize(
    ("breaker", "expected"),
    [
        (_add_cycle, ["prerequisite cycle", "Machine Learning", "Deep Learning"]),
        (
            _level_seven,
            ["requirement Data Scientist -> Python", "level must be one integer from 1 to 5", "7"],
        ),
        (_no_hours, ["Linear Algebra", str(SKILL["linear-algebra"]), "learningHours"]),
    ],
    ids=["cycle", "level-7", "no-hours"],
)
def test_broken_copy_exits_1_naming_the_node(
    tmp_path: Path,
    runner: CliRunner,
    default_store: Store,
    breaker: Callable[[Graph], None],
    expected: list[str],
) -> None:
    path = _broken_copy(tmp_path, default_store, breaker)
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("does not conform")
    for text in expected:
        assert text.casefold() in result.output.casefold(), f"{text!r} not in report:\n{result.output}"


def test_dangling_reference_is_named(default_store: Store) -> None:
    g = Graph()
    for t in default_store.graph:
        g.add(t)
    g.add((SKILL["python"], CKG.hasPrerequisite, SKILL["typing-on-a-keyboard"]))
    report = validate(g)
    dangling = [f for f in report.violations if f.check == "dangling"]
    assert [f.name for f in dangling] == ["Python programming"]
    assert "typing-on-a-keyboard" in dangling[0].message


def test_cycles_are_listed_in_order() -> None:
    g = Graph()
    a, b, c = SKILL["a"], SKILL["b"], SKILL["c"]
    for s, o in ((a, b), (b, c), (c, a)):
        g.add((s, CKG.hasPrerequisite, o))
    (cycle,) = prerequisite_cycles(g)
    assert set(cycle) == {a, b, c}
    i = cycle.index(a)
    assert cycle[(i + 1) % 3] == b, "the cycle follows the prerequisite edges"


def test_json_report(runner: CliRunner, tmp_path: Path, default_store: Store) -> None:
    import json

    path = _broken_copy(tmp_path, default_store, _no_hours)
    result = runner.invoke(cli, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["conforms"] is False
    assert any(f["node"] == str(SKILL["linear-algebra"]) for f in payload["findings"])


def test_misspelt_ckg_terms_are_violations_with_the_closest_term(tmp_path: Path) -> None:
    from kg.validate import validate_files

    typo = tmp_path / "typo.ttl"
    typo.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/careerkg/id/skill/x> a ckg:Skil ; skos:prefLabel "x" ;\n'
        "    ckg:hasPrereq <https://w3id.org/careerkg/id/skill/python> .\n",
        encoding="utf-8",
    )
    report = validate_files([str(typo)], with_default=True)
    assert not report.conforms
    undefined = {f.path: f.message for f in report.findings if f.check == "undefined"}
    assert set(undefined) == {"ckg:Skil", "ckg:hasPrereq"}
    assert "closest: ckg:hasPrerequisite" in undefined["ckg:hasPrereq"]
    assert "closest: ckg:Skill" in undefined["ckg:Skil"]
