"""careerkg: a knowledge graph of careers in machine learning.

The graph core: loading the store, resolving names, learning paths, SPARQL,
curriculum gaps. The package only re-exports; each topic has its own module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kg.errors import (
    CyclicPrerequisites,
    InputFileError,
    InvalidCurriculum,
    KGError,
    NoLearningPath,
    QueryRejected,
    QueryTimeout,
    StoreError,
    UnknownEntity,
)

if TYPE_CHECKING:
    from kg.names import LabelIndex
    from kg.namespace import CKG
    from kg.store import Store

# imported on first use: ``careerkg`` starts (and answers Ctrl-C, --help) before rdflib loads
_LAZY = {"CKG": "kg.namespace", "LabelIndex": "kg.names", "Store": "kg.store"}


def __getattr__(name: str) -> Any:
    """``kg.Store``, ``kg.CKG``, ``kg.LabelIndex``, imported when first asked for."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = [
    "CKG",
    "CyclicPrerequisites",
    "InputFileError",
    "InvalidCurriculum",
    "KGError",
    "LabelIndex",
    "NoLearningPath",
    "QueryRejected",
    "QueryTimeout",
    "Store",
    "StoreError",
    "UnknownEntity",
]
