"""When a saved file was saved, as its container or the file system tells it.

* An MHTML archive's ``Date:`` header (RFC 5322, written by Chrome, Edge, Internet Explorer and the MHTML
  savers of Firefox) is the moment the page was saved, in the saver's own time zone.
* A file's modification time is the next best thing: the moment its bytes were last written, usually the
  save itself (a copy that preserves times keeps it).

Each is a :class:`SavedAt`: the day in the saver's time zone where the source gives one (the day the
person saw on their calendar), else in this computer's time zone.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import os
from dataclasses import dataclass
from email.message import Message

from reader.errors import swallowed

logger = logging.getLogger(__name__)

# A saved page cannot predate the web; a date before this is a wrong clock or a zeroed time stamp.
EARLIEST = dt.date(1991, 1, 1)


@dataclass(frozen=True)
class SavedAt:
    """The day a page was saved and where that came from (``mhtml:Date``, ``file-mtime``…)."""

    day: str  # YYYY-MM-DD
    source: str


def from_mhtml_header(message: Message) -> SavedAt | None:
    """The day in an MHTML archive's ``Date:`` header, or None when it has none that parses."""
    value = message.get("Date")
    if value is None:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(value).strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        swallowed(logger, f"an MHTML Date header that does not parse ({str(value)[:60]!r})")
        return None
    return _saved(when, "mhtml:Date")


def from_file(path: str | os.PathLike[str]) -> SavedAt | None:
    """The day a file was last written (its modification time, in this computer's time zone), or None."""
    try:
        stamp = os.stat(path).st_mtime
        when = dt.datetime.fromtimestamp(stamp).astimezone()
    except (OSError, ValueError, OverflowError):
        swallowed(logger, f"{os.fspath(path)}: its modification time (none is used)")
        return None
    return _saved(when, "file-mtime")


def local_day(when: dt.datetime) -> dt.date:
    """The calendar day of ``when``: in its own offset when it has one, else in this computer's zone."""
    return when.date() if when.tzinfo is not None else when.astimezone().date()


def _saved(when: dt.datetime, source: str) -> SavedAt | None:
    day = local_day(when)
    today = dt.datetime.now().astimezone().date()
    if not EARLIEST <= day <= today + dt.timedelta(days=1):
        return None  # a clock set wrong, or a file dated in the future: no better than nothing
    return SavedAt(day.isoformat(), source)
