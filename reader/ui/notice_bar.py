"""The notice bar above the panes: things the user must be told (read-only library, index rebuilt,
empty library), each with optional buttons and a close button."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget


def as_sentence(text: str) -> str:
    """``"index rebuilt (…)"`` → ``"Index rebuilt (…)."``: a library note as the notice bar shows it."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


class Notice(QFrame):
    """One message with its buttons."""

    dismissed = Signal()  # the user closed it (not merely destroyed with the window)

    def __init__(
        self,
        key: str,
        text: str,
        buttons: Sequence[tuple[str, Callable[[], object]]],
        closable: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("notice")
        self.setAccessibleName("Notice")
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        background, border, ink = (
            ("#4a3f14", "#7a6a2a", "#f3e6b5") if dark else ("#fff4c2", "#e0c860", "#3d3300")
        )
        self.setStyleSheet(
            f"QFrame#notice {{ background-color: {background}; border: 1px solid {border};"
            " border-radius: 3px; }"
            f" QFrame#notice QLabel {{ color: {ink}; }}"
        )
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Notice text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        for caption, callback in buttons:
            button = QPushButton(caption, self)
            button.clicked.connect(callback)
            layout.addWidget(button)
            self.buttons.append(button)
        if closable:
            close = QToolButton(self)
            close.setText("✕")
            close.setToolTip("Dismiss")
            close.setAccessibleName("Dismiss notice")
            close.clicked.connect(self.dismissed)
            close.clicked.connect(self.deleteLater)
            layout.addWidget(close)


class NoticeBar(QWidget):
    """A stack of notices; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 0)
        self._layout.setSpacing(4)
        self.notices: dict[str, Notice] = {}
        self.hide()

    def show_notice(
        self,
        key: str,
        text: str,
        buttons: Sequence[tuple[str, Callable[[], object]]] = (),
        *,
        closable: bool = True,
    ) -> Notice:
        self.remove_notice(key)
        notice = Notice(key, text, buttons, closable, self)
        notice.destroyed.connect(lambda _obj=None, k=key: self._forget(k))
        self.notices[key] = notice
        self._layout.addWidget(notice)
        self.show()
        return notice

    def remove_notice(self, key: str) -> None:
        notice = self.notices.pop(key, None)
        if notice is not None:
            notice.hide()
            notice.deleteLater()
        self.setVisible(bool(self.notices))

    def texts(self) -> list[str]:
        return [n.label.text() for n in self.notices.values()]

    def _forget(self, key: str) -> None:
        self.notices.pop(key, None)
        with contextlib.suppress(RuntimeError):  # the bar itself may be going away with the window
            self.setVisible(bool(self.notices))
