"""Validation findings compared between stores."""

from __future__ import annotations

from collections import Counter

from kg.validate import Finding


def finding_kinds(findings: list[Finding]) -> Counter[tuple[str, ...]]:
    """The findings without the blank nodes' labels, which differ between stores."""
    return Counter(
        (
            f.severity,
            f.check,
            f.node if not f.node.startswith("_:") else "_:",
            f.name,
            f.path,
            f.message,
            f.value,
        )
        for f in findings
    )
