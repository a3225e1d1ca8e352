"""Annotate → All Annotations (Ctrl+Shift+L): every highlight in the library, and the notes on no article.

Highlights are listed as cards with their article's title, filtered by colour, tag, collection and
words of the quote or comment.  Ctrl+Alt+C (as Copy with Citation everywhere) copies the chosen
highlight's quote with its citation in the current style; Ctrl+C its quote alone; Enter or a double
click opens its article at the highlight.  The Notes tab lists the notes that belong to no article (a
note made from a collection's or a saved search's highlights).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.library import Annotation, Note

from .annotation_list import AnnotationList
from .annotations_panel import notes_summary
from .error_report import log_failure
from .highlights import HIGHLIGHT_COLOURS, swatch_icon
from .shortcuts import key_sequences

if TYPE_CHECKING:
    from reader.library import Library

    from .annotation_flows import AnnotationFlows
    from .collection_flows import CollectionFlows
    from .main_window import MainWindow
    from .note_flows import NoteFlows

logger = logging.getLogger(__name__)
NoteRole = Qt.ItemDataRole.UserRole + 1

Listing = tuple[list[Annotation], dict[int, str], list[Note]]


class AnnotationsWindow(QWidget):
    """See the module docstring."""

    def __init__(
        self,
        window: MainWindow,
        annotations: AnnotationFlows,
        notes: NoteFlows,
        collections: CollectionFlows,
        open_annotation: Callable[[Annotation], None],
    ) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.window_ = window
        self.annotations = annotations
        self.notes_flows = notes
        self.collection_flows = collections
        self.open_annotation = open_annotation
        self.setObjectName("annotationsWindow")
        self.setWindowTitle("All Annotations")
        self.all: list[Annotation] = []
        self.titles: dict[int, str] = {}
        self.loads = 0  # answers shown (tests wait on it)
        self.colour = QComboBox(self)
        self.colour.setAccessibleName("Colour")
        self.colour.addItem("Every colour", None)
        for colour in HIGHLIGHT_COLOURS:
            self.colour.addItem(swatch_icon(colour.name), colour.label, colour.name)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName("Tag")
        self.collection = QComboBox(self)
        self.collection.setAccessibleName("Collection")
        self.words = QLineEdit(self)
        self.words.setPlaceholderText("Words in the quote or the comment")
        self.words.setClearButtonEnabled(True)
        self.list = AnnotationList(self)
        self.list.setObjectName("allAnnotations")
        self.list.setAccessibleName("Every highlight")
        self.count = QLabel(self)
        copy = QPushButton("Copy with Citation", self)
        copy.setToolTip("The chosen highlight's quote with its citation (Ctrl+Alt+C)")
        show = QPushButton("Show in Article", self)
        copy.clicked.connect(self.copy_with_citation)
        show.clicked.connect(self.show_in_article)
        self.notes = QListWidget(self)
        self.notes.setObjectName("looseNotes")
        self.notes.setAccessibleName("Notes on no article")
        self.notes.itemActivated.connect(self._open_note)
        self.notes.itemDoubleClicked.connect(self._open_note)

        filters = QHBoxLayout()
        for label, widget in (("Colour:", self.colour), ("Tag:", self.tag), ("Collection:", self.collection)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.words, 1)
        highlights = QWidget(self)
        box = QVBoxLayout(highlights)
        box.addLayout(filters)
        box.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(show)
        buttons.addWidget(copy)
        box.addLayout(buttons)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(highlights, "Highlights")
        self.tabs.addTab(self.notes, "Notes")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        for combo in (self.colour, self.collection):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.tag.currentIndexChanged.connect(lambda _i: self._show())
        self.words.textChanged.connect(lambda _t: self._show())
        self.list.activated_annotation.connect(lambda _id: self.show_in_article())
        for keys in key_sequences("copy_passage"):
            QShortcut(keys, self, self.copy_with_citation)
        QShortcut(QKeySequence.StandardKey.Copy, self.list, self.copy_quote)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        self.resize(760, 620)

    # -- content -------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._fill_collections()
        colour, collection = self.colour.currentData(), self.collection.currentData()

        def work(library: Library) -> Listing:
            found = library.annotations(colour=colour, collection=collection)
            ids = list(dict.fromkeys(a.article_id for a in found))
            titles = {hit.id: hit.title for hit in library.summaries(ids)}
            return found, titles, library.notes(None)

        self.window_.runner.call(
            work, self._loaded, lambda error: log_failure(logger, "the annotations were not listed", error)
        )

    def _loaded(self, answer: Listing) -> None:
        self.all, self.titles, notes = answer
        self._fill_tags()
        self._show()
        self.notes.clear()
        for note in notes:
            item = QListWidgetItem(notes_summary(note), self.notes)
            item.setData(NoteRole, note)
        self.tabs.setTabText(1, f"Notes ({len(notes)})")
        self.loads += 1

    def _show(self) -> None:
        tag = self.tag.currentData()
        words = self.words.text().casefold().split()
        shown = [
            a
            for a in self.all
            if (tag is None or tag in a.tags) and all(w in f"{a.quote} {a.comment}".casefold() for w in words)
        ]
        self.list.show_annotations(shown, titles=self.titles)
        self.count.setText(
            f"{len(shown):,} of {len(self.all):,} highlights"
            if len(shown) != len(self.all)
            else f"{len(shown):,} highlights"
        )
        self.tabs.setTabText(0, f"Highlights ({len(self.all)})")

    def _fill_tags(self) -> None:
        current = self.tag.currentData()
        tags = sorted({t for a in self.all for t in a.tags}, key=str.casefold)
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("Any tag", None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)

    def _fill_collections(self) -> None:
        current = self.collection.currentData()
        known = self.collection_flows.collections
        self.collection.blockSignals(True)
        self.collection.clear()
        self.collection.addItem("Any collection", None)

        def add(collection_id: int, depth: int) -> None:
            found = known[collection_id]
            self.collection.addItem("    " * depth + found.name, found.id)
            for child in found.children:
                add(child.id, depth + 1)

        for top in sorted((c for c in known.values() if c.parent is None), key=lambda c: c.name.casefold()):
            add(top.id, 0)
        self.collection.setCurrentIndex(max(0, self.collection.findData(current)))
        self.collection.blockSignals(False)

    # -- actions ---------------------------------------------------------------------------------------
    def chosen(self) -> Annotation | None:
        annotation_id = self.list.current_id()
        return next((a for a in self.all if a.id == annotation_id), None)

    def copy_with_citation(self) -> None:
        annotation = self.chosen()
        if annotation is None:
            self.window_.show_status("Choose a highlight in the list first.")
            return
        self.annotations.copy_with_citation(annotation.id)

    def copy_quote(self) -> None:
        chosen = self.list.selected_annotations() or ([a] if (a := self.chosen()) else [])
        if chosen:
            QApplication.clipboard().setText("\n\n".join(a.quote for a in chosen))

    def show_in_article(self) -> None:
        annotation = self.chosen()
        if annotation is not None:
            self.open_annotation(annotation)

    def _open_note(self, item: QListWidgetItem) -> None:
        note = item.data(NoteRole)
        if note is not None:
            self.notes_flows.open_note(note.id)
