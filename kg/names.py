"""Finding nodes by name: labels, alt labels, full IRIs and prefixed names.

Names are matched case-insensitively, and a slug or snake-case name as the preferred
label it spells with other separators (``data-scientist``); an unknown name raises
:class:`~kg.errors.UnknownEntity` with the closest known labels.

Examples
--------
>>> from kg.store import Store
>>> from kg.namespace import CKG
>>> index = LabelIndex.of(Store.default())
>>> index.resolve("machine learning engineer", CKG.Role).n3(index.graph.namespace_manager)
'role:machine-learning-engineer'
>>> index.resolve("Machine Lerning Enginer", CKG.Role)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.UnknownEntity: unknown role name 'Machine Lerning Enginer'; closest known labels: 'Machine Learning Engineer'...
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import functools
import gc
import heapq
import itertools
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import UnknownEntity
from kg.namespace import BASE, CKG, PREFIXES
from kg.store import Store

__all__ = [
    "LABEL_PREDICATES",
    "LabelIndex",
    "abbreviates",
    "closest_labels",
    "collector_paused",
    "fold",
    "label_of",
    "normalise",
    "within_typo",
]

_KIND_NAMES = {
    CKG.Role: "role",
    CKG.Skill: "skill",
    CKG.Tool: "tool",
    CKG.Degree: "degree",
    CKG.Certification: "certification",
    CKG.Course: "course",
    CKG.Curriculum: "curriculum",
    CKG.SkillArea: "skill area",
}

LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel, SKOS.hiddenLabel)
"""The predicates whose values name a node: its label, then the other names it goes by."""


def normalise(text: str) -> str:
    """Lower-case, trim and collapse whitespace.

    Examples
    --------
    >>> normalise("  Machine   Learning\\tEngineer ")
    'machine learning engineer'
    """
    return " ".join(text.split()).casefold()  # (str.split knows the spaces \s does)


def label_of(graph: Graph, node: URIRef) -> str:
    """The English (or any) preferred label of ``node``, else its local name.

    Examples
    --------
    >>> from kg.store import Store
    >>> from kg.namespace import CKG
    >>> label_of(Store.default().graph, CKG.Role)
    'Role'
    """
    best: str | None = None
    for pred in (SKOS.prefLabel, RDFS.label):
        for lit in graph.objects(node, pred):
            if isinstance(lit, Literal):
                if lit.language in (None, "en"):
                    return str(lit)
                best = best or str(lit)
    if best:
        return best
    text = str(node)
    return re.split(r"[/#]", text.rstrip("/#"))[-1] or text


def _best_label(node: URIRef, *candidates: list[tuple[str, str | None]] | None) -> str:
    """:func:`label_of` over labels read beforehand as ``(text, language)`` (preferred,
    then ``rdfs:label``)."""
    best: str | None = None
    for lits in candidates:
        for text, language in lits or ():
            if language in (None, "en"):
                return text
            best = best or text
    if best:
        return best
    text = str(node)
    return re.split(r"[/#]", text.rstrip("/#"))[-1] or text


_PLAIN_STRINGS = (
    "http://www.w3.org/2001/XMLSchema#string",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
)


def _label_texts(graph: Graph, predicate: URIRef) -> dict[str, list[tuple[str, str | None]]]:
    """``IRI -> [(text, language), ...]`` of the literal objects of ``predicate``.

    Read in one pass; on an Oxigraph-backed graph string literals are read without
    making rdflib terms (the text and language are the same as the rdflib literal's).
    """
    from kg.store import FromOxigraph, oxigraph_of, pairs

    by_node: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    inner = oxigraph_of(graph)
    if inner is None:
        for s, lit in pairs(graph, predicate):
            if isinstance(lit, Literal) and isinstance(s, URIRef):
                by_node[str(s)].append((str(lit), lit.language))
        return by_node
    import pyoxigraph as ox

    convert = FromOxigraph()
    for s, o in inner.query(f"SELECT ?s ?o WHERE {{ ?s {predicate.n3()} ?o }}"):
        if type(s) is ox.NamedNode and type(o) is ox.Literal:
            text = o.value if o.datatype.value in _PLAIN_STRINGS else str(convert(o))
            by_node[s.value].append((text, o.language))
    return by_node


MARGIN = 0.1
"""How much less close than the closest name a suggestion may be (score of
:func:`_near_miss`)."""

FLOOR = 0.65
"""The least score of a suggested near miss (:func:`_near_miss`)."""

LETTERS = 0.6
"""The least difflib ratio of a name to be weighed as a near miss at all."""

ALT_WEIGHT = 0.9
"""What a near miss of an alt label counts for, against one of a preferred label."""

WORDS_SCORE = 0.9
"""What a name counts for at least when the words typed start its words, in order
("lin alg" for "linear algebra", "data scientist" for "senior data scientist"): less
than the name itself, typed with other separators or case (1.0)."""

_WORD_MATCH = 0.55
"""How like a word typed a word of a name must be to count as the word meant."""


def fold(text: str) -> str:
    """:func:`normalise`, with hyphens and underscores read as spaces: a slug or a
    snake-case name folds as its label does.

    Examples
    --------
    >>> fold("data-scientist"), fold("Machine_Learning  Engineer"), fold("k-means")
    ('data scientist', 'machine learning engineer', 'k means')
    """
    return " ".join(_fold_words(text))


def _fold_words(text: str) -> list[str]:
    """The words of :func:`fold` (``str.split`` and ``\\s`` split on the same spaces;
    five times faster than two regular expressions, on ESCO's 134,000 names).

    Examples
    --------
    >>> _fold_words(" Machine_Learning\u00a0Engineer-"), _fold_words(" - ")
    (['machine', 'learning', 'engineer'], [])
    """
    return text.casefold().replace("-", " ").replace("_", " ").split()


def _starts_word(text: str, name: str) -> bool:
    """Whether ``text``, of three letters or more, starts a word of ``name``.

    Examples
    --------
    >>> _starts_word("learn", "machine learning"), _starts_word("sql", "nosql"), _starts_word("sql", "sql server")
    (True, False, True)
    >>> _starts_word("go", "golf"), _starts_word("go", "go to castings")
    (False, False)
    """
    return len(text) > 2 and (name.startswith(text) or f" {text}" in name)


def abbreviates(words: list[str], name: list[str]) -> bool:
    """Whether each of ``words`` starts a word of ``name``, in order.

    Examples
    --------
    >>> abbreviates(["lin", "alg"], ["linear", "algebra"])
    True
    >>> abbreviates(["alg", "lin"], ["linear", "algebra"])
    False
    """
    at = 0
    for word in words:
        while at < len(name) and not name[at].startswith(word):
            at += 1
        if at == len(name):
            return False
        at += 1
    return True


@dataclass(frozen=True)
class _Names:
    """The folded names of a pool: folded name -> the preferred label it suggests, which
    of them are preferred labels, and each name's words; and, made on the first typo,
    the names each word is in, the words in order, and the words by length with their
    letters (to find the words a typed word may have meant without comparing it with
    every one)."""

    names: dict[str, str]
    preferred: frozenset[str]
    words: dict[str, list[str]]

    @functools.cached_property
    def by_word(self) -> dict[str, list[str]]:
        by_word: dict[str, list[str]] = defaultdict(list)
        with collector_paused():
            for k, kw in self.words.items():
                for w in kw:  # (a word twice in a name lists the name twice: harmless)
                    by_word[w].append(k)
        return dict(by_word)

    @functools.cached_property
    def vocabulary(self) -> list[str]:
        return sorted(self.by_word)

    @functools.cached_property
    def _position(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.names)}

    def starting(self, start: str) -> list[str]:
        """The names holding a word that begins with ``start``, in order.

        Examples
        --------
        >>> _names_of({1: "linear algebra", 2: "link wagons", 3: "algebra"}, {}).starting("lin")
        ['link wagons', 'linear algebra']
        """
        vocabulary = self.vocabulary
        found: set[str] = set()
        at = bisect.bisect_left(vocabulary, start)
        while at < len(vocabulary) and vocabulary[at].startswith(start):
            found.update(self.by_word[vocabulary[at]])
            at += 1
        return sorted(found, key=self._position.__getitem__)

    @functools.cached_property
    def by_length(self) -> dict[int, tuple[list[str], list[int]]]:
        by_length: dict[int, tuple[list[str], list[int]]] = {}
        for w in self.by_word:
            words, masks = by_length.setdefault(len(w), ([], []))
            words.append(w)
            masks.append(_letters(w))
        return by_length


def _names_of(
    pool: Mapping[Any, str], alt: Mapping[Any, Sequence[str]], memo: dict[str, list[str]] | None = None
) -> _Names:
    # a name suggests the node it is the preferred label of, before any node that
    # merely has it as an alt label (in ESCO, "data scientist" is also an alt label
    # of "bioinformatics scientist"), so preferred labels go in first (the first node
    # listed winning among equal labels)
    # (``memo``: each text's words, kept from the names of another kind)
    split = (
        _fold_words
        if memo is None
        else lambda text: memo.get(text) or memo.setdefault(text, _fold_words(text))
    )
    names: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    with collector_paused():
        for label in list(pool.values())[::-1]:
            kw = split(label)
            k = " ".join(kw)
            names[k], words[k] = label, kw
        preferred = frozenset(names)
        for node, label in pool.items():
            for a in alt.get(node, ()):
                kw = split(a)
                k = " ".join(kw)
                if k not in names:
                    names[k], words[k] = label, kw
    return _Names(names, preferred, words)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while many small lists are made (none in a
    cycle): otherwise it walks the whole heap again and again, a third of the time of
    folding ESCO's 130,000 names. It runs again after, as it did before.

    Examples
    --------
    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _edits(a: str, b: str, limit: int) -> int:
    """The edits (a letter inserted, deleted or replaced, or two neighbours swapped) that
    turn ``a`` into ``b``, or ``limit + 1`` when more than ``limit`` are needed.

    Examples
    --------
    >>> _edits("pyhton", "python", 2), _edits("acountant", "accountant", 2)
    (1, 1)
    >>> _edits("pyhton", "photonics", 2), _edits("kubernets", "cybernetics", 2)
    (3, 3)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # the letters both start and end with need no edit (the table is that much smaller)
    start, end = 0, 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    if not a or not b:
        return min(len(a) + len(b), limit + 1)
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d = min(d, before[j - 2] + 1)
            current[j] = d
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)


def within_typo(typed: str, known: str) -> bool:
    """Whether ``known`` is a few edits from the word ``typed``, for its length: what a
    typo of it may be (:func:`_edits`, :func:`_allowed`).

    Examples
    --------
    >>> within_typo("pyhton", "python"), within_typo("pyhton", "photons"), within_typo("nural", "neural")
    (True, False, True)
    """
    limit = _allowed(typed)
    return _edits(typed, known, limit) <= limit


def _letters(word: str) -> int:
    """The letters of ``word`` as bits (two letters may share one): of two words
    :func:`_edits` apart, at most twice as many bits differ.

    Examples
    --------
    >>> _letters("abba") == _letters("ab"), (_letters("python") ^ _letters("pyhton")).bit_count()
    (True, 0)
    """
    mask = 0
    for c in set(word):
        mask |= 1 << (ord(c) % 64)
    return mask


def _allowed(word: str) -> int:
    """How many edits (:func:`_edits`) a typed word of this length may be off by: none
    for one or two letters, one up to seven ("lerning" is two from "leading"), two
    beyond."""
    n = len(word)
    return 0 if n < 3 else 1 if n <= 7 else 2


def _variants(word: str, folded: _Names, joined: bool = True) -> set[str]:
    """The known words ``word`` may have been typed for: itself, those a few edits away
    for its length (:func:`_allowed`: "pyhton" for "python", not "photonics"), and, for
    two words typed as one, both ("machinelearning": "machine" and "learning").

    Examples
    --------
    >>> names = _names_of({1: "Python programming", 2: "photonics", 3: "machine learning"}, {})
    >>> sorted(_variants("pyhton", names)), sorted(_variants("machinelerning", names))
    (['python'], ['learning', 'machine'])
    """
    like = {word} if word in folded.by_word else set()
    limit = _allowed(word)
    if limit:
        letters = _letters(word)
        for n in range(len(word) - limit, len(word) + limit + 1):
            others, masks = folded.by_length.get(n, ((), ()))
            # an edit adds at most one letter to the set and takes at most one away (a
            # cheap bound first)
            near = [
                i
                for i, m in enumerate(masks)
                if (m & ~letters).bit_count() <= limit and (letters & ~m).bit_count() <= limit
            ]
            like.update(o for o in map(others.__getitem__, near) if _edits(word, o, limit) <= limit)
    if joined and not like:  # a known word of three letters or more, then another (or a typo of one)
        for i in range(3, len(word) - 2):
            if word[:i] in folded.by_word:
                rest = _variants(word[i:], folded, joined=False)
                if rest:
                    like |= rest | {word[:i]}
    return like


CANDIDATES = 100
"""How many names, those holding the most words like the words typed, are weighed as
near misses of a typo."""


def _likes(words: Sequence[str], folded: _Names) -> dict[str, set[str]]:
    """Each word typed, and the known words it may have been typed for (:func:`_variants`)."""
    return {word: _variants(word, folded) for word in dict.fromkeys(words)}


def _held(likes: Mapping[str, set[str]], folded: _Names) -> dict[str, float]:
    """The names holding a word like a word typed (``likes``, :func:`_likes`), and how
    much of what was typed they hold: each word typed weighed by how few names hold a
    word like it ("and", in 5,000 of ESCO's skills, counts for little)."""
    held: dict[str, float] = defaultdict(float)
    total = len(folded.names)
    for like in likes.values():
        found: set[str] = set()
        for word in like:
            found.update(folded.by_word[word])
        if found:
            weight = math.log(1 + total / len(found))
            for k in found:
                held[k] += weight
    return held


def _candidates(key: str, likes: Mapping[str, set[str]], folded: _Names) -> list[str]:
    """The names that hold the most of the words typed (:func:`_held`), then those
    nearest ``key`` in length, at most :data:`CANDIDATES`.

    Examples
    --------
    >>> names = _names_of(dict(enumerate(["design and build", "design of models", "build models", "plan and run", "test and deploy"])), {})
    >>> _candidates("bild and modles", _likes(["bild", "and", "modles"], names), names)
    ['build models', 'design and build', 'design of models', 'test and deploy', 'plan and run']
    """
    held = _held(likes, folded)
    return heapq.nsmallest(CANDIDATES, held, key=lambda k: (-held[k], abs(len(k) - len(key)), k))


WITHIN = 0.6
"""How much of the words typed, weighed as :func:`_candidates` weighs them, a name found
among them (:func:`_typed_within`) must hold, against the one holding the most."""


def _typed_within(likes: Mapping[str, set[str]], folded: _Names, candidates: Iterable[str]) -> list[str]:
    """The ``candidates`` of two words or more each like a word typed (``likes``) that
    hold nearly as many of the words typed as the one holding the most (:data:`WITHIN`),
    those holding the most first: what a long typo names among other words, when it is
    near no name as a whole ("machine lerning engneer with deep lernin").

    Examples
    --------
    >>> names = _names_of(dict(enumerate(["data engineer", "data platform engineer", "data", "engineer"])), {})
    >>> likes = _likes("senior data platfrom enginer".split(), names)
    >>> _typed_within(likes, names, _candidates("senior data platfrom enginer", likes, names))
    ['data platform engineer']
    >>> likes = _likes("senior data enginer".split(), names)
    >>> _typed_within(likes, names, _candidates("senior data enginer", likes, names))
    ['data engineer']
    """
    held = _held(likes, folded)
    meant = set().union(*likes.values())
    within = [k for k in candidates if len(folded.words[k]) > 1 and meant.issuperset(folded.words[k])]
    most = max((held[k] for k in within), default=0.0)
    return sorted((k for k in within if held[k] >= WITHIN * most), key=lambda k: -held[k])


def closest_labels(
    name: str, pool: Mapping[Any, str], alt: Mapping[Any, Sequence[str]] | None = None, n: int = 5
) -> list[str]:
    """Up to ``n`` of the labels in ``pool`` (node -> preferred label) closest to ``name``.

    Names are compared folded (:func:`fold`: case, spaces, hyphens and underscores), so
    a slug's label comes first. A near miss of a node's alt label suggests its
    preferred label, at a lower score (:data:`ALT_WEIGHT`); names whose words the
    words typed start score at least :data:`WORDS_SCORE` ("lin alg"); suggestions score
    at least :data:`FLOOR` and within :data:`MARGIN` of the best, closest first; names
    containing ``name`` come last.

    Examples
    --------
    >>> pool = {1: "linear algebra", 2: "Python programming", 3: "probability theory"}
    >>> closest_labels("linear algebr", pool), closest_labels("lin alg", pool)
    (['linear algebra'], ['linear algebra'])
    >>> closest_labels("pyton", pool), closest_labels("pyton", pool, {2: ["Python"]})
    ([], ['Python programming'])
    >>> roles = {1: "Senior Data Scientist", 2: "Data Scientist"}
    >>> closest_labels("data-scientist", roles)
    ['Data Scientist', 'Senior Data Scientist']
    """
    return _closest(name, _names_of(pool, alt or {}), n)


def _near_miss(key: str, words: list[str], name: str, name_words: list[str]) -> float:
    """How close a typo ``key`` (its ``words``) is to ``name``: the mean of the letters'
    likeness (difflib ratio) and of how like the least matched word typed is to a word
    of the name (less for the name's words matching none typed). A misspelt word counts for more than letters shared across words:
    "machine lerning" is nearer "machine learning engineer" than "machine oiler", and
    "data scientists" nearer "data science" than "contact scientists".

    Examples
    --------
    >>> def near(a: str, b: str) -> float:
    ...     return round(_near_miss(a, a.split(), b, b.split()), 2)
    >>> near("machine lerning", "machine learning engineer"), near("machine lerning", "machine oiler")
    (0.76, 0.57)
    >>> near("pyton", "python")
    0.91
    """
    letters = difflib.SequenceMatcher(None, key, name).ratio()
    matcher = difflib.SequenceMatcher()
    worst = 1.0
    matched: set[int] = set()
    for word in words:
        matcher.set_seq2(word)
        best, at = 0.0, -1
        for i, other in enumerate(name_words):
            matcher.set_seq1(other)
            ratio = matcher.ratio()
            if ratio > best:
                best, at = ratio, i
        worst = min(worst, best)
        if best >= _WORD_MATCH:
            matched.add(at)
    # words of the name no word typed is like count against it ("senior" of "senior
    # data scientist" for "data sientist"), gently: "probability theory" for "probabilty"
    share = len(matched) / len(name_words) if name_words else 0.0
    return (letters + worst * math.sqrt(share)) / 2


def _closest(name: str, folded: _Names, n: int, by_name: bool = False) -> list[str]:
    """:func:`closest_labels` over ``folded``; partial names (holding ``name``) in the
    pool's order, or with ``by_name`` those starting with it first, then the shortest."""
    names, preferred = folded.names, folded.preferred
    key = fold(name)
    if not key:
        return []

    def weight(k: str) -> float:
        return 1.0 if k in preferred else ALT_WEIGHT

    # the name itself (another case or separator), then names whose words the words
    # typed start ("lin alg" -> "linear algebra"; "data scientist" -> "senior data
    # scientist"), ranked by how close they are: a long alt label that contains the
    # words ("aspiring machine learning engineer", of "Student") counts for less
    score: dict[str, float] = {}
    if key in names:
        score[key] = weight(key)
    words = key.split()
    if len(words) > 1:
        for k in folded.starting(words[0]):
            if k not in score and abbreviates(words, folded.words[k]):
                ratio = difflib.SequenceMatcher(None, key, k).ratio()
                score[k] = max(ratio, WORDS_SCORE) * weight(k)
    judged = set(score)
    likes: dict[str, set[str]] = {}  # each word typed, and the known words it may stand for
    candidates: list[str] = []
    # near misses, for a typo (the name itself known, there is none: "mine planning
    # engineer" is near "machine learning engineer" only in letters). On a big graph a
    # typo's best match is followed by unrelated names sharing a few letters with it,
    # so only those nearly as close as the closest, and close at all
    if key not in names:
        # (only names holding a word like one typed are weighed: "photonics" shares
        # letters with "Pyhton" but no word it may have been typed for)
        cutoff = max(LETTERS, max(score.values(), default=0.0) - MARGIN)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)
        close: list[tuple[float, str]] = []
        likes = _likes(words, folded)
        candidates = _candidates(key, likes, folded)
        for k in candidates:
            matcher.set_seq1(k)
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                ratio = matcher.ratio()
                if ratio >= cutoff:
                    close.append((ratio, k))
        for _, k in heapq.nlargest(n * 3, close):
            if k not in score:
                score[k] = _near_miss(key, words, k, folded.words[k]) * weight(k)
    best = max(score.values(), default=0.0)
    order = {k: i for i, k in enumerate(score)}
    ranked = sorted(
        (k for k in score if score[k] >= max(FLOOR, best - MARGIN)), key=lambda k: (-score[k], order[k])
    )
    near = bool(ranked)  # a near miss of the whole name typed (not the names it holds)
    if not ranked and len(words) > 2 and key not in names:
        # a typo of several words near no name as a whole: the names it holds, typed among
        # other words ("machine learning engineer" in "machine lerning engneer with deep lernin")
        ranked = _typed_within(likes, folded, candidates)
    # partial names ("learning" -> "machine learning") last, when fewer names are close:
    # preferred labels first (those holding the words typed were weighed above:
    # "aspiring machine learning engineer" stays out when too far behind); the name
    # typed, of three letters or more, starting a word of theirs ("go": not 'golf',
    # 'algorithms', nor 'attend castings' for its alt label "go to castings")
    taken = set(ranked) | judged
    # a typo of a name ("data scienist"), the other names holding that name's words, as
    # they follow the name typed right ("data scientist": Senior Data Scientist;
    # Lead Machine Learning Engineer for "machine lerning engineer"), by their preferred
    # labels (an alt label holding them, "aspiring machine learning engineer" of
    # Student, is too far off): the closest labels named "Data Scientist" alone
    # (not for the names a long typo holds among other words, :func:`_typed_within`)
    typo = near and ranked[0] not in judged
    if typo and len(ranked) < n and len(folded.words[ranked[0]]) > 1:
        meant = folded.words[ranked[0]]
        holding = [
            k
            for k in folded.starting(meant[0])
            if k not in taken and k in preferred and abbreviates(meant, folded.words[k])
        ]
        ranked += heapq.nsmallest(n * 3, holding, key=lambda k: (len(k), k))
        taken.update(ranked)
    within = (
        [k for k in names if key in k and k not in taken and _starts_word(key, k)] if len(ranked) < n else []
    )
    more = heapq.nsmallest(
        n * 10,
        within,
        key=(lambda k: (k not in preferred, not k.startswith(key), len(k), k))
        if by_name
        else (lambda k: (k not in preferred, 0, 0, "")),  # (a stable sort: the pool's order)
    )
    out: list[str] = []
    for k in itertools.chain(ranked, more):
        label = names[k]
        if label not in out:
            out.append(label)
        if len(out) == n:
            break
    return out


@dataclass
class LabelIndex:
    """Case-insensitive index of labels and alt labels of typed nodes."""

    graph: Graph
    by_name: dict[str, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    types: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    labels: dict[URIRef, str] = field(default_factory=dict)
    alt: dict[URIRef, list[str]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, store: Store) -> LabelIndex:
        """The index of ``store``, cached per store version."""
        return store.derived("label-index", lambda s: cls.build(s.graph))

    @classmethod
    def build(cls, graph: Graph, classes: Iterable[URIRef] = tuple(_KIND_NAMES)) -> LabelIndex:
        """Index every node typed with one of ``classes``."""
        from kg.store import pairs

        index = cls(graph)
        # each label predicate is read in one pass (fast on large Oxigraph stores)
        texts = {pred: _label_texts(graph, pred) for pred in LABEL_PREDICATES}
        for c in classes:
            # in one order whatever the store's (careerkg's own nodes first): the order of
            # the labels decides among equal names and partial ones ("learning" ->
            # 'deep learning', 'machine learning' ...), which came in another order
            # at each run
            for node, _ in sorted(
                pairs(graph, RDF.type, c), key=lambda p: (not str(p[0]).startswith(BASE), str(p[0]))
            ):
                if not isinstance(node, URIRef):
                    continue
                index.types[node].add(c)
                if node in index.labels:
                    continue
                key = str(node)
                label = _best_label(node, texts[SKOS.prefLabel].get(key), texts[RDFS.label].get(key))
                index.labels[node] = label
                index.by_name[normalise(label)].add(node)
                for pred in (SKOS.altLabel, RDFS.label, SKOS.hiddenLabel):
                    for text, _ in texts[pred].get(key, ()):
                        if text != label:
                            index.alt[node].append(text)
                            index.by_name[normalise(text)].add(node)
        return index

    def to_state(self) -> dict[str, Any]:
        """The index without its graph, to save beside a persistent store.

        See :meth:`from_state` and :mod:`kg.derived_cache`.
        """
        return {"by_name": self.by_name, "types": self.types, "labels": self.labels, "alt": self.alt}

    @classmethod
    def from_state(cls, graph: Graph, state: dict[str, Any]) -> LabelIndex:
        """The index :meth:`to_state` saved, over ``graph`` again.

        Examples
        --------
        >>> from kg.store import Store
        >>> store = Store.default()
        >>> index = LabelIndex.of(store)
        >>> again = LabelIndex.from_state(store.graph, index.to_state())
        >>> again.labels == index.labels and again.by_name == index.by_name
        True
        """
        return cls(graph, state["by_name"], state["types"], state["labels"], state["alt"])

    def kind_name(self, cls: URIRef | None) -> str:
        return _KIND_NAMES.get(cls, "") if cls is not None else ""

    def expand(self, name: str) -> URIRef | None:
        """Turn ``<iri>``, a full IRI or a prefixed name into an IRI, if it is one."""
        text = name.strip()
        if text.startswith("<") and text.endswith(">"):
            return URIRef(text[1:-1])
        if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE) or text.startswith("urn:"):
            return URIRef(text)
        m = re.match(r"^([A-Za-z][\w-]*):([^\s/][^\s]*)$", text)
        if m and m.group(1) in PREFIXES:
            return URIRef(PREFIXES[m.group(1)] + m.group(2))
        return None

    def candidates(self, cls: URIRef | Iterable[URIRef] | None = None) -> dict[URIRef, str]:
        """Nodes (and their labels) of the given class(es), or of every indexed class."""
        wanted = {cls} if isinstance(cls, URIRef) else set(cls) if cls is not None else None
        return {
            n: lab for n, lab in self.labels.items() if wanted is None or self.types.get(n, set()) & wanted
        }

    def resolve(self, name: str, cls: URIRef | Iterable[URIRef] | None = None) -> URIRef:
        """Return the node called ``name`` (of class ``cls`` when given): by IRI or prefixed
        name, label or alt label (case and spacing aside), or a slug or snake-case name
        that spells one preferred label with other separators (``data-scientist``).

        Raises
        ------
        UnknownEntity
            With up to five closest labels when nothing matches.
        """
        wanted = {cls} if isinstance(cls, URIRef) else set(cls) if cls is not None else None

        def fits(node: URIRef) -> bool:  # in the pool of candidates, without listing it (O(1))
            return node in self.labels and (wanted is None or bool(self.types.get(node, set()) & wanted))

        kind = self.kind_name(cls) if isinstance(cls, URIRef) else ""
        iri = self.expand(name)
        if iri is not None:
            if fits(iri):
                return iri
            # "role:data-scientist" given for a skill: say what it names
            note = self._kind_note(iri) if iri in self.labels else ""
            raise UnknownEntity(name, self.closest(str(iri).rsplit("/", 1)[-1], cls), kind, note=note)
        # careerkg's own node first (an imported one of the same name that no join
        # absorbed would otherwise win: http://data.europa.eu/... sorts before https://w3id.org/...)
        own = sorted(self.by_name.get(normalise(name), ()), key=lambda n: (not n.startswith(BASE), n))
        hits = [n for n in own if fits(n)]
        if hits:
            # prefer a node whose preferred label matches over an alt-label match
            exact = [n for n in hits if normalise(self.labels[n]) == normalise(name)]
            return (exact or hits)[0]
        # a slug or a snake-case name ("data-scientist", "machine_learning"): the one node
        # whose preferred label it spells with other separators
        key = fold(name)
        if key != normalise(name):
            spelt = [n for n, label in self.candidates(cls).items() if fold(label) == key]
            if len(spelt) == 1:
                return spelt[0]
        near = self.closest(name, cls)
        note = self._named_elsewhere(name) or (self._close_elsewhere(name, wanted, near) if wanted else "")
        raise UnknownEntity(name, near, kind, note=note)

    def _named_elsewhere(self, name: str) -> str:
        """``"it names a skill: 'Python programming'"`` when ``name`` is a node of another
        kind, or is one's name with other separators ("data-scientist")."""
        nodes = self.by_name.get(normalise(name), ())
        if not nodes:  # a slug or a snake-case name: the node of the label it folds to
            label = self._names(None).names.get(fold(name))
            nodes = self.by_name.get(normalise(label), ()) if label is not None else ()
        for node in sorted(nodes):
            if node in self.labels and (note := self._kind_note(node)):
                return note
        return ""

    def _kind_note(self, node: URIRef) -> str:
        """``"it names a role: 'Data Scientist'"``, or ``''`` for a node of no known kind."""
        kinds = sorted(k for k in map(self.kind_name, self.types.get(node, ())) if k)
        return f"it names a {kinds[0]}: {self.labels[node]!r}" if kinds else ""

    def _close_elsewhere(self, name: str, wanted: set[URIRef], near: Sequence[str]) -> str:
        """``"close to a skill: 'deep learning'"`` when ``name`` is a near miss of the
        preferred label of a node of another kind (a typo in the wrong box), closer
        than any of the labels ``near`` of the kind asked for."""
        key = fold(name)
        folded, node_of = self._others(frozenset(wanted))
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)
        score, hit = 0.0, ""
        for k in _candidates(key, _likes(key.split(), folded), folded):  # holding a word like one typed
            matcher.set_seq1(k)
            if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8:
                ratio = matcher.ratio()
                if ratio >= 0.8 and (ratio, k) > (score, hit):
                    score, hit = ratio, k
        if not hit:
            return ""
        if any(difflib.SequenceMatcher(None, key, fold(s)).ratio() >= score for s in near):
            return ""  # the kind asked for has as close a name
        node = node_of[hit]
        kinds = sorted(k for k in map(self.kind_name, self.types.get(node, ())) if k)
        return f"close to a {kinds[0]}: {self.labels[node]!r}" if kinds else ""

    def _others(self, wanted: frozenset[URIRef]) -> tuple[_Names, dict[str, URIRef]]:
        """The folded preferred labels of the nodes of no class in ``wanted``, and the node
        each names (the first listed), kept like :meth:`_names`."""
        size = (len(self.labels), sum(map(len, self.alt.values())))
        cache: dict[frozenset[URIRef], tuple[tuple[int, int], tuple[_Names, dict[str, URIRef]]]]
        cache = self.__dict__.setdefault("_others_cache", {})
        hit = cache.get(wanted)
        if hit is None or hit[0] != size:
            pool = {n: label for n, label in self.labels.items() if not self.types.get(n, set()) & wanted}
            folded = _names_of(pool, {}, self._memo)
            node_of: dict[str, URIRef] = {}
            for node, label in pool.items():
                node_of.setdefault(" ".join(self._memo.get(label) or _fold_words(label)), node)
            hit = cache[wanted] = (size, (folded, node_of))
        return hit[1]

    def closest(self, name: str, cls: URIRef | Iterable[URIRef] | None = None, n: int = 5) -> list[str]:
        """Up to ``n`` labels of nodes of ``cls`` closest to ``name``.

        Examples
        --------
        >>> from kg.store import Store
        >>> from kg.namespace import CKG
        >>> LabelIndex.of(Store.default()).closest("pyton", CKG.Skill, n=1)
        ['Python programming']
        """
        return _closest(name, self._names(cls), n, by_name=True)

    @property
    def _memo(self) -> dict[str, list[str]]:
        """The words of each label and alt label folded so far (:func:`_names_of`)."""
        memo: dict[str, list[str]] = self.__dict__.setdefault("_fold_memo", {})
        return memo

    def _names(self, cls: URIRef | Iterable[URIRef] | None) -> _Names:
        """The folded names of the nodes of ``cls`` (:func:`_names_of`), kept for the next
        unknown name (on ESCO, folding 100,000 names took as long as matching them)."""
        wanted = frozenset({cls} if isinstance(cls, URIRef) else cls if cls is not None else ())
        # the index is filled in place when built by hand: its size tells a stale entry
        size = (len(self.labels), sum(map(len, self.alt.values())))
        cache: dict[frozenset[URIRef], tuple[tuple[int, int], _Names]] = self.__dict__.setdefault(
            "_names_cache", {}
        )
        hit = cache.get(wanted)
        if hit is None or hit[0] != size:
            hit = cache[wanted] = (size, _names_of(self.candidates(cls), self.alt, self._memo))
        return hit[1]

    def search(
        self, text: str, cls: URIRef | Iterable[URIRef] | None = None, limit: int = 20
    ) -> list[URIRef]:
        """Nodes whose label or alt label contains ``text``, both folded (:func:`fold`):
        "data-scientist" and "machine_learning" find the names.

        Best first: a name that is the text; then one holding it as whole words ("SQL
        Server", "specialist nurse") before one holding it inside a word ("MySQL",
        "nursery teacher"); among those, the text at the name's start, then at a word's
        start, then inside; a preferred label before an alt label alike; then shorter
        names first. So "softwa" finds "software developer" before a shop manager whose
        alt label says "software", and "data sc" the role labelled Data Scientist before
        one with "data scientist" as an alt label.

        Examples
        --------
        >>> from kg.store import Store
        >>> from kg.namespace import CKG
        >>> index = LabelIndex.of(Store.default())
        >>> [index.labels[n] for n in index.search("data-scientist", CKG.Role)]
        ['Data Scientist', 'Senior Data Scientist']
        """
        key = fold(text)
        if not key:
            return []
        wanted = {cls} if isinstance(cls, URIRef) else set(cls) if cls is not None else None
        blob, starts, owners, preferred = self._search_blob()
        best: dict[URIRef, tuple[int, int, int, int]] = {}
        worst = (9, 9, 9, 9)
        pos = blob.find(key)
        while pos != -1:  # every occurrence of the text, found by one C-level scan each
            i = bisect.bisect_right(starts, pos) - 1
            name_start = starts[i]
            name_end = blob.find("\n", name_start)
            end = pos + len(key)
            if blob[name_start:name_end] == key:
                rank = (0, 0, 0, 0 if preferred[i] else 1)
            else:
                word_start = pos == name_start or not blob[pos - 1].isalnum()
                whole = word_start and (end == name_end or not blob[end].isalnum())
                where = 0 if pos == name_start else 1 if word_start else 2
                rank = (1, 0 if whole else 1, where, 0 if preferred[i] else 1)
            node = owners[i]
            if rank < best.get(node, worst):
                best[node] = rank
            pos = blob.find(key, pos + 1)
        # the start of each word of a name, typed ("softw dev" for "software developer"):
        # after the names holding the text as typed, which it found nothing in
        words = key.split()
        if len(words) > 1 and min(map(len, words)) > 1 and len(best) < limit:
            for i in self._abbreviated(words):
                node = owners[i]
                rank = (2, 0, 0, 0 if preferred[i] else 1)
                if rank < best.get(node, worst):
                    best[node] = rank
        scored = [
            (rank, len(self.labels[node]), self.labels[node].casefold(), node)
            for node, rank in best.items()
            if wanted is None or self.types.get(node, set()) & wanted
        ]
        scored.sort()
        return [n for *_, n in scored[:limit]]

    def _abbreviated(self, words: list[str]) -> list[int]:
        """The names of the search blob (their index in it) whose words ``words`` start,
        in order (:func:`abbreviates`): each word typed looked up among the sorted
        words of every name, the names holding them all compared.

        Examples
        --------
        >>> from kg.store import Store
        >>> index = LabelIndex.of(Store.default())
        >>> owners = index._search_blob()[2]
        >>> found = {index.labels[owners[i]] for i in index._abbreviated(["mach", "learn", "eng"])}
        >>> "Machine Learning Engineer" in found, "Data Scientist" in found
        (True, False)
        """
        blob, starts, _owners, _preferred = self._search_blob()
        vocabulary, by_word = self._word_table()
        holding: set[int] | None = None
        for word in sorted(set(words), key=len, reverse=True):  # the longest, likely the rarest, first
            found: set[int] = set()
            at = bisect.bisect_left(vocabulary, word)
            while at < len(vocabulary) and vocabulary[at].startswith(word):
                found.update(
                    by_word[vocabulary[at]]
                    if holding is None
                    else holding.intersection(by_word[vocabulary[at]])
                )
                at += 1
            holding = found
            if not holding:
                return []
        out = []
        for i in sorted(holding or ()):
            name = blob[starts[i] : blob.find("\n", starts[i])]
            if abbreviates(words, name.split()):
                out.append(i)
        return out

    def _word_table(self) -> tuple[list[str], dict[str, Sequence[int]]]:
        """The sorted words of the search blob's names, and the names (their index in it,
        in an array) each word is in; built on the first search by the start of each word."""
        cached: tuple[list[str], dict[str, Sequence[int]]] | None = getattr(self, "_words_cache", None)
        if cached is None:
            blob = self._search_blob()[0]
            by_word: dict[str, list[int]] = defaultdict(list)
            with collector_paused():
                for i, name in enumerate(blob[:-1].split("\n")):
                    for w in set(name.split()):
                        by_word[w].append(i)
                packed: dict[str, Sequence[int]] = {w: array("I", ids) for w, ids in by_word.items()}
            cached = (sorted(packed), packed)
            self._words_cache = cached
        return cached

    def prepare_search(self) -> None:
        """Build now what :meth:`search` builds on first use (the search string and its
        word table: about a second on ESCO), so that a user's first search is fast.

        Examples
        --------
        >>> from kg.store import Store
        >>> index = LabelIndex.of(Store.default())
        >>> index.prepare_search()
        >>> index._word_table() is index._word_table()
        True
        """
        self._search_blob()
        self._word_table()

    def _search_blob(self) -> tuple[str, list[int], list[URIRef], list[bool]]:
        """Every normalised label and alt label in one string (``\\n``-separated), with
        where each name starts, whose it is and whether it is the preferred label; built
        on first search."""
        cached: tuple[str, list[int], list[URIRef], list[bool]] | None = getattr(self, "_blob_cache", None)
        if cached is None:
            parts: list[str] = []
            starts: list[int] = []
            owners: list[URIRef] = []
            preferred: list[bool] = []
            at = 0
            for node, label in self.labels.items():
                for j, name in enumerate((fold(label), *(fold(a) for a in self.alt.get(node, ())))):
                    starts.append(at)
                    owners.append(node)
                    preferred.append(j == 0)
                    parts.append(name)
                    at += len(name) + 1
            cached = ("\n".join(parts) + "\n", starts, owners, preferred)
            self._blob_cache = cached
        return cached
