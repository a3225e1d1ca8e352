"""A set of article ids (a collection's articles) as a whoosh query, found from the ``order`` column.

A search inside a collection is given the collection's article ids (``Keyword("id", ...)``).  An OR
of a thousand id terms took 130 ms a keystroke at 10,000 articles; :class:`IdSet` reads each
segment's ``order`` column instead (the article id is its low digits) and keeps the documents it
found per segment: typing inside a collection asks for the same set at every key, and a segment's
documents never change (deletions are checked when the list is made, and a segment with new
deletions has a new document count, so a new key).
"""

from __future__ import annotations

from typing import Any

from whoosh import matching, query

from reader.library.index.base import ORDER_ID_SPAN
from reader.library.index.whoosh_engine.postings import segment_id

_KEPT_SETS = 16  # (segment, live documents, ids) entries kept; the oldest goes first
_ID_SET_DOCS: dict[tuple[str, int, frozenset[int]], list[int]] = {}


class IdSet(query.Query):  # type: ignore[misc]
    """The documents of a set of article ids.  Every match weighs the same, so it filters without
    reordering."""

    def __init__(self, ids: frozenset[int]) -> None:
        self.ids = ids
        self.boost = 1.0

    def __repr__(self) -> str:
        return f"IdSet({sorted(self.ids)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IdSet) and self.ids == other.ids

    def __hash__(self) -> int:
        return hash(self.ids)

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.ids)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not self.ids or reader.doc_count_all() == 0:
            return matching.NullMatcher()
        key = (segment_id(reader), reader.doc_count(), self.ids)
        docs = _ID_SET_DOCS.get(key)
        if docs is None:
            docs = _segment_docs(reader, self.ids)
            if len(_ID_SET_DOCS) >= _KEPT_SETS:
                _ID_SET_DOCS.pop(next(iter(_ID_SET_DOCS)))
            _ID_SET_DOCS[key] = docs
        return matching.ListMatcher(docs, all_weights=1.0) if docs else matching.NullMatcher()


def _segment_docs(reader: Any, ids: frozenset[int]) -> list[int]:
    """The live documents of one segment whose article id is in ``ids``."""
    span = ORDER_ID_SPAN
    docs = [n for n, order in enumerate(reader.column_reader("order")) if int(order or 0) % span in ids]
    if reader.has_deletions():
        docs = [n for n in docs if not reader.is_deleted(n)]
    return docs
