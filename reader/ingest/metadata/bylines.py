"""Visible bylines: "By Jane Doe", "Posted Monday, 22 Jun 2026 by Pavel K. Baev", ``class="byline"``.

Owns finding the byline among the candidates :func:`~reader.ingest.metadata.scan.scan_body` listed (the
article's own, after the headline, first), reading its names and date, and naming the element it
occupies so the cleaner can drop it from the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from reader.ingest.metadata.dates import find_written_date
from reader.ingest.metadata.names import split_names
from reader.ingest.metadata.scan import INLINE_TAGS, BodyScan, short_text
from reader.ingest.metadata.text import fold

MAX_BYLINE_CHARS = 160

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
ABOUT_AUTHOR = re.compile(
    r"^(?:about\s+(?:the\s+)?authors?|author\s+bio|über\s+d(?:en|ie)\s+autor|à\s+propos\s+de\s+l['’]auteur|"
    r"sobre\s+el\s+autor)",
    re.IGNORECASE,
)


@dataclass
class BylineFound:
    """A visible byline: the names it credits, the date written in it, and the element(s) it occupies."""

    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    date: str | None = None
    source: str = ""
    elements: list[lxml.html.HtmlElement] = field(default_factory=list)


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
