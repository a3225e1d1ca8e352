"""The reader pane: one article in comfortable typography, with no network access at all.

Resources come only from the article's own saved files (``Library.resource``) and ``data:``
images; everything else a page references is refused.  Links never navigate the pane: a click on
an http(s) or mailto link goes to the system browser, a click on a series/topic chip filters the
list, anything else is ignored.
"""

from __future__ import annotations

import base64
import html
import logging
import re
from functools import cache
from string import Template
from urllib.parse import quote, unquote

from PySide6.QtCore import QPoint, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from reader.ingest import damage_tooltip, describe_repairs
from reader.library import ATTENTION_REASONS, Match, StoredArticle
from reader.resources import resource_path

from .themes import THEMES, Theme

MEASURE_CHARS = 70  # a comfortable line length for reading
MIN_MEASURE_CHARS = 40  # the shortest line still worth reading: the splitters take room from others first
MIN_SIDE_MARGIN = 18.0
LINE_HEIGHT_PERCENT = 145
MAX_HIGHLIGHTS = 5000
MAX_DAMAGE_MARKS = 500
FILTER_SCHEME = "offprint-filter"
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
_DATA_URL = re.compile(r"^data:(image/[\w.+-]+)?(;charset=[\w-]+)?(;base64)?,(.*)$", re.S | re.I)

logger = logging.getLogger(__name__)

_FALLBACK_CSS = "body { font-family: $serif; font-size: ${size}pt; color: $text; } a { color: $link; }"


SERIF_FAMILIES = (
    "Literata",
    "Source Serif 4",
    "Source Serif Pro",
    "Noto Serif",
    "Charter",
    "Georgia",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
)
SANS_FAMILIES = ("Inter", "Noto Sans", "Cantarell", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Arial")
MONO_FAMILIES = ("JetBrains Mono", "Noto Sans Mono", "DejaVu Sans Mono", "Consolas", "Menlo", "Courier New")


@cache
def installed_family(choices: tuple[str, ...], generic: QFont.StyleHint) -> str:
    """The first of ``choices`` this system has (Qt's CSS takes only one family), else the generic one."""
    available = set(QFontDatabase.families())
    for family in choices:
        if family in available:
            return family
    fallback = QFont()
    fallback.setStyleHint(generic)
    return QFontInfo(fallback).family()


@cache
def _reader_css_template() -> str:
    """``resources/reader.css``; a plain fallback when the file is missing, so a broken build still reads."""
    path = resource_path("reader.css")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        logger.warning("the reader's style sheet %s cannot be read (%s); using plain styles", path, exc)
        return _FALLBACK_CSS


def reader_css(theme: Theme, size: int) -> str:
    template = Template(_reader_css_template())
    return template.safe_substitute(
        serif=installed_family(SERIF_FAMILIES, QFont.StyleHint.Serif),
        sans=installed_family(SANS_FAMILIES, QFont.StyleHint.SansSerif),
        mono=installed_family(MONO_FAMILIES, QFont.StyleHint.Monospace),
        size=size,
        h1=round(size * 1.5),
        h2=round(size * 1.3),
        h3=round(size * 1.1),
        small=max(7, round(size * 0.85)),
        para=round(size * 0.9),
        text=theme.text,
        muted=theme.muted,
        link=theme.link,
        chip=theme.chip,
        background=theme.background,
    )


def filter_link(facet: str, value: str) -> str:
    return f"{FILTER_SCHEME}:{facet}/{quote(value, safe='')}"


def parse_filter_link(url: QUrl) -> tuple[str, str] | None:
    if url.scheme() != FILTER_SCHEME:
        return None
    facet, _, value = url.path(QUrl.ComponentFormattingOption.FullyEncoded).partition("/")
    return (facet, unquote(value)) if facet and value else None


def damage_notice(article: StoredArticle) -> str:
    """The line under the header of an article with damage its repair left: what is marked, how often."""
    counts: dict[str, int] = {}
    for note in describe_repairs(article.repairs):
        if note.flagged:
            counts[note.reason] = counts.get(note.reason, 0) + note.count
    if not counts:
        return ""
    what = "; ".join(f"{ATTENTION_REASONS.get(reason, reason)} ({n})" for reason, n in counts.items())
    return (
        f"⚠ Needs attention, marked in the text: {what}. Hover over a mark; details under Repairs & Sources."
    )


def header_html(article: StoredArticle, damage_colour: str = "#c0392b") -> str:
    """Title, authors · date · site, the series and topic chips (links the pane turns into filters), and a
    line saying what damage is marked in the text."""
    esc = html.escape
    people = ", ".join(article.authors or article.organizations)
    meta = " · ".join(esc(p) for p in (people, article.date or "", article.site or "") if p)
    if article.edited:  # the user's corrections win over extraction; say which fields are theirs
        edited = "✎ edited: " + ", ".join(sorted(article.edited))
        meta = f"{meta} · {esc(edited)}" if meta else esc(edited)
    chips = [
        f'<a class="op-chip" href="{esc(filter_link(facet, value))}">&nbsp;{label}{esc(value)}&nbsp;</a>'
        for facet, label, values in (("series", "Series: ", article.series), ("topics", "", article.topics))
        for value in values
    ]
    parts = [f"<h1>{esc(article.title or '(untitled)')}</h1>"]
    if meta:
        parts.append(f'<p class="op-meta">{meta}</p>')
    if article.url:
        parts.append(f'<p class="op-meta"><a href="{esc(article.url)}">{esc(article.url)}</a></p>')
    if chips:  # Qt drops an empty paragraph: write none, so header_blocks counts what is there
        parts.append(f'<p class="op-chips">{" &nbsp;".join(chips)}</p>')
    notice = damage_notice(article)
    if notice:
        parts.append(f'<p class="op-meta" style="color:{esc(damage_colour)}">{esc(notice)}</p>')
    return "".join(parts)


def header_blocks(article: StoredArticle) -> int:
    """How many text blocks :func:`header_html` makes (title, meta line, URL line, chips, damage line)."""
    people = article.authors or article.organizations
    has_meta = bool(people or article.date or article.site or article.edited)
    has_chips = bool(article.series or article.topics)
    return 1 + int(has_meta) + int(bool(article.url)) + int(has_chips) + int(bool(damage_notice(article)))


class ReaderView(QTextBrowser):
    """Shows one article; offers highlights (search words, find matches) as extra selections."""

    filter_requested = Signal(str, str)  # facet, value: a chip was clicked
    copy_with_citation_requested = Signal(str)  # the selected passage
    external_link_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setAccessibleName("Article")
        self.setOpenLinks(False)  # the pane never navigates; anchorClicked decides
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.anchorClicked.connect(self._on_link_clicked)
        self.article: StoredArticle | None = None
        self._resources: dict[str, bytes] = {}  # the open article's own saved files, by reference
        self.theme: Theme = THEMES["light"]
        self.font_size = 13
        self._query_selections: list[QTextEdit.ExtraSelection] = []
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self.hit_words: list[str] = []  # the texts currently marked as search hits
        self.damage_marked = 0  # places marked as damage the repair could not undo
        self.show_placeholder()

    # content -------------------------------------------------------------------------------------
    def show_placeholder(self, text: str = "Select an article to read it.") -> None:
        self.article = None
        self._resources = {}
        self._query_selections, self._find_selections, self.hit_words = [], [], []
        self._apply_css()
        self.setHtml(f'<p class="op-meta" align="center"><br/><br/>{html.escape(text)}</p>')
        self._refresh_selections()

    def show_article(
        self,
        article: StoredArticle,
        query_hits: list[str] | None = None,
        resources: dict[str, bytes] | None = None,
    ) -> None:
        """Render ``article`` with its own saved ``resources``; mark each occurrence of ``query_hits``."""
        if resources is not None:
            self._resources = dict(resources)
        elif self.article is None or self.article.id != article.id:
            self._resources = {}
        self.article = article
        self._find_selections = []
        self._apply_css()
        self.setHtml(
            header_html(article, self.theme.damage) + _as_rich_text(article.html or _paragraphs(article.text))
        )
        self.damage_marked = mark_damage(self.document(), article, self.theme)
        self._apply_line_height()
        self._apply_measure()
        self.set_query_hits(query_hits or [])
        self.verticalScrollBar().setValue(0)

    def set_query_hits(self, texts: list[str]) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.theme.highlight))
        self._query_selections = self._selections_for(texts, fmt)
        self.hit_words = [s.cursor.selectedText() for s in self._query_selections]
        self._refresh_selections()

    def set_find_selections(self, cursors: list[QTextCursor], current: int) -> None:
        selections = []
        for i, cursor in enumerate(cursors):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self.theme.find_current if i == current else self.theme.find))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._find_selections = selections
        self._refresh_selections()

    def _selections_for(self, texts: list[str], fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
        """Every whole-word occurrence in the title and the body (not in the byline, URL or chips)."""
        doc = self.document()
        title_end = doc.firstBlock().position() + doc.firstBlock().length()
        body_start = 0
        if self.article is not None:
            body_block = doc.findBlockByNumber(header_blocks(self.article))
            body_start = body_block.position() if body_block.isValid() else doc.characterCount()
        selections: list[QTextEdit.ExtraSelection] = []
        for text in dict.fromkeys(t for t in texts if t.strip()):
            cursor = doc.find(text, 0, QTextDocument.FindFlag.FindWholeWords)
            while not cursor.isNull() and len(selections) < MAX_HIGHLIGHTS:
                if cursor.selectionStart() < title_end or cursor.selectionStart() >= body_start:
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor
                    selection.format = fmt
                    selections.append(selection)
                cursor = doc.find(text, cursor, QTextDocument.FindFlag.FindWholeWords)
        return selections

    def _refresh_selections(self) -> None:
        self.setExtraSelections(self._query_selections + self._find_selections)

    # look ------------------------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._rerender()

    def set_font_size(self, size: int) -> None:
        self.font_size = size
        self._rerender()

    def _rerender(self) -> None:
        fraction = self.scroll_fraction()
        hits = [s.cursor.selectedText() for s in self._query_selections]
        if self.article is None:
            self.show_placeholder()
            return
        self.show_article(self.article, hits)
        self.restore_fraction(fraction)

    def _apply_css(self) -> None:
        self.setStyleSheet(
            f"QTextBrowser#readerView {{ background-color: {self.theme.background}; color: {self.theme.text};"
            f" selection-background-color: #3d6fb6; selection-color: #ffffff; }}"
        )
        self.document().setDefaultStyleSheet(reader_css(self.theme, self.font_size))
        font = QFont(installed_family(SERIF_FAMILIES, QFont.StyleHint.Serif))
        font.setPointSize(self.font_size)
        self.document().setDefaultFont(font)
        self.setMinimumWidth(self._minimum_reading_width(font))

    def _minimum_reading_width(self, font: QFont) -> int:
        """Room for a line of MIN_MEASURE_CHARS in the reader's font, its margins and scroll bar."""
        line = QFontMetricsF(font).averageCharWidth() * MIN_MEASURE_CHARS
        chrome = 2 * MIN_SIDE_MARGIN + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return round(line + chrome)

    def _apply_line_height(self) -> None:
        # Qt's CSS ignores line-height on body; set it on every block instead (1.45 reads well for serif).
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(fmt)

    def _apply_measure(self) -> None:
        """Centre a column about 70 characters wide, with the theme's background around it."""
        font = self.document().defaultFont()
        measure = QFontMetricsF(font).averageCharWidth() * MEASURE_CHARS * 1.05
        width = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, (width - measure) / 2)
        root = self.document().rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if abs(fmt.leftMargin() - side) < 1 and fmt.topMargin() == 24:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    # position --------------------------------------------------------------------------------------
    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def restore_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    # resources and links -----------------------------------------------------------------------
    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Serve only data: images and the article's own saved files; refuse everything else."""
        if isinstance(name, str):
            name = QUrl(name)
        if int(kind) != int(QTextDocument.ResourceType.ImageResource):
            return None  # no stylesheets, no frames: the page's own are never loaded
        text = name.toString()
        if text.lower().startswith("data:"):
            return _image_from_data_url(text)
        if name.scheme() or name.host() or text.startswith(("/", "\\")) or ".." in text.split("/"):
            return None  # remote, absolute or escaping: never fetched
        data = self._resources.get(text) or self._resources.get(unquote(text))
        if not data:
            return None
        image = QImage.fromData(data)
        return None if image.isNull() else image

    def _on_link_clicked(self, url: QUrl) -> None:
        wanted = parse_filter_link(url)
        if wanted is not None:
            self.filter_requested.emit(*wanted)
            return
        if url.scheme().lower() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
            self.external_link_opened.emit(url.toString())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        passage = self.textCursor().selectedText().replace("\u2029", "\n").strip()
        if passage and self.article is not None:
            menu.addSeparator()
            action = menu.addAction("Copy with Citation")
            action.triggered.connect(lambda: self.copy_with_citation_requested.emit(passage))
        self.extend_menu(menu, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def extend_menu(self, menu: QMenu, position: QPoint) -> None:
        """Room for a subclass's own items in the context menu (the highlights' items)."""

    def selected_passage(self) -> str:
        return self.textCursor().selectedText().replace("\u2029", "\n").strip()


def mark_damage(document: QTextDocument, article: StoredArticle, theme: Theme) -> int:
    """Mark, in the article's body, every place its repair report flags as damage left as saved (a stray
    CJK run, lost link text, U+FFFD…): a wavy underline, a tint, and a tooltip saying what it is.
    Returns how many places were marked."""
    marked = 0
    body_block = document.findBlockByNumber(header_blocks(article))
    body_start = body_block.position() if body_block.isValid() else 0
    for note in describe_repairs(article.repairs):
        if not note.flagged:
            continue
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(theme.damage))
        fmt.setBackground(QColor(theme.damage_background))
        fmt.setToolTip(damage_tooltip(note.kind))
        for needle in note.marks:
            cursor = document.find(needle, body_start, QTextDocument.FindFlag.FindCaseSensitively)
            while not cursor.isNull() and marked < MAX_DAMAGE_MARKS:
                cursor.mergeCharFormat(fmt)
                marked += 1
                cursor = document.find(needle, cursor, QTextDocument.FindFlag.FindCaseSensitively)
    return marked


# Qt's rich text knows no HTML5 sectioning tags and lays them out inline (an image would sit at the
# end of the paragraph before it): give figures and captions the block tags Qt understands.
_QT_BLOCKS = {"figure": "div", "figcaption": "p"}
_HTML5_BLOCK_TAG = re.compile(r"<(/?)(figure|figcaption)\b([^>]*)>")


def _as_rich_text(article_html: str) -> str:
    def block(tag: re.Match[str]) -> str:
        closing, name, attributes = tag.groups()
        if closing:
            return f"</{_QT_BLOCKS[name]}>"
        return f'<{_QT_BLOCKS[name]} class="{"caption" if name == "figcaption" else "figure"}"{attributes}>'

    return _HTML5_BLOCK_TAG.sub(block, article_html)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def _image_from_data_url(url: str) -> QImage | None:
    found = _DATA_URL.match(url)
    if not found or not found.group(1) or not found.group(3):
        return None  # only base64 images
    try:
        data = base64.b64decode(found.group(4), validate=False)
    except ValueError:
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else image


def words_to_highlight(text: str, matches: list[Match]) -> list[str]:
    """The distinct texts the library matched in ``text`` (stemmed hits included), as found in the article."""
    seen: dict[str, None] = {}
    for match in matches:
        word = text[match.start : match.end].strip()
        if word and word.casefold() not in {w.casefold() for w in seen}:
            seen[word] = None
        if len(seen) >= 50:
            break
    return list(seen)
