"""A skill whose data gives no learning hours is planned with assumed hours, and says so."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import _register, cli
from kg.project import DEFAULT_HOURS

NO_HOURS = """
@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<urn:x:q> a ckg:Skill ; skos:prefLabel "Quantum ML" .
<urn:x:c> a ckg:Skill ; skos:prefLabel "Classical ML" ; ckg:learningHours 30 .
<urn:x:r> a ckg:Role ; skos:prefLabel "Quantum Engineer" ;
  ckg:hasRequirement [ ckg:requiredSkill <urn:x:q> ; ckg:level 3 ; ckg:importance ckg:Essential ] ,
                     [ ckg:requiredSkill <urn:x:c> ; ckg:level 3 ; ckg:importance ckg:Essential ] .
"""


def test_assumed_hours_are_flagged_in_every_format(tmp_path: Path) -> None:
    data = tmp_path / "q.ttl"
    data.write_text(NO_HOURS)
    _register()
    runner = CliRunner()
    args = ["path", "-", "Quantum Engineer", "--data", str(data)]
    d = json.loads(runner.invoke(cli, [*args, "--format", "json"]).output)
    flags = {s["label"]: s["hours_estimated"] for s in d["steps"]}
    assert flags == {"Classical ML": False, "Quantum ML": True}
    note = f"the data gives no learning hours for Quantum ML; {DEFAULT_HOURS:g} h to level 3 is assumed"
    table = runner.invoke(cli, args, env={"COLUMNS": "1000"}).output
    assert note in table
    md = runner.invoke(cli, [*args, "--format", "md"]).output
    assert note in md
    shipped = runner.invoke(
        cli, ["path", "Software Engineer", "Data Scientist"], env={"COLUMNS": "1000"}
    ).output
    assert "is assumed" not in shipped
    assert "are assumed" not in shipped
