"""Postings read a block at a time and kept per segment, and the OR of terms scored from them.

Search as you type is mostly ORs of many terms over broad postings, whoosh's slowest query: whoosh's
own ``Or`` advances every term's postings one document at a time in Python.  :class:`TermUnion`
reads each term's postings whole, a block at a time (:func:`_blocks`), keeps each document's score
in a dict and hands whoosh the result as one list; the decoded postings stay in memory per segment
(:class:`Postings`), since the keys typed one after another expand to mostly the same terms.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Any

from whoosh import matching, query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from reader.library.index.whoosh_engine.scoring import saturated


def segment_id(segment_reader: Any) -> str:
    """The segment a leaf reader reads: what the per-segment caches are keyed by."""
    segment = getattr(segment_reader, "segment", lambda: None)()
    return str(segment.segment_id()) if segment is not None else ""


def _blocks(leaf: Any) -> Iterator[tuple[Iterable[int], Sequence[float] | float]]:
    """A term's postings as (doc numbers, weights) a block at a time (weights a float when all equal).

    Reads whoosh 2.7's block format directly (``W3LeafMatcher``: a pickled tuple of delta-encoded
    ids, weights and values per block of up to 128 postings); anything else a posting at a time.
    """
    if not isinstance(leaf, W3LeafMatcher) or leaf._byteids:
        while leaf.is_active():
            yield (leaf.id(),), (leaf.weight(),)
            leaf.next()
        return
    while leaf.is_active():
        leaf._read_data()
        raw_ids, weights = leaf._data[0], leaf._data[1]
        yield accumulate(raw_ids), (1.0 if weights is None else weights)
        leaf._next_block()


class Postings:
    """Decoded postings (document numbers and weights) of the terms read lately, per segment.

    Reading a term's postings is most of a search-as-you-type query in whoosh (every block is a
    compressed pickle that includes the positions), and the keys typed one after another expand
    to mostly the same frequent terms: "h", "ha", "har", "harb" all complete to "harbour".
    Segments never change once written, so a term's postings stay right until a merge drops them.
    """

    LIMIT = 4_000_000  # postings kept (~40 MB at most); least recently used terms go first

    def __init__(self) -> None:
        self._terms: OrderedDict[tuple[str, str, str], tuple[array[int], array[float]]] = OrderedDict()
        self._size = 0

    def read(self, segment_reader: Any, field: str, term: str) -> tuple[array[int], array[float]]:
        key = (segment_id(segment_reader), field, term)
        found = self._terms.get(key)
        if found is not None:
            self._terms.move_to_end(key)
            return found
        ids, weights = array("I"), array("f")
        postings = segment_reader.postings(field, term)
        leaf = postings.child if isinstance(postings, FilterMatcher) else postings  # deletions: the caller's
        for block_ids, block_weights in _blocks(leaf):
            start = len(ids)
            ids.extend(block_ids)
            if isinstance(block_weights, Sequence):
                weights.extend(block_weights)
            else:
                weights.extend([float(block_weights)] * (len(ids) - start))
        self._terms[key] = (ids, weights)
        self._size += len(ids)
        while self._size > self.LIMIT and len(self._terms) > 1:
            _, (dropped, _) = self._terms.popitem(last=False)
            self._size -= len(dropped)
        return ids, weights

    def forget_all_but(self, segment_ids: set[str]) -> None:
        for key in [key for key in self._terms if key[0] not in segment_ids]:
            self._size -= len(self._terms.pop(key)[0])


class TermUnion(query.Query):  # type: ignore[misc]
    """An OR of weighted terms (a word in several fields, a prefix's completions), read a block at a time.

    A document scores the best of its terms in each field, summed over the fields: one word counts
    once per field however many of its completions the text has, so "port" itself outranks a text
    with portrait, portal and portion.
    """

    def __init__(self, terms: Sequence[tuple[str, str, float]], postings: Postings) -> None:
        self.terms = list(terms)  # (field, term, boost)
        self.postings = postings
        self.boost = 1.0

    def __repr__(self) -> str:
        return f"TermUnion({self.terms!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TermUnion) and self.terms == other.terms

    def __hash__(self) -> int:
        return hash(tuple(self.terms))

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return int(sum(ixreader.doc_frequency(field, term) for field, term, _ in self.terms))

    def estimate_min_size(self, ixreader: Any) -> int:
        return int(max((ixreader.doc_frequency(field, term) for field, term, _ in self.terms), default=0))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        scores = self.scores(searcher)
        if not scores:
            return matching.NullMatcher()
        ids = sorted(scores)
        return _ScoredList(ids, [scores[i] for i in ids])

    def scores(self, searcher: Any) -> dict[int, float]:
        """Every matching document of one segment (``searcher`` a leaf searcher) with its score."""
        reader = searcher.reader()
        parent = searcher.get_parent()
        scores: dict[int, float] = {}
        by_field: dict[str, list[tuple[str, float]]] = {}
        for field, term, boost in self.terms:
            if (field, term) in reader:
                by_field.setdefault(field, []).append((term, boost))
        for field, terms in by_field.items():
            best: dict[int, float] = {}
            for term, boost in terms:
                ids, weights = self.postings.read(reader, field, term)
                _keep_best(best, ids, weights, parent.idf(field, term) * boost)
            if not scores:
                scores = best
                continue
            get = scores.get
            for docnum, value in best.items():
                scores[docnum] = get(docnum, 0.0) + value
        if reader.has_deletions():
            for docnum in [d for d in scores if reader.is_deleted(d)]:
                del scores[docnum]
        return scores


class _ScoredList(matching.ListMatcher):  # type: ignore[misc]
    """Documents with their scores; the best score computed once (whoosh's list matcher recomputes it
    at every step of an AND)."""

    _best: float | None = None

    def block_max_weight(self) -> float:
        if self._best is None:
            self._best = float(max(self._weights))
        return self._best


def _keep_best(best: dict[int, float], ids: Sequence[int], weights: Sequence[float], idf: float) -> None:
    """Each document's best score so far, against this term's (``idf`` × saturated frequency)."""
    value_of = {weight: idf * saturated(weight) for weight in set(weights)}
    if not best:
        best.update(zip(ids, map(value_of.__getitem__, weights), strict=True))
        return
    get = best.get
    for docnum, weight in zip(ids, weights, strict=True):
        value = value_of[weight]
        if get(docnum, 0.0) < value:
            best[docnum] = value
