"""Collections and saved searches as the user keeps them, and the scopes they give the list.

:class:`CollectionFlows` fills the sidebar's tree (:mod:`.collections_sidebar`) from the library, turns
its clicks into the filters' scopes (a collection, a saved search, "Has annotations": chips beside the
facets' ones, cleared with them), and does what its menus, its drops and the article list's menu ask:
create, rename, move and delete collections, add and remove articles, save, change and delete saved
searches — each undoable from Edit → Undo — and export or make a note from everything a collection or
a saved search holds.  Names are asked in a small dialog that does not block (tests answer it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit

from reader.library import Collection, CollectionRecord, Filters, SavedSearch

from .collections_sidebar import CollectionsPanel
from .error_report import log_failure
from .facets import ANNOTATED, SCOPE_TITLES

if TYPE_CHECKING:
    from reader.library import Library

    from .main_window import MainWindow
    from .note_flows import NoteFlows

logger = logging.getLogger(__name__)

Tree = tuple[list[Collection], list[SavedSearch], dict[int, int]]


def articles(count: int) -> str:
    return "1 Article" if count == 1 else f"{count} Articles"


def read_tree(library: Library) -> Tree:
    """The collections, the saved searches and how many articles each saved search finds now."""
    searches = library.saved_searches()
    counts = {s.id: len(library.search_ids("", Filters(saved_search=s.id))) for s in searches}
    return library.collections(), searches, counts


class CollectionFlows(QObject):
    """See the module docstring."""

    def __init__(self, window: MainWindow, notes: NoteFlows) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.notes = notes
        self.panel = CollectionsPanel(window)
        self.tree = self.panel.tree
        self.dialog: QInputDialog | None = None  # the name being asked (tests answer it)
        self.collections: dict[int, Collection] = {}
        self.searches: dict[int, SavedSearch] = {}
        self.loaded = False
        window.facets.add_above(self.panel)
        self.tree.setAcceptDrops(not window.read_only)  # nothing is dropped into a read-only library
        window.chip_bar.scope_label = self.scope_label
        self.tree.collection_clicked.connect(self.choose_collection)
        self.tree.search_clicked.connect(self.choose_search)
        self.tree.articles_dropped.connect(self.add_articles)
        self.tree.collection_dropped.connect(self.move_collection)
        self.panel.annotated_toggled.connect(
            lambda on: window.facets.choose_scope("annotated", {ANNOTATED} if on else set())
        )
        window.facets.filters_changed.connect(lambda _filters: self.show_scopes())

    # -- showing -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the tree and the saved searches' counts again (after any change to the library)."""
        self.runner.call(
            read_tree,
            self._show_tree,
            lambda error: log_failure(logger, "the collections were not read", error),
        )

    def _show_tree(self, tree: Tree) -> None:
        collections, searches, counts = tree
        self.collections = {c.id: c for top in collections for c in top.walk()}
        self.searches = {s.id: s for s in searches}
        self.loaded = True
        self.tree.show_tree(collections, searches, counts)
        self._forget_missing_scopes()
        self.show_scopes()

    def show_scopes(self) -> None:
        """Mark the chosen collections and saved search, tick "Has annotations", name the chips."""
        filters = self.window.facets.filters()
        self.tree.mark_chosen(set(filters.collections), filters.saved_search)
        self.panel.set_annotated(filters.has_annotations)
        self.window.chip_bar.set_filters(filters)

    def _forget_missing_scopes(self) -> None:
        """A scope whose collection or saved search is gone (deleted, or another library's) is lifted."""
        facets = self.window.facets
        filters = facets.filters()
        kept = {str(i) for i in filters.collections if i in self.collections}
        if kept != {str(i) for i in filters.collections}:
            facets.choose_scope("collections", kept)
        if filters.saved_search is not None and filters.saved_search not in self.searches:
            facets.choose_scope("saved_search", set())

    def scope_label(self, scope: str, value: str) -> str:
        """A chip's text: "Collection: Arctic", "Saved search: Shipping since 2020", "Has annotations"."""
        if scope == "annotated":
            return SCOPE_TITLES[scope]
        found = self.collections.get(int(value)) if scope == "collections" else self.searches.get(int(value))
        return f"{SCOPE_TITLES[scope]}: {found.name if found is not None else '…'}"

    # -- choosing --------------------------------------------------------------------------------
    def choose_collection(self, collection_id: int, add: bool = False) -> None:
        """Only this collection's articles (``add``: its articles too); chosen again, the scope lifts."""
        chosen = {str(i) for i in self.window.facets.filters().collections}
        value = str(collection_id)
        if add:
            chosen ^= {value}
        else:
            chosen = set() if chosen == {value} else {value}
        self.window.facets.choose_scope("collections", chosen)

    def choose_search(self, search_id: int) -> None:
        """Apply the saved search (live: it is searched again with every change); again, it lifts."""
        current = self.window.facets.filters().saved_search
        self.window.facets.choose_scope("saved_search", set() if current == search_id else {str(search_id)})

    # -- collections -------------------------------------------------------------------------------
    def new_collection(self, parent: int | None = None) -> None:
        where = f" inside “{self.collections[parent].name}”" if parent in self.collections else ""
        self._ask_name(
            f"New Collection{where}",
            "Name of the new collection:",
            "",
            lambda name: self._create(name, parent),
        )

    def _create(self, name: str, parent: int | None) -> None:
        def done(created: Collection) -> None:
            state: dict[str, Any] = {}

            def undo(library: Library) -> None:
                state["record"] = library.delete_collection(created.id)

            self._record(
                f"New Collection “{created.name}”",
                lambda library: library.restore_collection(state["record"]),
                undo,
            )
            if parent is not None:
                self.tree.expanded_ids.add(parent)
            self._changed(f"Made the collection “{created.name}”: drag articles onto it to add them.")

        self.runner.call(lambda library: library.create_collection(name, parent), done, self._failed)

    def rename_collection(self, collection_id: int) -> None:
        current = self.collections.get(collection_id)
        if current is None:
            return

        def rename(name: str) -> None:
            def done(renamed: Collection) -> None:
                self._record(
                    "Rename Collection",
                    lambda library: library.rename_collection(collection_id, renamed.name),
                    lambda library: library.rename_collection(collection_id, current.name),
                )
                self._changed(f"Renamed the collection to “{renamed.name}”.")

            self.runner.call(
                lambda library: library.rename_collection(collection_id, name), done, self._failed
            )

        self._ask_name("Rename Collection", "New name:", current.name, rename)

    def move_collection(self, collection_id: int, parent: int | None) -> None:
        current = self.collections.get(collection_id)
        if current is None or current.parent == parent or self.window.read_only:
            return

        def done(moved: Collection) -> None:
            self._record(
                "Move Collection",
                lambda library: library.move_collection(collection_id, parent),
                lambda library: library.move_collection(collection_id, current.parent),
            )
            if parent is not None:
                self.tree.expanded_ids.add(parent)
            self._changed(f"Moved “{moved.name}” {'inside another collection' if parent else 'to the top'}.")

        self.runner.call(lambda library: library.move_collection(collection_id, parent), done, self._failed)

    def delete_collection(self, collection_id: int) -> None:
        """Delete a collection and those inside it (never their articles); Ctrl+Z brings them back."""
        current = self.collections.get(collection_id)
        if current is None or self.window.read_only:
            return

        def done(record: CollectionRecord) -> None:
            self._record(
                f"Delete Collection “{current.name}”",
                lambda library: library.delete_collection(collection_id),
                lambda library: library.restore_collection(record),
            )
            self._changed(
                f"Deleted the collection “{current.name}” (its articles stay in the library; Ctrl+Z "
                "brings it back)."
            )

        self.runner.call(lambda library: library.delete_collection(collection_id), done, self._failed)

    def add_articles(self, ids: Sequence[int], collection_id: int) -> None:
        """Put articles (dropped, or from the list's menu) in a collection; undo takes out those added."""
        target = self.collections.get(collection_id)
        if target is None or not ids or self.window.read_only:
            return
        wanted = list(ids)

        def done(added: list[int]) -> None:
            if added:
                self._record(
                    f"Add {articles(len(added))} to “{target.name}”",
                    lambda library: library.add_to_collection(added, collection_id),
                    lambda library: library.remove_from_collection(added, collection_id),
                )
            already = len(wanted) - len(added)
            said = f"Added {articles(len(added)).lower()} to “{target.name}”"
            self._changed(said + (f" ({already} already in it)." if already else "."))

        self.runner.call(lambda library: library.add_to_collection(wanted, collection_id), done, self._failed)

    def remove_articles(self, ids: Sequence[int], collection_id: int) -> None:
        """Take articles out of a collection (never out of the library); undoable."""
        target = self.collections.get(collection_id)
        if target is None or not ids or self.window.read_only:
            return
        wanted = list(ids)

        def done(removed: list[int]) -> None:
            if removed:
                self._record(
                    f"Remove {articles(len(removed))} from “{target.name}”",
                    lambda library: library.remove_from_collection(removed, collection_id),
                    lambda library: library.add_to_collection(removed, collection_id),
                )
            self._changed(
                f"Took {articles(len(removed)).lower()} out of “{target.name}” (they stay in the library)."
            )

        self.runner.call(
            lambda library: library.remove_from_collection(wanted, collection_id), done, self._failed
        )

    # -- saved searches ------------------------------------------------------------------------------
    def save_search(self) -> None:
        """Save what is typed and ticked now (collections and "Has annotations" included) under a name."""
        query, filters = self.window.search_bar.query().strip(), self.window.facets.filters()
        if filters.saved_search is not None:
            filters.saved_search = None  # a saved search is never made of another one: its own terms stay
        if not query and filters.is_empty():
            self.window.show_status("Type a search or tick some filters first, then save it.")
            return

        def save(name: str) -> None:
            def done(saved: SavedSearch) -> None:
                state: dict[str, Any] = {}

                def undo(library: Library) -> None:
                    state["record"] = library.delete_saved_search(saved.id)

                self._record(
                    f"Save Search “{saved.name}”",
                    lambda library: library.restore_saved_search(state["record"]),
                    undo,
                )
                self._changed(f"Saved the search “{saved.name}”: click it in the sidebar to apply it.")

            self.runner.call(lambda library: library.save_search(name, query, filters), done, self._failed)

        self._ask_name("Save Search", "Name of the saved search:", query[:60], save)

    def update_search(self, search_id: int, *, rename: bool) -> None:
        """Rename a saved search, or make it the current search and filters; undoable."""
        before = self.searches.get(search_id)
        if before is None:
            return

        def change(**changes: Any) -> None:
            def done(after: SavedSearch) -> None:
                self._record(
                    "Rename Saved Search" if rename else "Change Saved Search",
                    lambda library: library.restore_saved_search(after),
                    lambda library: library.restore_saved_search(before),
                )
                self._changed(f"Saved the search “{after.name}”.")

            self.runner.call(
                lambda library: library.update_saved_search(search_id, **changes), done, self._failed
            )

        if rename:
            self._ask_name("Rename Saved Search", "New name:", before.name, lambda name: change(name=name))
            return
        filters = self.window.facets.filters()
        filters.saved_search = None
        change(query=self.window.search_bar.query().strip(), filters=filters)

    def delete_search(self, search_id: int) -> None:
        before = self.searches.get(search_id)
        if before is None or self.window.read_only:
            return

        def done(record: SavedSearch) -> None:
            self._record(
                f"Delete Saved Search “{record.name}”",
                lambda library: library.delete_saved_search(search_id),
                lambda library: library.restore_saved_search(record),
            )
            self._changed(f"Deleted the saved search “{record.name}” (Ctrl+Z brings it back).")

        self.runner.call(lambda library: library.delete_saved_search(search_id), done, self._failed)

    # -- scopes of export and notes ------------------------------------------------------------------
    def scope_ids(self, kind: str, item_id: int, then: Callable[[list[int]], None]) -> None:
        """The articles a collection holds (directly) or a saved search finds now, in the list's order."""

        def work(library: Library) -> list[int]:
            if kind == "collection":
                return library.search_ids("", Filters(collections=[item_id]))
            return library.search_ids("", Filters(saved_search=item_id))

        self.runner.call(work, then, self._failed)

    def export_scope(self, kind: str, item_id: int) -> None:
        def export(ids: list[int]) -> None:
            if ids:
                self.window.citations.export_with_dialog(ids, self.window)
            else:
                self.window.show_status("There is nothing in it to export.")

        self.scope_ids(kind, item_id, export)

    def note_from_scope(self, kind: str, item_id: int) -> None:
        """One note quoting the highlights of every article in the collection or the saved search."""
        name = self.collections.get(item_id) if kind == "collection" else self.searches.get(item_id)
        heading = name.name if name is not None else ""
        self.scope_ids(kind, item_id, lambda ids: self.notes.compose_and_save(ids, None, heading))

    # -- plumbing ----------------------------------------------------------------------------------------
    def _ask_name(self, title: str, label: str, text: str, then: Callable[[str], None]) -> None:
        if self.window.read_only:
            self.window.show_status("This library is open read-only.")
            return
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(text)
        # Qt's default fits the label, cutting the title ("New C…ection") and scrolling a longer name.
        if (field := dialog.findChild(QLineEdit)) is not None:
            field.setMinimumWidth(field.fontMetrics().averageCharWidth() * 48)
        dialog.textValueSelected.connect(lambda name: then(name) if name.strip() else None)
        self.dialog = dialog
        dialog.open()

    def _record(self, name: str, redo: Callable[[Library], Any], undo: Callable[[Library], Any]) -> None:
        self.window.undo.record(name, redo, undo, [], self._changed)

    def _changed(self, message: str) -> None:
        """After any change, done or undone: the tree, the chips and the list anew."""
        self.window.show_status(message)
        self.reload()
        self.window.run_search()

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "a collection or saved search was not changed", error)
        self.window.show_error("Collections", f"That did not work: {error}")
