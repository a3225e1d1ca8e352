"""The search field: search-as-you-type with a ~150 ms debounce, so a burst of keys costs one search.

The query goes to the library as typed so far: the last word also matches as the start of a longer one
(``harb`` finds *harbour*), an unclosed quotation is the phrase so far, a bare ``author:`` waits for its
value.  Only what no further typing could mend is reported as an error.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150
SYNTAX_HELP = (
    "<b>Search</b><br>"
    "words — articles with all of them (stemmed: <i>storm</i> finds <i>storms</i>)<br>"
    '"a phrase" — the exact words in order<br>'
    "tide OR harbour — either one; -ferry or NOT ferry — without it<br>"
    "the last word also finds longer words (harb finds harbour); harbr~1 — allow a typo<br>"
    "title: author: site: series: topic: — search one field<br>"
    "year:2024, year:2020..2024, date:2025-01..2026-06 — by date<br>"
    "Escape clears; Down or Enter goes to the results."
)


class SearchBar(QLineEdit):
    """Emits ``query_changed`` once typing pauses; Escape clears; Down/Enter hand focus to the list."""

    query_changed = Signal(str)
    leave_requested = Signal()  # Down or Enter: move focus to the results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setAccessibleName("Search articles")
        self.setPlaceholderText('Search  (words, "a phrase", author:name, -exclude)   Ctrl+K')
        self.setClearButtonEnabled(True)
        self.setToolTip(SYNTAX_HELP)
        self.setMinimumWidth(320)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_now)
        self._last_emitted: str | None = None
        self.textChanged.connect(lambda _text: self._timer.start())

    def query(self) -> str:
        return self.text().strip()

    def set_query(self, text: str) -> None:
        """Set the text and search at once (no debounce): used when restoring or by tests."""
        self.blockSignals(True)
        self.setText(text)
        self.blockSignals(False)
        self._emit_now()

    def pending(self) -> bool:
        """Whether typed text is waiting for the debounce (its search has not been asked for yet)."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Search now if a search is waiting for the debounce."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_now()

    def _emit_now(self) -> None:
        query = self.query()
        if query != self._last_emitted:
            self._last_emitted = query
            self.query_changed.emit(query)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)
