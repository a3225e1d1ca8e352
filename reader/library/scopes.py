"""The user's own scopes of a search, turned into query clauses the engines understand.

``collection:NAME`` in a query, ``Filters.collections``, ``Filters.has_annotations`` and
``Filters.saved_search`` are the library's, not the engines': before a search, :func:`scoped` replaces a
``collection:`` clause by a :class:`~reader.library.query.Keyword` clause on the ids of the articles in
the collections the name names (collections are not indexed: filling one writes nothing to the index),
ANDs the collections and "has annotations" filters to the query as keyword clauses, and ANDs a saved
search's own query and filters (facet values as keyword clauses, years and dates as ranges; its
Date Added window taken when the search has none).  The engines then only need keyword clauses, and the
facet counts respect every scope because the scopes are part of the query.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.library.query import (
    And,
    DateRange,
    Fuzzy,
    Keyword,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    Typed,
    date_bound,
    filter_bound,
    parse_query,
)
from reader.library.types import Filters, SavedSearch
from reader.library.user_data import ANNOTATED

_FACET_KEYWORDS = ("series", "topics", "authors", "sites")

#: Collection ids a name (or the start of one, ``prefix=True``) names.
NameLookup = Callable[[str, bool], list[int]]
#: The ids of the articles in any of these collections.
MemberLookup = Callable[[Sequence[int]], list[int]]


@dataclass(frozen=True)
class Lookups:
    """What :func:`scoped` asks the library: collections by name, their articles, saved searches."""

    names: NameLookup
    members: MemberLookup
    saved: Callable[[int], SavedSearch]

    def in_collections(self, collection_ids: Sequence[int]) -> Keyword:
        return Keyword("id", tuple(str(i) for i in self.members(list(collection_ids))))


def scoped(ast: Node, filters: Filters | None, lookups: Lookups) -> tuple[Node, Filters | None]:
    """``ast`` and ``filters`` with the user's scopes made query clauses (see the module docstring)."""
    ast = _resolved(ast, lookups)
    if filters is None:
        return ast, None
    extra: list[Node] = []
    if filters.collections:
        extra.append(lookups.in_collections(filters.collections))
    if filters.has_annotations:
        extra.append(Keyword("flags", (ANNOTATED,)))
    added = filters.added
    if filters.saved_search is not None:
        search = lookups.saved(int(filters.saved_search))
        extra.append(_resolved(parse_query(search.query), lookups))
        extra += filter_clauses(search.filters, lookups)
        added = added or search.filters.added
    remaining = dataclasses.replace(
        filters, collections=[], has_annotations=False, saved_search=None, added=added
    )
    return _and(ast, extra), remaining


def filter_clauses(filters: Filters, lookups: Lookups) -> list[Node]:
    """A saved search's filters as query clauses (its Date Added window is left to the caller)."""
    clauses: list[Node] = []
    for facet in _FACET_KEYWORDS:
        values = getattr(filters, facet)
        if values:
            clauses.append(Keyword(facet, tuple(str(v) for v in values)))
    if filters.years:
        years = [
            DateRange(date_bound(str(y), "year", high=False), date_bound(str(y), "year", high=True))
            for y in filters.years
        ]
        clauses.append(years[0] if len(years) == 1 else Or(tuple(years)))
    if filters.date_from or filters.date_to:
        clauses.append(
            DateRange(filter_bound(filters.date_from, high=False), filter_bound(filters.date_to, high=True))
        )
    if filters.collections:
        clauses.append(lookups.in_collections(filters.collections))
    if filters.has_annotations:
        clauses.append(Keyword("flags", (ANNOTATED,)))
    return clauses


def within(ast: Node, ids: Iterable[int]) -> Node:
    """``ast`` limited to the articles ``ids`` (a library view's: those needing attention, those in
    duplicate sets), as a collection limits it."""
    return _and(ast, [Keyword("id", tuple(str(i) for i in ids))])


def _and(ast: Node, extra: list[Node]) -> Node:
    if not extra:
        return ast
    parts: list[Node] = []
    if isinstance(ast, And):
        parts += ast.children
    elif not isinstance(ast, MatchAll):
        parts.append(ast)
    parts += [part for part in extra if not isinstance(part, MatchAll)]
    if not parts:
        return MatchAll()
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def _resolved(node: Node, lookups: Lookups) -> Node:
    """``node`` with every ``collection:`` clause replaced by the ids of the articles in the collections
    it names."""
    if isinstance(node, Term | Phrase | Prefix | Typed | Fuzzy) and node.field == "collections":
        if isinstance(node, Phrase):
            text, prefix = " ".join(node.words), node.prefix
        else:
            text, prefix = node.text, isinstance(node, Prefix | Typed)
        return lookups.in_collections(lookups.names(text, prefix))
    if isinstance(node, And | Or):
        return type(node)(tuple(_resolved(child, lookups) for child in node.children))
    if isinstance(node, Not):
        return Not(_resolved(node.child, lookups))
    return node
