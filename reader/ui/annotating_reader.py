"""The reader with highlights: it draws the open article's highlights and says what the user selected.

:class:`AnnotatingReader` is the :class:`~.reader_view.ReaderView` plus what highlighting needs: the
highlights drawn under the search hits and find matches (:mod:`.highlights`), the alignment of the
article's text with the document (:mod:`.text_positions`, built when first needed for each rendering),
the selection as the text offsets the library stores, the highlight under a point (for a click, the
context menu and a comment's tooltip), and a jump to a highlight.  Text can be selected with the
keyboard too (Shift+arrows, as in a browser's caret browsing), so a highlight needs no mouse.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import accumulate

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QKeyEvent, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from reader.library import Annotation, StoredArticle

from .highlights import highlight_selections, label
from .reader_view import ReaderView, header_blocks
from .text_positions import Span, TextPositions

JUMP_MARGIN = 0.3  # a highlight jumped to sits this far down the view, with its context above it


class AnnotatingReader(ReaderView):
    """The reader pane's view of one article, with its highlights (see the module docstring)."""

    selection_finished = Signal()  # the mouse let go of a selection in the article's text
    highlight_clicked = Signal(int)  # a click (no selection) on the highlight with this id
    escaped = Signal()  # Escape: the selection and its popup go

    def __init__(self, parent: QWidget | None = None) -> None:
        self.annotations: list[Annotation] = []  # the open article's highlights, in reading order
        self.chosen: int | None = None  # the highlight chosen in the sidebar (drawn stronger)
        self.menu_extender: Callable[[QMenu, QPoint], None] | None = None
        self._annotation_selections: list[QTextEdit.ExtraSelection] = []
        self._positions: TextPositions | None = None
        super().__init__(parent)
        flags = self.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(flags)

    # -- content -----------------------------------------------------------------------------------
    def show_placeholder(self, text: str = "Select an article to read it.") -> None:
        self._forget_rendering()
        self.annotations, self.chosen = [], None
        super().show_placeholder(text)

    def show_article(
        self,
        article: StoredArticle,
        query_hits: list[str] | None = None,
        resources: dict[str, bytes] | None = None,
    ) -> None:
        if self.article is None or self.article.id != article.id:
            self.annotations, self.chosen = [], None  # another article's highlights are never drawn here
        self._forget_rendering()
        super().show_article(article, query_hits, resources)
        self._draw_annotations()

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Draw these highlights of the open article (any other article's are left out)."""
        article_id = self.article.id if self.article is not None else None
        self.annotations = [a for a in annotations if a.article_id == article_id]
        if self.chosen is not None and all(a.id != self.chosen for a in self.annotations):
            self.chosen = None
        self._draw_annotations()

    def choose(self, annotation_id: int | None) -> None:
        self.chosen = annotation_id
        self._draw_annotations()

    def _forget_rendering(self) -> None:
        self._positions = None
        self._annotation_selections = []

    def _draw_annotations(self) -> None:
        if self.article is None or not self.annotations:
            self._annotation_selections = []
        else:
            self._annotation_selections = highlight_selections(
                self.document(), self.positions(), self.annotations, dark=self.theme.dark, chosen=self.chosen
            )
        self._refresh_selections()

    def _refresh_selections(self) -> None:
        # Highlights first: the search hits and find matches are painted over them, underlined where they
        # fall inside one (a pale hit colour over a yellow highlight would only look like a gap in it).
        below = getattr(self, "_annotation_selections", [])
        above = self._query_selections + self._find_selections
        if below and above:
            above = _underlined_inside(above, below, QColor(self.theme.text))
        self.setExtraSelections(below + above)

    # -- positions ---------------------------------------------------------------------------------
    def positions(self) -> TextPositions:
        """The alignment of the open article's text with this rendering of it (built on first use)."""
        if self._positions is None:
            document = self.document()
            text = self.article.text if self.article is not None else ""
            body = (
                document.findBlockByNumber(header_blocks(self.article)) if self.article is not None else None
            )
            start = body.position() if body is not None and body.isValid() else document.characterCount()
            self._positions = TextPositions(text, document.toRawText(), start)
        return self._positions

    def selected_offsets(self) -> tuple[int, int] | None:
        """The selection as offsets into the article's text (None: nothing of the text is selected)."""
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return None
        return self.positions().offsets(cursor.selectionStart(), cursor.selectionEnd())

    def span_of(self, annotation: Annotation) -> Span | None:
        if self.article is None or not annotation.anchored:
            return None
        return self.positions().span(annotation.start, annotation.end)

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The highlight under ``point`` (viewport coordinates), the shortest when they overlap."""
        if not self.annotations:
            return None
        scrolled = QPointF(
            point.x() + self.horizontalScrollBar().value(), point.y() + self.verticalScrollBar().value()
        )
        position = self.document().documentLayout().hitTest(scrolled, Qt.HitTestAccuracy.ExactHit)
        return self.annotation_at_position(position) if position >= 0 else None

    def annotation_at_position(self, position: int) -> Annotation | None:
        """The highlight covering the document position ``position``, the shortest when they overlap."""
        found: list[tuple[int, Annotation]] = []
        for annotation in self.annotations:
            span = self.span_of(annotation)
            if span is not None and span.start <= position < span.end:
                found.append((span.end - span.start, annotation))
        return min(found, key=lambda pair: pair[0])[1] if found else None

    def annotation_at_cursor(self) -> Annotation | None:
        """The highlight the text cursor is in (keyboard users reach a highlight with the arrows)."""
        return self.annotation_at_position(self.textCursor().position())

    def jump_to(self, annotation: Annotation) -> bool:
        """Scroll the highlight into view, a third of the way down, and put the cursor at its start."""
        span = self.span_of(annotation)
        if span is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        self.setTextCursor(cursor)
        top = self.cursorRect(cursor).top() + self.verticalScrollBar().value()
        self.verticalScrollBar().setValue(max(0, round(top - self.viewport().height() * JUMP_MARGIN)))
        self.choose(annotation.id)
        return True

    def selection_rect_end(self) -> QPoint | None:
        """Where the selection ends, in viewport coordinates (the popup goes under it)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        end = QTextCursor(cursor)
        end.setPosition(cursor.selectionEnd())
        return self.cursorRect(end).bottomLeft()

    def span_rect_end(self, annotation: Annotation) -> QPoint | None:
        span = self.span_of(annotation)
        if span is None:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.end)
        return self.cursorRect(cursor).bottomLeft()

    # -- events --------------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.article is None:
            return
        if self.textCursor().hasSelection():
            if self.selected_offsets() is not None:
                self.selection_finished.emit()
        elif (annotation := self.annotation_at(event.position().toPoint())) is not None:
            self.highlight_clicked.emit(annotation.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            cursor = self.textCursor()
            if cursor.hasSelection():  # Escape drops the selection; with none it goes on as before
                cursor.clearSelection()
                self.setTextCursor(cursor)
                return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            annotation = self.annotation_at(event.pos())  # the viewport's own coordinates
            if annotation is not None:
                QToolTip.showText(event.globalPos(), _tooltip(annotation), self.viewport())
                return True
        return super().viewportEvent(event)

    def extend_menu(self, menu: QMenu, position: QPoint) -> None:
        if self.menu_extender is not None:
            self.menu_extender(menu, position)  # the viewport's coordinates, as the event gave them


def _tooltip(annotation: Annotation) -> str:
    if annotation.comment:
        return annotation.comment
    return f"{label(annotation.colour)} highlight (right-click to comment, recolour or delete)"


def _underlined_inside(
    marks: list[QTextEdit.ExtraSelection], highlights: list[QTextEdit.ExtraSelection], colour: QColor
) -> list[QTextEdit.ExtraSelection]:
    """``marks``, those overlapping a highlight with a solid underline added (copies; the originals stay)."""
    spans = sorted((h.cursor.selectionStart(), h.cursor.selectionEnd()) for h in highlights)
    starts = [start for start, _end in spans]
    reach = list(accumulate((end for _start, end in spans), max))  # the furthest end among the first n
    shown: list[QTextEdit.ExtraSelection] = []
    for mark in marks:
        start, end = mark.cursor.selectionStart(), mark.cursor.selectionEnd()
        before = bisect_left(starts, end)  # the highlights that begin before the mark ends…
        if before and reach[before - 1] > start:  # …one of which ends after it begins
            fmt = QTextCharFormat(mark.format)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            copy = QTextEdit.ExtraSelection()
            copy.cursor = mark.cursor
            copy.format = fmt
            mark = copy
        shown.append(mark)
    return shown
