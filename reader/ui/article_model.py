"""The article list's model: it holds ids only and loads rows lazily, a page at a time.

A search answer gives every matching id in order (cheap) plus the first page of rows; further
pages are fetched through ``Library.summaries`` off the GUI thread when the view first paints
them, then cached.  So 100,000 results open and scroll without loading 100,000 rows (as anki's
browser does).  The columns are :data:`COLUMNS`; each sorts by one of the library's orders.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from reader.library import SearchHit, SortOrder

from .error_report import quiet_failure
from .names import creators
from .workers import run_in_background

PAGE_SIZE = 100
MAX_WANTED_PAGES = 4  # a screenful spans at most two pages; older requests are stale
HitRole = Qt.ItemDataRole.UserRole + 1  # the whole SearchHit (None while its page is loading)
IdRole = Qt.ItemDataRole.UserRole + 2

logger = logging.getLogger(__name__)
_page_not_loaded = quiet_failure(logger, "a page of the article list could not be loaded", logging.WARNING)

# fetch(ids, query) -> rows; runs on a worker thread
PageFetcher = Callable[[Sequence[int], str], list[SearchHit]]

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column of the list: what it shows and the library order its header sorts by."""

    key: str  # its name in tests and in the code; the header's own state is what settings keep
    title: str
    sort: SortOrder
    width: int  # its first width, in average character widths (or the width of ``sample``)
    shown: bool  # shown until the user chooses otherwise
    newest_first: bool = False  # a date: the first click sorts newest first
    sample: str = ""  # a value as wide as the column's usual values (dates)


COLUMNS = (
    Column("title", "Title", SortOrder.TITLE, 36, True),
    Column("authors", "Authors", SortOrder.AUTHOR, 16, True),
    Column("date", "Date", SortOrder.DATE, 11, True, newest_first=True, sample="2026-03-05"),
    Column("site", "Site", SortOrder.SITE, 15, True),
    Column("series", "Series", SortOrder.SERIES, 15, False),
    Column("added", "Date Added", SortOrder.ADDED, 16, True, newest_first=True, sample="2026-03-05 14:02"),
)
TITLE_COLUMN = 0


def column_of(key: str) -> int:
    return next(number for number, column in enumerate(COLUMNS) if column.key == key)


@lru_cache(maxsize=4096)
def local_time(timestamp: str) -> str:
    """An ISO 8601 UTC time as the user's local "2026-03-05 14:02" (empty when unreadable)."""
    try:
        return datetime.fromisoformat(timestamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return ""


def cell_text(hit: SearchHit, column: int) -> str:
    key = COLUMNS[column].key
    if key == "title":
        return hit.title or "(untitled)"
    if key == "authors":
        return creators(hit.authors, hit.organizations)
    if key == "date":
        return hit.date or ""
    if key == "site":
        return hit.site or ""
    if key == "series":
        return "; ".join(hit.series)
    return local_time(hit.imported_at) if hit.imported_at else ""


def cell_tooltip(hit: SearchHit, column: int) -> str:
    key = COLUMNS[column].key
    if key == "authors":
        return "\n".join([*hit.authors, *hit.organizations])
    if key == "title":  # the whole title, and while searching the whole passage that matched
        return f"<p><b>{html.escape(hit.title)}</b></p><p>{hit.snippet}</p>" if hit.snippet else hit.title
    return cell_text(hit, column)


#: What a drag of rows out of the list carries: the article ids as a JSON list.
ARTICLES_MIME = "application/x-offprint-article-ids"


class ArticleModel(QAbstractTableModel):
    """The articles, one per row, in :data:`COLUMNS`; ``HitRole`` gives the row's SearchHit once its
    page is loaded (the same hit in every column)."""

    page_loaded = Signal(int)  # page number

    def __init__(self, fetch: PageFetcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._query = ""
        self._pages: dict[int, list[SearchHit]] = {}
        self._wanted: dict[int, None] = {}  # pages asked for, oldest first
        self._in_flight: int | None = None
        self._generation = 0

    # filling ---------------------------------------------------------------------------------------
    def set_results(self, ids: Sequence[int], query: str, first_page: Sequence[SearchHit] = ()) -> None:
        """Show a new result list; ``first_page`` holds rows already fetched with the search."""
        self.beginResetModel()
        self._generation += 1  # pages still in flight belong to the old list
        self._ids = list(ids)
        self._query = query
        self._pages = {}
        self._wanted = {}
        self._in_flight = None
        if first_page:
            self._pages[0] = list(first_page)
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Drop cached rows (after an edit) so they are fetched again."""
        self._generation += 1
        self._pages = {}
        self._wanted = {}
        self._in_flight = None
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # reading ---------------------------------------------------------------------------------------
    @property
    def query(self) -> str:
        return self._query

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rows_of(self, article_ids: Sequence[int]) -> list[int]:
        """The rows of those of ``article_ids`` the list shows, in list order (one pass over the list)."""
        wanted = set(article_ids)
        return [row for row, article_id in enumerate(self._ids) if article_id in wanted] if wanted else []

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def hit_at(self, row: int) -> SearchHit | None:
        """The row's data if loaded; asks for its page otherwise."""
        if not 0 <= row < len(self._ids):
            return None
        page_number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            self._request_page(page_number)
            return None
        return page[offset] if offset < len(page) else None

    def is_loaded(self, row: int) -> bool:
        return row // PAGE_SIZE in self._pages

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Sort by {COLUMNS[section].title.lower()} (click again to reverse)"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == IdRole:
            return self.id_at(row)
        hit = self.hit_at(row)
        if role == HitRole:
            return hit
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if hit is None:
                return "Loading…" if column == TITLE_COLUMN else ""
            return cell_text(hit, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "Loading…" if hit is None else _spoken_summary(hit)
        if role == Qt.ItemDataRole.ToolTipRole and hit is not None:
            return cell_tooltip(hit, column) or None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # dragging rows (onto a collection) ------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [ARTICLES_MIME]

    def mimeData(self, indexes: Sequence[_Index]) -> QMimeData:
        """The dragged rows' article ids, in the list's order (a JSON list under :data:`ARTICLES_MIME`)."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [article_id for row in rows if (article_id := self.id_at(row)) is not None]
        mime = QMimeData()
        mime.setData(ARTICLES_MIME, json.dumps(ids).encode("utf-8"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction  # the articles stay where they are; a collection gains them

    # paging ----------------------------------------------------------------------------------------
    def _request_page(self, page_number: int) -> None:
        """Queue a page; one fetch runs at a time, newest request first, old requests forgotten.

        Dragging the scroll bar across 100,000 rows asks for hundreds of pages; only the ones still
        wanted when the previous fetch returns are loaded (the view asks again for what it shows).
        """
        if page_number == self._in_flight:
            return
        self._wanted.pop(page_number, None)
        self._wanted[page_number] = None
        while len(self._wanted) > MAX_WANTED_PAGES:
            self._wanted.pop(next(iter(self._wanted)))
        if self._in_flight is None:
            self._fetch_next()

    def _fetch_next(self) -> None:
        if not self._wanted:
            return
        page_number = next(reversed(self._wanted))
        del self._wanted[page_number]
        if page_number in self._pages:
            self._fetch_next()
            return
        self._in_flight = page_number
        generation = self._generation
        ids = self._ids[page_number * PAGE_SIZE : (page_number + 1) * PAGE_SIZE]
        query = self._query

        def store(rows: list[SearchHit]) -> None:
            if generation != self._generation:
                return  # an answer for a list that has been replaced (set_results cleared the queue)
            self._in_flight = None
            self._pages[page_number] = rows
            first = page_number * PAGE_SIZE
            last = min(first + len(ids), len(self._ids)) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            self.page_loaded.emit(page_number)
            self._fetch_next()

        def forget(error: BaseException) -> None:
            _page_not_loaded(error)  # its rows stay blank until they are looked at again
            if generation == self._generation:
                self._in_flight = None
                self._fetch_next()

        run_in_background(lambda: self._fetch(ids, query), store, forget)


def _spoken_summary(hit: SearchHit) -> str:
    parts = [hit.title, ", ".join(hit.authors), hit.date or "", hit.site or ""]
    return ". ".join(p for p in parts if p)
