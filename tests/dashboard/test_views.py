"""The page views and helpers over the shipped graph: what each callback computes."""

from __future__ import annotations

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
from kg.store import Store

SWE = "https://w3id.org/careerkg/id/role/software-engineer"
MLE = "https://w3id.org/careerkg/id/role/machine-learning-engineer"
DL = "https://w3id.org/careerkg/id/skill/deep-learning"
NN = "https://w3id.org/careerkg/id/skill/neural-networks"


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.default()


def test_urls_round_trip() -> None:
    url = path_url("Software Engineer", "ML/AI Engineer", [("Python", 3), ("skill:sql", None)])
    assert url == "/path/Software%20Engineer/ML%2FAI%20Engineer?know=Python%3A3%2Cskill%3Asql"
    assert unquote_name("ML%2FAI%20Engineer") == "ML/AI Engineer"
    assert parse_know(format_know([("Python", 3), ("skill:sql", None)])) == [
        ("Python", 3),
        ("skill:sql", None),
    ]
    assert parse_know(["A:9", "B"]) == [("A", 5), ("B", None)]
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
    assert "1 more not drawn" in str(status)
    raised = explorer.next_state(state, ids.EX_SHOW_MORE, 1)
    elements, _, _, more_hidden = explorer.canvas(store, raised, None, None, "auto")
    assert len([e for e in elements if "source" not in e["data"]]) == len(roles)
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
    labels = [label for _, label, _ in data["central"]]
    counts = [n for *_, n in data["central"]]
    assert len(labels) == 12
    assert counts == sorted(counts, reverse=True)
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
