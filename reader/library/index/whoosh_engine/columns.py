"""Each document's values in the whoosh index's columns, read once per searcher: facet counts, filters
tested without a query, ids and date order without reading stored fields.

Counting facet values from these columns is far faster than whoosh's ``groupedby``; a column is
read whole the first time it is needed and kept until the index changes (a new searcher, a new
:class:`Columns`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from itertools import chain
from typing import Any

from reader.library.index.analysis import FACET_LIMIT, ordered_counts
from reader.library.index.base import FACET_FIELDS
from reader.library.index.translation import facet_choices
from reader.library.index.whoosh_engine.schema import VALUE_SEPARATOR
from reader.library.query import filter_bound
from reader.library.types import Filters


class Columns:
    """The value columns of one searcher's documents (by document number), each read when first asked."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader  # the searcher's index reader
        self._facet_cache: dict[str, list[tuple[str, ...]]] = {}
        self._date_cache: list[int] | None = None
        self._added_cache: list[int] | None = None
        self._added_key_cache: list[str] | None = None
        self._year_cache: list[int] | None = None
        self._order_cache: list[int] | None = None
        self._live_cache: set[int] | None = None
        self._all_counts: dict[str, Counter[str]] | None = None

    # -- facet counts ----------------------------------------------------------------------------------

    def facet_counts(self, docs: Collection[int], *, every_value: bool = False) -> dict[str, dict[str, int]]:
        """The facet counts over ``docs`` (see ``SearchIndex.facets``)."""
        raw = self._raw_counts(docs)
        limit = None if every_value else FACET_LIMIT
        counts = {facet: ordered_counts(dict(raw[facet]), facet=facet, limit=limit) for facet in FACET_FIELDS}
        years = raw["years"]
        years.pop("0", None)  # undated
        counts["years"] = ordered_counts(dict(years), facet="years")
        counts["added"] = dict(raw["added"])  # per second: the library makes Date Added windows of them
        return counts

    def _raw_counts(self, docs: Collection[int]) -> dict[str, Counter[str]]:
        """How many of ``docs`` have each facet value.  A search-as-you-type query often matches most of
        the library: then the library's counts (kept) less those of the few documents left out."""
        live = self._live()
        if len(docs) <= len(live) // 2:
            return self._count(docs)
        if self._all_counts is None:
            self._all_counts = self._count(live)
        left_out = live.difference(docs)
        counts = {facet: Counter(counter) for facet, counter in self._all_counts.items()}
        for facet, counter in self._count(left_out).items():
            counts[facet].subtract(counter)
            counts[facet] = +counts[facet]  # drop the values no document has any more
        return counts

    def _count(self, docs: Collection[int]) -> dict[str, Counter[str]]:
        counts = {
            facet: Counter(chain.from_iterable(map(self._facet_values(facet).__getitem__, docs)))  # in C
            for facet in FACET_FIELDS
        }
        counts["years"] = Counter(map(str, map(self._years().__getitem__, docs)))
        counts["added"] = Counter(map(self._added_keys().__getitem__, docs))
        return counts

    # -- filters ---------------------------------------------------------------------------------------

    def filter_test(self, filters: Filters | None) -> Callable[[int], bool] | None:
        """A test of a document against ``filters`` on the columns (None: no filters)."""
        if filters is None or filters.is_empty():
            return None
        tests: list[Callable[[int], bool]] = [
            _has_any(self._facet_values(facet), set(values)) for facet, values in facet_choices(filters)
        ]
        if filters.years:
            years, wanted_years = self._years(), set(filters.years)
            tests.append(lambda docnum: years[docnum] in wanted_years)
        if filters.date_from or filters.date_to:
            low = filter_bound(filters.date_from, high=False) or 1
            high = filter_bound(filters.date_to, high=True) or 99_999_999
            dates = self._dates()
            tests.append(lambda docnum: low <= dates[docnum] <= high)
        if filters.added_since is not None:
            since, added = filters.added_since, self._added()
            tests.append(lambda docnum: added[docnum] >= since)
        return lambda docnum: all(test(docnum) for test in tests)

    # -- the columns -----------------------------------------------------------------------------------

    def orders(self) -> list[int]:
        """Each document's ``order`` (its date and article id): ids without reading stored fields."""
        if self._order_cache is None:
            self._order_cache = [int(value or 0) for value in self._column("order")]
        return self._order_cache

    def _live(self) -> set[int]:
        """Every document number that is not deleted."""
        if self._live_cache is None:
            self._live_cache = set(self._reader.all_doc_ids())
        return self._live_cache

    def _facet_values(self, facet: str) -> list[tuple[str, ...]]:
        cached = self._facet_cache.get(facet)
        if cached is None:
            column = self._column(f"c_{facet}")
            cached = [tuple(raw.decode("utf-8").split(VALUE_SEPARATOR)) if raw else () for raw in column]
            self._facet_cache[facet] = cached
        return cached

    def _dates(self) -> list[int]:
        """Each document's date as YYYYMMDD (0: undated)."""
        if self._date_cache is None:
            self._date_cache = [int(value or 0) for value in self._column("date")]
        return self._date_cache

    def _added(self) -> list[int]:
        """When each document was added to the library, Unix seconds (0: unknown)."""
        if self._added_cache is None:
            self._added_cache = [int(value or 0) for value in self._column("added")]
        return self._added_cache

    def _added_keys(self) -> list[str]:
        """When each document was added, as the "added" counts key it."""
        if self._added_key_cache is None:
            self._added_key_cache = [str(added) for added in self._added()]
        return self._added_key_cache

    def _years(self) -> list[int]:
        if self._year_cache is None:
            self._year_cache = [date // 10000 for date in self._dates()]
        return self._year_cache

    def _column(self, name: str) -> Any:
        if self._reader.doc_count_all() == 0:
            return []  # an empty index has no column readers
        return self._reader.column_reader(name)


def _has_any(values: Sequence[tuple[Any, ...]], wanted: set[Any]) -> Callable[[int], bool]:
    return lambda docnum: not wanted.isdisjoint(values[docnum])
