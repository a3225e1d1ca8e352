"""The SQLite store: the truth of a library.

One file, ``<library>/library.sqlite3`` (WAL, foreign keys, ``PRAGMA user_version``
with ordered migrations).  Per article it keeps the extracted metadata with its
provenance, the text, reader HTML and repair report, and the images saved with the
page; the user's edits live in their own table so a re-import never overwrites them.
Every write bumps a generation counter in the same transaction, which lets the
index tell whether it is in step.  Raw ``sqlite3`` errors become
:mod:`reader.errors` errors here and nowhere else.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.errors import ArticleNotFoundError, CorruptLibraryError, ReadOnlyLibraryError, StorageError
from reader.ingest import Article
from reader.library.index.base import IndexDoc, date_key
from reader.library.types import EDITABLE_FIELDS, SortOrder, StoredArticle

METADATA_FIELDS = (
    "title",
    "authors",
    "organizations",
    "date",
    "site",
    "url",
    "language",
    "excerpt",
    "series",
    "topics",
)
LIST_FIELDS = {"authors", "organizations", "series", "topics"}

_MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT,
        source_path TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'html',
        encoding TEXT,
        extracted TEXT NOT NULL,
        provenance TEXT NOT NULL,
        effective TEXT NOT NULL,
        sort_title TEXT NOT NULL DEFAULT '',
        sort_author TEXT NOT NULL DEFAULT '',
        sort_site TEXT NOT NULL DEFAULT '',
        sort_date INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        html TEXT NOT NULL,
        repairs TEXT NOT NULL
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE TABLE user_edits (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        edited_at TEXT NOT NULL,
        PRIMARY KEY (article_id, field)
    );
    CREATE TABLE resources (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (article_id, name)
    );
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO settings(key, value) VALUES ('generation', '0');
    """,
    # 2: every content hash an article has absorbed (a newer copy of a page, same URL, replaces the
    # older bytes; importing the older file again is still a duplicate, not a flip-flop update)
    """
    CREATE TABLE seen_hashes (
        content_hash TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX seen_hashes_article ON seen_hashes(article_id);
    INSERT OR IGNORE INTO seen_hashes (content_hash, article_id) SELECT content_hash, id FROM articles;
    """,
    # 3: articles written since the index last caught up (no foreign key: removed ids must stay listed)
    """
    CREATE TABLE index_queue (article_id INTEGER PRIMARY KEY);
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _corrupt(path: Path, exc: Exception) -> CorruptLibraryError:
    return CorruptLibraryError(
        f"the library database {path} is damaged ({exc}). Offprint has not changed it. "
        f"Close Offprint, then restore library.sqlite3 from a backup into {path.parent} "
        "(or move the damaged file aside to start a new library; your original files are kept "
        f"under {path.parent / 'originals'})"
    )


class Store:
    """One connection to a library database (used from one thread at a time)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._conn = self._connect()
        try:
            self._prepare()
        except sqlite3.OperationalError as exc:
            self._conn.close()
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise ReadOnlyLibraryError(f"the library database {path} cannot be written ({exc})") from exc
            raise StorageError(f"cannot open the library database {path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
            self._conn.close()
            raise _corrupt(path, exc) from exc

    # -- connection --------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                if not self.path.exists():
                    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                else:
                    conn = self._connect_read_only()
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        except sqlite3.DatabaseError as exc:
            raise _corrupt(self.path, exc) from exc
        conn.row_factory = sqlite3.Row
        return conn

    def _connect_read_only(self) -> sqlite3.Connection:
        uri = f"{self.path.as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            # A WAL database in a folder we cannot write (no -shm possible): read it as immutable.
            conn.close()
            uri = f"{self.path.as_uri()}?mode=ro&immutable=1"
            return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails fast on a damaged file
        if self.read_only:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and not self.path.exists():
                for script in _MIGRATIONS:  # an in-memory empty library
                    conn.executescript(script)
            elif version > SCHEMA_VERSION:
                raise StorageError(
                    f"the library {self.path.parent} was written by a newer Offprint (schema {version}); "
                    "update Offprint to open it"
                )
            return
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"the library {self.path.parent} was written by a newer Offprint (schema {version}); "
                "update Offprint to open it"
            )
        for number in range(version, SCHEMA_VERSION):
            with self._transaction(bump=False):
                for statement in _MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number + 1}")

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
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that also bumps the generation counter."""
        try:
            with self._transaction() as conn:
                yield conn
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"could not write to the library database {self.path}: {exc}") from exc

    # -- settings ----------------------------------------------------------------------------------

    def generation(self) -> int:
        row = self._conn.execute("SELECT value FROM settings WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction(bump=False) as conn:
            conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (key, value))

    # -- reads -------------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def all_ids(self) -> list[int]:
        return [row[0] for row in self._conn.execute("SELECT id FROM articles ORDER BY id")]

    def id_for_hash(self, content_hash: str) -> int | None:
        """The article holding these bytes now, or that absorbed them before a newer copy replaced them."""
        row = self._conn.execute(
            "SELECT article_id FROM seen_hashes WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def holds_original(self, content_hash: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def id_for_url(self, url: str) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", (url,)
        ).fetchone()
        return row[0] if row else None

    def hashes(self) -> dict[str, int]:
        """Current content hash → article id (the originals that must exist)."""
        return {row[0]: row[1] for row in self._conn.execute("SELECT content_hash, id FROM articles")}

    def seen_hashes(self) -> dict[str, int]:
        """Every content hash ever imported → article id (what counts as a duplicate)."""
        return {
            row[0]: row[1] for row in self._conn.execute("SELECT content_hash, article_id FROM seen_hashes")
        }

    def content_hash(self, article_id: int) -> str:
        row = self._conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article {article_id} in the library {self.path.parent}")
        return str(row[0])

    def get(self, article_id: int) -> StoredArticle:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article {article_id} in the library {self.path.parent}")
        edits = self.edits(article_id)
        effective = json.loads(row["effective"])
        resources = {
            r[0]: r[1]
            for r in self._conn.execute(
                "SELECT name, media_type FROM resources WHERE article_id = ? ORDER BY name", (article_id,)
            )
        }
        return StoredArticle(
            id=row["id"],
            content_hash=row["content_hash"],
            source_path=row["source_path"],
            imported_at=row["imported_at"],
            title=effective.get("title") or "",
            authors=list(effective.get("authors") or []),
            organizations=list(effective.get("organizations") or []),
            date=effective.get("date"),
            site=effective.get("site"),
            url=effective.get("url"),
            language=effective.get("language"),
            excerpt=effective.get("excerpt"),
            series=list(effective.get("series") or []),
            topics=list(effective.get("topics") or []),
            accessed=effective.get("accessed"),
            text=row["text"],
            html=row["html"],
            repairs=json.loads(row["repairs"]),
            provenance=json.loads(row["provenance"]),
            edited=set(edits),
            extracted=json.loads(row["extracted"]),
            resources=resources,
        )

    def edits(self, article_id: int) -> dict[str, Any]:
        return {
            row[0]: json.loads(row[1])
            for row in self._conn.execute(
                "SELECT field, value FROM user_edits WHERE article_id = ?", (article_id,)
            )
        }

    def summaries(self, ids: Sequence[int]) -> dict[int, tuple[dict[str, Any], str | None]]:
        """id → (effective metadata, text when asked) for the ids that exist."""
        found: dict[int, tuple[dict[str, Any], str | None]] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(f"SELECT id, effective FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = (json.loads(row[1]), None)
        return found

    def texts(self, ids: Sequence[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = row[1]
        return found

    def text(self, article_id: int) -> str:
        row = self._conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no article {article_id} in the library {self.path.parent}")
        return str(row[0])

    def sorted_ids(self, ids: Sequence[int] | None, sort: SortOrder) -> list[int]:
        """``ids`` (None: all) ordered by a metadata column; undated/untitled last."""
        column, direction = {
            SortOrder.DATE: ("sort_date", "DESC"),
            SortOrder.TITLE: ("sort_title", "ASC"),
            SortOrder.AUTHOR: ("sort_author", "ASC"),
            SortOrder.SITE: ("sort_site", "ASC"),
        }.get(sort, ("sort_date", "DESC"))
        empty = "0" if column == "sort_date" else "''"
        order = f"({column} = {empty}), {column} {direction}, id DESC"
        if ids is None:
            return [row[0] for row in self._conn.execute(f"SELECT id FROM articles ORDER BY {order}")]
        wanted = set(ids)
        return [
            row[0]
            for row in self._conn.execute(f"SELECT id FROM articles ORDER BY {order}")
            if row[0] in wanted
        ]

    def resource(self, article_id: int, name: str) -> bytes | None:
        row = self._conn.execute(
            "SELECT data FROM resources WHERE article_id = ? AND name = ?", (article_id, name)
        ).fetchone()
        return bytes(row[0]) if row else None

    def index_docs(self, ids: Sequence[int] | None = None, batch: int = 500) -> Iterator[IndexDoc]:
        """The index's view of articles (effective values), streamed in id order."""
        if ids is None:
            last = 0
            while True:
                rows = self._conn.execute(
                    "SELECT id, effective, text FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
                ).fetchall()
                if not rows:
                    return
                for row in rows:
                    yield _index_doc(row[0], json.loads(row[1]), row[2])
                last = rows[-1][0]
        for chunk in _chunks(list(ids), batch):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT id, effective, text FROM articles WHERE id IN ({marks}) ORDER BY id", chunk
            ):
                yield _index_doc(row[0], json.loads(row[1]), row[2])

    def stats(self) -> dict[str, Any]:
        row = self._conn.execute(
            "SELECT count(*), coalesce(sum(length(text)), 0), min(imported_at), max(imported_at)"
            " FROM articles"
        ).fetchone()
        edits = self._conn.execute("SELECT count(DISTINCT article_id) FROM user_edits").fetchone()[0]
        return {
            "articles": row[0],
            "text_chars": row[1],
            "first_import": row[2],
            "last_import": row[3],
            "edited_articles": edits,
        }

    def integrity_problems(self) -> list[str]:
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        problems += [
            f"foreign key problem in table {row[0]} (row {row[1]})"
            for row in self._conn.execute("PRAGMA foreign_key_check").fetchall()
        ]
        return problems

    # -- writes (always inside :meth:`transaction`) -------------------------------------------------

    def insert_article(self, conn: sqlite3.Connection, article: Article, source_path: str) -> int:
        now = utc_now()
        extracted = _extracted(article)
        effective = _effective(extracted, {}, now)
        cursor = conn.execute(
            """INSERT INTO articles (content_hash, url, source_path, imported_at, updated_at, kind, encoding,
                   extracted, provenance, effective, sort_title, sort_author, sort_site, sort_date,
                   text, html, repairs)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article.content_hash,
                article.url or None,
                source_path,
                now,
                now,
                article.kind,
                article.encoding,
                json.dumps(extracted),
                json.dumps(article.provenance),
                json.dumps(effective),
                *_sort_keys(effective),
                article.text,
                article.html,
                _repairs_json(article),
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        conn.execute(
            "INSERT OR REPLACE INTO seen_hashes (content_hash, article_id) VALUES (?, ?)",
            (article.content_hash, article_id),
        )
        self._put_resources(conn, article_id, article)
        _queue(conn, [article_id])
        return article_id

    def replace_extracted(
        self, conn: sqlite3.Connection, article_id: int, article: Article, source_path: str
    ) -> None:
        """A newer copy of a stored page (same URL): new extraction, the user's edits kept."""
        row = conn.execute("SELECT imported_at FROM articles WHERE id = ?", (article_id,)).fetchone()
        extracted = _extracted(article)
        effective = _effective(extracted, self.edits(article_id), row[0])
        conn.execute(
            """UPDATE articles SET content_hash = ?, url = ?, source_path = ?, updated_at = ?, kind = ?,
                   encoding = ?, extracted = ?, provenance = ?, effective = ?, sort_title = ?,
                   sort_author = ?, sort_site = ?, sort_date = ?, text = ?, html = ?, repairs = ?
               WHERE id = ?""",
            (
                article.content_hash,
                article.url or None,
                source_path,
                utc_now(),
                article.kind,
                article.encoding,
                json.dumps(extracted),
                json.dumps(article.provenance),
                json.dumps(effective),
                *_sort_keys(effective),
                article.text,
                article.html,
                _repairs_json(article),
                article_id,
            ),
        )
        conn.execute(
            "INSERT OR REPLACE INTO seen_hashes (content_hash, article_id) VALUES (?, ?)",
            (article.content_hash, article_id),
        )
        conn.execute("DELETE FROM resources WHERE article_id = ?", (article_id,))
        self._put_resources(conn, article_id, article)
        _queue(conn, [article_id])

    def _put_resources(self, conn: sqlite3.Connection, article_id: int, article: Article) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO resources (article_id, name, media_type, data) VALUES (?, ?, ?, ?)",
            [(article_id, r.name, r.media_type, r.data) for r in article.resources],
        )

    def set_edits(self, conn: sqlite3.Connection, article_id: int, fields: dict[str, Any]) -> None:
        now = utc_now()
        conn.executemany(
            "INSERT OR REPLACE INTO user_edits (article_id, field, value, edited_at) VALUES (?, ?, ?, ?)",
            [(article_id, name, json.dumps(value), now) for name, value in fields.items()],
        )
        self._refresh_effective(conn, article_id)

    def drop_edits(self, conn: sqlite3.Connection, article_id: int, fields: Sequence[str]) -> None:
        conn.executemany(
            "DELETE FROM user_edits WHERE article_id = ? AND field = ?", [(article_id, f) for f in fields]
        )
        self._refresh_effective(conn, article_id)

    def _refresh_effective(self, conn: sqlite3.Connection, article_id: int) -> None:
        row = conn.execute(
            "SELECT extracted, imported_at FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        effective = _effective(json.loads(row[0]), self.edits(article_id), row[1])
        conn.execute(
            """UPDATE articles SET effective = ?, sort_title = ?, sort_author = ?, sort_site = ?,
                   sort_date = ? WHERE id = ?""",
            (json.dumps(effective), *_sort_keys(effective), article_id),
        )
        _queue(conn, [article_id])

    def delete(self, conn: sqlite3.Connection, ids: Sequence[int]) -> list[str]:
        """Delete articles; returns the content hashes that no article uses any more."""
        hashes: list[str] = []
        for article_id in ids:
            row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is not None:
                conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                hashes.append(row[0])
        _queue(conn, ids)
        return hashes

    # -- the index queue -----------------------------------------------------------------------------

    def queued(self) -> list[int]:
        """Articles written since the index last caught up."""
        return [
            row[0] for row in self._conn.execute("SELECT article_id FROM index_queue ORDER BY article_id")
        ]

    def has_queued(self) -> bool:
        try:
            return self._conn.execute("SELECT 1 FROM index_queue LIMIT 1").fetchone() is not None
        except sqlite3.OperationalError:  # an older schema opened read-only: it has no queue
            return False

    def queue_snapshot(self) -> tuple[int, list[int]]:
        """The generation and the queued ids, read together (one snapshot), for the index to catch up."""
        self._conn.execute("BEGIN")
        try:
            return self.generation(), self.queued()
        finally:
            self._conn.execute("COMMIT")

    def unqueue(self, ids: Sequence[int]) -> None:
        """The index has these articles now (no generation bump: the store's content did not change)."""
        with self._transaction(bump=False) as conn:
            conn.executemany("DELETE FROM index_queue WHERE article_id = ?", [(i,) for i in ids])

    def queue_all(self) -> None:
        with self._transaction(bump=False) as conn:
            conn.execute("INSERT OR IGNORE INTO index_queue (article_id) SELECT id FROM articles")

    def clear_queue(self) -> None:
        with self._transaction(bump=False) as conn:
            conn.execute("DELETE FROM index_queue")


def _queue(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    conn.executemany("INSERT OR IGNORE INTO index_queue (article_id) VALUES (?)", [(i,) for i in ids])


def _extracted(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in METADATA_FIELDS}


def _effective(extracted: dict[str, Any], edits: dict[str, Any], imported_at: str) -> dict[str, Any]:
    effective = dict(extracted)
    effective["accessed"] = imported_at[:10]
    effective.update({name: value for name, value in edits.items() if name in EDITABLE_FIELDS})
    return effective


def _sort_keys(effective: dict[str, Any]) -> tuple[str, str, str, int]:
    authors = effective.get("authors") or effective.get("organizations") or []
    first_author = authors[0] if authors else ""
    surname = first_author.split()[-1] if first_author.split() else ""
    return (
        (effective.get("title") or "").casefold(),
        f"{surname} {first_author}".strip().casefold(),
        (effective.get("site") or "").casefold(),
        date_key(effective.get("date")),
    )


def _repairs_json(article: Article) -> str:
    return json.dumps([entry.to_json() for entry in article.repairs])


def _index_doc(article_id: int, effective: dict[str, Any], text: str) -> IndexDoc:
    return IndexDoc(
        id=article_id,
        title=effective.get("title") or "",
        body=text,
        authors=list(effective.get("authors") or []) + list(effective.get("organizations") or []),
        site=effective.get("site"),
        series=list(effective.get("series") or []),
        topics=list(effective.get("topics") or []),
        date=effective.get("date"),
        language=effective.get("language"),
    )


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
