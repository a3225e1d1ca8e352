"""Collections and saved searches in the sidebar, as a user keeps them: made, filled by dragging articles from
the list, nested, chosen as a scope beside the facets, undone; saved searches applied live; "Has
annotations"; every highlight of the library in one window, copied with its citation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reader.library import BulkEdit


def answer_name(qtbot, flows, name: str) -> None:
    """Type a name into the small dialog the flows opened, and press Enter."""
    qtbot.waitUntil(lambda: flows.dialog is not None and flows.dialog.isVisible())
    dialog, flows.dialog = flows.dialog, None
    dialog.setTextValue(name)
    dialog.accept()


def tree_texts(tree) -> list[str]:
    return [item.text(0) for item in tree.items()]


def drop_on(tree, item, mime) -> None:
    """Drag ``mime`` over the tree onto ``item`` and let go (the events a real drag sends)."""
    point = QPointF(tree.visualItemRect(item).center())
    copy = Qt.DropAction.CopyAction
    for event in (
        QDragEnterEvent(
            point.toPoint(), copy, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
        QDragMoveEvent(
            point.toPoint(), copy, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
        QDropEvent(point, copy, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
    ):
        QApplication.sendEvent(tree.viewport(), event)


def new_collection(window, qtbot, name: str, parent: int | None = None):
    flows = window.research.collections
    flows.new_collection(parent)
    answer_name(qtbot, flows, name)
    qtbot.waitUntil(lambda: any(c.name == name for c in flows.collections.values()), timeout=10_000)
    return next(c for c in flows.collections.values() if c.name == name)


def select_rows(window, rows: range) -> list[int]:
    selection = window.list_view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            window.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        )
    return window.selected_ids()


def test_articles_dragged_from_the_list_onto_a_collection_join_it(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    flows, tree = window.research.collections, window.research.collections.tree
    qtbot.keyClick(
        window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    answer_name(qtbot, flows, "Harbour files")
    qtbot.waitUntil(lambda: "Harbour files  (0)" in tree_texts(tree), timeout=10_000)
    ids = select_rows(window, range(3))
    mime = window.model.mimeData(window.list_view.selectionModel().selectedIndexes())
    collection = next(iter(flows.collections.values()))
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        drop_on(tree, tree.item_of("collection", collection.id), mime)
    qtbot.waitUntil(lambda: "Harbour files  (3)" in tree_texts(tree), timeout=10_000)
    assert window.undo.stack.undoText() == "Add 3 Articles to “Harbour files”"
    # a click on it shows its articles alone, with a chip beside the facets' ones
    item = tree.item_of("collection", collection.id)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert sorted(window.model.ids()) == sorted(ids)
    assert [chip.text() for chip in window.chip_bar.chips] == ["Collection: Harbour files  ✕"]
    assert tree.item_of("collection", collection.id).font(0).bold()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.actions_by_name["undo"].trigger()  # Undo Add 3 Articles: out of it, still in the library
    assert window.model.rowCount() == 0 and window.library_count == 8
    qtbot.waitUntil(lambda: "Harbour files  (0)" in tree_texts(tree), timeout=10_000)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.chip_bar.chips[0].click()  # the scope lifted
    assert window.model.rowCount() == 8


def test_collections_nest_by_dragging_rename_and_come_back_after_a_delete(
    open_window, library_folder: Path, qtbot
) -> None:
    from PySide6.QtCore import QMimeData

    window = open_window(library_folder)
    flows, tree = window.research.collections, window.research.collections.tree
    outer = new_collection(window, qtbot, "Arctic")
    inner = new_collection(window, qtbot, "Shipping")
    ids = select_rows(window, range(2))
    flows.add_articles(ids, inner.id)
    qtbot.waitUntil(lambda: "Shipping  (2)" in tree_texts(tree), timeout=10_000)
    dragged = QMimeData()
    dragged.setData("application/x-offprint-collection-id", str(inner.id).encode())
    drop_on(tree, tree.item_of("collection", outer.id), dragged)
    qtbot.waitUntil(
        lambda: flows.collections.get(inner.id) and flows.collections[inner.id].parent == outer.id
    )
    assert tree.item_of("collection", inner.id).parent() is tree.item_of("collection", outer.id)
    flows.rename_collection(inner.id)
    answer_name(qtbot, flows, "Shipping lanes")
    qtbot.waitUntil(lambda: flows.collections[inner.id].name == "Shipping lanes", timeout=10_000)
    flows.delete_collection(outer.id)  # and the one inside it; never their articles
    qtbot.waitUntil(lambda: not flows.collections, timeout=10_000)
    assert window.library_count == 8
    assert window.undo.stack.undoText() == "Delete Collection “Arctic”"
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: "Shipping lanes  (2)" in tree_texts(tree), timeout=10_000)
    assert flows.collections[inner.id].parent == outer.id


def test_the_list_menu_adds_the_selection_to_a_collection(open_window, library_folder: Path, qtbot) -> None:
    from reader.ui.menus import list_context_menu

    window = open_window(library_folder)
    flows = window.research.collections
    target = new_collection(window, qtbot, "To read")
    select_rows(window, range(2))
    menu = list_context_menu(window, window.actions_by_name)
    add = next(a.menu() for a in menu.actions() if a.text() == "Add to Collection")
    next(a for a in add.actions() if a.text().strip() == "To read").trigger()
    qtbot.waitUntil(lambda: flows.collections[target.id].count == 2, timeout=10_000)


def test_a_saved_search_applies_its_query_and_filters_live(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    flows, tree = window.research.collections, window.research.collections.tree
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query("ferries")
    matching = sorted(window.model.ids())
    assert 0 < len(matching) < 8
    qtbot.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    answer_name(qtbot, flows, "Ferry letters")
    qtbot.waitUntil(lambda: f"Ferry letters  ({len(matching)})" in tree_texts(tree), timeout=10_000)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query("")
    saved = next(iter(flows.searches.values()))
    item = tree.item_of("search", saved.id)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert sorted(window.model.ids()) == matching
    assert [chip.text() for chip in window.chip_bar.chips] == ["Saved search: Ferry letters  ✕"]
    # live: an article that comes to match is in it at once, and its count follows
    other = next(i for i in range(1, 9) if i not in matching)
    window.operations.apply_bulk_edit([other], BulkEdit(add={"topics": ["ferries"]}))
    qtbot.waitUntil(lambda: other in window.model.ids(), timeout=10_000)
    qtbot.waitUntil(lambda: f"Ferry letters  ({len(matching) + 1})" in tree_texts(tree), timeout=10_000)


def test_has_annotations_shows_only_annotated_articles(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    first = window.model.ids()[3]
    text = window.runner.locked(lambda library: library.get(first).text)
    start = text.index("harbour master")
    window.runner.locked(lambda library: library.annotate(first, start, start + 14))
    box = window.research.collections.panel.annotated
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert window.model.ids() == [first]
    assert [chip.text() for chip in window.chip_bar.chips] == ["Has annotations  ✕"]
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.chip_bar.chips[0].click()
    assert window.model.rowCount() == 8 and not box.isChecked()


def test_every_highlight_is_listed_filtered_and_copied_with_its_citation(
    open_window, library_folder: Path, qtbot
) -> None:
    pytest.importorskip("reader.cite.facade")
    window = open_window(library_folder)
    made = []
    for row, colour in ((0, "yellow"), (1, "blue"), (2, "blue")):
        article_id = window.model.ids()[row]
        text = window.runner.locked(lambda library, a=article_id: library.get(a).text)
        start = text.index("easterly storms")
        made.append(
            window.runner.locked(
                lambda library, a=article_id, s=start, c=colour: library.annotate(a, s, s + 15, colour=c)
            )
        )
    window.actions_by_name["annotations_view"].trigger()
    view = window.research.annotations_window
    qtbot.waitUntil(lambda: view.loads >= 1 and view.list.count() == 3, timeout=10_000)
    view.colour.setCurrentIndex(view.colour.findData("blue"))
    qtbot.waitUntil(lambda: view.list.count() == 2, timeout=10_000)
    view.list.set_current_id(made[1].id)
    with qtbot.waitSignal(window.citations.copied, timeout=30_000) as copied:
        view.copy_with_citation()  # Ctrl+Alt+C, as Copy with Citation everywhere
    text = QApplication.clipboard().mimeData().text()
    article = window.runner.locked(lambda library: library.get(made[1].article_id))
    assert copied.args[0].kind == "passage" and "easterly storms" in text
    assert article.authors[0].split()[-1] in text
    # Show in Article opens it at the highlight
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        view.show_in_article()
    qtbot.waitUntil(lambda: window.reader.chosen == made[1].id, timeout=10_000)


def test_a_scope_the_library_no_longer_has_is_lifted_not_an_error(
    open_window, library_folder: Path, settings, qtbot
) -> None:
    from reader.library import Filters

    settings.set_last_filters(Filters(collections=[41], saved_search=42))  # another library's, say
    window = open_window(library_folder)
    assert window.model.rowCount() == 8 and not window.article_pane.message.isVisible()
    qtbot.waitUntil(lambda: window.research.collections.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: window.facets.filters().is_empty(), timeout=10_000)
    assert window.chip_bar.chips == []


def test_the_name_dialog_is_wide_enough_for_its_title_and_a_long_name(
    open_window, library_folder: Path, qtbot
) -> None:
    """The New Collection dialog was 170 px wide: its title read "New C…ection" and a name scrolled."""
    window = open_window(library_folder)
    flows = window.research.collections
    window.actions_by_name["new_collection"].trigger()
    qtbot.waitUntil(lambda: flows.dialog is not None and flows.dialog.isVisible())
    dialog = flows.dialog
    name = "Harbour economy fieldwork, spring 2025"
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(name) + 40
    dialog.reject()
