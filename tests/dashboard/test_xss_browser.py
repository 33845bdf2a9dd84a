"""Labels and uploaded names holding HTML or script are shown as text, never run: a real
Chromium against ``careerkg serve --data`` with a role labelled with a script payload, and a
curriculum upload whose course and skill names are such payloads."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dashboard.conftest import DESKTOP
from tests.reliability.serving import Server

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = "/usr/bin/chromium"
PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
COURSE = '<img src=y onerror="window.__xss=3">Evil course'

pytestmark = [pytest.mark.browser, pytest.mark.server]

DATA = """@prefix ckg: <https://w3id.org/careerkg/ontology#> .
@prefix role: <https://w3id.org/careerkg/id/role/> .
@prefix skill: <https://w3id.org/careerkg/id/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
role:xss-role a ckg:Role ;
    skos:prefLabel "%(p)s"@en ;
    skos:altLabel "xss role" ;
    skos:definition "%(p)s" ;
    ckg:hasRequirement [ a ckg:Requirement ; ckg:requiredSkill skill:python ;
                         ckg:importance ckg:Essential ; ckg:level 2 ] .
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("xss") / "xss.ttl"
    data.write_text(DATA % {"p": PAYLOAD.replace('"', '\\"')}, encoding="utf-8")
    with Server(["--workers", "1", "--data", str(data), "--access-log", ""]) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    pg.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    yield pg
    context.close()


def _no_script_ran(pg: Any) -> None:
    assert pg.evaluate("typeof window.__xss") == "undefined"
    assert pg.locator("img[src=x], img[src=y]").count() == 0  # no element was made from the text


def test_role_label_with_script_is_text_on_the_node_page(server: Server, page: Any) -> None:
    page.goto(server.base + "/node/role:xss-role")
    details = page.locator("#explorer-details")
    details.get_by_text("window.__xss=1", exact=False).first.wait_for(timeout=20_000)
    assert PAYLOAD in details.inner_text()  # the label, literally
    page.wait_for_timeout(300)  # give an injected onerror handler time to fire
    _no_script_ran(page)


def test_role_label_with_script_is_text_in_search_and_path_finder(server: Server, page: Any) -> None:
    page.goto(server.base + "/path")
    page.locator("#path-target").click()
    page.keyboard.type("xss role")
    option = page.get_by_text("window.__xss=1", exact=False).first
    option.wait_for(timeout=20_000)
    assert PAYLOAD in option.inner_text()
    page.wait_for_timeout(300)
    _no_script_ran(page)


def test_uploaded_course_and_skill_names_with_script_are_text(
    server: Server, page: Any, tmp_path: Path
) -> None:
    csv = tmp_path / "evil.csv"
    course = '"' + COURSE.replace('"', '""') + '"'
    teaches = '"' + ("python;" + PAYLOAD).replace('"', '""') + '"'
    csv.write_text(f"course,term,teaches,requires\n{course},1,{teaches},\n", encoding="utf-8")
    page.goto(server.base + "/gaps")
    page.wait_for_selector("#gaps-upload")
    page.set_input_files("#gaps-upload input[type=file]", str(csv))
    findings = page.locator("#gaps-findings")
    findings.get_by_text("window.__xss=1", exact=False).first.wait_for(timeout=20_000)
    text = page.locator("body").inner_text()
    assert PAYLOAD in text  # the unknown skill, literally
    assert COURSE in text  # the course name, literally
    page.wait_for_timeout(300)
    _no_script_ran(page)
