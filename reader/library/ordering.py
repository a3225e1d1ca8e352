"""The order of a whole result list: the index's (relevance, date) or the store's (title, author, site,
series, date added), either way round (the app's list, ``offprint list --sort``)."""

from __future__ import annotations

from collections.abc import Sequence

from reader.library.database import translated_errors
from reader.library.index.base import SearchIndex
from reader.library.query import MatchAll, Node
from reader.library.store import LIVE, Store
from reader.library.types import Filters, SortOrder

#: The orders the index gives itself; the others are the store's, over the ids that matched.
INDEX_SORTS = (SortOrder.RELEVANCE, SortOrder.DATE)

# A sort order's column, the value that means "none" (sorted last either way), and whether it ascends.
_SORT_COLUMNS: dict[SortOrder, tuple[str, str, bool]] = {
    SortOrder.DATE: ("sort_date", "0", False),
    SortOrder.TITLE: ("sort_title", "''", True),
    SortOrder.AUTHOR: ("sort_author", "''", True),
    SortOrder.SITE: ("sort_site", "''", True),
}


def ordered_ids(
    engine: SearchIndex, store: Store, ast: Node, filters: Filters | None, sort: SortOrder, reverse: bool
) -> list[int]:
    """Every article matching ``ast`` and ``filters``, in ``sort`` order (``reverse``: the other way)."""
    if sort == SortOrder.RELEVANCE or (sort in INDEX_SORTS and not reverse):
        ids = engine.search(ast, filters, sort, None).ids
        return ids[::-1] if reverse else ids
    if isinstance(ast, MatchAll) and (filters is None or filters.is_empty()):
        matching = None  # every article: the store orders them without asking the index
    else:
        matching = engine.search(ast, filters, SortOrder.RELEVANCE, None).ids
    with translated_errors(store.path, "read"):
        return store_ordered(store, matching, sort, reverse=reverse)


def store_ordered(
    store: Store, ids: Sequence[int] | None, sort: SortOrder, *, reverse: bool = False
) -> list[int]:
    """``ids`` (None: all) ordered by a metadata column (``reverse``: the other way round); the
    articles without a value for it (undated, untitled, in no series) last either way."""
    if sort == SortOrder.SERIES:
        return _by_series(store, ids, reverse=reverse)
    if sort == SortOrder.ADDED:
        # The store numbers articles in the order they come in: newest added first is highest id first
        # (no sort of the table: this is the list's order whenever there is no query).
        every = ids if ids is not None else store.all_ids()
        return sorted(every, reverse=not reverse)
    column, empty, ascending = _SORT_COLUMNS.get(sort, _SORT_COLUMNS[SortOrder.DATE])
    direction = "ASC" if ascending != reverse else "DESC"
    ties = "ASC" if reverse else "DESC"  # newest import first; exactly the other way when reversed
    order = f"({column} = {empty}), {column} {direction}, id {ties}"
    rows = store.conn.execute(f"SELECT id FROM articles WHERE {LIVE} ORDER BY {order}")
    if ids is None:
        return [row[0] for row in rows]
    wanted = set(ids)
    return [row[0] for row in rows if row[0] in wanted]


def _by_series(store: Store, ids: Sequence[int] | None, *, reverse: bool) -> list[int]:
    """By the first series (case folded), then oldest first within a series (its reading order)."""
    rows = store.conn.execute(
        "SELECT id, coalesce(json_extract(effective, '$.series[0]'), ''), sort_date FROM articles"
        f" WHERE {LIVE}"
    ).fetchall()
    wanted = set(ids) if ids is not None else None
    keyed = [(str(row[1]).casefold(), row[2], row[0]) for row in rows if (wanted is None or row[0] in wanted)]
    in_series = sorted((key for key in keyed if key[0]), reverse=reverse)
    return [key[2] for key in in_series] + sorted(key[2] for key in keyed if not key[0])
