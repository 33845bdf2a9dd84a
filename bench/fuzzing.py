"""Hostile-input targets shared by the test suite (a few cases each) and ``bench_fuzz`` (10,000+).

Each target is a hypothesis strategy and a check. A check feeds one generated value to an
entry point and returns an outcome label (``"ok"`` or the name of the careerkg error it
raised); it fails (``AssertionError`` or :class:`CaseTimeout`) when the entry point
raises anything else, answers 5xx, shows a traceback, or takes longer than its bound.

In-process targets: curriculum CSV and Turtle (``kg.curriculum``, then the gaps analysis
and the page rendering of the upload callback), ``--data`` files (``kg.store.load_file``),
path names (``kg.paths.plan`` and the path page's compute/render) and SPARQL text
(``kg.sparql.engine.run_query``). HTTP targets, against a running ``careerkg serve``: URL
path segments of ``/node/<name>`` and ``/path/<source>/<target>`` (GET and the pages
callback), the ``/sparql`` endpoint, and the Dash callbacks (path finder, search, gaps upload).
"""

from __future__ import annotations

import base64
import contextlib
import json
import signal
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from bench.dashclient import DashCallbacks, request

__all__ = ["HTTP_TARGETS", "LOCAL_TARGETS", "CaseTimeout", "Target", "bounded"]

ROLE = "https://w3id.org/careerkg/id/role/"
TRACE_MARKERS = ("Traceback (most recent call last)", 'File "/')


class CaseTimeout(BaseException):  # not an Exception: code under test cannot swallow it
    """One generated case ran longer than its time bound (a hang)."""


@contextlib.contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Raise :class:`CaseTimeout` in the main thread if the block runs longer than ``seconds``."""

    def alarm(_signum: int, _frame: Any) -> None:
        raise CaseTimeout(f"case ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _no_trace(text: str) -> None:
    for marker in TRACE_MARKERS:
        assert marker not in text, f"traceback shown to the user: {text[:500]}"


# ------------------------------------------------------------------ generators

HOSTILE = [
    "..", "../..", "/", "%00", "\x00", "%2e%2e%2f", "<script>alert(1)</script>", "' OR 1=1 --",
    "}", "{", "\\", "\u202e", "\ufeff", "💥", "role:", "skill:", "<urn:x>", "<>", "a" * 300,
    "Data Scientist", "role:data-scientist", "Python:9", "Python:-1", "Python:x", "-", "none",
]  # fmt: skip
"""Known troublemakers mixed into generated names."""

names = st.one_of(
    st.text(max_size=60),
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
)


def _mutate(seeds: list[str]) -> st.SearchStrategy[str]:
    """Seeds with a few random edits: inserted text, deleted or duplicated spans."""
    insert = st.one_of(
        st.text(max_size=8), st.sampled_from(["{", "}", ".", ";", "<", ">", '"', "\\", "\n", "#"])
    )

    @st.composite
    def mutated(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(seeds))
        for _ in range(draw(st.integers(1, 6))):
            if not text:
                text = draw(insert)
                continue
            i = draw(st.integers(0, len(text)))
            j = draw(st.integers(i, min(len(text), i + 40)))
            op = draw(st.integers(0, 3))
            if op == 0:
                text = text[:i] + draw(insert) + text[i:]
            elif op == 1:
                text = text[:i] + text[j:]
            elif op == 2:
                text = text[:j] + text[i:j] + text[j:]
            else:
                text = text[:i] + text[i:j].upper() + text[j:]
        return text

    return mutated()


@cache
def _seeds() -> dict[str, list[str]]:
    from kg.sparql.examples import EXAMPLES
    from kg.store import data_files, resource_dir

    curricula = resource_dir("data") / "curricula"
    turtle = []
    for path in data_files()[:3]:
        text = path.read_text(encoding="utf-8")
        cut = text.find(" .\n", 2500)
        turtle.append(text[: cut + 3] if cut > 0 else text[:3000])
    return {
        "csv": [p.read_text(encoding="utf-8") for p in sorted(curricula.glob("*.csv"))],
        "ttl": [p.read_text(encoding="utf-8") for p in sorted(curricula.glob("*.ttl"))],
        "data": turtle,
        "nt": ['<urn:a> <urn:b> "c"@en .\n<urn:a> <urn:b> <urn:c> .\n_:x <urn:p> "1"^^<urn:t> .\n'],
        "sparql": [e.text for e in EXAMPLES.values()]
        + ["SELECT * WHERE { ?s ?p ?o } LIMIT 5", "ASK { role:data-scientist ckg:requiresSkill ?s }"],
    }


@cache
def _labels(kind: str) -> list[str]:
    from kg.names import LabelIndex
    from kg.namespace import CKG

    store = _store()
    cls = CKG.Role if kind == "role" else CKG.Skill
    labels = LabelIndex.of(store).labels
    return sorted(labels[iri] for iri in store.instances(cls) if iri in labels)


def known(kind: str) -> st.SearchStrategy[str]:
    """Real role or skill labels, sometimes with a level or hostile text around them."""
    label = st.deferred(lambda: st.sampled_from(_labels(kind)))
    return st.one_of(
        label,
        st.tuples(label, st.sampled_from([":1", ":5", ":0", ":9", ":x", "", " ", "\x00"])).map("".join),
        st.tuples(st.sampled_from(HOSTILE), label).map("".join),
    )


def curricula(fmt: str) -> st.SearchStrategy[str]:
    """Almost-curricula: mutated shipped examples, random text, troublemaker rows."""
    seeds = _seeds()[fmt]
    row = st.lists(names, min_size=1, max_size=5).map(",".join)
    return st.one_of(
        _mutate(seeds),
        st.text(max_size=300),
        st.lists(row, max_size=6).map(lambda rows: "course,term,teaches,requires\n" + "\n".join(rows)),
    )


data_files = st.tuples(
    st.sampled_from([".ttl", ".nt", ".rdf", ".jsonld"]),
    st.one_of(
        st.binary(max_size=300),
        st.deferred(lambda: _mutate(_seeds()["data"] + _seeds()["nt"])).map(lambda s: s.encode("utf-8")),
        st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
    ),
)

queries = st.one_of(
    st.deferred(lambda: _mutate(_seeds()["sparql"])),
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            ["SELECT", "*", "WHERE", "{", "}", "?s", "?p", "?o", ".", "OPTIONAL", "FILTER", "(", ")",
             "UNION", "SERVICE", "<urn:x>", "LIMIT", "10", "ORDER BY", "GROUP BY", "COUNT", "ASK",
             "CONSTRUCT", "DESCRIBE", "ckg:Role", "a", "VALUES", "BIND", "AS", "FROM", "LOAD", "INSERT"]
        ),
        max_size=25,
    ).map(" ".join),
)  # fmt: skip

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | names,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


# ------------------------------------------------------------------ in-process checks


@cache
def _store() -> Any:
    from kg.store import Store

    store = Store.default()
    from kg.explore import graph_of
    from kg.names import LabelIndex

    graph_of(store)
    LabelIndex.of(store)
    return store


def check_curriculum(args: tuple[str, str]) -> str:
    """A curriculum upload, as the ``/gaps`` callback handles it (parse, analyse, render)."""
    from dashboard.views import gaps as view
    from kg.errors import KGError

    text, fmt = args
    store = _store()
    contents = f"data:text/{fmt};base64," + base64.b64encode(text.encode("utf-8", "surrogatepass")).decode()
    with bounded(10):
        try:
            decoded, got_fmt = view.decode_upload(contents, f"upload.{fmt}")
        except KGError as err:
            _no_trace(str(err))
            return type(err).__name__
        result = view.analyse(store, decoded, got_fmt, f"upload.{fmt}")
        if result["error"]:
            _no_trace(result["error"])
            return "reported-error"
        report = result["report"]
        view.summary(report), view.findings_list(report), view.gap_elements(report)
        if report["coverage"]:
            view.coverage_figure(report["coverage"])
        json.dumps(result)  # what the callback sends must serialise
    return "ok"


def check_data_file(args: tuple[str, bytes]) -> str:
    """A ``--data`` file: parsed or refused with :class:`~kg.errors.InputFileError`."""
    from kg.errors import InputFileError
    from kg.store import load_file, materialise, new_graph

    suffix, data = args
    with tempfile.NamedTemporaryFile(suffix=suffix) as fh:
        fh.write(data)
        fh.flush()
        with bounded(10):
            graph = new_graph()
            try:
                load_file(graph, fh.name)
            except InputFileError as err:
                message = str(err)
                _no_trace(message)
                assert fh.name in message, message
                return "InputFileError"
            materialise(graph)
    return "ok"


def check_plan(args: tuple[str, str, list[str]]) -> str:
    """Path names: :func:`kg.paths.plan`, then the path page's compute and render."""
    from dashboard.views import path as view
    from kg.errors import KGError
    from kg.paths import plan

    source, target, know = args
    store = _store()
    with bounded(15):
        try:
            plan(store, source, target, know=know)
            outcome = "ok"
        except KGError as err:
            _no_trace(str(err))
            outcome = type(err).__name__
        result = view.compute(store, source, target, know)
        view.render(store, result)
    return outcome


def check_query(text: str) -> str:
    """SPARQL text: a result or :class:`~kg.errors.QueryRejected`, within the time limit."""
    from kg.errors import KGError
    from kg.sparql.engine import run_query

    with bounded(8):
        try:
            run_query(_store(), text, timeout=2.0, max_rows=2000)
        except KGError as err:
            _no_trace(str(err))
            return type(err).__name__
    return "ok"


# ------------------------------------------------------------------ HTTP checks

OK_STATUSES = {200, 204, 400, 403, 404, 405, 406, 413, 414, 415}


def _http_ok(status: int, body: bytes, what: str) -> str:
    text = body.decode("utf-8", "replace")
    _no_trace(text)
    if status == 503 and "time limit" in text:  # a SPARQL query stopped at its limit, by design
        return "503-time-limit"
    assert status in OK_STATUSES, f"{what}: HTTP {status}: {text[:300]}"
    return str(status)


def check_segments(base: str, args: tuple[str, str, str]) -> str:
    """``/node/<name>`` and ``/path/<source>/<target>?know=`` by GET and by the pages callback."""
    a, b, c = args
    outcomes = []
    for safe in ("", "%/."):  # fully quoted, and with raw %xx, '/' and '.' kept
        qa, qb, qc = (urllib.parse.quote(x, safe=safe) for x in (a, b, c))
        for path in (f"/node/{qa}", f"/path/{qa}/{qb}?know={qc}"):
            outcomes.append(_http_ok(*request(base, "GET", path, timeout=20), f"GET {path[:80]}"))
        dash = _callbacks(base)
        for pathname, search in ((f"/node/{qa}", ""), (f"/path/{qa}/{qb}", f"?know={qc}&alternatives={qc}")):
            status, body = dash.call(
                "_pages_content.children",
                {"_pages_location.pathname": pathname, "_pages_location.search": search},
                timeout=20,
            )
            outcomes.append(_http_ok(status, body, f"page {pathname[:80]}"))
            assert status == 200, (pathname, search, body[:300])
    return "/".join(sorted(set(outcomes)))


def check_endpoint(base: str, args: tuple[str, int]) -> str:
    """``/sparql`` by GET, form POST or direct POST."""
    text, how = args
    raw = text.encode("utf-8", "surrogatepass")
    if how == 0:
        path = "/sparql?" + urllib.parse.urlencode({"query": raw})
        status, body = request(base, "GET", path[:8000], timeout=20)
    elif how == 1:
        form = urllib.parse.urlencode({"query": raw}).encode()
        status, body = request(
            base, "POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"}, 20
        )
    else:
        status, body = request(base, "POST", "/sparql", raw, {"Content-Type": "application/sparql-query"}, 20)
    return _http_ok(status, body, "sparql")


@cache
def _callbacks_for(base: str) -> DashCallbacks:
    return DashCallbacks(base)


def _callbacks(base: str) -> DashCallbacks:
    return _callbacks_for(base)


def check_callbacks(base: str, args: tuple[int, Any, Any, Any]) -> str:
    """The path-finder, search and gaps-upload callbacks with generated values."""
    which, x, y, z = args
    dash = _callbacks(base)
    typed = all(v is None or isinstance(v, str) for v in (x, y)) and (
        z is None or (isinstance(z, list) and all(isinstance(k, str) for k in z))
    )
    if which == 0:
        inputs = {"path-find.n_clicks": 1}
        state = {
            "path-source.value": x,
            "path-target.value": y,
            "path-know.value": z,
            "path-alternatives.value": 1,
        }
        status, body = dash.call("path-result.data", inputs, state, timeout=20)
    elif which == 1:
        status, body = dash.call(
            "explorer-search.options", {"explorer-search.search_value": x}, {"explorer-search.value": y}, 20
        )
    else:
        data = (x if isinstance(x, str) else json.dumps(x)).encode("utf-8", "surrogatepass")
        contents = "data:text/csv;base64," + base64.b64encode(data).decode()
        name = y if isinstance(y, str) else "c.csv"
        status, body = dash.call(
            "gaps-source.data",
            {"gaps-upload.contents": contents, "gaps-example.value": None},
            {"gaps-upload.filename": name},
            timeout=20,
        )
    outcome = _http_ok(status, body, f"callback {which}")
    if typed and which in (0, 1):
        assert status in (200, 204), (which, x, y, z, status, body[:300])
    return outcome


# ------------------------------------------------------------------ registry


@dataclass(frozen=True)
class Target:
    """One entry point: how to generate its input and how to check one case."""

    name: str
    strategy: Any
    check: Callable[..., str]


LOCAL_TARGETS = [
    Target("curriculum-csv", st.tuples(curricula("csv"), st.just("csv")), check_curriculum),
    Target("curriculum-ttl", st.tuples(curricula("ttl"), st.just("ttl")), check_curriculum),
    Target("data-file", data_files, check_data_file),
    Target(
        "path-names",
        st.tuples(
            known("role") | names | st.none(),
            known("role") | names,
            st.lists(known("skill") | names, max_size=4),
        ),
        check_plan,
    ),
    Target("sparql-text", queries, check_query),
]
"""Targets called in-process: ``check(value)``."""

HTTP_TARGETS = [
    Target("url-segments", st.tuples(names, names, names), check_segments),
    Target("sparql-endpoint", st.tuples(queries, st.integers(0, 2)), check_endpoint),
    Target(
        "dash-callbacks",
        st.tuples(
            st.integers(0, 2),
            st.deferred(lambda: st.sampled_from([ROLE + r for r in ("software-engineer", "data-scientist")]))
            | names
            | json_values,
            st.deferred(lambda: st.sampled_from([ROLE + "machine-learning-engineer", ROLE + "head-of-data"]))
            | names
            | st.none(),
            st.lists(names, max_size=3) | json_values,
        ),
        check_callbacks,
    ),
]
"""Targets over HTTP: ``check(base_url, value)``."""


def timed(check: Callable[[], str]) -> tuple[str, float]:
    """Run one check; ``(outcome, seconds)``."""
    started = time.perf_counter()
    outcome = check()
    return outcome, time.perf_counter() - started


def seed_file(name: str) -> Path:
    """A path for a fuzz artefact (failing case) under the system temporary folder."""
    return Path(tempfile.gettempdir()) / f"careerkg-fuzz-{name}.txt"
