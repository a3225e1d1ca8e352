"""Boilerplate left inside an article container, and stories split into sibling sections.

These are the places where article scorers (Readability and its ports) keep what a person reading the
page would not count as the story, or leave out a section that is part of it.
"""

from __future__ import annotations

import lxml.html

from reader.ingest import extract_bytes
from reader.ingest.body.choose import narrow_to_marked_article

PARAGRAPHS = [
    f"Paragraph {n}: the ferry timetable changes in May, when the summer boats return to the islands, "
    f"and the evening crossing moves half an hour later to meet the last train from the city."
    for n in range(10)
]
STORY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def extract_text(body: str) -> str:
    head = "<meta charset='utf-8'><title>Ferry</title>"
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return extract_bytes(page.encode(), path="page.html").text


def test_a_heading_that_only_starts_like_a_closing_section_keeps_its_section() -> None:
    section = (
        "<h2>More on the winter timetable</h2>"
        "<p>Winter sailings will run every two hours, the operator said, and the night boat will stop at "
        "the outer islands only on request, which passengers must make a day ahead by telephone.</p>"
    )
    text = extract_text(f"<article>{STORY}{section}</article>")
    assert "More on the winter timetable" in text
    assert "Winter sailings will run every two hours" in text


def test_a_closing_related_heading_goes_with_its_link_list() -> None:
    related = (
        "<h2>You may also like</h2><ul><li><a href='/a'>Harbour works start in June</a></li>"
        "<li><a href='/b'>New pier for the island ferry</a></li></ul>"
    )
    text = extract_text(f"<article>{STORY}{related}</article>")
    assert "You may also like" not in text
    assert "Harbour works start" not in text
    assert PARAGRAPHS[-1] in text


def test_a_label_with_a_link_is_a_teaser_but_a_sentence_with_a_link_is_not() -> None:
    body = (
        f"<article>{STORY}"
        "<p>Read more: <a href='/a'>The harbour master on the new timetable</a></p>"
        "<p>Read more about the changes in <a href='/b'>the operator's notice</a>, which lists every sailing "
        "and explains how season tickets will be refunded.</p></article>"
    )
    text = extract_text(body)
    assert "The harbour master on the new timetable" not in text
    assert "Read more about the changes in the operator's notice" in text


def test_a_long_paragraph_about_newsletters_is_kept() -> None:
    long_sentence = (
        "Sign up rates for the operator's newsletter doubled after the change, the company said, because "
        "passengers wanted to know about cancellations before leaving home; the mailing now reaches "
        "forty thousand people every morning, more than the local paper sells on a weekday, and the "
        "operator plans to add text messages for the islands where mobile coverage is patchy."
    )
    text = extract_text(f"<article>{STORY}<p>{long_sentence}</p></article>")
    assert long_sentence in text


def test_a_story_continued_after_an_interruption_comes_whole() -> None:
    continued = (
        "<div class='continued'>"
        "<p>Season tickets bought before May stay valid, and holders can change them at the quay office.</p>"
        "<p>The operator will review the timetable in September, after the first full summer of sailings.</p>"
        "</div>"
    )
    body = f"<div id='wrap'><div class='text'>{STORY}</div><h2>Tickets</h2>{continued}</div>"
    text = extract_text(body)
    assert "Tickets" in text
    assert "Season tickets bought before May stay valid" in text
    assert "The operator will review the timetable in September" in text


def test_a_teaser_grid_beside_the_story_is_not_taken_for_a_section() -> None:
    cards = "".join(
        f"<div class='box'><h3><a href='/{n}'>Other story {n}</a></h3><p>A standfirst of another story, "
        f"long enough to look like a real paragraph of text to a simple scorer, number {n}.</p></div>"
        for n in range(4)
    )
    text = extract_text(
        f"<div id='wrap'><div class='text'>{STORY}</div><div class='grid'>{cards}</div></div>"
    )
    assert PARAGRAPHS[0] in text
    assert "A standfirst of another story" not in text


def wrapper_with(outside: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(
        f"<div><div id='wrap'><main><article>{STORY}</article></main>{outside}</div></div>"
    )


def test_a_wrapper_around_the_marked_article_gives_way_to_it() -> None:
    widget = (
        "<div id='homepage-dialog'><h2>Make us your homepage</h2><ul>"
        "<li><div>On the toolbar, click the menu, then click Preferences.</div></li>"
        "<li><div>In the text box next to Home page, type our address.</div></li></ul></div>"
    )
    narrowed = narrow_to_marked_article(wrapper_with(widget))
    text = narrowed.text_content()
    assert PARAGRAPHS[0] in text
    assert "Make us your homepage" not in text


def test_a_real_paragraph_outside_the_marked_article_keeps_the_wrapper() -> None:
    outside = (
        "<p>An editor's postscript: the operator corrected the May timetable twice after publication, and "
        "the figures above are the final ones it gave us.</p>"
        "<p>A second note from the desk: passengers who bought tickets for the old times will be refunded "
        "at the quay office, the operator told us on Friday.</p>"
    )
    narrowed = narrow_to_marked_article(wrapper_with(outside))
    assert "An editor's postscript" in narrowed.text_content()


def test_sentences_that_start_like_promotions_are_kept() -> None:
    sentences = [
        "Copyright law changed in 1998, the operator's lawyer said, so the old timetables can be reprinted.",
        "Follow us, the harbour master told the crews, and keep to the marked channel until the buoys.",
    ]
    text = extract_text(f"<article>{STORY}" + "".join(f"<p>{s}</p>" for s in sentences) + "</article>")
    for sentence in sentences:
        assert sentence in text


COMMENTS = [
    ("Ellen", "Our lows were in the eighties all summer, so the ferry deck was the only cool place in town."),
    ("Toni", "We took the night boat twice in August and the crossing was calm both times, a real treat."),
    ("Gina", "The timetable change will make my commute longer, but the later boat suits the train better."),
]


def test_a_signed_comment_thread_inside_the_article_goes_but_the_post_and_its_own_signature_stay() -> None:
    thread = "".join(
        f"<div id='c{n}'><p>{text}</p></div><p class='posted'>Posted by: {name} at May 3, 2012 11:{n}0 AM</p>"
        for n, (name, text) in enumerate(COMMENTS, 1)
    )
    body = f"<div class='entry'>{STORY}<p>Posted by Laurie at May 3, 2012 9:01 AM</p>{thread}</div>"
    text = extract_text(body)
    assert PARAGRAPHS[0] in text and PARAGRAPHS[-1] in text
    for name, comment in COMMENTS:
        assert comment not in text
        assert f"Posted by: {name}" not in text


def test_a_wordpress_thread_signed_above_each_comment_goes_from_its_first_comment() -> None:
    thread = "".join(
        f"<div class='c'><p>{name} says:</p><p>May 3, 2012 at 6:24 am</p><p>{text}</p></div>"
        for name, text in COMMENTS
    )
    text = extract_text(f"<div class='entry'>{STORY}{thread}</div>")
    assert PARAGRAPHS[-1] in text
    assert not any(comment in text for _, comment in COMMENTS)


def test_quotes_introduced_with_said_are_not_a_comment_thread() -> None:
    quotes = "".join(f"<p>{name} said:</p><blockquote><p>{text}</p></blockquote>" for name, text in COMMENTS)
    text = extract_text(f"<article>{STORY}{quotes}</article>")
    assert all(comment in text for _, comment in COMMENTS)


def test_blog_engine_furniture_inside_the_article_goes() -> None:
    furniture = (
        "<p>« Leather or not | Main | City lights »</p>"
        "<p>TrackBack URL for this entry:</p>"
        "<p>Listed below are links to weblogs that reference City chic:</p>"
        "<p>You can follow any responses to this entry through the RSS 2.0 feed.</p>"
        "<p>The comments to this entry are closed.</p>"
        "<p>A version of this article appears in print on May 4, 2012, on page A10 of the city edition.</p>"
    )
    text = extract_text(f"<article>{STORY}{furniture}</article>")
    assert PARAGRAPHS[-1] in text
    for line in (
        "Main |",
        "TrackBack",
        "weblogs that reference",
        "follow any responses",
        "are closed",
        "in print",
    ):
        assert line not in text
