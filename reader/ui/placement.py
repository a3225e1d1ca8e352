"""Where a new top-level window appears: over the window it belongs to, whole on the screen.

A window shown without a position is put where the window manager likes (openbox: the top-left corner,
partly below the bottom of a small screen). :func:`place_over` centres it on its anchor window, a little
further down and right for each one already open, shrunk to fit the screen's available area.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The window manager's frame is added after show(), its size unknown until then: leave room for one.
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)
CASCADE_STEP = 28


def place_over(window: QWidget, anchor: QWidget, cascade: int = 0) -> None:
    """Size ``window`` to fit the available screen and centre it over ``anchor`` (``cascade`` steps
    down and right, for a window opened beside others of its kind)."""
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = FRAME_ALLOWANCE
    room = available.marginsRemoved(frame).size()
    window.resize(window.size().boundedTo(room).expandedTo(window.minimumSize()))
    outer = QRect(QPoint(0, 0), window.size()).marginsAdded(frame)
    shift = CASCADE_STEP * (cascade % 6)
    outer.moveCenter(anchor.frameGeometry().center() + QPoint(shift, shift))
    left = max(available.left(), min(outer.left(), available.right() - outer.width() + 1))
    top = max(available.top(), min(outer.top(), available.bottom() - outer.height() + 1))
    window.move(left, top)  # a top-level window's position is its frame's
