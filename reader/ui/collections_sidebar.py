"""The user's collections and saved searches at the top of the filters sidebar, and "Has annotations".

A tree: "Collections" (nested, each with how many articles it holds) and "Saved Searches" (each with how
many articles match it now).  A click on a collection shows only its articles (Ctrl+click adds another:
in either), a click on a saved search applies it (its query and filters, live, ANDed with what is
typed and ticked); a second click, the chip's ✕ or Ctrl+Shift+X lifts it.  Articles dragged from the
list onto a collection are added to it; a collection dragged onto another goes inside it, onto
"Collections" back to the top.  The context menus create, rename, delete, export and make a note.
This module only shows and reports; :mod:`.collection_flows` does the work.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.library import Collection, SavedSearch

from .article_model import ARTICLES_MIME

COLLECTION_MIME = "application/x-offprint-collection-id"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "collections" | "searches" (the headers), "collection", "search"
ID_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3


def article_ids_from(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(ARTICLES_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(ARTICLES_MIME).data()).decode("utf-8"))]
    except (ValueError, TypeError):
        return []


class CollectionTree(QTreeWidget):
    """The tree of the module docstring."""

    collection_clicked = Signal(int, bool)  # id, added to the others (Ctrl)
    search_clicked = Signal(int)
    articles_dropped = Signal(list, int)  # article ids, collection id
    collection_dropped = Signal(int, object)  # collection id, new parent (None: the top)
    menu_requested = Signal(str, object, QPoint)  # kind, id (None on a header), global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionTree")
        self.setAccessibleName("Collections and saved searches")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # chosen ones are marked bold
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.collections_header = self._header("Collections", "collections")
        self.searches_header = self._header("Saved Searches", "searches")
        self.chosen_collections: set[int] = set()
        self.chosen_search: int | None = None
        self.names: dict[tuple[str, int], str] = {}  # ("collection" | "search", id) → name
        self.expanded_ids: set[int] = set()
        self.itemExpanded.connect(lambda item: self._remember_expanded(item, True))
        self.itemCollapsed.connect(lambda item: self._remember_expanded(item, False))
        self.show_tree([], [], {})

    def _header(self, title: str, kind: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        item.setData(0, KIND_ROLE, kind)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setExpanded(True)
        return item

    # -- content -----------------------------------------------------------------------------------
    def show_tree(
        self,
        collections: Sequence[Collection],
        searches: Sequence[SavedSearch],
        search_counts: dict[int, int],
    ) -> None:
        """The collections (a tree, with counts) and the saved searches (with their counts now)."""
        self.names = {}
        for header in (self.collections_header, self.searches_header):
            header.takeChildren()
        for top in collections:
            self._add_collection(self.collections_header, top)
        for search in searches:
            self.names[("search", search.id)] = search.name
            item = QTreeWidgetItem(self.searches_header)
            item.setData(0, KIND_ROLE, "search")
            item.setData(0, ID_ROLE, search.id)
            item.setData(0, NAME_ROLE, search.name)
            item.setToolTip(0, _search_tooltip(search))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._label(item, search.name, search_counts.get(search.id))
        if not collections:
            self._hint(self.collections_header, "None yet: Ctrl+Shift+N")
        if not searches:
            self._hint(self.searches_header, "None yet: Ctrl+Shift+S")
        self.mark_chosen(self.chosen_collections, self.chosen_search)
        self._fit_height()

    def _add_collection(self, parent: QTreeWidgetItem, collection: Collection) -> None:
        self.names[("collection", collection.id)] = collection.name
        item = QTreeWidgetItem(parent)
        item.setData(0, KIND_ROLE, "collection")
        item.setData(0, ID_ROLE, collection.id)
        item.setData(0, NAME_ROLE, collection.name)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        )
        self._label(item, collection.name, collection.count)
        for child in collection.children:
            self._add_collection(item, child)
        item.setExpanded(collection.id in self.expanded_ids)

    @staticmethod
    def _label(item: QTreeWidgetItem, name: str, count: int | None) -> None:
        item.setText(0, f"{name}  ({count:,})" if count is not None else name)
        item.setData(
            0, Qt.ItemDataRole.AccessibleTextRole, f"{name}, {count} articles" if count is not None else name
        )

    @staticmethod
    def _hint(parent: QTreeWidgetItem, text: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setToolTip(0, "Right-click here, or drag articles from the list onto a collection")
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setData(0, KIND_ROLE, "hint")

    def mark_chosen(self, collections: set[int], search: int | None) -> None:
        """Bold the collections and the saved search that scope the list now."""
        self.chosen_collections, self.chosen_search = set(collections), search
        for item in self.items():
            kind, item_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
            chosen = (kind == "collection" and item_id in collections) or (
                kind == "search" and item_id == search
            )
            font = QFont(item.font(0))
            font.setBold(chosen)
            item.setFont(0, font)
            if chosen:
                self._reveal(item)

    def items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                if (child := item.child(i)) is not None:
                    found.append(child)
                    walk(child)

        walk(self.invisibleRootItem())
        return found

    def item_of(self, kind: str, item_id: int) -> QTreeWidgetItem | None:
        return next(
            (i for i in self.items() if i.data(0, KIND_ROLE) == kind and i.data(0, ID_ROLE) == item_id), None
        )

    def _reveal(self, item: QTreeWidgetItem) -> None:
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()

    def _remember_expanded(self, item: QTreeWidgetItem, expanded: bool) -> None:
        if item.data(0, KIND_ROLE) == "collection":
            (self.expanded_ids.add if expanded else self.expanded_ids.discard)(int(item.data(0, ID_ROLE)))
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its rows: the sidebar scrolls, not the tree inside it."""
        rows = sum(1 for item in self.items() if _shown(item))
        self.setFixedHeight(max(2, rows) * max(18, self.sizeHintForRow(0)) + 2 * self.frameWidth() + 4)

    # -- clicks and menus -------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        if item is None or event.button() != Qt.MouseButton.LeftButton:
            return
        kind, item_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if kind == "collection":
            self.collection_clicked.emit(
                int(item_id), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            )
        elif kind == "search":
            self.search_clicked.emit(int(item_id))

    def _menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        kind = item.data(0, KIND_ROLE) if item is not None else "collections"
        item_id = item.data(0, ID_ROLE) if item is not None else None
        if kind == "hint":
            kind = item.parent().data(0, KIND_ROLE)  # type: ignore[union-attr]
        self.menu_requested.emit(str(kind), item_id, self.viewport().mapToGlobal(position))

    # -- drag and drop -------------------------------------------------------------------------------
    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        chosen = [i for i in items if i.data(0, KIND_ROLE) == "collection"]
        if chosen:
            mime.setData(COLLECTION_MIME, str(int(chosen[0].data(0, ID_ROLE))).encode())
        return mime

    def mimeTypes(self) -> list[str]:
        return [ARTICLES_MIME, COLLECTION_MIME]

    def _drop_target(self, event: QDragMoveEvent | QDropEvent) -> QTreeWidgetItem | None:
        item = self.itemAt(event.position().toPoint())
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if event.mimeData().hasFormat(ARTICLES_MIME):
            return item if kind == "collection" else None
        if event.mimeData().hasFormat(COLLECTION_MIME):
            return item if kind in ("collection", "collections") else None
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(ARTICLES_MIME) or event.mimeData().hasFormat(COLLECTION_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        target = self._drop_target(event)
        if target is None:
            event.ignore()
            return
        self.setCurrentItem(target)  # shows where it will go
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self._drop_target(event)
        self.clearSelection()
        if target is None:
            event.ignore()
            return
        mime = event.mimeData()
        if ids := article_ids_from(mime):
            self.articles_dropped.emit(ids, int(target.data(0, ID_ROLE)))
        elif mime.hasFormat(COLLECTION_MIME):
            moved = int(bytes(mime.data(COLLECTION_MIME).data()).decode() or 0)
            parent = target.data(0, ID_ROLE) if target.data(0, KIND_ROLE) == "collection" else None
            if moved and moved != parent:
                self.collection_dropped.emit(moved, parent)
        event.setDropAction(Qt.DropAction.CopyAction)  # never let the view move its own rows
        event.accept()


def _shown(item: QTreeWidgetItem) -> bool:
    parent = item.parent()
    while parent is not None:
        if not parent.isExpanded():
            return False
        parent = parent.parent()
    return True


def _search_tooltip(search: SavedSearch) -> str:
    parts = [f"Query: {search.query}" if search.query else "No query"]
    if not search.filters.is_empty():
        parts.append("with filters")
    return " · ".join(parts) + " — click to apply it (live: whatever matches now)"


ANNOTATED_TOOLTIP = "Only the articles with highlights or notes"


class CollectionsPanel(QWidget):
    """The tree, and the "Has annotations" filter under it."""

    annotated_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionsPanel")
        self.tree = CollectionTree(self)
        self.annotated = QCheckBox("Has annotations", self)
        self.annotated.setObjectName("hasAnnotations")
        self.annotated.setToolTip(ANNOTATED_TOOLTIP)
        self.annotated.toggled.connect(self.annotated_toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.tree)
        layout.addWidget(self.annotated)

    def set_applies(self, applies: bool, why: str = "") -> None:
        """Usable, or greyed out with ``why`` as the tooltip in a view they do not narrow (the Trash)."""
        self.tree.setEnabled(applies)
        self.annotated.setEnabled(applies)
        self.tree.setToolTip("" if applies else why)
        self.annotated.setToolTip(ANNOTATED_TOOLTIP if applies else why)

    def set_annotated(self, on: bool) -> None:
        self.annotated.blockSignals(True)
        self.annotated.setChecked(on)
        self.annotated.blockSignals(False)
