"""Second opinions on the article body, and the rule that decides when they overrule Readability.

Offprint's own reading (the Readability port, :mod:`.choose`) is asked first.  resiliparse's main-content
extractor reads the same cleaned page in about a millisecond.  When Readability's text holds only a part
of resiliparse's (it took a sidebar, an "about this blog" box or an archive list on a page with a short
story, or kept the end of a story nested in unclosed ``<div>`` elements or a table cell left open), or
the two share next to nothing, trafilatura is asked too, in its precision mode, and the reading that
agrees best with the others wins, Readability's with a head start: where most readers agree, the story
is.  Agreement is the F1 of the two texts' 4-word shingles, the measure the public extraction benchmarks
score with.

The two gates and the head start are data (:mod:`.chooser_rule`), fitted by ``benchmarks/fit_chooser.py``
with cross-validation over the Readability and Dragnet dev sets together.
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
    """The reading that agrees best with all the others, Readability's with its head start."""
    if len(readings) < 3:
        return readings[0]

    def support(reading: Reading) -> float:
        others = [agreement(reading, other) for other in readings if other is not reading]
        bonus = float(RULE["own_bonus"]) if reading.name == READABILITY else 0.0
        return sum(others) / len(others) + bonus

    return max(readings, key=support)


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
