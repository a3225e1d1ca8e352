"""The comment on a highlight: the quote it is about, a box for the comment and a line for its tags
(Ctrl+Enter saves)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .highlights import shade

MAX_QUOTE_SHOWN = 400


class CommentDialog(QDialog):
    """Edit one highlight's comment; ``comment()`` is the text when accepted."""

    def __init__(
        self,
        quote: str,
        colour: str,
        comment: str,
        tags: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Comment on Highlight")
        self.setObjectName("commentDialog")
        shown = quote if len(quote) <= MAX_QUOTE_SHOWN else quote[: MAX_QUOTE_SHOWN - 1] + "…"
        self.quote = QLabel(f"<i>{html.escape(shown)}</i>", self)
        bar = shade(colour).name()
        self.quote.setStyleSheet(f"QLabel {{ border-left: 4px solid {bar}; padding-left: 6px; }}")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.quote.setAccessibleName("Highlighted passage")
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(comment)
        self.editor.setPlaceholderText("Your comment on this passage")
        self.editor.setAccessibleName("Comment")
        self.editor.setTabChangesFocus(True)
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setPlaceholderText("Tags, separated by commas (the Annotations window filters by them)")
        self.tags.setAccessibleName("Tags")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel("Ctrl+Enter saves.", self)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.tags)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.editor.installEventFilter(self)  # Ctrl+Enter in the box saves
        self.tags.installEventFilter(self)
        self.resize(460, 280)
        self.editor.setFocus()
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)

    def comment(self) -> str:
        return self.editor.toPlainText().strip()

    def tag_list(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.strip() for t in self.tags.text().split(",") if t.strip()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the box is a new line, not "Save": only Ctrl+Enter and the button save.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            return
        super().keyPressEvent(event)
