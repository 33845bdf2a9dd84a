"""SPARQL over careerkg: bounded read-only queries, result formats, named examples,
learning paths as magic predicates, and the ``/sparql`` endpoint.
"""

from kg.sparql.engine import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT,
    QueryResult,
    call_with_deadline,
    check_query,
    limits_from_env,
    parse_query,
    run_query,
)
from kg.sparql.formats import FORMATS, NEGOTIATION, for_name, negotiate
from kg.sparql.paths import install, uninstall

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "NEGOTIATION",
    "QueryResult",
    "call_with_deadline",
    "check_query",
    "for_name",
    "install",
    "limits_from_env",
    "negotiate",
    "parse_query",
    "run_query",
    "uninstall",
]
