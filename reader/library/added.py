"""Date Added: the windows a user filters the library by (the last import, today, this week, this month).

The index keeps when each article was added (Unix seconds) and counts the matches added in each second
(:class:`~reader.library.index.base.IndexDoc`).  This module turns a window into the second it starts —
local midnight today, on Monday, on the 1st of the month, the start of the last import — and those counts
into a count per window.  The windows are read at each search, so "today" moves on at midnight even in an
app left open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from reader.library.types import ADDED_WINDOWS, Filters

#: The store setting holding when the last import that added articles started (Unix seconds).
LAST_IMPORT_SETTING = "last_import_started"
# What a window that cannot be known (no import recorded yet) starts at: after every article.
_NEVER = 2**53


def window_starts(now: datetime, last_import: int | None) -> dict[str, int]:
    """Each window's first second, Unix seconds, in :data:`ADDED_WINDOWS` order; the last import's only
    when one is recorded.  Local time, daylight saving included (naive local times to ``timestamp()``)."""
    local = datetime.fromtimestamp(now.timestamp())
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    starts = {
        "today": midnight,
        "week": (midnight - timedelta(days=midnight.weekday())),
        "month": midnight.replace(day=1),
    }
    found = {window: int(start.timestamp()) for window, start in starts.items()}
    if last_import is not None:
        found["last-import"] = last_import
    return {window: found[window] for window in ADDED_WINDOWS if window in found}


def resolved(filters: Filters | None, starts: Mapping[str, int]) -> Filters | None:
    """``filters`` with ``added_since`` set from the window in ``added`` (what the engines read)."""
    if filters is None or not filters.added:
        return filters
    return replace(filters, added_since=starts.get(filters.added, _NEVER))


def without_added(filters: Filters | None) -> Filters | None:
    return None if filters is None else replace(filters, added=None, added_since=None)


def window_counts(seconds: Mapping[str, int], starts: Mapping[str, int]) -> dict[str, int]:
    """Counts per second (Unix seconds → articles added then) as a count per window (they overlap)."""
    counted = [(int(second), count) for second, count in seconds.items()]
    return {window: sum(n for second, n in counted if second >= start) for window, start in starts.items()}
