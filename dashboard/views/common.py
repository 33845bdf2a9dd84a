"""Helpers shared by the page views: shareable names of nodes, and what to say of an
address naming an example that does not exist."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from kg.errors import UnknownEntity
from kg.explore import resolve
from kg.names import LabelIndex
from kg.store import Store

__all__ = ["share_name", "unknown_example"]


def share_name(store: Store, iri: str) -> str:
    """The name to put in a URL for ``iri``: its label when the label finds the same
    node again, else its prefixed name (``skill:python``), else the IRI."""
    index = LabelIndex.of(store)
    from rdflib import URIRef

    label = index.labels.get(URIRef(iri))
    if label:
        try:
            if resolve(store, label) == iri:
                return label
        except UnknownEntity:
            pass
    try:
        return URIRef(iri).n3(store.graph.namespace_manager).strip("<>")
    except Exception:  # an IRI that cannot be abbreviated
        return iri


def unknown_example(given: str | None, options: Sequence[Mapping[str, str]], instead: str) -> str | None:
    """What a page says when its address names an example (``?example=NAME``) that no
    option is: ``None`` when ``given`` is empty or an option's value. A mistyped or old
    link opened another example (or none) without a word.

    Parameters
    ----------
    given : str or None
        The name in the address.
    options : sequence of mapping
        The examples, as dropdown options (``{"label", "value"}``).
    instead : str
        What the page shows instead, as a sentence.

    Examples
    --------
    >>> opts = [{"label": "ML bootcamp (CSV)", "value": "ml-bootcamp.csv"}]
    >>> unknown_example("ml-botcamp.csv", opts, "Choose one below.")
    "No example is called 'ml-botcamp.csv'; the closest is 'ml-bootcamp.csv'. Choose one below."
    >>> unknown_example("zzz", opts, "Choose one below.")
    "No example is called 'zzz'. Choose one below."
    >>> unknown_example("ml-bootcamp.csv", opts, "") is None, unknown_example(None, opts, "") is None
    (True, True)
    """
    values = [str(o["value"]) for o in options]
    if not given or given in values:
        return None
    close = difflib.get_close_matches(given, values, n=3, cutoff=0.6)
    hint = ""
    if close:
        names = ", ".join(f"'{c}'" for c in close)
        hint = f"; the closest {'is' if len(close) == 1 else 'are'} {names}"
    return f"No example is called '{given}'{hint}. {instead}"
