"""The main window: it lays out the widgets, wires their signals together and remembers their state.

Sidebar (library views, filters) | article list | reader, in splitters; the toolbar holds search, Import
and the citation style.  Every library call goes through :class:`LibraryRunner` (off the GUI thread);
the window only shows answers.  The flows live in :mod:`.operations` (edits, removal, the Trash, merges),
:mod:`.view_controller` (the library views; actions only on what the list shows), :mod:`.undo`,
:mod:`.import_dialog` and :mod:`.citations`; what it remembers between sessions in :mod:`.window_state`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.errors import QueryError
from reader.ingest import FILE_DIALOG_PATTERNS
from reader.library import Filters, ImportResult, ImportStatus, SearchHit, StoredArticle
from reader.resources import resource_path

from .article_list import ArticlePane, ListOrder
from .article_model import ArticleModel
from .citations import CitationService, default_citer_factory
from .engine_advice import EngineAdvisor
from .error_report import log_failure
from .facets import ChipBar, FacetSidebar
from .import_dialog import ImportController, local_paths
from .library_views import ALL, TRASH
from .menus import build_actions, build_menus_and_toolbar, build_theme_group, list_context_menu
from .notice_bar import NoticeBar, as_sentence
from .operations import ArticleOperations, Edited, SearchAnswer, search
from .reader_pane import ReaderPane
from .research import Research
from .search_bar import SearchBar
from .settings import Settings
from .shortcuts import ShortcutsWindow
from .style_picker import StyleController, StylePicker
from .themes import apply_app_palette, resolve_theme
from .undo import UndoController
from .view_controller import ViewController, VisibleSelection
from .window_state import restore_window_state, save_window_state
from .workers import LibraryRunner

if TYPE_CHECKING:
    from reader.cite import Citer
    from reader.library import Library

IMPORT_FILTER = f"Saved pages ({FILE_DIALOG_PATTERNS});;All files (*)"
IMPORT_REFRESH_MS = 2000
# Trashed articles are out of the index, and the Trash's list is filtered by title alone.
TRASH_FACETS_NOTE = "Filters do not apply in the Trash"

logger = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The whole app window for one open library."""

    results_shown = Signal()  # a search answer (or its error) is on screen
    article_shown = Signal(int)
    original_shown = Signal(int)
    article_saved = Signal(int)
    library_changed = Signal()  # articles were imported, edited or removed

    def __init__(
        self,
        library: Library,
        settings: Settings,
        *,
        citer_factory: Callable[[], Citer] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.runner = LibraryRunner(library)
        self.read_only = bool(library.read_only)
        self.library_count = 0
        self.result_count = 0
        self.search_count = 0  # answers shown so far (tests and the self-check wait on it)
        self._facets_view = ALL  # the library view whose counts the sidebar shows
        self._open_after_search: int | None = None  # the article that takes the removed ones' place
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Offprint — {library.folder.name}" + (" (read-only)" if self.read_only else ""))
        icon_file = resource_path("icons", "offprint.svg")
        if icon_file.exists():
            self.setWindowIcon(QIcon(str(icon_file)))
        self.setAcceptDrops(not self.read_only)

        self._build_widgets()
        self.citations = CitationService(
            self.runner, citer_factory or default_citer_factory(self._style_dirs()), self
        )
        self.style_controller = StyleController(self.style_box, self.citations, self.settings, self)
        self.importer = ImportController(self.runner, self)
        self.undo = UndoController(self.runner, self)
        self.operations = ArticleOperations(self.runner, self, undo=self.undo)
        self.visible = VisibleSelection(self)
        self.engine_advice = EngineAdvisor(
            self.runner, self.notice_bar, self.show_status, self.run_search, self
        )
        self._import_refresh = QTimer(self)  # new articles appear in the list while an import runs
        self._import_refresh.setInterval(IMPORT_REFRESH_MS)
        self._import_refresh.timeout.connect(self.run_search)
        self.actions_by_name = build_actions(self)
        self.theme_group = build_theme_group(self)
        build_menus_and_toolbar(self, self.actions_by_name, self.theme_group)
        self.research = Research(self)  # highlights, notes, collections, saved searches
        self._connect()
        self._restore_settings()
        self._show_startup_notices()
        self._focused_once = False
        self.run_search()  # the citation styles load after its answer, so they never delay the list

    # -- building ------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search_bar = SearchBar(self)
        self.notice_bar = NoticeBar(self)
        self.chip_bar = ChipBar(self)
        self.facets = FacetSidebar(self)
        self.views = ViewController(self)
        self.model = ArticleModel(self._fetch_page, self)
        self.article_pane = ArticlePane(self.model, self)
        self.article_pane.add_above(self.views.bar)  # above the list it acts on: the sidebar never moves
        self.list_view = self.article_pane.view
        self.reader_pane = ReaderPane(self.runner, self.settings, self)
        self.tabs = self.reader_pane
        self.reader = self.reader_pane.reader
        self.find_bar = self.reader_pane.find_bar
        self.repairs = self.reader_pane.repairs
        self.original = self.reader_pane.original

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.views.sidebar(self.facets))
        self.splitter.addWidget(self.article_pane)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([230, 480, 620])  # list and reader shrink in this ratio, to their minimums
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.chip_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Article counts")
        self.statusBar().addPermanentWidget(self.count_label)
        self.style_box = StylePicker(self.settings.citation_style(), self)

    def _connect(self) -> None:
        self.search_bar.query_changed.connect(lambda _q: self.run_search())
        self.search_bar.leave_requested.connect(self._focus_results)
        self.facets.filters_changed.connect(self._on_filters_changed)
        self.chip_bar.chip_removed.connect(lambda facet, value: self.facets.toggle_value(facet, value, False))
        self.chip_bar.clear_requested.connect(self.facets.clear_filters)
        self.article_pane.order_changed.connect(self._on_order_changed)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_counts())
        self.list_view.context_menu_requested.connect(self._show_list_menu)
        self.list_view.activated.connect(lambda _i: self.reader.setFocus())
        self.reader.filter_requested.connect(
            lambda facet, value: self.facets.toggle_value(facet, value, True)
        )
        self.reader.copy_with_citation_requested.connect(self._copy_passage_text)
        self.reader_pane.article_shown.connect(self.article_shown)
        self.reader_pane.original_shown.connect(self.original_shown)
        self.citations.copied.connect(lambda copied: self.show_status(copied.summary()))
        self.citations.failed.connect(lambda message: self.show_status(f"Could not copy: {message}"))
        self.citations.styles_failed.connect(
            lambda message: self.show_status(f"Citation styles are not available: {message}")
        )
        self.citations.styles_loaded.connect(lambda _styles: self.citations.warm_soon(self.current_style()))
        self.citations.exported.connect(lambda path, n: self.show_status(f"Exported {n} articles to {path}"))
        self.operations.edited.connect(self._after_edit)
        self.operations.removed.connect(self._after_remove)
        self.operations.restored.connect(
            lambda n: self._after_change(f"Restored {_articles(n)} from the Trash.")
        )
        self.operations.deleted.connect(lambda n: self._after_change(f"Deleted {_articles(n)} for good."))
        self.operations.merged.connect(
            lambda merge: self._after_change(f"Merged {len(merge.merged) + 1} duplicates into one article.")
        )
        self.library_changed.connect(self._load_organizations)
        self.library_changed.connect(self.views.count_duplicates)
        self.operations.failed.connect(lambda message: self.show_error("Edit", message))
        self.undo.changed.connect(self._after_change)
        self.undo.failed.connect(lambda message: self.show_error("Undo", message))
        self.views.view_changed.connect(lambda _view: self.views.after_view_change())
        self.importer.show_requested.connect(self.views.show_articles)
        self.importer.started.connect(self._import_refresh.start)
        self.importer.status.connect(self.show_status)
        self.importer.finished.connect(self._on_import_finished)
        self.importer.failed.connect(self._on_import_failed)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(lambda _scheme: self._apply_theme())

    # -- settings ------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        restore_window_state(self)

    def save_settings(self) -> None:
        save_window_state(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            # The first keys a user types go to the search field: left to itself Qt gives the focus to
            # the first widget that takes it, the filters sidebar, where typing does nothing.
            self._focused_once = True
            self.search_bar.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, timeout_ms: int = 15_000) -> None:
        """Stop background work before the library closes: cancel an import, let running jobs finish."""
        self.research.close()  # open notes save first
        self.importer.cancel()
        self.citations.stop_warming()
        self._import_refresh.stop()
        self.runner.forget_pending()
        for pool in (self.importer.pool, self.citations.pool, QThreadPool.globalInstance()):
            pool.waitForDone(timeout_ms)

    # -- notices -------------------------------------------------------------------------------------
    def _show_startup_notices(self) -> None:
        for i, notice in enumerate(self.library.notices):
            self.notice_bar.show_notice(f"library-{i}", as_sentence(notice))  # the library writes fragments
        if self.read_only:
            self.notice_bar.show_notice(
                "read-only",
                f"This library is open read-only ({self.library.folder}): you can read, search and cite, "
                "but importing, editing and removing are turned off.",
                closable=False,
            )
        self.library_count = self.runner.locked(lambda library: library.count())
        self.engine_advice.check()
        if (
            self.library_count == 0
            and not self.read_only
            and not self.settings.sample_offer_dismissed(self.library.folder)
        ):
            offer = self.importer.offer_first_import(self.notice_bar, IMPORT_FILTER)
            offer.dismissed.connect(lambda: self.settings.dismiss_sample_offer(self.library.folder))

    # -- searching -----------------------------------------------------------------------------------
    def run_search(self) -> None:
        query, filters = self.search_bar.query(), self.facets.filters()
        self.article_pane.set_searching(bool(query))
        sort, reverse = self.article_pane.sort()
        view = self.views.view
        self.runner.call_latest(
            lambda library: search(library, query, filters, sort, reverse, view),
            self._show_results,
            lambda error: self._show_search_error(query, error),
        )

    def _on_filters_changed(self, filters: Filters) -> None:
        self.chip_bar.set_filters(filters)
        self.settings.set_last_filters(filters)
        self.run_search()

    def _on_order_changed(self, order: ListOrder) -> None:
        self.settings.set_list_order(order.to_setting())
        self.run_search()

    def _typed_past(self, answer: SearchAnswer) -> bool:
        """Whether the search field holds more than this answer's query (its search is on its way)."""
        return self.search_bar.pending() or self.search_bar.query() != answer.query

    def _show_results(self, answer: SearchAnswer) -> None:
        if not answer.ids and answer.query and self._typed_past(answer):
            # A word half typed that finds nothing yet: the list keeps the last results (it never blanks
            # between the letters of a word) until the answer for what is typed now arrives.
            self._answer_shown()
            return
        keep, chosen = self.current_id, self.article_pane.selected_ids()
        title = self.current_article.title if self.current_article is not None else ""
        if self.views.select_after_search:  # "Show the Imported Articles": select those instead
            keep, chosen, self.views.select_after_search = None, self.views.select_after_search, []
            self.visible.forget()
        self.list_view.set_snippet_rows(bool(answer.query))
        self.model.set_results(answer.ids, answer.query, answer.first_page)
        # Nothing found: the sidebar keeps its values (at 0) while the user types, but a view of its own
        # (Needs Attention, Duplicates, the Trash) lists only what that view holds.
        same_view, self._facets_view = answer.view == self._facets_view, answer.view
        self.facets.set_note(TRASH_FACETS_NOTE if answer.view == TRASH else None)
        self.facets.set_counts(answer.facets, answer.query, hold_values=not answer.ids and same_view)
        self.views.show_answer(answer)
        self.library_count = answer.library_count
        self.result_count = len(answer.ids)
        self._update_counts()
        self.article_pane.show_message("" if answer.ids else answer.empty_message())
        row = self.visible.after_answer(keep, title)
        if row is not None:
            self._select_row(row, open_article=False)
            self.reader_pane.refresh_highlights(answer.query)
        self.article_pane.add_to_selection([i for i in chosen if i != keep])  # e.g. after a bulk edit
        if keep is None and chosen and (rows := self.model.rows_of(chosen[:1])):
            self.list_view.scrollTo(self.model.index(rows[0], 0))
        successor, self._open_after_search = self._open_after_search, None
        if successor is not None and (row := self.model.row_of(successor)) is not None:
            self._select_row(row)
        self._answer_shown()

    def _answer_shown(self) -> None:
        self.search_count += 1
        if self.search_count == 1:
            self.citations.load_styles()
            self._load_organizations()
            self.views.count_duplicates()
        self.results_shown.emit()

    def _load_organizations(self) -> None:
        self.runner.call(
            lambda library: library.organizations(),
            self.facets.set_organizations,
            lambda error: log_failure(logger, "the organisations among the authors were not read", error),
        )

    def _show_search_error(self, query: str, error: BaseException) -> None:
        if isinstance(error, QueryError):
            message = str(error)  # it names the query, the column and the problem
            self.article_pane.show_message(message[:1].upper() + message[1:] + ".", error=True)
        else:
            log_failure(logger, f"the search for {query!r} failed", error)
            self.article_pane.show_message(f"The search failed: {error}", error=True)
        self._answer_shown()

    def _update_counts(self) -> None:
        noun = "article" if self.library_count == 1 else "articles"
        shown = f" · {self.result_count:,} shown" if self.result_count != self.library_count else ""
        selected = self.article_pane.selected_count()
        chosen = f" · {selected:,} selected" if selected > 1 else ""
        self.count_label.setText(f"{self.library_count:,} {noun} in the library{shown}{chosen}")

    def _fetch_page(self, ids: Sequence[int], query: str) -> list[SearchHit]:
        return self.runner.locked(lambda library: library.summaries(ids, query=query))

    def _focus_results(self) -> None:
        self.list_view.setFocus()
        if self.model.rowCount() and not self.list_view.selectionModel().hasSelection():
            current = self.list_view.currentIndex()
            self._select_row(current.row() if current.isValid() else 0)

    def focus_search(self) -> None:
        self.search_bar.setFocus()
        self.search_bar.selectAll()

    # -- the article list ----------------------------------------------------------------------------
    def _select_row(self, row: int, *, open_article: bool = True) -> None:
        index = self.model.index(row, 0)
        selection = self.list_view.selectionModel()
        if not open_article:
            selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not open_article:
            selection.blockSignals(False)
        self.list_view.scrollTo(index)
        article_id = self.model.id_at(row)
        if open_article and article_id is not None and article_id != self.current_id:
            self.open_article(article_id)  # setCurrentIndex is silent when the row was already current

    def select_article(self, article_id: int) -> bool:
        """Select and open ``article_id`` if it is in the current results."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def selected_ids(self) -> list[int]:
        """The selected articles the list shows (never one the results no longer show)."""
        return self.visible.selected_ids()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.id_at(current.row()) if current.isValid() else None
        if article_id is not None and article_id != self.current_id:
            self.visible.forget()
            self.open_article(article_id)

    def _show_list_menu(self, position: QPoint) -> None:
        menu = list_context_menu(self, self.actions_by_name)
        menu.exec(position)
        menu.deleteLater()

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def current_id(self) -> int | None:
        return self.reader_pane.current_id

    @property
    def current_article(self) -> StoredArticle | None:
        return self.reader_pane.current_article

    def open_article(self, article_id: int) -> None:
        self.reader_pane.open_article(article_id, self.search_bar.query())

    def set_theme(self, theme: str) -> None:
        self.settings.set_theme(theme)
        for action in self.theme_group.actions():
            action.setChecked(action.data() == theme)
        self._apply_theme()

    def _apply_theme(self) -> None:
        theme = resolve_theme(self.settings.theme())
        apply_app_palette(theme)
        self.facets.set_dark(theme.dark)
        self.reader_pane.set_theme(theme)

    # -- citations -----------------------------------------------------------------------------------
    def current_style(self) -> str:
        return self.style_box.current_style()

    def copy_bibliography(self) -> None:
        if ids := self._ids_or_hint():
            self.citations.copy_bibliography(ids, self.current_style())

    def copy_citation(self) -> None:
        if ids := self._ids_or_hint():
            self.citations.copy_citation(ids, self.current_style())

    def copy_passage(self) -> None:
        self.research.annotations.copy_passage()  # the selection, or the highlight at the cursor

    def _copy_passage_text(self, passage: str) -> None:
        if self.current_id is not None:
            self.citations.copy_passage(passage, self.current_id, self.current_style())

    def export_selected(self) -> None:
        if ids := self._ids_or_hint():
            self.citations.export_with_dialog(ids, self)

    def _ids_or_hint(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            self.show_status("Select one or more articles first.")
        return ids

    # -- editing -------------------------------------------------------------------------------------
    def edit_metadata(self) -> None:
        self.operations.edit(self.selected_ids())

    def bulk_edit(self) -> None:
        self.operations.bulk_edit(self.selected_ids())

    def save_edits(self, article_id: int, changes: dict[str, Any]) -> None:
        self.operations.save_edits(article_id, changes)

    def remove_selected(self) -> None:
        if ids := self._ids_or_hint():
            self.views.remove_or_delete(ids)

    def restore_selected(self) -> None:
        self.views.restore_selected()

    def _after_edit(self, edited: Edited) -> None:
        self.show_status(edited.message)
        current = self.current_id
        if edited.article is not None and edited.article.id == current:
            self.reader_pane.show_edited(edited.article)
        elif current is not None and current in edited.ids:
            self.open_article(current)
        self.model.refresh_rows()
        self.run_search()
        for article_id in edited.ids:
            self.article_saved.emit(article_id)
        self.library_changed.emit()

    def _after_remove(self, count: int) -> None:
        # The list still shows the removed rows: the article after them takes their place, selected and
        # open, as in Zotero (the keyboard carries on from where it was; Del again removes the next one).
        self._open_after_search = self._successor(self.article_pane.selected_ids())
        self.reader_pane.close_article()
        self._after_change(f"Moved {_articles(count)} to the Trash (Ctrl+Z brings them back).")

    def _successor(self, removed: Sequence[int]) -> int | None:
        """The article the list shows after the ``removed`` rows (or, at the end, the one before them)."""
        rows = sorted(self.model.rows_of(removed))
        if not rows:
            return None
        gone = set(removed)
        after = range(rows[-1] + 1, self.model.rowCount())
        for row in [*after, *range(rows[0] - 1, -1, -1)]:
            article_id = self.model.id_at(row)
            if article_id is not None and article_id not in gone:
                return article_id
        return None

    def _after_change(self, message: str | None) -> None:
        """After a removal, restore, deletion, merge, undo or redo: the list and the open article anew."""
        if message:
            self.show_status(message)
        self.model.refresh_rows()
        if self.current_id is not None:
            self.open_article(self.current_id)
        self.run_search()
        self.library_changed.emit()

    # -- importing -----------------------------------------------------------------------------------
    def choose_files_to_import(self) -> None:
        self.importer.choose_files(IMPORT_FILTER)

    def choose_folder_to_import(self) -> None:
        self.importer.choose_folder()

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        return self.importer.import_paths(paths)

    def _on_import_finished(self, results: Sequence[ImportResult] = (), _cancelled: bool = False) -> None:
        self._import_refresh.stop()
        self.model.refresh_rows()
        if any(result.status is ImportStatus.IMPORTED for result in results):
            self.show_imported()
        else:
            self.run_search()
        self.library_changed.emit()
        self.engine_advice.check()

    def show_imported(self) -> None:
        """The list shows what the last import added (as Zotero opens the collection an import made):
        the Date Added filter "Last import" alone, no query; its chip or Ctrl+Shift+X shows everything."""
        self.search_bar.set_query("")
        self.facets.set_filters(Filters(added="last-import"))

    def _on_import_failed(self, message: str) -> None:
        self._import_refresh.stop()
        self.show_error("Import", message)
        self.run_search()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.read_only and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if paths and self.import_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- small things ------------------------------------------------------------------------------
    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def show_error(self, title: str, message: str) -> None:
        self.show_status(message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.open()

    def show_shortcuts(self) -> None:
        self.shortcuts_window = ShortcutsWindow(self)
        self.shortcuts_window.show()

    def _style_dirs(self) -> list[Path]:
        try:
            return [self.library.styles_folder()]
        except OSError as exc:
            logger.warning("the library's own citation styles are not available: %s", exc)
            return []


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"
