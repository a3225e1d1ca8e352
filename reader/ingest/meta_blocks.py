"""Visible metadata inside the page body: bylines, series blocks, topic/tag blocks.

Owns finding these blocks (by class/itemprop names and by their wording), reading their
values, and naming the elements they occupy so the cleaner can drop them from the article
("Posted Monday, 22 Jun 2026 by Pavel K. Baev", "Part of the series / Ukraine War",
"Related topics / Ukraine War", "Tags: a, b", "This entry is part 2 of 5 in the series X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from reader.ingest.meta_authors import fold, split_names
from reader.ingest.meta_dates import find_written_date
from reader.ingest.meta_sources import PageSignals, add_body_signal

INLINE_TAGS = {"span", "strong", "em", "b", "i", "small", "a", "time", "font", "cite", "label", "abbr", "u"}
MAX_BYLINE_CHARS = 160

BYLINE_CLASS = re.compile(
    r"byline|(?:\b|_)author(?!ity)|writer|contributor|creator|article-meta|post-meta|"
    r"entry-meta|meta-author|posted-by|postedby",
    re.IGNORECASE,
)
_ELEMENTS = lxml.etree.Element  # body.iter(_ELEMENTS): elements only, no comments
BRAND_HINT = re.compile(r"brand|logo|masthead|site-title|site-name")
PUBLISHED_CLASS = re.compile(r"(?:^|\s)(?:dt-)?published(?:\s|$)")
BYLINE_CLASS_EXCLUDE = re.compile(
    r"bio|avatar|image|img|photo|pic|comment|social|share|follow|related|"
    r"more-|-more|list|card|box-author|about|desc",
    re.IGNORECASE,
)
# "By Jane Doe", "Posted Monday, 22 Jun 2026 by Pavel K. Baev", "Written by …", "Par …", "Von …".
BYLINE_TEXT = re.compile(
    r"^(?P<lead>[^\n]{0,70}?)(?:^|\b)(?:by|par|por|von|door|av)\s*:?\s+(?P<names>[^\n]{2,110})$",
    re.IGNORECASE,
)
BYLINE_LEAD_OK = re.compile(
    r"^[\s|•·,\-–—]*(?:(?:posted|published|written|story|words|text|report(?:ed)?|updated|last\s+updated|"
    r"on|at|and|edited|photos?|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}:\d\d|[ap]\.?m\.?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|[|•·,:\-–—])[\s,.:]*)*$",
    re.IGNORECASE,
)

SERIES_LABEL = re.compile(
    r"^(?:(?:this\s+(?:article|story|post|entry|piece)\s+is\s+)?part\s+of\s+(?:the|a|our)(?:\s+\w+)?\s+series|"
    r"in\s+this\s+series|more\s+(?:from|in)\s+(?:this|the)\s+series|from\s+the\s+series)\s*[:：]?$|"
    r"^series\s*[:：]$",
    re.IGNORECASE,
)
CODE_TAGS = {"pre", "code", "samp", "kbd", "textarea", "math", "svg"}
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
ABOUT_AUTHOR = re.compile(
    r"^(?:about\s+(?:the\s+)?authors?|author\s+bio|über\s+d(?:en|ie)\s+autor|à\s+propos\s+de\s+l['’]auteur|"
    r"sobre\s+el\s+autor)",
    re.IGNORECASE,
)
TAG_CONTAINER = re.compile(
    r"(?:^|[\s_-])(?:tags|tag-list|taglist|topics|topic-list|keywords|tag-cloud)(?:$|[\s_-])"
)
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
class BylineFound:
    """A visible byline: the names it credits, the date written in it, and the element(s) it occupies."""

    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    date: str | None = None
    source: str = ""
    elements: list[lxml.html.HtmlElement] = field(default_factory=list)


@dataclass
class BlocksFound:
    """Series and topics read from visible blocks, and the label/value elements they occupy."""

    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    elements: list[lxml.html.HtmlElement] = field(default_factory=list)


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def short_text(el: lxml.html.HtmlElement, limit: int) -> str | None:
    """The element's text when it is at most ``limit`` characters (cheap early exit on big elements)."""
    total = 0
    parts: list[str] = []
    for piece in el.itertext():
        total += len(piece)
        if total > limit * 3:
            return None
        parts.append(piece)
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None


def body_of(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    root = tree.getroottree().getroot()
    body = root.find("body")
    if body is None:
        found = root.xpath("//body")
        body = found[0] if found else root
    return body


# --- bylines -------------------------------------------------------------------------------


_BY_WORD = re.compile(r"(?:^|[^\w])by\b|^\s*(?:par|por|von|door)\s", re.IGNORECASE)
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "select",
    "option",
    "textarea",
}


@dataclass
class BodyScan:
    """What one pass over the body found: candidate byline elements, by-lines, labels, <time>s.

    Each list holds ``(position, element)`` in document order; ``h1_position`` is the headline's.
    """

    class_bylines: list[tuple[int, lxml.html.HtmlElement]] = field(default_factory=list)
    by_texts: list[tuple[int, lxml.html.HtmlElement]] = field(default_factory=list)
    labels: list[lxml.html.HtmlElement] = field(default_factory=list)
    times: list[tuple[int, lxml.html.HtmlElement]] = field(default_factory=list)
    tag_containers: list[lxml.html.HtmlElement] = field(default_factory=list)
    series_links: list[lxml.html.HtmlElement] = field(default_factory=list)
    # Microformat publication stamps (hAtom ``class="published"``, h-entry ``dt-published``).
    published: list[lxml.html.HtmlElement] = field(default_factory=list)
    # Elements whose class or id may name the site's logo or brand ("navbar-brand", "site-title").
    brands: list[lxml.html.HtmlElement] = field(default_factory=list)
    h1_position: int = -1


def scan_body(
    body: lxml.html.HtmlElement, h1: lxml.html.HtmlElement | None, signals: PageSignals | None = None
) -> BodyScan:
    """One pass over the body, with cheap string tests only (the page may hold thousands of elements).

    Also records ``rel=author``/``rel=tag`` links and ``itemprop`` elements into ``signals`` on the way.
    """
    scan = BodyScan()
    class_bylines, by_texts, labels, times = scan.class_bylines, scan.by_texts, scan.labels, scan.times
    for position, el in enumerate(body.iter(_ELEMENTS)):
        tag = el.tag
        if tag in SKIP_TAGS:
            continue
        if tag == "time":
            times.append((position, el))
        elif el is h1:
            scan.h1_position = position
        if signals is not None and (tag == "a" or el.get("itemprop")):
            add_body_signal(el, signals)
            if tag == "a" and "series" in (el.get("rel") or "").lower():
                scan.series_links.append(el)
        names = el.get("class")
        ident = el.get("id")
        if ident:
            names = f"{names} {ident}" if names else ident
        if names:
            low = names.lower()
            if ("tag" in low or "topic" in low or "keyword" in low) and TAG_CONTAINER.search(low):
                scan.tag_containers.append(el)
            if tag == "a" and "series" in low:
                scan.series_links.append(el)
            if "published" in low and PUBLISHED_CLASS.search(low):
                scan.published.append(el)
            if (
                ("logo" in low or "brand" in low or "mast" in low or "site-" in low)
                and tag != "img"
                and BRAND_HINT.search(low)
            ):
                scan.brands.append(el)
            if (
                (
                    "author" in low
                    or "byline" in low
                    or "writer" in low
                    or "contributor" in low
                    or "creator" in low
                    or "dateline" in low
                    or "meta" in low
                    or "posted" in low
                    or "credit" in low
                )
                and BYLINE_CLASS.search(low)
                and not BYLINE_CLASS_EXCLUDE.search(low)
            ):
                class_bylines.append((position, el))
        text = el.text
        if text and len(text) < 400:
            stripped = text.strip()
            if stripped:
                if len(stripped) <= 200 and _LABEL_START.match(stripped) and not _inside_code(el):
                    labels.append(el)
                if (
                    len(stripped) < 300
                    and _may_have_by(stripped)
                    and _has_by(stripped)
                    and not _inside_code(el)
                ):
                    by_texts.append((position, el))
        tail = el.tail
        if tail and len(tail) < 300:
            stripped = tail.strip()
            if stripped and _may_have_by(stripped) and _has_by(stripped):
                parent = el.getparent()
                if parent is not None and not _inside_code(parent):
                    by_texts.append((position, parent))
    return scan


def _may_have_by(text: str) -> bool:
    """A cheap first test for :func:`_has_by` ("by" anywhere, or a line starting like "Par"/"Von"/"Door")."""
    return "by" in text or "By" in text or "BY" in text or text[0] in "pPvVdD"


def _has_by(text: str) -> bool:
    if "by" in text or "By" in text or "BY" in text:
        return bool(_BY_WORD.search(text))
    head = text.lstrip()[:5]
    return len(head) == 5 and head.lower().startswith(("par ", "por ", "von ", "door "))


def in_chrome(el: lxml.html.HtmlElement) -> bool:
    """Inside a sidebar, menu, widget or site footer (site-wide lists, not this article's)."""
    for anc in el.iterancestors():
        if anc.tag in {"aside", "nav"}:
            return True
        names = anc.get("class") or anc.get("id")
        if names and CHROME_CLASS.search(names):
            return True
    return False


def _inside_code(el: lxml.html.HtmlElement) -> bool:
    """Inside a code listing or table, where "series" and "by" are data, not labels."""
    if el.tag in CODE_TAGS:
        return True
    return any(anc.tag in CODE_TAGS for anc in el.iterancestors())


def _after_headline_first(
    items: list[tuple[int, lxml.html.HtmlElement]], h1_position: int
) -> list[lxml.html.HtmlElement]:
    """Candidates after the headline first (the article's own byline), then the ones before it."""
    if h1_position < 0:
        return [el for _, el in items]
    return [el for pos, el in items if pos > h1_position] + [el for pos, el in items if pos <= h1_position]


def find_class_byline(scan: BodyScan, site: str | None) -> BylineFound:
    """A byline in an element whose class or id names it (``class="byline"``, ``id="author"``)."""
    found = BylineFound(source="byline-element")
    for el in _after_headline_first(scan.class_bylines, scan.h1_position):
        text = short_text(el, MAX_BYLINE_CHARS)
        if not text or ABOUT_AUTHOR.match(text):
            continue  # an "About the author" box is a biography, not the byline
        persons, orgs = split_names(_names_part(text), site=site)
        if persons or orgs:
            if not found.organizations:
                found.persons, found.organizations = persons, orgs
                found.date = find_written_date(text)
                found.elements = [_byline_block(el)]
            if persons:
                found.persons, found.organizations = persons, orgs
                found.date = find_written_date(text)
                found.elements = [_byline_block(el)]
                return found
    return found if found.organizations else BylineFound()


def find_byline_naming(scan: BodyScan, site: str | None, known: list[str]) -> BylineFound:
    """The first byline-like line (by class or by wording) whose names include one of ``known``."""
    wanted = {fold(name) for name in known}
    candidates = _after_headline_first(scan.class_bylines, scan.h1_position)
    candidates += [_byline_block(el) for el in _after_headline_first(scan.by_texts, scan.h1_position)]
    seen: set[int] = set()
    for el in candidates:
        if id(el) in seen:
            continue
        seen.add(id(el))
        text = short_text(el, MAX_BYLINE_CHARS)
        if not text or not compact_byline(text):
            continue
        persons, orgs = split_names(_names_part(text), site=site)
        if wanted & {fold(p) for p in persons}:
            return BylineFound(persons, orgs, find_written_date(text), "byline-element", [_byline_block(el)])
    return BylineFound()


def compact_byline(text: str) -> bool:
    """A byline line, not a paragraph that happens to name the author (an author bio, a caption)."""
    return len(text) <= 140 and len(re.findall(r"[.!?]\s+[A-Z]", text)) <= 1


def _names_part(text: str) -> str:
    """The part of a byline that holds names (after "by" when the line starts with a date or verb)."""
    match = BYLINE_TEXT.match(text)
    if match and BYLINE_LEAD_OK.match(match.group("lead") or ""):
        return match.group("names")
    return text


def find_text_byline(scan: BodyScan, site: str | None) -> BylineFound:
    """A byline written as text ("By X and Y", "Posted Monday, 22 Jun 2026 by Pavel K. Baev").

    Lines after the headline are tried first, then the ones before it.
    """
    fallback: BylineFound | None = None
    tried: set[int] = set()
    for owner in _after_headline_first(scan.by_texts, scan.h1_position):
        block = _byline_block(owner)
        if id(block) in tried:
            continue
        tried.add(id(block))
        result = _read_text_byline(block, site)
        if result is None:
            continue
        if result.persons:
            return result
        fallback = fallback or result
    return fallback or BylineFound()


def _read_text_byline(block: lxml.html.HtmlElement, site: str | None) -> BylineFound | None:
    text = short_text(block, MAX_BYLINE_CHARS)
    if not text or not compact_byline(text):
        return None
    match = BYLINE_TEXT.match(text)
    if not match or not BYLINE_LEAD_OK.match(match.group("lead") or ""):
        return None
    persons, orgs = split_names(match.group("names"), site=site)
    if not persons and not orgs:
        return None
    return BylineFound(persons, orgs, find_written_date(text), "byline-text", [block])


def _byline_block(el: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Climb from an inline element to the short block that holds the whole byline line."""
    current = el
    while current.tag in INLINE_TAGS:
        parent = current.getparent()
        if parent is None or parent.tag in {"body", "html"} or short_text(parent, MAX_BYLINE_CHARS) is None:
            break
        current = parent
    return current


# --- series and topic blocks ------------------------------------------------------------------


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
        name = _text(el)
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
        text = _own_label_text(el)
        inline = SERIES_INLINE.search(text) if text else None
        if inline and text and len(text) < 200:
            name = _series_name(el, inline.group("name"))
            if name:
                found.series.append(name)
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


_LABEL_START = re.compile(
    r"^(?:part|this|in|more|from|series|related|topic|tag|filed|key|categor|subject|theme|posted|schlag|explore|"
    r"themen|mots|sujet|th[eè]me|etiqueta|tema|t[oó]pico|argoment|onderwerp|trefwoord)",
    re.IGNORECASE,
)


def _own_label_text(el: lxml.html.HtmlElement) -> str | None:
    """The element's short text when it starts like a label and has no block children."""
    head = (el.text or "").strip()
    if not head or len(head) > 200 or not _LABEL_START.match(head):
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
            and (SERIES_LABEL.match(_text(sibling)) or TOPIC_LABEL.match(_text(sibling)))
        ):
            break
        links = [sibling] if sibling.tag == "a" else list(sibling.iter("a"))
        texts = [_text(a) for a in links]
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
    links = [_text(a) for a in el.iter("a")]
    if links and (not name or name in " ".join(links)):
        name = links[-1]
    name = re.split(r"\s*(?:[.:;|]\s|$)", name, maxsplit=1)[0].strip(" \"“”‘’'«»")
    return name if name and len(name) <= 100 else None
