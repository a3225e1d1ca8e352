"""What scorers keep inside the article container although it is not the story.

:func:`remove_leftovers` drops newsletter pitches, "Follow us" and copyright lines, "Read more: <link>"
teasers and closing "Related"/"Comments"/"About the author" sections (people who mark up article bodies
by hand leave all of these out); :func:`drop_doubled_blocks` removes a caption or paragraph repeated
right after itself.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.ingest.body.dom import inner_text, remove

_LEAF_BLOCKS = ("p", "figcaption", "blockquote", "h2", "h3", "h4", "h5", "h6", "div", "caption", "dd")
_OTHER_LEAVES = ("li", "td", "th", "dt", "pre")  # they separate blocks but are never dropped as doubles
_BLOCKS = frozenset({*_LEAF_BLOCKS, "ul", "ol", "li", "table", "tr", "td", "th", "figure", "pre", "section",
                     "article", "dl", "dt", "h1", "hr", "img"})  # fmt: skip
_MAX_DOUBLED_CHARS = 300  # captions and short lines get doubled by page builders; long repeats are deliberate


def drop_doubled_blocks(root: HtmlElement) -> None:
    """Remove a caption or paragraph that repeats the block right before it.

    An image between the two makes them two figures that happen to share a caption: both stay.
    """
    previous_text = ""
    previous: HtmlElement | None = None
    for element in list(root.iter(*_LEAF_BLOCKS, *_OTHER_LEAVES, "img")):
        if element.tag == "img":
            previous, previous_text = None, ""
            continue
        if element.getparent() is None or any(child.tag in _BLOCKS for child in element.iterdescendants()):
            continue
        text = inner_text(element)
        if not text:
            continue
        if (
            previous is not None
            and element.tag in _LEAF_BLOCKS
            and text == previous_text
            and 12 <= len(text) <= _MAX_DOUBLED_CHARS
            and any(ch.isalpha() for ch in text)
            and element.getparent() is not None
        ):
            remove(element)
            continue
        previous, previous_text = element, text


_PROMO_LINE = re.compile(
    r"^(?:sign\s*up|subscribe|register|join)\b.{0,150}\b(?:newsletters?|e-?mails?|inbox|updates|digest)\b"
    r"|^(?:get|receive)\b.{0,100}\b(?:newsletters?|in your inbox|delivered (?:to|straight))"
    r"|^follow (?:us (?:on|at)\b|us @|@\w+)"
    r"|^(?:share|share this|share (?:this )?(?:article|story|post|page)|click to share)\b.{0,40}$"
    r"|^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,150}$"
    r"|\ball rights reserved\.?$"
    r"|^this (?:article|story|post|piece) (?:was |is |has been )?(?:originally |first )?"
    r"(?:published|appeared|republished)\b.{0,200}$"
    r"|^(?:listen to this (?:article|story)|\d+\s*min(?:ute)?s? read|reading time\b.{0,20}$)"
    r"|^(?:view this post on instagram|a post shared by\b)"
    r"|^(?:(?:facebook|twitter|linkedin|pinterest|reddit|whatsapp|telegram|e-?mail|print|copy link|tweet|"
    r"share)\s*[|·•,/]?\s*){1,8}$",
    re.I,
)
_PROMO_MAX_CHARS = 300
_TEASER_LABEL = re.compile(
    r"^(?:related|read more|read also|also read|more|see more|recommended|read next|watch|listen|"
    r"related (?:articles?|stories|story|posts?|coverage|content|links?|reading))\s*[:|»›>–—-]",
    re.I,
)

# Headings over a list of links to other stories: the section goes when it is mostly links.
_CLOSING_HEADING = re.compile(
    r"^(?:related(?: (?:articles?|stories|posts?|content|coverage|links|news|topics))?"
    r"|more (?:from|on|in|about|stories|articles|news|like this)\b.{0,60}"
    r"|recommended(?: for you| reading| stories| articles)?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)"
    r"|read (?:next|more)|what to read next|popular (?:now|posts|stories)|most (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?)\s*:?$",
    re.I,
)

# Headings whose section is never the story, whatever it holds (up to a size).
_CLOSING_WIDGET_HEADING = re.compile(
    r"^(?:(?:leave a |post a |add a )?(?:comments?|reply|response)|\d+ (?:comments?|responses?|replies)"
    r"|share(?: this| the)?(?: article| story| post| page)?|about the authors?"
    r"|(?:sign up for )?(?:our )?newsletters?|filed under|tags?|topics)\s*:?$",
    re.I,
)
_WIDGET_SECTION_CHARS = 1200
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")


def remove_leftovers(article: HtmlElement) -> None:
    """Drop promotional lines, link teasers and closing related/comment sections from an article, in place."""
    drop_closing_sections(article)
    for element in list(article.iter("p", "div", "li", "h2", "h3", "h4", "h5", "h6")):
        if element.getparent() is None or _has_block_child(element):
            continue
        text = inner_text(element)
        if not text or len(text) > _PROMO_MAX_CHARS:
            continue
        if _PROMO_LINE.search(text) or is_link_teaser(element, text):
            _drop_with_empty_parents(element, article)


def is_link_teaser(element: HtmlElement, text: str) -> bool:
    """A "Read more: <a headline>" line — a label and a link to another story, standing on its own."""
    label = _TEASER_LABEL.match(text)
    if label is None:
        return False
    rest = len(text) - label.end()
    linked = sum(len(inner_text(a)) for a in element.iter("a"))
    return rest > 0 and linked >= 0.6 * rest


def drop_closing_sections(article: HtmlElement) -> None:
    """A "Related", "Comments", "About the author"… heading and the block it heads.

    A related-stories heading goes only with a block that is mostly links ("More on the budget" may head
    a real section); a comments, share, newsletter or author heading goes with anything short.
    """
    for heading in list(article.iter(*_HEADING_TAGS)):
        if heading.getparent() is None:
            continue
        title = inner_text(heading)
        widget = _CLOSING_WIDGET_HEADING.match(title) is not None
        if not widget and not _CLOSING_HEADING.match(title):
            continue
        section = _section_after(heading)
        chars = sum(len(inner_text(e)) for e in section)
        links = sum(len(inner_text(a)) for e in section for a in e.iter("a"))
        if (
            chars == 0
            or (widget and chars <= _WIDGET_SECTION_CHARS)
            or (chars <= 3000 and links >= 0.4 * chars)
        ):
            for element in (heading, *section):
                remove(element)


def _section_after(heading: HtmlElement) -> list[HtmlElement]:
    """The siblings after a heading, up to the next heading of the same or a higher rank."""
    rank = int(heading.tag[1])
    section = []
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in HEADING_RANKS and HEADING_RANKS[sibling.tag] <= rank:
            break
        section.append(sibling)
    return section


HEADING_RANKS = {f"h{n}": n for n in range(1, 7)}


def _has_block_child(element: HtmlElement) -> bool:
    return any(child.tag in _BLOCKS for child in element.iterchildren() if isinstance(child.tag, str))


def _drop_with_empty_parents(element: HtmlElement, article: HtmlElement) -> None:
    parent = element.getparent()
    remove(element)
    while (
        parent is not None
        and parent is not article
        and not inner_text(parent)
        and not list(parent.iter("img"))
    ):
        grand = parent.getparent()
        remove(parent)
        parent = grand
