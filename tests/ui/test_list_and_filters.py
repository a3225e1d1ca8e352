"""The article list as a table and the filters sidebar in a larger library, driven as a person does:
typing letter by letter, clicking headers, choosing columns, ticking values, the keyboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from qt_support import click_header, click_value

from reader.library import BulkEdit, Library
from reader.ui.article_model import HitRole, column_of
from reader.ui.facet_section import TOP_VALUES

TOPICS = [f"topic {chr(ord('a') + n)}" for n in range(12)]
AUTHORS = ["Ana Baev", "Tomas de la Cruz", "Mirela Ostrova", "Caldrenne Centre for Policy Research"]


@pytest.fixture
def rich_library(library_folder: Path) -> Path:
    """The 8-article library with 12 topics (more than a folded facet lists) and an organisation."""
    with Library.open(library_folder) as library:
        ids = library.search_ids("")
        for number, article_id in enumerate(ids):
            # topic a in every article, b in all but one…: each topic has its own count
            topics = [topic for rank, topic in enumerate(TOPICS) if rank <= len(ids) - number + 3]
            library.update_many([article_id], BulkEdit(add={"topics": topics}))
        library.update(ids[0], organizations=[AUTHORS[3]])
    return library_folder


def _titles(window) -> list[str]:
    return [window.model.index(row, 0).data(HitRole).title for row in range(window.model.rowCount())]


def _wait_for(window, qtbot, action) -> None:
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        action()


# -- typing ----------------------------------------------------------------------------------------------


def test_the_list_never_blanks_between_the_letters_of_a_word_that_has_hits(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    shown: list[int] = []
    window.model.modelReset.connect(lambda: shown.append(window.model.rowCount()))
    for letter in "breakw":  # slowly, each letter's answer on screen before the next key
        _wait_for(window, qtbot, lambda letter=letter: qtbot.keyClicks(window.search_bar, letter))
        assert window.model.rowCount() > 0, f"the list went blank at {window.search_bar.text()!r}"
        assert not window.article_pane.message.isVisible()
    assert shown and min(shown) > 0
    assert all("breakwater" in hit.snippet.lower() for hit in map(window.model.hit_at, range(8)))
    tooltip = window.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>breakwater</b>" in tooltip.lower()  # the title's tooltip: the whole passage that matched


def test_a_word_still_being_typed_that_finds_nothing_leaves_the_last_results(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    _wait_for(window, qtbot, lambda: window.search_bar.set_query("ledger"))
    before = window.model.ids()
    window.search_bar.setText("ledger zq")
    window.search_bar.flush()  # "ledger zq" is asked for…
    qtbot.keyClicks(window.search_bar, "x")  # …and the next letter is typed before its answer comes
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        pass  # the answer for "ledger zq": nothing, but the user is still typing
    assert window.model.ids() == before and not window.article_pane.message.isVisible()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        pass  # the answer for what is typed now, "ledger zqx": nothing, and that is said
    assert window.model.rowCount() == 0
    assert "“zqx” is in no article" in window.article_pane.message.text()


# -- the table ---------------------------------------------------------------------------------------------


def test_the_list_has_columns_that_sort_and_reverse_on_a_click(
    open_window, library_folder: Path, qtbot
) -> None:
    window = open_window(library_folder)
    model, header = window.model, window.article_pane.header
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())] == [
        "Title",
        "Authors",
        "Date",
        "Site",
        "Series",
        "Date Added",
    ]
    assert header.isSectionHidden(column_of("series")) and not header.isSectionHidden(column_of("added"))
    hit = model.index(0, 0).data(HitRole)
    assert model.index(0, column_of("authors")).data() in {"Baev", "de la Cruz", "Ostrova"}
    assert model.index(0, column_of("date")).data() == hit.date
    assert model.index(0, column_of("added")).data()[:4] == hit.imported_at[:4]
    assert header.sortIndicatorSection() == column_of("added")  # no query: the newest added first

    _wait_for(window, qtbot, lambda: click_header(qtbot, window, "title"))
    titles = _titles(window)
    assert titles == sorted(titles, key=str.casefold)
    assert header.sortIndicatorSection() == column_of("title")
    _wait_for(window, qtbot, lambda: click_header(qtbot, window, "title"))  # again: reversed
    assert _titles(window) == titles[::-1]
    _wait_for(window, qtbot, lambda: click_header(qtbot, window, "date"))  # a date: newest first
    dates = [model.index(row, 0).data(HitRole).date for row in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert window.settings.list_order() == "date"


def test_best_matches_come_first_only_while_searching(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    header = window.article_pane.header
    _wait_for(window, qtbot, lambda: window.search_bar.set_query("lighthouses"))
    assert header.sortIndicatorSection() == -1  # relevance: no column is the order
    scores = [window.model.index(row, 0).data(HitRole) for row in range(window.model.rowCount())]
    assert scores and "lighthouses" in scores[0].topics  # the article about it before those that mention it
    _wait_for(window, qtbot, lambda: window.search_bar.set_query(""))
    assert header.sortIndicatorSection() == column_of("added")


def test_chosen_columns_widths_and_order_are_remembered(
    open_window, library_folder: Path, qtbot, shut
) -> None:
    window = open_window(library_folder)
    pane = window.article_pane
    menu = pane.header_menu()
    series = next(action for action in menu.actions() if action.text() == "Series")
    series.trigger()  # the column chooser: show Series
    assert pane.column_shown("series")
    pane.header.resizeSection(column_of("site"), 217)
    pane.header.moveSection(pane.header.visualIndex(column_of("date")), 1)  # Date right after Title
    shut(window, window.library)
    again = open_window(library_folder)
    header = again.article_pane.header
    assert again.article_pane.column_shown("series") and header.sectionSize(column_of("site")) == 217
    assert header.visualIndex(column_of("date")) == 1
    title = next(a for a in again.article_pane.header_menu().actions() if a.text() == "Title")
    assert not title.isEnabled()  # the title column cannot be hidden


def test_home_end_and_the_selection_count(open_window, library_folder: Path, qtbot) -> None:
    window = open_window(library_folder)
    view = window.list_view
    view.setFocus()
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == window.model.rowCount() - 1
    assert window.current_id == window.model.id_at(window.model.rowCount() - 1)
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    assert window.article_pane.selected_count() == 8 and window.count_label.text().endswith("8 selected")
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert len(window.selected_ids()) == 1 and "selected" not in window.count_label.text()


# -- the filters -------------------------------------------------------------------------------------------


def test_facets_come_in_a_fixed_order_folded_to_their_busiest_values(open_window, rich_library: Path) -> None:
    window = open_window(rich_library)
    sidebar = window.facets
    tops = [
        sidebar.sections[facet].header.mapTo(sidebar.widget(), QPoint(0, 0)).y() for facet in sidebar.sections
    ]
    assert list(sidebar.sections) == ["series", "years", "added", "topics", "authors", "sites"]
    assert tops == sorted(tops)
    topics = sidebar.sections["topics"]
    assert topics.values_shown() == TOPICS[:TOP_VALUES]  # busiest first
    assert topics.more.isVisible() and topics.more.text() == "Show all 15"  # the page's own three too
    topics.more.click()
    every = sorted([*TOPICS, "ferries", "lighthouses", "tides"])
    assert topics.values_shown() == every and topics.more.text() == "Show fewer"


def test_the_filter_box_finds_a_value_among_many(open_window, rich_library: Path, qtbot) -> None:
    window = open_window(rich_library)
    topics = window.facets.sections["topics"]
    assert topics.filter_box.isVisible()
    qtbot.keyClicks(topics.filter_box, "PIC K")
    assert topics.values_shown() == ["topic k"]  # not among the busiest, found anyway
    qtbot.keyClick(topics.filter_box, Qt.Key.Key_Down)
    assert topics.list.hasFocus()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClick(topics.list, Qt.Key.Key_Space)
    assert window.facets.filters().topics == ["topic k"]
    topics.filter_box.clear()
    assert "topic k" in topics.values_shown()  # a ticked value stays listed, even beyond the busiest


def test_authors_are_listed_by_surname_with_their_full_names_in_a_tooltip(
    open_window, rich_library: Path, qtbot
) -> None:
    window = open_window(rich_library)
    authors = window.facets.sections["authors"]
    qtbot.waitUntil(lambda: AUTHORS[3] in window.facets.organizations, timeout=10_000)
    authors.set_show_all(True)
    labels = [item.label for item in authors.model.values]
    assert labels == [
        "Baev, Ana",
        "Caldrenne Centre for Policy Research",
        "Cruz, Tomas de la",
        "Ostrova, Mirela",
    ]
    cruz = authors.model.index(labels.index("Cruz, Tomas de la"), 0)
    assert cruz.data(Qt.ItemDataRole.ToolTipRole).startswith("Tomas de la Cruz — ")


def test_ticking_a_value_moves_nothing_else_in_the_sidebar(open_window, rich_library: Path, qtbot) -> None:
    window = open_window(rich_library)
    sidebar = window.facets

    def layout() -> dict[str, tuple[int, int, list[str]]]:
        inner = sidebar.widget()
        return {
            facet: (section.mapTo(inner, QPoint(0, 0)).y(), section.height(), section.values_shown())
            for facet, section in sidebar.sections.items()
        }

    qtbot.wait(50)  # the sidebar laid out for the first answer
    chips_top = window.splitter.mapTo(window, QPoint(0, 0)).y()
    before = layout()
    _wait_for(window, qtbot, lambda: click_value(qtbot, sidebar, "topics", "topic h"))
    qtbot.wait(50)  # let the layout settle
    after = layout()
    assert window.splitter.mapTo(window, QPoint(0, 0)).y() == chips_top  # the chips bar had its room
    assert {f: v[:2] for f, v in after.items()} == {f: v[:2] for f, v in before.items()}
    assert after["topics"][2] == before["topics"][2]  # the ticked facet: the same values, in place
    _wait_for(window, qtbot, lambda: click_value(qtbot, sidebar, "topics", "topic g"))
    assert layout()["topics"][2] == before["topics"][2]
    assert sorted(window.facets.filters().topics) == ["topic g", "topic h"]


def test_ctrl_1_goes_to_the_first_value_listed(open_window, rich_library: Path, qtbot) -> None:
    window = open_window(rich_library)
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    series = window.facets.sections["series"]
    assert series.list.hasFocus() and series.list.currentIndex().row() == 0
    qtbot.keyClick(series.list, Qt.Key.Key_Up)  # from the first value up: nothing above in the sidebar
    for _ in range(len(series.values_shown())):
        qtbot.keyClick(series.list, Qt.Key.Key_Down)
    assert window.facets.sections["years"].list.hasFocus()  # Down from the last value: the next facet


def test_an_import_shows_what_it_added(open_window, library_folder: Path, make_pages, qtbot) -> None:
    with Library.open(library_folder) as library:  # the library's articles came in two days ago
        with library.store.transaction() as conn:
            conn.execute(
                "UPDATE articles SET imported_at = ?", ((datetime.now(UTC) - timedelta(days=2)).isoformat(),)
            )
        library.store.queue_all()
        library.index.sync()
    window = open_window(library_folder)
    window.importer.show_summary = False
    pages = make_pages(library_folder.parent / "more", 3, start=40)
    _wait_for(window, qtbot, lambda: window.search_bar.set_query("ledger"))
    with qtbot.waitSignal(window.importer.finished, timeout=60_000):
        window.import_paths(pages)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=10_000)
    assert window.facets.filters().added == "last-import" and window.search_bar.text() == ""
    assert [chip.text() for chip in window.chip_bar.chips] == ["Date Added: Last import  ✕"]
    assert window.facets.count_of("added", "last-import") == 3
    assert window.facets.count_of("added", "today") == 3
    _wait_for(window, qtbot, lambda: window.chip_bar.chips[0].click())
    assert window.model.rowCount() == 11
