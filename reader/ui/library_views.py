"""The library's views at the top of the sidebar: All Articles, Needs Attention, Duplicates and Trash.

A view chooses which articles the list shows (the search and the filters still apply inside it): every
article, those whose page gave no text, those in duplicate sets, or the Trash.  Each line carries its
count.  While the Trash is shown a bar above the list (not above the sidebar, which never moves) offers
Restore and Empty Trash; while Duplicates is shown it offers Merge Duplicates (the side-by-side merge).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ALL, ATTENTION, DUPLICATES, TRASH = "all", "attention", "duplicates", "trash"
VIEW_TITLES = {ALL: "All Articles", ATTENTION: "Needs Attention", DUPLICATES: "Duplicates", TRASH: "Trash"}
_VIEW_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryViews(QListWidget):
    """One line per view, with its count; choosing one emits ``view_changed``."""

    view_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryViews")
        self.setAccessibleName("Library views")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts: dict[str, int | None] = dict.fromkeys(VIEW_TITLES)
        for view, title in VIEW_TITLES.items():
            item = QListWidgetItem(title, self)
            item.setData(_VIEW_ROLE, view)
        self.setCurrentRow(0)
        self.setFixedHeight(self.sizeHintForRow(0) * len(VIEW_TITLES) + 2 * self.frameWidth() + 4)
        self.currentItemChanged.connect(lambda current, _previous: self._emit(current))

    def view(self) -> str:
        item = self.currentItem()
        return str(item.data(_VIEW_ROLE)) if item is not None else ALL

    def set_view(self, view: str) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.data(_VIEW_ROLE) == view:
                self.setCurrentRow(row)

    def set_counts(self, counts: dict[str, int | None]) -> None:
        """Show each view's count (None: not known yet, e.g. duplicates before the first scan)."""
        self.counts.update(counts)
        for row in range(self.count()):
            item = self.item(row)
            if item is None:
                continue
            view = item.data(_VIEW_ROLE)
            count = self.counts.get(view)
            item.setText(VIEW_TITLES[view] + (f"  ({count:,})" if count is not None else ""))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())

    def _emit(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.view_changed.emit(str(item.data(_VIEW_ROLE)))


class ViewBar(QFrame):
    """The buttons of the Trash and Duplicates views, above the list."""

    restore_requested = Signal()
    empty_requested = Signal()
    delete_requested = Signal()
    merge_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewBar")
        self.setAccessibleName("View actions")
        self.label = QLabel(self)
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setToolTip("Put the selected articles back in the library, with their edits")
        self.delete_button = QPushButton("Delete for Good…", self)
        self.empty_button = QPushButton("&Empty Trash…", self)
        self.merge_button = QPushButton("&Merge Duplicates…", self)
        self.restore_button.clicked.connect(self.restore_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.empty_button.clicked.connect(self.empty_requested)
        self.merge_button.clicked.connect(self.merge_requested)
        self.label.setWordWrap(True)  # the bar sits above the list, which may be narrow
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        for button in (self.restore_button, self.delete_button, self.empty_button, self.merge_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.show_view(ALL, 0)

    def show_view(self, view: str, count: int, *, read_only: bool = False) -> None:
        trash, duplicates = view == TRASH, view == DUPLICATES
        for button in (self.restore_button, self.delete_button, self.empty_button):
            button.setVisible(trash)
            button.setEnabled(not read_only and count > 0)
        self.merge_button.setVisible(duplicates)
        self.merge_button.setEnabled(not read_only and count > 0)
        if trash:
            self.label.setText(
                f"Trash: {count:,} article{'s' if count != 1 else ''}. Removed articles wait here, with "
                "their edits, until you empty the Trash."
            )
        elif duplicates:
            self.label.setText("Duplicates: articles with the same URL, or the same text under another URL.")
        self.setVisible(trash or duplicates)
