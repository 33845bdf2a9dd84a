"""`careerkg gaps`: exit codes, formats, --target, --data, and malformed files (exit 2, line named)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import _register, cli
from kg.namespace import CKG, ROLE

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "curricula"

# written against the shipped skills and roles
CLEAN = """\
# curriculum: Clean ML track
# entry requirements: Python programming; calculus; linear algebra; probability theory; statistics
course,term,teaches,requires
Machine Learning,1,machine learning; regression models; supervised learning,Python programming
Neural Networks,2,neural networks,machine learning
Deep Learning,3,deep learning,
"""

GAPPY = """\
# curriculum: Gappy ML track
# entry requirements: Python programming
# target roles: Data Scientist
course,term,teaches,requires
Machine Learning,1,machine learning,
Maths,2,linear algebra;calculus;Pyton,
"""


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# a role whose essential skills CLEAN teaches: no shipped role's are all taught by it
CLEAN_ROLE = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
<https://example.org/role/dl-intern> a ckg:Role ; skos:prefLabel "Deep learning intern"@en ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:deep-learning ;
                         ckg:importance ckg:Essential ; ckg:level 3 ] .
"""


def test_clean_curriculum_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    role = _write(tmp_path, "role.ttl", CLEAN_ROLE)
    args = ["gaps", str(_write(tmp_path, "clean.csv", CLEAN)), "--data", str(role)]
    result = runner.invoke(cli, [*args, "--target", "Deep learning intern"])
    assert result.exit_code == 0, result.output
    assert "0 missing prerequisites, 0 order violations, 0 unknown skills" in result.output
    assert "Deep learning intern  100.0%" in result.output
    # no target role: no gap found, but no role's essential skills were checked (exit 1)
    assert runner.invoke(cli, args).exit_code == 1


def test_summary_counts_in_the_singular_and_plural(runner: CliRunner, tmp_path: Path) -> None:
    text = "course,term,teaches,requires\nIntro,1,Python programming;quantum knitting,\n"
    result = runner.invoke(cli, ["gaps", str(_write(tmp_path, "one.csv", text))])
    assert (
        "1 course over 1 term; 0 missing prerequisites, 0 order violations, 1 unknown skill, "
        in result.output
    )


def test_gaps_exit_1_and_json_shape(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["gaps", str(_write(tmp_path, "gappy.csv", GAPPY)), "--format", "json"])
    assert result.exit_code == 1, result.output
    d = json.loads(result.output)
    assert {"missing_prerequisites", "order_violations", "unknown_skills", "coverage", "duplicates"} <= set(d)
    assert {f["prerequisite"]["label"] for f in d["order_violations"]} == {"linear algebra", "calculus"}
    assert all(f["course"]["label"] == "Machine Learning" and f["suggestion"] for f in d["order_violations"])
    assert [u["name"] for u in d["unknown_skills"]] == ["Pyton"]
    assert d["unknown_skills"][0]["closest"][0] == "Python programming"
    (cov,) = d["coverage"]
    assert cov["role"]["iri"] == str(ROLE["data-scientist"])
    assert 0 < cov["percent"] < 100
    assert cov["uncovered"]


def test_target_option_and_unknown_target(runner: CliRunner, tmp_path: Path) -> None:
    path = str(_write(tmp_path, "clean.csv", CLEAN))
    result = runner.invoke(
        cli,
        [
            "gaps",
            path,
            "--target",
            "machine learning engineer",
            "--target",
            "role:research-scientist",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1  # the targets' uncovered essential skills are gaps
    assert [c["role"]["iri"] for c in json.loads(result.output)["coverage"]] == [
        str(ROLE["machine-learning-engineer"]),
        str(ROLE["research-scientist"]),
    ]
    bad = runner.invoke(cli, ["gaps", path, "--target", "Machine Lerning Enginer"])
    assert bad.exit_code == 2
    assert "closest known labels: 'Machine Learning Engineer'" in bad.output


@pytest.mark.parametrize("name", ["typo.csv", "typo.ttl"])
def test_a_target_given_replaces_a_misspelt_one_of_the_file(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    # the file's target role is misspelt: alone it is refused (exit 2), but --target
    # replaces it, so the check runs (it exited 2 on the file's role all the same)
    text = (
        GAPPY.replace("# target roles: Data Scientist", "# target roles: Data Scientst")
        if name.endswith(".csv")
        else TURTLE_TYPO
    )
    path = str(_write(tmp_path, name, text))
    alone = runner.invoke(cli, ["gaps", path])
    assert alone.exit_code == 2
    assert "target role" in alone.output
    replaced = runner.invoke(cli, ["gaps", path, "--target", "Machine Learning Engineer", "--format", "json"])
    assert replaced.exit_code == 1, replaced.output  # the check ran: the file has gaps
    assert [c["role"]["label"] for c in json.loads(replaced.output)["coverage"]] == [
        "Machine Learning Engineer"
    ]


TURTLE_TYPO = """\
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
<urn:x:cur> a ckg:Curriculum ; rdfs:label "Typo track" ; ckg:targetRole role:data-scientst ;
    ckg:hasCourse <urn:x:ml> .
<urn:x:ml> a ckg:Course ; rdfs:label "Machine Learning" ; ckg:term 1 ; ckg:teaches skill:machine-learning .
"""


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "ttl"])
def test_every_format_shows_the_findings(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    result = runner.invoke(cli, ["gaps", str(_write(tmp_path, "gappy.csv", GAPPY)), "--format", fmt])
    assert result.exit_code == 1, result.output
    if fmt == "ttl":
        g = Graph().parse(data=result.output, format="turtle")
        assert len(list(g.subjects(None, CKG.OrderViolation))) == 2
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert {r["kind"] for r in rows} >= {"order_violation", "unknown_skill", "uncovered_skill"}
    else:
        assert "linear algebra" in result.output
        assert "Pyton" in result.output


def test_data_option_adds_skills(runner: CliRunner, tmp_path: Path) -> None:
    extra = _write(
        tmp_path,
        "extra.ttl",
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://example.org/skill/jax> a ckg:Skill ; skos:prefLabel "JAX programming"@en .\n',
    )
    cur = _write(
        tmp_path,
        "c.csv",
        "# entry requirements: Python programming\ncourse,term,teaches,requires\nJAX,1,JAX programming,\n",
    )
    without = runner.invoke(cli, ["gaps", str(cur)])
    assert without.exit_code == 1
    assert "1 unknown skill" in without.stdout  # unknown without --data
    known = runner.invoke(cli, ["gaps", str(cur), "--data", str(extra)])
    assert "0 unknown skills" in known.stdout
    assert known.exit_code == 1  # no gap, but no target role checked (test_gaps_cli_no_target.py)


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("empty.csv", "", "empty.csv, line 1: empty file"),
        (
            "nocol.csv",
            "course,term,requires\nML,1,machine learning\n",
            "nocol.csv, line 1: missing column(s) 'teaches'",
        ),
        (
            "term.csv",
            "course,term,teaches,requires\nML,1,machine learning,\nDL,two,deep learning,\n",
            "term.csv, line 3: bad term 'two'",
        ),
        (
            "zero.csv",
            "course,term,teaches,requires\nML,0,machine learning,\n",
            "zero.csv, line 2: bad term '0'",
        ),
        (
            "broken.ttl",
            "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n<urn:c> a ckg:Curriculum ;\n  ckg:hasCourse <urn:a>\n<urn:a> ckg:term 1 .\n",
            "broken.ttl, line 4: turtle syntax error: Parser error at line 4 between columns 1 and 8: "
            "A dot is expected at the end of statements\n",  # the place said once (it was repeated)
        ),
    ],
)
def test_malformed_files_exit_2_naming_the_line(
    runner: CliRunner, tmp_path: Path, name: str, text: str, where: str
) -> None:
    result = runner.invoke(cli, ["gaps", str(_write(tmp_path, name, text))])
    assert result.exit_code == 2
    assert f"careerkg: error: {tmp_path / where}" in result.output
    assert "Traceback" not in result.output


def test_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["gaps", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "no such file" in result.output


@pytest.mark.parametrize("name", ["msc-ai-data-science", "ml-bootcamp"])
def test_shipped_examples_in_both_formats_agree(runner: CliRunner, name: str) -> None:
    out = {}
    for ext in ("csv", "ttl"):
        result = runner.invoke(cli, ["gaps", str(SHIPPED / f"{name}.{ext}"), "--format", "json"])
        assert result.exit_code == 1, result.output  # the examples have realistic gaps
        d = json.loads(result.output)
        out[ext] = d
    for key in ("missing_prerequisites", "order_violations", "coverage", "duplicates"):
        assert out["csv"][key] == _strip_courses(out["ttl"][key], out["csv"][key]), key
    assert [u["closest"] for u in out["csv"]["unknown_skills"]] == [
        u["closest"] for u in out["ttl"]["unknown_skills"]
    ]
    assert {c["role"]["iri"] for c in out["csv"]["coverage"]} == {
        str(ROLE["data-scientist"]),
        str(ROLE["machine-learning-engineer"]),
    }


def _strip_courses(ttl: object, csv_: object) -> object:
    """Replace the Turtle file's course IRIs by the CSV's (matched on label and term)."""
    text = json.dumps(ttl)
    iris: dict[str, str] = {}

    def walk(a: object, b: object) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            if "term" in a and "iri" in a and "iri" in b:
                iris[a["iri"]] = b["iri"]
            for k in a.keys() & b.keys():
                walk(a[k], b[k])
        elif isinstance(a, list) and isinstance(b, list):
            for x, y in zip(a, b, strict=False):
                walk(x, y)

    walk(ttl, csv_)
    for old, new in iris.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    return json.loads(text)


def test_msc_example_has_the_expected_realistic_gaps(runner: CliRunner) -> None:
    d = json.loads(
        runner.invoke(cli, ["gaps", str(SHIPPED / "msc-ai-data-science.csv"), "--format", "json"]).output
    )
    ov = {(f["course"]["label"], f["prerequisite"]["label"]) for f in d["order_violations"]}
    # machine learning runs in term 1 alongside the maths it builds on
    assert ("Machine Learning", "linear algebra") in ov
    assert ("Natural Language Processing", "deep learning") in ov
    missing = {(f["course"]["label"], f["prerequisite"]["label"]) for f in d["missing_prerequisites"]}
    assert ("Applied Machine Learning", "decision trees") in missing
    assert d["unknown_skills"] == []


def test_python_m_kg_gaps_runs(tmp_path: Path) -> None:
    path = _write(tmp_path, "clean.csv", CLEAN)
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "gaps", str(path), "--format", "md"],
        capture_output=True,
        text=True,
        check=False,
    )
    # no gap, but no target role: 1, and why on stderr (test_gaps_cli_no_target.py)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("exit status 1: no gap found, but no target role was named"), proc.stderr
    assert proc.stdout.startswith("# Curriculum gaps: Clean ML track")
