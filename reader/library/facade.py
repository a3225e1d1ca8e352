"""The :class:`Library` facade: the one object the CLI, the citation layer and the app use.

It opens (or creates) a library folder, keeps the store (truth) and the derived
index in step, and exposes import, search, facets, edits and maintenance.  The
work itself lives in :mod:`.store`, :mod:`.index`, :mod:`.importer` and
:mod:`.check`; this module only wires them together.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, get_args

from reader.errors import LibraryLockedError, ReadOnlyLibraryError, StorageError
from reader.ingest import ATTENTION_REASONS
from reader.library import added, paths
from reader.library.actions import PURGE_MARKER, ArticleActions
from reader.library.annotation_store import AnnotationStore
from reader.library.annotations import AnnotationActions
from reader.library.check import CheckReport, check_library
from reader.library.collections import CollectionActions, CollectionStore
from reader.library.duplicates import DuplicateFinder
from reader.library.index.analysis import Highlighter
from reader.library.index.base import ENGINES, WHOOSH_COMFORT_LIMIT
from reader.library.index.manager import IndexManager
from reader.library.lock import WriterLock
from reader.library.ordering import INDEX_SORTS, ordered_ids
from reader.library.originals import Originals
from reader.library.query import Node, clause_text, has_typed, parse_query, positive_terms, widened
from reader.library.scopes import Lookups, scoped, within
from reader.library.store import Store
from reader.library.trash import Trash
from reader.library.types import (
    FACETS,
    Filters,
    ImportProgress,
    ImportResult,
    ImportStatus,
    Match,
    SearchHit,
    SearchResult,
    SortOrder,
    StoredArticle,
)

logger = logging.getLogger(__name__)

__all__ = ["CheckReport", "IfLocked", "Library"]

#: What :meth:`Library.open` does when another process holds the library for writing.
IfLocked = Literal["raise", "read-only"]


class Library(ArticleActions, AnnotationActions, CollectionActions):
    """One open library folder.  Use it from one thread at a time (or guard it with a lock).

    The user's actions on articles (edits, the trash, duplicates) are :class:`ArticleActions`'; highlights
    and notes :class:`AnnotationActions`'; collections and saved searches :class:`CollectionActions`'.
    """

    folder: Path
    read_only: bool
    engine: str
    notices: list[str]
    store: Store
    originals: Originals
    index: IndexManager
    trash: Trash
    duplicates: DuplicateFinder
    marks: AnnotationStore
    groups: CollectionStore
    _lock: WriterLock | None

    # -- opening and closing -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, folder: str | Path | None = None, *, read_only: bool = False, if_locked: IfLocked = "raise"
    ) -> Library:
        """Open the library at ``folder`` (None: ``$OFFPRINT_LIBRARY``, then the user data folder).

        A missing library is created.  A folder we cannot write is opened read-only with a
        notice.  When another process holds the library for writing, ``if_locked="raise"``
        raises :class:`~reader.errors.LibraryLockedError` and ``if_locked="read-only"`` opens
        it read-only with a notice saying so (what a reader, the app or a command that only
        reads wants).
        """
        if if_locked not in get_args(IfLocked):
            raise ValueError(f"if_locked must be one of {get_args(IfLocked)}, not {if_locked!r}")
        try:
            return cls._open(folder, read_only=read_only)
        except LibraryLockedError as exc:
            if if_locked == "raise":
                raise
            logger.info("%s", exc)
            library = cls._open(folder, read_only=True)
            holder = f" (process {exc.pid})" if exc.pid is not None else ""
            library.notices.append(f"opened read-only: another Offprint{holder} is writing to this library")
            return library

    @classmethod
    def _open(cls, folder: str | Path | None, *, read_only: bool) -> Library:
        path = paths.resolve_library_folder(folder)
        notices: list[str] = []
        if not read_only:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                if not path.is_dir():
                    raise StorageError(f"cannot create the library folder {path}: {exc.strerror}") from exc
            if not _writable(path):
                read_only = True
                notices.append(f"opened read-only: the library folder {path} cannot be written")
        lock = WriterLock(path) if not read_only else None
        if lock is not None:
            try:
                lock.acquire()
            except OSError as exc:  # LibraryLockedError is not an OSError; this is e.g. a read-only mount
                lock, read_only = None, True
                notices.append(
                    f"opened read-only: cannot write in the library folder {path} ({exc.strerror})"
                )
        try:
            return cls._assemble(path, read_only=read_only, lock=lock, notices=notices)
        except ReadOnlyLibraryError as exc:
            if read_only:
                raise
            notices.append(f"opened read-only: {exc}")
            return cls._assemble(path, read_only=True, lock=None, notices=notices)

    @classmethod
    def _assemble(
        cls, path: Path, *, read_only: bool, lock: WriterLock | None, notices: list[str]
    ) -> Library:
        library = cls.__new__(cls)
        library.folder = path
        library.notices = notices
        library.read_only = read_only
        library._lock = lock
        try:
            library._open_parts()
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return library

    def _open_parts(self) -> None:
        self.store = Store(paths.database_path(self.folder), read_only=self.read_only)
        self.trash = Trash(self.store)
        self.duplicates = DuplicateFinder(self.store)
        self.marks = AnnotationStore(self.store)
        self.groups = CollectionStore(self.store)
        self.originals = Originals(paths.originals_folder(self.folder))
        engine = self.store.setting("engine") or "whoosh"
        self.engine = engine if engine in ENGINES else "whoosh"
        self.index = IndexManager(
            self.folder, self.engine, self.store, read_only=self.read_only, notices=self.notices
        )
        try:
            self.index.open()
        except BaseException:
            self.store.close()
            raise
        if not self.read_only:
            self._finish_interrupted_import()
            self._finish_interrupted_purge()

    def _finish_interrupted_purge(self) -> None:
        """Delete the files a crash while emptying the trash left behind (their articles are gone)."""
        marker = self.folder / PURGE_MARKER
        if not marker.exists():
            return
        try:
            orphans = self._delete_orphan_originals()
            marker.unlink(missing_ok=True)
        except (OSError, StorageError) as exc:
            logger.warning("could not finish emptying the trash in %s: %s", self.folder, exc)
            return
        if orphans:
            self.notices.append(
                f"emptying the trash was interrupted: deleted the {len(orphans)} original file(s) left behind"
            )

    def _delete_orphan_originals(self) -> set[str]:
        """Delete the kept originals no article in the store refers to; their hashes."""
        orphans = set(self.originals.stored_hashes()) - set(self.store.hashes())
        for content_hash in orphans:
            self.originals.delete(content_hash)
        return orphans

    def _finish_interrupted_import(self) -> None:
        """Delete what a crashed import left half-done: temporary originals and originals with no article.

        The store is the truth: an original written just before the process died, whose
        transaction never committed, belongs to nothing.  Only done when the marker says an
        import was running, so a normal open never scans the originals folder.
        """
        marker = _import_marker(self.folder)
        if not marker.exists():
            return
        try:
            leftovers = self.originals.leftovers()
            for path in leftovers:
                path.unlink(missing_ok=True)
            orphans = self._delete_orphan_originals()
            marker.unlink(missing_ok=True)
        except (OSError, StorageError) as exc:
            # best effort: the marker stays, the next open tries again, `offprint check` reports it
            logger.warning("could not finish the interrupted import in %s: %s", self.folder, exc)
            return
        if leftovers or orphans:
            self.notices.append(
                f"an earlier import was interrupted: removed {len(leftovers) + len(orphans)} unfinished "
                "original file(s); importing the same files again completes it"
            )

    def close(self) -> None:
        index = getattr(self, "index", None)
        if index is not None:
            index.close()
        store = getattr(self, "store", None)
        if store is not None:
            store.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _require_writable(self, action: str) -> None:
        if self.read_only:
            raise ReadOnlyLibraryError(f"cannot {action}: the library {self.folder} is open read-only")

    # -- reading -------------------------------------------------------------------------------------

    def count(self) -> int:
        return self.store.count()

    def get(self, article_id: int) -> StoredArticle:
        return self.store.get(int(article_id))

    def original_bytes(self, article_id: int) -> bytes:
        content_hash = self.store.content_hash(int(article_id))
        try:
            return self.originals.get(content_hash)
        except OSError as exc:
            raise StorageError(
                f"the original file of article {article_id} is missing from {self.originals.folder} "
                f"({exc.strerror}); run `offprint check`"
            ) from exc

    def resource(self, article_id: int, name: str) -> bytes | None:
        return self.store.resource(int(article_id), name)

    def styles_folder(self) -> Path:
        folder = paths.styles_folder(self.folder)
        if not self.read_only:
            folder.mkdir(parents=True, exist_ok=True)
        return folder

    # -- searching -----------------------------------------------------------------------------------

    def search(
        self,
        query: str = "",
        filters: Filters | None = None,
        *,
        sort: SortOrder = SortOrder.RELEVANCE,
        limit: int = 50,
        offset: int = 0,
        snippets: bool = True,
        facets: bool = True,
        as_you_type: bool = True,
        reverse: bool = False,
    ) -> SearchResult:
        """One page of results with facet counts and highlighted snippets (``reverse``: ``sort`` the
        other way round; see :class:`SortOrder`).

        ``as_you_type`` (the default, as in the app's search field and ``offprint search``): the last
        word also matches as a prefix and an unfinished end (an open quotation or bracket, a bare
        ``field:``) is read leniently; False reads a finished query exactly (``--exact``).  Raises
        :class:`~reader.errors.QueryError` for a malformed query; ``""`` matches every article.  When
        nothing matches, ``unmatched`` names the words no article contains.
        """
        ast, filters = self._scoped(parse_query(query, as_you_type=as_you_type), filters)
        sort = SortOrder(sort)
        engine = self.index.engine
        starts = self._added_starts()
        filters = added.resolved(filters, starts)
        counts: dict[str, dict[str, int]] = {}
        unmatched: list[str] = []
        if sort in INDEX_SORTS and not reverse:
            attempts = [ast]
            while attempts:
                attempt = attempts.pop()
                if facets:
                    page, counts = engine.search_with_facets(attempt, filters, sort, limit, offset)
                else:
                    page = engine.search(attempt, filters, sort, limit, offset)
                if page.total == 0 and attempt is ast and positive_terms(ast):
                    unmatched = self._unmatched(ast)
                    if not unmatched and has_typed(ast):  # every word is somewhere: complete wider
                        attempts.append(widened(ast))
            ids, scores, total = page.ids, page.scores, page.total
        else:
            ast = self._completed(ast, filters)
            every = ordered_ids(engine, self.store, ast, filters, sort, reverse)
            ids, total = every[offset : offset + limit], len(every)
            scores = [0.0] * len(ids)
            counts = engine.facets(ast, filters) if facets else {}
            unmatched = self._unmatched(ast) if total == 0 else []
        if counts:
            counts["added"] = added.window_counts(counts.get("added", {}), starts)
        hits = self._hits(ids, scores, ast if snippets else None)
        return SearchResult(total=total, hits=hits, facets=counts, unmatched=unmatched)

    def search_ids(
        self,
        query: str = "",
        filters: Filters | None = None,
        *,
        sort: SortOrder = SortOrder.RELEVANCE,
        as_you_type: bool = True,
        reverse: bool = False,
    ) -> list[int]:
        """Every matching id in order (``as_you_type`` and ``reverse`` as in :meth:`search`)."""
        ast, filters = self._scoped(parse_query(query, as_you_type=as_you_type), filters)
        filters = added.resolved(filters, self._added_starts())
        ast = self._completed(ast, filters)
        return ordered_ids(self.index.engine, self.store, ast, filters, SortOrder(sort), reverse)

    def _scoped(self, ast: Node, filters: Filters | None) -> tuple[Node, Filters | None]:
        """The query with collections, "has annotations" and a saved search made clauses (:mod:`.scopes`)."""
        return scoped(
            ast, filters, Lookups(self.collection_ids_named, self.groups.members_of, self.saved_search)
        )

    def _added_starts(self) -> dict[str, int]:
        """Where each Date Added window starts now (see :mod:`.added`)."""
        recorded = self.store.setting(added.LAST_IMPORT_SETTING)
        return added.window_starts(datetime.now(UTC), int(recorded) if recorded else None)

    def _completed(self, ast: Node, filters: Filters | None) -> Node:
        """``ast``, or with the word being typed completed more widely when its usual completions find
        nothing while every word is in some article: the list must not empty between the letters of a
        word that has hits."""
        if not has_typed(ast) or self.index.engine.search(ast, filters, SortOrder.RELEVANCE, 1).total:
            return ast
        return ast if self._unmatched(ast) else widened(ast)

    def unmatched_words(self, query: str, *, as_you_type: bool = True) -> list[str]:
        """The words (or phrases) of ``query`` that no article contains, as the user wrote them.

        For the message when a search finds nothing (see :func:`~reader.library.types.no_match_message`);
        empty when every word is in some article (they are just never together, or filters exclude them).
        """
        return self._unmatched(parse_query(query, as_you_type=as_you_type))

    def _unmatched(self, ast: Node) -> list[str]:
        missing: list[str] = []
        for clause in positive_terms(ast):
            if self._in_no_article(clause):
                text = clause_text(clause)
                if text not in missing:
                    missing.append(text)
        return missing

    def _in_no_article(self, clause: Node) -> bool:
        engine = self.index.engine
        if engine.search(clause, None, SortOrder.RELEVANCE, 1).total:
            return False
        return not has_typed(clause) or not engine.search(widened(clause), None, SortOrder.RELEVANCE, 1).total

    def summaries(self, ids: Sequence[int], *, query: str = "", as_you_type: bool = True) -> list[SearchHit]:
        ast = parse_query(query, as_you_type=as_you_type) if query.strip() else None
        return self._hits(list(ids), [0.0] * len(ids), ast)

    def facets(
        self,
        query: str = "",
        filters: Filters | None = None,
        *,
        keep_own_facet_open: bool = True,
        as_you_type: bool = True,
        every_value: bool = False,
        only: Iterable[int] | None = None,
    ) -> dict[str, dict[str, int]]:
        """Facet name (see ``FACETS``) → value → how many articles match the query and the filters.

        Values within a facet combine with OR, so with ``keep_own_facet_open`` (the filters sidebar's
        way) a facet with ticked values is counted under the query and the *other* facets' filters
        only: its other values stay listed, each with the articles it would add.  Without it every
        facet is counted under all the filters (what ``search`` returns with its hits).
        ``as_you_type`` as in :meth:`search`.  ``every_value``: every value of each
        facet, not only the most frequent (a sidebar's filter box finds any author).  ``"added"`` counts
        the articles in each Date Added window (``ADDED_WINDOWS``; the last import's once one is recorded).
        ``only``: count among these articles alone (a library view's, so the sidebar counts what it shows).
        """
        ast, filters = self._scoped(parse_query(query, as_you_type=as_you_type), filters)
        if only is not None:
            ast = within(ast, only)
        starts = self._added_starts()
        filters = added.resolved(filters, starts)
        ast = self._completed(ast, filters)
        engine = self.index.engine
        counts = engine.facets(ast, filters, every_value=every_value)
        if filters is not None and keep_own_facet_open:
            for facet in FACETS:  # the Filters field of each facet has the facet's name
                if getattr(filters, facet):
                    own = engine.facets(ast, filters.without(facet), every_value=every_value)
                    counts[facet] = own.get(facet, {})
            if filters.added_since is not None:
                counts["added"] = engine.facets(ast, added.without_added(filters)).get("added", {})
        counts["added"] = added.window_counts(counts.get("added", {}), starts)
        if only is not None:  # a view offers no Date Added window it has no article of
            counts["added"] = {window: n for window, n in counts["added"].items() if n}
        return counts

    def organizations(self) -> set[str]:
        """The authors that are organisations, not persons (the ``authors`` facet holds both)."""
        return self.store.organization_names()

    def matches(self, article_id: int, query: str, *, as_you_type: bool = True) -> list[Match]:
        """Every hit of ``query`` in the article's text, in order (character offsets)."""
        ast = parse_query(query, as_you_type=as_you_type)
        text = self.store.text(int(article_id))
        return [Match(start, end) for start, end in self._highlighter(ast).spans(text)]

    def _highlighter(self, ast: Node) -> Highlighter:
        return Highlighter(ast, self.index.engine.stem)

    def _hits(self, ids: list[int], scores: list[float], ast: Node | None) -> list[SearchHit]:
        rows = self.store.summaries(ids)
        texts = self.store.texts(ids) if ast is not None else {}
        highlighter = self._highlighter(ast) if ast is not None else None
        hits = []
        for article_id, score in zip(ids, scores, strict=True):
            if article_id not in rows:
                continue  # removed since the index answered
            meta, imported_at = rows[article_id]
            snippet = ""
            if highlighter is not None:
                snippet = highlighter.snippet(texts.get(article_id, ""), fallback=meta.get("excerpt") or "")
            hits.append(
                SearchHit(
                    id=article_id,
                    title=meta.get("title") or "",
                    authors=list(meta.get("authors") or []),
                    date=meta.get("date"),
                    site=meta.get("site"),
                    series=list(meta.get("series") or []),
                    topics=list(meta.get("topics") or []),
                    score=round(float(score), 4),
                    snippet=snippet,
                    imported_at=imported_at,
                    organizations=list(meta.get("organizations") or []),
                )
            )
        return hits

    # -- needing attention ---------------------------------------------------------------------------

    def needs_attention(self, reason: str | None = None) -> list[int]:
        """Ids of the articles that need attention (damage their repair could not undo, no text found),
        newest import first; only those with ``reason`` (a code of :data:`ATTENTION_REASONS`) when given."""
        if reason is not None and reason not in ATTENTION_REASONS:
            raise StorageError(
                f"unknown attention reason {reason!r}: choose one of {', '.join(ATTENTION_REASONS)}"
            )
        return self.store.needs_attention(reason)

    def attention(self, ids: Sequence[int] | None = None) -> dict[int, list[str]]:
        """Article id → why it needs attention (codes of :data:`ATTENTION_REASONS`), for those of ``ids``
        (None: all) that need any."""
        return self.store.attention_by_id(None if ids is None else [int(i) for i in ids])

    def attention_counts(self) -> dict[str, int]:
        """How many articles need attention for each reason (in :data:`ATTENTION_REASONS` order, reasons
        with none left out); ``"total"`` counts each article once."""
        reasons = self.store.attention_by_id()
        counts = {
            reason: n for reason in ATTENTION_REASONS if (n := sum(reason in r for r in reasons.values()))
        }
        return {"total": len(reasons), **counts}

    # -- writing -------------------------------------------------------------------------------------

    def import_paths(
        self,
        paths_: Sequence[str | Path],
        *,
        workers: int | None = None,
        cancel: threading.Event | None = None,
        on_progress: Callable[[ImportProgress], None] | None = None,
    ) -> Iterator[ImportResult]:
        """Import files and folders; yields one :class:`ImportResult` per file as each completes."""
        self._require_writable("import")
        from reader.library.importer import Importer

        importer = Importer(self.store, self.originals, self.index, workers=workers, trash=self.trash)
        return self._marked(importer.run(paths_, cancel=cancel, on_progress=on_progress))

    def _marked(self, results: Iterator[ImportResult]) -> Iterator[ImportResult]:
        """Run an import with a marker file present, so a crash mid-way is cleaned up on the next open."""
        marker = _import_marker(self.folder)
        marker.touch()
        started, recorded = int(time.time()), False
        try:
            for result in results:
                if not recorded and result.status is ImportStatus.IMPORTED:
                    # "Recently imported" (Date Added: last import) is this import from now on
                    self.store.set_setting(added.LAST_IMPORT_SETTING, str(started))
                    recorded = True
                yield result
        except Exception:
            # e.g. the disk filled up at a commit: originals of the batch that failed belong to no article
            self._finish_interrupted_import()
            raise
        finally:
            marker.unlink(missing_ok=True)

    def reindex(self, engine: str | None = None) -> None:
        """Rebuild the index from the store, switching engine when one is named."""
        self._require_writable("rebuild the index")
        if engine is not None and engine not in ENGINES:
            raise StorageError(f"unknown index engine {engine!r}: choose one of {', '.join(ENGINES)}")
        engine = engine or self.engine
        previous = self.index.switch(engine)  # readers keep the old engine's index until the switch is done
        self.store.set_setting("engine", engine)
        self.engine = engine
        if previous is not None:
            self.index.discard(previous)

    def reextract(self, ids: Sequence[int] | None = None) -> Iterator[ImportResult]:
        """Extract articles again from their originals with the extractor Offprint has now, in place
        (edits, highlights and notes kept; highlights placed again): see :mod:`.reextract`."""
        self._require_writable("extract articles again")
        from reader.library.reextract import reextract

        return reextract(self, ids)

    def check(self, *, repair: bool = False) -> CheckReport:
        if repair:
            self._require_writable("repair the library")
        return check_library(self, repair=repair)

    def stats(self) -> dict[str, Any]:
        base = self.store.stats()
        count = base["articles"]
        stats: dict[str, Any] = {
            "folder": str(self.folder),
            "engine": self.engine,
            "read_only": self.read_only,
            **base,
            "originals_bytes": self.originals.total_size(),
            "database_bytes": _size(paths.database_path(self.folder)),
            "index_bytes": self.index.engine.size_bytes(),
            "index_documents": self.index.engine.doc_count(),
            "generation": self.store.generation(),
            **self.marks.counts(),
        }
        if self.engine == "whoosh" and count > WHOOSH_COMFORT_LIMIT:
            stats["suggestion"] = (
                f"this library has {count:,} articles, more than whoosh handles comfortably "
                f"(~{WHOOSH_COMFORT_LIMIT:,}); switch to tantivy with `offprint reindex --engine tantivy`"
            )
        return stats


def _import_marker(folder: Path) -> Path:
    return folder / ".import-in-progress"


def _writable(folder: Path) -> bool:
    if not os.access(folder, os.W_OK):
        return False
    database = paths.database_path(folder)
    return not database.exists() or os.access(database, os.W_OK)


def _size(path: Path) -> int:
    total = 0
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            total += candidate.stat().st_size
    return total
