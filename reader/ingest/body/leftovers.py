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
    r"|^a version of this (?:article|story|review|column|op-ed) appear(?:s|ed) in print\b.{0,200}$"
    # Blog engines' furniture: an entry's "« Previous | Main | Next »" links, its trackback and comment
    # feed notes (Movable Type, TypePad, WordPress).
    r"|^«.{0,200}\|\s*main\b(?:\s*\|.{0,200})?$|^main\s*\|.{0,200}»$"
    r"|^(?:trackback url for this entry|listed below are links to (?:weblogs|blogs) that reference)\b"
    r"|^trackback (?:url|uri)\s*:?$"
    r"|^(?:rss feed for comments on this post|(?:you can )?follow any responses to this entry)\b"
    r"|^(?:no comments yet|comments are closed"
    r"|(?:the )?comments (?:to|on|for) this (?:entry|post) are closed)\.?$"
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
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:(?:leave a |post a |add a |reader )?"
    r"(?:comments?|responses?|replies|reactions|discussion))"
    r"(?:\s*\(\d+\))?(?:\s+(?:to|on)\b.{0,150})?\s*:?$",
    re.I,
)
# The signature of one reader's comment: "Posted by: Ann at May 1, 2012 9:01 AM", "Ann | Apr 6, 2007",
# "Ann says:".  A thread of them under a comments heading goes whatever its length.
_COMMENT_STAMP = re.compile(
    r"^(?:posted|written|submitted|comment(?:ed)?)\s+by:?\s+\S.{0,80}?(?:\s(?:at|on)\s|\s*[|@–—]\s*).{0,40}\d"
    r"|^\S.{0,60}?\ssays:$",  # WordPress's; "He said:" introduces a quote in a story
    re.I,
)
_STAMP_MAX_CHARS = 200
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")


def remove_leftovers(article: HtmlElement) -> None:
    """Drop promotional lines, link teasers and closing related/comment sections from an article, in place."""
    drop_closing_sections(article)
    drop_comment_thread(article)
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
            or (_COMMENTS_HEADING.match(title) is not None and comment_stamps(section) >= 2)
        ):
            for element in (heading, *section):
                remove(element)


def comment_stamps(section: list[HtmlElement]) -> int:
    """How many readers' comment signatures ("Posted by: Ann at …", "Ann says:") the blocks hold."""
    found = 0
    for top in section:
        found += len(_stamp_elements(top))
    return found


_SIGNED_ABOVE = re.compile(r"\ssays:$", re.I)  # "Ann says:" heads her comment
MIN_THREAD_STAMPS = 3


def drop_comment_thread(article: HtmlElement) -> None:
    """Readers' comments left inside the article: three signatures or more ("Posted by: Ann at …" under
    each comment, or "Ann says:" over it), and the comments they sign.

    A signature under a comment closes it, so each comment runs from the block after the one signature
    to the next; the first signature may be the post's own ("Posted by the author at …"), so what comes
    before it stays.  A signature over a comment opens it: the thread runs from the first one on.
    """
    stamps = _stamp_elements(article)
    if len(stamps) < MIN_THREAD_STAMPS:
        return
    container = _common_ancestor(stamps)
    if container is None:
        return
    anchors: list[HtmlElement] = []
    for stamp in stamps:
        anchor = _child_toward(container, stamp)
        if anchor is not None and (not anchors or anchors[-1] is not anchor):
            anchors.append(anchor)
    if len(anchors) < MIN_THREAD_STAMPS:
        return
    children = [child for child in container if isinstance(child.tag, str)]
    positions = [children.index(anchor) for anchor in anchors]
    above = sum(1 for stamp in stamps if _SIGNED_ABOVE.search(inner_text(stamp))) > len(stamps) // 2
    start = positions[0] if above else positions[0] + 1
    for child in children[start:] if above else children[start : positions[-1] + 1]:
        remove(child)


_STAMP_SCREEN = re.compile(r"(?:posted|written|submitted|commented?)\s+by|\ssays:")  # on lower-cased text
# Short blocks only (libxml2 measures them first, loosely: it counts only ASCII white space as space).
_SHORT_BLOCKS = (
    "descendant-or-self::*[self::p or self::div or self::span or self::cite or self::dt or self::dd"
    " or self::li or self::small or self::strong or self::b][string-length(normalize-space()) <= 600]"
)


def _may_hold_stamps(lowered: str) -> bool:
    """``_STAMP_SCREEN`` matches: tried only when one of its words is there (substring tests are fast)."""
    words = ("by" in lowered and any(word in lowered for word in _STAMP_WORDS)) or "says:" in lowered
    return words and _STAMP_SCREEN.search(lowered) is not None


_STAMP_WORDS = ("posted", "written", "submitted", "comment")


def _stamp_elements(article: HtmlElement) -> list[HtmlElement]:
    found: list[HtmlElement] = []
    if not _may_hold_stamps(article.text_content().lower()):
        return found
    for element in article.xpath(_SHORT_BLOCKS):
        text = inner_text(element)
        if text and len(text) <= _STAMP_MAX_CHARS and _COMMENT_STAMP.match(text):
            if found and found[-1] in element.iterancestors():
                found[-1] = element  # the innermost element that holds the signature
            else:
                found.append(element)
    return found


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    first = elements[0]
    shared = [first, *first.iterancestors()]
    for element in elements[1:]:
        chain = {id(e) for e in (element, *element.iterancestors())}
        shared = [e for e in shared if id(e) in chain]
    for candidate in shared:
        if all(candidate is not element for element in elements):
            return candidate
    return None


def _child_toward(container: HtmlElement, element: HtmlElement) -> HtmlElement | None:
    node: HtmlElement | None = element
    while node is not None and node.getparent() is not container:
        node = node.getparent()
    return node


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
