"""The container a page marks as its story (``entry-content``, ``post-body``, ``articleBody``) against a
reading that took a blog's sidebar with a short post."""

from __future__ import annotations

from reader.ingest import extract_bytes
from reader.ingest.body.candidates import MARKED, READABILITY, Reading, best_reading

STORY = (
    "Visit our friends at the Teacher Mama blog to see how to create the interesting textures on this "
    "Indian corn craft, printed with real cobs and a little paint on brown paper."
)
SIDEBAR = (
    "Click on the photo in the gallery to find the description of the tutorial and the link. We have "
    "gathered more than forty felt food tutorials from around the web, from sushi to birthday cakes, "
    "and every one of them is free to make at home with scraps from your sewing basket. Enjoy! "
    "The gallery is updated every week, so come back often for new ideas and new tutorials."
)


def _blog_page(*posts: str) -> bytes:
    entries = "".join(
        f"<div class='entry'><h3>Post {n}</h3><div class='entry-content'><p>{post}</p></div>"
        "<p class='entry-footer'>11/09/2012 in crafts | Permalink | Comments (0)</p></div>"
        for n, post in enumerate(posts)
    )
    return (
        "<html><head><title>Indian Corn Printing Craft - The Crafty Crow</title></head><body><div id='page'>"
        f"<div id='alpha'><div class='module'><h2>Felt Food Tutorials</h2><p>{SIDEBAR}</p><p>{SIDEBAR}</p>"
        f"</div></div><div id='beta'>{entries}</div></div></body></html>"
    ).encode()


def test_a_short_post_is_read_without_the_sidebar_readability_took_with_it() -> None:
    text = extract_bytes(_blog_page(STORY), path="crafty-crow.html").text
    assert STORY in text
    assert "Felt Food Tutorials" not in text
    assert "gallery" not in text


def test_a_marking_every_post_carries_marks_no_single_story() -> None:
    second = STORY.replace("Indian corn craft", "pumpkin stamp craft").replace("cobs", "apples")
    text = extract_bytes(_blog_page(STORY, second), path="front-page.html").text
    assert STORY in text
    assert second in text


def test_a_marked_teaser_far_smaller_than_the_story_does_not_replace_it() -> None:
    rest = " ".join(f"On day {n} the class printed {n + 2} sheets of wrapping paper." for n in range(60))
    story = Reading(READABILITY, f"{STORY} {rest}")
    teaser = Reading(MARKED, STORY)  # the whole teaser lies in the story, a tenth of its length
    assert best_reading([story, teaser]) is story


def test_the_marked_story_replaces_a_reading_that_holds_it_and_a_sidebar() -> None:
    taken = Reading(READABILITY, f"{SIDEBAR} {STORY}")
    marked = Reading(MARKED, STORY)
    assert best_reading([taken, marked]) is marked
