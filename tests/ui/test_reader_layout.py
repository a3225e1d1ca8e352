"""How an article is laid out in the reader pane (Qt rich text is not a browser)."""

from __future__ import annotations

import base64

from PySide6.QtGui import QTextDocument

from reader.library.types import StoredArticle
from reader.ui.reader_view import ReaderView

# A 1×1 PNG, enough for Qt to lay out an image object.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def _article(html: str) -> StoredArticle:
    return StoredArticle(
        id=7, content_hash="0" * 64, source_path="/tmp/kelp.html", imported_at="2026-11-20T10:00:00+00:00",
        title="Kelp at Saarvik", authors=["Tuva Hermansen"], organizations=[], date="2026-09-10",
        site="Field & Fathom", url=None, language="en", excerpt=None, series=[], topics=[], accessed=None,
        text="", html=html, repairs=[], provenance={},
    )  # fmt: skip


def _block_text_holding_image(document: QTextDocument) -> str:
    block = document.begin()
    while block.isValid():
        if "\ufffc" in block.text():  # the object replacement character stands for an image
            return block.text()
        block = block.next()
    raise AssertionError("no image in the document")


def test_a_figure_stands_apart_from_the_paragraph_before_it_with_its_caption_below(qtbot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    html = (
        "<p>The divers counted the kelp stems along the transect.</p>"
        '<figure><img src="kelp_files/transect.png" alt="Transect">'
        "<figcaption>The transect at low tide.</figcaption></figure>"
        "<p>Next spring they will count again.</p>"
    )
    view.show_article(_article(html), resources={"kelp_files/transect.png": PIXEL})
    image_block = _block_text_holding_image(view.document())
    assert image_block.strip() == "\ufffc", f"the image shares a line with text: {image_block!r}"
    blocks = [b for b in view.toPlainText().split("\n") if b.strip()]
    assert blocks.index("The transect at low tide.") == blocks.index("\ufffc") + 1


def test_a_search_word_in_the_first_paragraph_is_marked_when_the_article_has_no_chips(qtbot) -> None:
    # Qt drops an empty paragraph: with no series or topic chips the body starts one block earlier.
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_article(_article("<p>Kelp forests grow fast.</p><p>The divers came back in May.</p>"), ["Kelp"])
    marked = [s.cursor.block().text() for s in view._query_selections]
    assert "Kelp forests grow fast." in marked
