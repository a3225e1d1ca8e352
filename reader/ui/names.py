"""How the app shows people's names: surname first in the filters, surnames in the list's Authors column.

Names are split as citations split them (:func:`reader.cite.person_to_csl`: particles, suffixes, "Family,
Given"); a name in a script written family name first (Chinese, Japanese, Korean) and an organisation are
shown as they are.  Splitting takes tens of microseconds a name and a large library has thousands of
authors, so the results are kept, :func:`split_names` splits a batch off the GUI thread, and
:func:`quick_sort_key` orders a name not split yet by its last word meanwhile.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader.cite import person_to_csl

_FAMILY_FIRST_SCRIPT = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CACHE = 50_000


@lru_cache(maxsize=_CACHE)
def surname_first(name: str) -> str:
    """ "Tomas de la Cruz" → "Cruz, Tomas de la" (as a bibliography sorts it); others unchanged."""
    parts = _person(name)
    if parts is None:
        return name
    family, given, particle, suffix = parts
    if not given:
        return family if not particle else f"{particle} {family}"
    after = " ".join(p for p in (given, particle) if p)
    return f"{family}, {after}" + (f", {suffix}" if suffix else "")


@lru_cache(maxsize=_CACHE)
def surname(name: str) -> str:
    """ "Tomas de la Cruz" → "de la Cruz": what the Authors column shows for a person."""
    parts = _person(name)
    if parts is None:
        return name
    family, _given, particle, _suffix = parts
    return f"{particle} {family}" if particle else family


def sort_key(name: str) -> str:
    """The key that orders names by surname (organisations by their name)."""
    return surname_first(name).casefold()


def quick_sort_key(name: str) -> str:
    """:func:`sort_key` when the name was split already; else its last word first (as the list's
    Authors column sorts), without splitting it now."""
    if _is_split(name):
        return sort_key(name)
    words = name.split()
    return f"{words[-1]} {name}".casefold() if len(words) > 1 else name.casefold()


def split_names(names: Sequence[str]) -> int:
    """Split these names now (on a worker thread), so the GUI thread finds them split; how many were new."""
    new = [name for name in names if not _is_split(name)]
    for name in new:
        surname_first(name)
    return len(new)


def _is_split(name: str) -> bool:
    return name in _SPLIT


def creators(authors: Sequence[str], organizations: Sequence[str] = ()) -> str:
    """The Authors column, as Zotero's Creator column: "Baev", "Baev and Berg", "Baev et al."; an
    article by an organisation only shows its name."""
    if not authors:
        return "; ".join(organizations)
    if len(authors) == 1:
        return surname(authors[0])
    if len(authors) == 2:
        return f"{surname(authors[0])} and {surname(authors[1])}"
    return f"{surname(authors[0])} et al."


_SPLIT: set[str] = set()  # the names split so far (a set: its membership test is safe from any thread)


def _person(name: str) -> tuple[str, str, str, str] | None:
    """(family, given, particle, suffix), or None for a name to show as written."""
    _SPLIT.add(name)
    if not name.strip() or _FAMILY_FIRST_SCRIPT.search(name):
        return None
    parsed = person_to_csl(name) or {}
    family = str(parsed.get("family") or "").strip()
    if not family:
        return None
    particle = " ".join(
        str(parsed[key]).strip() for key in ("non-dropping-particle", "dropping-particle") if parsed.get(key)
    )
    return family, str(parsed.get("given") or "").strip(), particle, str(parsed.get("suffix") or "").strip()
