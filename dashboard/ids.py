"""Component ids of the app, in one place (pattern-matching ids are dicts).

Short, stable ids: the browser tests find components by them (``#explorer-canvas``).
"""

from __future__ import annotations

__all__ = [
    "DOWNLOAD",
    "DOWNLOAD_BUTTON",
    "EX_ADDRESS",
    "EX_CANVAS",
    "EX_COLLAPSE",
    "EX_DETAILS",
    "EX_EXPAND",
    "EX_LAYOUT",
    "EX_LOCATION",
    "EX_RELATIONS",
    "EX_RESET",
    "EX_SEARCH",
    "EX_SHOW_MORE",
    "EX_STATE",
    "EX_STATUS",
    "EX_TYPES",
    "GAPS_CANVAS",
    "GAPS_CHART",
    "GAPS_DOWNLOAD",
    "GAPS_DOWNLOAD_BUTTON",
    "GAPS_EXAMPLE",
    "GAPS_FINDINGS",
    "GAPS_MESSAGE",
    "GAPS_REPORT",
    "GAPS_SUMMARY",
    "GAPS_TARGETS",
    "GAPS_UPLOAD",
    "GAPS_UPLOADED",
    "NAV",
    "NODE_LINK",
    "PATH_ALTERNATIVES",
    "PATH_CANVAS",
    "PATH_CHART",
    "PATH_CREDENTIALS",
    "PATH_EDGE_LEGEND",
    "PATH_FIND",
    "PATH_KNOW",
    "PATH_MESSAGE",
    "PATH_OPTIONAL",
    "PATH_RESULT",
    "PATH_ROLES",
    "PATH_SOURCE",
    "PATH_STEPS",
    "PATH_SUMMARY",
    "PATH_TARGET",
    "Q_EDITOR",
    "Q_EXAMPLES",
    "Q_MESSAGE",
    "Q_RESULTS",
    "Q_RUN",
    "URL_SINK",
    "node_link",
]

NAV = "nav"
URL_SINK = "url-sink"

# explorer
EX_SEARCH = "explorer-search"
EX_TYPES = "explorer-types"
EX_RELATIONS = "explorer-relations"
EX_LAYOUT = "explorer-layout"
EX_RESET = "explorer-reset"
EX_CANVAS = "explorer-canvas"
EX_STATUS = "explorer-status"
EX_SHOW_MORE = "explorer-show-more"
EX_DETAILS = "explorer-details"
EX_EXPAND = "explorer-expand"
EX_COLLAPSE = "explorer-collapse"
EX_STATE = "explorer-state"
EX_LOCATION = "explorer-location"
EX_ADDRESS = "explorer-address"
NODE_LINK = "node-link"

# path finder
PATH_SOURCE = "path-source"
PATH_KNOW = "path-know"
PATH_TARGET = "path-target"
PATH_ALTERNATIVES = "path-alternatives"
PATH_OPTIONAL = "path-optional"
PATH_FIND = "path-find"
PATH_RESULT = "path-result"
PATH_MESSAGE = "path-message"
PATH_SUMMARY = "path-summary"
PATH_ROLES = "path-roles"
PATH_STEPS = "path-steps"
PATH_CREDENTIALS = "path-credentials"
PATH_CHART = "path-chart"
PATH_CANVAS = "path-canvas"
PATH_EDGE_LEGEND = "path-edge-legend"
DOWNLOAD = "path-download"
DOWNLOAD_BUTTON = "path-download-button"

# SPARQL page
Q_EXAMPLES = "query-examples"
Q_EDITOR = "query-editor"
Q_RUN = "query-run"
Q_RESULTS = "query-results"
Q_MESSAGE = "query-message"


# curriculum gaps page
GAPS_UPLOAD = "gaps-upload"
GAPS_UPLOADED = "gaps-uploaded"
GAPS_EXAMPLE = "gaps-example"
GAPS_TARGETS = "gaps-targets"
GAPS_REPORT = "gaps-report"
GAPS_MESSAGE = "gaps-message"
GAPS_SUMMARY = "gaps-summary"
GAPS_FINDINGS = "gaps-findings"
GAPS_CHART = "gaps-chart"
GAPS_CANVAS = "gaps-canvas"
GAPS_DOWNLOAD = "gaps-download"
GAPS_DOWNLOAD_BUTTON = "gaps-download-button"


def node_link(iri: str, where: str = "") -> dict[str, str]:
    """The pattern-matching id of a clickable node name in a details panel.

    A node can be listed more than once on a page (e.g. under "Required by roles"
    and "Unlocks roles"); ``where`` (the section) keeps each copy's id unique, so a
    click reaches the copy that was clicked.

    Parameters
    ----------
    iri : str
        The node the link selects.
    where : str
        Where the link is shown (a section title, a path step); unique per node.

    Returns
    -------
    dict
        ``{"type": "node-link", "iri": iri, "where": where}``.

    Examples
    --------
    >>> node_link("urn:x", "Prerequisites")
    {'type': 'node-link', 'iri': 'urn:x', 'where': 'Prerequisites'}
    """
    return {"type": NODE_LINK, "iri": iri, "where": where}
