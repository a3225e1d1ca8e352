"""The context menus of the collections sidebar, and the article list's collection items.

On a collection: New Subcollection, Rename, Delete, Export, Note from Annotations; on a saved search:
Apply, Update to the Current Search, Rename, Delete, Export, Note from Annotations; on a heading: New
Collection or Save Current Search.  The article list's menu gains "Add to Collection" (every
collection, nested as in the sidebar) and, while the list is scoped to a collection, "Remove from".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from reader.library import Collection

from .shortcuts import SHORTCUTS

if TYPE_CHECKING:
    from .collection_flows import CollectionFlows


def tree_menu(flows: CollectionFlows, kind: str, item_id: int | None) -> QMenu:
    menu = QMenu(flows.window)
    writable = not flows.window.read_only
    if kind == "collection" and item_id is not None:
        _collection_items(flows, menu, item_id, writable)
    elif kind == "search" and item_id is not None:
        _search_items(flows, menu, item_id, writable)
    elif kind == "searches":
        action = menu.addAction(f"Save Current Search…\t{SHORTCUTS['save_search'].keys[0]}")
        action.triggered.connect(flows.save_search)
        action.setEnabled(writable)
    else:
        action = menu.addAction(f"New Collection…\t{SHORTCUTS['new_collection'].keys[0]}")
        action.triggered.connect(lambda: flows.new_collection())
        action.setEnabled(writable)
    return menu


def _collection_items(flows: CollectionFlows, menu: QMenu, collection_id: int, writable: bool) -> None:
    for text, slot, writes in (
        ("Show Its Articles", lambda: flows.choose_collection(collection_id), False),
        ("New Subcollection…", lambda: flows.new_collection(collection_id), True),
        ("Rename Collection…", lambda: flows.rename_collection(collection_id), True),
        (None, None, False),
        ("Export Its Articles…", lambda: flows.export_scope("collection", collection_id), False),
        ("Note from Its Annotations", lambda: flows.note_from_scope("collection", collection_id), True),
        (None, None, False),
        ("Delete Collection", lambda: flows.delete_collection(collection_id), True),
    ):
        _add(menu, text, slot, enabled=writable or not writes)


def _search_items(flows: CollectionFlows, menu: QMenu, search_id: int, writable: bool) -> None:
    for text, slot, writes in (
        ("Apply Saved Search", lambda: flows.choose_search(search_id), False),
        ("Update to the Current Search", lambda: flows.update_search(search_id, rename=False), True),
        ("Rename Saved Search…", lambda: flows.update_search(search_id, rename=True), True),
        (None, None, False),
        ("Export Its Articles…", lambda: flows.export_scope("search", search_id), False),
        ("Note from Its Annotations", lambda: flows.note_from_scope("search", search_id), True),
        (None, None, False),
        ("Delete Saved Search", lambda: flows.delete_search(search_id), True),
    ):
        _add(menu, text, slot, enabled=writable or not writes)


def _add(menu: QMenu, text: str | None, slot: object, *, enabled: bool) -> None:
    if text is None:
        menu.addSeparator()
        return
    action = menu.addAction(text)
    action.triggered.connect(slot)
    action.setEnabled(enabled)


def add_list_items(flows: CollectionFlows, menu: QMenu) -> None:
    """ "Add to Collection ▸" and, while the list shows a collection, "Remove from “…”"."""
    window = flows.window
    ids = window.selected_ids()
    writable = not window.read_only and bool(ids)
    menu.addSeparator()
    submenu = menu.addMenu("Add to Collection")
    submenu.setEnabled(writable)
    tops = [c for c in flows.collections.values() if c.parent is None]
    for top in sorted(tops, key=lambda c: c.name.casefold()):
        _add_collection_action(flows, submenu, top, 0)
    if not tops:
        submenu.addAction("(no collections yet)").setEnabled(False)
    submenu.addSeparator()
    submenu.addAction("New Collection…").triggered.connect(lambda: flows.new_collection())
    for collection_id in window.facets.filters().collections:
        found = flows.collections.get(collection_id)
        if found is not None:
            action = menu.addAction(f"Remove from “{found.name}”")
            action.setEnabled(writable)
            action.triggered.connect(
                lambda _c=False, cid=collection_id: flows.remove_articles(window.selected_ids(), cid)
            )


def _add_collection_action(flows: CollectionFlows, menu: QMenu, collection: Collection, depth: int) -> None:
    action = menu.addAction("    " * depth + collection.name)
    action.triggered.connect(
        lambda _c=False, cid=collection.id: flows.add_articles(flows.window.selected_ids(), cid)
    )
    for child in collection.children:
        _add_collection_action(flows, menu, child, depth + 1)
