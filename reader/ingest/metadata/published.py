"""The page's publication date, from the most reliable source that gives one.

In order: the declared dates (JSON-LD, date meta tags; a UTC stamp is brought back to the publisher's own
day when the page also gives it with their offset, or its URL does), ``itemprop=datePublished``, an
hAtom/h-entry stamp, the byline's ``<time>`` or written date, a ``<time>`` near the headline, a date piece
of the title, a dateline under the headline, and last the date in the article's URL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

import lxml.html

from reader.ingest.metadata.dates import find_written_date, local_date_for, parse_date, utc_stamp
from reader.ingest.metadata.page import Page
from reader.ingest.metadata.scan import SKIP_TAGS, short_text
from reader.ingest.metadata.text import heading_text
from reader.ingest.metadata.titles import date_piece, split_title
from reader.ingest.metadata.url import url_path
from reader.ingest.metadata.vocabulary import DATE_METAS

# /2015/03/18/ or /2015-03-18/ in an article URL is the publication day; nothing shorter is trusted.
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
DATE_WORDS = re.compile(
    r"[\d\W_]+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:am|pm|at|on|published|posted|[A-Z]{2,4}T?)\b",
    re.IGNORECASE,
)
SIDEBAR = re.compile(r"sidebar|recent|popular|related", re.IGNORECASE)


def decide_date(page: Page) -> None:
    """The publication date from the first source, in order of trust, that gives one."""
    for source in _DATE_SOURCES:
        if source(page):
            return


def _declared_date(page: Page) -> bool:
    """A date the page declares (JSON-LD, date meta tags), made as precise and as local as they allow."""
    s = page.signals
    declared = [(page.ld.published, "json-ld")] + [(v, f"meta:{n}") for n, v in s.meta_all(*DATE_METAS)]
    given = [(value, source) for value, source in declared if value]
    for index, (value, source) in enumerate(given):
        if _try_date(page, value, source):
            _refine_declared_date(page, value, given[index + 1 :])
            return True
    return False


def _refine_declared_date(page: Page, value: str, later: list[tuple[str, str]]) -> None:
    """The day of a declared month or year, or the publisher's own day of a UTC stamp, from later sources."""
    if len(page.meta.date or "") < 10:
        _prefer_full_date(page, later)
        return
    local = local_date_for(value, [v for v, _ in later])
    if local and local[0] != page.meta.date:
        # The same instant written with the publisher's own offset gives their calendar date.
        page.set("date", local[0], later[local[1]][1])
    elif not local and utc_stamp(value):
        _local_day_from_url(page)


def _itemprop_date(page: Page) -> bool:
    s = page.signals
    for el in s.itemprops.get("datepublished", []) + s.itemprops.get("datecreated", []):
        value = el.get("datetime") or el.get("content") or el.get("title") or heading_text(el)
        if _try_date(page, value, "itemprop-datePublished", loose=True):
            return True
    return False


def _byline_date(page: Page) -> bool:
    """A ``<time>`` inside the visible byline, else the date written in it."""
    if page.byline is None or not page.byline.elements:
        return False
    for block in page.byline.elements:
        for time_el in block.iter("time"):
            if _try_date(page, time_el.get("datetime") or heading_text(time_el), "time-element", loose=True):
                return True
    if page.byline.date:
        page.set("date", page.byline.date, page.byline.source)
        return True
    return False


def _microformat_date(page: Page) -> bool:
    """An hAtom/h-entry stamp: ``<abbr class="published" title="2016-12-23T05:11:00-05:00">``."""
    for el in page.scan.published:
        ancestors = el.iterancestors()
        if any(a.tag in {"aside", "nav"} or SIDEBAR.search(a.get("class") or "") for a in ancestors):
            continue  # a sidebar list of other posts
        value = el.get("datetime") or el.get("title") or el.get("content")
        if value and _try_date(page, value, "microformat-published"):
            return True
        text = short_text(el, 60)
        if not value and text and _try_date(page, text, "microformat-published", loose=True):
            return True
    return False


def _local_day_from_url(page: Page) -> None:
    """A UTC stamp ("2014-12-19T04:38Z") may fall on the next or previous calendar day from the one the
    publisher printed; the date in the article's own URL (/2014/12/18/) is that local day."""
    for url in (page.meta.url, page.signals.meta("og:url"), page.signals.canonical):
        match = URL_DATE.search(url_path(url))
        if not match:
            continue
        url_day = parse_date("-".join(match.groups()))
        if url_day and page.meta.date and _days_apart(url_day, page.meta.date) == 1:
            page.set("date", url_day, "url")
        return


def _title_date(page: Page) -> bool:
    """A date stamped as a piece of the title ("Headline | DW | 19.01.2020")."""
    s = page.signals
    for value, source in ((s.title_tag, "title-tag"), (s.meta("og:title"), "meta:og:title")):
        pieces = split_title(value or "")
        for piece in (pieces[-1], pieces[0]) if len(pieces) > 1 else ():
            date = date_piece(piece)
            if date:
                page.set("date", date, source)
                return True
    return False


def _url_date(page: Page) -> bool:
    """/2015/03/18/ in the article's URL."""
    for url in (page.meta.url, page.signals.meta("og:url"), page.signals.canonical):
        match = URL_DATE.search(url_path(url))
        if match and _try_date(page, "-".join(match.groups()), "url"):
            return True
    return False


def _prefer_full_date(page: Page, others: list[tuple[str, str]]) -> None:
    """A later source giving the day within the same month or year ("2020-05" then "2020-05-14")."""
    partial = page.meta.date or ""
    for value, source in others:
        full = parse_date(value)
        if full and len(full) == 10 and full.startswith(partial):
            page.set("date", full, source)
            return


def _try_date(page: Page, value: str | None, source: str, *, loose: bool = False) -> bool:
    date = parse_date(value, loose=loose)
    if date:
        page.set("date", date, source)
        return True
    return False


def _time_element_date(page: Page) -> bool:
    """The first <time> near the headline that is not an "updated" stamp."""
    times = page.scan.times
    if not times:
        return False
    after = [el for pos, el in times if pos > page.scan.h1_position][:3]
    for el in after or [times[0][1]]:
        parent = el.getparent()
        label = " ".join(
            filter(
                None,
                (
                    el.get("class"),
                    el.get("itemprop"),
                    parent.get("class") if parent is not None else None,
                ),
            )
        )
        if re.search(r"updat|modif|edit", label, re.IGNORECASE):
            continue
        value = el.get("datetime") or (heading_text(el) if el.get("pubdate") is not None else None)
        if _try_date(page, value, "time-element", loose=True):
            return True
    return False


def _dateline_date(page: Page) -> bool:
    """A written date in the short lines right after the headline, before the article text starts."""
    start = page.h1
    if start is None and page.meta.provenance.get("title") == "first-line" and page.meta.consumed:
        start = page.meta.consumed[0]
    if start is None:
        return False
    for el in _following(start, 40):
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or el.tag in {"td", "th"}:
            continue  # an infobox cell ("Founded 28 February 1998") is not a dateline
        if el.tag == "p" and short_text(el, 200) is None:
            return False  # the article has begun: a date further down is about something else
        text = short_text(el, 80)
        if not text or re.search(r"updat|modif|aktualisiert|mis à jour", text, re.IGNORECASE):
            continue
        date = find_written_date(text)
        if date and len(DATE_WORDS.sub("", text)) <= 40:  # a dateline, not a sentence mentioning a date
            page.set("date", date, "dateline-text")
            return True
    return False


def _following(el: lxml.html.HtmlElement, limit: int) -> Iterator[lxml.html.HtmlElement]:
    """Up to ``limit`` elements after ``el`` in document order (not its descendants)."""
    count = 0
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        nxt = node.getnext()
        while nxt is None:
            node = node.getparent()
            if node is None:
                return
            nxt = node.getnext()
        for sub in nxt.iter():
            yield sub
            count += 1
            if count >= limit:
                return
        node = nxt


def _days_apart(first: str, second: str) -> int:
    try:
        return abs((dt.date.fromisoformat(first) - dt.date.fromisoformat(second)).days)
    except ValueError:
        return -1


# Where a publication date is looked for, most reliable first: the first that gives one decides.
_DATE_SOURCES: tuple[Callable[[Page], bool], ...] = (
    _declared_date,
    _itemprop_date,
    _microformat_date,
    _byline_date,
    _time_element_date,
    _title_date,
    _dateline_date,
    _url_date,
)
