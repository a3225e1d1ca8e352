"""Every store read and write reports a database problem as an Offprint error naming the file, never as a
raw ``sqlite3`` exception (which the app and the commands would show as a traceback)."""

from __future__ import annotations

import inspect
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import CorruptLibraryError, ReadOnlyLibraryError, StorageError
from reader.ingest import Article
from reader.library.store import Store

ARTICLES = 300


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A store of a few hundred articles, its WAL folded into the file."""
    path = tmp_path / "library.sqlite3"
    store = Store(path)
    with store.transaction() as conn:
        for number in range(ARTICLES):
            article = Article(
                path=f"{number}.html",
                title=f"Title {number}",
                text="word " * 400,
                content_hash=f"{number:064x}",
            )
            store.insert_article(conn, article, article.path)
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def reader_beside_an_exclusive_writer(database: Path) -> Iterator[Store]:
    """A read-only store while another connection holds the file exclusively (rollback journal)."""
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA journal_mode = DELETE")  # in WAL mode readers are never blocked
    conn.close()
    store = Store(database, read_only=True)
    store._conn.execute("PRAGMA busy_timeout = 0")  # fail at once rather than after 30 s
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield store
    holder.execute("ROLLBACK")
    holder.close()
    store.close()


def test_a_read_of_a_locked_database_is_a_storage_error(reader_beside_an_exclusive_writer: Store) -> None:
    store = reader_beside_an_exclusive_writer
    for read in (store.count, lambda: store.get(1), lambda: list(store.index_docs())):
        with pytest.raises(
            StorageError, match=r"could not read the library database .* database is locked"
        ) as e:
            read()
        assert isinstance(e.value.__cause__, sqlite3.OperationalError)
        assert str(store.path) in str(e.value)


def test_a_read_of_a_database_damaged_inside_is_a_corrupt_library_error(database: Path) -> None:
    size = database.stat().st_size
    with open(database, "r+b") as handle:  # table pages in the middle; the header still opens
        handle.seek(size // 2)
        handle.write(os.urandom(4 * 4096))
    store = Store(database)
    try:
        with pytest.raises(
            CorruptLibraryError, match=r"is damaged .* restore library\.sqlite3 from a backup"
        ):
            list(store.index_docs())  # a generator: translated while it is iterated, too
        with pytest.raises(CorruptLibraryError):
            store.texts(store.all_ids())
    finally:
        store.close()


def test_a_table_missing_from_the_file_is_a_storage_error(database: Path) -> None:
    store = Store(database)
    try:
        foreign = sqlite3.connect(database)
        foreign.execute("DROP TABLE resources")
        foreign.execute("DROP TABLE settings")
        foreign.commit()
        foreign.close()
        with pytest.raises(StorageError, match="no such table: resources"):
            store.get(1)
        with pytest.raises(StorageError, match=r"could not write to the library database .* no such table"):
            store.set_setting("engine", "tantivy")  # a write through its own transaction
    finally:
        store.close()


def test_a_write_to_a_read_only_file_is_a_read_only_error(database: Path) -> None:
    store = Store(database, read_only=True)
    try:
        with pytest.raises(ReadOnlyLibraryError):
            store.set_setting("engine", "tantivy")
        with pytest.raises(ReadOnlyLibraryError), store.transaction():
            pass
    finally:
        store.close()


def test_a_bug_in_our_own_use_of_sqlite_is_not_disguised_as_damage(database: Path) -> None:
    store = Store(database)
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):  # using a closed store is Offprint's bug, not the file's
        store.count()


def test_every_public_store_method_translates_sqlite_errors() -> None:
    unwrapped = [
        name
        for name, member in inspect.getmembers(Store, inspect.isfunction)
        if not name.startswith("_") and name != "close" and not hasattr(member, "__wrapped__")
    ]
    assert unwrapped == [], f"Store methods without @reads/@writes: {unwrapped}"
