"""The careerkg exception tree, rooted at :class:`KGError`.

Every message says what was wrong and what would be right. Command-line entry points
turn a :class:`KGError` into a one-paragraph message on stderr and its ``exit_code``.

Examples
--------
>>> err = UnknownEntity("Pyton", ["Python", "PyTorch"])
>>> print(err)
unknown name 'Pyton'; closest known labels: 'Python', 'PyTorch'
>>> isinstance(err, KGError), err.exit_code
(True, 2)
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CyclicPrerequisites",
    "InputFileError",
    "InvalidCurriculum",
    "KGError",
    "NoLearningPath",
    "QueryRejected",
    "QueryTimeout",
    "ResultTooLarge",
    "StoreError",
    "UnknownEntity",
    "not_utf8",
]


class KGError(Exception):
    """Base class of every error careerkg raises on purpose.

    ``exit_code`` follows the CLI convention: 1 for a well-formed request with a
    negative answer, 2 for bad input.
    """

    exit_code = 2


class UnknownEntity(KGError, LookupError):
    """A name (label, alt label, IRI or prefixed name) matches nothing in the graph.

    Parameters
    ----------
    name : str
        The name as given.
    suggestions : sequence of str
        The closest known labels, best first.
    kind : str, optional
        What was looked for ("role", "skill", ...), used in the message.
    among : str, optional
        What the suggestions are ("label", the default; "name" for example queries).
    note : str, optional
        Said after the name, e.g. that it names a node of another kind.
    """

    def __init__(
        self, name: str, suggestions: Sequence[str] = (), kind: str = "", among: str = "label", note: str = ""
    ) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        self.kind = kind
        what = f"unknown {kind} name" if kind else "unknown name"
        msg = f"{what} {name!r}" + (f" ({note})" if note else "")
        if self.suggestions:
            msg += f"; closest known {among}s: " + ", ".join(repr(s) for s in self.suggestions)
        else:
            msg += f"; no similar {among} is known"
        super().__init__(msg)


class NoLearningPath(KGError):
    """No learning path leads from the source to the target (exit code 1)."""

    exit_code = 1


class CyclicPrerequisites(KGError):
    """The prerequisite relation has a cycle; ``cycle`` lists its nodes in order."""

    exit_code = 1

    def __init__(self, cycle: Sequence[str], message: str | None = None) -> None:
        self.cycle = list(cycle)
        super().__init__(
            message or "prerequisite cycle: " + " -> ".join([*self.cycle, self.cycle[0]])
            if self.cycle
            else "prerequisite cycle"
        )


class InputFileError(KGError, ValueError):
    """A user file (Turtle, CSV, query file) is malformed.

    Parameters
    ----------
    path : str
        The file.
    reason : str
        What is wrong and, where it helps, what would be right.
    line : int, optional
        The 1-based line (or CSV row) where the problem is.
    """

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


class InvalidCurriculum(InputFileError):
    """A curriculum file is malformed (missing column, bad term, empty file...)."""


class StoreError(KGError):
    """A store cannot be opened (missing, locked or corrupt) or written."""


class QueryRejected(KGError):
    """A SPARQL request is refused: malformed, an update, or asks to fetch outside data.

    ``status`` is the HTTP status the endpoint answers with (400 or 403).
    """

    def __init__(self, message: str, status: int = 400) -> None:
        self.status = status
        super().__init__(message)


class QueryTimeout(QueryRejected):
    """A query ran past its time limit and was stopped.

    ``evaluated`` is how long the evaluation itself ran when that is known and shorter
    than the limit (the rest was spent waiting for a free query process); ``None``
    means the whole limit.
    """

    def __init__(self, seconds: float, evaluated: float | None = None) -> None:
        self.seconds = seconds
        self.evaluated = evaluated
        super().__init__(
            f"query stopped after the {seconds:g} s time limit; "
            "narrow it (LIMIT, more specific patterns) or raise the limit",
            status=503,
        )


class ResultTooLarge(QueryRejected):
    """A query result has more rows than the configured cap."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        super().__init__(
            f"query result exceeds the cap of {cap} rows; add a LIMIT or raise the cap",
            status=413,
        )


def not_utf8(raw: bytes, at: int) -> str:
    r"""What the byte at ``at`` of ``raw``, not UTF-8, is: its value, the text before it on
    its line, and the character it is in Windows-1252 (what Excel's plain "CSV" saves).

    Examples
    --------
    >>> not_utf8(b"course,term\nB,2,caf\xe9,\n", 19)
    "byte 0xE9 after 'B,2,caf', 'é' in Windows-1252"
    """
    line_start = raw.rfind(b"\n", 0, at) + 1
    before = raw[line_start:at].decode("utf-8", errors="replace")[-20:]
    byte = raw[at : at + 1]
    guess = byte.decode("cp1252", errors="replace")
    what = f"byte 0x{byte.hex().upper()}" + (f" after {before!r}" if before else "")
    if guess.isprintable() and guess != "\ufffd":
        what += f", {guess!r} in Windows-1252"
    return what
