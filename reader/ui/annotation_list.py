"""A list of highlights as cards: a bar in the highlight's colour, the quote, the comment, the tags.

Used by the reader's annotations sidebar (one article's highlights in reading order, the orphaned ones
under a notice) and by the library's Annotations window (with each highlight's article).  A card's
height follows its text, wrapped to the list's width; long quotes are cut with "…" (the reader and
the copy have them whole).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.library import Annotation

from .highlights import label, shade

AnnotationRole = Qt.ItemDataRole.UserRole + 1
ArticleTitleRole = Qt.ItemDataRole.UserRole + 2
NOTICE_ROLE = Qt.ItemDataRole.UserRole + 3  # a header row (the orphaned highlights' notice), not a card
MAX_QUOTE = 420
MAX_COMMENT = 600
_PAD, _BAR, _GAP = 8, 4, 3

_Index = QModelIndex | QPersistentModelIndex


def cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class AnnotationDelegate(QStyledItemDelegate):
    """Paints a card (see the module docstring) or a notice row."""

    def _parts(self, index: _Index, font: QFont) -> list[tuple[str, QFont, str]]:
        """The card's lines of text: (text, font, role) with role "quote", "comment", "meta" or "notice"."""
        notice = index.data(NOTICE_ROLE)
        if notice:
            bold = QFont(font)
            bold.setBold(True)
            return [(str(notice), bold, "notice")]
        annotation: Annotation | None = index.data(AnnotationRole)
        if annotation is None:
            return []
        italic = QFont(font)
        italic.setItalic(True)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        parts = [(f"“{cut(annotation.quote, MAX_QUOTE)}”", italic, "quote")]
        if annotation.comment:
            parts.append((cut(annotation.comment, MAX_COMMENT), font, "comment"))
        meta = [str(index.data(ArticleTitleRole) or "")]
        if annotation.tags:
            meta.append("Tags: " + ", ".join(annotation.tags))
        if annotation.anchoring.value == "fuzzy":
            meta.append("placed on a passage close to the one highlighted")
        if any(meta):
            parts.append((" · ".join(m for m in meta if m), small, "meta"))
        return parts

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return max(80, option.rect.width() - 2 * _PAD - _BAR - _PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._text_width(option)
        height = _PAD
        for text, font, _role in self._parts(index, option.font):
            bound = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), _WRAP, text)
            height += bound.height() + _GAP
        return QSize(option.rect.width(), height + _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        style = option.widget.style() if option.widget is not None else None
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        annotation: Annotation | None = index.data(AnnotationRole)
        rect = option.rect
        if annotation is not None:
            painter.fillRect(
                QRect(rect.left() + _PAD // 2, rect.top() + _PAD // 2, _BAR, rect.height() - _PAD),
                shade(annotation.colour),
            )
        x = rect.left() + _PAD + _BAR + _PAD // 2
        y = rect.top() + _PAD
        width = self._text_width(option)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        for text, font, role in self._parts(index, option.font):
            painter.setFont(font)
            colour = palette.color(text_role)
            if role == "meta" and not selected:
                colour = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.setPen(colour)
            bound = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), _WRAP, text)
            painter.drawText(QRect(x, y, width, bound.height()), _WRAP, text)
            y += bound.height() + _GAP
        painter.restore()


_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class AnnotationList(QListWidget):
    """Highlights as cards; Enter or a click activates one, Delete asks to delete it."""

    chosen = Signal(int)  # an annotation id: clicked, or reached with the keyboard
    activated_annotation = Signal(int)  # Enter or a double click
    delete_pressed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(AnnotationDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setSpacing(1)
        self.currentItemChanged.connect(lambda item, _previous: self._emit_chosen(item))
        self.itemClicked.connect(self._emit_chosen)
        self.itemDoubleClicked.connect(lambda item: self._emit_id(self.activated_annotation, item))

    def show_annotations(
        self,
        annotations: Sequence[Annotation],
        *,
        titles: dict[int, str] | None = None,
        orphan_notice: str | None = None,
    ) -> None:
        """List ``annotations`` (anchored first, in the given order); the orphaned ones after
        ``orphan_notice`` when it is given."""
        chosen = self.current_id()
        self.blockSignals(True)
        self.clear()
        placed = [a for a in annotations if a.anchored or orphan_notice is None]
        orphans = [a for a in annotations if not a.anchored and orphan_notice is not None]
        for annotation in placed:
            self._add(annotation, titles)
        if orphans and orphan_notice:
            notice = QListWidgetItem(self)
            notice.setData(NOTICE_ROLE, orphan_notice)
            notice.setFlags(Qt.ItemFlag.ItemIsEnabled)
            notice.setData(Qt.ItemDataRole.AccessibleTextRole, orphan_notice)
            for annotation in orphans:
                self._add(annotation, titles)
        if chosen is not None:
            self.set_current_id(chosen)
        self.blockSignals(False)

    def _add(self, annotation: Annotation, titles: dict[int, str] | None) -> None:
        item = QListWidgetItem(self)
        item.setData(AnnotationRole, annotation)
        title = (titles or {}).get(annotation.article_id)
        if title:
            item.setData(ArticleTitleRole, title)
        spoken = f"{label(annotation.colour)} highlight: {annotation.quote}"
        if annotation.comment:
            spoken += f". Comment: {annotation.comment}"
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(annotation.comment or annotation.quote[:300])

    def annotations(self) -> list[Annotation]:
        found = (self.item(row).data(AnnotationRole) for row in range(self.count()))
        return [a for a in found if a is not None]

    def current_id(self) -> int | None:
        item = self.currentItem()
        annotation = item.data(AnnotationRole) if item is not None else None
        return annotation.id if annotation is not None else None

    def selected_annotations(self) -> list[Annotation]:
        chosen = [item.data(AnnotationRole) for item in self.selectedItems()]
        return [a for a in chosen if a is not None]

    def set_current_id(self, annotation_id: int | None) -> None:
        for row in range(self.count()):
            item = self.item(row)
            annotation = item.data(AnnotationRole) if item is not None else None
            if annotation is not None and annotation.id == annotation_id:
                self.setCurrentRow(row)
                self.scrollToItem(item)
                return

    def row_rect(self, annotation_id: int) -> QRect:
        """Where a card is drawn (viewport coordinates; tests click there)."""
        for row in range(self.count()):
            item = self.item(row)
            annotation = item.data(AnnotationRole) if item is not None else None
            if annotation is not None and annotation.id == annotation_id:
                return self.visualItemRect(item)
        return QRect()

    def _emit_chosen(self, item: QListWidgetItem | None) -> None:
        self._emit_id(self.chosen, item)

    @staticmethod
    def _emit_id(signal: SignalInstance, item: QListWidgetItem | None) -> None:
        annotation = item.data(AnnotationRole) if item is not None else None
        if annotation is not None:
            signal.emit(annotation.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.current_id()
        if current is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_annotation.emit(current)
            return
        if current is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit(current)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # the cards' heights follow the new width
