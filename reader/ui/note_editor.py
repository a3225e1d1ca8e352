"""A note's window: its Markdown on the left, the preview on the right (``QTextDocument.setMarkdown``).

The text is saved by itself a moment after typing stops, and again when the window closes, so a note
is never lost; the window says "Saved" or why it was not.  Its own Ctrl+Z undoes typing; once it closes,
the window's Edit → Undo takes the whole edit back ("Undo Edit Note").  The preview loads nothing:
no image, file or network address a note mentions is fetched, and a link opens in the browser only
when clicked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import Note

SAVE_AFTER_MS = 800  # after the last keystroke
PREVIEW_AFTER_MS = 150
EXTERNAL = frozenset({"http", "https", "mailto"})


class MarkdownPreview(QTextBrowser):
    """The rendered note; it fetches nothing (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePreview")
        self.setAccessibleName("Preview")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None

    @staticmethod
    def _open(url: QUrl) -> None:
        if url.scheme().lower() in EXTERNAL:
            QDesktopServices.openUrl(url)


class NoteEditor(QWidget):
    """One note, edited; ``save(note_id, text)`` is asked to store the text (the flows call the library
    off the GUI thread and answer with :meth:`mark_saved` or :meth:`mark_failed`)."""

    closed = Signal(object, str)  # the note as it was opened, the text at closing

    def __init__(
        self,
        note: Note,
        heading: str,
        save: Callable[[int, str], None],
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("noteEditor")
        self.opened_as = note
        self.note = note
        self.heading = heading
        self._save = save
        self._saved_text = note.text
        self._discarded = False
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteText")
        self.editor.setAccessibleName("Note (Markdown)")
        self.editor.setPlaceholderText(
            "Write in Markdown: # a heading, *italic*, **bold**, > a quote, - a list"
        )
        self.editor.setPlainText(note.text)
        self.editor.setReadOnly(read_only)
        self.preview = MarkdownPreview(self)
        self.status = QLabel("Read-only library: this note cannot be changed." if read_only else "", self)
        self.status.setAccessibleName("Save status")
        self.preview_button = QToolButton(self)
        self.preview_button.setText("Preview")
        self.preview_button.setCheckable(True)
        self.preview_button.setChecked(True)
        self.preview_button.setToolTip("Show or hide the preview (Ctrl+Shift+P)")
        self.preview_button.toggled.connect(self.preview.setVisible)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.preview_button.toggle)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_now)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        splitter.setSizes([500, 500])
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bar)
        self._save_timer = _timer(self, SAVE_AFTER_MS, self.save_now)
        self._preview_timer = _timer(self, PREVIEW_AFTER_MS, self.render_preview)
        self.editor.textChanged.connect(self._typed)
        self.render_preview()
        self._title()
        self.resize(900, 560)

    def text(self) -> str:
        return self.editor.toPlainText()

    def render_preview(self) -> None:
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setMarkdown(self.text())
        self.preview.verticalScrollBar().setValue(scroll)

    def _typed(self) -> None:
        self._preview_timer.start()
        if not self.editor.isReadOnly():
            self._save_timer.start()
            self.status.setText("Editing…")

    def save_now(self) -> None:
        """Store the text if it changed since the last save."""
        self._save_timer.stop()
        text = self.text()
        if text != self._saved_text and not self.editor.isReadOnly():
            self.status.setText("Saving…")
            self._save(self.note.id, text)

    def mark_saved(self, note: Note) -> None:
        self.note = note
        self._saved_text = note.text
        if self.text() == note.text:
            self.status.setText("Saved")
        self._title()

    def mark_failed(self, message: str) -> None:
        self.status.setText(f"Not saved: {message}. Your text stays here; try again with Ctrl+S.")

    def has_unsaved_text(self) -> bool:
        return self.text() != self._saved_text

    def _title(self) -> None:
        title = self.note.title or "New note"
        self.setWindowTitle(f"{title} — {self.heading}" if self.heading else title)

    def discard(self) -> None:
        """Close without saving: the note is no longer in the library (deleted, or its creation undone)."""
        self._discarded = True
        self._save_timer.stop()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._preview_timer.stop()
        if not self._discarded:
            self.save_now()
            self.closed.emit(self.opened_as, self.text())
        super().closeEvent(event)


def _timer(parent: QWidget, interval: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer
