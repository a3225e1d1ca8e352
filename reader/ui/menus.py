"""The window's actions, menus and toolbar: built here from the shortcut table, wired to the window.

Every action carries its shortcut from :data:`reader.ui.shortcuts.SHORTCUTS`, so the menus, the
keys and Help → Keyboard Shortcuts always agree.  Write actions are disabled on a read-only library.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QToolBar

from .reader_pane import TAB_ARTICLE, TAB_ORIGINAL, TAB_REPAIRS
from .settings import THEMES
from .shortcuts import SHORTCUTS, key_sequences

if TYPE_CHECKING:
    from .main_window import MainWindow

LIST_MENU = (
    "copy_citation",
    "copy_bibliography",
    "export",
    None,
    "edit_metadata",
    "bulk_edit",
    "show_original_file",
    None,
    "remove",
    "restore",
)


def make_action(
    window: MainWindow, name: str, text: str, slot: Callable[[], Any], *, writes: bool
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if name in SHORTCUTS:
        action.setShortcuts(key_sequences(name))
        action.setToolTip(f"{SHORTCUTS[name].description} ({SHORTCUTS[name].keys[0]})")
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    if writes and window.read_only:
        action.setEnabled(False)
        action.setToolTip("The library is open read-only")
    window.addAction(action)  # shortcuts work even while the menus are closed
    return action


def build_actions(window: MainWindow) -> dict[str, QAction]:
    pane = window.reader_pane
    table: list[tuple[str, str, Callable[[], Any], bool]] = [
        ("focus_search", "Search", window.focus_search, False),
        ("clear_filters", "Clear Filters", window.facets.clear_filters, False),
        ("focus_filters", "Go to Filters", window.facets.focus_first_value, False),
        ("focus_list", "Go to Article List", window.list_view.setFocus, False),
        ("focus_reader", "Go to Reader", pane.reader.setFocus, False),
        ("import_files", "Import Files…", window.choose_files_to_import, True),
        ("import_folder", "Import Folder…", window.choose_folder_to_import, True),
        ("export", "Export Selected…", window.export_selected, False),
        ("edit_metadata", "Edit Metadata…", window.edit_metadata, True),
        ("bulk_edit", "Edit Series and Topics…", window.bulk_edit, True),
        ("remove", "Move to Trash…", window.remove_selected, True),
        ("restore", "Restore from Trash", window.restore_selected, True),
        ("empty_trash", "Empty Trash…", lambda: window.operations.empty_trash(), True),
        ("duplicates", "Merge Duplicates…", window.views.open_duplicates, True),
        (
            "show_original_file",
            "Show Original File",
            lambda: pane.show_original_file(window.show_status),
            False,
        ),
        ("copy_bibliography", "Copy Bibliography Entry", window.copy_bibliography, False),
        ("copy_citation", "Copy Citation", window.copy_citation, False),
        ("copy_passage", "Copy with Citation", window.copy_passage, False),
        ("find", "Find in Article…", pane.open_find, False),
        ("find_next", "Find Next", pane.find_bar.next, False),
        ("find_previous", "Find Previous", pane.find_bar.previous, False),
        ("bigger", "Larger Text", lambda: pane.change_font_size(+1), False),
        ("smaller", "Smaller Text", lambda: pane.change_font_size(-1), False),
        ("reset_size", "Default Text Size", lambda: pane.change_font_size(0), False),
        ("repairs", "Repairs and Sources", lambda: pane.setCurrentIndex(TAB_REPAIRS), False),
        ("original", "View Original", lambda: pane.setCurrentIndex(TAB_ORIGINAL), False),
        ("article", "Article", lambda: pane.setCurrentIndex(TAB_ARTICLE), False),
        ("shortcuts", "Keyboard Shortcuts", window.show_shortcuts, False),
        ("quit", "Quit", window.close, False),
    ]
    actions = {
        name: make_action(window, name, text, slot, writes=writes) for name, text, slot, writes in table
    }
    for name, make in (
        ("undo", window.undo.stack.createUndoAction),
        ("redo", window.undo.stack.createRedoAction),
    ):
        action = make(window, name.capitalize())
        action.setObjectName(name)
        action.setShortcuts(key_sequences(name))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        actions[name] = action
    toolbar_import = QAction("Import", window)
    toolbar_import.setToolTip("Import saved pages (files or a folder)")
    toolbar_import.setEnabled(not window.read_only)
    actions["import_toolbar"] = toolbar_import
    return actions


def build_theme_group(window: MainWindow) -> QActionGroup:
    group = QActionGroup(window)
    for theme in THEMES:
        action = QAction("Follow System" if theme == "system" else theme.capitalize(), group)
        action.setCheckable(True)
        action.setData(theme)
        action.triggered.connect(lambda _checked=False, t=theme: window.set_theme(t))
    return group


def build_menus_and_toolbar(window: MainWindow, actions: dict[str, QAction], themes: QActionGroup) -> None:
    bar = window.menuBar()

    def menu(title: str, names: tuple[str | None, ...]) -> QMenu:
        created = bar.addMenu(title)
        for name in names:
            if name is None:
                created.addSeparator()
            else:
                created.addAction(actions[name])
        return created

    menu("&File", ("import_files", "import_folder", "export", None, "quit"))
    menu(
        "&Edit",
        (
            "undo",
            "redo",
            None,
            "copy_bibliography",
            "copy_citation",
            "copy_passage",
            None,
            "edit_metadata",
            "bulk_edit",
            "show_original_file",
            "remove",
            "restore",
            "empty_trash",
            "duplicates",
            None,
            "find",
            "find_next",
            "find_previous",
        ),
    )
    view = menu(
        "&View",
        (
            "focus_search",
            "focus_filters",
            "focus_list",
            "focus_reader",
            "clear_filters",
            None,
            "article",
            "repairs",
            "original",
            None,
            "bigger",
            "smaller",
            "reset_size",
        ),
    )
    view.addMenu("&Theme").addActions(themes.actions())
    help_menu = menu("&Help", ("shortcuts",))
    help_menu.addAction("About Offprint").triggered.connect(lambda _checked=False: show_about(window))

    import_menu = QMenu(window)
    import_menu.addAction(actions["import_files"])
    import_menu.addAction(actions["import_folder"])
    actions["import_toolbar"].setMenu(import_menu)
    actions["import_toolbar"].triggered.connect(window.choose_files_to_import)

    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.addWidget(window.search_bar)
    toolbar.addSeparator()
    toolbar.addAction(actions["import_toolbar"])
    toolbar.addSeparator()
    style_label = QLabel(" Style: ", window)
    style_label.setBuddy(window.style_box)
    toolbar.addWidget(style_label)
    toolbar.addWidget(window.style_box)
    window.addToolBar(toolbar)


def show_about(window: MainWindow) -> None:
    from reader import __version__

    QMessageBox.about(
        window,
        "About Offprint",
        f"<h3>Offprint {__version__}</h3><p>A reader for your offline corpus of saved web articles: "
        "it repairs, extracts, searches and cites — and never touches the network.</p>"
        "<p>Licensed under the GNU AGPL, version 3 or later.</p>"
        f"<p>Library: {window.library.folder}</p>",
    )


def list_context_menu(window: MainWindow, actions: dict[str, QAction]) -> QMenu:
    """The article list's right-click menu (also the Menu key)."""
    created = QMenu(window)
    for name in LIST_MENU:
        if name is None:
            created.addSeparator()
        else:
            created.addAction(actions[name])
    window.research.extend_list_menu(created)  # Add to Collection, Remove from …
    return created
