"""Nothing lost by a slip, in the app: actions act on what the list shows, the Trash, undo and redo of
every kind of action, the complete metadata editor, and the import dialog's default button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.library import BulkEdit
from reader.ui.import_dialog import ImportProgressDialog, shown_path
from reader.ui.metadata_editor import MetadataDialog


def _open_first(window, qtbot) -> int:
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    return window.current_id


def _search(window, qtbot, query: str) -> None:
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query(query)


def _number(window, article_id: int) -> int:
    return int(window.library.get(article_id).title.rsplit(" ", 1)[-1])


def _asking(window, answer: bool) -> list[str]:
    asked: list[str] = []
    window.operations.confirm = lambda _title, question: asked.append(question) or answer
    return asked


def test_actions_never_reach_an_article_the_search_has_hidden(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    hidden = _open_first(window, qtbot)
    other = next(i for i in window.model.ids() if i != hidden)
    _search(window, qtbot, f'"number {_number(window, other)}"')
    assert window.model.ids() == [other]
    assert window.current_id is None and "is not in the current results" in window.reader.toPlainText()
    assert window.library.get(hidden).title in window.reader.toPlainText()
    assert window.selected_ids() == []
    asked = _asking(window, True)
    with qtbot.assertNotEmitted(window.citations.copied, wait=300):
        window.copy_bibliography()
    window.remove_selected()
    window.edit_metadata()
    qtbot.wait(300)
    assert asked == [] and window.operations.editor is None and window.library.count() == 8
    _search(window, qtbot, "zeppelin")  # nothing matches: Del in the empty list asks nothing
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)
    qtbot.wait(300)
    assert asked == [] and window.library.count() == 8
    assert window.statusBar().currentMessage() == "Select one or more articles first."
    with qtbot.waitSignal(window.article_shown, timeout=10_000) as shown:
        window.search_bar.set_query("")  # it comes back into the results: it opens again
    assert shown.args == [hidden] and window.selected_ids() == [hidden]


def test_home_and_end_select_the_first_and_last_article(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(3, 0))
    window.list_view.setFocus()
    ids = window.model.ids()
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.keyClick(window.list_view, Qt.Key.Key_Home)
    assert window.selected_ids() == [ids[0]] and window.current_id == ids[0]
    qtbot.keyClick(window.list_view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert window.selected_ids() == ids


def test_removing_names_the_article_moves_it_to_the_trash_and_undo_brings_it_back(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    article_id = _open_first(window, qtbot)
    title = window.library.get(article_id).title
    asked = _asking(window, True)
    with qtbot.waitSignal(window.library_changed, timeout=10_000):
        window.remove_selected()
    assert asked[0].startswith(f"Move “{title}” to the Trash?")
    assert window.library.count() == 7 and [t.id for t in window.library.trashed()] == [article_id]
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.text() == "Undo Remove Article"
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        undo.trigger()
    assert window.library.count() == 8 and window.library.trashed() == []
    assert redo.text() == "Redo Remove Article"
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        redo.trigger()
    assert window.library.count() == 7
    qtbot.waitUntil(lambda: article_id not in window.model.ids(), timeout=10_000)


def test_the_trash_lists_restores_and_empties_from_the_app(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    _asking(window, True)
    ids = window.model.ids()[:3]
    selection = window.list_view.selectionModel()
    for row in range(3):
        selection.select(window.model.index(row, 0), selection.SelectionFlag.Select)
    with qtbot.waitSignal(window.library_changed, timeout=10_000):
        window.remove_selected()
    assert window.actions_by_name["undo"].text() == "Undo Remove 3 Articles"
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("trash")
    assert sorted(window.model.ids()) == sorted(ids)
    assert window.views.views.counts["trash"] == 3 and window.views.bar.isVisible()
    assert "Trash  (3)" in window.views.views.item(3).text()
    window.list_view.selectionModel().select(window.model.index(0, 0), selection.SelectionFlag.Select)
    back = window.model.id_at(0)
    with qtbot.waitSignal(window.library_changed, timeout=10_000):
        window.views.restore_selected()
    assert window.library.count() == 6 and window.actions_by_name["undo"].text() == "Undo Restore Article"
    assert window.library.search_ids().count(back) == 1
    qtbot.waitUntil(lambda: back not in window.model.ids(), timeout=10_000)
    with qtbot.waitSignal(window.library_changed, timeout=10_000):
        window.operations.empty_trash()
    assert window.library.trashed() == [] and window.library.count() == 6
    # Undo Remove 3 Articles would bring back articles gone for good: dropped; the restore of the one
    # that came back out of the Trash stays undoable.
    assert window.undo.stack.count() == 1 and window.actions_by_name["undo"].text() == "Undo Restore Article"
    qtbot.waitUntil(lambda: window.model.ids() == [], timeout=10_000)
    assert "The Trash is empty." in window.article_pane.message.text()


def test_emptying_the_trash_keeps_the_undo_history_of_other_articles(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    _asking(window, True)
    ids = window.model.ids()
    doomed, other, later = ids[0], ids[1], ids[2]
    for article_id, title in ((doomed, "Soon deleted"), (other, "Kept before"), (later, "Kept after")):
        if article_id == later:
            window.list_view.selectionModel().clearSelection()
            window.list_view.setCurrentIndex(window.model.index(ids.index(doomed), 0))
            with qtbot.waitSignal(window.library_changed, timeout=10_000):
                window.remove_selected()
        with qtbot.waitSignal(window.article_saved, timeout=10_000):
            window.save_edits(article_id, {"title": title})
    assert window.undo.stack.count() == 4  # Edit Title ×2, Remove Article, Edit Title
    with qtbot.waitSignal(window.library_changed, timeout=10_000):
        window.operations.empty_trash()
    assert window.library.trashed() == [] and doomed not in window.library.search_ids()
    stack = window.undo.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Edit Title", "Edit Title"]
    for _ in range(2):
        with qtbot.waitSignal(window.undo.changed, timeout=10_000):
            window.actions_by_name["undo"].trigger()
    assert window.library.get(later).title != "Kept after"
    assert window.library.get(other).title != "Kept before"
    assert not stack.canUndo()


def test_edits_and_bulk_edits_are_undone_and_redone_by_name(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    article_id = _open_first(window, qtbot)
    before = window.library.get(article_id)
    with qtbot.waitSignal(window.article_saved, timeout=10_000):
        window.save_edits(article_id, {"title": "A corrected title"})
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.text() == "Undo Edit Title"
    ids = window.model.ids()[:4]
    with qtbot.waitSignal(window.library_changed, timeout=10_000):
        window.operations.apply_bulk_edit(ids, BulkEdit(add={"series": ["Storm Logs"]}))
    assert undo.text() == "Undo Add Series"
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        undo.trigger()
    assert all("Storm Logs" not in window.library.get(i).series for i in ids)
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        undo.trigger()
    assert (
        window.library.get(article_id).title == before.title
        and "title" not in window.library.get(article_id).edited
    )
    qtbot.waitUntil(lambda: window.reader.toPlainText().startswith(before.title), timeout=10_000)
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        redo.trigger()
    assert window.library.get(article_id).title == "A corrected title"
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        redo.trigger()
    assert all("Storm Logs" in window.library.get(i).series for i in ids)
    assert window.statusBar().currentMessage() == "Redid Add Series."


def test_the_editor_round_trips_every_field_and_reverts_one(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    article_id = _open_first(window, qtbot)
    article = window.library.get(article_id)
    known = {"series": ["Coastal Notes", "Harbour Lives"], "topics": ["tides"], "sites": [], "authors": []}
    dialog = MetadataDialog(article, window, completions=known)
    qtbot.addWidget(dialog)
    assert dialog.rows["title"].source.text().startswith("from ")  # where the value came from
    # the test pages name no save date: the day comes from the file (see tests/ingest for the savers)
    assert dialog.rows["accessed"].source.text() == "from the file's modification time"
    dialog.item_type.setCurrentIndex(dialog.item_type.findData("report"))
    dialog.fields["title"].setText("Storm letters")
    row = dialog.authors.rows[0]
    row.family.setText("de la Cruz")
    row.given.setText("Tomas")
    extra = dialog.authors.add_row(None)
    extra.family.setText("Castaneda Moreau")
    extra.given.setText("Aurelia")
    dialog.fields["organizations"].setText("Harbour Trust")
    dialog.fields["date"].setText("2024-05")
    dialog.fields["site"].setText("Tidewater Quarterly")
    dialog.fields["url"].setText("https://tidewater.example/storm-letters")
    dialog.fields["language"].setText("de")
    dialog.fields["accessed"].setText("2026-01-02")
    dialog.fields["series"].setText("Harbour Lives")
    dialog.fields["topics"].setText("tides; storms")
    assert dialog.problems() == []
    changes = dialog.changed_fields()
    with qtbot.waitSignal(window.article_saved, timeout=10_000):
        window.save_edits(article_id, changes)
    saved = window.library.get(article_id)
    assert saved.item_type == "report" and saved.title == "Storm letters"
    assert saved.authors == ["Tomas de la Cruz", "Castaneda Moreau, Aurelia"]  # each splits back the same
    assert (saved.organizations, saved.date, saved.language, saved.accessed) == (
        ["Harbour Trust"],
        "2024-05",
        "de",
        "2026-01-02",
    )
    assert saved.series == ["Harbour Lives"] and saved.topics == ["tides", "storms"]
    again = MetadataDialog(saved, window)
    qtbot.addWidget(again)
    assert again.values() == {name: getattr(saved, name) for name in again.values()}
    assert [(r.family.text(), r.given.text()) for r in again.authors.rows] == [
        ("de la Cruz", "Tomas"),
        ("Castaneda Moreau", "Aurelia"),
    ]
    assert again.changed_fields() == {}
    again.revert_field("title")
    assert again.reverted_fields() == ["title"] and again.fields["title"].text() == article.extracted["title"]
    with qtbot.waitSignal(window.article_saved, timeout=10_000):
        window.operations.save_edits(article_id, again.changed_fields(), again.reverted_fields())
    assert window.library.get(article_id).title == article.extracted["title"]
    assert window.actions_by_name["undo"].text() == "Undo Revert Title"


def test_bad_dates_and_languages_are_refused_in_the_editor(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    dialog = MetadataDialog(window.library.get(_open_first(window, qtbot)), window)
    qtbot.addWidget(dialog)
    dialog.fields["accessed"].setText("2026-13-01")
    dialog.fields["language"].setText("English!")
    assert dialog.problems() == [
        "Accessed “2026-13-01” is not a real date.",
        "Language “English!” must be a language tag such as en, de or pt-BR.",
    ]
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()


def test_the_bulk_editor_completes_existing_names_and_says_what_is_new(
    open_window, library_folder, qtbot
) -> None:
    window = open_window(library_folder)
    selection = window.list_view.selectionModel()
    for row in (0, 1):
        selection.select(window.model.index(row, 0), selection.SelectionFlag.Select)
    window.bulk_edit()
    qtbot.waitUntil(lambda: window.operations.editor is not None, timeout=10_000)
    dialog = window.operations.editor
    completer = dialog.add_series.completer()
    completer.setCompletionPrefix("harb")
    assert completer.currentCompletion() == "Harbour Lives"
    dialog.add_series.setText("Harbor Lives")  # a typo
    assert "This creates a new series “Harbor Lives”." in dialog.new_names.text()
    dialog.add_series.setText("Harbour Lives")
    assert dialog.new_names.text() == ""


def test_enter_sends_the_import_to_the_background_and_esc_cancels(
    open_window, make_pages, tmp_path: Path, qtbot
) -> None:
    dialog = ImportProgressDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.background_button.isDefault() and not dialog.cancel_button.isDefault()
    with qtbot.waitSignal(dialog.background_requested, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.cancel_requested, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    window = open_window(tmp_path / "empty-library")
    pages = tmp_path / "pages"
    for part in ("2024/march", "2025/may"):
        make_pages(pages / part, 90, start=0 if part.startswith("2024") else 90)
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as finished:
        window.import_paths([pages])
        qtbot.waitUntil(lambda: window.importer.progress_dialog is not None, timeout=30_000)
        shown = window.importer.progress_dialog
        qtbot.waitUntil(lambda: "/article-" in shown.label.text(), timeout=30_000)
        assert shown.label.text().split("\n")[1].startswith(("2024/march/", "2025/may/"))
        qtbot.keyClick(shown, Qt.Key.Key_Return)  # a stray Enter: the import goes on in the background
        assert window.importer.progress_dialog is None and window.importer.in_background
    results, cancelled = finished.args
    assert not cancelled and len(results) == 180
    summary = window.importer.summary
    assert summary is not None and summary.show_button.isEnabled()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        summary.show_button.click()
    assert len(window.selected_ids()) == 180


def test_progress_paths_are_shown_inside_the_imported_folder() -> None:
    assert shown_path("/data/saved/2024/march/source.html", ["/data/saved"]) == "2024/march/source.html"
    assert shown_path("/elsewhere/page.html", ["/data/saved"]) == "page.html"


def test_needs_attention_says_when_it_is_empty(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("attention")
    assert window.model.ids() == []
    assert window.article_pane.message.text().startswith("No article needs attention")


def test_the_duplicates_view_lists_the_articles_of_each_set(open_window, library_folder: Path, qtbot) -> None:
    """The test library's pages share most of their text (one template): the finder calls them one story."""
    window = open_window(library_folder)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("duplicates")
    sets = window.library.duplicate_sets()
    assert window.model.ids() == [i for found in sets for i in found.ids]
    assert window.views.views.counts["duplicates"] == len(window.model.ids()) > 0
    assert window.views.bar.merge_button.isVisible()


def test_merging_duplicates_side_by_side_is_undone_and_redone(
    open_window, library_folder: Path, qtbot
) -> None:
    from reader.ui.duplicates_dialog import DuplicatesDialog

    window = open_window(library_folder)
    dialog = DuplicatesDialog(window.runner, window.operations, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.articles != [], timeout=20_000)
    (found,) = dialog.sets  # the test library's pages share most of their text
    assert dialog.table.columnCount() == len(found.ids) + 1 and dialog.table.item(1, 0).text()
    keep = dialog.keep.currentData()
    before = window.library.get(keep).title
    other_column = next(c for c in range(1, dialog.table.columnCount()) if dialog.articles[c - 1].id != keep)
    dialog.table.cellClicked.emit(1, other_column)  # take another article's title
    chosen = dialog.articles[other_column - 1].title
    assert dialog.values["title"] == chosen and dialog.table.item(1, 0).text() == chosen
    with qtbot.waitSignal(window.library_changed, timeout=20_000):
        dialog.merge_button.click()
    assert window.library.count() == 1 and window.library.get(keep).title == chosen
    assert {t.merged_into for t in window.library.trashed()} == {keep}
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.text() == f"Undo Merge {len(found.ids)} Duplicates"
    with qtbot.waitSignal(window.undo.changed, timeout=20_000):
        undo.trigger()
    assert window.library.count() == len(found.ids) and window.library.trashed() == []
    assert window.library.get(keep).title == before != chosen
    with qtbot.waitSignal(window.undo.changed, timeout=20_000):
        redo.trigger()
    assert window.library.count() == 1 and window.library.get(keep).title == chosen


def test_the_filters_count_the_articles_of_the_view_shown(open_window, library_folder: Path, qtbot) -> None:
    """Needs Attention (empty here) once listed every series and topic of the library beside an empty
    list, and the Trash said "No series for these articles" of articles that have one."""
    window = open_window(library_folder)
    series = window.facets.sections["series"]
    assert series.values_shown()  # All Articles: the library's series
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("attention")
    assert window.model.ids() == []
    assert {f: s.values_shown() for f, s in window.facets.sections.items() if s.values_shown()} == {}
    assert series.empty.text() == "No series for these articles"
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("all")
    assert series.values_shown()
    trashed = _open_first(window, qtbot)
    _asking(window, True)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.remove_selected()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("trash")
    assert window.model.ids() == [trashed]
    assert not series.values_shown()
    assert series.empty.isVisibleTo(window) and series.empty.text() == "Filters do not apply in the Trash"


def test_the_duplicates_line_shows_its_count_before_it_is_opened(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    in_sets = [i for found in window.library.duplicate_sets() for i in found.ids]
    assert in_sets
    views = window.views.views
    qtbot.waitUntil(lambda: views.counts["duplicates"] == len(in_sets), timeout=10_000)
    assert views.item(2).text() == f"Duplicates  ({len(in_sets)})"
    assert window.views.view == "all"
    _asking(window, True)
    window.list_view.setCurrentIndex(window.model.index(window.model.row_of(in_sets[0]), 0))
    window.remove_selected()  # a duplicate to the Trash: the count follows
    qtbot.waitUntil(lambda: views.counts["duplicates"] == len(in_sets) - 1, timeout=10_000)


def test_opening_the_trash_moves_nothing_in_the_sidebar(open_window, library_folder: Path, qtbot) -> None:
    """The Trash's bar once went above the sidebar too and pushed it down a line: the next click on
    "Duplicates" landed on "Needs Attention"."""
    from PySide6.QtCore import QPoint

    window = open_window(library_folder)
    views = window.views.views
    before = views.mapTo(window, QPoint(0, 0))
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        views.set_view("trash")
    qtbot.waitUntil(lambda: window.views.bar.isVisible(), timeout=5_000)
    qtbot.wait(50)  # the layout settles
    assert views.mapTo(window, QPoint(0, 0)) == before
    assert window.views.bar.empty_button.isVisible()
    bar = window.views.bar.mapTo(window, QPoint(0, 0))
    pane = window.article_pane.mapTo(window, QPoint(0, 0))
    assert bar.x() >= pane.x()  # above the list it acts on


def test_in_the_trash_collections_and_has_annotations_are_greyed_out_saying_why(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    panel = window.research.collections.panel
    assert panel.tree.isEnabled() and panel.annotated.isEnabled()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("trash")
    assert not panel.tree.isEnabled() and not panel.annotated.isEnabled()
    assert "do not apply in the Trash" in panel.tree.toolTip()
    assert "do not apply in the Trash" in panel.annotated.toolTip()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("all")
    assert panel.tree.isEnabled() and panel.annotated.isEnabled()
    assert "do not apply" not in panel.annotated.toolTip()


def test_the_article_after_the_removed_ones_takes_their_place(
    open_window, library_folder: Path, qtbot
) -> None:
    """Del, Del, Del walks down the list as in Zotero: the selection never drops to nothing."""
    window = open_window(library_folder)
    ids = window.model.ids()
    _asking(window, True)
    window.list_view.setFocus()
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(1, 0))
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)
    assert window.model.ids() == [ids[0], *ids[2:]]
    assert window.selected_ids() == [ids[2]] and window.current_id == ids[2]
    assert window.list_view.currentIndex().row() == 1
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.keyClick(window.list_view, Qt.Key.Key_End)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)  # the last one: the one before it
    assert window.selected_ids() == [ids[-2]] and window.current_id == ids[-2]


def test_the_edit_menu_offers_restore_and_empty_trash_only_when_they_can_act(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    restore, empty = window.actions_by_name["restore"], window.actions_by_name["empty_trash"]
    assert not restore.isEnabled() and not empty.isEnabled()  # nothing in the Trash
    _open_first(window, qtbot)
    _asking(window, True)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.remove_selected()
    assert empty.isEnabled() and not restore.isEnabled()  # restoring is done from inside the Trash
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.views.views.set_view("trash")
    assert empty.isEnabled() and restore.isEnabled()
