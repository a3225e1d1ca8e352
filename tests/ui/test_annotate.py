"""Highlights, comments and notes in the reader, as a user makes them: by mouse and by keyboard, undone and
redone, listed in the sidebar and jumped to, kept apart when their passage is gone, made into a note."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.library import Anchoring

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def open_article(window, qtbot, row: int = 0):
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(row, 0))
    return window.current_article


def annotations_of(window, article_id: int) -> list:
    return window.runner.locked(lambda library: library.annotations(article_id))


def point_at(reader, position: int) -> QPoint:
    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    rect = reader.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag_select(qtbot, reader, phrase: str, *, trim_start: int = 0, trim_end: int = 0) -> None:
    """Press inside the first letters of ``phrase``, move and let go inside its last ones, as a hand does."""
    found = reader.document().find(phrase)
    assert not found.isNull(), phrase
    caret = QTextCursor(found)
    caret.clearSelection()  # a press inside a selection would drag the text, not select anew
    reader.setTextCursor(caret)
    reader.ensureCursorVisible()
    start = point_at(reader, found.selectionStart() + trim_start)
    end = point_at(reader, found.selectionEnd() - trim_end)
    viewport = reader.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        here = start + (end - start) * step / 5
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(here),
            QPointF(viewport.mapToGlobal(here)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def drawn(reader) -> list[str]:
    """The texts the reader marks as highlights (its extra selections in a highlight's wash)."""
    return [s.cursor.selectedText() for s in reader._annotation_selections]


def test_a_mouse_selection_is_highlighted_from_the_bar_under_it(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    reader, popup = window.reader, window.research.annotations.popup
    drag_select(qtbot, reader, "harbour master of Port Maren", trim_start=3, trim_end=2)  # "bour … Mar"
    assert popup.isVisible() and popup.annotation_id is None
    with qtbot.waitSignal(window.research.annotations.changed, timeout=10_000):
        qtbot.mouseClick(popup.colour_buttons["green"], Qt.MouseButton.LeftButton)
    [made] = annotations_of(window, article.id)
    assert made.quote == "harbour master of Port Maren" and made.colour == "green"  # whole words
    assert article.text[made.start : made.end] == made.quote
    assert drawn(reader) == ["harbour master of Port Maren"]
    assert not reader.textCursor().hasSelection() and not popup.isVisible()
    assert window.reader_pane.annotations_panel.list.annotations() == [made]
    assert window.actions_by_name["undo"].text() == "Undo Highlight in Green"


def test_the_keyboard_selects_and_highlights_and_so_does_find(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    reader = window.reader
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "sand drifted")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)  # the caret stays after the match
    assert reader.hasFocus()
    back_a_word = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for _ in range(2):  # the caret is after the match: select back over its two words
        qtbot.keyClick(reader, Qt.Key.Key_Left, back_a_word)
    assert reader.textCursor().selectedText().strip() == "sand drifted"
    with qtbot.waitSignal(window.research.annotations.changed, timeout=10_000):
        qtbot.keyClick(reader, Qt.Key.Key_2, CTRL_ALT)
    # with the find bar open, its current match is what a colour key highlights
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "great flood")
    with qtbot.waitSignal(window.research.annotations.changed, timeout=10_000):
        qtbot.keyClick(window.find_bar.field, Qt.Key.Key_4, CTRL_ALT)
    made = {a.quote: a.colour for a in annotations_of(window, article.id)}
    assert made == {"sand drifted": "red", "great flood": "blue"}
    assert sorted(drawn(reader)) == ["great flood", "sand drifted"]
    assert window.find_bar.count_label.text() == "1 of 1"  # find's marks stay over the highlight


def test_a_comment_is_written_undone_and_redone(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    flows = window.research.annotations
    cursor = window.reader.document().find("easterly storms")
    window.reader.setTextCursor(cursor)
    with qtbot.waitSignal(flows.changed, timeout=10_000):
        qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL_ALT)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL_ALT)  # the highlight just made is the chosen one
    dialog = flows.dialog
    assert dialog is not None and dialog.isVisible() and "easterly storms" in dialog.quote.text()
    qtbot.keyClicks(dialog.editor, "Which storms? The 1953 ones.")
    qtbot.keyClicks(dialog.tags, "weather, floods")
    with qtbot.waitSignal(flows.changed, timeout=10_000):
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [annotation] = annotations_of(window, article.id)
    assert annotation.comment == "Which storms? The 1953 ones." and annotation.tags == ("weather", "floods")
    card = window.reader_pane.annotations_panel.list.annotations()[0]
    assert card.comment == annotation.comment
    undo = window.undo.stack
    assert undo.undoText() == "Add Comment"
    with qtbot.waitSignal(flows.changed, timeout=10_000):
        window.actions_by_name["undo"].trigger()
    assert annotations_of(window, article.id)[0].comment == ""
    with qtbot.waitSignal(flows.changed, timeout=10_000):
        window.actions_by_name["undo"].trigger()
    assert annotations_of(window, article.id) == [] and drawn(window.reader) == []
    assert window.reader_pane.annotations_panel.empty.isVisible()
    for _ in range(2):
        with qtbot.waitSignal(flows.changed, timeout=10_000):
            undo.redo()
    [back] = annotations_of(window, article.id)
    assert back.id == annotation.id and back.comment == annotation.comment
    assert drawn(window.reader) == ["easterly storms"]


def test_a_click_on_a_card_in_the_sidebar_jumps_to_its_highlight(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    text = article.text
    start = text.index("The council answered")
    late = window.runner.locked(
        lambda library: library.annotate(article.id, start, start + 20, colour="purple")
    )
    window.research.annotations.refresh(article.id)
    qtbot.waitUntil(lambda: len(window.reader_pane.annotations_panel.list.annotations()) == 1)
    window.reader.set_font_size(40)  # the passage is far below the top now
    bar = window.reader.verticalScrollBar()
    bar.setValue(0)
    listing = window.reader_pane.annotations_panel.list
    rect = listing.row_rect(late.id)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.value() > 0 and window.reader.chosen == late.id
    span = window.reader.span_of(late)
    shown = window.reader.cursorRect(window.reader.textCursor())
    assert window.reader.textCursor().position() == span.start
    assert 0 <= shown.top() < window.reader.viewport().height()
    assert drawn(window.reader) == ["The council answered"]


def test_a_click_on_a_highlight_offers_colours_and_delete_which_undo_reverses(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    flows, reader = window.research.annotations, window.reader
    start = article.text.index("fishing boats")
    made = window.runner.locked(
        lambda library: library.annotate(article.id, start, start + 13, comment="which boats?")
    )
    flows.refresh(article.id)
    qtbot.waitUntil(lambda: bool(drawn(reader)))
    span = reader.span_of(made)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point_at(reader, span.start + 3))
    assert flows.popup.isVisible() and flows.popup.annotation_id == made.id
    assert flows.popup.colour_buttons["yellow"].isChecked()
    with qtbot.waitSignal(flows.changed, timeout=10_000):
        qtbot.mouseClick(flows.popup.colour_buttons["purple"], Qt.MouseButton.LeftButton)
    assert annotations_of(window, article.id)[0].colour == "purple"
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point_at(reader, span.start + 3))
    with qtbot.waitSignal(flows.changed, timeout=10_000):
        qtbot.mouseClick(flows.popup.delete_button, Qt.MouseButton.LeftButton)
    assert annotations_of(window, article.id) == [] and drawn(reader) == []
    with qtbot.waitSignal(flows.changed, timeout=10_000):
        window.undo.stack.undo()
    [back] = annotations_of(window, article.id)
    assert (back.id, back.colour, back.comment) == (made.id, "purple", "which boats?")


def test_a_highlight_whose_passage_is_gone_is_listed_apart_never_dropped(
    open_window, library_folder: Path, tmp_path: Path, qtbot
) -> None:
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    start = article.text.index("how the keepers of the lighthouse")
    gone = window.runner.locked(
        lambda library: library.annotate(article.id, start, start + 33, comment="keep")
    )
    stays = article.text.index("The council answered")
    kept = window.runner.locked(lambda library: library.annotate(article.id, stays, stays + 20))
    saved = window.runner.locked(lambda library: library.original_bytes(article.id)).decode("utf-8")
    sentence = (
        "how the keepers of the lighthouse logged each storm in a ledger that is still kept in the town "
        "archive"
    )
    newer = re.sub(  # a newer save of the page: that sentence rewritten, the rest as it was
        r"\s+".join(map(re.escape, sentence.split())),
        "why the new pier, paid for by a levy on every landed crate, changed which fleets could winter in "
        "the harbour at all, and who was left to pay for the repairs once the subsidy ran out",
        saved,
    )
    assert newer != saved
    page = tmp_path / "newer" / "article.html"
    page.parent.mkdir()
    page.write_text(newer, encoding="utf-8")
    window.runner.locked(lambda library: list(library.import_paths([page])))
    window.open_article(article.id)
    qtbot.waitUntil(lambda: len(window.reader_pane.annotations_panel.list.annotations()) == 2, timeout=10_000)
    listing = window.reader_pane.annotations_panel.list
    found = {a.id: a for a in listing.annotations()}
    assert found[gone.id].anchoring is Anchoring.ORPHANED and found[gone.id].comment == "keep"
    assert found[kept.id].anchored
    notice_rows = [
        row for row in range(listing.count()) if listing.item(row).data(Qt.ItemDataRole.UserRole + 3)
    ]
    assert len(notice_rows) == 1
    assert (
        listing.item(notice_rows[0] + 1).data(Qt.ItemDataRole.UserRole + 1).id == gone.id
    )  # under the notice
    assert drawn(window.reader) == ["The council answered"]  # only the placed one is drawn
    window.research.annotations.jump(gone.id)
    assert "no longer in the article" in window.statusBar().currentMessage()


def test_note_from_annotations_quotes_and_cites_each_highlight_with_its_comment(
    open_window, library_folder: Path, qtbot
) -> None:
    pytest.importorskip("reader.cite.facade")
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    start = article.text.index("easterly storms")
    window.runner.locked(
        lambda library: library.annotate(article.id, start, start + 15, comment="Which year?")
    )
    window.research.annotations.refresh(article.id)
    panel = window.reader_pane.annotations_panel
    qtbot.waitUntil(lambda: panel.from_annotations.isEnabled())
    notes = window.research.notes
    qtbot.mouseClick(panel.from_annotations, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(notes.editors), timeout=30_000)
    [editor] = notes.editors.values()
    text = editor.text()
    surname = article.authors[0].split()[-1]
    assert re.search(rf"“easterly storms” \([^)]*{surname}, \d{{4}}\)", text)  # the quote, its citation
    assert "Which year?" in text and "References" in text and article.title in text
    assert "References" in editor.preview.toPlainText()  # the Markdown preview
    [stored] = window.runner.locked(lambda library: library.notes(article.id))
    assert stored.text == text
    qtbot.waitUntil(lambda: len(panel.notes_shown()) == 1)
    with qtbot.waitSignal(window.research.annotations.changed, timeout=10_000):
        window.undo.stack.undo()  # Undo Note from Annotations: gone, and its window with it
    assert window.runner.locked(lambda library: library.notes(article.id)) == []
    assert not notes.editors


def test_a_new_note_saves_as_it_is_typed_and_its_edit_is_undone_whole(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    article = open_article(window, qtbot)
    notes = window.research.notes
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_ALT)
    qtbot.waitUntil(lambda: bool(notes.editors), timeout=10_000)
    [editor] = notes.editors.values()
    qtbot.keyClicks(editor.editor, "# Harbour plan")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.editor, "Ask the *archivist* about the ledger.")
    qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=10_000)  # by itself, after a pause
    [stored] = window.runner.locked(lambda library: library.notes(article.id))
    assert stored.text == "# Harbour plan\nAsk the *archivist* about the ledger."
    assert editor.preview.document().toPlainText().startswith("Harbour plan")
    editor.close()
    panel = window.reader_pane.annotations_panel
    qtbot.waitUntil(lambda: [n.title for n in panel.notes_shown()] == ["Harbour plan"], timeout=10_000)
    assert window.undo.stack.undoText() == "Edit Note"
    with qtbot.waitSignal(window.research.annotations.changed, timeout=10_000):
        window.undo.stack.undo()
    assert window.runner.locked(lambda library: library.notes(article.id))[0].text == ""
    with qtbot.waitSignal(window.research.annotations.changed, timeout=10_000):
        window.undo.stack.undo()
    assert window.runner.locked(lambda library: library.notes(article.id)) == []


def test_a_read_only_library_shows_highlights_but_makes_none(
    open_window, library_folder: Path, qtbot
) -> None:
    from reader.library import Library

    with Library.open(library_folder) as library:
        first = library.search_ids("", None)[0]
        text = library.get(first).text
        start = text.index("harbour master")
        library.annotate(first, start, start + 14, comment="seen")
    window = open_window(library_folder, read_only=True)
    window.select_article(first)
    qtbot.waitUntil(lambda: drawn(window.reader) == ["harbour master"], timeout=10_000)
    for name in ("highlight_yellow", "comment", "new_note", "new_collection", "save_search"):
        assert not window.actions_by_name[name].isEnabled(), name
    drag_select(qtbot, window.reader, "council every winter")
    popup = window.research.annotations.popup
    assert popup.isVisible() and not popup.colour_buttons["yellow"].isEnabled()
    assert popup.copy_button.isEnabled()


def test_help_lists_the_keys_of_highlighting(open_window, library_folder: Path) -> None:
    from reader.ui.shortcuts import ShortcutsWindow

    window = open_window(library_folder)
    table = ShortcutsWindow(window).table
    rows = {table.item(row, 1).text(): table.item(row, 0).text() for row in range(table.rowCount())}
    assert rows["Highlight the selection in yellow"].replace("Meta", "Ctrl") in ("Ctrl+Alt+1", "⌃⌥1")
    assert "Comment on the selection, or on the highlight at the cursor" in rows
    assert window.actions_by_name["highlight_purple"].shortcut().toString() == "Ctrl+Alt+5"


def test_a_note_window_opens_over_the_main_window_and_whole_on_the_screen(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    available = window.screen().availableGeometry()
    window.resize(700, 480)
    window.move(available.left() + 60, available.top() + 50)
    open_article(window, qtbot)
    notes = window.research.notes
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_ALT)
    qtbot.waitUntil(lambda: bool(notes.editors), timeout=10_000)
    [editor] = notes.editors.values()
    qtbot.waitExposed(editor)
    frame = editor.frameGeometry()
    assert available.contains(frame), (frame, available)  # not off the screen's edge
    assert frame.intersects(window.frameGeometry())


def test_a_window_placed_over_another_is_centred_on_it_and_kept_on_the_screen(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from reader.ui.placement import place_over

    anchor, note = QWidget(), QWidget()
    qtbot.addWidget(anchor)
    qtbot.addWidget(note)
    available = anchor.screen().availableGeometry()
    anchor.setGeometry(available.left() + 200, available.top() + 150, 400, 300)
    anchor.show()
    qtbot.waitExposed(anchor)
    note.resize(200, 160)
    place_over(note, anchor)
    note.show()
    qtbot.waitExposed(note)
    centre, wanted = note.frameGeometry().center(), anchor.frameGeometry().center()
    assert abs(centre.x() - wanted.x()) <= 8 and abs(centre.y() - wanted.y()) <= 20, (centre, wanted)
    anchor.move(available.right() - 100, available.bottom() - 100)  # mostly off the screen
    note.resize(available.width() * 2, available.height() * 2)  # larger than the screen
    place_over(note, anchor)
    assert available.contains(note.frameGeometry()), (note.frameGeometry(), available)
