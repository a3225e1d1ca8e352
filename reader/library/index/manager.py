"""Keeps the derived index in step with the store.

``<library>/index/<engine>/offprint-index.json`` (our meta file) records the engine, the schema version and
the store generation the index reflects.  Writes go store-first (the generation is
bumped in the same SQLite transaction), then to the index, then to the meta file.
On open, anything out of step — a missing or damaged folder, a crash between the
store and the index, an engine or schema change — triggers a rebuild from the
store (into a fresh folder that replaces the old one), with a notice for the user.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from reader.errors import SearchIndexError
from reader.library import paths
from reader.library.index.base import SCHEMA_VERSION, SearchIndex
from reader.library.store import Store

logger = logging.getLogger(__name__)

META_NAME = "offprint-index.json"  # not meta.json: tantivy owns that name


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
        """Build a fresh index from the store and swap it in."""
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

    def switch(self, engine: str) -> None:
        previous = self.folder
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        self.engine_name = engine
        self.rebuild()
        if previous != self.folder:
            shutil.rmtree(previous, ignore_errors=True)

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
