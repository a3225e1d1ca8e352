"""The SQLite file under a library: its schema and migrations, connecting to it, and its errors.

One file, ``<library>/library.sqlite3``: WAL, foreign keys, ``PRAGMA user_version`` with ordered
migrations.  A read-only connection falls back to ``immutable=1`` when the folder cannot hold WAL's
shared-memory file; a read-only library that does not exist yet is an empty in-memory one.

Raw ``sqlite3`` errors become :mod:`reader.errors` errors here and nowhere else: :func:`translated_errors`
(a context manager) and the :func:`reads` / :func:`writes` decorators the store's methods wear.  Errors
that are Offprint's own bugs (``ProgrammingError`` and kin) are let through as they are: disguising a bug
as "the library is damaged" would send the user to their backups for nothing.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from reader.errors import CorruptLibraryError, ReadOnlyLibraryError, StorageError

logger = logging.getLogger(__name__)

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
    # 4: the trash (an article's rows stay until the trash is emptied: every table of per-article user
    # data references articles ON DELETE CASCADE, so emptying is one DELETE); the files an article keeps
    # besides its current one (a worse re-save kept aside, a merged duplicate's); the "needs attention"
    # mark; the duplicate finder's text signatures, their LSH bands, and the pairs a user called distinct
    """
    CREATE TABLE trash (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        trashed_at TEXT NOT NULL,
        merged_into INTEGER REFERENCES articles(id) ON DELETE SET NULL
    );
    CREATE TABLE kept_originals (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        source_path TEXT NOT NULL,
        url TEXT,
        kept_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (article_id, content_hash)
    );
    CREATE INDEX kept_originals_hash ON kept_originals(content_hash);
    ALTER TABLE articles ADD COLUMN attention TEXT;
    UPDATE articles SET attention = 'no text found'
        WHERE trim(text, ' ' || char(9) || char(10) || char(13)) = '';
    CREATE INDEX articles_attention ON articles(attention) WHERE attention IS NOT NULL;
    CREATE TABLE text_signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        shingles INTEGER NOT NULL,
        signature BLOB NOT NULL
    );
    CREATE TABLE text_bands (
        band INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX text_bands_band ON text_bands(band);
    CREATE INDEX text_bands_article ON text_bands(article_id);
    CREATE TABLE distinct_pairs (
        first INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        second INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (first, second)
    );
    """,
    # 5: the access date has a provenance (ingest now reads it from the saved page); the articles stored
    # before knew only their import day
    """
    UPDATE articles SET provenance = json_set(provenance, '$.accessed', 'import-date')
        WHERE json_extract(provenance, '$.accessed') IS NULL;
    """,
    # 6: the evidence weighed for each field (the date's claims, chosen and set aside); the "needs
    # attention" mark becomes the reasons, as codes of reader.ingest.ATTENTION_REASONS ("no-text",
    # "suspected-spam"…): damage the repair could not undo, from the stored repair report, besides no
    # text.  (Lost link text is found by an import from now on: reports written before never looked.)
    """
    ALTER TABLE articles ADD COLUMN evidence TEXT NOT NULL DEFAULT '{}';
    UPDATE articles SET attention = nullif(trim(
        CASE WHEN repairs LIKE '%"kind": "cjk-in-latin-text"%' THEN 'suspected-spam ' ELSE '' END
        || CASE WHEN repairs LIKE '%"kind": "replacement-character"%'
                THEN 'unreadable-characters ' ELSE '' END
        || CASE WHEN repairs LIKE '%"kind": "mojibake-left"%' THEN 'garbled-text ' ELSE '' END
        || CASE WHEN trim(text, ' ' || char(9) || char(10) || char(13)) = '' THEN 'no-text' ELSE '' END
    ), '');
    """,
    # 7: the user's reading: highlights (a W3C text-quote selector and a position; how they sit on the
    # text now), Markdown notes, nested collections and their articles, saved searches.  Per-article rows
    # reference articles ON DELETE CASCADE: they stay while the article is in the trash and go when it is
    # emptied.  AUTOINCREMENT: a deleted highlight, note or collection that undo puts back keeps its id,
    # which no newer one can have taken.  ``moved_from``: the duplicate a merge moved the row from.
    # (IF NOT EXISTS: development libraries of the notes-core branch had these tables as migration 5.)
    """
    CREATE TABLE IF NOT EXISTS annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        anchoring TEXT NOT NULL DEFAULT 'exact',
        colour TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        moved_from INTEGER REFERENCES articles(id) ON DELETE SET NULL
    );
    CREATE INDEX IF NOT EXISTS annotations_article ON annotations(article_id, start);
    CREATE TABLE IF NOT EXISTS notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        moved_from INTEGER REFERENCES articles(id) ON DELETE SET NULL
    );
    CREATE INDEX IF NOT EXISTS notes_article ON notes(article_id);
    CREATE TABLE IF NOT EXISTS collections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        parent_id INTEGER REFERENCES collections(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS collections_parent ON collections(parent_id);
    CREATE TABLE IF NOT EXISTS collection_items (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        PRIMARY KEY (collection_id, article_id)
    );
    CREATE INDEX IF NOT EXISTS collection_items_article ON collection_items(article_id);
    CREATE TABLE IF NOT EXISTS saved_searches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        filters TEXT NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)

# SQLite's primary result codes that name the file's state (the extended codes share the low byte).
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
# Errors in Offprint's own use of sqlite3: bugs to fix, never a state of the user's library.
_OUR_BUGS = (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.NotSupportedError)


# -- errors ------------------------------------------------------------------------------------------------


def corrupt_error(path: Path, exc: Exception) -> CorruptLibraryError:
    return CorruptLibraryError(
        f"the library database {path} is damaged ({exc}). Offprint has not changed it. "
        f"Close Offprint, then restore library.sqlite3 from a backup into {path.parent} "
        "(or move the damaged file aside to start a new library; your original files are kept "
        f"under {path.parent / 'originals'})"
    )


def storage_error(path: Path, action: str, exc: sqlite3.Error) -> StorageError:
    """The error-tree error for a ``sqlite3`` error met while doing ``action`` ("read", "open"…)."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or type(exc) is sqlite3.DatabaseError:
        return corrupt_error(path, exc)  # "file is not a database", "database disk image is malformed"
    if "Could not decode to UTF-8" in str(exc):  # Offprint writes only UTF-8: damaged bytes inside a row
        return corrupt_error(path, exc)
    if code == _SQLITE_READONLY or "readonly" in str(exc) or "read-only" in str(exc):
        return ReadOnlyLibraryError(f"the library database {path} cannot be written ({exc})")
    # locked or busy, disk I/O error, a full disk, a table missing from a damaged or foreign file
    return StorageError(f"could not {action} the library database {path}: {exc}")


@contextmanager
def translated_errors(path: Path, action: str) -> Iterator[None]:
    """Raise the error tree's error for any ``sqlite3`` error inside (see :func:`storage_error`)."""
    try:
        yield
    except _OUR_BUGS:
        raise
    except sqlite3.Error as exc:
        raise storage_error(path, action, exc) from exc


class _OnDatabase(Protocol):
    path: Path


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _translating(action: str) -> Callable[[_Method], _Method]:
    def decorate(method: _Method) -> _Method:
        if inspect.isgeneratorfunction(method):  # translate what goes wrong while it is iterated too

            @functools.wraps(method)
            def generator(self: _OnDatabase, *args: Any, **kwargs: Any) -> Any:
                with translated_errors(self.path, action):
                    return (yield from method(self, *args, **kwargs))

            return cast(_Method, generator)

        @functools.wraps(method)
        def plain(self: _OnDatabase, *args: Any, **kwargs: Any) -> Any:
            try:  # translated_errors spelt out: no context manager on every read (a hot path)
                return method(self, *args, **kwargs)
            except _OUR_BUGS:
                raise
            except sqlite3.Error as exc:
                raise storage_error(self.path, action, exc) from exc

        return cast(_Method, plain)

    return decorate


#: Decorates a store method that reads: a ``sqlite3`` error becomes a :class:`StorageError`.
reads = _translating("read")
#: Decorates a store method that writes: a ``sqlite3`` error becomes a :class:`StorageError`.
writes = _translating("write to")


# -- connecting --------------------------------------------------------------------------------------------


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A prepared connection (schema checked, migrated when writable); errors from the error tree."""
    with translated_errors(path, "open"):
        conn = _connect(path, read_only=read_only)
    try:
        with translated_errors(path, "open"):
            _prepare(conn, path, read_only=read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    elif not path.exists():
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    else:
        conn = _connect_read_only(path)
    conn.row_factory = sqlite3.Row
    return conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        # A WAL database in a folder we cannot write (no -shm possible): read it as immutable.
        logger.info("reading %s as immutable (%s)", path, exc)
        conn.close()
        uri = f"{path.as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def _prepare(conn: sqlite3.Connection, path: Path, *, read_only: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails fast on a damaged file
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"the library {path.parent} was written by a newer Offprint (schema {version}); "
            "update Offprint to open it"
        )
    if read_only:
        if version == 0 and not path.exists():
            for script in _MIGRATIONS:  # an in-memory empty library
                conn.executescript(script)
        elif version < SCHEMA_VERSION:
            raise StorageError(
                f"the library {path.parent} was written by an older Offprint (schema {version}) and "
                "cannot be updated while it is open read-only; open it once for writing to update it "
                "(e.g. `offprint check --repair`)"
            )
        return
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    _migrate(conn, version)


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Run the migrations after ``version``, each in its own transaction with the version it reaches."""
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
