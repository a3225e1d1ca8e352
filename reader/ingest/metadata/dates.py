"""Parsing publication dates into ``YYYY-MM-DD`` in the publisher's own time zone.

Owns: ISO timestamps (the local calendar date is kept: "2026-06-22T23:30:00-04:00" is
June 22), compact and slashed numeric forms, written dates in English and a few other
languages (through python-dateutil), and the refusal of ambiguous, impossible or future dates.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

from reader.ingest.metadata.vocabulary import FOREIGN_MONTHS, PUBLISHED_LABELS, UPDATED_WORDS

# Anything but another digit may follow the day: "2017-03-13|19h18", "2026-06-22T10:00", "2026-06-22 EST".
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
PARTIAL_DATE = re.compile(r"^\s*((?:19|20)\d{2})(?:[-/](\d{1,2}))?\s*$")
COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:$|T|\d{4,6}\b)")

# "2019/05/14", "2019.05.14", and the Korean "2023. 2. 5." (a space after each dot).
YMD_SLASH = re.compile(r"\b((?:19|20)\d{2})(?:/|\.\s?)(\d{1,2})(?:/|\.\s?)(\d{1,2})\b")
CJK_DATE = re.compile(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
# "01.02.2022", "4. 2. 2022", "02/01/2022": the separator is captured (dots are written day first).
DMY_OR_MDY = re.compile(r"\b(\d{1,2})([/.\-])\s?(\d{1,2})\2\s?((?:19|20)\d{2})(?!\d)")
EPOCH = re.compile(r"^\s*(1[0-9]{9})(?:\d{3})?\s*$")
MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=[\s,\d]|$)", re.IGNORECASE
)
_FOREIGN = re.compile(
    r"\b(" + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_NOISE = re.compile(
    r"\b(?:published|posted|updated|last\s+updated|modified|on|at|le|am|el|il|op|den|em|the|de|del|di|"
    r"publié|veröffentlicht|publicado|pubblicato|gepubliceerd|uhr|h)\b[:.]?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th|er)\b", re.IGNORECASE)
MIN_YEAR = 1990


def today() -> dt.date:
    return dt.date.today()


def plausible(date: dt.date, *, now: dt.date | None = None) -> bool:
    """Not before the web's early years, not later than tomorrow."""
    now = now or today()
    return date.year >= MIN_YEAR and date <= now + dt.timedelta(days=1)


def _partial(match: re.Match[str], now: dt.date | None) -> str | None:
    """ "2020-05" or "2020" from a declared date that says no more (a journal issue), kept as given."""
    year, month = int(match.group(1)), match.group(2)
    if not MIN_YEAR <= year <= (now or today()).year:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= int(month) <= 12 or (year, int(month)) > ((now or today()).year, (now or today()).month):
        return None
    return f"{year:04d}-{int(month):02d}"


def _make(year: int, month: int, day: int, now: dt.date | None) -> str | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat() if plausible(date, now=now) else None


def parse_date(text: str | None, *, now: dt.date | None = None, loose: bool = False) -> str | None:
    """``YYYY-MM-DD`` from a date string, or None when it is absent, ambiguous, impossible or future.

    Machine-readable forms (ISO, compact, epoch) keep their local calendar date. ``loose``
    allows written dates found in running text ("Posted Monday, 22 Jun 2026 by …").
    """
    if not text:
        return None
    text = " ".join(str(text).split())[:200]
    if not text:
        return None
    match = ISO_DATE.match(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), now)
    match = COMPACT_DATE.match(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), now)
    match = PARTIAL_DATE.match(text)
    if match and not loose:
        return _partial(match, now)
    match = EPOCH.match(text)
    if match:
        stamp = dt.datetime.fromtimestamp(int(match.group(1)), tz=dt.UTC)
        return stamp.date().isoformat() if plausible(stamp.date(), now=now) else None
    match = CJK_DATE.search(text) or YMD_SLASH.search(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), now)
    return _parse_written(text, now=now, loose=loose)


def _english_month(match: re.Match[str]) -> str:
    word = match.group(1)
    return FOREIGN_MONTHS.get(word.lower()) or FOREIGN_MONTHS.get(word.casefold()) or word


def _parse_written(text: str, *, now: dt.date | None, loose: bool) -> str | None:
    text = _FOREIGN.sub(_english_month, text)
    match = DMY_OR_MDY.search(text)
    if match and not MONTH_WORD.search(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if match.group(2) == ".":
            return _make(year, second, first, now)  # "01.02.2022": dots are written day first everywhere
        if first > 12 >= second:
            return _make(year, second, first, now)
        if second > 12 >= first:
            return _make(year, first, second, now)
        if first == second:
            return _make(year, first, second, now)
        return None  # 03/04/2026: April or March? Refuse rather than guess.
    if not MONTH_WORD.search(text) or not re.search(r"\b(?:19|20)\d{2}\b", text):
        return None
    cleaned = _ORDINAL.sub(r"\1", _NOISE.sub(" ", text))
    try:
        default = dt.datetime(1900, 1, 1)
        parsed, _skipped = dateparser.parse(cleaned, fuzzy_with_tokens=True, default=default, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1900:
        return None
    if not loose and parsed.day == 1 and not re.search(r"\b0?1\b", cleaned):
        return None  # the day was not written: month precision is not a publication date
    return _make(parsed.year, parsed.month, parsed.day, now)


def find_written_date(text: str, *, now: dt.date | None = None) -> str | None:
    """A date written inside a byline or dateline ("Monday, 22 Jun 2026", "June 22, 2026", "2026-06-22").

    An "Updated …" stamp beside the publication date is skipped.
    """
    text = _UPDATED_PART.sub(" ", text)
    for pattern in (_WRITTEN_DMY, _WRITTEN_MDY, _ISO_IN_TEXT, CJK_DATE, YMD_SLASH, DMY_OR_MDY):
        match = pattern.search(text)
        if match:
            found = parse_date(match.group(0), now=now, loose=True)
            if found:
                return found
    return None


_UPDATED_PART = re.compile(
    r"(?:" + "|".join(w.replace(" ", r"\s+") for w in UPDATED_WORDS) + r")"
    r".*?(?=(?:"
    + "|".join(w.replace(" ", r"\s+") for w in PUBLISHED_LABELS if w not in {"date", "data"})
    + r")\b|[|•·/]|$)",
    re.IGNORECASE,
)


def without_updated(text: str) -> str:
    """``text`` without its "Updated …" part ("Published 3 May 2021 | Updated 4 May" keeps the first)."""
    return _UPDATED_PART.sub(" ", text)


_MONTHS_RE = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:"
    + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
    + r")\.?"
)
_WRITTEN_DMY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:" + _MONTHS_RE + r")\s*,?\s+(?:19|20)\d{2}(?!\d)", re.IGNORECASE
)
_WRITTEN_MDY = re.compile(
    r"\b(?:" + _MONTHS_RE + r")\s+\d{1,2}(?:st|nd|rd|th)?\s*,?\s+(?:19|20)\d{2}(?!\d)", re.IGNORECASE
)
_ISO_IN_TEXT = re.compile(r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b")
_UTC_MARK = re.compile(r"(?:Z|[+-]00:?00)\s*$", re.IGNORECASE)
_OFFSET_MARK = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?[+-](?!00:?00)\d\d:?\d\d\s*$")


def utc_stamp(text: str | None) -> bool:
    """Whether a timestamp is written in UTC ("…Z", "…+00:00"), which hides the publisher's own day."""
    return bool(text) and bool(re.search(r"T?\d\d:\d\d", text or "")) and bool(_UTC_MARK.search(text or ""))


def local_offset_stamp(text: str | None) -> bool:
    """Whether a timestamp carries its own, non-UTC offset ("2019-02-10T09:30:10+01:00"): its calendar
    date is then the publisher's own."""
    return bool(text) and bool(_OFFSET_MARK.search(text or ""))


def _instant(text: str) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else None


def local_date_for(utc_text: str, others: list[str]) -> tuple[str, int] | None:
    """When ``utc_text`` is a UTC timestamp and one of ``others`` is the same instant written with a
    local offset, ``(that local YYYY-MM-DD, its index)``: "2017-02-24T01:18:13Z" and
    "2017-02-23T17:18:13-08:00" are one moment, published on February 23 where the publisher is."""
    if not _UTC_MARK.search(utc_text or ""):
        return None
    base = _instant(utc_text)
    if base is None:
        return None
    for index, other in enumerate(others):
        if not other or not _OFFSET_MARK.search(other):
            continue
        stamp = _instant(other)
        if stamp is not None and abs((stamp - base).total_seconds()) <= 120:
            found = parse_date(other)
            if found:
                return found, index
    return None
