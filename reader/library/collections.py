"""The user's collections (nested; an article may be in several) and saved searches (a query and filters
with a name, live).

:class:`CollectionActions` is a part of :class:`~reader.library.facade.Library` (a mixin).  A
collection's articles are searchable (``collection:NAME``, ``Filters.collections``): the library gives the
engines their ids (:mod:`.scopes`), so nothing here writes to the index — filling a collection with a
thousand articles is one small transaction.  Deleting a collection deletes the collections inside it and
their memberships (never an article) and returns a :class:`CollectionRecord` that
:meth:`CollectionActions.restore_collection` puts back, ids and all (undo).  An article in the trash
stays in its collections (it is counted again when it is restored); emptying the trash takes its
memberships with it.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import ArticleNotFoundError, StorageError
from reader.library.database import reads
from reader.library.records import utc_now
from reader.library.store import LIVE, Store
from reader.library.types import Collection, CollectionRecord, Filters, SavedSearch

if TYPE_CHECKING:
    from reader.library.index.manager import IndexManager


class CollectionStore:
    """The collections and saved searches of one store (reads; writes happen in the actions' transactions)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path: Path = store.path

    @reads
    def rows(self) -> list[tuple[int, str, int | None, str]]:
        """(id, name, parent, created) of every collection."""
        return [
            (row[0], row[1], row[2], row[3])
            for row in self.store.conn.execute("SELECT id, name, parent_id, created_at FROM collections")
        ]

    @reads
    def counts(self) -> dict[int, int]:
        """Collection id → how many articles of the library (not the trash) are in it."""
        return {
            row[0]: row[1]
            for row in self.store.conn.execute(
                "SELECT collection_id, count(*) FROM collection_items"
                f" WHERE article_id IN (SELECT id FROM articles WHERE {LIVE}) GROUP BY collection_id"
            )
        }

    @reads
    def members(self, collection_ids: Sequence[int]) -> list[tuple[int, int, str]]:
        marks = ",".join("?" * len(collection_ids))
        return [
            (row[0], row[1], row[2])
            for row in self.store.conn.execute(
                "SELECT collection_id, article_id, added_at FROM collection_items"
                f" WHERE collection_id IN ({marks}) ORDER BY collection_id, article_id",
                list(collection_ids),
            )
        ]

    @reads
    def members_of(self, collection_ids: Sequence[int]) -> list[int]:
        """The articles in any of these collections (the trash included: the index leaves it out)."""
        if not collection_ids:
            return []
        marks = ",".join("?" * len(collection_ids))
        return [
            row[0]
            for row in self.store.conn.execute(
                f"SELECT DISTINCT article_id FROM collection_items WHERE collection_id IN ({marks})"
                " ORDER BY article_id",
                [int(i) for i in collection_ids],
            )
        ]

    @reads
    def article_ids(self, collection_id: int) -> list[int]:
        """The articles of the library (not the trash) in a collection, oldest first."""
        return [
            row[0]
            for row in self.store.conn.execute(
                "SELECT article_id FROM collection_items WHERE collection_id = ?"
                f" AND article_id IN (SELECT id FROM articles WHERE {LIVE}) ORDER BY article_id",
                (collection_id,),
            )
        ]

    @reads
    def of_article(self, article_id: int) -> list[int]:
        return [
            row[0]
            for row in self.store.conn.execute(
                "SELECT collection_id FROM collection_items WHERE article_id = ? ORDER BY collection_id",
                (article_id,),
            )
        ]

    @reads
    def saved(self) -> list[SavedSearch]:
        return [
            _saved_search(row)
            for row in self.store.conn.execute(
                "SELECT id, name, query, filters, created_at, modified_at FROM saved_searches"
                " ORDER BY name COLLATE NOCASE, id"
            )
        ]

    @reads
    def saved_search(self, search_id: int) -> SavedSearch:
        row = self.store.conn.execute(
            "SELECT id, name, query, filters, created_at, modified_at FROM saved_searches WHERE id = ?",
            (search_id,),
        ).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no saved search {search_id} in the library {self.path.parent}")
        return _saved_search(row)


def filters_json(filters: Filters) -> str:
    """A saved search's filters as the store keeps them (``added_since`` is worked out at each search)."""
    values = dataclasses.asdict(filters)
    values.pop("added_since", None)
    return json.dumps(values, sort_keys=True)


def filters_from_json(text: str) -> Filters:
    known = {f.name for f in dataclasses.fields(Filters)}
    values = {name: value for name, value in json.loads(text or "{}").items() if name in known}
    return Filters(**values)


def _saved_search(row: sqlite3.Row | tuple[Any, ...]) -> SavedSearch:
    return SavedSearch(row[0], row[1], row[2], filters_from_json(row[3]), row[4], row[5])


def build_tree(rows: Sequence[tuple[int, str, int | None, str]], counts: dict[int, int]) -> list[Collection]:
    """The collections as a tree, each level by name (case folded)."""
    children: dict[int | None, list[tuple[int, str, int | None, str]]] = defaultdict(list)
    for row in rows:
        children[row[2]].append(row)

    def level(parent: int | None) -> tuple[Collection, ...]:
        ordered = sorted(children.get(parent, []), key=lambda row: (row[1].casefold(), row[0]))
        return tuple(
            Collection(row[0], row[1], row[2], counts.get(row[0], 0), level(row[0])) for row in ordered
        )

    return list(level(None))


class CollectionActions:
    """Collections and saved searches (part of :class:`~reader.library.facade.Library`)."""

    folder: Path
    store: Store
    index: IndexManager
    groups: CollectionStore

    def _require_writable(self, action: str) -> None:
        raise NotImplementedError  # the facade's

    # -- reading -----------------------------------------------------------------------------------------

    def collections(self) -> list[Collection]:
        """The collections as a tree (top level first, each level by name), with their article counts."""
        return build_tree(self.groups.rows(), self.groups.counts())

    def collection(self, collection_id: int) -> Collection:
        for top in self.collections():
            for found in top.walk():
                if found.id == int(collection_id):
                    return found
        raise ArticleNotFoundError(f"no collection {collection_id} in the library {self.folder}")

    def find_collections(self, name: str) -> list[Collection]:
        """The collections called ``name`` (case and surrounding spaces forgiven), or with that path
        (``Arctic/Shipping``), shallowest first."""
        wanted = [part.strip().casefold() for part in name.split("/") if part.strip()]
        if not wanted:
            return []
        found = []
        for top in self.collections():
            for path, collection in _paths(top, ()):
                if [p.casefold() for p in path[-len(wanted) :]] == wanted:
                    found.append((len(path), collection))
        return [collection for _, collection in sorted(found, key=lambda pair: (pair[0], pair[1].id))]

    def collection_ids_named(self, name: str, prefix: bool = False) -> list[int]:
        """The ids of the collections ``collection:NAME`` names: by name or path, case forgiven; with
        ``prefix`` (a name still being typed) every collection whose name begins so."""
        if not prefix:
            return [c.id for c in self.find_collections(name)]
        start = " ".join(name.split()).casefold()
        return [
            collection.id
            for top in self.collections()
            for path, collection in _paths(top, ())
            if "/".join(path).casefold().startswith(start) or collection.name.casefold().startswith(start)
        ]

    def collection_articles(self, collection_id: int) -> list[int]:
        """The articles in a collection directly (the trash left out), oldest first."""
        return self.groups.article_ids(int(collection_id))

    def article_collections(self, article_id: int) -> list[int]:
        """The ids of the collections an article is in."""
        return self.groups.of_article(int(article_id))

    # -- changing collections --------------------------------------------------------------------------

    def create_collection(self, name: str, parent: int | None = None) -> Collection:
        """A new, empty collection (inside ``parent``, or at the top)."""
        self._require_writable("create a collection")
        clean = _clean_name(name)
        if parent is not None:
            self.collection(int(parent))
        self._refuse_sibling(clean, None if parent is None else int(parent))
        with self.store.transaction(bump=False) as conn:
            cursor = conn.execute(
                "INSERT INTO collections (name, parent_id, created_at) VALUES (?, ?, ?)",
                (clean, None if parent is None else int(parent), utc_now()),
            )
        return self.collection(int(cursor.lastrowid or 0))

    def rename_collection(self, collection_id: int, name: str) -> Collection:
        self._require_writable("rename a collection")
        current = self.collection(int(collection_id))
        clean = _clean_name(name)
        if clean == current.name:
            return current
        self._refuse_sibling(clean, current.parent, besides=current.id)
        with self.store.transaction(bump=False) as conn:
            conn.execute("UPDATE collections SET name = ? WHERE id = ?", (clean, current.id))
        return self.collection(current.id)

    def move_collection(self, collection_id: int, parent: int | None) -> Collection:
        """Put a collection inside another (None: at the top); not inside itself or one of its own."""
        self._require_writable("move a collection")
        current = self.collection(int(collection_id))
        if parent is not None:
            if int(parent) in {c.id for c in current.walk()}:
                raise StorageError(f"cannot move the collection “{current.name}” inside itself")
            self.collection(int(parent))
        target = None if parent is None else int(parent)
        if target == current.parent:
            return current
        self._refuse_sibling(current.name, target, besides=current.id)
        with self.store.transaction(bump=False) as conn:
            conn.execute("UPDATE collections SET parent_id = ? WHERE id = ?", (target, current.id))
        return self.collection(current.id)

    def delete_collection(self, collection_id: int) -> CollectionRecord:
        """Delete a collection and those inside it (their articles stay in the library); returns what
        :meth:`restore_collection` needs to put them back."""
        self._require_writable("delete a collection")
        doomed = [c.id for c in self.collection(int(collection_id)).walk()]
        rows = {row[0]: row for row in self.groups.rows()}
        record = CollectionRecord(tuple(rows[i] for i in doomed), tuple(self.groups.members(doomed)))
        with self.store.transaction(bump=False) as conn:
            conn.execute("DELETE FROM collections WHERE id = ?", (int(collection_id),))  # cascades inside
        return record

    def restore_collection(self, record: CollectionRecord) -> Collection:
        """Put back a deleted collection, with those inside it and their articles (undo of a deletion).

        Articles deleted for good since (the trash emptied) are left out."""
        self._require_writable("restore a collection")
        with self.store.transaction(bump=False) as conn:
            for collection_id, name, parent, created in record.collections:
                conn.execute(
                    "INSERT OR REPLACE INTO collections (id, name, parent_id, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    (collection_id, name, parent, created),
                )
            conn.executemany(
                "INSERT OR IGNORE INTO collection_items (collection_id, article_id, added_at)"
                " SELECT ?, id, ? FROM articles WHERE id = ?",
                [(c, added, a) for c, a, added in record.members],
            )
        return self.collection(record.collections[0][0])

    def add_to_collection(self, ids: Sequence[int], collection_id: int) -> list[int]:
        """Put articles in a collection; returns those that were not in it yet (undo removes those)."""
        self._require_writable("add articles to a collection")
        target = self.collection(int(collection_id)).id
        wanted = list(dict.fromkeys(int(i) for i in ids))
        for article_id in wanted:
            self.store.content_hash(article_id)  # raises ArticleNotFoundError
        now = utc_now()
        with self.store.transaction(bump=False) as conn:
            added = [
                article_id
                for article_id in wanted
                if conn.execute(
                    "INSERT OR IGNORE INTO collection_items (collection_id, article_id, added_at)"
                    " VALUES (?, ?, ?)",
                    (target, article_id, now),
                ).rowcount
            ]
        return added

    def remove_from_collection(self, ids: Sequence[int], collection_id: int) -> list[int]:
        """Take articles out of a collection (never out of the library); returns those that were in it."""
        self._require_writable("remove articles from a collection")
        target = self.collection(int(collection_id)).id
        with self.store.transaction(bump=False) as conn:
            removed = [
                article_id
                for article_id in dict.fromkeys(int(i) for i in ids)
                if conn.execute(
                    "DELETE FROM collection_items WHERE collection_id = ? AND article_id = ?",
                    (target, article_id),
                ).rowcount
            ]
        return removed

    def _refuse_sibling(self, name: str, parent: int | None, besides: int | None = None) -> None:
        for row in self.groups.rows():
            if row[2] == parent and row[0] != besides and row[1].casefold() == name.casefold():
                where = "at the top" if parent is None else "in that collection"
                raise StorageError(f"there is already a collection called “{row[1]}” {where}")

    # -- saved searches ---------------------------------------------------------------------------------

    def saved_searches(self) -> list[SavedSearch]:
        """The saved searches, by name."""
        return self.groups.saved()

    def saved_search(self, search_id: int) -> SavedSearch:
        return self.groups.saved_search(int(search_id))

    def save_search(self, name: str, query: str = "", filters: Filters | None = None) -> SavedSearch:
        """Save a query and filters under a name (a saved search is live: its articles are those that
        match now).  The query is checked now: a malformed one is a QueryError."""
        self._require_writable("save a search")
        self._check_search(query, filters)
        now = utc_now()
        with self.store.transaction(bump=False) as conn:
            cursor = conn.execute(
                "INSERT INTO saved_searches (name, query, filters, created_at, modified_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (_clean_name(name), query.strip(), filters_json(filters or Filters()), now, now),
            )
        return self.groups.saved_search(int(cursor.lastrowid or 0))

    def update_saved_search(
        self,
        search_id: int,
        *,
        name: str | None = None,
        query: str | None = None,
        filters: Filters | None = None,
    ) -> SavedSearch:
        """Change a saved search's name, query or filters (what is None stays)."""
        self._require_writable("change a saved search")
        before = self.groups.saved_search(int(search_id))
        after = SavedSearch(
            before.id,
            _clean_name(name) if name is not None else before.name,
            query.strip() if query is not None else before.query,
            filters if filters is not None else before.filters,
            before.created,
            utc_now(),
        )
        self._check_search(after.query, after.filters)
        return self.restore_saved_search(after)

    def delete_saved_search(self, search_id: int) -> SavedSearch:
        """Delete a saved search; returns it, for :meth:`restore_saved_search` (undo)."""
        self._require_writable("delete a saved search")
        record = self.groups.saved_search(int(search_id))
        with self.store.transaction(bump=False) as conn:
            conn.execute("DELETE FROM saved_searches WHERE id = ?", (record.id,))
        return record

    def restore_saved_search(self, record: SavedSearch) -> SavedSearch:
        """Put a saved search back as ``record`` has it, under its id (undo of a deletion or a change)."""
        self._require_writable("restore a saved search")
        with self.store.transaction(bump=False) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO saved_searches (id, name, query, filters, created_at, modified_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    record.name,
                    record.query,
                    filters_json(record.filters),
                    record.created,
                    record.modified,
                ),
            )
        return self.groups.saved_search(record.id)

    def _check_search(self, query: str, filters: Filters | None) -> None:
        from reader.library.query import parse_query

        parse_query(query)
        if filters is not None and filters.saved_search is not None:
            raise StorageError("a saved search cannot be made of another saved search")


def _clean_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean:
        raise StorageError("a collection or saved search needs a name")
    if "/" in clean:
        raise StorageError(f"a name cannot contain “/” (it separates nested collections): {clean!r}")
    return clean


def _paths(collection: Collection, above: tuple[str, ...]) -> list[tuple[tuple[str, ...], Collection]]:
    path = (*above, collection.name)
    found = [(path, collection)]
    for child in collection.children:
        found += _paths(child, path)
    return found
