"""How the main window shares its width when it is small: the reader keeps room to read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from reader.ui.main_window import MainWindow


def _widths(window: MainWindow) -> tuple[int, int, int]:
    sidebar, articles, reader = (window.splitter.widget(i).width() for i in range(3))
    return sidebar, articles, reader


def test_a_small_window_leaves_the_reader_a_readable_column(
    qtbot: QtBot, open_window: Callable[..., MainWindow], library_folder: Path
) -> None:
    window = open_window(library_folder)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)
    sidebar, articles, _reader = _widths(window)
    reading = window.reader.width()
    column = window.reader.fontMetrics().averageCharWidth() * 40
    assert reading >= column, (sidebar, articles, reading)  # a line of at least 40 characters
    assert reading >= articles, (sidebar, articles, reading)  # the list gives way before the reader
    assert window.reader_pane.annotations_panel.width() < reading


def test_a_narrower_window_takes_room_from_the_sidebar_once_the_list_is_at_its_minimum(
    qtbot: QtBot, open_window: Callable[..., MainWindow], library_folder: Path
) -> None:
    window = open_window(library_folder)
    window.resize(900, 650)
    qtbot.waitUntil(lambda: window.width() == 900)
    qtbot.wait(50)
    sidebar, articles, _reader = _widths(window)
    assert sidebar < 230, (sidebar, articles)  # narrower than it starts
    assert articles >= window.article_pane.minimumWidth() > 100
    assert window.reader.width() >= window.reader.minimumWidth()
