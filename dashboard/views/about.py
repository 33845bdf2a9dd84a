"""About page: what careerkg is, the sources of the graph and the attribution they ask for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash import html
from rdflib import OWL, RDF, URIRef
from rdflib.namespace import DCTERMS, RDFS

from kg.importers.attribution import attributions
from kg.namespace import CKG
from kg.store import Store

__all__ = ["LICENCE_NAMES", "about", "imported", "ontology", "pages", "software", "sources"]


def sources(store: Store) -> list[dict[str, str]]:
    """Every source document of the graph: title, identifier, description, rights.

    Examples
    --------
    >>> from kg.store import Store
    >>> titles = [s["title"] for s in sources(Store.default())]
    >>> any("curated" in t.lower() for t in titles)
    True
    """

    def build(s: Store) -> list[dict[str, str]]:
        g = s.graph
        rights = {a.source: a for a in attributions(g)}
        out = []
        for src in g.subjects(RDF.type, CKG.SourceDocument):
            if not isinstance(src, URIRef):
                continue
            a = rights.get(str(src))
            title = g.value(src, DCTERMS.title) or g.value(src, RDFS.label) or src
            out.append(
                {
                    "iri": str(src),
                    "title": str(title),
                    "identifier": str(g.value(src, DCTERMS.identifier) or ""),
                    "comment": str(g.value(src, RDFS.comment) or ""),
                    "rights": a.rights if a else "",
                    "license": a.license if a else str(g.value(src, DCTERMS.license) or ""),
                }
            )
        return sorted(out, key=lambda d: (d["rights"] == "", d["title"]))

    return store.derived("dashboard-sources", build)


LICENCE_NAMES = {
    "https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
    "http://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
    "http://data.europa.eu/eli/dec/2011/833/oj": "Commission Decision 2011/833/EU (reuse of Commission documents)",
}
"""Readable names of the licences the graph cites."""

PACKAGES = ("careerkg", "rdflib", "pyoxigraph", "networkx", "dash", "dash-cytoscape", "plotly")


def software() -> list[tuple[str, str]]:
    """The versions of careerkg and the libraries it runs on, as installed.

    Examples
    --------
    >>> dict(software())["careerkg"] != ""
    True
    """
    from importlib import metadata

    out = []
    for name in PACKAGES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    return out


def ontology(store: Store) -> dict[str, str]:
    """The ontology the graph is written in: IRI, title, version, version IRI, licence,
    last change (empty strings for what the graph does not say).

    Examples
    --------
    >>> from kg.store import Store
    >>> facts = ontology(Store.default())
    >>> facts["iri"], facts["version"]
    ('https://w3id.org/careerkg/ontology', '0.2.0')
    """

    def build(s: Store) -> dict[str, str]:
        g = s.graph
        found = sorted(str(o) for o in g.subjects(RDF.type, OWL.Ontology) if isinstance(o, URIRef))
        iri = next((o for o in found if "careerkg" in o), found[0] if found else "")
        node = URIRef(iri)

        def value(p: Any) -> str:
            return str(g.value(node, p) or "") if iri else ""

        return {
            "iri": iri,
            "label": value(RDFS.label) or "careerkg ontology",
            "version": value(OWL.versionInfo),
            "version_iri": value(OWL.versionIRI),
            "license": value(DCTERMS.license),
            "modified": value(DCTERMS.modified),
        }

    return store.derived("dashboard-ontology", build)


def imported(store: Store) -> bool:
    """Whether the graph holds an imported taxonomy (ESCO, O*NET): a source that asks to
    be credited (``dcterms:rights``), as the importers write them.

    Examples
    --------
    >>> from kg.store import Store
    >>> imported(Store.default())
    False
    """
    return any(src["rights"] for src in sources(store))


NOT_IMPORTED: list[Any] = [
    "This instance holds careerkg's curated graph only: no ESCO or O*NET data. ",
    html.Code("careerkg import esco"),
    " and ",
    html.Code("careerkg import onet"),
    " add those taxonomies from their official exports; each is then listed here with the "
    "attribution and licence its publisher asks for.",
]
"""Said under the sources when no taxonomy is imported (a reader of the README may
expect ESCO's occupations or O*NET's)."""


def pages(registry: Sequence[Mapping[str, Any]]) -> Any:
    """What each page of the app is for, as links (the About page itself left out).

    Examples
    --------
    >>> reg = [{"name": "Explorer", "relative_path": "/", "order": 0, "description": "Explore."},
    ...        {"name": "About", "relative_path": "/about", "order": 9, "description": "This."}]
    >>> [li.children[0].children for li in pages(reg).children[1].children]
    ['Explorer']
    """
    from dashboard.views.not_found import not_found_items

    shown = [p for p in registry if p.get("relative_path") != "/about"]
    return html.Div(
        [html.H2("What you can do here"), html.Ul(not_found_items(shown), className="not-found-pages")],
        className="card",
        id="about-pages",
    )


def _licence(iri: str) -> Any:
    return html.A(LICENCE_NAMES.get(iri, iri), href=iri)


def about(store: Store) -> Any:
    """The page body: this instance (software, ontology, graph), then one entry per
    source with its attribution."""
    return html.Div([_instance(store), _sources(store)])


def _instance(store: Store) -> Any:
    versions = software()
    own = dict(versions).get("careerkg", "unknown")
    onto = ontology(store)
    facts: list[Any] = [
        html.Dt("Software"),
        html.Dd(
            [
                f"careerkg {own}, open source under the MIT licence. Runs on ",
                ", ".join(f"{n} {v}" for n, v in versions if n != "careerkg"),
                ".",
            ]
        ),
    ]
    if onto["iri"]:
        label = f"{onto['label']} {onto['version']}".strip()
        dd: list[Any] = [label, " · ", html.Code(onto["version_iri"] or onto["iri"])]
        if onto["modified"]:
            dd.append(f" · changed {onto['modified']}")
        if onto["license"]:
            dd += [" · licence ", _licence(onto["license"])]
        facts += [html.Dt("Ontology"), html.Dd(dd)]
    facts += [
        html.Dt("Graph"),
        html.Dd(f"{len(store):,} triples, from {len(sources(store)):,} sources (below)."),
    ]
    return html.Div(
        [html.H2("This instance"), html.Dl(facts, className="facts", id="about-instance")],
        className="card",
    )


def _sources(store: Store) -> Any:
    items = []
    for src in sources(store):
        parts: list[Any] = [html.Strong(src["title"])]
        if src["identifier"]:
            parts += [" ", html.Code(src["identifier"])]
        if src["comment"]:
            parts.append(html.P(src["comment"], className="muted"))
        if src["rights"]:
            parts.append(html.P(src["rights"], className="attribution"))
        if src["license"]:
            parts.append(html.P(["Licence: ", _licence(src["license"])]))
        items.append(html.Li(parts))
    return html.Div(
        [
            html.H2("Sources and attribution"),
            html.P(
                "Every fact in the graph cites its source (dcterms:source). Facts the source "
                "articles do not state — learning hours, levels, prerequisites — cite the careerkg "
                "curation and are marked as estimates.",
                className="muted",
            ),
            html.Ul(items, className="sources", id="about-sources"),
            None if imported(store) else html.P(NOT_IMPORTED, className="muted", id="about-no-import"),
        ],
        className="card",
    )
