"""The right-hand pane: the open article (with its find bar and its annotations sidebar), its Repairs &
Sources report and its original saved source, as tabs.  It loads what it shows off the GUI thread (the
article with its highlights and notes in one call) and remembers, per article, how far the user had
read."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QTabWidget, QVBoxLayout, QWidget

from reader.library import Annotation, Note, StoredArticle

from .annotating_reader import AnnotatingReader
from .annotations_panel import AnnotationsPanel
from .error_report import log_failure, quiet_failure
from .find_bar import FindBar
from .reader_view import words_to_highlight
from .repairs_panel import RepairsPanel
from .settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings
from .themes import Theme
from .workers import LibraryRunner

if TYPE_CHECKING:
    from reader.library import Library

TAB_ARTICLE, TAB_REPAIRS, TAB_ORIGINAL = 0, 1, 2
logger = logging.getLogger(__name__)

MAX_ORIGINAL_SHOWN = 4_000_000  # characters; a bigger source is cut with a note


@dataclass
class OpenedArticle:
    article: StoredArticle
    words: list[str]  # texts to mark as search hits
    resources: dict[str, bytes] | None  # the page's own images; None: keep the ones already loaded
    annotations: list[Annotation] = field(default_factory=list)  # its highlights, in reading order
    notes: list[Note] = field(default_factory=list)


def decode_original(data: bytes) -> str:
    """The saved bytes as text, decoded the way ingest decodes them (damage and all: it is the original)."""
    try:
        from reader.ingest import decode_bytes
    except ImportError:
        return data.decode("utf-8", errors="replace")
    return decode_bytes(data).text


class ReaderPane(QTabWidget):
    """Article | Repairs & Sources | Original, for the article the list has selected."""

    article_shown = Signal(int)
    original_shown = Signal(int)

    def __init__(self, runner: LibraryRunner, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.library_folder = Path(runner.library.folder)
        self.current_id: int | None = None
        self.current_article: StoredArticle | None = None
        self.highlight_query = ""  # the query whose words the reader currently marks
        self._original_loaded_for: int | None = None

        self.reader = AnnotatingReader(self)
        self.find_bar = FindBar(self.reader, self)
        self.annotations_panel = AnnotationsPanel(self)
        self.annotations_panel.set_read_only(bool(runner.library.read_only))
        self.repairs = RepairsPanel(self)
        self.original = QPlainTextEdit(self)
        self.original.setObjectName("originalView")
        self.original.setReadOnly(True)
        self.original.setAccessibleName("Original saved source")
        self.original.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.original.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        reading = QWidget(self)
        layout = QVBoxLayout(reading)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.reader, 1)
        layout.addWidget(self.find_bar)
        self.article_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.article_splitter.setObjectName("articleSplitter")
        self.article_splitter.addWidget(reading)
        self.article_splitter.addWidget(self.annotations_panel)
        self.article_splitter.setStretchFactor(0, 3)
        self.article_splitter.setStretchFactor(1, 1)
        self.article_splitter.setSizes([560, 240])
        self.article_splitter.setChildrenCollapsible(False)
        self.setObjectName("readerTabs")
        self.setDocumentMode(True)
        self.addTab(self.article_splitter, "Article")
        self.addTab(self.repairs, "Repairs && Sources")
        self.addTab(self.original, "Original")
        self.currentChanged.connect(self._on_tab_changed)

    # -- opening -------------------------------------------------------------------------------------
    def open_article(self, article_id: int, query: str) -> None:
        """Load the article, its images and the hits of ``query`` off the GUI thread, then show it."""
        self.remember_position()
        self.current_id = article_id

        def work(library: Library) -> OpenedArticle:
            article = library.get(article_id)
            matches = library.matches(article_id, query) if query else []
            # The page's own images are read here, off the GUI thread: the reader never waits on the library.
            resources = {
                name: data for name in article.resources if (data := library.resource(article_id, name))
            }
            words = words_to_highlight(article.text, matches)
            return OpenedArticle(
                article, words, resources, library.annotations(article_id), library.notes(article_id)
            )

        self.runner.call_latest(
            work, lambda answer: self.show_opened(answer, query), self._failed, channel="article"
        )

    def show_opened(self, answer: OpenedArticle, query: str) -> None:
        article = answer.article
        self.current_id = article.id
        self.current_article = article
        self.highlight_query = query
        self.reader.show_article(article, answer.words, answer.resources)
        self.reader.set_annotations(answer.annotations)
        self.annotations_panel.show_article_annotations(answer.annotations, answer.notes)
        self.repairs.show_article(article)
        self._original_loaded_for = None
        if self.currentIndex() == TAB_ORIGINAL:
            self.load_original()
        self.find_bar.refresh()
        position = self.settings.reading_position(self.library_folder, article.id)
        if position > 0:
            QTimer.singleShot(0, self, lambda: self.reader.restore_fraction(position))
        self.article_shown.emit(article.id)

    def show_edited(self, article: StoredArticle) -> None:
        """The open article changed in the store (an edit): show the new version, same highlights."""
        notes = self.annotations_panel.notes_shown()
        opened = OpenedArticle(
            article, list(self.reader.hit_words), None, list(self.reader.annotations), notes
        )
        self.show_opened(opened, self.highlight_query)

    def close_article(self, message: str | None = None) -> None:
        """No article open any more (it was removed, or the results no longer show it); the tabs stay."""
        self.remember_position()
        self.current_id = None
        self.current_article = None
        self.runner.call_latest(
            lambda _library: None, lambda _none: None, channel="article"
        )  # drop a late open
        self.reader.show_placeholder(message) if message else self.reader.show_placeholder()
        self.annotations_panel.show_article_annotations([], [], open_article=False)
        self.repairs.show_article(None)
        self.original.clear()
        self._original_loaded_for = None

    def refresh_highlights(self, query: str) -> None:
        """Mark the hits of a new query in the article already open."""
        article_id = self.current_id
        if article_id is None or self.current_article is None or query == self.highlight_query:
            return
        text = self.current_article.text
        self.highlight_query = query

        def work(library: Library) -> list[str]:
            return words_to_highlight(text, library.matches(article_id, query)) if query else []

        def show(words: list[str]) -> None:
            if self.current_id == article_id:
                self.reader.set_query_hits(words)

        self.runner.call_latest(
            work, show, quiet_failure(logger, f"marking the hits of {query!r}"), channel="highlight"
        )

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "an article could not be opened", error)
        self.current_article = None
        self.reader.show_placeholder(f"This article cannot be shown: {error}")
        self.annotations_panel.show_article_annotations([], [], open_article=False)
        self.repairs.show_article(None)

    def remember_position(self) -> None:
        if self.current_article is not None and self.reader.article is not None:
            self.settings.set_reading_position(
                self.library_folder, self.current_article.id, self.reader.scroll_fraction()
            )

    def show_original_file(self, status: Callable[[str], None]) -> None:
        """Open the folder of the file the open article was imported from (or its kept copy)."""
        article = self.current_article
        if article is None:
            status("Open an article first.")
            return
        source = Path(article.source_path)
        if source.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(source.parent)))
            status(f"Opened the folder of {source}")
        else:
            status(
                f"{source} is no longer there; View → View Original (Ctrl+U) shows the copy the "
                "library keeps."
            )
            self.setCurrentIndex(TAB_ORIGINAL)

    # -- the original ------------------------------------------------------------------------------
    def _on_tab_changed(self, index: int) -> None:
        if index == TAB_ORIGINAL:
            self.load_original()

    def load_original(self) -> None:
        article_id = self.current_id
        if article_id is None:
            self.original.setPlainText("Select an article to see the file it was imported from.")
            return
        if self._original_loaded_for == article_id:
            return
        self._original_loaded_for = article_id

        def work(library: Library) -> str:
            text = decode_original(library.original_bytes(article_id))
            if len(text) > MAX_ORIGINAL_SHOWN:
                text = text[:MAX_ORIGINAL_SHOWN] + "\n\n[… the rest of this large file is not shown …]"
            return text

        def show(text: str) -> None:
            if self.current_id == article_id:
                self.original.setPlainText(text)
                self.original_shown.emit(article_id)

        def fail(error: BaseException) -> None:
            log_failure(logger, f"the original of article {article_id} could not be shown", error)
            self.original.setPlainText(f"The original file cannot be shown: {error}")

        self.runner.call_latest(work, show, fail, channel="original")

    # -- reading comfort ---------------------------------------------------------------------------
    def toggle_annotations(self) -> None:
        """Ctrl+Shift+H: the annotations sidebar shown or hidden (the reader takes its room)."""
        self.setCurrentIndex(TAB_ARTICLE)
        self.annotations_panel.setVisible(not self.annotations_panel.isVisible())

    def open_find(self) -> None:
        self.setCurrentIndex(TAB_ARTICLE)
        self.find_bar.open_bar()

    def change_font_size(self, step: int) -> None:
        """One point bigger (+1) or smaller (-1), or back to the default (0); remembered."""
        size = DEFAULT_FONT_SIZE if step == 0 else self.reader.font_size + step
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        self.reader.set_font_size(size)
        self.settings.set_font_size(size)
        self.find_bar.refresh()

    def set_theme(self, theme: Theme) -> None:
        self.reader.set_theme(theme)
        self.find_bar.refresh()
