"""A curriculum checked without a target role: the headline and the tiles say that no
role's essential skills were checked. They said "0 uncovered essential skills" and,
with no other gap, "No gaps found.", which read as a curriculum covering every role it
aims at."""

from __future__ import annotations

from dashboard.views import gaps as view
from kg.store import Store
from tests.support.components import texts

PLAN = "course,term,teaches\nSQL basics,1,SQL\n"


def test_no_target_role_is_said_not_counted_as_nothing_uncovered(store: Store) -> None:
    report = view.analyse(store, PLAN, "csv", "plan.csv")["report"]
    shown = " ".join(texts(view.summary(report)).split())
    assert "0 uncovered essential skills" not in view.verdict(report)
    assert view.verdict(report) == f"No gaps found. {view.NO_TARGET}"
    assert "— uncovered essential skills: no target role" in shown
    tiles = view.summary_tiles(report)
    assert sum(n for n, _label, counted in tiles if counted) == report["gap_count"]


def test_gaps_without_a_target_role_say_so_after_counting_them(store: Store) -> None:
    plan = "course,term,teaches\nDeep,1,deep learning\n"
    report = view.analyse(store, plan, "csv", "plan.csv")["report"]
    said = view.verdict(report)
    assert report["gap_count"] > 0
    assert " found: " in said
    assert "uncovered essential" not in said.removesuffix(view.NO_TARGET)
    assert said.endswith(view.NO_TARGET)


def test_with_a_target_role_the_coverage_is_counted_as_before(store: Store) -> None:
    report = view.analyse(store, PLAN, "csv", "plan.csv", ["Data Analyst"])["report"]
    said = view.verdict(report)
    assert view.NO_TARGET not in said
    assert f"{len(report['uncovered_skills'])} uncovered essential skills" in said
    assert "uncovered essential skills" in [label for _n, label, _c in view.summary_tiles(report)]


def test_the_markdown_download_names_the_pages_box_not_a_command_line_option(store: Store) -> None:
    md = view.analyse(store, PLAN, "csv", "plan.csv")["md"]
    assert "--target" not in md
    assert f"{view.NO_TARGET.split(':')[0]}: {view.DOWNLOAD_NAMES_TARGET}, or a '# target roles:" in md


def test_the_csv_download_names_the_pages_box_not_a_command_line_option(store: Store) -> None:
    csv_text = view.analyse(store, PLAN, "csv", "plan.csv")["csv"]
    assert "--target" not in csv_text
    no_target = view.NO_TARGET.split(":")[0]
    assert f'no_target_role,,,,,"{no_target}",' in csv_text
    assert view.DOWNLOAD_NAMES_TARGET in csv_text
