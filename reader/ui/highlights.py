"""How highlights look: the five colours (Zotero's), their swatches, and the reader's marks for them.

The library names a highlight's colour (``Annotation.colour``, one of ``reader.library.COLOURS``);
this module gives each name its label, its key (Ctrl+Alt+1…5) and Zotero's shade, and turns the
highlights of the open article into extra selections over the reader's document: a translucent wash
in the colour (the text stays legible, in every theme), a dotted underline on one with a comment, and a
stronger wash on the one chosen in the sidebar.  Search hits and find matches are drawn after these,
so they stay visible over a highlight.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.library import COLOURS, Annotation

from .text_positions import TextPositions


@dataclass(frozen=True)
class HighlightColour:
    name: str  # the library's name for it
    label: str  # what the app calls it
    shade: str  # Zotero's colour for it
    key: str  # its shortcut's name in reader.ui.shortcuts


_SHADES = {
    "yellow": "#ffd400",
    "red": "#ff6666",
    "green": "#5fb236",
    "blue": "#2ea8e5",
    "purple": "#a28ae5",
}
HIGHLIGHT_COLOURS: tuple[HighlightColour, ...] = tuple(
    HighlightColour(name, name.capitalize(), _SHADES.get(name, "#aaaaaa"), f"highlight_{name}")
    for name in COLOURS
)
COLOUR_BY_NAME = {colour.name: colour for colour in HIGHLIGHT_COLOURS}

WASH_ALPHA = 0.42  # how strongly a highlight tints the text behind it (Zotero's reader is near 0.5)
DARK_WASH_ALPHA = 0.38
CHOSEN_ALPHA = 0.62  # the highlight chosen in the sidebar, or jumped to


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` widened to whole words when it begins or ends inside one (a selection dragged
    from the middle of a word highlights the word), as e-book readers do.  Only in scripts that space
    their words: in Chinese or Japanese a "word" would run to the next punctuation."""
    while 0 < start < len(text) and _in_word(text[start - 1]) and _in_word(text[start]):
        start -= 1
    while 0 < end < len(text) and _in_word(text[end - 1]) and _in_word(text[end]):
        end += 1
    return start, end


def _in_word(char: str) -> bool:
    return char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")


def shade(name: str) -> QColor:
    colour = COLOUR_BY_NAME.get(name)
    return QColor(colour.shade if colour is not None else "#aaaaaa")


def label(name: str) -> str:
    colour = COLOUR_BY_NAME.get(name)
    return colour.label if colour is not None else name.capitalize()


def swatch_icon(name: str, size: int = 16) -> QIcon:
    """A filled circle in the colour, with a thin darker rim (visible on light and dark backgrounds)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = shade(name)
    painter.setPen(QPen(colour.darker(140), 1))
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
    painter.end()
    return QIcon(pixmap)


def wash(name: str, *, dark: bool, chosen: bool = False) -> QColor:
    colour = shade(name)
    colour.setAlphaF(CHOSEN_ALPHA if chosen else DARK_WASH_ALPHA if dark else WASH_ALPHA)
    return colour


def highlight_selections(
    document: QTextDocument,
    positions: TextPositions,
    annotations: Sequence[Annotation],
    *,
    dark: bool,
    chosen: int | None = None,
) -> list[QTextEdit.ExtraSelection]:
    """The reader's marks for the anchored ``annotations`` (``chosen``: the id drawn stronger)."""
    selections: list[QTextEdit.ExtraSelection] = []
    for annotation in annotations:
        if not annotation.anchored:
            continue
        span = positions.span(annotation.start, annotation.end)
        if span is None:
            continue
        cursor = QTextCursor(document)
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(wash(annotation.colour, dark=dark, chosen=annotation.id == chosen))
        if annotation.comment:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(shade(annotation.colour).darker(150))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    return selections
