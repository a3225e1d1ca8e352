"""What the main window remembers between sessions: its geometry, the splitter, the reader's font size,
the theme, the list's columns and order, the last filters, the reader's place and the research panes.

Kept in :class:`~reader.ui.settings.Settings`; restored when the window is built, saved when it closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from .article_list import ListOrder

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QActionGroup
    from PySide6.QtWidgets import QSplitter

    from .article_list import ArticlePane
    from .facets import ChipBar, FacetSidebar
    from .settings import Settings


class RememberingWindow(Protocol):
    """What of the main window is remembered (the window itself; no import of it here, no cycle)."""

    settings: Settings
    splitter: QSplitter
    theme_group: QActionGroup
    article_pane: ArticlePane
    facets: FacetSidebar
    chip_bar: ChipBar
    reader: Any  # the reader view (its font size)
    reader_pane: Any  # its place in the article
    research: Any  # the research panes' layout

    def restoreGeometry(self, geometry: QByteArray | bytes) -> bool: ...
    def saveGeometry(self) -> QByteArray: ...
    def resize(self, width: int, height: int) -> None: ...
    def _apply_theme(self) -> None: ...


def restore_window_state(window: RememberingWindow) -> None:
    s = window.settings
    if (geometry := s.geometry()) is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1320, 840)
    if (state := s.splitter_state("main")) is not None:
        window.splitter.restoreState(state)
    window.reader.font_size = s.font_size()
    for action in window.theme_group.actions():
        action.setChecked(action.data() == s.theme())
    window._apply_theme()
    if (header := s.list_header()) is not None:
        window.article_pane.restore_header_state(header)
    window.article_pane.set_order(ListOrder.from_setting(s.list_order()), notify=False)
    window.facets.set_filters(s.last_filters(), notify=False)
    window.chip_bar.set_filters(window.facets.filters())


def save_window_state(window: RememberingWindow) -> None:
    s = window.settings
    s.set_geometry(window.saveGeometry())
    s.set_splitter_state("main", window.splitter.saveState())
    s.set_font_size(window.reader.font_size)
    s.set_last_filters(window.facets.filters())
    s.set_list_order(window.article_pane.order.to_setting())
    s.set_list_header(window.article_pane.header_state())
    window.reader_pane.remember_position()
    window.research.save_layout()
    s.sync()
