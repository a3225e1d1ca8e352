"""The article list: a table with sortable, movable, hideable columns, and the snippet under each title
while searching.

As Zotero's items list and Calibre's library view: a click on a header sorts by that column, a second
click reverses it; the header's context menu chooses the columns; their widths and order are kept in
the settings.  Until the user picks a column the list is in its automatic order: best matches first
while there is a query, the most recently added first otherwise.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library import SearchHit, SortOrder

from .article_model import COLUMNS, TITLE_COLUMN, ArticleModel, Column, HitRole, column_of

_PADDING = 4
MIN_LIST_CHARS = 28  # enough of a title to tell articles apart; below it the sidebar gives way instead
_BOLD = re.compile(r"(</?b>)")


@dataclass(frozen=True)
class ListOrder:
    """The order the user chose: a column (``Column.key``) and whether it is reversed, or None for the
    automatic order (best matches first while searching, the most recently added first otherwise)."""

    column: str | None = None
    reverse: bool = False

    def sort(self, searching: bool) -> tuple[SortOrder, bool]:
        """The library's order and direction for this choice."""
        if self.column is None:
            return (SortOrder.RELEVANCE if searching else SortOrder.ADDED), False
        return COLUMNS[column_of(self.column)].sort, self.reverse

    def clicked(self, key: str, searching: bool) -> ListOrder:
        """The order after a click on the header of column ``key``: that column, or reversed if it was it."""
        shown = self.column if self.column is not None else (None if searching else "added")
        if shown == key:
            return ListOrder(key, not self.reverse if self.column is not None else True)
        return ListOrder(key, False)

    def to_setting(self) -> str:
        return "auto" if self.column is None else f"{self.column}{':reversed' if self.reverse else ''}"

    @staticmethod
    def from_setting(value: str) -> ListOrder:
        key, _, reversed_ = value.partition(":")
        if key not in {column.key for column in COLUMNS}:
            return ListOrder()
        return ListOrder(key, reversed_ == "reversed")


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """A snippet's HTML (escaped text, matched words in ``<b>``) as (text, matched) runs."""
    runs: list[tuple[str, bool]] = []
    bold = False
    for part in _BOLD.split(snippet):
        if part in ("<b>", "</b>"):
            bold = part == "<b>"
        elif part:
            runs.append((html.unescape(part).replace("\n", " "), bold))
    return runs


def _from_first_match(
    runs: list[tuple[str, bool]], metrics: QFontMetrics, room: int
) -> list[tuple[str, bool]]:
    """Drop the text before the first matched word when it would push the match out of sight."""
    first = next((i for i, (_text, bold) in enumerate(runs) if bold), None)
    if first is None or first == 0:
        return runs
    before = "".join(text for text, _bold in runs[:first])
    if metrics.horizontalAdvance(before) <= room // 3:
        return runs
    kept = metrics.elidedText(before, Qt.TextElideMode.ElideLeft, room // 4)
    return [(kept, False), *runs[first:]]


class ArticleDelegate(QStyledItemDelegate):
    """Paints the Title column: the title, and while searching the snippet below it with the matched words
    in bold (runs of text: no rich-text layout, so a screenful paints in a few milliseconds)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snippets = False

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if index.column() != TITLE_COLUMN or not self.snippets:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        hit: SearchHit | None = index.data(HitRole)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(_PADDING, 1, -_PADDING, -1)
        line = opt.fontMetrics.lineSpacing()
        painter.save()
        painter.setPen(opt.palette.color(group, text_role))
        title = (hit.title or "(untitled)") if hit is not None else "Loading…"
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            opt.fontMetrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        if hit is not None and hit.snippet:
            dim = opt.palette.color(group, text_role if selected else QPalette.ColorRole.PlaceholderText)
            painter.setPen(dim)
            self._paint_runs(painter, opt.font, snippet_runs(hit.snippet), rect.adjusted(0, line, 0, 0))
        painter.restore()

    @staticmethod
    def _paint_runs(painter: QPainter, font: QFont, runs: list[tuple[str, bool]], rect: QRect) -> None:
        plain, bold = QFont(font), QFont(font)
        bold.setBold(True)
        fonts = {False: (plain, QFontMetrics(plain)), True: (bold, QFontMetrics(bold))}
        x, right = rect.left(), rect.right()
        for text, matched in _from_first_match(runs, fonts[False][1], rect.width()):
            run_font, metrics = fonts[matched]
            room = right - x
            if room <= metrics.horizontalAdvance("…"):
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.setFont(run_font)
            painter.drawText(
                QRect(x, rect.top(), room, metrics.lineSpacing()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                shown,
            )
            x += metrics.horizontalAdvance(shown)
            if shown != text:
                break


class ArticleListView(QTableView):
    """The table itself.  Rows have one fixed height (two lines while searching), so 100,000 rows reset
    and scroll in constant time; Home and End go to the first and last article, not the first column."""

    context_menu_requested = Signal(object)  # QPoint (global)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName("Articles")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delegate = ArticleDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        self.setDragEnabled(True)  # rows dragged onto a collection in the sidebar join it
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = self.horizontalHeader()
        header.setObjectName("articleListHeader")
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        self.set_snippet_rows(False)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            # The header draws each column's "selected" state by asking the selection model whether the
            # whole column is selected, which asks the model for the flags of every row: after Ctrl+A on
            # 10,000 rows that took half a second per repaint.  Its own, empty selection model answers at
            # once (the header never shows selected columns here anyway).
            self.horizontalHeader().setSelectionModel(QItemSelectionModel(model, self))

    def set_snippet_rows(self, snippets: bool) -> None:
        """Two-line rows with the snippet under the title while searching, one-line rows otherwise."""
        self.delegate.snippets = snippets
        line = self.fontMetrics().lineSpacing()
        self.verticalHeader().setDefaultSectionSize((2 if snippets else 1) * line + (4 if snippets else 6))

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model = self.model()
        if (
            model is not None
            and model.rowCount()
            and cursorAction
            in (
                QAbstractItemView.CursorAction.MoveHome,
                QAbstractItemView.CursorAction.MoveEnd,
            )
        ):
            column = max(self.currentIndex().column(), 0)
            row = 0 if cursorAction == QAbstractItemView.CursorAction.MoveHome else model.rowCount() - 1
            return model.index(row, column)
        return super().moveCursor(cursorAction, modifiers)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu_requested.emit(event.globalPos())


class ArticlePane(QWidget):
    """The list with its message line above (a malformed query, or how to widen an empty result)."""

    order_changed = Signal(object)  # ListOrder

    def __init__(self, model: ArticleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.order = ListOrder()
        self.searching = False
        self.message = QLabel(self)
        self.message.setObjectName("listMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Search message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.view = ArticleListView(self)
        self.view.setModel(model)
        self.header = self.view.horizontalHeader()
        self.header.sectionClicked.connect(self._on_header_clicked)
        self.header.customContextMenuRequested.connect(self._show_header_menu)
        self.reset_columns()

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.view, 1)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * MIN_LIST_CHARS)

    def add_above(self, widget: QWidget) -> None:
        """Put ``widget`` (a view's own actions, e.g. the Trash's) above the message and the list."""
        self._layout.insertWidget(0, widget)

    # -- order ---------------------------------------------------------------------------------------
    def sort(self) -> tuple[SortOrder, bool]:
        """The library order (and direction) the list is shown in now."""
        return self.order.sort(self.searching)

    def set_order(self, order: ListOrder, *, notify: bool = True) -> None:
        self.order = order
        self._show_sort_indicator()
        if notify:
            self.order_changed.emit(order)

    def set_searching(self, searching: bool) -> None:
        """Whether a query is typed: the automatic order is then best matches first."""
        self.searching = searching
        self._show_sort_indicator()

    def _on_header_clicked(self, section: int) -> None:
        self.set_order(self.order.clicked(COLUMNS[section].key, self.searching))

    def _show_sort_indicator(self) -> None:
        key = self.order.column if self.order.column is not None else (None if self.searching else "added")
        if key is None:
            self.header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # best matches: no column
            return
        column = COLUMNS[column_of(key)]
        descending = column.newest_first != self.order.reverse
        self.header.setSortIndicator(
            column_of(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )

    # -- columns -------------------------------------------------------------------------------------
    def column_shown(self, key: str) -> bool:
        return not self.header.isSectionHidden(column_of(key))

    def set_column_shown(self, key: str, shown: bool) -> None:
        if key != COLUMNS[TITLE_COLUMN].key:  # the title always stays
            self.header.setSectionHidden(column_of(key), not shown)

    def reset_columns(self) -> None:
        """Every column back to its first width, place and visibility."""
        metrics = self.view.fontMetrics()
        for logical, column in enumerate(COLUMNS):
            self.header.moveSection(self.header.visualIndex(logical), logical)
            self.header.setSectionHidden(logical, not column.shown)
            width = metrics.horizontalAdvance(column.sample) if column.sample else 0
            indicator = self.header.style().pixelMetric(self.header.style().PixelMetric.PM_HeaderMarkSize)
            self.header.resizeSection(
                logical,
                max(width + 16, column.width * metrics.averageCharWidth(), self._title_width(column))
                + indicator,
            )

    def _title_width(self, column: Column) -> int:
        return self.header.fontMetrics().horizontalAdvance(column.title) + 16

    def header_state(self) -> QByteArray:
        return self.header.saveState()

    def restore_header_state(self, state: QByteArray) -> bool:
        restored = self.header.restoreState(state)
        if restored:
            self.header.setSectionHidden(TITLE_COLUMN, False)
        self._show_sort_indicator()  # the saved indicator belongs to the saved order, kept apart
        return bool(restored)

    def _show_header_menu(self, position: QPoint) -> None:
        menu = self.header_menu()
        menu.exec(self.header.mapToGlobal(position))
        menu.deleteLater()

    def header_menu(self) -> QMenu:
        """The column chooser, the automatic order and a reset: the header's right-click menu."""
        menu = QMenu(self)
        for column in COLUMNS:
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(self.column_shown(column.key))
            action.setEnabled(column.key != COLUMNS[TITLE_COLUMN].key)
            action.toggled.connect(lambda on, key=column.key: self.set_column_shown(key, on))
        menu.addSeparator()
        automatic = menu.addAction("Best Matches First While Searching")
        automatic.setCheckable(True)
        automatic.setChecked(self.order.column is None)
        automatic.setToolTip("Sort by relevance while there is a query, by date added otherwise")
        automatic.triggered.connect(lambda _checked=False: self.set_order(ListOrder()))
        menu.addAction("Reset Columns").triggered.connect(lambda _checked=False: self.reset_columns())
        return menu

    # -- selection and messages ------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The selected articles, in list order."""
        rows = [row for first, last in self._selected_runs() for row in range(first, last + 1)]
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def selected_count(self) -> int:
        """How many articles are selected (from the selection's ranges: Ctrl+A on 100,000 rows is one)."""
        return sum(last - first + 1 for first, last in self._selected_runs())

    def _selected_runs(self) -> list[tuple[int, int]]:
        """The selected rows as sorted, non-overlapping (first, last) runs, whatever columns are selected."""
        selection = self.view.selectionModel().selection()
        ranges = (selection.at(i) for i in range(selection.count()))  # the stubs lack its __iter__
        spans = sorted((r.top(), r.bottom()) for r in ranges if r.isValid())
        merged: list[tuple[int, int]] = []
        for first, last in spans:
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], last))
            else:
                merged.append((first, last))
        return merged

    def add_to_selection(self, article_ids: Sequence[int]) -> None:
        """Select again those of ``article_ids`` the list still shows (after a new answer replaced it)."""
        selection = QItemSelection()
        for first, last in _runs(self.model.rows_of(article_ids)):
            selection.select(self.model.index(first, 0), self.model.index(last, 0))
        if not selection.isEmpty():
            self.view.selectionModel().select(
                selection,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A line above the list: a malformed query's message, or how to widen an empty result."""
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #c0392b; padding: 4px 8px;" if error else "padding: 4px 8px;")
        self.message.setText(text)
        self.message.setVisible(bool(text))


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of neighbours: one selection range each, not one per row."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
