"""Resources: a full disk, a library that cannot be written, and two processes on one library.

There is no tiny filesystem in CI, so a full disk is an injected ``OSError(ENOSPC)`` (at
the original's fsync) or SQLite's "database or disk is full" (at the store's COMMIT).  A
read-only filesystem is an injected ``EROFS``/``EACCES`` on the first write Offprint
makes when opening (its writer lock); ``chmod`` only stops writes when not running as root.
"""

from __future__ import annotations

import errno
import functools
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import HERE, write_batch, write_page

from reader import cli
from reader.errors import ReadOnlyLibraryError, StorageError
from reader.library import lock as lock_module
from reader.library.facade import Library
from reader.library.originals import Originals
from reader.library.paths import database_path, originals_folder
from reader.library.types import ImportStatus

pytestmark = pytest.mark.timeout(120)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def assert_nothing_half_written(folder: Path) -> None:
    originals = Originals(originals_folder(folder))
    assert originals.leftovers() == [], "temporary files left in originals/"
    with Library.open(folder) as library:
        on_disk = set(originals.stored_hashes())
        assert set(library.store.hashes()) == on_disk, "articles without their original, or the reverse"
        report = library.check()
        assert report.ok, report.problems


# -- a full disk -------------------------------------------------------------------------------------


@pytest.fixture
def disk_full_at_originals(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Writing into any originals/ folder under tmp_path fails as a full disk would."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if "/originals/" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell which file an fsync is for")
    monkeypatch.setattr(os, "fsync", fsync)


def test_a_full_disk_at_the_originals_fails_each_file_clearly_and_leaves_nothing(
    tmp_path: Path, disk_full_at_originals: None
) -> None:
    pages = tmp_path / "pages"
    write_batch(pages)
    with Library.open(tmp_path / "lib") as library:
        results = list(library.import_paths([pages], workers=1))
        assert library.count() == 0
    assert {r.status for r in results} == {ImportStatus.FAILED}
    for result in results:
        assert Path(result.path).name in result.error and "No space left on device" in result.error
    assert_nothing_half_written(tmp_path / "lib")


class _FullDiskConnection(sqlite3.Connection):
    """A connection whose COMMIT fails the way SQLite reports a full disk (once armed)."""

    armed = False
    changes_at_begin = 0

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        statement = sql.strip().upper()
        if statement.startswith("BEGIN"):
            self.changes_at_begin = self.total_changes
        elif statement == "COMMIT" and type(self).armed and self.total_changes > self.changes_at_begin:
            raise sqlite3.OperationalError("database or disk is full")  # only a commit that writes needs room
        return super().execute(sql, *args)


@pytest.fixture
def disk_full_at_commit(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_FullDiskConnection]]:
    monkeypatch.setattr(sqlite3, "connect", functools.partial(sqlite3.connect, factory=_FullDiskConnection))
    _FullDiskConnection.armed = False
    yield _FullDiskConnection
    _FullDiskConnection.armed = False


def test_a_full_disk_at_the_store_commit_stops_with_a_clear_error_and_leaves_nothing(
    tmp_path: Path, disk_full_at_commit: type[_FullDiskConnection], capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    write_batch(pages)
    folder = tmp_path / "lib"
    Library.open(folder).close()
    disk_full_at_commit.armed = True
    with Library.open(folder) as library:
        with pytest.raises(StorageError) as caught:
            list(library.import_paths([pages], workers=1))
        assert "disk is full" in str(caught.value) and str(database_path(folder)) in str(caught.value)
        assert library.count() == 0
    capsys.readouterr()
    assert cli.main(["--library", str(folder), "import", str(pages), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("offprint: ") and "disk is full" in err, err
    disk_full_at_commit.armed = False
    assert_nothing_half_written(folder)
    with Library.open(folder) as library:  # once there is room again, the same import completes
        results = list(library.import_paths([pages], workers=1))
        assert {r.status for r in results} == {ImportStatus.IMPORTED}


def test_a_full_disk_at_the_index_write_keeps_the_articles_and_says_the_index_catches_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.library.index.whoosh_engine import WhooshIndex

    pages = tmp_path / "pages"
    write_batch(pages)
    folder = tmp_path / "lib"
    Library.open(folder).close()
    with monkeypatch.context() as patch:

        def write(self: WhooshIndex, *args: Any, **kwargs: Any) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        patch.setattr(WhooshIndex, "write", write)
        capsys.readouterr()
        assert cli.main(["--library", str(folder), "import", str(pages), "--workers", "1"]) == 2
        err = capsys.readouterr().err
        assert "search index" in err and "No space left on device" in err and "catches up" in err, err
        assert "Traceback" not in err
    with Library.open(folder) as library:
        assert any("index" in n for n in library.notices), library.notices
        assert library.search("walrus").total == library.count() - 1 == len(list(pages.iterdir())) - 1
    assert_nothing_half_written(folder)


def test_a_new_library_opens_without_notices(tmp_path: Path) -> None:
    with Library.open(tmp_path / "brand-new") as library:
        assert library.notices == [] and library.count() == 0


# -- a library that cannot be written ----------------------------------------------------------------


def _refuse_first_write(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Opening a library first writes its lock file: fail that write as a read-only mount would."""

    def acquire(self: lock_module.WriterLock) -> None:
        raise OSError(code, os.strerror(code), str(self.path))

    monkeypatch.setattr(lock_module.WriterLock, "acquire", acquire)


@pytest.fixture(scope="module")
def filled_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("filled")
    pages = root / "pages"
    write_batch(pages)
    with Library.open(root / "lib") as library:
        list(library.import_paths([pages], workers=1))
    return root / "lib"


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_a_library_on_a_read_only_filesystem_opens_read_only_with_a_notice(
    filled_library: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    _refuse_first_write(monkeypatch, code)
    with Library.open(filled_library) as library:
        assert library.read_only
        assert any("read-only" in n and os.strerror(code) in n for n in library.notices), library.notices
        assert library.search("walrus").total == library.count() - 1
        with pytest.raises(ReadOnlyLibraryError, match="read-only"):
            library.update(library.search_ids()[0], title="Nope")
        with pytest.raises(ReadOnlyLibraryError, match="read-only"):
            list(library.import_paths([filled_library], workers=1))


@pytest.mark.parametrize(
    "command",
    [
        ["import", "{pages}"],
        ["edit", "{id}", "--title", "New title"],
        ["remove", "{id}"],
        ["check", "--repair"],
    ],
)
def test_write_commands_on_a_read_only_library_refuse_with_exit_2(
    filled_library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    page = write_page(tmp_path / "new", "new.html", "A new page", "Never stored.")
    with Library.open(filled_library, read_only=True) as library:
        article_id, before = library.search_ids()[0], library.count()
        title = library.get(article_id).title
    _refuse_first_write(monkeypatch, errno.EROFS)
    argv = [part.format(pages=page.parent, id=article_id) for part in command]
    capsys.readouterr()
    assert cli.main(["--library", str(filled_library), *argv]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and str(filled_library) in err, err
    assert "Traceback" not in err
    monkeypatch.undo()
    with Library.open(filled_library, read_only=True) as library:
        assert library.count() == before and library.get(article_id).title == title


def test_explicitly_read_only_library_refuses_every_write(filled_library: Path) -> None:
    with Library.open(filled_library, read_only=True) as library:
        some_id = library.search_ids()[0]
        for attempt in (
            lambda: library.update(some_id, title="x"),
            lambda: library.revert(some_id, ["title"]),
            lambda: library.remove([some_id]),
            lambda: library.reindex(),
            lambda: library.check(repair=True),
            lambda: list(library.import_paths([filled_library])),
        ):
            with pytest.raises(ReadOnlyLibraryError, match="read-only"):
                attempt()


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod does not stop root from writing")
def test_a_chmod_read_only_library_folder_opens_read_only(tmp_path: Path, filled_library: Path) -> None:
    import shutil

    folder = tmp_path / "lib"
    shutil.copytree(filled_library, folder)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        with Library.open(folder) as library:
            assert library.read_only and any("read-only" in n for n in library.notices)
            assert library.count() > 0
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


# -- two processes on one library --------------------------------------------------------------------

_HOLDER = """
import sys
sys.path.insert(0, {here!r})
from reader.library.facade import Library
if __name__ == "__main__":
    library = Library.open({folder!r})
    print("holding", flush=True)
    sys.stdin.readline()
    library.update(library.search_ids()[0], title="Edited while another process tried to import")
    library.close()
    print("closed", flush=True)
"""


def test_a_second_writer_is_refused_clearly_and_readers_still_work(
    filled_library: Path, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "lib"
    shutil.copytree(filled_library, folder)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER.format(here=str(HERE), folder=str(folder))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "holding"
        extra = write_page(tmp_path / "more", "more.html", "One more page", "Walrus again.")
        offprint = [sys.executable, "-m", "reader", "--library", str(folder)]
        refused = subprocess.run([*offprint, "import", str(extra.parent)], capture_output=True, text=True)
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert "open for writing by another Offprint process" in refused.stderr
        assert str(holder.pid) in refused.stderr and "Traceback" not in refused.stderr
        searched = subprocess.run([*offprint, "search", "walrus"], capture_output=True, text=True)
        assert searched.returncode == 0, searched.stderr  # a reader opens read-only beside the writer
        assert (
            f"note: opened read-only: another Offprint (process {holder.pid}) is writing" in searched.stderr
        )
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "closed"
    finally:
        holder.kill()
        holder.wait()
    with Library.open(folder) as library:
        assert library.check().ok
        assert library.get(library.search_ids()[0]).title.startswith("Edited while")
        results = list(library.import_paths([extra.parent], workers=1))  # the lock died with its holder
        assert results[0].status is ImportStatus.IMPORTED
