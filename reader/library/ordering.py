"""The order of a whole result list: the index's (relevance, date) or the store's (title, author, site,
series, date added), either way round (the app's list, ``offprint list --sort``)."""

from __future__ import annotations

from reader.library.index.base import SearchIndex
from reader.library.query import MatchAll, Node
from reader.library.store import Store
from reader.library.types import Filters, SortOrder

#: The orders the index gives itself; the others are the store's, over the ids that matched.
INDEX_SORTS = (SortOrder.RELEVANCE, SortOrder.DATE)


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
    return store.sorted_ids(matching, sort, reverse=reverse)
