"""Derived views of a persistent store, saved inside its folder so commands start fast.

Building the NetworkX projection and the label index of the ESCO store takes seconds
(more than the rest of a ``careerkg path --store`` run); loading them back takes a
fraction of that. For a persistent Oxigraph store (:meth:`kg.store.Store.open` on a
folder), :meth:`kg.store.Store.derived` therefore reads the views named in
:data:`PERSISTED` from ``STORE/careerkg-cache/<key>.pickle`` and writes them there when
it had to build them; ``careerkg import ... --store`` writes them right after the store
(:func:`warm`), so the first command is fast too.

Each file starts with a stamp of what it was built from (see :func:`stamp`): the store's
identity (RocksDB's ``IDENTITY``, its ``CURRENT`` manifest name and the names and sizes
of its data files, which change whenever the store is written), the careerkg version and
a fingerprint of the code that builds the views, the versions of Python, rdflib and
NetworkX, and :data:`FORMAT`. Any mismatch means the view is built again and the file
replaced. Files are written to a temporary file and renamed into place, so readers see
an old file or a new one, never half of one. A file that is missing, unreadable,
truncated, stale or of the wrong type is ignored (the view is built); a folder that
cannot be written (read-only store, full disk) only means nothing is saved. Neither is
ever an error.

Trust: the files are Python pickles, and loading a pickle can run code. They are read
only from inside the store folder, which is trusted like the store itself: anyone who
can write there could already change the graph every command reads.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from kg.importers.store import build_store
>>> from kg.store import Store
>>> from kg.project import projection
>>> folder = Path(tempfile.mkdtemp()) / "store"
>>> _ = build_store([], folder)
>>> sorted(warm(folder))
['label-index', 'projection']
>>> sorted(p.name for p in cache_folder(folder).iterdir())
['label-index.pickle', 'projection.pickle']
>>> G = projection(Store.open(folder))  # loaded, not built
>>> G.number_of_nodes() > 100
True
>>> import shutil; shutil.rmtree(folder.parent)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from kg.store import Store

__all__ = [
    "CACHE_DIR",
    "FORMAT",
    "PERSISTED",
    "WARMED",
    "build_apart",
    "build_missing",
    "cache_folder",
    "fetch",
    "is_saved",
    "load",
    "save",
    "stamp",
    "warm",
    "writable",
]

T = TypeVar("T")

FORMAT = 2
"""Version of the cache files' layout; bump it when what they hold changes shape."""

CACHE_DIR = "careerkg-cache"
"""The folder inside a store folder holding the saved views."""

PERSISTED = frozenset({"projection", "label-index", "example-answers"})
"""The :meth:`kg.store.Store.derived` keys saved beside a persistent store (an allow-list:
other views, e.g. the dashboard's, are only kept in memory)."""

WARMED = ("projection", "label-index")
"""The views an import builds and saves right away (:func:`warm`); the answers of the
example queries are saved by the first ``careerkg serve`` (:func:`kg.sparql.cache.prime`)."""

# RocksDB's own files: what a write to the store changes (LOG*, LOCK and OPTIONS do not
# tell the data apart and LOG changes on every read-write open anyway)
_DATA_FILE = re.compile(r"^(\d+\.(sst|log|blob)|MANIFEST-\d+)$")

# the modules whose code decides what the views hold
_BUILDER_MODULES = (
    "kg.project",
    "kg.names",
    "kg.store",
    "kg.derived_cache",
    # the answers of the example queries (kg.sparql.cache.answer_examples)
    "kg.sparql.cache",
    "kg.sparql.examples",
    "kg.sparql.paths",
)

_STALE_TMP_SECONDS = 3600


def cache_folder(location: str | Path) -> Path:
    """The folder where the views of the store at ``location`` are saved.

    Examples
    --------
    >>> cache_folder("/data/kgstore").as_posix()
    '/data/kgstore/careerkg-cache'
    """
    return Path(location) / CACHE_DIR


@cache
def _code_stamp() -> tuple[str, str]:
    """careerkg's version and a fingerprint of the modules that build the views."""
    import importlib
    from importlib import metadata

    try:
        version = metadata.version("careerkg")
    except metadata.PackageNotFoundError:
        version = "unknown"
    digest = hashlib.sha256()
    for name in _BUILDER_MODULES:
        source = getattr(importlib.import_module(name), "__file__", None)
        try:
            digest.update(Path(source).read_bytes() if source else name.encode())
        except OSError:
            digest.update(name.encode())
    return version, digest.hexdigest()[:16]


def stamp(location: str | Path) -> dict[str, Any] | None:
    """What the views of the store at ``location`` are built from, or ``None``.

    ``None`` when the folder is not a RocksDB store one can read (no ``IDENTITY`` or
    ``CURRENT``): such a store gets no cache.

    Examples
    --------
    >>> import tempfile
    >>> from kg.importers.store import build_store
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> _ = build_store([], folder, with_default=False)
    >>> s = stamp(folder)
    >>> s["format"] == FORMAT and len(s["identity"]) > 0
    True
    >>> stamp(folder.parent / "elsewhere") is None
    True
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    import networkx
    import rdflib

    root = Path(location)
    try:
        identity = (root / "IDENTITY").read_text(encoding="utf-8", errors="replace").strip()
        current = (root / "CURRENT").read_text(encoding="utf-8", errors="replace").strip()
        files = sorted(
            (entry.name, entry.stat().st_size) for entry in os.scandir(root) if _DATA_FILE.match(entry.name)
        )
    except OSError:
        return None
    if not identity or not current:
        return None
    version, code = _code_stamp()
    return {
        "format": FORMAT,
        "careerkg": version,
        "code": code,
        "python": list(sys.version_info[:2]),
        "rdflib": rdflib.__version__,
        "networkx": networkx.__version__,
        "identity": identity,
        "current": current,
        "files": files,
    }


def _encode(key: str, value: Any) -> Any:
    """What is pickled for the view ``key`` (the label index without its graph; query
    answers as plain tuples)."""
    if key == "label-index":
        return value.to_state()
    if key == "example-answers":
        return {
            text: (
                r.form,
                r.variables,
                r.rows,
                None if r.graph is None else list(r.graph),
                r.boolean,
                r.elapsed,
            )
            for text, r in value.items()
        }
    return value


def _decode(key: str, payload: Any, store: Store) -> Any | None:
    """The view ``key`` back from its payload, or ``None`` when it is not what it should be."""
    if key == "projection":
        import networkx as nx

        return payload if type(payload) is nx.MultiDiGraph else None
    if key == "label-index":
        from kg.names import LabelIndex

        if not isinstance(payload, dict):
            return None
        return LabelIndex.from_state(store.graph, payload)
    if key == "example-answers":
        return _decode_answers(payload)
    return None


def _decode_answers(payload: Any) -> dict[str, Any] | None:
    """Example answers back; ``None`` unless they answer exactly today's examples."""
    from kg.sparql.engine import QueryResult, graph_of_triples
    from kg.sparql.examples import EXAMPLES

    if not isinstance(payload, dict) or not set(payload) <= {e.editable_text for e in EXAMPLES.values()}:
        return None
    answers: dict[str, Any] = {}
    for text, (form, variables, rows, triples, boolean, elapsed) in payload.items():
        graph = None if triples is None else graph_of_triples(triples)
        answers[text] = QueryResult(form, variables, rows, graph=graph, boolean=boolean, elapsed=elapsed)
    return answers


def _path(store: Store, key: str) -> Path:
    return cache_folder(store.location) / f"{key}.pickle"


def _header(store: Store, key: str) -> dict[str, Any] | None:
    """The header a current file of the view ``key`` of ``store`` starts with; ``None``
    when that view is not saved for this store (not allow-listed, not a folder, no stamp)."""
    if key not in PERSISTED or store.kind != "oxigraph" or not store.location:
        return None
    current = stamp(store.location)
    return None if current is None else {"key": key, "stamp": current}


def load(store: Store, key: str) -> Any | None:
    """The saved view ``key`` of ``store``, or ``None`` when there is no valid one.

    Never raises: a missing, unreadable, truncated, stale or mistyped file is ``None``.

    Examples
    --------
    >>> import tempfile
    >>> from kg.importers.store import build_store
    >>> from kg.store import Store
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> _ = build_store([], folder)
    >>> load(Store.open(folder), "projection") is None  # nothing saved yet
    True
    >>> _ = warm(folder)
    >>> load(Store.open(folder), "projection").number_of_nodes() > 100
    True
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    expected = _header(store, key)
    if expected is None:
        return None
    try:
        with open(_path(store, key), "rb") as fh:
            if pickle.load(fh) != expected:  # two pickles, each read with its own memo
                return None
            from kg.names import collector_paused

            with collector_paused():  # millions of small containers: it would run hundreds of times
                payload = pickle.load(fh)
        return _decode(key, payload, store)
    except Exception:  # a bad cache file of any kind only means the view is built again
        return None


def is_saved(store: Store, key: str) -> bool:
    """Whether a file for the view ``key`` of ``store`` is saved and stamped as current
    (its header only is read: the view itself may still turn out unreadable).

    Examples
    --------
    >>> import tempfile
    >>> from kg.importers.store import build_store
    >>> from kg.store import Store
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> _ = build_store([], folder)
    >>> is_saved(Store.open(folder), "projection")
    False
    >>> _ = warm(folder, processes=1)
    >>> is_saved(Store.open(folder), "projection")
    True
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    expected = _header(store, key)
    if expected is None:
        return False
    try:
        with open(_path(store, key), "rb") as fh:
            return bool(pickle.load(fh) == expected)
    except Exception:
        return False


def save(store: Store, key: str, value: Any) -> bool:
    """Save the view ``key`` of ``store`` beside it; ``True`` when it was written.

    Never raises: a folder that cannot be written just means nothing is saved.

    Examples
    --------
    >>> import tempfile
    >>> from kg.importers.store import build_store
    >>> from kg.store import Store
    >>> from kg.names import LabelIndex
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> _ = build_store([], folder)
    >>> store = Store.open(folder)
    >>> save(store, "label-index", LabelIndex.build(store.graph))
    True
    >>> save(store, "dashboard-overview", {})  # not in PERSISTED
    False
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    header = _header(store, key)
    if header is None:
        return False
    folder = cache_folder(store.location)
    tmp: str | None = None
    try:
        folder.mkdir(exist_ok=True)
        _sweep(folder)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
        # readable by whoever can read the store (mkstemp makes the file owner-only)
        os.chmod(tmp, (Path(store.location) / "CURRENT").stat().st_mode & 0o666)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(header, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(_encode(key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
        tmp = None
        return True
    except Exception:  # read-only folder, full disk, an unpicklable value: no cache, no error
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _sweep(folder: Path) -> None:
    """Remove temporary files that writers killed mid-way left (older than an hour)."""
    now = time.time()
    for entry in os.scandir(folder):
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > _STALE_TMP_SECONDS:
                    os.unlink(entry.path)


def fetch(store: Store, key: str, build: Callable[[Store], T]) -> T:
    """The view ``key`` of ``store``: loaded when saved and valid, else built and saved.

    :meth:`kg.store.Store.derived` calls this for the keys in :data:`PERSISTED` on a
    persistent store; it keeps the result in memory itself.

    Examples
    --------
    >>> import tempfile
    >>> from kg.importers.store import build_store
    >>> from kg.store import Store
    >>> from kg.project import project
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> _ = build_store([], folder)
    >>> built = fetch(Store.open(folder), "projection", lambda s: project(s.graph))
    >>> loaded = fetch(Store.open(folder), "projection", lambda s: 1 / 0)  # not called
    >>> sorted(loaded.edges(keys=True)) == sorted(built.edges(keys=True))
    True
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    value = load(store, key)
    if value is not None:
        return value  # type: ignore[no-any-return]
    value = build(store)
    save(store, key, value)
    return value


def _build_and_save(location: str, key: str) -> float | None:
    """Build the view ``key`` of the store at ``location`` and save it; seconds, or ``None``."""
    from kg.names import LabelIndex
    from kg.project import project
    from kg.sparql.cache import APART_TIMEOUT, answer_examples
    from kg.store import Store

    builders: dict[str, Callable[[Store], Any]] = {
        "projection": lambda s: project(s.graph),
        "label-index": lambda s: LabelIndex.build(s.graph),
        "example-answers": lambda s: answer_examples(s, timeout=APART_TIMEOUT),
    }
    start = time.perf_counter()
    store = Store.open(location)
    if save(store, key, builders[key](store)):
        return time.perf_counter() - start
    return None


def warm(location: str | Path, processes: int | None = None) -> dict[str, float]:
    """Build and save the views in :data:`WARMED` of the store at ``location``.

    Called by ``careerkg import ... --store`` once the store is in place, so the first
    command on it starts fast. Each view is built in a process of its own, side by
    side, when the machine has more than one core (``processes``: how many; 1 builds
    them in turn here). Returns the seconds each view saved took (build and save); a
    view that could not be saved (read-only folder) is left out.

    Examples
    --------
    >>> import tempfile
    >>> from kg.importers.store import build_store
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> _ = build_store([], folder)
    >>> sorted(warm(folder, processes=1))
    ['label-index', 'projection']
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    workers = min(len(WARMED), processes or os.cpu_count() or 1)
    if workers <= 1:
        done = {key: _build_and_save(str(location), key) for key in WARMED}
    else:
        done = _in_processes(str(location), WARMED)
    return {key: seconds for key, seconds in done.items() if seconds is not None}


def build_missing(store: Store) -> dict[str, float]:
    """Build apart and save the views in :data:`WARMED` that ``store`` has no current
    file for (a store imported by another careerkg version, or whose files were
    removed), side by side in processes of their own; the seconds each took.

    ``careerkg serve`` calls it before loading the views: building them in the
    server's master process would leave the memory it took to every worker.
    """
    missing = tuple(key for key in WARMED if not is_saved(store, key))
    if not missing or not store.location or not writable(store.location):
        return {}  # (built here when needed: apart, they could not be saved for this process)
    done = _in_processes(str(store.location), missing)
    return {key: seconds for key, seconds in done.items() if seconds is not None}


def writable(location: str | Path) -> bool:
    """Whether views of the store at ``location`` can be saved (its cache folder, or the
    store folder where it would be made, is writable).

    Examples
    --------
    >>> import tempfile
    >>> writable(tempfile.mkdtemp()), writable("/no/such/store")
    (True, False)
    """
    folder = cache_folder(location)
    return os.access(folder if folder.is_dir() else Path(location), os.W_OK)


def build_apart(location: str | Path, key: str) -> float | None:
    """Build and save the view ``key`` of the store at ``location`` in a new Python
    process; the seconds it took, or ``None`` when nothing could be saved.

    What the building needed (Oxigraph's caches, the evaluation's allocations) ends
    with that process: ``careerkg serve`` answers the example queries this way before
    it forks its workers, so they do not inherit it.

    Examples
    --------
    >>> import tempfile
    >>> from kg.importers.store import build_store
    >>> from kg.store import Store
    >>> folder = Path(tempfile.mkdtemp()) / "store"
    >>> _ = build_store([], folder)
    >>> build_apart(folder, "example-answers") > 0
    True
    >>> len(load(Store.open(folder), "example-answers")) > 5
    True
    >>> import shutil; shutil.rmtree(folder.parent)
    """
    return _in_processes(str(location), (key,))[key]


def _in_processes(location: str, keys: tuple[str, ...]) -> dict[str, float | None]:
    """:func:`_build_and_save` of every view in ``keys``, each in a new Python process
    (started with ``-c``, so the caller's ``__main__`` is never imported again)."""
    import subprocess

    from kg.sparql.bounded import child_environment

    env = child_environment()
    runs = {
        key: subprocess.Popen(
            [
                sys.executable,
                "-c",
                # Ctrl-C reaches the whole process group: the child cleans up and ends
                # quietly (no traceback), and the command that started it says what was left
                "import sys\n"
                "try:\n"
                "    from kg.derived_cache import _build_and_save\n"
                "    print(_build_and_save(sys.argv[1], sys.argv[2]))\n"
                "except KeyboardInterrupt:\n"
                "    sys.exit(130)\n",
                location,
                key,
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for key in keys
    }
    done: dict[str, float | None] = {}
    for key, run in runs.items():
        out, _ = run.communicate()
        try:
            done[key] = float(out.strip()) if run.returncode == 0 else None
        except ValueError:  # "None": the view could not be saved
            done[key] = None
    return done
