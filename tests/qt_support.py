"""Helpers shared by every test module that drives the desktop app (importable as ``qt_support``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.library.facade import Library
    from reader.ui.main_window import MainWindow


def close_window(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    """Close a MainWindow, let its background work drain, then close its library."""
    from PySide6.QtCore import QThreadPool

    if window.importer.running:
        window.importer.cancel()
        qtbot.waitUntil(lambda: not window.importer.running, timeout=20_000)
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    window.citations.pool.waitForDone(10_000)
    library.close()


def click_value(qtbot: QtBot, sidebar: object, facet: str, value: str, x_offset: int | None = None) -> None:
    """Click a value of the filters sidebar where a person would: on its name, or ``x_offset`` pixels in
    from the left of its row (10: on its box)."""
    from PySide6.QtCore import QPoint, Qt

    section = sidebar.sections[facet]  # type: ignore[attr-defined]
    row = section.values_shown().index(value)
    rect = section.list.visualRect(section.model.index(row, 0))
    x = rect.center().x() if x_offset is None else rect.left() + x_offset
    qtbot.mouseClick(section.list.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


def click_header(qtbot: QtBot, window: MainWindow, key: str) -> None:
    """Click the article list's header of the column ``key`` (a ``Column.key``)."""
    from PySide6.QtCore import QPoint, Qt

    from reader.ui.article_model import column_of

    header = window.article_pane.header
    logical = column_of(key)
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
