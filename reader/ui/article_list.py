"""The result list: a fast view, a delegate painting title, meta line and snippet, and the sort picker."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QContextMenuEvent,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library import SearchHit, SortOrder

from .article_model import ArticleModel, HitRole

SORT_LABELS = {
    SortOrder.RELEVANCE: "Relevance",
    SortOrder.DATE: "Date (newest first)",
    SortOrder.TITLE: "Title",
    SortOrder.AUTHOR: "Author",
    SortOrder.SITE: "Site",
}
_PADDING = 6
SNIPPET_CACHE_SIZE = 300


def meta_line(hit: SearchHit) -> str:
    """ "Ana Baev, Lu Wen · 2024-03-01 · Harbour Review" — what the list shows under a title."""
    authors = ", ".join(hit.authors[:3]) + (" et al." if len(hit.authors) > 3 else "")
    return " · ".join(part for part in (authors, hit.date or "", hit.site or "") if part)


def row_height(line_spacing: int, *, snippets: bool = True) -> int:
    """Every row has the same height (title, meta line, two snippet lines when searching): constant-time
    layout for any number of rows."""
    return (4 if snippets else 2) * line_spacing + 2 * _PADDING + (4 if snippets else 0)


class ArticleDelegate(QStyledItemDelegate):
    """Paints one result: bold title, a grey meta line, then the snippet with matched words in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Laid-out snippets, newest last: repainting a row (hover, scroll back) reuses its layout.
        self._snippets: OrderedDict[tuple[str, int, str], QTextDocument] = OrderedDict()

    def _snippet_document(self, snippet: str, width: int, font: QFont) -> QTextDocument:
        key = (snippet, width, font.key())
        doc = self._snippets.get(key)
        if doc is not None:
            self._snippets.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setHtml(snippet)
        doc.setTextWidth(width)
        self._snippets[key] = doc
        if len(self._snippets) > SNIPPET_CACHE_SIZE:
            self._snippets.popitem(last=False)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        model = index.model()
        snippets = isinstance(model, ArticleModel) and bool(model.query)
        return QSize(200, row_height(option.fontMetrics.lineSpacing(), snippets=snippets))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)  # no initStyleOption: the row's text is painted below, not by Qt
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
        text_color = opt.palette.color(group, text_role)
        dim_color = opt.palette.color(group, text_role if selected else QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
        line = opt.fontMetrics.lineSpacing()
        painter.save()
        title_font = QFont(opt.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = hit.title if hit is not None else "Loading…"
        metrics = painter.fontMetrics()
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title or "(untitled)", Qt.TextElideMode.ElideRight, rect.width()),
        )
        if hit is not None:
            painter.setFont(opt.font)
            painter.setPen(dim_color)
            painter.drawText(
                QRect(rect.left(), rect.top() + line, rect.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                opt.fontMetrics.elidedText(meta_line(hit), Qt.TextElideMode.ElideRight, rect.width()),
            )
            if hit.snippet:
                self._paint_snippet(
                    painter,
                    opt,
                    hit.snippet,
                    QRect(rect.left(), rect.top() + 2 * line + 2, rect.width(), 2 * line),
                    text_color,
                )
        painter.restore()

    def _paint_snippet(
        self, painter: QPainter, opt: QStyleOptionViewItem, snippet: str, rect: QRect, color: object
    ) -> None:
        doc = self._snippet_document(snippet, rect.width(), opt.font)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, color)
        doc.documentLayout().draw(painter, context)
        painter.restore()


class ArticleListView(QTableView):
    """The list itself (a one-column table: unlike QListView it never walks every row, so 100,000 rows
    reset and scroll in constant time); asks the window for its context menu."""

    context_menu_requested = Signal(object)  # QPoint (global)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName("Articles")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(ArticleDelegate(self))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        self.set_snippet_rows(False)

    def set_snippet_rows(self, snippets: bool) -> None:
        """Tall rows with room for a snippet while searching, compact rows otherwise."""
        self.verticalHeader().setDefaultSectionSize(
            row_height(self.fontMetrics().lineSpacing(), snippets=snippets)
        )

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu_requested.emit(event.globalPos())


class ArticlePane(QWidget):
    """Sort picker and inline message above the result list."""

    sort_changed = Signal(object)  # SortOrder

    def __init__(self, model: ArticleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.sort_box = QComboBox(self)
        self.sort_box.setAccessibleName("Sort articles by")
        for order, label in SORT_LABELS.items():
            self.sort_box.addItem(label, order.value)
        self.sort_box.currentIndexChanged.connect(lambda _i: self.sort_changed.emit(self.sort_order()))
        self.message = QLabel(self)
        self.message.setObjectName("listMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Search message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.view = ArticleListView(self)
        self.view.setModel(model)

        sort_row = QHBoxLayout()
        sort_row.setContentsMargins(6, 4, 6, 0)
        sort_label = QLabel("&Sort:", self)
        sort_label.setBuddy(self.sort_box)
        sort_row.addWidget(sort_label)
        sort_row.addWidget(self.sort_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(sort_row)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

    def sort_order(self) -> SortOrder:
        return SortOrder(self.sort_box.currentData())

    def selected_ids(self) -> list[int]:
        """The selected articles, in list order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

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

    def set_sort_order(self, order: SortOrder) -> None:
        index = self.sort_box.findData(order.value)
        if index >= 0:
            self.sort_box.setCurrentIndex(index)

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
