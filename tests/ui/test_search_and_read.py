"""Searching, filtering and reading, as a user does it in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from qt_support import click_value

from reader.ui.article_model import HitRole


def _hits(window) -> list:
    model = window.model
    return [model.index(row, 0).data(HitRole) for row in range(model.rowCount())]


def test_typing_a_query_shows_matching_articles_with_snippets(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    assert window.model.rowCount() == 8  # every article before a query
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClicks(window.search_bar, "ledger")
    hits = _hits(window)
    assert len(hits) == 8
    assert all("<b>ledger</b>" in hit.snippet.lower() for hit in hits)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.setText("ferries")
    assert 0 < window.model.rowCount() < 8
    assert all("ferries" in hit.topics or "ferries" in hit.snippet.lower() for hit in _hits(window))
    assert "shown" in window.count_label.text() and "8 articles" in window.count_label.text()


def test_a_query_that_matches_nothing_says_how_to_widen_it(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query("zeppelin")
    assert window.model.rowCount() == 0
    message = window.article_pane.message
    assert message.isVisible() and "zeppelin" in message.text() and "widen" in message.text()


def test_a_malformed_query_shows_its_message_inline(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query("colour:red")  # no more typing mends an unknown field
    message = window.article_pane.message
    assert message.isVisible() and "unknown field colour:" in message.text()
    assert message.property("error") is True


def test_an_unclosed_phrase_while_typing_lists_what_matches_so_far(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query('"harbour mas')  # the phrase so far, its last word completed
    assert window.result_count > 0 and not window.article_pane.message.isVisible()


def test_ticking_a_series_shows_only_that_series(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    assert window.facets.count_of("series", "Harbour Lives") == 4  # its count for the current (empty) query
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        click_value(qtbot, window.facets, "series", "Harbour Lives")
    hits = _hits(window)
    assert len(hits) == 4 and all(hit.series == ["Harbour Lives"] for hit in hits)
    assert [chip.text() for chip in window.chip_bar.chips] == ["Series: Harbour Lives  ✕"]
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.chip_bar.chips[0].click()  # one click removes the filter
    assert window.model.rowCount() == 8


def test_opening_an_article_shows_its_title_and_the_query_words(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.set_query("storms")
    hit = _hits(window)[0]
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    text = window.reader.toPlainText()
    assert text.startswith(hit.title)
    assert window.reader.hit_words and all(
        w.lower().startswith("storm") for w in window.reader.hit_words
    )  # stemmed hits too
    assert "Series: " in text  # the series chip in the header


def test_clicking_a_series_chip_in_the_reader_filters_by_it(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    series = window.current_article.series[0]
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.reader.anchorClicked.emit(QUrl(f"offprint-filter:series/{series.replace(' ', '%20')}"))
    assert window.facets.filters().series == [series]
    assert all(hit.series == [series] for hit in _hits(window))


def test_find_in_article_counts_matches(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "council")
    assert window.find_bar.count_label.text() == "1 of 2"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count_label.text() == "2 of 2"


def test_the_reader_loads_nothing_from_outside_the_article(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
    image = QTextDocument.ResourceType.ImageResource
    for url in (
        "https://tracker.example/pixel.gif",
        "//cdn.example/a.png",
        "file:///etc/passwd",
        "../../secret.png",
        "/etc/hosts",
    ):
        assert window.reader.loadResource(image, QUrl(url)) is None, url
    style = QTextDocument.ResourceType.StyleSheetResource
    assert window.reader.loadResource(style, QUrl("style.css")) is None
    png = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAB"
        "JRU5ErkJggg=="
    )
    assert window.reader.loadResource(image, QUrl(png)) is not None
    assert window.reader.openLinks() is False and window.reader.openExternalLinks() is False


def test_the_main_tasks_work_from_the_keyboard(open_window, library_folder: Path, qtbot) -> None:
    from reader.ui.shortcuts import SHORTCUTS

    window = open_window(library_folder)
    window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.hasFocus()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClicks(window.search_bar, "lighthouse")
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.keyClick(window.search_bar, Qt.Key.Key_Down)  # into the results, first one opens
    assert window.list_view.hasFocus() and window.current_article is not None
    size = window.reader.font_size
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.font_size == size + 1 and window.settings.font_size() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_F1)
    table = window.shortcuts_window.table
    listed = {table.item(row, 1).text() for row in range(table.rowCount())}
    assert listed == {shortcut.description for shortcut in SHORTCUTS.values()}


def test_the_reading_position_is_remembered_per_article(open_window, library_folder: Path, qtbot) -> None:
    from reader.library.facade import Library

    long_page = library_folder.parent / "long.html"
    paragraphs = "".join(
        f"<p>Paragraph {n} of the long harbour chronicle, kept for the archive.</p>" for n in range(300)
    )
    long_page.write_text(
        f"<html><head><title>The long chronicle</title></head><body><article><h1>The long chronicle</h1>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    with Library.open(library_folder) as library:
        long_id = next(iter(library.import_paths([long_page]))).article_id
    window = open_window(library_folder)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        assert window.select_article(long_id)
    window.reader.restore_fraction(0.6)
    other = next(i for i in window.model.ids() if i != long_id)
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.select_article(other)
    assert window.reader.scroll_fraction() == 0.0  # another article starts at the top
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.select_article(long_id)
    qtbot.waitUntil(lambda: abs(window.reader.scroll_fraction() - 0.6) < 0.02, timeout=5_000)


def test_one_click_on_a_value_or_its_box_ticks_it_once(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    sidebar = window.facets
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        click_value(qtbot, sidebar, "series", "Harbour Lives")  # on the name
    assert window.facets.filters().series == ["Harbour Lives"]
    assert len(_hits(window)) == 4
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        click_value(qtbot, sidebar, "series", "Harbour Lives", x_offset=10)  # on the box at the left
    assert window.facets.filters().series == []
    section = sidebar.sections["series"]
    section.list.setCurrentIndex(section.model.index(section.values_shown().index("Coastal Notes"), 0))
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClick(section.list, Qt.Key.Key_Return)
    assert window.facets.filters().series == ["Coastal Notes"]
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClick(section.list, Qt.Key.Key_Space)
    assert window.facets.filters().series == []


def test_a_ticked_facet_keeps_its_other_values_so_several_can_be_ticked(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.facets.toggle_value("series", "Harbour Lives")
    assert len(_hits(window)) == 4
    assert window.facets.count_of("series", "Coastal Notes") == 4, (
        "the other series stays listed with its count"
    )
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.facets.toggle_value("series", "Coastal Notes")
    assert len(_hits(window)) == 8  # values within one facet combine with OR


def test_the_first_keys_typed_after_opening_go_to_the_search_field(
    open_window, library_folder: Path, qtbot
) -> None:
    """A user opens the app and types: the words land in the search field, not in the filters sidebar
    or the citation style box (the style would change under them)."""
    from PySide6.QtWidgets import QApplication

    window = open_window(library_folder)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    typed_into = QApplication.focusWidget()
    assert typed_into is window.search_bar
    style = window.current_style()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClicks(typed_into, "ledger")
    assert window.search_bar.query() == "ledger"
    assert window.current_style() == style
