"""The trash: removed articles wait here, whole, until the trash is emptied.

An article in the trash keeps every row it has (metadata, the user's edits, images, kept files,
signatures — and any per-article user data added later, such as annotations) and its original files;
it only leaves what the user sees: the index drops it (so search, facets, the list and exports lose it)
and the store's reads of "the library" leave it out (:data:`reader.library.store.LIVE`).  Restoring
puts it back in the index.  Emptying the trash deletes articles for good in one place
(:meth:`Trash.purge`): every table of per-article data references ``articles`` ON DELETE CASCADE, so
one DELETE per article takes all of it; the files no remaining article needs are deleted after that
transaction commits (a crash in between leaves files that belong to no article, which the next open
or ``offprint check --repair`` deletes).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from reader.library.database import reads, writes
from reader.library.records import utc_now
from reader.library.store import Store, queue
from reader.library.types import TrashedArticle


class Trash:
    """The trash of one store (its reads and the writes made inside the store's transactions)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path: Path = store.path

    @reads
    def articles(self) -> list[TrashedArticle]:
        """The articles in the trash, the most recently trashed first."""
        return [
            TrashedArticle(row[0], json.loads(row[1]).get("title") or "", row[2], row[3])
            for row in self.store.conn.execute(
                "SELECT t.article_id, a.effective, t.trashed_at, t.merged_into FROM trash t"
                " JOIN articles a ON a.id = t.article_id ORDER BY t.trashed_at DESC, t.article_id DESC"
            )
        ]

    @reads
    def ids(self) -> set[int]:
        return {row[0] for row in self.store.conn.execute("SELECT article_id FROM trash")}

    @reads
    def count(self) -> int:
        return int(self.store.conn.execute("SELECT count(*) FROM trash").fetchone()[0])

    @writes
    def put(self, conn: sqlite3.Connection, ids: Sequence[int], merged_into: int | None = None) -> list[int]:
        """Move articles into the trash; returns those that were in the library (not already trashed)."""
        now = utc_now()
        moved = []
        for article_id in ids:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO trash (article_id, trashed_at, merged_into)"
                " SELECT id, ?, ? FROM articles WHERE id = ?",
                (now, merged_into, article_id),
            )
            if cursor.rowcount:
                moved.append(article_id)
        queue(conn, moved)  # the index drops them
        return moved

    @writes
    def take_out(self, conn: sqlite3.Connection, ids: Sequence[int]) -> list[int]:
        """Put articles back in the library; returns those that were in the trash."""
        restored = [
            article_id
            for article_id in ids
            if conn.execute("DELETE FROM trash WHERE article_id = ?", (article_id,)).rowcount
        ]
        queue(conn, restored)  # the index takes them back
        return restored

    @writes
    def purge(self, conn: sqlite3.Connection, ids: Sequence[int]) -> list[str]:
        """Delete articles for good: the one place an article's rows go.

        Returns the content hashes of every file these articles used; the caller deletes those no
        article still needs (:meth:`Store.holds_original`) once this transaction has committed.
        """
        hashes: list[str] = []
        for article_id in ids:
            row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                continue
            hashes.append(row[0])
            hashes += [
                kept[0]
                for kept in conn.execute(
                    "SELECT content_hash FROM kept_originals WHERE article_id = ?", (article_id,)
                )
            ]
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        queue(conn, ids)
        return hashes
