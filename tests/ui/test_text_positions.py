"""The article's text offsets and the reader's document positions, aligned: highlights land on their words."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from reader.ingest import extract_bytes
from reader.ui.text_positions import TextPositions

PAGE = b"""<html><head><title>Tables and lists</title></head><body><article><h1>Tables and lists</h1>
<p>Hello&nbsp;world, the harbour master wrote to the council every winter about the tides, asking again.</p>
<ul><li>alpha item of the list</li><li>beta item of the list</li></ul>
<table><tr><td>cell one</td><td>cell two</td></tr><tr><td>cell three</td><td>cell four</td></tr></table>
<figure><img src="data:image/png;base64,iVBORw0KGgo="><figcaption>A caption under it</figcaption></figure>
<p>The council answered with promises; the breakwater was finally built after the great flood.</p>
<pre>code  line one
  indented line</pre></article></body></html>"""


def rendered(body_html: str, header: str = "<h1>Title</h1><p>By someone</p>") -> tuple[QTextDocument, int]:
    document = QTextDocument()
    document.setHtml(header + body_html)
    return document, document.findBlockByNumber(2).position()


@pytest.fixture
def page(qapp) -> tuple[str, QTextDocument, TextPositions]:
    article = extract_bytes(PAGE, path="tables.html")
    document, body = rendered(article.html)
    return article.text, document, TextPositions(article.text, document.toRawText(), body)


def test_every_word_of_the_text_is_found_on_its_place_in_the_document_and_back(page) -> None:
    text, document, positions = page
    raw = document.toRawText()
    words = list(re.finditer(r"\w+", text))
    assert len(words) > 50
    for word in words:
        span = positions.span(word.start(), word.end())
        assert span is not None and raw[span.start : span.end] == word.group()
        assert positions.offsets(span.start, span.end) == (word.start(), word.end())


def test_a_passage_across_paragraphs_list_items_and_table_cells_maps_whole(page) -> None:
    text, document, positions = page
    start, end = text.index("asking again"), text.index("cell two") + len("cell two")
    span = positions.span(start, end)
    assert span is not None
    selected = document.toRawText()[span.start : span.end]
    assert selected.startswith("asking again") and selected.endswith("cell two")
    assert positions.offsets(span.start, span.end) == (start, end)


def test_a_selection_in_the_header_above_the_article_is_no_passage_of_its_text(page) -> None:
    _text, document, positions = page
    title = document.toRawText().index("Title")
    assert positions.offsets(title, title + len("Title")) is None
    # … and one that starts in the header begins at the article's first word
    assert positions.offsets(title, document.toRawText().index("world") + 5) == (0, len("Hello\xa0world"))


def test_white_space_at_either_end_of_a_passage_is_left_out(page) -> None:
    text, document, positions = page
    start = text.index("alpha") - 2  # the blank line before the list item
    span = positions.span(start, text.index("alpha") + 5)
    assert span is not None and document.toRawText()[span.start : span.end] == "alpha"


def test_words_only_one_side_has_are_stepped_over_and_the_rest_still_line_up(qapp) -> None:
    body = "<p>The harbour master wrote to the council every winter about the storms.</p>"
    document, start = rendered(body)
    text = "The harbour master [sic] wrote to the council every winter about the storms."
    positions = TextPositions(text, document.toRawText(), start)
    raw = document.toRawText()
    for word in ("harbour", "wrote", "council", "storms"):
        at = text.index(word)
        span = positions.span(at, at + len(word))
        assert span is not None and raw[span.start : span.end] == word
    across = positions.span(text.index("master"), text.index("wrote") + 5)
    assert across is not None and raw[across.start : across.end] == "master wrote"
    assert positions.span(text.index("[sic]"), text.index("[sic]") + 5) is None  # nothing of it is shown


def test_a_passage_outside_the_text_has_no_place(qapp) -> None:
    document, start = rendered("<p>Short text.</p>")
    positions = TextPositions("Short text.", document.toRawText(), start)
    assert positions.span(40, 50) is None
    assert positions.span(0, 0) is None
