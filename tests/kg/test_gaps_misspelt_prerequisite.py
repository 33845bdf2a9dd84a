"""A prerequisite no course teaches, when an earlier course teaches (or the entry
requirements name) an unknown skill whose closest match it is, says that the unknown
name may be it, and the fix starts with writing it so. A designer who wrote 'Pyhton'
in term 1 read "'Machine Learning' (term 2) needs 'Python programming' ... no course
teaches it" with the fix "add it to the entry requirements", two findings apart, and
could take the advice rather than correct the spelling."""

from __future__ import annotations

import csv
import io
import json

from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_csv, report_markdown, report_table
from kg.store import Store

PLAN = (
    "# entry requirements: probability theory; statistics\n"
    "course,term,teaches,requires\n"
    "Intro to Programming,1,Pyhton,\n"
    "Machine Learning,2,machine learning,\n"
)
MAY_BE = "; the unknown skill 'Pyhton' taught by 'Intro to Programming' (term 1) may be it"
FIX = "if 'Pyhton' taught by 'Intro to Programming' (term 1) means 'Python programming', write it so; otherwise "


def _report(store: Store, plan: str = PLAN):  # type: ignore[no-untyped-def]
    return find_gaps(store, parse_curriculum(plan, store, fmt="csv", source="plan.csv"))


def test_the_missing_prerequisite_names_the_unknown_skill_that_may_be_it(store: Store) -> None:
    report = _report(store)
    [finding] = [f for f in report.missing_prerequisites if f.prerequisite.label == "Python programming"]
    assert finding.message == (
        "'Machine Learning' (term 2) needs 'Python programming' (prerequisite of 'machine learning'), "
        "but no course teaches it and it is no entry requirement" + MAY_BE
    )
    assert finding.suggestion.startswith(FIX + "teach 'Python programming' before term 2")
    # every format says it, from the finding
    assert MAY_BE in report_table(report)
    assert "Pyhton" in report_markdown(report).split("## Missing prerequisites")[1].split("##")[0]
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    [row] = [
        r for r in rows if r["kind"] == "missing_prerequisite" and r["prerequisite"] == "Python programming"
    ]
    assert row["detail"].endswith(MAY_BE)
    as_json = json.loads(json.dumps(report.to_dict()))
    [d] = [f for f in as_json["missing_prerequisites"] if f["prerequisite"]["label"] == "Python programming"]
    assert d["may_be_misspelt_as"] == [
        {
            "name": "Pyhton",
            "course": {
                "iri": d["may_be_misspelt_as"][0]["course"]["iri"],
                "label": "Intro to Programming",
                "term": 1,
            },
        }
    ]


def test_an_unknown_entry_requirement_may_be_it_too(store: Store) -> None:
    plan = "# entry requirements: Pyhton; probability theory; statistics\ncourse,term,teaches,requires\nML,1,machine learning,\n"
    [finding] = [
        f for f in _report(store, plan).missing_prerequisites if f.prerequisite.label == "Python programming"
    ]
    assert finding.message.endswith("; the unknown skill 'Pyhton' in the entry requirements may be it")
    assert finding.suggestion.startswith(
        "if 'Pyhton' in the entry requirements means 'Python programming', write it so; otherwise add"
    )


def test_a_misspelling_in_a_later_course_or_of_another_skill_is_not_named(store: Store) -> None:
    later = (
        "# entry requirements: probability theory; statistics\ncourse,term,teaches,requires\n"
        "Machine Learning,1,machine learning,\nIntro to Programming,2,Pyhton,\n"
    )
    [finding] = [
        f for f in _report(store, later).missing_prerequisites if f.prerequisite.label == "Python programming"
    ]
    assert "Pyhton" not in finding.message
    assert "Pyhton" not in finding.suggestion
    other = PLAN.replace("Pyhton", "Sequel")  # closest to SQL, not to Python
    [finding] = [
        f for f in _report(store, other).missing_prerequisites if f.prerequisite.label == "Python programming"
    ]
    assert "may be it" not in finding.message
