"""Importing (menu, drag-and-drop, cancel), editing metadata, copying citations — through the window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from reader.library import BulkEdit
from reader.library.types import ImportStatus
from reader.ui.article_model import HitRole
from reader.ui.metadata_editor import MetadataDialog


def test_importing_a_folder_fills_the_list_and_reports_failures(
    open_window, make_pages, tmp_path: Path, qtbot
) -> None:
    window = open_window(tmp_path / "empty-library")
    assert window.model.rowCount() == 0
    offer = window.notice_bar.notices["welcome"]  # the first-launch offer
    assert "Import the Sample Articles" in [button.text() for button in offer.buttons]
    pages = tmp_path / "pages"
    make_pages(pages, 3)
    (pages / "broken.html").write_bytes(b"")  # an empty file cannot be an article
    with qtbot.waitSignal(window.importer.finished, timeout=30_000) as finished:
        assert window.import_paths([pages])
    results, cancelled = finished.args
    assert not cancelled
    assert sorted(r.status for r in results).count(ImportStatus.IMPORTED) == 3
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=10_000)
    summary = window.importer.summary
    assert summary is not None and summary.isVisible()
    assert [Path(r.path).name for r in summary.failures] == ["broken.html"]
    assert summary.failures[0].error  # the reason is listed
    assert "welcome" not in window.notice_bar.notices


def test_cancelling_an_import_stops_it_and_keeps_the_window_usable(
    open_window, make_pages, tmp_path: Path, qtbot
) -> None:
    window = open_window(tmp_path / "empty-library")
    pages = tmp_path / "pages"
    make_pages(pages, 240)
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as finished:
        window.import_paths([pages])
        assert window.importer.progress_dialog is None  # nothing flashes up for a quick import
        qtbot.waitUntil(lambda: window.importer.progress_dialog is not None, timeout=20_000)
        dialog = window.importer.progress_dialog
        assert dialog.isVisible() and not dialog.isModal()  # the window stays usable behind it
        (cancel_button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    results, cancelled = finished.args
    assert cancelled and window.importer.cancel_event.is_set()
    assert len([r for r in results if r.status == ImportStatus.IMPORTED]) < 240
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query("")  # the window answers after the cancel
    assert window.model.rowCount() < 240
    assert window.importer.summary is not None and "Cancelled" in window.importer.summary.headline.text()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PySide marks every QDragEnterEvent constructor
def test_dropping_files_on_the_window_imports_them(open_window, make_pages, tmp_path: Path, qtbot) -> None:
    window = open_window(tmp_path / "empty-library")
    pages = make_pages(tmp_path / "pages", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in pages])
    enter = QDragEnterEvent(
        QPointF(window.rect().center()).toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.finished, timeout=30_000):
        QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)


def test_an_edited_title_survives_a_restart(
    open_window, library_folder: Path, settings, citer_factory, shut, qtbot
) -> None:
    from reader.library.facade import Library
    from reader.ui.main_window import MainWindow

    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    article = window.current_article
    dialog = MetadataDialog(article, window)
    dialog.fields["title"].setText("A corrected title")
    dialog.fields["date"].setText("2021-02-30")  # not a real day: the dialog refuses it
    assert dialog.problems() and not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.fields["date"].setText("2021-02")
    assert dialog.problems() == []
    with qtbot.waitSignal(window.article_saved, timeout=10_000):
        window.save_edits(article.id, dialog.changed_fields())
    qtbot.waitUntil(lambda: window.reader.toPlainText().startswith("A corrected title"), timeout=10_000)
    shut(window, window.library)

    library = Library.open(library_folder)
    again = MainWindow(library, settings, citer_factory=citer_factory)
    qtbot.addWidget(again)
    try:
        qtbot.waitUntil(lambda: again.search_count >= 1, timeout=10_000)
        titles = [again.model.index(r, 0).data(HitRole).title for r in range(again.model.rowCount())]
        assert "A corrected title" in titles
        stored = library.get(article.id)
        assert stored.title == "A corrected title" and {"title", "date"} <= stored.edited
        shown = MetadataDialog(stored, again)
        assert shown.rows["title"].source.text() == "edited by you" and shown.rows["title"].revert.isEnabled()
        assert (
            shown.rows["site"].source.text() != "edited by you" and not shown.rows["site"].revert.isEnabled()
        )
    finally:
        shut(again, library)


def test_ctrl_shift_c_copies_the_bibliography_entry_as_html_and_text(
    open_window, library_folder: Path, qtbot
) -> None:
    pytest.importorskip("reader.cite.facade")
    from reader.cite.csl import article_to_csl
    from reader.cite.facade import Citer

    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    window.list_view.setFocus()
    with qtbot.waitSignal(window.citations.copied, timeout=30_000):
        qtbot.keyClick(
            window.list_view,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    article = window.current_article
    citer = Citer()
    item = article_to_csl(article, item_id=str(article.id))
    style = window.current_style()
    mime = QApplication.clipboard().mimeData()
    assert mime.text() == citer.bibliography([item], style, "text")[0] + "\n"  # Zotero's plain text
    assert mime.hasHtml() and mime.html() == citer.copy_bibliography([item], style).html
    surname = article.authors[0].split()[-1]
    assert article.title in mime.text() and surname in mime.text()


def test_three_copied_entries_paste_as_three_paragraphs(open_window, library_folder: Path, qtbot) -> None:
    """A rich paste of several entries must give one paragraph per entry, never one run-on paragraph."""
    pytest.importorskip("reader.cite.facade")
    from PySide6.QtGui import QTextDocument

    window = open_window(library_folder)
    selection = window.list_view.selectionModel()
    for row in range(3):
        selection.select(window.model.index(row, 0), selection.SelectionFlag.Select)
    window.list_view.setFocus()
    with qtbot.waitSignal(window.citations.copied, timeout=30_000) as copied:
        qtbot.keyClick(
            window.list_view,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert copied.args[0].count == 3
    mime = QApplication.clipboard().mimeData()
    document = QTextDocument()
    document.setHtml(mime.html())
    block, paragraphs = document.begin(), []
    while block.isValid():
        if block.text().strip():
            paragraphs.append(" ".join(block.text().split()))
        block = block.next()
    lines = [" ".join(line.split()) for line in mime.text().splitlines()]
    assert len(lines) == 3 and paragraphs == lines


def test_ctrl_shift_a_copies_one_citation_for_several_articles(
    open_window, library_folder: Path, qtbot
) -> None:
    pytest.importorskip("reader.cite.facade")
    window = open_window(library_folder)
    window.list_view.setFocus()
    window.list_view.selectionModel().select(
        window.model.index(0, 0), window.list_view.selectionModel().SelectionFlag.Select
    )
    window.list_view.selectionModel().select(
        window.model.index(1, 0), window.list_view.selectionModel().SelectionFlag.Select
    )
    with qtbot.waitSignal(window.citations.copied, timeout=30_000) as copied:
        qtbot.keyClick(
            window.list_view,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert copied.args[0].count == 2 and copied.args[0].kind == "citation"
    assert QApplication.clipboard().mimeData().text() == copied.args[0].text


def test_a_read_only_library_shows_a_notice_and_disables_writing(open_window, library_folder: Path) -> None:
    window = open_window(library_folder, read_only=True)
    assert window.notice_bar.isVisible() and any("read-only" in t for t in window.notice_bar.texts())
    for name in ("import_files", "import_folder", "edit_metadata", "bulk_edit", "remove"):
        assert not window.actions_by_name[name].isEnabled(), name
    assert not window.acceptDrops()


def test_copy_with_citation_quotes_the_selected_passage(open_window, library_folder: Path, qtbot) -> None:
    pytest.importorskip("reader.cite.facade")
    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    document = window.reader.document()
    cursor = document.find("The council answered with promises.")
    assert not cursor.isNull()
    window.reader.setTextCursor(cursor)
    with qtbot.waitSignal(window.citations.copied, timeout=30_000) as copied:
        window.actions_by_name["copy_passage"].trigger()
    text = QApplication.clipboard().mimeData().text()
    assert copied.args[0].kind == "passage" and "The council answered with promises." in text
    assert window.current_article.authors[0].split()[-1] in text  # the citation follows the quote


def test_exporting_selected_articles_writes_bibtex(
    open_window, library_folder: Path, tmp_path: Path, qtbot
) -> None:
    pytest.importorskip("reader.cite.export")
    window = open_window(library_folder)
    ids = window.model.ids()[:3]
    target = tmp_path / "selection.bib"
    with qtbot.waitSignal(window.citations.exported, timeout=30_000) as exported:
        window.citations.export(ids, str(target), "bibtex")
    assert exported.args == [str(target), 3]
    text = target.read_text(encoding="utf-8")
    assert len(re.findall(r"^@\w+\{", text, re.M)) == 3  # one entry per article
    assert text.count("Letters on the") == 3  # every selected title is in the file


def test_export_from_the_menu_adds_the_chosen_formats_extension(
    open_window, library_folder: Path, tmp_path: Path, qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = open_window(library_folder)
    selection = window.list_view.selectionModel()
    for row in (0, 1):
        selection.select(window.model.index(row, 0), selection.SelectionFlag.Select)
    asked: list[str] = []

    def choose(_parent, title, _name, filters):
        asked.append(title)
        ris = next(f for f in filters.split(";;") if f.startswith("RIS"))
        return str(tmp_path / "reading-list"), ris  # the user typed no extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(window.citations.exported, timeout=30_000) as exported:
        window.actions_by_name["export"].trigger()
    assert asked == ["Export 2 Articles"]
    assert exported.args == [str(tmp_path / "reading-list.ris"), 2]
    assert (tmp_path / "reading-list.ris").read_text(encoding="utf-8").count("TY  - ") == 2


def test_bulk_editing_adds_a_topic_to_every_selected_article(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    selection = window.list_view.selectionModel()
    for row in (0, 1, 2):
        selection.select(window.model.index(row, 0), selection.SelectionFlag.Select)
    ids = window.selected_ids()
    assert len(ids) == 3
    window.actions_by_name["bulk_edit"].trigger()
    qtbot.waitUntil(lambda: window.operations.editor is not None, timeout=10_000)
    dialog = window.operations.editor
    dialog.add_topics.setText("harbour history; tides")
    with qtbot.waitSignal(window.library_changed, timeout=10_000):
        dialog.accept()
    for article_id in ids:
        article = window.library.get(article_id)
        assert "harbour history" in article.topics and article.topics.count("tides") <= 1
    qtbot.waitUntil(lambda: window.facets.count_of("topics", "harbour history") is not None, timeout=10_000)
    assert window.facets.count_of("topics", "harbour history") == 3
    assert sorted(window.selected_ids()) == sorted(ids), (
        "the selection survives the refresh, for the next action on it"
    )


def test_a_whoosh_library_past_its_comfort_size_is_offered_tantivy_and_switches(
    open_window, library_folder: Path, qtbot, monkeypatch
) -> None:
    from reader.ui import engine_advice

    monkeypatch.setattr(engine_advice, "WHOOSH_COMFORT_LIMIT", 2)  # the test library has more articles
    window = open_window(library_folder)
    qtbot.waitUntil(lambda: any("tantivy" in text for text in window.notice_bar.texts()))
    (switch,) = [b for b in window.notice_bar.notices["faster-engine"].buttons if "Tantivy" in b.text()]
    switch.click()
    qtbot.waitUntil(lambda: window.runner.locked(lambda library: library.engine) == "tantivy", timeout=30_000)
    assert "faster-engine" not in window.notice_bar.notices
    count = window.runner.locked(lambda library: library.count())
    qtbot.waitUntil(lambda: window.result_count == count, timeout=10_000)


def test_pages_passed_on_the_command_line_are_imported_once_the_window_is_open(
    tmp_path: Path, make_pages, settings, qtbot, shut
) -> None:
    """What a file manager does with the .desktop file's ``Exec=offprint gui %F``."""
    from reader.library.facade import Library
    from reader.ui.app import open_window

    pages = make_pages(tmp_path / "opened", 2)
    library = Library.open(tmp_path / "fresh-library")
    window = open_window(library, settings, [str(p) for p in pages])
    qtbot.waitUntil(lambda: window.result_count == 2, timeout=30_000)
    assert window.runner.locked(lambda lib: lib.count()) == 2
    shut(window, library)


def test_the_editor_shows_where_the_accessed_date_came_from_and_edits_it(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    article = window.current_article
    dialog = MetadataDialog(article, window)
    qtbot.addWidget(dialog)
    assert dialog.fields["accessed"].text() == article.accessed
    assert dialog.rows["accessed"].source.text() == "from the file's modification time"
    dialog.fields["accessed"].setText("2026-05-02")
    dialog.item_type.setCurrentIndex(dialog.item_type.findData("article-magazine"))
    assert dialog.changed_fields() == {"item_type": "article-magazine", "accessed": "2026-05-02"}
    with qtbot.waitSignal(window.article_saved, timeout=10_000):
        window.save_edits(article.id, dialog.changed_fields())
    stored = window.library.get(article.id)
    assert (stored.accessed, stored.item_type) == ("2026-05-02", "article-magazine")
    assert MetadataDialog(stored, window).rows["accessed"].source.text() == "edited by you"


def test_the_editor_says_in_words_where_each_value_came_from(qtbot) -> None:
    """A title "from the page's <title>" once showed as "from the page's" (Qt read the tag as markup), and the
    extractor's own labels ("byline-element", "generator:WordPress 6.6.2") reached the user as they were."""
    from dataclasses import replace

    from reader.library.types import StoredArticle

    article = StoredArticle(
        id=3, content_hash="0" * 64, source_path="/tmp/auction.html", imported_at="2026-11-20T10:00:00+00:00",
        title="Why Kessvik's fish auction moved online", authors=["Ilse van der Berg"], organizations=[],
        date="2024-11-17", site="The Quiet Ledger", url="https://quietledger.example/a", language="en-GB",
        excerpt=None, series=[], topics=[], accessed=None, text="", html="", repairs=[],
        provenance={"title": "title-tag", "authors": "byline-element", "date": "microformat-published",
                    "site": "title-suffix", "url": "link:canonical",
                    "item_type": "generator:WordPress 6.6.2"},
    )  # fmt: skip
    article = replace(article, item_type="post-weblog")
    dialog = MetadataDialog(article)
    qtbot.addWidget(dialog)
    shown = {name: row.source for name, row in dialog.rows.items()}
    assert shown["title"].textFormat() == Qt.TextFormat.PlainText
    assert shown["title"].text() == "from the page title"
    assert shown["authors"].text() == "from the byline"
    assert shown["date"].text() == "from the page's publication-date markup"
    assert shown["site"].text() == "from the end of the page title"
    assert shown["url"].text() == "from the canonical link"
    assert shown["item_type"].text() == "from the page's generator tag (WordPress 6.6.2)"


def test_a_bulk_edit_says_how_many_of_the_selected_articles_it_changed(
    open_window, library_folder: Path, qtbot
) -> None:
    """Adding a series two of three articles already had said "Saved changes to 1 article." as if the
    edit had missed the other two."""
    window = open_window(library_folder)
    ids = window.model.ids()[:3]
    window.library.update_many(ids[:2], BulkEdit(add={"series": ["Harbour Money"]}))

    def bulk_add(series: str) -> str:
        window.article_pane.add_to_selection(ids)
        assert sorted(window.selected_ids()) == sorted(ids)
        window.actions_by_name["bulk_edit"].trigger()
        qtbot.waitUntil(lambda: window.operations.editor is not None, timeout=10_000)
        dialog = window.operations.editor
        dialog.add_series.setText(series)
        with qtbot.waitSignal(window.operations.edited, timeout=10_000):
            dialog.accept()
        window.operations.editor = None
        return window.statusBar().currentMessage()

    assert bulk_add("Harbour Money") == (
        "Saved changes to 1 of the 3 selected articles (the others already had these values)."
    )
    assert bulk_add("Harbour Money") == "Nothing to change: the 3 selected articles already had these values."
    assert bulk_add("Tidal Records") == "Saved changes to 3 articles."
