"""The About page's entry for the Overview names every chart the Overview shows: it
named the hours to each role and the skills the most roles need, not the learning hours
by skill area, the chart beside them."""

from __future__ import annotations

import dash

from dashboard.views import overview as view
from kg.store import Store


def test_the_overview_entry_names_each_of_its_charts() -> None:
    from dashboard.app import create_app

    app = create_app(Store.default(), warm=False)
    with app.server.app_context():
        entry = next(p for p in dash.page_registry.values() if p["relative_path"] == "/overview")
        titles = [fig["layout"]["title"]["text"] for fig in view.overview(Store.default())["figures"]]
    description = entry["description"].lower()
    assert len(titles) == 3
    for title in titles:  # "Hours to each role from scratch", "Learning hours by skill area", ...
        words = title.lower().removesuffix(" from scratch").removesuffix(" as essential")
        assert words in description, (words, description)
