"""Driving the app without a person: wait for a condition with the event loop running, and build a
throwaway library.  Used by the self-check, the screenshots and the benchmark (never by the app itself)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from reader.library import Library

POLL_MS = 10


class TimedOut(RuntimeError):
    """A condition did not come true in time."""


def wait_until(condition: Callable[[], bool], timeout_ms: int = 20_000, what: str = "the app") -> None:
    """Run the event loop until ``condition()`` holds; raise :class:`TimedOut` after ``timeout_ms``."""
    deadline = time.monotonic() + timeout_ms / 1000
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > deadline else None)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    QApplication.processEvents()
    if not condition():
        raise TimedOut(f"timed out after {timeout_ms / 1000:.0f} s waiting for {what}")


def import_into(folder: Path, sources: Sequence[Path]) -> Library:
    """Open (creating) the library at ``folder`` and import ``sources`` into it; returns the open Library."""
    from reader.library import Library

    library = Library.open(folder)
    for _result in library.import_paths(list(sources)):
        pass
    return library


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen plugin's harmless "propagateSizeHints" warnings; pass every other message on."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
