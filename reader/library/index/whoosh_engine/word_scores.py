"""The fast path of a query of words alone (the search field's usual query): scores without whoosh.

Every match with its score comes from the postings (:class:`.postings.TermUnion`), the filters
are tested on the value columns, and the page is ranked here: whoosh's per-document matchers and
collector, the slowest part of a broad query, are never involved.  Anything else (phrases, ranges,
NOT…) goes through whoosh's own search.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import Any

from whoosh import query

from reader.library.index.base import ORDER_ID_SPAN, IndexPage
from reader.library.index.whoosh_engine.postings import TermUnion


def word_unions(main: query.Query) -> list[TermUnion] | None:
    """The unions of terms a translated query ANDs, when it is nothing else (None otherwise)."""
    if isinstance(main, TermUnion):
        return [main]
    if isinstance(main, query.And) and all(isinstance(part, TermUnion) for part in main.subqueries):
        return list(main.subqueries)
    return None


def word_scores(
    unions: list[TermUnion], searcher: Any, keep: Callable[[int], bool] | None
) -> dict[int, float]:
    """Every document (by number in ``searcher``) that all ``unions`` match and ``keep`` keeps, with
    its score: the sum of its scores in each."""
    every = sorted((_union_scores(union, searcher) for union in unions), key=len)
    scores = every[0]
    for other in every[1:]:
        scores = {docnum: value + other[docnum] for docnum, value in scores.items() if docnum in other}
    if keep is not None:
        scores = {docnum: value for docnum, value in scores.items() if keep(docnum)}
    return scores


def _union_scores(union: TermUnion, searcher: Any) -> dict[int, float]:
    scores: dict[int, float] = {}
    for leaf, base in searcher.leaf_searchers():
        found = union.scores(leaf)
        if base == 0 and not scores:
            scores = found
        else:
            scores.update((docnum + base, value) for docnum, value in found.items())
    return scores


def _round4(value: float) -> float:
    return round(value, 4)


def ranked_page(
    scores: dict[int, float], orders: list[int], *, by_date: bool, wanted: int | None, offset: int
) -> IndexPage:
    """The page of ``scores`` (every match with its score), ranked or newest first; ``orders`` are the
    documents' order keys (their article ids within)."""
    if by_date:
        top = (
            sorted(scores, key=orders.__getitem__, reverse=True)
            if wanted is None
            else heapq.nlargest(wanted, scores, key=orders.__getitem__)
        )
        ids, values = [orders[docnum] % ORDER_ID_SPAN for docnum in top], [0.0] * len(top)
    else:
        if wanted is not None and wanted < len(scores):  # only what can reach the page is sorted
            floor = heapq.nlargest(wanted, scores.values())[-1] - 1e-4
            candidates = [docnum for docnum, value in scores.items() if value >= floor]
        else:
            candidates = list(scores)
        # equal scores newest import first, as break_ties orders them (tuples compare in C)
        ranked = sorted(
            zip(
                map(_round4, map(scores.__getitem__, candidates)),
                [orders[docnum] % ORDER_ID_SPAN for docnum in candidates],
                map(scores.__getitem__, candidates),
                strict=True,
            ),
            reverse=True,
        )[:wanted]
        ids, values = [row[1] for row in ranked], [row[2] for row in ranked]
    return IndexPage(ids=ids[offset:], scores=values[offset:], total=len(scores))
