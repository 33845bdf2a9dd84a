"""The SPARQL page's answers over 1,000 rows: the first are shown and the downloads give
them all. The page refused such an answer ("add a LIMIT") and hid its download buttons,
so an answer of more than 1,000 rows could not be had from the page at all."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.views.query import MAX_ROWS, download, run
from kg.sparql.engine import run_query
from kg.store import Store

ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } # page test"


def test_an_answer_over_the_page_shows_its_first_rows_and_says_how_many(store: Store) -> None:
    total = len(run_query(store, ALL).rows)
    assert total > MAX_ROWS
    data, message = run(store, ALL)
    assert data is not None
    assert len(data["rows"]) == MAX_ROWS
    assert data["total"] == total
    assert message.startswith(f"{total:,} rows ")
    assert message.endswith(f"the first {MAX_ROWS:,} are shown, and the downloads give all {total:,}.")


def test_the_download_of_a_big_answer_has_every_row(store: Store) -> None:
    run(store, ALL)
    out = download(store, ALL, "csv")
    assert out is not None
    rows = list(csv.reader(io.StringIO(out["content"])))
    assert rows[0] == ["s", "p", "o"]
    assert len(rows) - 1 == len(run_query(store, ALL).rows)


def test_a_big_graph_answer_shows_its_first_triples(store: Store) -> None:
    data, message = run(store, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert data is not None
    assert data["graph"]
    assert len(data["rows"]) == MAX_ROWS
    assert data["total"] == len(store)
    assert message.startswith(f"{len(store):,} triples ")


def test_an_answer_under_the_page_limit_has_no_truncation_note(store: Store) -> None:
    data, message = run(store, "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 5")
    assert data is not None
    assert len(data["rows"]) == data["total"] == 5
    assert "shown" not in message


def test_an_answer_over_the_row_cap_asks_for_a_limit(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERKG_SPARQL_MAX_ROWS", "2000")
    data, message = run(store, ALL + " over the cap")
    assert data is None
    assert message.startswith("The answer has more than 2,000 rows")
    assert "LIMIT" in message


def test_no_shipped_example_gets_a_note_on_the_page(store: Store) -> None:
    # the learning-path and hours-to-roles examples were noted "ckf:... is not in the graph"
    from dashboard.views.query import editor_text, example_options

    for option in example_options():
        _data, message = run(store, editor_text(option["value"])[0])
        assert "Note:" not in message, (option["value"], message)
