"""About page: what careerkg is, the sources of the graph and the attribution they ask for."""

from __future__ import annotations

from typing import Any

from dash import html
from rdflib import RDF, URIRef
from rdflib.namespace import DCTERMS, RDFS

from kg.importers.attribution import attributions
from kg.namespace import CKG
from kg.store import Store

__all__ = ["about", "sources"]


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


def about(store: Store) -> Any:
    """The page body: the project, then one entry per source with its attribution."""
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
            parts.append(html.P(["Licence: ", html.A(src["license"], href=src["license"])]))
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
        ],
        className="card",
    )
