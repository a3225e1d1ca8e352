"""Find in the open article (Ctrl+F): every occurrence marked, next/previous, and "3 of 12"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from .reader_view import ReaderView

MAX_FIND_MATCHES = 10_000


class FindBar(QWidget):
    """A slim bar under the reader: Enter next, Shift+Enter previous, Escape closes (F3 is the window's)."""

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.reader = reader
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setAccessibleName("Find in article")
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel("", self)
        self.count_label.setAccessibleName("Find result count")
        self.count_label.setMinimumWidth(90)
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter)")
        previous.setAccessibleName("Previous match")
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip("Next match (Enter)")
        following.setAccessibleName("Next match")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Escape)")
        close.setAccessibleName("Close find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        passage = self.reader.selected_passage()
        if passage and "\n" not in passage and len(passage) < 80:
            self.field.setText(passage)
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.reader.set_find_selections([], -1)
        self.reader.setFocus()

    def search(self, text: str) -> None:
        """Mark every occurrence of ``text`` (case-insensitive) and go to the first one."""
        self.matches = []
        doc = self.reader.document()
        if text:
            cursor = doc.find(text, 0)
            while not cursor.isNull() and len(self.matches) < MAX_FIND_MATCHES:
                self.matches.append(cursor)
                cursor = doc.find(text, cursor)
        self.current = 0 if self.matches else -1
        self._show_current()

    def refresh(self) -> None:
        """The article changed under the bar: search it again."""
        if self.isVisible():
            self.search(self.field.text())

    def next(self) -> None:
        if self.matches:
            self.current = (self.current + 1) % len(self.matches)
            self._show_current()

    def previous(self) -> None:
        if self.matches:
            self.current = (self.current - 1) % len(self.matches)
            self._show_current()

    def _show_current(self) -> None:
        self.reader.set_find_selections(self.matches, self.current)
        if self.current >= 0:
            cursor = QTextCursor(self.matches[self.current])
            cursor.clearSelection()
            self.reader.setTextCursor(cursor)
            self.reader.ensureCursorVisible()
            self.count_label.setText(f"{self.current + 1} of {len(self.matches)}")
        else:
            self.count_label.setText("No matches" if self.field.text() else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous()
            return
        super().keyPressEvent(event)
