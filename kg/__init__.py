"""careerkg: a knowledge graph of careers in machine learning.

The graph core: loading the store, resolving names, learning paths, SPARQL,
curriculum gaps. The package only re-exports; each topic has its own module.
"""

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
from kg.names import LabelIndex
from kg.namespace import CKG
from kg.store import Store

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
