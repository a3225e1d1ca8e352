"""What the app asks of the library, and the flows around the asking: search, edit, bulk edit, remove.

As in anki's ``aqt/operations``: the work is a named operation of the :class:`Library` run off the GUI
thread (:func:`search`; the library's ``update``, ``update_many`` and ``remove``), and
:class:`ArticleOperations` holds the flows around it — the confirmation, the editing dialogs, the answer
or the failure on the GUI thread — so the window only connects its menus and its views to them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from reader.library import BulkEdit, Filters, SearchHit, SortOrder, StoredArticle

from .article_model import PAGE_SIZE
from .error_report import log_failure
from .metadata_editor import BulkTagsDialog, MetadataDialog
from .workers import LibraryRunner

if TYPE_CHECKING:
    from reader.library import Library

logger = logging.getLogger(__name__)

# -- searching -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchAnswer:
    """Everything one search puts on screen: the result ids, the first page of rows, the sidebar counts."""

    query: str
    filters: Filters
    ids: list[int]
    first_page: list[SearchHit]
    facets: dict[str, dict[str, int]]
    library_count: int

    def empty_message(self) -> str:
        """What the list says when nothing matched, with the ways to widen the search."""
        if self.library_count == 0:
            return "Your library is empty. Import saved pages with File → Import (Ctrl+O) or drop them here."
        hints = []
        if self.query:
            hints.append("use fewer or shorter words, or OR between alternatives")
        if not self.filters.is_empty():
            hints.append("clear the filters (Ctrl+Shift+X)")
        shown = f"“{self.query}”" if self.query else "these filters"
        return f"No articles match {shown}. To widen the search, " + " or ".join(hints) + "."


def search(library: Library, query: str, filters: Filters, sort: SortOrder) -> SearchAnswer:
    """The search behind the list and the sidebar (off the GUI thread)."""
    ids = library.search_ids(query, filters, sort=sort)
    first = library.summaries(ids[:PAGE_SIZE], query=query)
    # Values within a facet combine with OR: a facet with ticked values keeps listing its other values.
    sidebar_counts = library.facets(query, filters, keep_own_facet_open=True)
    return SearchAnswer(query, filters, ids, first, sidebar_counts, library.count())


# -- editing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edited:
    """Saved edits: the articles changed, the one article's new state (single edits), how many changed."""

    ids: list[int]
    article: StoredArticle | None
    count: int

    @property
    def message(self) -> str:
        return f"Saved changes to {self.count} article{'s' if self.count != 1 else ''}."


def ask_yes_no(parent: QWidget | None) -> Callable[[str, str], bool]:
    """A confirmation by message box (the window's default; tests pass their own answer)."""

    def ask(title: str, question: str) -> bool:
        return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes

    return ask


class ArticleOperations(QObject):
    """Editing, bulk editing and removing articles: dialogs and confirmations here, the work off-thread.

    Answers come back as signals; the window refreshes its views on them.  On a read-only library
    every flow does nothing (its actions are disabled too).
    """

    edited = Signal(object)  # Edited
    removed = Signal(int)  # how many articles went
    failed = Signal(str)  # a message naming what was not saved and why

    def __init__(
        self,
        runner: LibraryRunner,
        parent_widget: QWidget | None = None,
        *,
        confirm: Callable[[str, str], bool] | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
        self.read_only = runner.library.read_only
        self.confirm = confirm or ask_yes_no(parent_widget)
        self.editor: QDialog | None = None  # the open editing dialog (tests fill it in)

    def edit(self, ids: Sequence[int]) -> None:
        """The metadata editor for one article; the series and topics editor for several."""
        if len(ids) > 1:
            self.bulk_edit(ids)
            return
        if not ids or self.read_only:
            return
        article_id = ids[0]
        self.runner.call(lambda library: library.get(article_id), self._open_editor, self._failed)

    def _open_editor(self, article: StoredArticle) -> None:
        dialog = MetadataDialog(article, self.parent_widget)
        dialog.accepted.connect(lambda: self.save_edits(article.id, dialog.changed_fields()))
        self.editor = dialog
        dialog.open()

    def save_edits(self, article_id: int, changes: dict[str, Any]) -> None:
        if not changes:
            return
        self.runner.call(
            lambda library: library.update(article_id, **changes),
            lambda article: self.edited.emit(Edited([article_id], article, 1)),
            self._failed,
        )

    def bulk_edit(self, ids: Sequence[int]) -> None:
        if not ids or self.read_only:
            return
        wanted = list(ids)
        dialog = BulkTagsDialog(len(wanted), self.parent_widget)
        dialog.accepted.connect(lambda: self.apply_bulk_edit(wanted, dialog.bulk_edit()))
        self.editor = dialog
        dialog.open()

    def apply_bulk_edit(self, ids: Sequence[int], edit: BulkEdit) -> None:
        """Make ``edit`` to each of ``ids`` (one transaction in the library)."""
        wanted = list(ids)
        self.runner.call(
            lambda library: library.update_many(wanted, edit),
            lambda changed: self.edited.emit(Edited(changed, None, len(changed))),
            self._failed,
        )

    def remove(self, ids: Sequence[int]) -> None:
        """Ask, then remove ``ids`` from the library (the files they were imported from stay)."""
        if not ids or self.read_only:
            return
        wanted = list(ids)
        question = (
            f"Remove {len(wanted)} article{'s' if len(wanted) != 1 else ''} from the library? "
            "The saved files you imported from are not touched."
        )
        if not self.confirm("Remove Articles", question):
            return
        self.runner.call(lambda library: library.remove(wanted), self.removed.emit, self._failed)

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "an edit was not saved", error)
        self.failed.emit(f"The change was not saved: {error}")
