"""One pass over the page body that finds every candidate a field module may want, with cheap string tests.

The page may hold thousands of elements: :func:`scan_body` walks them once and lists, in document order,
the elements whose class or id names a byline, a tag list, a series link, a publication stamp or the
site's brand, the text lines that start like a label ("Tags:", "Part of the series") or hold a "by",
and the ``<time>`` elements; it also records ``rel=author``/``rel=tag`` links and ``itemprop`` elements
into the page's signals on the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.etree
import lxml.html

from reader.ingest.metadata.signals import PageSignals, add_body_signal
from reader.ingest.metadata.vocabulary import PUBLISHED_LABELS

INLINE_TAGS = {"span", "strong", "em", "b", "i", "small", "a", "time", "font", "cite", "label", "abbr", "u"}
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
CODE_TAGS = {"pre", "code", "samp", "kbd", "textarea", "math", "svg"}
TAG_CONTAINER = re.compile(
    r"(?:^|[\s_-])(?:tags|tag-list|taglist|topics|topic-list|keywords|tag-cloud)(?:$|[\s_-])"
)
LABEL_START = re.compile(
    r"^(?:part|this|in|more|from|series|related|topic|tag|filed|key|categor|subject|theme|posted|schlag|explore|"
    r"themen|mots|sujet|th[eè]me|etiqueta|tema|t[oó]pico|argoment|onderwerp|trefwoord)",
    re.IGNORECASE,
)
# A label saying the date after it is the publication's ("Datum: 18.10.2021", "Published on March 3").
_LABEL_WORDS = r"(?:" + "|".join(label.replace(" ", r"\s+") for label in PUBLISHED_LABELS) + r")"
_AFTER_LABEL = r"\s*(?:am|on|le|el|il|op|den|em|dne|the)?\s*[:.]?\s*"
DATE_LABEL = re.compile(r"^\W*" + _LABEL_WORDS + r"\b" + _AFTER_LABEL, re.IGNORECASE)
# The same label inside a line ("… Letzte Änderung: 31.10.2023 Erschienen am: 01.11.2023").
DATE_LABEL_ANYWHERE = re.compile(r"(?<![^\W\d])" + _LABEL_WORDS + r"\b" + _AFTER_LABEL, re.IGNORECASE)
_DATE_LABEL_FIRST = frozenset(label[0] for label in PUBLISHED_LABELS) | {
    label[0].upper() for label in PUBLISHED_LABELS
}
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
    # Elements whose own text starts with a publication-date label ("Datum:", "Published on").
    date_labels: list[lxml.html.HtmlElement] = field(default_factory=list)
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
    labels, by_texts = scan.labels, scan.by_texts
    for position, el in enumerate(body.iter(_ELEMENTS)):
        tag = el.tag
        if tag in SKIP_TAGS:
            continue
        if tag == "time":
            scan.times.append((position, el))
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
            _scan_names(scan, position, el, names.lower())
        # Its own text: a label ("Tags:", "Part of the series") or a by-line; its tail: a by-line.
        text = el.text
        if text and len(text) < 400 and (stripped := text.strip()):
            if len(stripped) <= 200 and LABEL_START.match(stripped) and not _inside_code(el):
                labels.append(el)
            if stripped[0] in _DATE_LABEL_FIRST and len(stripped) <= 120 and DATE_LABEL.match(stripped):
                scan.date_labels.append(el)
            if len(stripped) < 300 and _may_have_by(stripped) and _has_by(stripped) and not _inside_code(el):
                by_texts.append((position, el))
        tail = el.tail
        if (
            tail
            and (stripped := tail.strip())
            and stripped[0] in _DATE_LABEL_FIRST
            and DATE_LABEL.match(stripped)
        ):
            scan.date_labels.append(el)  # "<br>Erschienen am: 01.11.2023"
        if (
            tail
            and len(tail) < 300
            and (stripped := tail.strip())
            and _may_have_by(stripped)
            and _has_by(stripped)
        ):
            _add_tail_byline(scan, position, el)
    return scan


def _scan_names(scan: BodyScan, position: int, el: lxml.html.HtmlElement, low: str) -> None:
    """File an element under what its (lower-cased) class and id say it is."""
    tag_container, series, published, brand, byline = _name_kinds(low)
    if tag_container:
        scan.tag_containers.append(el)
    if series and el.tag == "a":
        scan.series_links.append(el)
    if published:
        scan.published.append(el)
    if brand and el.tag != "img":
        scan.brands.append(el)
    if byline:
        scan.class_bylines.append((position, el))


@lru_cache(maxsize=4096)  # a page repeats its class names on many elements: each is read once
def _name_kinds(low: str) -> tuple[bool, bool, bool, bool, bool]:
    """What lower-cased class and id names say: a tag list, a series, a publication stamp, the brand, a
    byline (literal screens first: fast)."""
    tag_container = ("tag" in low or "topic" in low or "keyword" in low) and TAG_CONTAINER.search(low)
    published = "published" in low and PUBLISHED_CLASS.search(low)
    brand = ("logo" in low or "brand" in low or "mast" in low or "site-" in low) and BRAND_HINT.search(low)
    byline = (
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
    )
    return bool(tag_container), "series" in low, bool(published), bool(brand), bool(byline)


def _add_tail_byline(scan: BodyScan, position: int, el: lxml.html.HtmlElement) -> None:
    """A by-line in the text after ``el`` belongs to ``el``'s parent."""
    parent = el.getparent()
    if parent is not None and not _inside_code(parent):
        scan.by_texts.append((position, parent))


def _may_have_by(text: str) -> bool:
    """A cheap first test for :func:`_has_by` ("by" anywhere, or a line starting like "Par"/"Von"/"Door")."""
    return "by" in text or "By" in text or "BY" in text or text[0] in "pPvVdD"


def _has_by(text: str) -> bool:
    if "by" in text or "By" in text or "BY" in text:
        return bool(_BY_WORD.search(text))
    head = text.lstrip()[:5]
    return len(head) == 5 and head.lower().startswith(("par ", "por ", "von ", "door "))


def _inside_code(el: lxml.html.HtmlElement) -> bool:
    """Inside a code listing or table, where "series" and "by" are data, not labels."""
    if el.tag in CODE_TAGS:
        return True
    return any(anc.tag in CODE_TAGS for anc in el.iterancestors())
