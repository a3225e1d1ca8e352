"""Damaged state: the index is rebuilt from the store with a notice; a damaged store is never touched.

The store (library.sqlite3) is the truth and the index is derived, so any damage to the
index must heal on open, and `offprint check --repair` must fix drift between the two.  A
damaged store is different: Offprint must refuse it with a message saying how to restore
from a backup, and leave its bytes exactly as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_helpers import write_batch, write_page

from reader import cli
from reader.errors import CorruptLibraryError
from reader.library.facade import Library
from reader.library.index.base import IndexDoc
from reader.library.paths import database_path, index_folder

pytestmark = pytest.mark.timeout(120)

ENGINES = [
    "whoosh",
    pytest.param(
        "tantivy",
        marks=pytest.mark.skipif(
            __import__("importlib").util.find_spec("tantivy") is None, reason="tantivy is not installed"
        ),
    ),
]


def build_library(folder: Path, pages: Path, engine: str = "whoosh") -> int:
    write_batch(pages)
    with Library.open(folder) as library:
        if library.engine != engine:
            library.reindex(engine)
        results = list(library.import_paths([pages], workers=1))
        assert all(r.error is None for r in results), [r.error for r in results]
        return library.count()


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    root = tmp_path_factory.mktemp("damaged-templates")
    built = {}
    for engine in ("whoosh", "tantivy"):
        try:
            built[engine] = (root / engine, build_library(root / engine, root / "pages", engine))
        except ImportError:
            continue
    return built


@pytest.fixture
def library_copy(templates: dict[str, tuple[Path, int]], tmp_path: Path) -> Callable[[str], tuple[Path, int]]:
    def copy(engine: str) -> tuple[Path, int]:
        source, count = templates[engine]
        target = tmp_path / f"library-{engine}"
        shutil.copytree(source, target)
        return target, count

    return copy


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _truncate_all(folder: Path) -> None:
    for path in _files(folder):
        path.write_bytes(b"")


def _garbage_all(folder: Path) -> None:
    for path in _files(folder):
        path.write_bytes(os.urandom(max(64, path.stat().st_size)))


def _garbage_segments(folder: Path) -> None:
    """Damage the engine's own files but leave our meta file saying all is in step."""
    for path in _files(folder):
        if path.name != "offprint-index.json":
            path.write_bytes(b"\x00garbage\xff" * 50)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "deleted": lambda folder: shutil.rmtree(folder),
    "emptied": lambda folder: [p.unlink() for p in _files(folder)],
    "truncated": _truncate_all,
    "garbage": _garbage_all,
    "garbage-segments-only": _garbage_segments,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("engine", ENGINES)
def test_a_damaged_index_is_rebuilt_from_the_store_with_a_notice(
    library_copy: Callable[[str], tuple[Path, int]], engine: str, damage: str
) -> None:
    folder, count = library_copy(engine)
    DAMAGE[damage](index_folder(folder, engine))
    with Library.open(folder) as library:
        assert any("index" in n and "rebuilt" in n for n in library.notices), library.notices
        assert library.search("walrus").total == count - 1
        assert library.search().total == count
        assert library.check().ok
    with Library.open(folder) as library:  # healed for good: no notice the second time
        assert library.notices == []


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _overwrite(path: Path, offset: int, size: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(os.urandom(size))


def _checkpointed(folder: Path) -> Path:
    """The database with its WAL folded in, so the damage we do is to the file that holds everything."""
    import sqlite3

    database = database_path(folder)
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return database


def test_a_store_with_a_garbage_header_is_refused_and_left_untouched(
    library_copy: Callable[[str], tuple[Path, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = library_copy("whoosh")
    database = _checkpointed(folder)
    _overwrite(database, 0, 4096)
    before = _sha(database)
    for read_only in (False, True):
        with pytest.raises(CorruptLibraryError) as caught:
            Library.open(folder, read_only=read_only)
        message = str(caught.value)
        assert str(database) in message and "backup" in message and "restore" in message, message
        assert _sha(database) == before
    for command in (["search", "walrus"], ["check"], ["import", str(folder / "nothing.html")]):
        capsys.readouterr()
        assert cli.main(["--library", str(folder), *command]) == 2
        err = capsys.readouterr().err
        assert "damaged" in err and "backup" in err, err
        assert _sha(database) == before


def test_a_store_damaged_inside_is_reported_by_check_and_left_untouched(
    library_copy: Callable[[str], tuple[Path, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = library_copy("whoosh")
    database = _checkpointed(folder)
    size = database.stat().st_size
    assert size >= 3 * 4096
    _overwrite(database, size - 2 * 4096, 4096)  # a table page, not the header
    before = _sha(database)
    for argv in (["check"], ["check", "--repair"]):
        capsys.readouterr()
        code = cli.main(["--library", str(folder), *argv])
        out, err = capsys.readouterr()
        assert code in (1, 2), out + err
        assert "backup" in out + err and "damaged" in out + err, out + err
        assert _sha(database) == before


def test_check_repair_fixes_an_article_missing_from_the_index(
    library_copy: Callable[[str], tuple[Path, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, count = library_copy("whoosh")
    with Library.open(folder) as library:
        victim = library.search_ids("walrus")[0]
        library.index.engine.write([], [victim])  # the index loses it; the store still has it
        assert library.search("walrus").total == count - 2
    assert cli.main(["--library", str(folder), "check"]) == 1
    assert "not in the index" in capsys.readouterr().out
    assert cli.main(["--library", str(folder), "check", "--repair"]) == 0
    assert "repaired" in capsys.readouterr().out
    with Library.open(folder) as library:
        assert library.search("walrus").total == count - 1 and library.check().ok


def test_check_repair_drops_an_index_document_with_no_article(
    library_copy: Callable[[str], tuple[Path, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = library_copy("whoosh")
    with Library.open(folder) as library:
        library.index.engine.write([IndexDoc(id=9999, title="Ghost", body="a walrus that was never stored")])
    assert cli.main(["--library", str(folder), "check"]) == 1
    assert "still in the index" in capsys.readouterr().out
    assert cli.main(["--library", str(folder), "check", "--repair"]) == 0
    with Library.open(folder) as library:
        assert 9999 not in library.search_ids("walrus") and library.check().ok


def test_check_reports_a_missing_original_and_repair_restores_it_from_the_source(
    library_copy: Callable[[str], tuple[Path, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = library_copy("whoosh")
    with Library.open(folder) as library:
        first, second = library.search_ids("walrus")[:2]
        kept = library.original_bytes(first)
        for article_id in (first, second):
            library.originals.path_for(library.store.content_hash(article_id)).unlink()
        source_gone = Path(library.get(second).source_path)
    moved = source_gone.with_suffix(".moved")
    source_gone.rename(moved)  # the user moved one source file away: that original cannot come back
    try:
        assert cli.main(["--library", str(folder), "check"]) == 1
        out = capsys.readouterr().out
        assert out.count("is missing") == 2, out
        assert cli.main(["--library", str(folder), "check", "--repair"]) == 1
        out = capsys.readouterr().out
        assert f"article {first} is missing — copied it back" in out
        assert f"problem: originals: the original file of article {second} is missing" in out
    finally:
        moved.rename(source_gone)
    with Library.open(folder) as library:
        assert library.original_bytes(first) == kept


def test_restoring_only_the_database_from_a_backup_rebuilds_the_index(
    library_copy: Callable[[str], tuple[Path, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's backup recipe: `sqlite3 library.sqlite3 ".backup …"` while Offprint runs."""
    import sqlite3

    folder, count = library_copy("whoosh")
    backup = tmp_path / "backup.sqlite3"
    with Library.open(folder) as library:
        source = sqlite3.connect(database_path(folder))
        target = sqlite3.connect(backup)
        source.backup(target)
        source.close()
        target.close()
        more = write_page(tmp_path / "later", "later.html", "Imported after the backup", "A later walrus.")
        list(library.import_paths([more], workers=1))
        library.update(library.search_ids("walrus")[0], title="Edited after the backup")
    for leftover in (folder / "library.sqlite3-wal", folder / "library.sqlite3-shm"):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(backup, database_path(folder))
    with Library.open(folder) as library:
        assert any("rebuilt" in n for n in library.notices), library.notices
        assert library.count() == count
        assert library.search("walrus").total == count - 1
        assert all(hit.title != "Edited after the backup" for hit in library.search("walrus").hits)
    assert cli.main(["--library", str(folder), "check"]) == 1  # the later original belongs to nothing
    assert "belong to no article" in capsys.readouterr().out
    assert cli.main(["--library", str(folder), "check", "--repair"]) == 0
