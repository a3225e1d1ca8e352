"""Second opinions on the article body, and the rule that decides when they overrule Readability.

Offprint's own reading (the Readability port, :mod:`.choose`) is asked first.  resiliparse's main-content
extractor reads the same cleaned page in about a millisecond.  When Readability's text holds only a part
of resiliparse's (it took a sidebar, an "about this blog" box or an archive list on a page with a short
story, or kept the end of a story nested in unclosed ``<div>`` elements or a table cell left open), or
the two share next to nothing, trafilatura is asked too, in its precision mode, and the reading that
agrees best with the others wins, Readability's with a head start: where most readers agree, the story
is.  Agreement is the F1 of the two texts' 4-word shingles, the measure the public extraction benchmarks
score with.

The container a page marks as its story once (a blog's ``entry-content``, ``post-body``, schema.org's
``articleBody``) does not vote; it replaces the answer when that answer holds nearly all of it and is 1.5
to 6 times as long: the rest is the sidebar taken with a short post.

The two gates, the head start and the marked container's bounds are data (:mod:`.chooser_rule`), fitted
by ``benchmarks/fit_chooser.py`` with cross-validation over the Readability and Dragnet dev sets together.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from reader.errors import swallowed
from reader.ingest.body.chooser_rule import RULE
from reader.ingest.body.dom import child_nodes, inner_text, new_element, parse_document, set_child_nodes

logger = logging.getLogger(__name__)

READABILITY, RESILIPARSE, TRAFILATURA_PRECISION = "readability", "resiliparse", "trafilatura-precision"
MARKED = "marked-container"
_WORD = re.compile(r"\w+")
LONG_BLOCK_CHARS = 40
# Blocks whose own text resiliparse's answer is mapped back onto (its answer is plain text).
_TEXT_BLOCKS = (
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "td", "th", "dd", "dt", "figcaption",
    "caption", "div", "section", "article", "main", "span", "font", "center", "table", "ul", "ol", "dl",
)  # fmt: skip


@dataclass
class Reading:
    """One extractor's answer: its text (for agreement) and, when asked for, its article ``<div>``."""

    name: str
    text: str
    article: HtmlElement | None = None
    shingles: frozenset[tuple[str, ...]] = frozenset()

    def __post_init__(self) -> None:
        self.shingles = shingles(self.text)


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """The text's 4-word shingles (runs of four words, lower-cased), as the extraction benchmarks cut it."""
    words = _WORD.findall(text.lower())
    if len(words) < 4:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(words, words[1:], words[2:], words[3:], strict=False))


def agreement(first: Reading, second: Reading) -> float:
    """The F1 of two readings' shingles: 1 when they say the same, 0 when they share nothing."""
    total = len(first.shingles) + len(second.shingles)
    return 2 * len(first.shingles & second.shingles) / total if total else 1.0


def share_of(first: Reading, second: Reading) -> float:
    """How much of ``second``'s text ``first`` holds too (1 when ``second`` says nothing)."""
    total = len(second.shingles)
    return len(first.shingles & second.shingles) / total if total else 1.0


def needs_second_opinions(own: Reading, quick: Reading) -> bool:
    """Readability and resiliparse disagree (a sidebar taken for the story), or resiliparse reads much
    more of the page and Readability's story is a part of it (the start of a story lost)."""
    return agreement(own, quick) < float(RULE["gate"]) or share_of(own, quick) < float(RULE["share_gate"])


def best_reading(readings: list[Reading]) -> Reading:
    """The reading that agrees best with all the others, Readability's with its head start; the page's
    marked story container instead when the winner holds it and more (:func:`prefers_marked`)."""
    voters = [reading for reading in readings if reading.name != MARKED]
    marked = next((reading for reading in readings if reading.name == MARKED), None)
    pick = voters[0] if len(voters) < 3 else max(voters, key=lambda reading: _support(reading, voters))
    return marked if marked is not None and prefers_marked(pick, marked) else pick


def _support(reading: Reading, voters: list[Reading]) -> float:
    others = [agreement(reading, other) for other in voters if other is not reading]
    bonus = float(RULE["own_bonus"]) if reading.name == READABILITY else 0.0
    return sum(others) / len(others) + bonus


def prefers_marked(pick: Reading, marked: Reading) -> bool:
    """The chosen text holds (nearly) all of the page's marked story container and more besides: the
    more is the sidebar, "about this blog" box or archive list taken with a short post.  Only while
    the container is a fair part of the answer: a container far smaller is a teaser or a caption box
    that happens to carry the marking, not the story."""
    ratio = len(pick.shingles) / max(1, len(marked.shingles))
    within = float(RULE["marked_min_ratio"]) < ratio < float(RULE["marked_max_ratio"])
    return within and share_of(pick, marked) >= float(RULE["marked_share"])


# -- the readers ---------------------------------------------------------------------------------------
def resiliparse_text(page: Any) -> str:
    """resiliparse's main-content text of a page, serialised or as its ``HTMLTree`` ('' when it fails)."""
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        tree = HTMLTree.parse(page) if isinstance(page, str) else page
        text: str = extract_plain_text(
            tree, main_content=True, alt_texts=False, list_bullets=False, comments=False, links=False
        )
    except Exception:  # a library failure leaves Readability's answer standing
        swallowed(logger, "resiliparse's reading of the page (Readability's answer stands)")
        return ""
    return text


def trafilatura_article(
    root: HtmlElement, *, precision: bool = False, consume: bool = False
) -> HtmlElement | None:
    """trafilatura's reading of a (cleaned) page tree as a ``<div>``, or None.

    trafilatura prunes the tree it reads: it gets a copy unless ``consume`` (the caller's tree is used
    by no one after, so the copy, a millisecond on a long page, is saved)."""
    import trafilatura  # imported on first use: it costs time to load and is asked on few pages

    try:
        markup = trafilatura.extract(
            root if consume else copy.deepcopy(root),
            output_format="html",
            include_tables=True,
            include_images=True,
            include_links=True,
            include_comments=False,
            fast=True,  # without its own fallback extractors: 5x faster on the pages it is asked about
            favor_recall=not precision,
            favor_precision=precision,
        )
    except Exception:  # a library failure leaves Readability's answer standing
        swallowed(logger, "trafilatura's reading of the page (Readability's answer stands)")
        return None
    if not markup:
        return None
    try:
        document = parse_document(markup)
    except (etree.ParserError, ValueError):
        return None
    body = document.find("body")
    article = new_element("div")
    set_child_nodes(article, child_nodes(body if body is not None else document))
    return article


# The markup blog engines and news sites put around a story's own text (WordPress's ``entry-content``,
# Blogger's ``post-body``, schema.org's ``articleBody``), most specific first.  ``<article>`` is not one:
# pages use it for teasers and comments as often as for the story.
_MARKED_CLASSES = ("entry-content", "post-body", "post-content", "article-body", "entry-body", "story-body")
# One pass over the page finds every element that may carry a marking (the class test is refined below).
_MAYBE_MARKED = etree.XPath(
    "//*[@itemprop='articleBody' or "
    + " or ".join(f"contains(@class, '{name}')" for name in _MARKED_CLASSES)
    + "]"
)
MARKED_MIN_WORDS = 10


def marked_container(document: HtmlElement, markup: str) -> HtmlElement | None:
    """A copy of the one container the page marks as its story's body, as an article ``<div>``, or None.

    A marking counts only when the page uses it once: on a blog's front page or beside a list of teasers
    every post carries it, and none of them is *the* story.  ``markup`` is the page serialised: most
    pages carry no marking at all, and looking for the words in it is far quicker than in the tree.
    """
    if not any(marking in markup for marking in ("articleBody", *_MARKED_CLASSES)):
        return None
    by_marking: dict[str, list[HtmlElement]] = {}
    found_elements = _MAYBE_MARKED(document)
    for element in found_elements if isinstance(found_elements, list) else []:
        if not isinstance(element, HtmlElement):
            continue
        if element.get("itemprop") == "articleBody":
            by_marking.setdefault("articleBody", []).append(element)
        for name in set((element.get("class") or "").split()).intersection(_MARKED_CLASSES):
            by_marking.setdefault(name, []).append(element)
    for marking in ("articleBody", *_MARKED_CLASSES):
        found = by_marking.get(marking, [])
        if len(found) == 1 and len(_WORD.findall(inner_text(found[0]))) >= MARKED_MIN_WORDS:
            container = copy.deepcopy(found[0])
            container.tail = None
            article = new_element("div")
            article.append(container)
            return article
    return None


def article_from_text(markup: str, text: str) -> HtmlElement:
    """The page's own blocks whose text a plain-text reading kept, in page order, as an article ``<div>``.

    A block is kept when its whole text lies within the reading, so links, emphasis and lists survive
    where the reading had only their words.  White space is left out of the comparison: the reading
    breaks lines at ``<br>`` and between blocks where the page's text runs on, so a block of several
    lines (an old blog's ``<br><br>`` paragraphs) is found too.
    """
    kept_lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    reading = _Reading(set(kept_lines), "".join("".join(kept_lines).split()))
    article = new_element("div")
    try:
        document = parse_document(markup)
    except (etree.ParserError, ValueError):
        return article
    body = document.find("body")
    for block in _outermost_blocks_within(body if body is not None else document, reading):
        block.tail = None
        article.append(block)
    return article


@dataclass
class _Reading:
    lines: set[str]  # the reading's lines, white space collapsed
    squashed: str  # the whole reading without white space


def _outermost_blocks_within(root: HtmlElement, reading: _Reading) -> list[HtmlElement]:
    chosen: list[HtmlElement] = []
    pending = [root]
    while pending:
        element = pending.pop()
        words = inner_text(element)
        if words and element is not root and element.tag in _TEXT_BLOCKS and _within(words, reading):
            chosen.append(element)
            continue
        if words:
            pending.extend(reversed([child for child in element if isinstance(child.tag, str)]))
    return chosen


def _within(words: str, reading: _Reading) -> bool:
    # A short block ("Home", "Share") must be a whole line of the reading, not any line's substring.
    if words in reading.lines:
        return True
    return len(words) >= LONG_BLOCK_CHARS and "".join(words.split()) in reading.squashed
