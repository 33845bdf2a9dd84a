"""The Gaps page's findings list: every kind of finding the report holds is shown."""

from __future__ import annotations

from pathlib import Path

from dashboard.views import gaps as view
from kg.store import Store
from tests.support.components import texts


def test_a_course_that_teaches_nothing_is_listed_on_the_page() -> None:
    # was: the course counted in the '2 courses' tile and never mentioned
    plan = "course,term,teaches,requires\nA,1,SQL,\nCapstone,2,,SQL\n"
    report = view.analyse(Store.default(), plan, "csv", "plan.csv")["report"]
    text = str(view.findings_list(report))
    assert "Courses that teach no skill (1)" in text
    assert "'Capstone' (term 2) teaches no skill (it requires 'SQL')" in text
    # and only when there is one
    clean = view.analyse(Store.default(), "course,term,teaches,requires\nA,1,SQL,\n", "csv", "p.csv")[
        "report"
    ]
    assert "teach no skill" not in str(view.findings_list(clean))


def test_a_target_role_stating_no_essential_skills_is_said_not_drawn_covered(tmp_path: Path) -> None:
    extra = tmp_path / "new-role.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/careerkg/id/role/new-role> a ckg:Role ; skos:prefLabel "New Role"@en .\n',
        encoding="utf-8",
    )
    store = Store.default(extra=[extra])
    plan = "course,term,teaches,requires\nA,1,SQL,\n"
    report = view.analyse(store, plan, "csv", "plan.csv", ["New Role", "Data Analyst"])["report"]
    text = texts(view.findings_list(report))
    assert "New Role  — the data states no essential skills for it: nothing to cover" in text
    assert "% covered; uncovered:" in text  # the data analyst, as before
    bars = view.coverage_figure(report["coverage"]).data[0]
    assert bars.y[0] == "New Role"
    assert (bars.x[0], bars.text[0]) == (0, "no essential skills stated")
    assert bars.hovertext[0] == "The data states no essential skills for this role"
    assert bars.text[1].endswith(f"({report['coverage'][1]['covered']}/{report['coverage'][1]['essential']})")


def test_roles_chosen_on_the_page_replace_a_misspelt_target_role_of_the_file() -> None:
    plan = "# target roles: Data Scientst\ncourse,term,teaches,requires\nML,1,machine learning,\n"
    alone = view.analyse(Store.default(), plan, "csv", "plan.csv")
    assert alone["report"] is None
    assert "target role" in alone["error"]
    chosen = view.analyse(Store.default(), plan, "csv", "plan.csv", ["Data Analyst"])
    assert chosen["error"] is None
    assert [c["role"]["label"] for c in chosen["report"]["coverage"]] == ["Data Analyst"]


def test_a_skill_taught_through_a_narrower_one_is_said_in_the_list_and_the_chart() -> None:
    plan = "course,term,teaches,requires\nPython 101,1,Python,\n"
    # Data Scientist needs computer programming at level 3, as far as Python programming
    # counts for it (kg.paths.PREREQUISITE_LEVEL; Software Engineer needs level 4)
    report = view.analyse(Store.default(), plan, "csv", "plan.csv", ["Data Scientist"])["report"]
    text = " ".join(texts(view.findings_list(report)).split())
    assert "taught as part of a narrower skill: computer programming (through Python programming)" in text
    [hover] = view.coverage_figure(report["coverage"]).data[0].hovertext
    # the label is wrapped ('<br>  ' within a line), not changed
    said = "Taught as part of a narrower skill: computer programming (through Python programming)"
    assert said in hover.replace("<br>  ", " ")
