"""The narrow interface every full-text engine serves, and the document it indexes.

The index is derived data: it can always be rebuilt from the store.  Article text
is indexed but never stored in it; snippets and in-article matches are made from
the store's text by :mod:`reader.library.index.analysis`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from reader.library.query import Node
from reader.library.types import Filters, SortOrder

# Bump when the fields or their analysis change: indexes rebuild on open.  3: runs of scripts without
# spaces as bigrams, NFKC-folded words.  4: when each article was added.  5: the user's comments and
# notes and "annotated" flag.
SCHEMA_VERSION = 5
ENGINES = ("whoosh", "tantivy")
DEFAULT_ENGINE = "whoosh"
# Beyond this many articles whoosh's prefix and phrase queries get slow; the app suggests tantivy.
WHOOSH_COMFORT_LIMIT = 20_000
# A prefix query expands to at most this many of its most frequent terms.
PREFIX_EXPANSION_CAP = 64
ORDER_ID_SPAN = 10**10  # an order key is date_key * ORDER_ID_SPAN + article id
# Where an unfielded word is looked for, and what a match there weighs: the title and the authors
# above the text, so an article about a word (or by a person) comes before one that mentions it.
# The user's own comments and notes count less than the text: they say what the reader thought of it.
FIELD_BOOSTS = {
    "title": 3.0,
    "authors": 2.5,
    "body": 1.0,
    "site": 1.5,
    "series": 1.5,
    "topics": 1.5,
    "notes": 0.5,
}
# The facets both engines index as exact values (a ``k_<facet>`` field each) and count; years and the
# Date Added windows come from the date and added fields.
FACET_FIELDS = ("series", "topics", "authors", "sites")
#: The keyword fields that are the user's (``query.Keyword`` clauses on them come from the library).
USER_KEYWORDS = ("flags",)
# Where an unfielded prefix, and the word being typed, are completed; the first letter or two of a
# word only in the short fields (the text too when none of them has such a word): one or two letters
# begin a word of nearly every text, and completing them there is the slowest query there is.
PREFIX_FIELDS = ("title", "authors", "body", "topics")
SHORT_PREFIX = 2
SHORT_PREFIX_FIELDS = ("title", "authors", "topics")


# A word still being typed whose usual completions find nothing is completed again more widely: in
# every completion field, to this many times as many words.
WIDE_FACTOR = 4


def completion_fields(prefix: str, *, wide: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields an unfielded prefix completes in, then those tried only when these have no completion."""
    if len(prefix) <= SHORT_PREFIX and not wide:
        return SHORT_PREFIX_FIELDS, tuple(f for f in PREFIX_FIELDS if f not in SHORT_PREFIX_FIELDS)
    return PREFIX_FIELDS, ()


# A word found only by completing the word being typed weighs this much of the word itself, so
# articles with the exact word come first ("port" before "portrait").
PREFIX_WEIGHT = 0.3


_CAP_SHARE = (0.25, 0.375, 0.5, 0.75)  # of the cap, for prefixes of one to four letters


def prefix_cap(prefix: str, cap: int, *, wide: bool = False) -> int:
    """How many completions a prefix may expand to: fewer for the first letters of a word, which
    match nearly everything anyway (and whose expansion is the slowest query there is); ``wide``
    times WIDE_FACTOR."""
    share = _CAP_SHARE[len(prefix) - 1] if 0 < len(prefix) <= len(_CAP_SHARE) else 1.0
    return max(2, int(cap * share)) * (WIDE_FACTOR if wide else 1)


@dataclass
class IndexDoc:
    """What the index knows about one article (effective values: the user's edits applied)."""

    id: int
    title: str = ""
    body: str = ""
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    # When it was added to the library, Unix seconds (0: unknown).  An engine's facets() counts the matches
    # added in each second under "added" (the second as a string); the library makes Date Added windows
    # of those counts (a library gets a few distinct seconds per import, never more than its articles).
    added: int = 0
    # The user's own: comments on highlights and notes (text, ``note:``) and flags ("annotated": it has
    # highlights or notes).  Collections are not indexed: a search in one is given its articles' ids.
    notes: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def date_key(self) -> int:
        return date_key(self.date)

    @property
    def order_key(self) -> int:
        """Newest-first order without ties: the date, then the id (a later import first)."""
        return self.date_key * ORDER_ID_SPAN + self.id

    @property
    def year(self) -> int | None:
        key = self.date_key
        return key // 10000 if key else None


@dataclass
class IndexPage:
    """One page of results: ids in order with their scores, and how many matched in all."""

    ids: list[int]
    scores: list[float]
    total: int


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def sorts_by_date(query: Node, sort: SortOrder) -> bool:
    """Date order when asked for, or when nothing in the query can rank (all articles, only ranges)."""
    from reader.library.query import positive_terms

    return sort == SortOrder.DATE or not positive_terms(query)


def break_ties(ids: list[int], scores: list[float]) -> tuple[list[int], list[float]]:
    """Equal scores in a stable order (newest import first), whatever the segment layout."""
    pairs = sorted(zip(ids, scores, strict=True), key=lambda pair: (-round(pair[1], 4), -pair[0]))
    return [p[0] for p in pairs], [p[1] for p in pairs]


def date_key(date: str | None) -> int:
    """``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``) as the integer YYYYMMDD, missing parts 0; 0 if none."""
    if not date:
        return 0
    found = _DATE.match(date)
    if not found:
        return 0
    year, month, day = found.group(1), found.group(2) or "0", found.group(3) or "0"
    return int(year) * 10000 + int(month) * 100 + int(day)


class SearchIndex(Protocol):
    """A full-text engine over :class:`IndexDoc` s.  Writes commit before they return."""

    engine: str

    def write(self, upserts: Sequence[IndexDoc] = (), deletes: Sequence[int] = ()) -> None:
        """Add or replace ``upserts`` (by id) and drop ``deletes``, in one commit."""

    def add_many(self, docs: Iterable[IndexDoc], on_batch: Callable[[int], None] | None = None) -> None:
        """Bulk-load into an empty index (a rebuild): faster than :meth:`write`."""

    def search(
        self, query: Node, filters: Filters | None, sort: SortOrder, limit: int | None, offset: int = 0
    ) -> IndexPage:
        """Matching ids (``limit`` None: all of them) ranked or sorted (RELEVANCE or DATE)."""

    def facets(
        self, query: Node, filters: Filters | None, *, every_value: bool = False
    ) -> dict[str, dict[str, int]]:
        """Counts of facet values over the whole result set (see ``types.FACETS``), most frequent first:
        the FACET_LIMIT most frequent of each facet, or (``every_value``) all of them."""

    def search_with_facets(
        self, query: Node, filters: Filters | None, sort: SortOrder, limit: int, offset: int = 0
    ) -> tuple[IndexPage, dict[str, dict[str, int]]]:
        """:meth:`search` and :meth:`facets` together, in fewer passes where the engine can."""

    def stem(self, word: str) -> list[str]:
        """The indexed terms a word of text becomes (folded, lowercased, stemmed)."""

    def doc_count(self) -> int: ...

    def all_ids(self) -> set[int]: ...

    def size_bytes(self) -> int: ...

    def close(self) -> None: ...
