"""Series and topic blocks inside the page body, and the elements they occupy.

"Part of the series / Ukraine War", "Related topics / Ukraine War", "Tags: a, b", "This entry is part 2 of
5 in the series X", ``<div class="tags">``, ``<a rel="series">``: a label followed by its values, or one
line holding both.  Sidebars and menus are skipped: a "Categories" widget lists the whole site's
categories, not this article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from reader.ingest.body.dom import inner_text
from reader.ingest.metadata.scan import INLINE_TAGS, LABEL_START, BodyScan, short_text

SERIES_LABEL = re.compile(
    r"^(?:(?:this\s+(?:article|story|post|entry|piece)\s+is\s+)?part\s+of\s+(?:the|a|our)(?:\s+\w+)?\s+series|"
    r"in\s+this\s+series|more\s+(?:from|in)\s+(?:this|the)\s+series|from\s+the\s+series)\s*[:：]?$|"
    r"^series\s*[:：]$",
    re.IGNORECASE,
)
MAX_SERIES_LINES = 3
SERIES_INLINE = re.compile(
    r"(?:this\s+(?:entry|article|story|post|piece)\s+is\s+)?part\s+(?:\d+\s+)?(?:of\s+\d+\s+)?(?:in|of)\s+"
    r"(?:the|our|a|an)?\s*(?:\w+\s+)?series\s*[:,]?\s*(?P<name>[^\n]*)$",
    re.IGNORECASE,
)

# One-word labels ("Tags", "Topics") take only links as values; longer ones ("Related topics",
# "Filed under") also take the short lines that follow (a plain-text dump's foot).
TOPIC_LABEL = re.compile(
    r"^(?P<label>related\s+topics|topics?|tags?|tagged(?:\s+(?:with|as|in|under))?|filed\s+(?:under|in)|"
    r"keywords|key\s+words|categor(?:y|ies)|subjects?|themes?|posted\s+in|related\s+tags|"
    r"schlagw(?:ö|oe)rter|schlagworte|themen|mots[\s-]cl(?:é|e)s|sujets|th(?:è|e)mes|"
    r"etiquetas|temas|tag\s+cloud|tópicos(?:\s+relacionados)?|argomenti|onderwerpen|trefwoorden|"
    r"(?:explore\s+)?more\s+on\s+(?:these|this)\s+topics?|topics\s+in\s+this\s+(?:article|story))(?!\w)"
    r"\s*(?:[:：]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
MAX_LABEL_CHARS = 60
CHROME_CLASS = re.compile(
    r"sidebar|widget|menu|navbar|navigation|site-footer|footer-widgets|popular|trending|most-read|"
    r"most-viewed|recommend|related-posts|related-articles|onward",
    re.IGNORECASE,
)
GENERIC_SERIES_LINK = re.compile(
    r"^(?:(?:all|more|browse|see\s+all|view\s+all)?\s*series|next|previous|prev|part\s+\d+|\d+|[«»←→<>\s]+)"
    r"(?:\s*[«»←→<>])?$",
    re.IGNORECASE,
)
MAX_VALUE_CHARS = 60
MAX_VALUES = 25


@dataclass
class BlocksFound:
    """Series and topics read from visible blocks, and the label/value elements they occupy."""

    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    elements: list[lxml.html.HtmlElement] = field(default_factory=list)


def in_chrome(el: lxml.html.HtmlElement) -> bool:
    """Inside a sidebar, menu, widget or site footer (site-wide lists, not this article's)."""
    for anc in el.iterancestors():
        if anc.tag in {"aside", "nav"}:
            return True
        names = anc.get("class") or anc.get("id")
        if names and CHROME_CLASS.search(names):
            return True
    return False


def find_blocks(scan: BodyScan) -> BlocksFound:
    """Series and topic blocks: a label element followed by its values, or one line holding both,
    and link lists whose class names them (``<div class="tags">``).  Sidebars and menus are skipped:
    a "Categories" widget lists the whole site's categories, not this article's."""
    found = BlocksFound()
    for el in scan.tag_containers:
        if el.tag == "a" or in_chrome(el):
            continue
        values, _ = _inner_links(el)
        if values and len(values) <= MAX_VALUES:
            found.topics.extend(values)
            found.elements.append(el)
    for el in scan.series_links:
        name = inner_text(el)
        if name and len(name.split()) <= 10 and not GENERIC_SERIES_LINK.match(name) and not in_chrome(el):
            found.series.append(name)  # <a rel="series"> / <a class="series-link">: the article's series
    for el in scan.labels:
        if el.tag == "a" or in_chrome(el):
            continue
        head = " ".join((el.text or "").split())
        if SERIES_LABEL.match(head):
            values, used = _inner_links(el)
            if not values:
                values, used = _values_after(el, max_lines=MAX_SERIES_LINES)
            if values:
                found.series.extend(values[:MAX_SERIES_LINES])
                found.elements.extend([el, *used])
            continue
        match = TOPIC_LABEL.match(head)
        if match:
            values, used = _topic_values(el, match)
            if values:
                found.topics.extend(values)
                found.elements.extend([el, *used])
            continue
        own_text = _own_label_text(el)
        inline = SERIES_INLINE.search(own_text) if own_text else None
        if inline and own_text and len(own_text) < 200:
            series_name = _series_name(el, inline.group("name"))
            if series_name:
                found.series.append(series_name)
                found.elements.append(el)
    return found


def _topic_values(
    el: lxml.html.HtmlElement, match: re.Match[str]
) -> tuple[list[str], list[lxml.html.HtmlElement]]:
    rest = (match.group("rest") or "").strip(" ,")
    inner, _ = _inner_links(el)
    if rest or inner:
        return _split_inline(rest) + inner, []
    one_word = len(match.group("label").split()) == 1
    return _values_after(el, links_only=one_word)


def _inner_links(el: lxml.html.HtmlElement) -> tuple[list[str], list[lxml.html.HtmlElement]]:
    """Links inside a short label element ("<p>Tags: <a>x</a>, <a>y</a></p>")."""
    if short_text(el, 1000) is None:
        return [], []
    texts = [" ".join(a.text_content().split()) for a in el.iter("a")]
    return [t for t in texts if t and len(t) <= MAX_VALUE_CHARS], []


def _own_label_text(el: lxml.html.HtmlElement) -> str | None:
    """The element's short text when it starts like a label and has no block children."""
    head = (el.text or "").strip()
    if not head or len(head) > 200 or not LABEL_START.match(head):
        return None
    for child in el:
        if isinstance(child.tag, str) and child.tag not in INLINE_TAGS and child.tag != "br":
            return None
    text = short_text(el, 200)
    return text


def _values_after(
    label: lxml.html.HtmlElement, *, links_only: bool = False, max_lines: int = MAX_VALUES
) -> tuple[list[str], list[lxml.html.HtmlElement]]:
    """Values following a label: links in the label's own container, else short sibling lines."""
    current = label
    for _ in range(3):
        values, used = _link_values(current)
        if values:
            return values, used
        if not links_only:
            values, used = _line_values(current, max_lines)
            if values:
                return values, used
        parent = current.getparent()
        if (
            parent is None
            or parent.tag in {"body", "html", "article", "main"}
            or short_text(parent, MAX_LABEL_CHARS) is None
        ):
            break
        current = parent
    return [], []


def _link_values(label: lxml.html.HtmlElement) -> tuple[list[str], list[lxml.html.HtmlElement]]:
    values: list[str] = []
    used: list[lxml.html.HtmlElement] = []
    for sibling in label.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in {"h1", "h2", "h3", "h4", "h5", "h6"} or (
            _own_label_text(sibling)
            and (SERIES_LABEL.match(inner_text(sibling)) or TOPIC_LABEL.match(inner_text(sibling)))
        ):
            break
        links = [sibling] if sibling.tag == "a" else list(sibling.iter("a"))
        texts = [inner_text(a) for a in links]
        texts = [t for t in texts if t and len(t) <= MAX_VALUE_CHARS]
        if not texts:
            break
        # Stop at a container that holds prose besides its links (the article itself).
        rest = short_text(sibling, 40 * len(texts) + 80)
        if rest is None:
            break
        values.extend(texts)
        used.append(sibling)
        if len(values) >= MAX_VALUES:
            break
    return values, used


def _line_values(
    label: lxml.html.HtmlElement, max_lines: int
) -> tuple[list[str], list[lxml.html.HtmlElement]]:
    """Short lines right after the label ("Part of the series" / "Ukraine War" as paragraphs)."""
    values: list[str] = []
    used: list[lxml.html.HtmlElement] = []
    for sibling in label.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in {"script", "style"}:
            continue
        text = short_text(sibling, MAX_VALUE_CHARS)
        if not text or SERIES_LABEL.match(text) or TOPIC_LABEL.match(text) or len(text.split()) > 8:
            break
        if text.endswith((".", "!", "?")) or not re.search(r"[^\W\d_]{2}", text):
            break
        values.append(text)
        used.append(sibling)
        if len(values) > max_lines:
            return [], []  # a long run of short lines is a list in the article, not a label's values
    return values, used


def _split_inline(rest: str) -> list[str]:
    parts = re.split(r"\s*[,;|•·]\s*", rest)
    return [p for p in (part.strip(" .") for part in parts) if p and len(p) <= MAX_VALUE_CHARS]


def _series_name(el: lxml.html.HtmlElement, after_text: str) -> str | None:
    name = re.sub(r"^(?:on|about|called|titled|entitled)\s+", "", after_text.strip(), flags=re.IGNORECASE)
    name = name.strip(" \"“”‘’'«».:")
    links = [inner_text(a) for a in el.iter("a")]
    if links and (not name or name in " ".join(links)):
        name = links[-1]
    name = re.split(r"\s*(?:[.:;|]\s|$)", name, maxsplit=1)[0].strip(" \"“”‘’'«»")
    return name if name and len(name) <= 100 else None
