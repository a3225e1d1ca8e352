"""The accessed date of a saved page: when it was saved, from what the saver wrote, else the file.

Savers write the moment of the save into the page, and each has its own note (all read here):

* SingleFile (and Zotero's snapshots, which use it): a comment opening the document,
  ``Page saved with SingleFile`` … ``saved date: Sat May 02 2026 21:14:08 GMT+0200 (…)``;
* Save Page WE: ``<meta name="savepage-date" content="Sat May 02 2026 21:14:08 GMT+0200 (…)">``;
* WebScrapBook: ``<html data-scrapbook-create="20260502191408123">`` (UTC, to the millisecond);
* HTTrack: ``<!-- Mirrored from host/page by HTTrack Website Copier/3.x [XR&CO'2014], Sat, 02 May 2026
  19:14:08 GMT -->``;
* monolith: ``<!-- Saved from https://… at 2026-05-02T19:14:08Z using monolith v2.8.1 -->``;
* a page saved from the Wayback Machine: ``… AND RETRIEVED FROM THE INTERNET ARCHIVE ON 19:14:08 May 02,
  2026.`` (the day it was retrieved, not the day archived);
* any other comment at the top level of the document that says it was mirrored, saved, archived,
  captured, downloaded or retrieved, with a full date.

:func:`decide_accessed` chooses: an MHTML archive's ``Date:`` header (unless the archive was made of a
page already on disk, a ``file:`` location: then the note inside it is the original save); the saver's
note; the file's modification time.  Nothing at all leaves the field empty: the library then uses the
import day.  The day is the saver's calendar day where the note carries a time zone offset, else this
computer's.  ``provenance["accessed"]`` names the source.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator

import lxml.html
from lxml import etree

from reader.errors import swallowed
from reader.ingest.metadata.page import Metadata
from reader.ingest.source.record import Source
from reader.ingest.source.saved_at import SavedAt, local_day

logger = logging.getLogger(__name__)

_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
# JavaScript's Date.prototype.toString(): "Sat May 02 2026 21:14:08 GMT+0200 (Central European Summer Time)"
_JS_DATE_RE = re.compile(
    r"(?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) GMT([+-]\d{4})"
)
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?"
)
# RFC 5322 and its kin: "Sat, 02 May 2026 19:14:08 GMT", "2 May 2026 21:14:08 +0200"
_RFC_RE = re.compile(
    r"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? (GMT|UTC|UT|Z|[+-]\d{4})", re.I
)
# "19:14:08 May 02, 2026" (the Wayback Machine), "May 2, 2026"
_MONTH_FIRST_RE = re.compile(r"(?:(\d{1,2}):(\d{2}):(\d{2}) )?([A-Z][a-z]{2})[a-z]* (\d{1,2}), (\d{4})")
_SINGLEFILE_RE = re.compile(r"(?:Page saved with|Archive processed by) SingleFile.*?saved date:\s*(.+)", re.S)
_HTTRACK_RE = re.compile(r"Mirrored from \S+ by HTTrack Website Copier[^\]]*\],\s*(.+)", re.S)
_MONOLITH_RE = re.compile(r"Saved from \S+ at (\S+) using monolith", re.S)
_WAYBACK_RE = re.compile(r"RETRIEVED FROM THE INTERNET ARCHIVE ON (.+?)(?:\.\s|\.$|$)", re.S)
_SAVED_WORDS_RE = re.compile(r"\b(?:mirrored|saved|archived|captured|downloaded|retrieved)\b", re.I)
_URL_RE = re.compile(r"(?:url=\(\d+\))?\S+://\S*|\bwww\.\S+")
_SCRAPBOOK_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})")


def record_accessed(metadata: Metadata, tree: lxml.html.HtmlElement, source: Source) -> None:
    """Set ``metadata.accessed`` and its provenance from :func:`decide_accessed` (nothing when unknown)."""
    try:
        saved = decide_accessed(tree, source)
    except Exception:  # an odd note costs the accessed date, never the page
        swallowed(logger, "the accessed date of a page (the import day will be used)")
        return
    if saved is not None:
        metadata.accessed = saved.day
        metadata.provenance["accessed"] = saved.source


def decide_accessed(tree: lxml.html.HtmlElement, source: Source) -> SavedAt | None:
    """The day the page was saved, from the strongest source there is (see the module's order)."""
    note = saver_note(tree)
    container = source.saved_at
    made_from_disk = (source.base_url or "").lower().startswith("file:")
    if container is not None and not (made_from_disk and note is not None):
        return container
    return note or container or source.file_saved_at


def saver_note(tree: lxml.html.HtmlElement) -> SavedAt | None:
    """The save date a saver wrote into the page, or None."""
    root = tree.getroottree().getroot()
    readers: tuple[Callable[[], SavedAt | None], ...] = (
        lambda: _from_comments(root),
        lambda: _save_page_we(root),
        lambda: _webscrapbook(root),
    )
    for read in readers:
        found = read()
        if found is not None:
            return found
    return None


# -- the savers ----------------------------------------------------------------------------------------


def _from_comments(root: lxml.html.HtmlElement) -> SavedAt | None:
    generic: SavedAt | None = None
    for comment in _top_level_comments(root):
        note = comment.text or ""
        for pattern, label, parse in _COMMENT_SAVERS:
            match = pattern.search(note)
            if match:
                when = parse(match.group(1))
                if when is not None:
                    return SavedAt(local_day(when).isoformat(), label)
        if generic is None and _SAVED_WORDS_RE.search(note):
            when = parse_any_date(_URL_RE.sub(" ", note))  # a dated path in a URL is not the save date
            generic = SavedAt(local_day(when).isoformat(), "saver-note") if when else None
    return generic


def _save_page_we(root: lxml.html.HtmlElement) -> SavedAt | None:
    head = root.find("head")
    scope = head if head is not None else root
    for meta in scope.iter("meta"):
        if (meta.get("name") or "").strip().lower() == "savepage-date":
            when = parse_any_date(meta.get("content") or "")
            if when is not None:
                return SavedAt(local_day(when).isoformat(), "savepage-we")
    return None


def _webscrapbook(root: lxml.html.HtmlElement) -> SavedAt | None:
    match = _SCRAPBOOK_RE.match((root.get("data-scrapbook-create") or "").strip())
    if not match:
        return None
    try:
        year, month, day, hour, minute, second = (int(g) for g in match.groups())
        when = dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
    except ValueError:
        return None
    return SavedAt(local_day(when.astimezone()).isoformat(), "webscrapbook")


def _top_level_comments(root: lxml.html.HtmlElement) -> Iterator[etree._Comment]:
    """Comments before and after the root, and directly inside the root, the head and the body's ends."""
    nodes: list[object] = [*root.itersiblings(preceding=True), *root.iterchildren(), *root.itersiblings()]
    for name in ("head", "body"):
        child = root.find(name)
        if child is not None:
            children = list(child)
            nodes += children if name == "head" else children[:3] + children[-3:]
    for node in nodes:
        if isinstance(node, etree._Comment):
            yield node


# -- dates ---------------------------------------------------------------------------------------------------


def parse_js_date(text: str) -> dt.datetime | None:
    """``Sat May 02 2026 21:14:08 GMT+0200 (…)`` (JavaScript's Date string), keeping its offset."""
    match = _JS_DATE_RE.search(text)
    if not match:
        return None
    month, day, year, hour, minute, second, offset = match.groups()
    return _build(year, _MONTHS.get(month.lower()), day, hour, minute, second, offset)


def parse_any_date(text: str) -> dt.datetime | None:
    """The first full date in ``text`` in any of the forms savers write (JS, RFC 5322, ISO, month first)."""
    for parse in (parse_js_date, _parse_rfc, _parse_iso, _parse_month_first):
        when = parse(text)
        if when is not None:
            return when
    return None


def _parse_rfc(text: str) -> dt.datetime | None:
    match = _RFC_RE.search(text)
    if not match:
        return None
    day, month, year, hour, minute, second, zone = match.groups()
    return _build(year, _MONTHS.get(month.lower()), day, hour, minute, second or "0", zone)


def _parse_iso(text: str) -> dt.datetime | None:
    match = _ISO_RE.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if hour is None:
        return _build(year, int(month), day, "12", "0", "0", None)
    return _build(year, int(month), day, hour, minute, second or "0", zone)


def _parse_month_first(text: str) -> dt.datetime | None:
    match = _MONTH_FIRST_RE.search(text)
    if not match:
        return None
    hour, minute, second, month, day, year = match.groups()
    number = _MONTHS.get(month[:3].lower())
    return _build(year, number, day, hour or "12", minute or "0", second or "0", "GMT")


def _build(
    year: str, month: int | None, day: str, hour: str, minute: str, second: str, zone: str | None
) -> dt.datetime | None:
    if month is None:
        return None
    try:
        clock = (int(hour), int(minute), int(second))
        return dt.datetime(int(year), month, int(day), *clock, tzinfo=_zone(zone))
    except ValueError:
        return None


def _zone(zone: str | None) -> dt.tzinfo | None:
    """An offset from ``+0200``/``+02:00``/``Z``/``GMT``; None (this computer's zone) when there is none."""
    if zone is None:
        return None
    if zone.upper() in ("GMT", "UTC", "UT", "Z"):
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _utc_to_local(when: dt.datetime | None) -> dt.datetime | None:
    """A UTC stamp (HTTrack, monolith, the Wayback Machine) on this computer's calendar."""
    return when.astimezone() if when is not None else None


_COMMENT_SAVERS: tuple[tuple[re.Pattern[str], str, Callable[[str], dt.datetime | None]], ...] = (
    (_SINGLEFILE_RE, "singlefile", lambda s: parse_js_date(s) or _parse_iso(s)),
    (_HTTRACK_RE, "httrack", lambda s: _utc_to_local(_parse_rfc(s))),
    (_MONOLITH_RE, "monolith", lambda s: _utc_to_local(_parse_iso(s))),
    (_WAYBACK_RE, "wayback", lambda s: _utc_to_local(_parse_month_first(s))),
)
