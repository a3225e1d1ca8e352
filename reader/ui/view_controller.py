"""What the list shows and what the actions act on: the library view chosen in the sidebar, and the
rule that an action applies only to articles the list shows.

:class:`ViewController` owns the sidebar's :class:`LibraryViews`, the bar of the Trash and Duplicates
views, and the actions that belong to them (restore, delete for good, empty the Trash, merge).
:class:`VisibleSelection` keeps the reader and the selection honest after every answer: when the open
article drops out of the results the reader says so instead of showing it as if it were selected (and
opens it again when it comes back), the actions see only the selected rows the list shows, and Home and
End move the selection to the first and last article instead of only scrolling.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.library import Filters

from .error_report import log_failure
from .library_views import ALL, DUPLICATES, TRASH, LibraryViews, ViewBar

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .operations import SearchAnswer

TRASH_SCOPES_NOTE = "Collections, saved searches and Has annotations do not apply in the Trash"

logger = logging.getLogger(__name__)


class ViewController(QObject):
    """The sidebar's library views, the view bar, and the Trash's and Duplicates' actions."""

    view_changed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.views = LibraryViews(window)
        self.bar = ViewBar(window)
        self.views.view_changed.connect(self._on_view_changed)
        self.bar.restore_requested.connect(self.restore_selected)
        self.bar.delete_requested.connect(self.delete_selected)
        self.bar.empty_requested.connect(lambda: window.operations.empty_trash())
        self.bar.merge_requested.connect(self.open_duplicates)
        self.duplicates_dialog: QWidget | None = None
        self.select_after_search: list[int] = []  # ids the next answer selects (Show the Imported Articles)

    def sidebar(self, facets: QWidget) -> QWidget:
        """The views above the facet tree, as one sidebar widget."""
        box = QWidget(self.window)
        box.setObjectName("sidebar")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.views)
        layout.addWidget(facets, 1)
        return box

    @property
    def view(self) -> str:
        return self.views.view()

    def _on_view_changed(self, view: str) -> None:
        self.bar.show_view(view, 0, read_only=self.window.read_only)
        self.view_changed.emit(view)

    def count_duplicates(self) -> None:
        """The Duplicates line's count, without opening the view (at start and after every change)."""
        self.window.runner.call_latest(
            lambda library: sum(len(found.ids) for found in library.duplicate_sets()),
            lambda count: self.views.set_counts({"duplicates": count}),
            lambda error: log_failure(logger, "the duplicates were not counted", error),
            channel="duplicates",
        )

    def show_answer(self, answer: SearchAnswer) -> None:
        counts: dict[str, int | None] = {"trash": answer.trash_count, "attention": answer.attention_count}
        if answer.duplicate_count is not None:
            counts["duplicates"] = answer.duplicate_count
        self.views.set_counts(counts)
        shown = answer.trash_count if answer.view == TRASH else len(answer.ids)
        self.bar.show_view(answer.view, shown, read_only=self.window.read_only)
        self.window.research.collections.panel.set_applies(answer.view != TRASH, TRASH_SCOPES_NOTE)
        # The Edit menu offers what can be done here: restoring inside the Trash, emptying a Trash with
        # something in it (else the menu item would do nothing and say nothing).
        writable = not self.window.read_only
        actions = self.window.actions_by_name
        actions["restore"].setEnabled(writable and answer.view == TRASH and answer.trash_count > 0)
        actions["empty_trash"].setEnabled(writable and answer.trash_count > 0)

    # -- the actions of the views ----------------------------------------------------------------
    def remove_or_delete(self, ids: Sequence[int]) -> None:
        """Del: to the Trash, or, inside the Trash, delete for good (asked, and said to be final)."""
        if self.view == TRASH:
            self.window.operations.empty_trash(ids)
        else:
            self.window.operations.remove(ids)

    def restore_selected(self) -> None:
        if ids := self.window.visible.selected_ids():
            self.window.operations.restore(ids)
        else:
            self.window.show_status("Select the articles to restore in the Trash first.")

    def delete_selected(self) -> None:
        if ids := self.window.visible.selected_ids():
            self.window.operations.empty_trash(ids)

    def open_duplicates(self) -> None:
        from .duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self.window.runner, self.window.operations, self.window)
        self.duplicates_dialog = dialog
        dialog.open()

    def show_all(self) -> None:
        self.views.set_view(ALL)

    def after_view_change(self) -> None:
        """Another view: nothing stays selected or open from the one before."""
        window = self.window
        window.visible.forget()
        window.list_view.clearSelection()
        window.reader_pane.close_article()
        window.run_search()

    def show_articles(self, ids: Sequence[int]) -> None:
        """Show these articles selected in the list (the view, the search and the filters cleared first)."""
        window = self.window
        self.select_after_search = list(ids)
        self.show_all()
        window.facets.set_filters(Filters(), notify=False)
        window.chip_bar.set_filters(Filters())
        window.search_bar.set_query("")
        window.run_search()

    def show_duplicates(self) -> None:
        self.views.set_view(DUPLICATES)


class VisibleSelection(QObject):
    """The list is the truth for what is visible (see the module's docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.parked: int | None = None  # the article open before it dropped out of the results
        window.list_view.installEventFilter(self)

    def selected_ids(self) -> list[int]:
        """The selected articles the list shows; the open article only when the list shows it."""
        window = self.window
        ids = window.article_pane.selected_ids()
        current = window.current_id
        if not ids and current is not None and window.model.row_of(current) is not None:
            ids = [current]
        return ids

    def after_answer(self, keep: int | None, title: str) -> int | None:
        """Once the list holds a new answer: the row of the article to keep open, or None.

        An open article the list no longer shows is closed with a note, and remembered; it opens again
        when a later answer shows it (the user did not choose another meanwhile).
        """
        window = self.window
        row = window.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.parked = None
            return row
        if keep is not None:
            self.parked = keep
            window.reader_pane.close_article(
                f"“{title or 'This article'}” is not in the current results. Clear the search or the "
                "filters to see it again, or choose an article in the list."
            )
            return None
        if self.parked is not None and (row := window.model.row_of(self.parked)) is not None:
            self.parked = None
            window.select_article(window.model.id_at(row) or 0)
        return None

    def forget(self) -> None:
        self.parked = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Home and End select the first and last article (Shift: up to it), as a list does; a table view
        would only move to the first column of the row, leaving the selection where it was."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            modifiers = event.modifiers()
            if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) and not (
                modifiers & Qt.KeyboardModifier.ControlModifier
            ):
                self.select_end(
                    event.key() == Qt.Key.Key_End, bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
                )
                return True
        return super().eventFilter(watched, event)

    def select_end(self, last: bool, extend: bool) -> None:
        model, view = self.window.model, self.window.list_view
        if not model.rowCount():
            return
        row = model.rowCount() - 1 if last else 0
        selection = view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        current = view.currentIndex()
        if extend and current.isValid():
            first, end = sorted((current.row(), row))
            selection.select(QItemSelection(model.index(first, 0), model.index(end, 0)), flags)
            selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            selection.setCurrentIndex(model.index(row, 0), flags)
        view.scrollTo(model.index(row, 0))
