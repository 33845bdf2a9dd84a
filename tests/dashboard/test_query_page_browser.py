"""The SPARQL, Overview and About pages in a real headless Chromium against a real
``careerkg serve``, as a data person and a career switcher use them: big results,
the keyboard, links from result cells and chart bars into the explorer, downloads.

One server per module; each test opens its own page and fails when the page logged a
console error or raised. Each test waits for the very output it asserts.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.dashboard.test_browser import Page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def _message(page: Page, text: str, timeout: float = 15_000) -> None:
    page.page.wait_for_function(
        "(text) => (document.getElementById('query-message')?.textContent || '').includes(text)",
        arg=text,
        timeout=timeout,
    )


def _rows(page: Page, n: int, timeout: float = 15_000) -> None:
    page.page.wait_for_function(
        "(n) => document.querySelectorAll('#query-table tbody tr').length === n", arg=n, timeout=timeout
    )


def _write(page: Page, query: str) -> None:
    """Open the SPARQL page and put ``query`` in its editor."""
    page.goto("/query")
    page.page.wait_for_selector("#query-editor")
    page.page.fill("#query-editor", query)


def test_a_thousand_rows_show_within_seconds(page: Page) -> None:
    # a table of Dash components took 1.2 s for 100 rows, 11 s for 300 and over a
    # minute for 700 (the renderer is quadratic in components): the page froze
    _write(page, "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?s)) } ORDER BY ?s ?p ?o LIMIT 1000")
    page.page.click("#query-run")
    _message(page, "1,000 rows")
    _rows(page, 1000, timeout=10_000)
    # IRIs in prefixed form, with the full IRI on hover
    first = page.page.locator("#query-table tbody tr").first.locator("td").first
    assert ":" in first.inner_text()
    assert (first.locator("[title]").first.get_attribute("title") or "").startswith("http")


def test_ctrl_enter_runs_the_query(page: Page) -> None:
    _write(page, "SELECT ?r WHERE { ?r a ckg:Role } ORDER BY ?r LIMIT 2")
    page.page.focus("#query-editor")
    page.page.keyboard.press("Control+Enter")
    _message(page, "2 rows")
    _rows(page, 2)
    # the key ran the query, it did not add a line to it
    assert page.page.input_value("#query-editor").endswith("LIMIT 2")


def test_a_node_in_a_result_opens_in_the_explorer(page: Page) -> None:
    _write(page, "SELECT ?skill WHERE { VALUES ?skill { skill:deep-learning } }")
    page.page.click("#query-run")
    _rows(page, 1)
    link = page.page.locator("#query-table tbody a").first
    assert link.inner_text() == "skill:deep-learning"
    link.click()
    page.page.wait_for_function(
        "() => document.getElementById('details-title')?.textContent === 'deep learning'"
    )


def test_long_values_and_markup_are_shown_as_text(page: Page) -> None:
    query = 'SELECT ?text WHERE { BIND("<b>bold</b> & <script>x</script>" AS ?text) }'
    _write(page, query)
    page.page.click("#query-run")
    _rows(page, 1)
    cell = page.page.locator("#query-table tbody td").first
    assert cell.inner_text() == "<b>bold</b> & <script>x</script>"
    assert page.page.locator("#query-table b, #query-table script").count() == 0


def test_the_results_download_as_csv_and_json(page: Page) -> None:
    _write(page, "SELECT ?r ?label WHERE { ?r a ckg:Role ; skos:prefLabel ?label } ORDER BY ?label")
    page.page.click("#query-run")
    _message(page, "16 rows")
    with page.page.expect_download() as info:
        page.page.click("#query-download-csv")
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["r", "label"]
    assert len(rows) == 17
    assert rows[1][0].startswith("https://")
    with page.page.expect_download() as info:
        page.page.click("#query-download-json")
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["head"]["vars"] == ["r", "label"]
    assert len(data["results"]["bindings"]) == 16


def test_a_bar_of_the_overview_opens_its_skill_in_the_explorer(page: Page) -> None:
    page.goto("/overview")
    # the top skill's essential bar (its optional one, stacked after it, may be empty)
    bar = page.page.locator("#overview-central-chart .trace.bars").first.locator(".point path").last
    bar.wait_for(state="visible")
    top = page.page.locator(".central li a").first.inner_text()
    page.click_still(bar)  # a real click; below the fold of an 800 px high desktop window
    page.page.wait_for_function(
        "(label) => document.getElementById('details-title')?.textContent === label", arg=top
    )
    assert "/node/" in page.page.url


def test_a_bar_of_the_role_hours_chart_opens_that_roles_path(page: Page) -> None:
    from urllib.parse import quote

    from dashboard.views.overview import goal_rows
    from kg.explore import hours_to_roles
    from kg.project import projection
    from kg.store import Store

    # the overview's first chart: the hours to each role a career step leads to from
    # scratch, fewest at the top (Student, which the ladder only starts from, is not one)
    G = projection(Store.default())
    _iri, label, hours = goal_rows(G, hours_to_roles(G))[0]
    page.goto("/overview")
    bar = page.page.locator("#overview-roles-chart .bars .point path").last  # the top bar
    page.click_still(bar)  # a real click
    page.page.wait_for_selector("#path-step-list .step")
    assert page.page.url.endswith("/path/-/" + quote(label, safe=""))
    page.page.wait_for_function(
        "(n) => (document.getElementById('path-summary')?.textContent || '').includes(n)",
        arg=f"{round(hours):,}",
    )


def test_the_endpoint_link_opens_a_page_and_a_query_address_shows_its_answer(page: Page) -> None:
    # the browser downloaded RDF/XML and SPARQL XML as a file named "sparql"
    page.goto("/query")
    page.page.click("#query-endpoint-link")
    page.page.wait_for_selector("h1")
    assert page.page.inner_text("h1") == "careerkg SPARQL endpoint"
    page.page.click("text=Run this query")  # the page's example, sent to the SPARQL page
    _message(page, "16 rows")
    _rows(page, 16)
    assert page.page.input_value("#query-editor").startswith("SELECT ?role ?label WHERE")
    assert "/query?query=" in page.page.url
    # the address itself is a link to the query and its answer
    query = "SELECT ?label WHERE { skill:python skos:prefLabel ?label }"
    page.page.goto(page.base + "/sparql?" + urlencode({"query": query}))
    _rows(page, 1)
    assert page.page.input_value("#query-editor") == query
    from rdflib import SKOS, URIRef

    from kg.namespace import BASE
    from kg.store import Store

    label = Store.default().graph.value(URIRef(BASE + "id/skill/python"), SKOS.prefLabel)
    assert page.page.inner_text("#query-table tbody td") == str(label)
    assert page.errors == []


def test_an_answer_over_a_thousand_rows_shows_the_first_and_downloads_whole(page: Page) -> None:
    # the page said "add a LIMIT" and hid the downloads: the whole answer could not be had
    from kg.sparql.engine import run_query
    from kg.store import Store

    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    total = len(run_query(Store.default(), query).rows)
    assert total > 1000
    _write(page, query)
    page.page.click("#query-run")
    _message(page, f"the first 1,000 are shown, and the downloads give all {total:,}")
    _rows(page, 1000)
    with page.page.expect_download() as info:
        page.page.click("#query-download-csv")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["s", "p", "o"]
    assert len(rows) == total + 1
    assert page.errors == []
