"""Every keyboard shortcut in one table, used both to build the actions and to list them in
Help → Keyboard Shortcuts (so the window can never disagree with the app)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    keys: tuple[str, ...]
    description: str
    group: str


SHORTCUTS: dict[str, Shortcut] = {
    "focus_search": Shortcut(("Ctrl+K", "Ctrl+L"), "Go to the search field", "Search"),
    "clear_filters": Shortcut(("Ctrl+Shift+X",), "Clear all filters", "Search"),
    "focus_filters": Shortcut(("Ctrl+1",), "Go to the filters", "Search"),
    "focus_list": Shortcut(("Ctrl+2",), "Go to the article list", "Search"),
    "focus_reader": Shortcut(("Ctrl+3",), "Go to the reader", "Search"),
    "undo": Shortcut(("Ctrl+Z",), "Undo the last edit, removal, restore or merge", "Library"),
    "redo": Shortcut(("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", "Library"),
    "import_files": Shortcut(("Ctrl+O",), "Import files…", "Library"),
    "import_folder": Shortcut(("Ctrl+Shift+O",), "Import a folder…", "Library"),
    "export": Shortcut(("Ctrl+E",), "Export selected articles…", "Library"),
    "edit_metadata": Shortcut(("Ctrl+I",), "Edit metadata…", "Library"),
    "bulk_edit": Shortcut(("Ctrl+Shift+I",), "Edit series and topics of the selection…", "Library"),
    "remove": Shortcut(("Del",), "Move the selected articles to the Trash (in the Trash: delete)", "Library"),
    "restore": Shortcut(("Ctrl+Shift+U",), "Restore the selected articles from the Trash", "Library"),
    "show_original_file": Shortcut(("Ctrl+Shift+F",), "Show the original file in its folder", "Library"),
    "copy_bibliography": Shortcut(("Ctrl+Shift+C",), "Copy bibliography entry", "Citations"),
    "copy_citation": Shortcut(("Ctrl+Shift+A",), "Copy in-text citation", "Citations"),
    "copy_passage": Shortcut(
        ("Ctrl+Alt+C",), "Copy the selected passage (or the highlight) with its citation", "Citations"
    ),
    "find": Shortcut(("Ctrl+F",), "Find in article", "Reading"),
    "find_next": Shortcut(("F3",), "Next match", "Reading"),
    "find_previous": Shortcut(("Shift+F3",), "Previous match", "Reading"),
    "bigger": Shortcut(("Ctrl+=", "Ctrl++"), "Larger text", "Reading"),
    "smaller": Shortcut(("Ctrl+-",), "Smaller text", "Reading"),
    "reset_size": Shortcut(("Ctrl+0",), "Default text size", "Reading"),
    "repairs": Shortcut(("Ctrl+R",), "Show the repairs and sources", "Reading"),
    "original": Shortcut(("Ctrl+U",), "View the original saved source", "Reading"),
    "article": Shortcut(("Ctrl+Shift+R",), "Back to the article", "Reading"),
    "highlight_yellow": Shortcut(("Ctrl+Alt+1",), "Highlight the selection in yellow", "Annotating"),
    "highlight_red": Shortcut(("Ctrl+Alt+2",), "Highlight the selection in red", "Annotating"),
    "highlight_green": Shortcut(("Ctrl+Alt+3",), "Highlight the selection in green", "Annotating"),
    "highlight_blue": Shortcut(("Ctrl+Alt+4",), "Highlight the selection in blue", "Annotating"),
    "highlight_purple": Shortcut(("Ctrl+Alt+5",), "Highlight the selection in purple", "Annotating"),
    "comment": Shortcut(
        ("Ctrl+Alt+M",), "Comment on the selection, or on the highlight at the cursor", "Annotating"
    ),
    "annotations_sidebar": Shortcut(("Ctrl+Shift+H",), "Show or hide the annotations sidebar", "Annotating"),
    "new_note": Shortcut(("Ctrl+Alt+N",), "New note on the open article", "Annotating"),
    "annotations_view": Shortcut(("Ctrl+Shift+L",), "Every highlight in the library", "Annotating"),
    "new_collection": Shortcut(("Ctrl+Shift+N",), "New collection…", "Collections"),
    "save_search": Shortcut(("Ctrl+Shift+S",), "Save the current search and filters…", "Collections"),
    "shortcuts": Shortcut(("F1",), "Keyboard shortcuts", "Help"),
    "quit": Shortcut(("Ctrl+Q",), "Quit", "Help"),
}


GROUPS = ("Search", "Library", "Citations", "Reading", "Annotating", "Collections", "Help")


def key_sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in SHORTCUTS[name].keys]


class ShortcutsWindow(QDialog):
    """Help → Keyboard Shortcuts: a table of every shortcut, grouped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        table = QTableWidget(len(SHORTCUTS), 3, self)
        table.setHorizontalHeaderLabels(["Keys", "Action", "Area"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAccessibleName("Shortcut list")
        rows = sorted(
            SHORTCUTS.values(),
            key=lambda s: GROUPS.index(s.group),
        )
        for row, shortcut in enumerate(rows):
            keys = " or ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in shortcut.keys
            )
            for column, text in enumerate((keys, shortcut.description, shortcut.group)):
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 640)
