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
