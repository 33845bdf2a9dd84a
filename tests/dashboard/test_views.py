"""The page views and helpers over the shipped graph: what each callback computes."""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pytest

from dashboard import ids
from dashboard.downloads import filename, render, to_csv, to_markdown
from dashboard.urls import format_know, node_url, parse_know, path_url, unquote_name
from dashboard.views import explorer, overview, path, query
from dashboard.views.common import share_name
from kg.errors import UnknownEntity
from kg.explore import resolve
from kg.store import Store
from tests.support.components import texts
from tests.support.stores import with_unladdered_roles

SWE = "https://w3id.org/careerkg/id/role/software-engineer"
MLE = "https://w3id.org/careerkg/id/role/machine-learning-engineer"
DL = "https://w3id.org/careerkg/id/skill/deep-learning"
NN = "https://w3id.org/careerkg/id/skill/neural-networks"


def test_urls_round_trip() -> None:
    url = path_url("Software Engineer", "ML/AI Engineer", [("Python", 3), ("skill:sql", None)])
    assert url == "/path/Software%20Engineer/ML%2FAI%20Engineer?know=Python%3A3%2Cskill%3Asql"
    assert unquote_name("ML%2FAI%20Engineer") == "ML/AI Engineer"
    assert parse_know(format_know([("Python", 3), ("skill:sql", None)])) == [
        ("Python", 3),
        ("skill:sql", None),
    ]
    # a level out of 1-5 is kept as written, for the page to say so (it read 9 as 5)
    assert parse_know(["A:9", "B"]) == [("A", 9), ("B", None)]
    assert path_url(None, "X") == "/path/-/X"
    assert unquote_name("-") is None
    assert node_url("a b") == "/node/a%20b"


def test_explorer_state_machine() -> None:
    s = explorer.initial()
    assert s == {"focus": None, "expanded": [], "limit": explorer.LIMIT}
    s = explorer.next_state(s, ids.EX_SEARCH, DL)
    assert (s["focus"], s["expanded"]) == (DL, [DL])
    s = explorer.next_state(s, ids.EX_CANVAS, SWE)
    assert (s["focus"], s["expanded"]) == (SWE, [DL])
    s = explorer.next_state(s, ids.EX_EXPAND, 1)
    assert s["expanded"] == [DL, SWE]
    s = explorer.next_state(s, ids.node_link(MLE), 1)
    assert (s["focus"], s["expanded"]) == (MLE, [DL, SWE, MLE])
    s = explorer.next_state(s, ids.EX_SHOW_MORE, 1)
    assert s["limit"] == 2 * explorer.LIMIT
    assert explorer.next_state(s, ids.EX_RESET, 1) == explorer.initial()


def test_explorer_views_on_the_shipped_graph(store: Store) -> None:
    state, message = explorer.state_from_name(store, "deep learning")
    assert message == ""
    assert state["focus"] == DL
    elements, layout, _status, more_hidden = explorer.canvas(store, state, None, None, "auto")
    ids_drawn = {e["data"]["id"] for e in elements}
    assert DL in ids_drawn
    assert len(ids_drawn) > 5
    assert more_hidden
    assert layout["name"] == "preset"
    only_roles, *_ = explorer.canvas(store, state, ["role"], None, "auto")
    assert {e["data"]["type"] for e in only_roles if "source" not in e["data"]} == {"role", "skill"}
    assert explorer.url_of(store, state) == "/node/deep%20learning"
    bad, message = explorer.state_from_name(store, "deep lerning")
    assert bad == explorer.initial()
    assert "deep learning" in message
    ladder, *_ = explorer.canvas(store, explorer.initial(), None, None, "auto")
    assert {e["data"]["type"] for e in ladder if "source" not in e["data"]} == {"role"}


def test_explorer_cap_and_show_more(store: Store) -> None:
    state = {"focus": SWE, "expanded": [SWE, MLE, DL], "limit": 10}
    elements, _, _, more_hidden = explorer.canvas(store, state, None, None, "radial")
    assert len([e for e in elements if "source" not in e["data"]]) == 10
    assert not more_hidden


def test_explorer_ladder_is_capped_with_show_more(store: Store) -> None:
    roles = [
        e
        for e in explorer.canvas(store, explorer.initial(), None, None, "auto")[0]
        if "source" not in e["data"]
    ]
    state = {**explorer.initial(), "limit": len(roles) - 1}
    elements, _, status, more_hidden = explorer.canvas(store, state, None, None, "auto")
    assert len([e for e in elements if "source" not in e["data"]]) == len(roles) - 1
    assert not more_hidden
    assert "1 more role not drawn" in str(status)
    raised = explorer.next_state(state, ids.EX_SHOW_MORE, 1)
    elements, _, _, more_hidden = explorer.canvas(store, raised, None, None, "auto")
    assert len([e for e in elements if "source" not in e["data"]]) == len(roles)
    assert more_hidden


def test_the_ladder_is_drawn_alone_first_beside_roles_on_no_career_step(tmp_path: Any) -> None:
    # an imported taxonomy's occupations (ESCO: 3,005) on no progression filled the first
    # view's 150 nodes with a grid of unlinked roles, the ladder small beneath them
    store = with_unladdered_roles(tmp_path, 3)

    def roles(state: dict[str, Any]) -> tuple[list[str], str, bool]:
        elements, _, status, more_hidden = explorer.canvas(store, state, None, None, "auto")
        return [e["data"]["label"] for e in elements if "source" not in e["data"]], texts(status), more_hidden

    first, status, more_hidden = roles(explorer.initial())
    assert len(first) == 16
    assert not any(label.startswith("occupation") for label in first)
    assert status.endswith("3 roles with no career step not drawn.")
    assert not more_hidden  # "Show more" is offered
    more, status, more_hidden = roles(explorer.next_state(explorer.initial(), ids.EX_SHOW_MORE, 1))
    assert sorted(set(more) - set(first)) == ["occupation 0", "occupation 1", "occupation 2"]
    assert "not drawn" not in status
    assert more_hidden


def _node_links(component: Any) -> list[tuple[dict[str, str], str]]:
    """``(id, visible label)`` of every node link in a component tree, in document order."""
    found: list[tuple[dict[str, str], str]] = []
    cid = getattr(component, "id", None)
    if isinstance(cid, dict) and cid.get("type") == ids.NODE_LINK:
        found.append((cid, str(component.children[-1])))
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found += _node_links(child)
    return found


def test_every_details_link_has_its_own_id_and_selects_its_node(store: Store) -> None:
    state, _ = explorer.state_from_name(store, "deep learning")
    links = _node_links(explorer.details(store, state))
    assert len(links) > 20
    keys = [json.dumps(cid, sort_keys=True) for cid, _ in links]
    assert len(set(keys)) == len(keys), "two node links share a component id"
    # AI Architect is listed twice (required by, unlocks): two ids, both select it
    architect = [cid for cid, label in links if label == "AI Architect"]
    assert len(architect) == 2
    for cid in architect:
        s = explorer.next_state(state, cid, 1)
        assert s["focus"] == architect[0]["iri"]
        assert s["focus"].endswith("/role/ai-architect")
    # every link selects the node it names
    for cid, _label in links:
        assert explorer.next_state(state, cid, 1)["focus"] == cid["iri"]


def test_back_and_forward_follow_the_address(store: Store) -> None:
    dl, _ = explorer.state_from_name(store, "deep learning")
    nn = explorer.next_state(dl, ids.node_link(NN, "Prerequisites"), 1)
    assert explorer.url_of(store, nn) == "/node/neural%20networks"
    # Back to /node/deep learning shows it as a fresh load of that address does
    back = explorer.follow_address(store, nn, "node/deep%20learning")
    assert back == dl
    assert explorer.follow_address(store, back, "node/deep%20learning") is None  # shown already
    assert explorer.follow_address(store, nn, "") == explorer.initial()  # the career ladder
    assert explorer.follow_address(store, nn, "query") is None  # another page's address
    assert explorer.follow_address(store, nn, None) is None
    # the view after Back is at its address already: no new history entry
    assert explorer.address("/node/deep%20learning", explorer.url_of(store, back)) is None
    assert explorer.address("/node/deep%20learning", explorer.url_of(store, nn)) == "/node/neural%20networks"


def test_search_options_keep_the_choice(store: Store) -> None:
    options = explorer.search_options(store, "neural", DL)
    values = [o["value"] for o in options]
    assert DL in values
    assert any("deep learning" in o["label"] for o in options)


def test_share_name_prefers_unambiguous_labels(store: Store) -> None:
    assert share_name(store, MLE) == "Machine Learning Engineer"
    assert share_name(store, DL) == "deep learning"


def test_path_compute_render_and_share(store: Store) -> None:
    result = path.compute(store, SWE, MLE, [DL + ":2"])
    assert result["error"] is None
    assert result["known"] == [DL]
    p = result["path"]
    out = path.render(store, result)
    step_ids = {s["iri"] for s in p["steps"]}
    drawn_path = {
        e["data"]["id"]
        for e in out["elements"]
        if "path" in e["classes"].split() and "source" not in e["data"]
    }
    assert step_ids <= drawn_path
    assert out["figure"] is not None
    assert len(out["figure"]["data"]) >= 2
    url = path.share_url(store, SWE, MLE, [DL + ":2"])
    assert url == "/path/Software%20Engineer/Machine%20Learning%20Engineer?know=deep%20learning%3A2"
    options, values, problem = path.know_options(store, "deep learning:2,Pyton")
    assert values == [DL + ":2"]
    assert "Pyton" in problem
    assert any(o["value"] == DL + ":2" for o in options)
    err = path.compute(store, None, "Machine Lerning Enginer", [])
    assert err["path"] is None
    assert "Machine Learning Engineer" in err["error"]
    assert path.render(store, err)["message"] == err["error"]


def test_downloads_agree_with_the_path(store: Store) -> None:
    p = path.compute(store, SWE, MLE, [])["path"]
    rows = list(csv.DictReader(io.StringIO(to_csv(p))))
    assert [r["label"] for r in rows] == [s["label"] for s in p["steps"]]
    assert float(rows[-1]["cumulative_hours"]) == pytest.approx(p["total_hours"])
    assert json.loads(render(p, "json"))["target"]["label"] == "Machine Learning Engineer"
    md = to_markdown(p)
    assert md.startswith("# Learning path: Software Engineer → Machine Learning Engineer")
    assert md.count("\n| ") == len(p["steps"]) + 1
    assert filename(p, "csv") == "path-software-engineer-to-machine-learning-engineer.csv"


def test_the_query_page_opens_an_example_by_an_older_name() -> None:
    # a bookmark of /query?example=gaps_coverage, from before the names were hyphenated
    from kg.sparql.examples import EXAMPLES

    assert query.editor_text("gaps_coverage") == query.editor_text("gaps-coverage")
    assert query.editor_text("gaps_coverage")[1] == EXAMPLES["gaps-coverage"].description
    text, _ = query.editor_text("gaps_coverage")
    assert query.describe("gaps_coverage", text + "LIMIT 1").endswith(f"“{EXAMPLES['gaps-coverage'].title}”.")


def test_query_examples_and_errors(store: Store) -> None:
    options = query.example_options()
    assert len(options) >= 3
    for opt in options:
        text, _ = query.editor_text(opt["value"])
        table, message = query.run(store, text)
        assert table is not None, f"{opt['value']}: {message}"
    table, message = query.run(store, "DELETE WHERE { ?s ?p ?o }")
    assert table is None
    assert message
    assert query.run(store, "")[0] is None


def test_editor_text_binds_the_parameters_as_run_example_does(store: Store) -> None:
    from kg.sparql.engine import run_query
    from kg.sparql.examples import EXAMPLES, run_example

    bound = [name for name, ex in EXAMPLES.items() if ex.params]
    assert bound
    for name in bound:
        text, _ = query.editor_text(name)
        assert text.index("VALUES") < text.index("}")  # first in the pattern, not after it
        edited = run_query(store, text)
        expected = run_example(store, name)
        assert sorted(map(repr, edited.rows)) == sorted(map(repr, expected.rows)), name


def test_overview_data(store: Store) -> None:
    data = overview.overview(store)
    assert data["counts"]["role"] > 0
    assert data["counts"]["skill"] > 0
    ranks = [(row.essential, row.roles) for row in data["central"]]
    assert len(ranks) == 12
    assert ranks == sorted(ranks, reverse=True)
    assert len(data["figures"]) == 3


def test_the_nav_marks_the_page_at_the_address(store: Store) -> None:
    import dash

    from dashboard.app import create_app
    from dashboard.components import nav_classes, navbar

    create_app(store, warm=False)
    pages = list(dash.page_registry.values())
    names = [link.children for link in navbar(pages).children[2].children]
    assert names[:2] == ["Explorer", "Path finder"]

    def active(path: str | None) -> list[str]:
        classes = list(nav_classes(path, pages).values())
        return [n for n, c in zip(names, classes, strict=True) if "active" in c.split()]

    assert active("/") == ["Explorer"]
    assert active("/node/deep%20learning") == ["Explorer"]
    assert active("/path") == active("/path/Software%20Engineer/Data%20Scientist") == ["Path finder"]
    assert active("/query") == ["SPARQL"]
    assert active("/gaps/") == ["Curriculum gaps"]
    assert active("/no-such-page") == active("/node/a/b") == active(None) == []
    assert list(nav_classes("/", pages)) == [link.id for link in navbar(pages).children[2].children]
    assert all(c.split()[0] == "nav-link" for c in nav_classes("/", pages).values())


def test_an_empty_path_finder_has_a_hint_and_no_downloads(store: Store) -> None:
    # the audit: enabled downloads that did nothing, and bare "Steps / Suggested
    # credentials / Alternatives" headings over an empty panel
    empty = path.render(store, None)
    assert empty["downloads"] is False
    assert empty["steps"].children == path.EMPTY_HINT
    assert empty["credentials"] is None
    assert empty["alternatives"] is None
    full = path.render(store, path.compute(store, SWE, MLE, []))
    assert full["downloads"] is True
    headings = [part[0].children for part in (full["steps"], full["credentials"], full["alternatives"])]
    assert headings == ["Steps", "Suggested credentials", "Alternatives"]


def test_alternatives_are_bounded_and_a_shortfall_is_said(store: Store) -> None:
    assert [path.clamp_alternatives(v) for v in (-3, 99, None, "abc", 2)] == [
        0,
        path.MAX_ALTERNATIVES,
        0,
        0,
        2,
    ]
    assert path.compute(store, SWE, MLE, [], -3)["asked"] == 0
    result = path.compute(store, SWE, MLE, [], 99)
    assert result["asked"] == path.MAX_ALTERNATIVES == 5
    found = len(result["path"]["alternatives"])
    assert found < 5
    text = str(path.render(store, result)["alternatives"])
    exist = f"only {found} exist{'s' if found == 1 else ''}" if found else "none exists"
    assert f"5 other routes asked for; {exist}." in text
    # as many as asked: no note
    enough = path.compute(store, SWE, MLE, [], found)
    assert "asked for" not in str(path.render(store, enough)["alternatives"])


def test_each_address_error_is_its_own_line(store: Store) -> None:
    # the audit: /path/Foo%20Bar/Wizard ran two errors together ("...is known unknown name")
    problems = []
    for name in ("Foo Bar", "Wizard"):
        with pytest.raises(UnknownEntity) as err:
            resolve(store, name, ["role"])
        problems.append(str(err.value))
    box = path.message_box(path.join_problems(problems))
    lines = [p.children for p in box.children]
    assert len(lines) == 2
    assert "'Foo Bar'" in lines[0]
    assert lines[0].endswith(".")
    assert "'Wizard'" in lines[1]
    assert "'Foo Bar'" not in lines[1]


def _text(parts: Any) -> str:
    """The text shown on the screen (what is for screen readers only left out)."""
    return "".join(
        p if isinstance(p, str) else str(p.children)
        for p in parts
        if isinstance(p, str) or getattr(p, "className", None) != "sr-only"
    )


def test_reset_puts_the_filters_back_and_no_types_says_so(store: Store) -> None:
    from dashboard.styles import TYPE_LABELS

    # the audit: Reset restored the ladder but not the checkboxes, layout and search
    assert explorer.reset_controls() == (list(TYPE_LABELS), explorer.DEFAULT_RELATIONS, "auto", None)
    state, _ = explorer.state_from_name(store, "deep learning")
    # every node type unticked: nothing drawn, and the status says why
    elements, _layout, status, _hidden = explorer.canvas(store, state, [], None, "auto")
    assert elements == []
    assert _text(status) == explorer.NO_TYPES
    # one link is "1 link", not "1 links"
    _els, _layout, status, _hidden = explorer.canvas(store, state, ["area"], ["in_area"], "auto")
    assert _text(status).startswith("2 nodes, 1 link —")


def test_the_404_page_links_home_and_lists_the_pages() -> None:
    from dashboard.views.not_found import not_found

    pages = [
        {"name": "SPARQL", "relative_path": "/query", "order": 2, "description": "Query."},
        {"name": "Explorer", "relative_path": "/", "order": 0, "description": "Explore."},
        {"name": "Page not found", "relative_path": "/404", "hidden": True},
    ]
    text = str(not_found(pages))
    assert "Page not found" in text
    assert "Back to the Explorer" in text
    assert "'/query'" in text
    assert "'/404'" not in text


def test_query_status_and_errors_speak_plainly(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # the audit: "N rows remembered (first answered in 2 ms)"; "raise the cap"; an
    # example's description still shown for a query the user rewrote
    text = "SELECT ?r WHERE { ?r a ckg:Role } LIMIT 3 # status test"
    _table, first = query.run(store, text)
    _table, again = query.run(store, text)
    assert first.startswith("3 rows in ")
    assert "cached" not in first
    assert again.startswith("3 rows (cached answer; first computed in ")
    assert "remembered" not in again
    monkeypatch.setenv("CAREERKG_SPARQL_MAX_ROWS", "5000")  # an answer over the downloads' cap
    table, too_big = query.run(store, "SELECT * WHERE { ?s ?p ?o } # over the cap")
    assert table is None
    assert "LIMIT" in too_big
    assert "cap" not in too_big
    example, description = query.editor_text("prerequisites")
    assert query.describe("prerequisites", example) == description
    edited = query.describe("prerequisites", example.replace("deep-learning", "machine-learning"))
    assert edited != description
    assert edited.startswith("Edited")
    # a misspelt name answers nothing: the status says which, and what exists
    _table, empty = query.run(store, "SELECT ?q WHERE { role:data-scientist ckg:hasRequirment ?q }")
    assert empty.startswith("0 rows in ")
    assert empty.endswith(
        " Note: ckg:hasRequirment is not a term of the careerkg ontology (closest: ckg:hasRequirement)."
    )
    _table, asked = query.run(store, "ASK { skill:pyton ?p ?o }")
    assert asked.endswith("no. Note: skill:pyton is not in the graph (closest: skill:python).")


def test_the_path_page_says_when_the_target_comes_before_your_role(store: Store) -> None:
    result = path.compute(store, "Senior Machine Learning Engineer", "Machine Learning Engineer", [], 0)
    assert result["path"]["below"]  # the planner's finding, as the CLI shows it
    summary = texts(path.render(store, result)["summary"])
    assert (
        "Machine Learning Engineer comes before Senior Machine Learning Engineer on the career ladder"
        in summary
    )
    assert "may have learnt some of it on the way up" in summary
    # an ordinary path carries no note
    upward = path.compute(store, "Software Engineer", "Machine Learning Engineer", [], 0)
    assert "career ladder" not in texts(path.render(store, upward)["summary"])


def test_the_path_page_says_which_hours_are_assumed(store: Store, tmp_path: Any) -> None:
    from kg.store import Store as KGStore

    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<urn:x:prompt> a ckg:Skill ; skos:prefLabel "prompt design" .\n'
        '<urn:x:role> a ckg:Role ; skos:prefLabel "Prompt Engineer" ;\n'
        "  ckg:hasRequirement [ ckg:requiredSkill <urn:x:prompt> ; ckg:level 3 ; ckg:importance ckg:Essential ] .\n",
        encoding="utf-8",
    )
    mine = KGStore.default(extra=[extra])
    result = path.compute(mine, None, "Prompt Engineer", [], 0)
    steps = result["path"]["steps"]
    assert [s["label"] for s in steps if s["hours_estimated"]] == ["prompt design"]
    summary = texts(path.render(mine, result)["summary"])
    assert "The data gives no learning hours for prompt design; 40 h to level 3 is assumed." in summary
    assert "1 step " in summary + " "  # one step, in the singular


def _strings(component: Any) -> list[str]:
    """Every string a Dash component tree shows, depth first."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list | tuple):
        return [s for c in component for s in _strings(c)]
    children = getattr(component, "children", None)
    return _strings(children) if children is not None else []


def test_credentials_say_what_they_expect_beforehand(store: Store) -> None:
    p = path.compute(store, SWE, MLE, [])["path"]
    expecting = [c for c in p["credentials"] + p["validating"] if c["expects"]]
    assert expecting, "SWE → MLE names a certification whose exam expects more than the plan gives"
    shown = _strings(path.render(store, path.compute(store, SWE, MLE, []))["credentials"])
    md = to_markdown(p)
    for c in expecting:
        names = ", ".join(x["label"] for x in c["expects"])
        assert f"Expects beforehand, not in this plan: {names}" in shown
        assert f"  - expects beforehand, not in this plan: {names}" in md


def test_a_retiring_credential_shows_its_last_day_on_the_page_and_in_markdown(store: Store) -> None:
    result = copy.deepcopy(path.compute(store, SWE, MLE, []))  # compute's answers may be shared
    cred = result["path"]["validating"][0]
    cred["last_day"] = "2099-06-30"  # as kg.paths reports an announced retirement
    assert "Last day to take it: 2099-06-30" in _strings(path.render(store, result)["credentials"])
    assert f"- **{cred['label']}**" in to_markdown(result["path"])
    assert "  - last day to take it: 2099-06-30" in to_markdown(result["path"])
