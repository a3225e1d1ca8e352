"""Keeps the derived index in step with the store.

``<library>/index/<engine>/offprint-index.json`` (our meta file) records the engine, the schema version and
the store generation the index reflects.  Writes go store-first (the generation is
bumped in the same SQLite transaction), then to the index, then to the meta file.
On open, anything out of step — a missing or damaged folder, a crash between the
store and the index, an engine or schema change — triggers a rebuild from the
store (into a fresh folder that replaces the old one), with a notice for the user.

A rebuild is a state other processes can see: the rebuilding process holds an ``flock`` on
``index/.rebuild.lock`` (with its pid in it) while it builds and swaps the folder.  A reader that finds
a rebuild running searches the last good index (the old folder stays in place until the new one is
complete) and says so; when there is no usable index at all it waits for the rebuild, saying so, instead
of building a private copy of its own.  ``offprint check`` reports a rebuild in progress.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.errors import SearchIndexError
from reader.library import paths
from reader.library.index.base import SCHEMA_VERSION, SearchIndex
from reader.library.store import Store

logger = logging.getLogger(__name__)

META_NAME = "offprint-index.json"  # not meta.json: tantivy owns that name
#: How long a reader with no usable index waits for another process's rebuild, at most (seconds).
REBUILD_WAIT = 600.0
_POLL = 0.25


def rebuild_in_progress(library_folder: Path) -> int | None:
    """The pid of the process rebuilding this library's index now (0 when it cannot be read), or None."""
    try:
        fd = os.open(paths.rebuild_lock_path(library_folder), os.O_RDONLY)
    except OSError:
        return None  # no rebuild ever ran here, or the folder cannot be read: nothing is running
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = os.pread(fd, 32, 0).decode(errors="replace").strip()
            return int(text) if text.isdigit() else 0
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextmanager
def rebuilding(library_folder: Path) -> Iterator[None]:
    """Hold the rebuild lock (with this process's pid in it) while the body runs."""
    lock = paths.rebuild_lock_path(library_folder)
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def make_engine(engine: str, folder: Path, *, create: bool) -> SearchIndex:
    if engine == "tantivy":
        from reader.library.index.tantivy_engine import TantivyIndex

        return TantivyIndex(folder, create=create)
    from reader.library.index.whoosh_engine import WhooshIndex

    return WhooshIndex(folder, create=create)


def read_meta(folder: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads((folder / META_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def write_meta(folder: Path, engine: str, generation: int) -> None:
    meta = {"engine": engine, "schema": SCHEMA_VERSION, "generation": generation}
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".meta-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(meta, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, folder / META_NAME)


class IndexManager:
    """Owns the open engine for one library and every index write."""

    def __init__(
        self, library_folder: Path, engine: str, store: Store, *, read_only: bool, notices: list[str]
    ) -> None:
        self.library_folder = library_folder
        self.engine_name = engine
        self.store = store
        self.read_only = read_only
        self.notices = notices
        self._engine: SearchIndex | None = None
        self._temporary: tempfile.TemporaryDirectory[str] | None = None

    @property
    def folder(self) -> Path:
        return paths.index_folder(self.library_folder, self.engine_name)

    @property
    def engine(self) -> SearchIndex:
        if self._engine is None:
            raise SearchIndexError(f"the index of {self.library_folder} is not open")
        return self._engine

    def in_step(self) -> str | None:
        """None when the index folder matches the store, else why not."""
        meta = read_meta(self.folder)
        if meta is None:
            return "the index is missing or damaged"
        if meta.get("engine") != self.engine_name or meta.get("schema") != SCHEMA_VERSION:
            return "the index was built by another engine or version"
        indexed = meta.get("generation")
        if not isinstance(indexed, int) or indexed > self.store.generation():
            # The store went back in time: library.sqlite3 was restored from a backup.  The index holds
            # articles the store does not, so catching up is not enough: rebuild it.
            return "the index is newer than the store (was the database restored from a backup?)"
        if indexed != self.store.generation() or self.store.has_queued():
            return "the index is behind the store (an import or edit was interrupted)"
        return None

    def open(self) -> None:
        problem = self.in_step()
        if self.read_only and problem is not None and self._usable_after_rebuild():
            problem = self.in_step()
        if self.read_only and (pid := rebuild_in_progress(self.library_folder)) is not None:
            holder = f" (process {pid})" if pid else ""
            self.notices.append(
                f"the index is being rebuilt by another Offprint{holder}; searching the last good index "
                "until it finishes"
            )
        if problem is None or problem.startswith("the index is behind"):
            try:
                self._engine = make_engine(self.engine_name, self.folder, create=False)
            except SearchIndexError as exc:
                problem = str(exc)
            else:
                if problem is None:
                    return
                if self.read_only:  # a writer is probably catching up right now; search what is there
                    self.notices.append(
                        "the index is catching up with the store; some results may be missing"
                    )
                    return
                self.sync()
                self.notices.append(f"index brought up to date ({problem})")
                return
        logger.info("rebuilding the %s index of %s: %s", self.engine_name, self.library_folder, problem)
        if self.read_only:
            self._open_temporary(problem)
            return
        brand_new = not self.folder.exists() and self.store.count() == 0
        try:
            self.rebuild()
        except OSError as exc:
            raise SearchIndexError(f"cannot rebuild the index in {self.folder}: {exc}") from exc
        if not brand_new:  # a new, empty library has nothing to tell the user about
            self.notices.append(f"index rebuilt from the store ({problem})")

    def _usable_after_rebuild(self) -> bool:
        """When another process is rebuilding the index and this reader has none to search, wait for it.

        Returns True when a rebuild was waited for (the caller looks at the index again)."""
        pid = rebuild_in_progress(self.library_folder)
        if pid is None:
            return False
        holder = f" (process {pid})" if pid else ""
        logger.warning(
            "the index of %s is being rebuilt by another Offprint%s; waiting for it to finish",
            self.library_folder,
            holder,
        )
        started = time.monotonic()
        while rebuild_in_progress(self.library_folder) is not None:
            if time.monotonic() - started > REBUILD_WAIT:
                return False
            time.sleep(_POLL)
        self.notices.append(
            f"waited {time.monotonic() - started:.0f} s for the index rebuild another Offprint{holder} "
            "was running"
        )
        return True

    def _open_temporary(self, problem: str) -> None:
        """A read-only library with a stale or missing index: search a private copy built from the store."""
        self._temporary = tempfile.TemporaryDirectory(prefix="offprint-index-")
        engine = make_engine(self.engine_name, Path(self._temporary.name) / "index", create=True)
        if self.store.count():
            engine.add_many(self.store.index_docs())
            self.notices.append(f"opened read-only with a temporary index built from the store ({problem})")
        self._engine = engine

    @property
    def temporary(self) -> bool:
        """True when searching a private index copy (read-only library whose own index was unusable)."""
        return self._temporary is not None

    def rebuild(self) -> None:
        """Build a fresh index from the store and swap it in (other processes see it running)."""
        with rebuilding(self.library_folder):
            self._rebuild()

    def _rebuild(self) -> None:
        generation, queued = self.store.queue_snapshot()
        target = self.folder
        building = target.with_name(target.name + ".building")
        if building.exists():
            shutil.rmtree(building)
        engine = make_engine(self.engine_name, building, create=True)
        try:
            engine.add_many(self.store.index_docs())
        finally:
            engine.close()
        write_meta(building, self.engine_name, generation)
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        old = target.with_name(target.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        building.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        self._engine = make_engine(self.engine_name, target, create=False)
        self.store.unqueue(queued)

    def switch(self, engine: str) -> Path | None:
        """Build ``engine``'s index and use it; returns the previous engine's folder, still in place (the
        caller records the switch, then :meth:`discard` s it), or None when the engine is the same."""
        previous = self.folder
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        self.engine_name = engine
        self.rebuild()
        return previous if previous != self.folder else None

    def discard(self, folder: Path) -> None:
        """Delete an index folder no longer used (the previous engine's)."""
        shutil.rmtree(folder, ignore_errors=True)

    def sync(self) -> int:
        """Bring the index up to the store: write every queued article (or drop it, if removed)."""
        generation, queued = self.store.queue_snapshot()
        try:
            if queued:
                upserts = list(self.store.index_docs(queued))
                present = {doc.id for doc in upserts}
                self.engine.write(upserts, [i for i in queued if i not in present])
            if queued or (read_meta(self.folder) or {}).get("generation") != generation:
                write_meta(self.folder, self.engine_name, generation)
        except OSError as exc:  # e.g. a full disk: the store keeps the queue, so nothing is lost
            raise SearchIndexError(
                f"could not update the search index in {self.folder} ({exc.strerror or exc}); "
                "every article is stored, and the index catches up the next time the library is opened "
                "(or run `offprint reindex`)"
            ) from exc
        if queued:
            self.store.unqueue(queued)
        return len(queued)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None
