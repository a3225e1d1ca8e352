"""The annotations sidebar beside the reader: the open article's highlights, then its notes.

Highlights come in reading order, each a card (colour, quote, comment); a click jumps to it in the
reader.  Highlights whose passage is no longer in the text (a newer save or a better extraction changed
it) are listed apart under a notice, never dropped.  Below them the article's Markdown notes, with New
Note and Note from Annotations.  Ctrl+Shift+H shows or hides the sidebar.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.library import Annotation, Note

from .annotation_list import AnnotationList, AnnotationRole
from .highlights import HIGHLIGHT_COLOURS, swatch_icon

NoteRole = Qt.ItemDataRole.UserRole + 1
ORPHAN_NOTICE = (
    "Not found in the text now — a newer save or an edit changed these passages. They are kept with "
    "their comments: copy them, or highlight the passage again and delete these."
)
EMPTY_HINT = "No highlights yet. Select text in the article and choose a colour (Ctrl+Alt+1 … 5)."


def notes_summary(note: Note) -> str:
    title = note.title or "(empty note)"
    return f"{title}\n{note.modified[:10]}" if note.modified else title


class AnnotationsPanel(QWidget):
    """See the module docstring.  Requests come out as signals; the window's flows answer them."""

    annotation_chosen = Signal(int)  # jump to it
    comment_requested = Signal(int)
    recolour_requested = Signal(int, str)
    copy_requested = Signal(int)
    delete_requested = Signal(int)
    note_opened = Signal(int)
    note_delete_requested = Signal(int)
    new_note_requested = Signal()
    note_from_annotations_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.setAccessibleName("Annotations")
        self.read_only = False
        self.open_article = False
        self.heading = QLabel("<b>Annotations</b>", self)
        self.empty = QLabel(EMPTY_HINT, self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.list = AnnotationList(self)
        self.list.setObjectName("annotationList")
        self.list.setAccessibleName("Highlights in this article")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._annotation_menu)
        self.list.chosen.connect(self.annotation_chosen)
        self.list.activated_annotation.connect(self.comment_requested)
        self.list.delete_pressed.connect(self.delete_requested)

        self.notes_heading = QLabel("<b>Notes</b>", self)
        self.notes = QListWidget(self)
        self.notes.setObjectName("noteList")
        self.notes.setAccessibleName("Notes on this article")
        self.notes.setWordWrap(True)
        self.notes.itemActivated.connect(self._open_note)
        self.notes.itemDoubleClicked.connect(self._open_note)
        self.notes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.notes.customContextMenuRequested.connect(self._note_menu)
        self.new_note = QPushButton("New Note", self)
        self.new_note.setToolTip("A Markdown note on this article (Ctrl+Alt+N)")
        self.from_annotations = QPushButton("Note from Annotations", self)
        self.from_annotations.setToolTip(
            "A note with every highlight of this article quoted and cited in the current style, with its "
            "comment, and the bibliography entry"
        )
        self.new_note.clicked.connect(self.new_note_requested)
        self.from_annotations.clicked.connect(self.note_from_annotations_requested)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.empty, 1)
        top_layout.addWidget(self.list, 1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(6, 0, 6, 6)
        bottom_layout.addWidget(self.notes_heading)
        bottom_layout.addWidget(self.notes, 1)
        bottom_layout.addWidget(self.new_note)
        bottom_layout.addWidget(self.from_annotations)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 160])
        self.setMinimumWidth(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.show_article_annotations([], [], open_article=False)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.show_article_annotations(
            self.list.annotations(), self.notes_shown(), open_article=self.open_article
        )

    def show_article_annotations(
        self, annotations: Sequence[Annotation], notes: Sequence[Note], *, open_article: bool = True
    ) -> None:
        """The open article's highlights (reading order; the orphaned ones apart) and notes."""
        self.open_article = open_article
        self.show_annotations(annotations)
        self.show_notes(notes)
        self.new_note.setEnabled(open_article and not self.read_only)

    def show_annotations(self, annotations: Sequence[Annotation]) -> None:
        open_article = self.open_article
        placed = sum(1 for a in annotations if a.anchored)
        orphans = len(annotations) - placed
        count = f" ({len(annotations)})" if annotations else ""
        self.heading.setText(f"<b>Annotations{count}</b>")
        self.list.show_annotations(annotations, orphan_notice=f"{ORPHAN_NOTICE}" if orphans else None)
        self.empty.setText(EMPTY_HINT if open_article else "Open an article to see its highlights.")
        self.empty.setVisible(not annotations)
        self.list.setVisible(bool(annotations))
        self.from_annotations.setEnabled(open_article and placed + orphans > 0 and not self.read_only)

    def show_notes(self, notes: Sequence[Note]) -> None:
        self.notes.clear()
        for note in notes:
            item = QListWidgetItem(notes_summary(note), self.notes)
            item.setData(NoteRole, note)
            item.setToolTip(note.text[:500])
        self.notes_heading.setText(f"<b>Notes{f' ({len(notes)})' if notes else ''}</b>")

    def notes_shown(self) -> list[Note]:
        return [self.notes.item(row).data(NoteRole) for row in range(self.notes.count())]

    def choose(self, annotation_id: int | None) -> None:
        """Mark the highlight chosen in the reader (no signal back)."""
        self.list.blockSignals(True)
        if annotation_id is None:
            self.list.clearSelection()
        else:
            self.list.set_current_id(annotation_id)
        self.list.blockSignals(False)

    def _open_note(self, item: QListWidgetItem) -> None:
        note = item.data(NoteRole)
        if note is not None:
            self.note_opened.emit(note.id)

    def _annotation_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        annotation = item.data(AnnotationRole) if item is not None else None
        if annotation is None:
            return
        menu = annotation_menu(self, annotation, read_only=self.read_only)
        menu.exec(self.list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _note_menu(self, position: QPoint) -> None:
        item = self.notes.itemAt(position)
        note = item.data(NoteRole) if item is not None else None
        if note is None:
            return
        menu = QMenu(self)
        menu.addAction("Open Note").triggered.connect(lambda: self.note_opened.emit(note.id))
        delete = menu.addAction("Delete Note")
        delete.setEnabled(not self.read_only)
        delete.triggered.connect(lambda: self.note_delete_requested.emit(note.id))
        menu.exec(self.notes.viewport().mapToGlobal(position))
        menu.deleteLater()


def annotation_menu(panel: AnnotationsPanel, annotation: Annotation, *, read_only: bool) -> QMenu:
    """Comment, colours, Copy with Citation, Delete: for one highlight (the sidebar's and the reader's)."""
    menu = QMenu(panel)
    comment = menu.addAction("Edit Comment…" if annotation.comment else "Add Comment…")
    comment.triggered.connect(lambda: panel.comment_requested.emit(annotation.id))
    colours = menu.addMenu("Colour")
    for colour in HIGHLIGHT_COLOURS:
        action = colours.addAction(swatch_icon(colour.name), colour.label)
        action.setCheckable(True)
        action.setChecked(colour.name == annotation.colour)
        action.triggered.connect(
            lambda _checked=False, name=colour.name: panel.recolour_requested.emit(annotation.id, name)
        )
    menu.addAction("Copy with Citation").triggered.connect(lambda: panel.copy_requested.emit(annotation.id))
    menu.addSeparator()
    delete = menu.addAction("Delete Highlight")
    delete.triggered.connect(lambda: panel.delete_requested.emit(annotation.id))
    for action in (comment, delete, colours.menuAction()):
        action.setEnabled(not read_only)
    return menu
