"""What the parse stage takes out before parsing, and resiliparse's plain text mapped back onto the page."""

from __future__ import annotations

import pytest

from reader.ingest import extract_bytes
from reader.ingest.body.candidates import article_from_text
from reader.ingest.body.dom import inner_text
from reader.ingest.parse import parse_page, prepared


@pytest.mark.parametrize("odd", ["\x01", "\x0b", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"])
def test_characters_no_tree_can_hold_are_taken_out_and_the_text_around_them_stays(odd: str) -> None:
    tree = parse_page(f"<html><body><p>ferry{odd}timetable</p></body></html>", "page.html").tree
    assert inner_text(tree.find("body")) == "ferrytimetable"


def test_an_absurdly_long_start_tag_loses_its_attributes_and_keeps_its_text() -> None:
    page = "<html><body><p>" + "x " * 30 + "<div " + 'a="1" ' * 5000 + ">The story stays.</div></body></html>"
    assert "<div>The story stays." in prepared(page)
    assert "The story stays." in inner_text(parse_page(page, "page.html").tree)


def test_ordinary_markup_is_left_alone() -> None:
    page = "<html><body>" + "<p class='a' id='b'>Ferry news.</p>" * 2000 + "</body></html>"
    assert prepared(page) == page


def test_a_reading_of_br_separated_lines_maps_back_onto_their_block() -> None:
    lines = [
        "The evening ferry now leaves half an hour later to meet the last train.",
        "Season tickets bought before May will be refunded at the harbour office.",
    ]
    markup = (
        "<html><body><div id='nav'>Home</div>"
        f"<div class='post'>{lines[0]}<br><br>{lines[1]}</div><div>Share this</div></body></html>"
    )
    article = article_from_text(markup, "\n".join(lines))
    text = inner_text(article)
    assert lines[0] in text and lines[1] in text
    assert "Home" not in text and "Share this" not in text


def test_a_short_block_is_kept_only_as_a_whole_line_of_the_reading() -> None:
    markup = "<html><body><p>Home</p><p>Home delivery of the island paper starts in June.</p></body></html>"
    article = article_from_text(markup, "Home delivery of the island paper starts in June.")
    assert [inner_text(block) for block in article] == ["Home delivery of the island paper starts in June."]


def test_an_old_blog_post_in_br_paragraphs_is_read_whole() -> None:
    paragraphs = [
        f"Day {n}: we walked the coast path from the harbour to the lighthouse and back before the tide "
        "came in, stopping for tea at the café by the old lifeboat station."
        for n in range(8)
    ]
    page = (
        "<html><head><title>Coast walks</title></head><body><div id='side'><a href='/a'>Archive</a></div>"
        f"<div class='post'>{'<br><br>'.join(paragraphs)}</div></body></html>"
    )
    text = extract_bytes(page.encode(), path="walks.html").text
    assert all(paragraph in text for paragraph in paragraphs)
