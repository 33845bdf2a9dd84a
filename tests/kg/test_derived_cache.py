"""The projection and label index of a persistent store, saved inside its folder
(kg.derived_cache): loaded views equal fresh builds, bad or stale files are rebuilt
silently, an unwritable folder only means no cache, and the import writes them."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, URIRef

import kg.derived_cache as dc
import kg.project
from kg.cli import _register, cli
from kg.names import LabelIndex
from kg.namespace import CKG, ROLE
from kg.project import project, projection
from kg.store import Store
from tests.kg.test_import_esco import OCC, SK, make_esco

# the builders themselves, before any test counts calls to them
build_index = LabelIndex.build


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store from the CLI: curated data + a small ESCO-like import, cache written."""
    _register()
    root = make_esco(tmp_path_factory.mktemp("esco"))
    folder = tmp_path_factory.mktemp("stores") / "kgstore"
    result = CliRunner().invoke(cli, ["import", "esco", str(root), "--store", str(folder), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "saved label-index, projection in" in result.stderr
    return folder


@pytest.fixture
def store_dir(imported: Path, tmp_path: Path) -> Path:
    """A private copy of the imported store (with its cache), free to spoil."""
    return Path(shutil.copytree(imported, tmp_path / "kgstore"))


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times the projection and the label index are built from the graph."""
    counts = {"projection": 0, "label-index": 0}
    real_project, real_build = kg.project.project, LabelIndex.build.__func__  # type: ignore[attr-defined]

    def counting_project(graph: Any) -> nx.MultiDiGraph:
        counts["projection"] += 1
        return real_project(graph)

    def counting_build(cls: type[LabelIndex], graph: Any, *args: Any) -> LabelIndex:
        counts["label-index"] += 1
        return real_build(cls, graph, *args)  # type: ignore[no-any-return]

    monkeypatch.setattr(kg.project, "project", counting_project)
    monkeypatch.setattr(LabelIndex, "build", classmethod(counting_build))
    return counts


def _cache(folder: Path, key: str = "projection") -> Path:
    return dc.cache_folder(folder) / f"{key}.pickle"


def _same_projection(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))  # same order too
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert a.graph == b.graph


def _same_index(a: LabelIndex, b: LabelIndex) -> None:
    assert a.labels == b.labels
    assert a.by_name == b.by_name
    assert a.types == b.types
    assert a.alt == b.alt


def test_loaded_views_equal_fresh_builds(store_dir: Path, builds: dict[str, int]) -> None:
    fresh = Store.open(store_dir)
    G, index = project(fresh.graph), build_index(fresh.graph)
    assert G.number_of_edges() > 100
    assert G.has_node(URIRef(OCC["dev"]))
    assert G.has_edge(URIRef(OCC["dev"]), URIRef(SK["python"]), "requires")

    store = Store.open(store_dir)
    loaded_G, loaded_index = projection(store), LabelIndex.of(store)
    assert builds == {"projection": 0, "label-index": 0}  # loaded, not built
    _same_projection(loaded_G, G)
    _same_index(loaded_index, index)
    assert loaded_index.graph is store.graph
    assert loaded_index.resolve("machine learning engineer", CKG.Role) == ROLE["machine-learning-engineer"]
    assert loaded_index.search("developer") == index.search("developer")
    assert projection(store) is loaded_G  # then kept in memory


def test_a_command_writes_the_cache_and_the_next_one_loads_it(
    store_dir: Path, builds: dict[str, int]
) -> None:
    shutil.rmtree(dc.cache_folder(store_dir))
    first = projection(Store.open(store_dir))
    assert builds["projection"] == 1
    assert _cache(store_dir).is_file()
    second = projection(Store.open(store_dir))
    assert builds["projection"] == 1
    _same_projection(second, first)


def test_the_cache_file_is_readable_like_the_store(store_dir: Path) -> None:
    mode = (store_dir / "CURRENT").stat().st_mode & 0o666
    assert _cache(store_dir).stat().st_mode & 0o666 == mode
    assert _cache(store_dir, "label-index").stat().st_mode & 0o666 == mode


def _rewrite(path: Path, header: Any, payload: Any) -> None:
    with open(path, "wb") as fh:
        pickle.dump(header, fh)
        pickle.dump(payload, fh)


def _spoil_stamp(path: Path) -> None:
    with open(path, "rb") as fh:
        header, payload = pickle.load(fh), pickle.load(fh)
    header["stamp"]["current"] = "MANIFEST-999999"
    _rewrite(path, header, payload)


def _wrong_type(path: Path) -> None:
    with open(path, "rb") as fh:
        header = pickle.load(fh)
    _rewrite(path, header, ["not", "a", "graph"])


SPOILERS = {
    "stale stamp": _spoil_stamp,
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "garbage": lambda p: p.write_bytes(b"\x80\x05not a pickle at all"),
    "wrong type": _wrong_type,
    "a folder": lambda p: (p.unlink(), p.mkdir()),
}


@pytest.mark.parametrize("spoil", list(SPOILERS))
def test_bad_cache_files_are_rebuilt_silently(store_dir: Path, builds: dict[str, int], spoil: str) -> None:
    expected = project(Store.open(store_dir).graph)
    expected_index = build_index(Store.open(store_dir).graph)
    for key in dc.WARMED:
        SPOILERS[spoil](_cache(store_dir, key))
    store = Store.open(store_dir)
    _same_projection(projection(store), expected)
    _same_index(LabelIndex.of(store), expected_index)
    assert builds == {"projection": 1, "label-index": 1}
    if spoil != "a folder":  # the bad file is replaced: the next process loads it
        again = Store.open(store_dir)
        _same_projection(projection(again), expected)
        LabelIndex.of(again)
        assert builds == {"projection": 1, "label-index": 1}


def test_a_changed_store_is_not_served_a_stale_projection(store_dir: Path, builds: dict[str, int]) -> None:
    import pyoxigraph as ox

    before = projection(Store.open(store_dir))
    assert builds["projection"] == 0
    new_role = "https://example.org/role/cache-test"
    writer = ox.Store(str(store_dir))  # someone writes into the store folder
    writer.add(ox.Quad(ox.NamedNode(new_role), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CKG.Role))))
    writer.flush()
    del writer
    after = projection(Store.open(store_dir))
    assert builds["projection"] == 1
    assert URIRef(new_role) in after
    assert URIRef(new_role) not in before


def test_an_unwritable_cache_folder_only_means_no_cache(
    store_dir: Path, builds: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = project(Store.open(store_dir).graph)
    shutil.rmtree(dc.cache_folder(store_dir))
    dc.cache_folder(store_dir).write_text("in the way\n")  # the folder cannot be made
    for _ in range(2):
        _same_projection(projection(Store.open(store_dir)), expected)
    assert builds["projection"] == 2  # built every time, never an error

    dc.cache_folder(store_dir).unlink()

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(dc.os, "replace", refuse)  # a read-only folder: nothing is renamed in
    _same_projection(projection(Store.open(store_dir)), expected)
    assert builds["projection"] == 3
    assert not _cache(store_dir).exists()
    assert list(dc.cache_folder(store_dir).iterdir()) == []  # no temporary file left behind


def test_only_the_allow_listed_views_of_a_persistent_store_are_saved(store_dir: Path) -> None:
    store = Store.open(store_dir)
    assert store.derived("some-view", lambda s: {"x": 1}) == {"x": 1}
    assert not (dc.cache_folder(store_dir) / "some-view.pickle").exists()
    assert dc.save(store, "some-view", {"x": 1}) is False
    assert sorted(p.name for p in dc.cache_folder(store_dir).iterdir()) == [
        "label-index.pickle",
        "projection.pickle",
    ]


def test_in_memory_stores_write_nothing(builds: dict[str, int]) -> None:
    store = Store.default()
    assert dc.load(store, "projection") is None
    assert dc.save(store, "projection", projection(store)) is False
    assert builds["projection"] == 1


def test_the_store_still_opens_read_write_with_the_cache_inside(store_dir: Path) -> None:
    import pyoxigraph as ox

    count = len(Store.open(store_dir))
    writer = ox.Store(str(store_dir))  # RocksDB ignores the extra folder
    assert len(writer) == count
    del writer
    assert len(Store.open(store_dir)) == count
    assert _cache(store_dir).is_file()


@pytest.fixture
def esco_dir() -> Path:
    from tests.support.esco_store import esco_store_dir

    return esco_store_dir()


@pytest.mark.external
def test_the_esco_store_starts_from_its_cache(esco_dir: Path, builds: dict[str, int]) -> None:
    store = Store.open(esco_dir)
    G, index = projection(store), LabelIndex.of(store)
    assert builds == {"projection": 0, "label-index": 0}  # the import saved both: loaded, not built
    assert G.number_of_nodes() > 17_000
    assert G.number_of_edges() > 130_000
    sd = index.resolve("software developer", CKG.Role)
    assert str(sd).startswith("http://data.europa.eu/esco/occupation/")
    assert G.nodes[sd]["type"] == "role"  # how fast they load is bench scale's (reopen, views)


def test_example_answers_are_saved_by_the_first_prime_and_loaded_by_the_next(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.sparql import cache
    from kg.sparql.examples import EXAMPLES

    assert not _cache(store_dir, "example-answers").exists()  # an import does not answer them
    first = Store.open(store_dir)
    assert cache.prime(first) == len(EXAMPLES)
    assert _cache(store_dir, "example-answers").is_file()
    answered = cache.answer_examples(first)

    def refuse(_store: Store) -> Any:
        raise AssertionError("answered again instead of loaded")

    monkeypatch.setattr(cache, "answer_examples", refuse)
    again = Store.open(store_dir)
    assert cache.prime(again) == len(EXAMPLES)
    for example in EXAMPLES.values():
        text = example.editable_text
        result, hit = cache.result_cache(again).run(again, text, timeout=5, max_rows=None)
        assert hit, example.name
        expected = answered[text]
        assert (result.form, result.variables, result.boolean) == (
            expected.form,
            expected.variables,
            expected.boolean,
        )
        assert sorted(map(repr, result.rows)) == sorted(map(repr, expected.rows)), example.name
    # answers for other texts (examples since edited) are not trusted: answered again,
    # in a process of its own (this one refuses to), and saved for the next
    path = _cache(store_dir, "example-answers")
    with open(path, "rb") as fh:
        header = pickle.load(fh)
    _rewrite(path, header, {"SELECT * WHERE { ?s ?p ?o }": ("SELECT", [], [], None, None, 0.0)})
    third = Store.open(store_dir)
    assert cache.prime(third) == len(EXAMPLES)
    assert set(dc.load(third, "example-answers")) == {e.editable_text for e in EXAMPLES.values()}


def test_serve_rebuilds_only_the_missing_views_apart(store_dir: Path, builds: dict[str, int]) -> None:
    kept = _cache(store_dir, "label-index").stat().st_mtime_ns
    _cache(store_dir, "projection").unlink()
    store = Store.open(store_dir)
    assert not dc.is_saved(store, "projection")
    assert set(dc.build_missing(store)) == {"projection"}
    assert builds == {"projection": 0, "label-index": 0}  # built in another process, not this one
    assert dc.is_saved(store, "projection")
    assert _cache(store_dir, "label-index").stat().st_mtime_ns == kept
    assert projection(store).number_of_nodes() > 100
    assert builds == {"projection": 0, "label-index": 0}  # and loaded
    assert dc.build_missing(Store.open(store_dir)) == {}


def test_serve_says_when_it_answers_the_examples_for_a_new_store(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.server import prime_examples
    from kg.sparql.examples import EXAMPLES

    assert prime_examples(Store.open(store_dir)) == len(EXAMPLES)
    first = capsys.readouterr().err.splitlines()
    assert first[0] == (
        f"careerkg: answering the {len(EXAMPLES)} example queries for this store, once "
        "(saved in its careerkg-cache for the next start)..."
    )
    assert first[1].startswith(f"careerkg: answers of {len(EXAMPLES)} example queries ready in ")
    # the next start loads them, and says only that they are ready
    assert prime_examples(Store.open(store_dir)) == len(EXAMPLES)
    again = capsys.readouterr().err.splitlines()
    assert len(again) == 1
    assert again[0].startswith(f"careerkg: answers of {len(EXAMPLES)} example queries ready in ")
