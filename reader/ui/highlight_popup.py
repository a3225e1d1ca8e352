"""The small bar that appears under a selection in the reader: five colours, Comment, Copy.

As in Zotero's reader: let go of a selection and a bar offers the highlight colours, a comment and Copy
with Citation; click a highlight and the same bar recolours it, edits its comment, copies it or deletes
it.  It lives inside the reader's viewport (no window of its own, so it never takes the keyboard from
the reader), follows the text when it scrolls, and goes with Escape, a click elsewhere or a new
selection.  Its buttons take no focus; each has its key in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from .highlights import HIGHLIGHT_COLOURS, swatch_icon
from .shortcuts import SHORTCUTS

GAP = 6  # pixels between the selection and the bar


class HighlightPopup(QFrame):
    """See the module docstring; ``annotation_id`` is None for a new selection."""

    colour_chosen = Signal(str)
    comment_requested = Signal()
    copy_requested = Signal()
    delete_requested = Signal()

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("highlightPopup")
        self.setAccessibleName("Highlight")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.annotation_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(1)
        self.colour_buttons: dict[str, QToolButton] = {}
        for colour in HIGHLIGHT_COLOURS:
            button = self._button("", f"{colour.label} ({_keys(colour.key)})")
            button.setIcon(swatch_icon(colour.name, 18))
            button.setIconSize(QSize(18, 18))
            button.setCheckable(True)
            button.setAccessibleName(f"Highlight {colour.label}")
            button.clicked.connect(lambda _checked=False, name=colour.name: self.colour_chosen.emit(name))
            self.colour_buttons[colour.name] = button
            layout.addWidget(button)
        self.comment_button = self._button("Comment", f"Add or edit a comment ({_keys('comment')})")
        self.copy_button = self._button("Copy", f"Copy with citation ({_keys('copy_passage')})")
        self.delete_button = self._button("Delete", "Delete this highlight (Edit → Undo brings it back)")
        self.comment_button.clicked.connect(self.comment_requested)
        self.copy_button.clicked.connect(self.copy_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        for button in (self.comment_button, self.copy_button, self.delete_button):
            layout.addWidget(button)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text or tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        return button

    def show_for_selection(self, below: QPoint, *, writable: bool = True) -> None:
        """Under a new selection: the colours highlight it, Comment highlights it and asks for one."""
        self.annotation_id = None
        for button in self.colour_buttons.values():
            button.setChecked(False)
            button.setEnabled(writable)
        self.comment_button.setEnabled(writable)
        self.delete_button.hide()
        self._show_at(below)

    def show_for_highlight(
        self, annotation_id: int, colour: str, below: QPoint, *, writable: bool = True
    ) -> None:
        """Under a highlight: its colour ticked; the others recolour it."""
        self.annotation_id = annotation_id
        for name, button in self.colour_buttons.items():
            button.setChecked(name == colour)
            button.setEnabled(writable)
        self.comment_button.setEnabled(writable)
        self.delete_button.setVisible(True)
        self.delete_button.setEnabled(writable)
        self._show_at(below)

    def move_to(self, below: QPoint | None) -> None:
        """Follow the text after a scroll; out of sight, the bar hides."""
        if below is None or not self.parentWidget().rect().contains(below):  # type: ignore[union-attr]
            self.hide()
            return
        self._show_at(below)

    def _show_at(self, below: QPoint) -> None:
        self.adjustSize()
        area = self.parentWidget().rect()  # type: ignore[union-attr]
        x = min(max(4, below.x() - self.width() // 2), area.width() - self.width() - 4)
        y = below.y() + GAP
        if y + self.height() > area.height():  # no room under the line: above it
            y = max(0, below.y() - self.height() - 3 * GAP - 16)
        self.move(x, y)
        self.show()
        self.raise_()


def _keys(name: str) -> str:
    shortcut = SHORTCUTS.get(name)
    return shortcut.keys[0] if shortcut is not None else ""
