"""The explorer's browser title names the node its address selects, and only that."""

from __future__ import annotations

import dash
import pytest

from kg.store import Store


@pytest.fixture(scope="module")
def title() -> object:
    from dashboard.app import create_app

    create_app(Store.default(), warm=False)
    page = next(p for p in dash.page_registry.values() if p["module"].endswith("pages.explorer"))
    return page["title"]


def test_an_address_naming_no_node_has_the_first_views_title(title: object) -> None:
    # /node/%20 and /node/- draw the career ladder, titled "known skills · careerkg
    # Explorer": the path finder's word for a path with no source role
    assert callable(title)
    for name in ("%20", "-", "none"):
        assert title(name=name) == "careerkg · Explorer", name
    assert title(name="deep%20learning") == "deep learning · careerkg Explorer"
    assert title() == "careerkg · Explorer"


def test_a_fresh_load_is_titled_by_the_label_of_the_node_it_shows(title: object) -> None:
    # /node/python and /node/DL were titled "python" and "DL", the page (and a Back to
    # it) "Python programming" and "deep learning"
    assert callable(title)
    assert title(name="python") == "Python programming · careerkg Explorer"
    assert title(name="DL") == "deep learning · careerkg Explorer"
    assert title(name="skill%3Apython") == "Python programming · careerkg Explorer"


def test_an_unknown_name_is_titled_not_found(title: object) -> None:
    # titled "pytorh · careerkg Explorer" above "No node is called “pytorh”" and the ladder
    assert callable(title)
    assert title(name="pytorh") == "“pytorh” not found · careerkg Explorer"


@pytest.fixture(scope="module")
def twice_named(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The shipped graph and a second skill labelled "communication" (as ESCO's is)."""
    extra = tmp_path_factory.mktemp("twice") / "communication.ttl"
    extra.write_text(
        "@prefix ckg: <https://w3id.org/careerkg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<urn:x:communication> a ckg:Skill ; skos:prefLabel "communication"@en .\n',
        encoding="utf-8",
    )
    return Store.default(extra=[extra])


def test_a_node_whose_label_names_another_is_titled_by_its_label(twice_named: Store) -> None:
    # its address must hold its IRI; its title held it too ("urn:x:communication ·
    # careerkg Explorer"; on ESCO "http://data.europa.eu/esco/skill/15d76317-… · ...")
    from dashboard.views import explorer as view

    state = view.initial("urn:x:communication")
    assert view.url_of(twice_named, state) == "/node/urn%3Ax%3Acommunication"
    assert view.title_of(twice_named, state) == "communication · careerkg Explorer"
    assert view.title_for_name(twice_named, "urn%3Ax%3Acommunication") == "communication · careerkg Explorer"


def test_search_options_of_one_name_say_where_each_comes_from(twice_named: Store) -> None:
    # on ESCO the search offered "communication · skill" twice, ESCO's and the curated
    # skill, and "computer vision engineer · role" beside "Computer Vision Engineer · role"
    from dashboard.views import explorer as view

    options = view.search_options(twice_named, "communication", None)
    labels = {o["value"]: o["label"] for o in options}
    assert labels["https://w3id.org/careerkg/id/skill/communication"] == "communication · skill · careerkg"
    assert labels["urn:x:communication"] == "communication · skill · urn:x:communication"
    # a name no other option has is offered as before
    stakeholders = labels["https://w3id.org/careerkg/id/skill/stakeholder-management"]
    assert stakeholders == "stakeholder management (stakeholder communication) · skill"


def test_the_search_box_names_where_a_node_of_a_shared_name_comes_from(twice_named: Store) -> None:
    # selected on the canvas or by its address, it read "communication · skill" alone
    from dashboard.views import explorer as view

    box = view.search_box(twice_named, view.initial("urn:x:communication"), None)
    assert box is not None
    value, options = box
    assert value == "urn:x:communication"
    assert [o["label"] for o in options if o["value"] == value] == [
        "communication · skill · urn:x:communication"
    ]
    box = view.search_box(twice_named, view.initial("https://w3id.org/careerkg/id/skill/python"), None)
    assert box is not None
    assert box[1][0]["label"] == "Python programming · skill"
