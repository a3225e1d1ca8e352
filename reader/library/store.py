"""The SQLite store: the truth of a library.

Per article it keeps the extracted metadata with its provenance, the values in effect (the user's
edits applied), the text, reader HTML and repair report, and the images saved with the page; the
user's edits live in their own table so a re-import never overwrites them.  Every write bumps a
generation counter in the same transaction, which lets the index tell whether it is in step, and
queues the article for the index.  The file itself (schema, migrations, connecting) is
:mod:`.database`'s; the row layout is :mod:`.records`'.  Every public method translates ``sqlite3``
errors into :mod:`reader.errors` (the ``reads`` and ``writes`` decorators).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.errors import ArticleNotFoundError, ReadOnlyLibraryError
from reader.ingest import Article
from reader.library.database import connect, reads, translated_errors, writes
from reader.library.index.base import IndexDoc
from reader.library.records import (
    attention_for,
    chunks,
    effective_values,
    extracted_values,
    index_doc,
    provenance_json,
    repairs_json,
    sort_keys,
    stored_article,
    utc_now,
)
from reader.library.signatures import TextSignature
from reader.library.types import EditSnapshot, StoredArticle
from reader.library.user_data import with_user_data

#: The articles not in the trash (every read of "the library" goes through it).
LIVE = "id NOT IN (SELECT article_id FROM trash)"


class Store:
    """One connection to a library database (used from one thread at a time)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._conn = connect(path, read_only=read_only)
        self._commits = 0  # write transactions committed on this connection (see change_mark)

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _transaction(self, *, bump: bool = True) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ReadOnlyLibraryError(f"the library {self.path.parent} is open read-only")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            if bump:
                conn.execute(
                    "UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
                )
            conn.execute("COMMIT")
            self._commits += 1
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextmanager
    def transaction(self, *, bump: bool = True) -> Iterator[sqlite3.Connection]:
        """A write transaction that also bumps the generation counter (unless nothing the index holds
        changes: ``bump=False``)."""
        with translated_errors(self.path, "write to"), self._transaction(bump=bump) as conn:
            yield conn

    # -- settings ----------------------------------------------------------------------------------

    @reads
    def change_mark(self) -> tuple[int, int]:
        """A value that changes whenever anything in the database may have: this connection's commits,
        and SQLite's ``data_version``, which moves when another connection (another process) commits.
        For results derived from the whole store and kept until it changes."""
        return self._commits, int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    @reads
    def generation(self) -> int:
        row = self._conn.execute("SELECT value FROM settings WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    @reads
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @writes
    def set_setting(self, key: str, value: str) -> None:
        with self._transaction(bump=False) as conn:
            conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (key, value))

    # -- reads -------------------------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, for the library's own collaborators (the duplicate finder)."""
        return self._conn

    @reads
    def count(self) -> int:
        """The articles in the library (the trash left out)."""
        return int(self._conn.execute(f"SELECT count(*) FROM articles WHERE {LIVE}").fetchone()[0])

    @reads
    def all_ids(self) -> list[int]:
        """The articles in the library (the trash left out), oldest first."""
        return [row[0] for row in self._conn.execute(f"SELECT id FROM articles WHERE {LIVE} ORDER BY id")]

    @reads
    def exists(self, article_id: int) -> bool:
        """Whether the store holds this article, in the library or in the trash."""
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    @reads
    def id_for_hash(self, content_hash: str) -> int | None:
        """The article holding these bytes now, or that absorbed them before a newer copy replaced them."""
        row = self._conn.execute(
            "SELECT article_id FROM seen_hashes WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    @reads
    def holds_original(self, content_hash: str) -> bool:
        """Whether an article (in the library or the trash) still needs this original file."""
        row = self._conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?"
            " UNION ALL SELECT 1 FROM kept_originals WHERE content_hash = ? LIMIT 1",
            (content_hash, content_hash),
        ).fetchone()
        return row is not None

    @reads
    def id_for_url(self, url: str) -> int | None:
        """The article in the library (not the trash) with this canonical URL."""
        row = self._conn.execute(
            f"SELECT id FROM articles WHERE url = ? AND {LIVE} ORDER BY id LIMIT 1", (url,)
        ).fetchone()
        return row[0] if row else None

    @reads
    def hashes(self) -> dict[str, int]:
        """Content hash → article id of every original that must exist: each article's current file (in
        the library or the trash) and the files it keeps besides (a worse re-save, a merged duplicate's)."""
        found = {
            row[0]: row[1]
            for row in self._conn.execute("SELECT content_hash, article_id FROM kept_originals")
        }
        found.update((row[0], row[1]) for row in self._conn.execute("SELECT content_hash, id FROM articles"))
        return found

    @reads
    def kept_originals(self, article_id: int) -> list[dict[str, Any]]:
        """The files an article keeps besides its current one, oldest first."""
        return [
            dict(row)
            for row in self._conn.execute(
                "SELECT content_hash, source_path, url, kept_at, reason FROM kept_originals"
                " WHERE article_id = ? ORDER BY kept_at, content_hash",
                (article_id,),
            )
        ]

    @reads
    def seen_hashes(self) -> dict[str, int]:
        """Every content hash ever imported → article id (what counts as a duplicate)."""
        return {
            row[0]: row[1] for row in self._conn.execute("SELECT content_hash, article_id FROM seen_hashes")
        }

    @reads
    def content_hash(self, article_id: int) -> str:
        row = self._conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article {article_id} in the library {self.path.parent}")
        return str(row[0])

    @reads
    def get(self, article_id: int) -> StoredArticle:
        """One article, in the library or in the trash."""
        row = self._conn.execute(
            "SELECT a.*, t.trashed_at FROM articles a LEFT JOIN trash t ON t.article_id = a.id"
            " WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article {article_id} in the library {self.path.parent}")
        resources = {
            r[0]: r[1]
            for r in self._conn.execute(
                "SELECT name, media_type FROM resources WHERE article_id = ? ORDER BY name", (article_id,)
            )
        }
        return stored_article(row, self.edits(article_id), resources)

    @reads
    def edits(self, article_id: int) -> dict[str, Any]:
        return {
            row[0]: json.loads(row[1])
            for row in self._conn.execute(
                "SELECT field, value FROM user_edits WHERE article_id = ?", (article_id,)
            )
        }

    @reads
    def summaries(self, ids: Sequence[int]) -> dict[int, tuple[dict[str, Any], str]]:
        """id → (effective metadata, when it was imported) for the ids that exist."""
        found: dict[int, tuple[dict[str, Any], str]] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT id, effective, imported_at FROM articles WHERE id IN ({marks})", chunk
            ):
                found[row[0]] = (json.loads(row[1]), row[2])
        return found

    @reads
    def texts(self, ids: Sequence[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = row[1]
        return found

    @reads
    def text(self, article_id: int) -> str:
        row = self._conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article {article_id} in the library {self.path.parent}")
        return str(row[0])

    @reads
    def organization_names(self) -> set[str]:
        """Every organisation named as an author (the index counts them among the authors)."""
        rows = self._conn.execute(
            "SELECT DISTINCT value FROM articles, json_each(articles.effective, '$.organizations')"
            f" WHERE articles.{LIVE}"
        )
        return {str(row[0]) for row in rows if row[0]}

    @reads
    def resource(self, article_id: int, name: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT data FROM resources WHERE article_id = ? AND name = ?", (article_id, name)
        ).fetchone()
        return bytes(row[0]) if row else None

    @reads
    def index_docs(self, ids: Sequence[int] | None = None, batch: int = 500) -> Iterator[IndexDoc]:
        """The index's view of articles (effective values), streamed in id order; the trash is left out."""
        columns, docs = "id, effective, text, imported_at", with_user_data  # the user's comments, collections
        if ids is None:
            last = 0
            while rows := self._conn.execute(
                f"SELECT {columns} FROM articles WHERE id > ? AND {LIVE} ORDER BY id LIMIT ?", (last, batch)
            ).fetchall():
                yield from docs(self._conn, [index_doc(r[0], json.loads(r[1]), r[2], r[3]) for r in rows])
                last = rows[-1][0]
            return
        for chunk in chunks(list(ids), batch):
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT {columns} FROM articles WHERE id IN ({marks}) AND {LIVE} ORDER BY id", chunk
            ).fetchall()
            yield from docs(self._conn, [index_doc(r[0], json.loads(r[1]), r[2], r[3]) for r in rows])

    @reads
    def needs_attention(self, reason: str | None = None) -> list[int]:
        """Ids of the articles in the library (not the trash) that need attention, for ``reason`` only when
        given (a code of ``reader.ingest.ATTENTION_REASONS``), newest import first."""
        # INDEXED BY: a scan would read every article's text to reach the mark (the last column)
        query = (
            f"SELECT id FROM articles INDEXED BY articles_attention WHERE attention IS NOT NULL AND {LIVE}"
        )
        params: tuple[str, ...] = ()
        if reason is not None:
            query += " AND (' ' || attention || ' ') LIKE ?"
            params = (f"% {reason} %",)
        return [row[0] for row in self._conn.execute(query + " ORDER BY imported_at DESC, id DESC", params)]

    @reads
    def attention_by_id(self, ids: Sequence[int] | None = None) -> dict[int, list[str]]:
        """id → the reasons it needs attention, for the articles in the library (of ``ids``) that need any."""
        rows = self._conn.execute(
            "SELECT id, attention FROM articles INDEXED BY articles_attention"
            f" WHERE attention IS NOT NULL AND {LIVE}"
        )
        wanted = set(ids) if ids is not None else None
        return {row[0]: row[1].split() for row in rows if wanted is None or row[0] in wanted}

    @reads
    def stats(self) -> dict[str, Any]:
        row = self._conn.execute(
            "SELECT count(*), coalesce(sum(length(text)), 0), min(imported_at), max(imported_at)"
            f" FROM articles WHERE {LIVE}"
        ).fetchone()
        edits = self._conn.execute(
            "SELECT count(DISTINCT article_id) FROM user_edits"
            f" WHERE article_id IN (SELECT id FROM articles WHERE {LIVE})"
        ).fetchone()[0]
        return {
            "articles": row[0],
            "text_chars": row[1],
            "first_import": row[2],
            "last_import": row[3],
            "edited_articles": edits,
            "in_trash": self._conn.execute("SELECT count(*) FROM trash").fetchone()[0],
            "needing_attention": len(self.attention_ids()),
        }

    @reads
    def attention_ids(self) -> list[int]:
        """The articles in the library that need the user's eye (e.g. no text found), oldest first."""
        # INDEXED BY: a scan would read every article's text to reach the mark (the last column)
        return sorted(
            row[0]
            for row in self._conn.execute(
                "SELECT id FROM articles INDEXED BY articles_attention"
                f" WHERE attention IS NOT NULL AND {LIVE}"
            )
        )

    @reads
    def attention_problems(self) -> list[tuple[int, str | None]]:
        """(id, the right mark) for each article whose attention mark does not match its text and repair
        report."""
        found = []
        for row in self._conn.execute("SELECT id, text, repairs, attention FROM articles"):
            right = attention_for(row[1], json.loads(row[2]))
            if row[3] != right:
                found.append((row[0], right))
        return found

    @reads
    def integrity_problems(self) -> list[str]:
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        problems += [
            f"foreign key problem in table {row[0]} (row {row[1]})"
            for row in self._conn.execute("PRAGMA foreign_key_check").fetchall()
        ]
        return problems

    # -- writes (always inside :meth:`transaction`) -------------------------------------------------

    @writes
    def insert_article(
        self,
        conn: sqlite3.Connection,
        article: Article,
        source_path: str,
        text_signature: TextSignature | None = None,
    ) -> int:
        now = utc_now()
        extracted = extracted_values(article)
        effective = effective_values(extracted, {}, now)
        cursor = conn.execute(
            """INSERT INTO articles (content_hash, url, source_path, imported_at, updated_at, kind, encoding,
                   extracted, provenance, effective, sort_title, sort_author, sort_site, sort_date,
                   text, html, repairs, evidence, attention)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article.content_hash,
                article.url or None,
                source_path,
                now,
                now,
                article.kind,
                article.encoding,
                json.dumps(extracted),
                provenance_json(article),
                json.dumps(effective),
                *sort_keys(effective),
                article.text,
                article.html,
                repairs_json(article),
                json.dumps(article.evidence),
                attention_for(article.text, article.repairs),
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        conn.execute(
            "INSERT OR REPLACE INTO seen_hashes (content_hash, article_id) VALUES (?, ?)",
            (article.content_hash, article_id),
        )
        self._put_resources(conn, article_id, article)
        put_signature(conn, article_id, text_signature)
        queue(conn, [article_id])
        return article_id

    @writes
    def replace_extracted(
        self,
        conn: sqlite3.Connection,
        article_id: int,
        article: Article,
        source_path: str,
        text_signature: TextSignature | None = None,
    ) -> None:
        """A newer copy of a stored page (same URL): new extraction, the user's edits kept."""
        row = conn.execute("SELECT imported_at FROM articles WHERE id = ?", (article_id,)).fetchone()
        extracted = extracted_values(article)
        effective = effective_values(extracted, self.edits(article_id), row[0])
        conn.execute(
            """UPDATE articles SET content_hash = ?, url = ?, source_path = ?, updated_at = ?, kind = ?,
                   encoding = ?, extracted = ?, provenance = ?, effective = ?, sort_title = ?,
                   sort_author = ?, sort_site = ?, sort_date = ?, text = ?, html = ?, repairs = ?,
                   evidence = ?, attention = ?
               WHERE id = ?""",
            (
                article.content_hash,
                article.url or None,
                source_path,
                utc_now(),
                article.kind,
                article.encoding,
                json.dumps(extracted),
                provenance_json(article),
                json.dumps(effective),
                *sort_keys(effective),
                article.text,
                article.html,
                repairs_json(article),
                json.dumps(article.evidence),
                attention_for(article.text, article.repairs),
                article_id,
            ),
        )
        conn.execute(
            "INSERT OR REPLACE INTO seen_hashes (content_hash, article_id) VALUES (?, ?)",
            (article.content_hash, article_id),
        )
        conn.execute("DELETE FROM resources WHERE article_id = ?", (article_id,))
        self._put_resources(conn, article_id, article)
        put_signature(conn, article_id, text_signature)
        queue(conn, [article_id])

    @writes
    def keep_original(
        self,
        conn: sqlite3.Connection,
        article_id: int,
        content_hash: str,
        source_path: str,
        url: str | None,
        reason: str,
    ) -> None:
        """Record a file the article keeps besides its current one (and count its bytes as seen)."""
        conn.execute(
            "INSERT OR REPLACE INTO kept_originals"
            " (article_id, content_hash, source_path, url, kept_at, reason) VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, content_hash, source_path, url, utc_now(), reason),
        )
        conn.execute(
            "INSERT OR REPLACE INTO seen_hashes (content_hash, article_id) VALUES (?, ?)",
            (content_hash, article_id),
        )

    def _put_resources(self, conn: sqlite3.Connection, article_id: int, article: Article) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO resources (article_id, name, media_type, data) VALUES (?, ?, ?, ?)",
            [(article_id, r.name, r.media_type, r.data) for r in article.resources],
        )

    @writes
    def set_edits(self, conn: sqlite3.Connection, article_id: int, fields: dict[str, Any]) -> None:
        now = utc_now()
        conn.executemany(
            "INSERT OR REPLACE INTO user_edits (article_id, field, value, edited_at) VALUES (?, ?, ?, ?)",
            [(article_id, name, json.dumps(value), now) for name, value in fields.items()],
        )
        self._refresh_effective(conn, article_id)

    @writes
    def drop_edits(self, conn: sqlite3.Connection, article_id: int, fields: Sequence[str]) -> None:
        conn.executemany(
            "DELETE FROM user_edits WHERE article_id = ? AND field = ?", [(article_id, f) for f in fields]
        )
        self._refresh_effective(conn, article_id)

    def _refresh_effective(self, conn: sqlite3.Connection, article_id: int) -> None:
        row = conn.execute(
            "SELECT extracted, imported_at FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        effective = effective_values(json.loads(row[0]), self.edits(article_id), row[1])
        conn.execute(
            """UPDATE articles SET effective = ?, sort_title = ?, sort_author = ?, sort_site = ?,
                   sort_date = ? WHERE id = ?""",
            (json.dumps(effective), *sort_keys(effective), article_id),
        )
        queue(conn, [article_id])

    @writes
    def edit_snapshot(self, article_id: int, fields: Sequence[str]) -> EditSnapshot:
        """The user's own values of ``fields`` of one article now (for undo and redo)."""
        edits = self.edits(article_id)
        return EditSnapshot(
            article_id, tuple(fields), {name: edits[name] for name in fields if name in edits}
        )

    @writes
    def put_edit_snapshot(self, conn: sqlite3.Connection, snapshot: EditSnapshot) -> None:
        """Make the user's own values of the snapshot's fields what they were when it was taken."""
        dropped = [name for name in snapshot.fields if name not in snapshot.edits]
        conn.executemany(
            "DELETE FROM user_edits WHERE article_id = ? AND field = ?",
            [(snapshot.article_id, f) for f in dropped],
        )
        self.set_edits(conn, snapshot.article_id, dict(snapshot.edits))

    # -- the index queue -----------------------------------------------------------------------------

    @reads
    def queued(self) -> list[int]:
        """Articles written since the index last caught up."""
        return [
            row[0] for row in self._conn.execute("SELECT article_id FROM index_queue ORDER BY article_id")
        ]

    @reads
    def has_queued(self) -> bool:
        try:
            return self._conn.execute("SELECT 1 FROM index_queue LIMIT 1").fetchone() is not None
        except sqlite3.OperationalError:  # an older schema opened read-only: it has no queue
            return False

    @reads
    def queue_snapshot(self) -> tuple[int, list[int]]:
        """The generation and the queued ids, read together (one snapshot), for the index to catch up."""
        self._conn.execute("BEGIN")
        try:
            return self.generation(), self.queued()
        finally:
            self._conn.execute("COMMIT")

    @writes
    def unqueue(self, ids: Sequence[int]) -> None:
        """The index has these articles now (no generation bump: the store's content did not change)."""
        with self._transaction(bump=False) as conn:
            conn.executemany("DELETE FROM index_queue WHERE article_id = ?", [(i,) for i in ids])

    @writes
    def queue_all(self) -> None:
        with self._transaction(bump=False) as conn:
            conn.execute(
                f"INSERT OR IGNORE INTO index_queue (article_id) SELECT id FROM articles WHERE {LIVE}"
            )

    @writes
    def clear_queue(self) -> None:
        with self._transaction(bump=False) as conn:
            conn.execute("DELETE FROM index_queue")


def queue(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Mark articles for the index to catch up with (inside the write transaction that changed them)."""
    conn.executemany("INSERT OR IGNORE INTO index_queue (article_id) VALUES (?)", [(i,) for i in ids])


def put_signature(conn: sqlite3.Connection, article_id: int, text_signature: TextSignature | None) -> None:
    """Store an article's text signature and its LSH bands (none for an article without text)."""
    conn.execute("DELETE FROM text_signatures WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM text_bands WHERE article_id = ?", (article_id,))
    if text_signature is None:
        return
    conn.execute(
        "INSERT INTO text_signatures (article_id, shingles, signature) VALUES (?, ?, ?)",
        (article_id, text_signature.shingles, text_signature.to_bytes()),
    )
    conn.executemany(
        "INSERT INTO text_bands (band, article_id) VALUES (?, ?)",
        [(key, article_id) for key in text_signature.band_keys()],
    )
