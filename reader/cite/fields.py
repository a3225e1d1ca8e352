"""Reading values out of CSL-JSON items for citations and exports: text, dates, names as Zotero holds them.

Text keeps every character as stored: only runs of ASCII white space (spaces, tabs, line breaks) become
one space, so an ideographic space (``北へ移る\u3000潮見``) or a no-break space survives; ``str.split()``
would have eaten both.
"""

from __future__ import annotations

import re
from typing import Any

_ASCII_SPACE_RE = re.compile(r"[ \t\n\r\f\v]+")
_ASCII_SPACE = " \t\n\r\f\v"


def text(value: Any) -> str | None:
    """``value`` as one line of text (ASCII white-space runs made one space, trimmed), or None if empty."""
    if value is None:
        return None
    cleaned = _ASCII_SPACE_RE.sub(" ", str(value)).strip(_ASCII_SPACE)
    return cleaned or None


def date_tuple(value: Any) -> tuple[int, ...] | None:
    """(Y,), (Y, M) or (Y, M, D) from a CSL date object."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if not parts or not isinstance(parts, list) or not parts[0]:
        return None
    try:
        numbers = tuple(int(p) for p in parts[0][:3])
    except (TypeError, ValueError):
        return None
    return numbers or None


def iso_date(value: Any) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from a CSL date object."""
    parts = date_tuple(value)
    if not parts:
        return None
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def zotero_name(name: dict[str, Any]) -> tuple[str, str]:
    """(first, last) as a Zotero user holds a CSL name: the non-dropping particle before the family name
    (no space after an apostrophe or hyphen: ``d'Ambrogio``), the dropping particle after the given name,
    and a suffix after a comma (``Martin Luther, Jr.``), which is where citeproc-js looks for it."""
    if name.get("literal"):
        return "", text(name["literal"]) or ""
    particle = text(name.get("non-dropping-particle")) or ""
    family = text(name.get("family")) or ""
    joiner = "" if not particle or particle.endswith(("'", "\u2019", "-")) else " "
    last = f"{particle}{joiner}{family}" if particle else family
    given = " ".join(p for p in (text(name.get("given")), text(name.get("dropping-particle"))) if p)
    suffix = text(name.get("suffix"))
    if suffix:
        given = f"{given}, {suffix}" if given else suffix
    return given, last
