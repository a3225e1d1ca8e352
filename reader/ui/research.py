"""Reading as research, wired into the window: highlights, notes, collections, saved searches.

:class:`Research` builds the flows (:mod:`.annotation_flows`, :mod:`.note_flows`,
:mod:`.collection_flows`), their actions — each with its keys from :data:`.shortcuts.SHORTCUTS`, so the
menus and Help → Keyboard Shortcuts agree — the Annotate menu, File's New Collection and Save Search,
and the Annotations window; it keeps the annotations sidebar's place in the settings.  The window makes
one and tells it when the library changed and when it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.library import Annotation

from .annotation_flows import AnnotationFlows
from .collection_flows import CollectionFlows
from .collection_menus import add_list_items, tree_menu
from .highlights import HIGHLIGHT_COLOURS, swatch_icon
from .menus import make_action
from .note_flows import NoteFlows

if TYPE_CHECKING:
    from .annotations_window import AnnotationsWindow
    from .main_window import MainWindow


class Research(QObject):
    """See the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.annotations = AnnotationFlows(window)
        self.notes = NoteFlows(window, self.annotations)
        self.collections = CollectionFlows(window, self.notes)
        self.annotations_window: AnnotationsWindow | None = None
        self._jump_after_open: Annotation | None = None  # the highlight to show once its article opens
        self.actions = self._build_actions()
        window.actions_by_name.update(self.actions)
        self._build_menus()
        self.collections.tree.menu_requested.connect(self._collection_menu)
        window.library_changed.connect(self.collections.reload)
        window.results_shown.connect(self._first_answer)
        self.annotations.changed.connect(self._annotations_changed)
        window.article_shown.connect(self._article_shown)
        self._restore_layout()

    # -- actions and menus -------------------------------------------------------------------------
    def _build_actions(self) -> dict[str, QAction]:
        pane = self.window.reader_pane
        table: list[tuple[str, str, Callable[[], Any], bool]] = [
            (colour.key, f"Highlight {colour.label}", _bind(self.annotations.highlight, colour.name), True)
            for colour in HIGHLIGHT_COLOURS
        ]
        table += [
            ("comment", "Comment…", self.annotations.comment, True),
            ("new_note", "New Note", lambda: self.notes.new_note(), True),
            ("note_from_annotations", "Note from Annotations", self.notes.note_from_annotations, True),
            ("annotations_sidebar", "Annotations Sidebar", pane.toggle_annotations, False),
            ("annotations_view", "All Annotations…", self.show_annotations_window, False),
            ("new_collection", "New Collection…", lambda: self.collections.new_collection(), True),
            ("save_search", "Save Search…", self.collections.save_search, True),
        ]
        actions = {
            name: make_action(self.window, name, text, slot, writes=writes)
            for name, text, slot, writes in table
        }
        for colour in HIGHLIGHT_COLOURS:
            actions[colour.key].setIcon(swatch_icon(colour.name))
        sidebar = actions["annotations_sidebar"]
        sidebar.setCheckable(True)
        sidebar.setChecked(True)
        pane.annotations_panel.installEventFilter(self)
        return actions

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        menus = {action.text().replace("&", ""): action for action in bar.actions()}
        annotate = QMenu("&Annotate", self.window)
        for name in (
            *(c.key for c in HIGHLIGHT_COLOURS),
            "comment",
            None,
            "new_note",
            "note_from_annotations",
        ):
            annotate.addSeparator() if name is None else annotate.addAction(self.actions[name])
        annotate.addSeparator()
        annotate.addAction(self.actions["annotations_sidebar"])
        annotate.addAction(self.actions["annotations_view"])
        view = menus.get("View")
        bar.insertMenu(view, annotate) if view is not None else bar.addMenu(annotate)
        file_menu = menus.get("File")
        menu = file_menu.menu() if file_menu is not None else None
        if isinstance(menu, QMenu):
            first = next((a for a in menu.actions() if a.isSeparator()), None)
            menu.insertSeparator(first) if first is not None else None
            for name in ("new_collection", "save_search"):
                menu.insertAction(first, self.actions[name])  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        # The sidebar's action stays ticked as the sidebar is shown or hidden (by its key or the splitter).
        if watched is self.window.reader_pane.annotations_panel and event.type() in (
            event.Type.Show,
            event.Type.Hide,
        ):
            self.actions["annotations_sidebar"].setChecked(
                self.window.reader_pane.annotations_panel.isVisibleTo(self.window.reader_pane)
            )
        return False

    def _collection_menu(self, kind: str, item_id: int | None, where: QPoint) -> None:
        menu = tree_menu(self.collections, kind, item_id)
        menu.exec(where)
        menu.deleteLater()

    def extend_list_menu(self, menu: QMenu) -> None:
        """The article list's menu: Add to Collection, Remove from the collection shown."""
        add_list_items(self.collections, menu)

    # -- the library changing ----------------------------------------------------------------------
    def _first_answer(self) -> None:
        if not self.collections.loaded and self.window.search_count == 1:
            self.collections.reload()

    def _annotations_changed(self, _article_id: int) -> None:
        """Highlights or notes changed: the "Has annotations" scope and the Annotations window follow."""
        if self.window.facets.filters().has_annotations:
            self.window.run_search()
        if self.annotations_window is not None and self.annotations_window.isVisible():
            self.annotations_window.reload()

    def show_annotations_window(self) -> None:
        from .annotations_window import AnnotationsWindow

        if self.annotations_window is None:
            self.annotations_window = AnnotationsWindow(
                self.window, self.annotations, self.notes, self.collections, self.open_annotation
            )
        self.annotations_window.show()
        self.annotations_window.raise_()
        self.annotations_window.activateWindow()
        self.annotations_window.reload()

    def open_annotation(self, annotation: Annotation) -> None:
        """Open the highlight's article (the list's scope lifted when it does not show it), then jump."""
        window = self.window
        if window.current_id == annotation.article_id and window.current_article is not None:
            self.annotations.jump(annotation.id)
            return
        self._jump_after_open = annotation
        window.activateWindow()
        if not window.select_article(annotation.article_id):
            window.views.show_articles([annotation.article_id])

    def _article_shown(self, article_id: int) -> None:
        wanted = self._jump_after_open
        if wanted is not None and wanted.article_id == article_id:
            self._jump_after_open = None
            # after the reading position the pane restores on its own next turn of the event loop
            QTimer.singleShot(0, self, lambda: self.annotations.jump(wanted.id))

    # -- settings and closing ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings, pane = self.window.settings, self.window.reader_pane
        if (state := settings.splitter_state("article")) is not None:
            pane.article_splitter.restoreState(state)
        pane.annotations_panel.setVisible(settings.annotations_sidebar())

    def close(self) -> None:
        """The window is closing: open notes save (before the library closes)."""
        self.notes.close_all()
        if self.annotations_window is not None:
            self.annotations_window.close()

    def save_layout(self) -> None:
        """The annotations sidebar's place and whether it is shown, for the next start."""
        settings, pane = self.window.settings, self.window.reader_pane
        settings.set_splitter_state("article", pane.article_splitter.saveState())
        settings.set_annotations_sidebar(pane.annotations_panel.isVisibleTo(pane))


def _bind(highlight: Callable[..., None], colour: str) -> Callable[[], None]:
    return lambda: highlight(colour)
