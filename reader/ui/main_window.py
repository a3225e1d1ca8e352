"""The main window: it lays out the widgets, wires their signals together and remembers their state.

Filters sidebar | article list | reader, in splitters; the toolbar holds search, Import and the
citation style.  Every library call goes through :class:`LibraryRunner` (off the GUI thread);
the window only shows answers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.errors import QueryError
from reader.ingest import FILE_DIALOG_PATTERNS
from reader.library.types import FACETS, Filters, SearchHit, SortOrder, StoredArticle

from .article_list import ArticlePane
from .article_model import PAGE_SIZE, ArticleModel
from .citations import EXPORT_FORMATS, CitationService, Copied, default_citer_factory
from .engine_advice import EngineAdvisor
from .facets import ChipBar, FacetSidebar
from .import_dialog import ImportController
from .menus import build_actions, build_menus_and_toolbar, build_theme_group, list_context_menu
from .metadata_editor import BulkTagsDialog, MetadataDialog
from .notice_bar import NoticeBar
from .paths import resource_path, sample_corpus
from .reader_pane import TAB_ORIGINAL, ReaderPane
from .search_bar import SearchBar
from .settings import Settings
from .shortcuts import ShortcutsWindow
from .themes import apply_app_palette, resolve_theme
from .workers import LibraryRunner

IMPORT_FILTER = f"Saved pages ({FILE_DIALOG_PATTERNS});;All files (*)"
WARM_DELAY_MS = 5000
IMPORT_REFRESH_MS = 2000


@dataclass
class SearchAnswer:
    query: str
    filters: Filters
    ids: list[int]
    first_page: list[SearchHit]
    facets: dict[str, dict[str, int]]
    library_count: int


def _run_search(query: str, filters: Filters, sort: SortOrder) -> Callable[[Any], SearchAnswer]:
    def work(library: Any) -> SearchAnswer:
        ids = library.search_ids(query, filters, sort=sort)
        first = library.summaries(ids[:PAGE_SIZE], query=query)
        return SearchAnswer(
            query, filters, ids, first, _sidebar_counts(library, query, filters), library.count()
        )

    return work


def _sidebar_counts(library: Any, query: str, filters: Filters) -> dict[str, dict[str, int]]:
    """Facet counts for the sidebar: each facet counted under the query and the *other* facets' filters.

    Values within a facet combine with OR, so a facet with a ticked value must keep listing its other
    values (with what each would add) for the user to tick more of them.
    """
    counts = library.facets(query, filters)
    for facet in FACETS:  # the Filters field of each facet has the facet's name
        if getattr(filters, facet):
            counts[facet] = library.facets(query, dataclasses.replace(filters, **{facet: []})).get(facet, {})
    return counts


class MainWindow(QMainWindow):
    """The whole app window for one open library."""

    results_shown = Signal()  # a search answer (or its error) is on screen
    article_shown = Signal(int)
    original_shown = Signal(int)
    article_saved = Signal(int)
    library_changed = Signal()  # articles were imported, edited or removed

    def __init__(
        self,
        library: Any,
        settings: Settings,
        *,
        citer_factory: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.runner = LibraryRunner(library)
        self.read_only = bool(library.read_only)
        self.library_count = 0
        self.result_count = 0
        self.search_count = 0  # answers shown so far (tests and the self-check wait on it)
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
        self.importer = ImportController(self.runner, self)
        self.engine_advice = EngineAdvisor(
            self.runner, self.notice_bar, self.show_status, self.run_search, self
        )
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(WARM_DELAY_MS)
        self._warm_timer.timeout.connect(lambda: self.citations.warm(self.current_style()))
        self._import_refresh = QTimer(self)  # new articles appear in the list while an import runs
        self._import_refresh.setInterval(IMPORT_REFRESH_MS)
        self._import_refresh.timeout.connect(self.run_search)
        self.actions_by_name = build_actions(self)
        self.theme_group = build_theme_group(self)
        build_menus_and_toolbar(self, self.actions_by_name, self.theme_group)
        self._connect()
        self._restore_settings()
        self._show_startup_notices()
        self.run_search()  # the citation styles load after its answer, so they never delay the list

    # -- building ------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search_bar = SearchBar(self)
        self.notice_bar = NoticeBar(self)
        self.chip_bar = ChipBar(self)
        self.facets = FacetSidebar(self)
        self.model = ArticleModel(self._fetch_page, self)
        self.article_pane = ArticlePane(self.model, self)
        self.list_view = self.article_pane.view
        self.reader_pane = ReaderPane(self.runner, self.settings, self)
        self.tabs = self.reader_pane
        self.reader = self.reader_pane.reader
        self.find_bar = self.reader_pane.find_bar
        self.repairs = self.reader_pane.repairs
        self.original = self.reader_pane.original

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(self.article_pane)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([230, 420, 650])
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
        self.style_box = QComboBox(self)
        self.style_box.setObjectName("styleBox")
        self.style_box.setAccessibleName("Citation style")
        self.style_box.setToolTip("Citation style for Copy Citation and Copy Bibliography Entry")
        self.style_box.setMinimumContentsLength(18)
        self.style_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def _connect(self) -> None:
        self.search_bar.query_changed.connect(lambda _q: self.run_search())
        self.search_bar.leave_requested.connect(self._focus_results)
        self.facets.filters_changed.connect(self._on_filters_changed)
        self.chip_bar.chip_removed.connect(lambda facet, value: self.facets.toggle_value(facet, value, False))
        self.chip_bar.clear_requested.connect(self.facets.clear_filters)
        self.article_pane.sort_changed.connect(self._on_sort_changed)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.context_menu_requested.connect(self._show_list_menu)
        self.list_view.activated.connect(lambda _i: self.reader.setFocus())
        self.reader.filter_requested.connect(
            lambda facet, value: self.facets.toggle_value(facet, value, True)
        )
        self.reader.copy_with_citation_requested.connect(self._copy_passage_text)
        self.reader_pane.article_shown.connect(self.article_shown)
        self.reader_pane.original_shown.connect(self.original_shown)
        self.citations.copied.connect(self._on_copied)
        self.citations.failed.connect(lambda message: self.show_status(f"Could not copy: {message}"))
        self.citations.styles_failed.connect(
            lambda message: self.show_status(f"Citation styles are not available: {message}")
        )
        self.citations.styles_loaded.connect(self._fill_styles)
        self.citations.exported.connect(lambda path, n: self.show_status(f"Exported {n} articles to {path}"))
        self.style_box.currentIndexChanged.connect(self._on_style_changed)
        self.importer.finished.connect(self._on_import_finished)
        self.importer.failed.connect(self._on_import_failed)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(lambda _scheme: self._apply_theme())

    # -- settings ------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        if (geometry := s.geometry()) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 840)
        if (state := s.splitter_state("main")) is not None:
            self.splitter.restoreState(state)
        self.reader.font_size = s.font_size()
        for action in self.theme_group.actions():
            action.setChecked(action.data() == s.theme())
        self._apply_theme()
        try:
            self.article_pane.blockSignals(True)
            self.article_pane.set_sort_order(SortOrder(s.sort_order()))
        except ValueError:
            pass
        finally:
            self.article_pane.blockSignals(False)
        self.style_box.addItem(s.citation_style(), s.citation_style())
        self.facets.set_filters(s.last_filters(), notify=False)
        self.chip_bar.set_filters(self.facets.filters())

    def save_settings(self) -> None:
        s = self.settings
        s.set_geometry(self.saveGeometry())
        s.set_splitter_state("main", self.splitter.saveState())
        s.set_font_size(self.reader.font_size)
        s.set_last_filters(self.facets.filters())
        s.set_sort_order(self.article_pane.sort_order().value)
        self.reader_pane.remember_position()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, timeout_ms: int = 15_000) -> None:
        """Stop background work before the library closes: cancel an import, let running jobs finish."""
        self.importer.cancel()
        self._warm_timer.stop()
        self._import_refresh.stop()
        self.runner.forget_pending()
        for pool in (self.importer.pool, self.citations.pool, QThreadPool.globalInstance()):
            pool.waitForDone(timeout_ms)

    # -- notices -------------------------------------------------------------------------------------
    def _show_startup_notices(self) -> None:
        for i, notice in enumerate(self.library.notices):
            self.notice_bar.show_notice(f"library-{i}", notice)
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
            self._offer_first_import()

    def _offer_first_import(self) -> None:
        buttons: list[tuple[str, Callable[[], None]]] = []
        corpus = sample_corpus()
        if corpus is not None:
            buttons.append(("Import the Sample Articles", lambda: self.import_paths([corpus])))
        buttons += [
            ("Import Files…", self.choose_files_to_import),
            ("Import Folder…", self.choose_folder_to_import),
        ]
        notice = self.notice_bar.show_notice(
            "welcome",
            "Your library is empty. Import your saved pages (.html, .mhtml, .txt, or whole folders — you can "
            "also drop them on this window)"
            + (", or start with the bundled sample articles." if corpus else "."),
            buttons,
        )
        notice.dismissed.connect(lambda: self.settings.dismiss_sample_offer(self.library.folder))

    # -- searching -----------------------------------------------------------------------------------
    def run_search(self) -> None:
        query = self.search_bar.query()
        self.runner.call_latest(
            _run_search(query, self.facets.filters(), self.article_pane.sort_order()),
            self._show_results,
            lambda error: self._show_search_error(query, error),
        )

    def _on_filters_changed(self, filters: Filters) -> None:
        self.chip_bar.set_filters(filters)
        self.settings.set_last_filters(filters)
        self.run_search()

    def _on_sort_changed(self, order: SortOrder) -> None:
        self.settings.set_sort_order(order.value)
        self.run_search()

    def _show_results(self, answer: SearchAnswer) -> None:
        keep = self.current_id
        self.list_view.set_snippet_rows(bool(answer.query))
        self.model.set_results(answer.ids, answer.query, answer.first_page)
        self.facets.set_counts(answer.facets)
        self.library_count = answer.library_count
        self.result_count = len(answer.ids)
        self._update_counts()
        if not answer.ids:
            self.article_pane.show_message(self._empty_message(answer))
        else:
            self.article_pane.show_message("")
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self._select_row(row, open_article=False)
            self.reader_pane.refresh_highlights(answer.query)
        self._answer_shown()

    def _answer_shown(self) -> None:
        self.search_count += 1
        if self.search_count == 1:
            self.citations.load_styles()
        self.results_shown.emit()

    def _empty_message(self, answer: SearchAnswer) -> str:
        if answer.library_count == 0:
            return "Your library is empty. Import saved pages with File → Import (Ctrl+O) or drop them here."
        hints = []
        if answer.query:
            hints.append("use fewer or shorter words, or OR between alternatives")
        if not answer.filters.is_empty():
            hints.append("clear the filters (Ctrl+Shift+X)")
        shown = f"“{answer.query}”" if answer.query else "these filters"
        return f"No articles match {shown}. To widen the search, " + " or ".join(hints) + "."

    def _show_search_error(self, query: str, error: BaseException) -> None:
        if isinstance(error, QueryError):
            message = str(error)  # it names the query, the column and the problem
            self.article_pane.show_message(message[:1].upper() + message[1:] + ".", error=True)
        else:
            self.article_pane.show_message(f"The search failed: {error}", error=True)
        self._answer_shown()

    def _update_counts(self) -> None:
        noun = "article" if self.library_count == 1 else "articles"
        shown = f" · {self.result_count:,} shown" if self.result_count != self.library_count else ""
        self.count_label.setText(f"{self.library_count:,} {noun} in the library{shown}")

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
        rows = sorted(index.row() for index in self.list_view.selectionModel().selectedRows())
        ids = [i for i in (self.model.id_at(r) for r in rows) if i is not None]
        if not ids and self.current_id is not None:
            ids = [self.current_id]
        return ids

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.id_at(current.row()) if current.isValid() else None
        if article_id is not None and article_id != self.current_id:
            self.open_article(article_id)

    def _show_list_menu(self, position: Any) -> None:
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
        return str(self.style_box.currentData() or self.settings.citation_style())

    def _fill_styles(self, styles: list[Any]) -> None:
        wanted = self.settings.citation_style()
        self.style_box.blockSignals(True)
        self.style_box.clear()
        for info in sorted(styles, key=lambda s: s.title.casefold()):
            label = info.title + (f" ({info.alias})" if info.alias else "")
            self.style_box.addItem(label, info.id)
            if wanted in (info.id, info.alias):
                self.style_box.setCurrentIndex(self.style_box.count() - 1)
        self.style_box.blockSignals(False)
        # Building a style's engine costs a couple of seconds of CPU: do it once the window has settled.
        self._warm_timer.start()

    def _on_style_changed(self, _index: int) -> None:
        style = self.current_style()
        self.settings.set_citation_style(style)
        self.citations.warm(style)

    def copy_bibliography(self) -> None:
        if ids := self._ids_or_hint():
            self.citations.copy_bibliography(ids, self.current_style())

    def copy_citation(self) -> None:
        if ids := self._ids_or_hint():
            self.citations.copy_citation(ids, self.current_style())

    def copy_passage(self) -> None:
        passage = self.reader.selected_passage()
        if not passage or self.current_id is None:
            self.show_status("Select a passage in the article first, then Copy with Citation.")
            return
        self._copy_passage_text(passage)

    def _copy_passage_text(self, passage: str) -> None:
        if self.current_id is not None:
            self.citations.copy_passage(passage, self.current_id, self.current_style())

    def _on_copied(self, copied: Copied) -> None:
        what = {
            "bibliography": "bibliography entry",
            "citation": "citation",
            "passage": "passage with citation",
        }
        plural = "ies" if copied.kind == "bibliography" and copied.count > 1 else ""
        noun = what[copied.kind][:-1] + plural if plural else what[copied.kind]
        self.show_status(
            f"Copied {noun}{'' if copied.count == 1 else f' for {copied.count} articles'}: {copied.text[:90]}"
        )

    def export_selected(self) -> None:
        ids = self._ids_or_hint()
        if not ids:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, f"Export {len(ids)} Articles", "offprint-export.bib", ";;".join(EXPORT_FORMATS)
        )
        if not path:
            return
        function_name, extension = EXPORT_FORMATS.get(chosen, ("to_bibtex", ".bib"))
        if not Path(path).suffix:
            path += extension
        self.citations.export(ids, path, function_name)

    def _ids_or_hint(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            self.show_status("Select one or more articles first.")
        return ids

    # -- editing -------------------------------------------------------------------------------------
    def edit_metadata(self) -> None:
        ids = self.selected_ids()
        if len(ids) > 1:
            self.bulk_edit()
            return
        if not ids or self.read_only:
            return
        self.runner.call(lambda library: library.get(ids[0]), self._open_editor, self._edit_failed)

    def _open_editor(self, article: StoredArticle) -> None:
        dialog = MetadataDialog(article, self)
        dialog.accepted.connect(lambda: self.save_edits(article.id, dialog.changed_fields()))
        self.editor = dialog
        dialog.open()

    def save_edits(self, article_id: int, changes: dict[str, Any]) -> None:
        if not changes:
            return
        self.runner.call(
            lambda library: library.update(article_id, **changes),
            lambda article: self._after_edit([article_id], article),
            self._edit_failed,
        )

    def bulk_edit(self) -> None:
        ids = self.selected_ids()
        if not ids or self.read_only:
            return
        dialog = BulkTagsDialog(len(ids), self)

        def apply(library: Any) -> int:
            changed = 0
            for article_id in ids:
                changes = dialog.apply_to(library.get(article_id))
                if changes:
                    library.update(article_id, **changes)
                    changed += 1
            return changed

        dialog.accepted.connect(
            lambda: self.runner.call(apply, lambda n: self._after_edit(ids, None, n), self._edit_failed)
        )
        self.editor = dialog
        dialog.open()

    def _after_edit(self, ids: list[int], article: StoredArticle | None, count: int = 1) -> None:
        self.show_status(f"Saved changes to {count} article{'s' if count != 1 else ''}.")
        if article is not None and article.id == self.current_id:
            self.reader_pane.show_edited(article)
        elif self.current_id in ids:
            self.open_article(self.current_id)  # type: ignore[arg-type]
        self.model.refresh_rows()
        self.run_search()
        for article_id in ids:
            self.article_saved.emit(article_id)
        self.library_changed.emit()

    def _edit_failed(self, error: BaseException) -> None:
        self.show_error("Edit", f"The change was not saved: {error}")

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.read_only:
            return
        answer = QMessageBox.question(
            self,
            "Remove Articles",
            f"Remove {len(ids)} article{'s' if len(ids) != 1 else ''} from the library? "
            "The saved files you imported from are not touched.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.runner.call(lambda library: library.remove(ids), self._after_remove, self._edit_failed)

    def _after_remove(self, removed: int) -> None:
        self.show_status(f"Removed {removed} article{'s' if removed != 1 else ''}.")
        self.reader_pane.clear()
        self.run_search()
        self.library_changed.emit()

    def show_original_file(self) -> None:
        article = self.current_article
        if article is None:
            self.show_status("Open an article first.")
            return
        source = Path(article.source_path)
        if source.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(source.parent)))
            self.show_status(f"Opened the folder of {source}")
        else:
            self.show_status(
                f"{source} is no longer there; View → View Original (Ctrl+U) shows the copy the "
                "library keeps."
            )
            self.reader_pane.setCurrentIndex(TAB_ORIGINAL)

    # -- importing -----------------------------------------------------------------------------------
    def choose_files_to_import(self) -> None:
        if self.read_only:
            return
        files, _ = QFileDialog.getOpenFileNames(self, "Import Saved Pages", str(Path.home()), IMPORT_FILTER)
        if files:
            self.import_paths(files)

    def choose_folder_to_import(self) -> None:
        if self.read_only:
            return
        folder = QFileDialog.getExistingDirectory(self, "Import a Folder of Saved Pages", str(Path.home()))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        if self.read_only:
            self.show_status("This library is open read-only: nothing can be imported.")
            return False
        if self.importer.running:
            self.show_status("An import is already running.")
            return False
        self.notice_bar.remove_notice("welcome")
        started = self.importer.start(paths)
        if started:
            self._import_refresh.start()
            self.show_status(f"Importing {', '.join(Path(p).name for p in paths)[:120]}…")
        return started

    def _on_import_finished(self, results: list[Any], cancelled: bool) -> None:
        self._import_refresh.stop()
        done = sum(1 for r in results if r.status in ("imported", "updated"))
        failed = sum(1 for r in results if r.status == "failed")
        self.show_status(
            ("Import cancelled: " if cancelled else "Import finished: ")
            + f"{done} added or updated, {failed} failed."
        )
        self.model.refresh_rows()
        self.run_search()
        self.library_changed.emit()
        self.engine_advice.check()

    def _on_import_failed(self, message: str) -> None:
        self._import_refresh.stop()
        self.show_error("Import", message)
        self.run_search()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.read_only and _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self.read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls())
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

    def show_about(self) -> None:
        from reader import __version__

        QMessageBox.about(
            self,
            "About Offprint",
            f"<h3>Offprint {__version__}</h3><p>A reader for your offline corpus of saved web articles: "
            "it repairs, extracts, searches and cites — and never touches the network.</p>"
            "<p>Licensed under the GNU AGPL, version 3 or later.</p>"
            f"<p>Library: {self.library.folder}</p>",
        )

    def _style_dirs(self) -> list[Path]:
        try:
            return [self.library.styles_folder()]
        except OSError:
            return []


def _local_paths(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and url.toLocalFile()]
