"""A second opinion on the publication date: htmldate's reading of the whole page.

htmldate (installed with trafilatura) looks where Offprint's own sources do not: date expressions in the
page's elements and free text in many languages and layouts, dates in links and image addresses.  It is
asked only when its answer can change Offprint's (see :mod:`.date_choice`).  When the page's own sources
disagree, its fast mode (about a millisecond) is asked first; its extensive search (a few milliseconds,
tens on a long page) runs when that finds nothing, or at once when no source of the page's own gives a
date (the fast mode reads little more than those sources do).  It
works on a copy of the tree, which it prunes: the page's own tree is never changed.

A January 1st from htmldate alone is set aside by :mod:`.date_choice`: it is what htmldate answers when it
found only a year (a copyright line), not a day.
"""

from __future__ import annotations

import logging

import lxml.html

from reader.errors import swallowed
from reader.ingest.metadata.date_choice import SECOND_OPINION, DateClaim
from reader.ingest.metadata.dates import parse_date

logger = logging.getLogger(__name__)

SOURCE = "htmldate"


def second_opinion(tree: lxml.html.HtmlElement, *, nothing_found: bool = False) -> DateClaim | None:
    """htmldate's publication date of the page (its original date), or None: its extensive search at
    once when ``nothing_found`` by the page's own sources, else its fast one first."""
    for extensive in (True,) if nothing_found else (False, True):
        found = _find_date(tree, extensive=extensive)
        date = parse_date(found) if found else None
        if date is not None and found is not None:
            return DateClaim(date, SOURCE, found, SECOND_OPINION)
    return None


def _find_date(tree: lxml.html.HtmlElement, *, extensive: bool) -> str | None:
    try:
        from htmldate import find_date  # imported on first use: only pages that need it pay the import

        found = find_date(tree, original_date=True, extensive_search=extensive)
    except Exception:  # a library's failure on an odd page costs the second opinion only
        swallowed(logger, "htmldate's reading of the page's date")
        return None
    return found if isinstance(found, str) else None
