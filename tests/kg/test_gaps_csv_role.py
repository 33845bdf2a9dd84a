"""The findings CSV says which target role an uncovered skill is essential for, in a column."""

from __future__ import annotations

import csv
import io

from dashboard.views import gaps as view
from kg.curriculum import parse_curriculum
from kg.gaps import find_gaps, report_csv
from kg.store import Store

PLAN = "course,term,teaches,requires\nA,1,SQL,\n"


def test_an_uncovered_skill_row_names_its_role(store: Store) -> None:
    # was: the role only inside the detail text ("essential for 'Data Scientist' (3.8% covered),
    # ..."): a designer filtering the sheet by role, or checking two roles that both need
    # statistics, could not tell the rows apart by a column
    cur = parse_curriculum(PLAN, store, fmt="csv", source="plan.csv")
    report = find_gaps(store, cur, ["Data Scientist", "Data Analyst"])
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    uncovered = [r for r in rows if r["kind"] == "uncovered_skill"]
    stats = [r["role"] for r in uncovered if r["skill"] == "statistics"]
    assert sorted(stats) == ["Data Analyst", "Data Scientist"]
    assert all(r["role"] and f"essential for {r['role']!r}" in r["detail"] for r in uncovered)
    assert all(r["role"] == "" for r in rows if r["kind"] not in {"uncovered_skill", "role_coverage"})


def test_the_pages_csv_download_has_the_column_too() -> None:
    result = view.analyse(Store.default(), PLAN, "csv", "plan.csv", ["Data Analyst"])
    rows = list(csv.DictReader(io.StringIO(result["csv"])))
    assert {r["role"] for r in rows if r["kind"] == "uncovered_skill"} == {"Data Analyst"}


def test_each_target_role_has_a_coverage_row_a_fully_covered_one_too(store: Store) -> None:
    # was: a role whose essential skills were all covered had no row at all, so the sheet
    # could not tell it from a role never checked
    partial = find_gaps(store, parse_curriculum(PLAN, store, fmt="csv", source="plan.csv"), ["Data Analyst"])
    essential = [*partial.coverage[0].uncovered, *partial.coverage[0].taught]
    assert len(essential) == partial.coverage[0].essential > 1
    rows = list(csv.DictReader(io.StringIO(report_csv(partial))))
    [row] = [r for r in rows if r["kind"] == "role_coverage"]
    missing = len(partial.coverage[0].uncovered)
    covered = len(essential) - missing
    assert row["role"] == "Data Analyst"
    assert row["detail"].startswith(
        f"{round(100 * covered / len(essential), 1):g}% ({covered}/{len(essential)}) "
    )
    assert row["suggestion"] == f"see its {missing} uncovered_skill rows"

    everything = "course,term,teaches,requires\n" + "".join(
        f"C{i},1,{n.label},\n" for i, n in enumerate(essential)
    )
    full = find_gaps(
        store, parse_curriculum(everything, store, fmt="csv", source="all.csv"), ["Data Analyst"]
    )
    rows = list(csv.DictReader(io.StringIO(report_csv(full))))
    assert [r for r in rows if r["kind"] == "uncovered_skill"] == []
    [row] = [r for r in rows if r["kind"] == "role_coverage"]
    assert row["role"] == "Data Analyst"
    assert (
        row["detail"]
        == f"100% ({len(essential)}/{len(essential)}) of the essential skills of 'Data Analyst' covered"
    )
    assert row["suggestion"] == ""
