"""Titles: splitting a title at its separators and removing the " | Site" decoration.

Owns: splitting a title at its separators (" | ", " - ", " :: ", " — ", " » ", "_" …), deciding whether
an end piece is the site name (it equals the site, the domain, a credited author, or the rest of the title
is confirmed by the h1 / og:title), a date stamped as a piece, and the site piece of a confirmed title.
"""

from __future__ import annotations

import re
import unicodedata

from reader.ingest.metadata.dates import find_written_date
from reader.ingest.metadata.site_names import matches_site, plausible_site, site_keys
from reader.ingest.metadata.text import fold, squash
from reader.ingest.scripts import CJK_LETTERS

# A full-width colon is a separator only after a space ("見出し　：日本経済新聞"); inside a CJK headline
# ("外国专家：中美合作…") it is part of the sentence.
SEPARATOR = re.compile(
    r"\s+(?:\||-|–|—|::|·|•|/|»|«|>|<|~|\\|:)\s+|\s*(?:\||｜|_)\s*(?=\S)|[\s\u3000]+：[\s\u3000]*(?=\S)"
)

# Decoration before the headline ("» Going mobile in 1998" when the blog's name before it is empty).
LEADING_JUNK = re.compile(r"^[\s\u3000»«|•·:>~\-–—]+")

# A photo credit glued to a Japanese headline: "…の成否（写真＝ロイター）".
PHOTO_CREDIT = re.compile(r"[\s\u3000]*[（(](?:写真|画像|撮影)\s*[＝=：:][^）)]{1,40}[）)][\s\u3000]*$")
_DATE_RESIDUE = re.compile(
    r"[\d\W_]+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:updated|published|am|pm)\b",
    re.IGNORECASE,
)


def split_title(title: str) -> list[str]:
    """Pieces of a title between its separators (a plain hyphenated word is not split)."""
    pieces = [p.strip() for p in SEPARATOR.split(title)]
    return [p for p in pieces if p]


def clean_title(
    title: str,
    *,
    site: str | None = None,
    url: str | None = None,
    confirmations: tuple[str | None, ...] = (),
    authors: tuple[str, ...] = (),
    guess: bool = False,
    other_names: tuple[str, ...] = (),
) -> tuple[str, str | None]:
    """``(title without site decoration, the removed site part or None)``.

    A leading or trailing piece is removed when it is the site name or domain, a credited
    author ("… | by Jane Doe | Medium"), or when the remaining part equals a confirming
    headline (h1, og:title).  With ``guess`` (a bare title tag, nothing to compare with),
    a short last piece after a long headline goes too ("Lorem ipsum dolor sit amet – My website").
    """
    title = tidy_headline(squash(unicodedata.normalize("NFC", title)))
    confirm = {fold(c) for c in confirmations if c}
    confirm.discard("")
    if fold(title) in confirm:
        return title, None
    keys = site_keys(site, url, other_names)
    people = {fold(a) for a in authors if a}
    removed: str | None = None
    changed = False
    confirmed = _confirmed_piece(title, confirm)
    if confirmed is not None:
        return tidy_headline(confirmed[0]), confirmed[1]
    for _ in range(4):
        pieces = _split_positions(title)
        if not pieces:
            break
        head_end, tail_start = pieces[-1]
        head, tail = title[:head_end].strip(), title[tail_start:].strip()
        first_end, first_rest = pieces[0]
        first, rest = title[:first_end].strip(), title[first_rest:].strip()
        if tail and head and date_piece(tail):
            title = head  # "Headline | DW | 19.01.2020": the date is the page's stamp, not the headline
            continue
        if (
            tail
            and head
            and (
                matches_site(tail, keys) or _is_person_piece(tail, people) or _confirmed(head, tail, confirm)
            )
        ):
            title, removed = head, removed if _is_person_piece(tail, people) else (removed or tail)
            changed = True
            continue
        if first and rest and (matches_site(first, keys) or _confirmed(rest, first, confirm)):
            title, removed = rest, removed or first
            changed = True
            continue
        break
    if guess and not changed:
        title, removed = _guess_suffix(title)
    return tidy_headline(title), removed


def tidy_headline(title: str) -> str:
    """A headline without leading separator junk and without a photo credit glued to its end."""
    cleaned = PHOTO_CREDIT.sub("", LEADING_JUNK.sub("", title))
    return cleaned.strip(" \u3000") or title


def date_piece(piece: str) -> str | None:
    """``YYYY-MM-DD`` when a title piece is only a date ("19.01.2020", "Jan 19, 2020"), else None."""
    if len(piece) > 32 or not any(ch.isdigit() for ch in piece):
        return None
    if len(_DATE_RESIDUE.sub("", piece)) > 3:
        return None
    return find_written_date(piece)


def _confirmed_piece(title: str, confirm: set[str]) -> tuple[str, str | None] | None:
    """ "Headline | Section | Site" where the h1 says "Headline": the headline, and the last piece."""
    positions = _split_positions(title)
    for start, end in positions:
        head, tail = title[:start].strip(), title[end:].strip()
        if _confirmed(head, tail, confirm):
            return head, split_title(tail)[-1] if tail else None
    for start, end in reversed(positions):
        head, tail = title[:start].strip(), title[end:].strip()
        # "Site | Headline": the kept end must be the longer one (a logo h1 often repeats the site).
        if _confirmed(tail, head, confirm) and len(tail) >= len(head):
            return tail, split_title(head)[0] if head else None
    return None


def _confirmed(kept: str, dropped: str, confirm: set[str]) -> bool:
    # A confirming headline never leaves a stub: "V8" must not replace "Outside the web: … · V8".
    return fold(kept) in confirm and len(kept) * 2 >= len(dropped)


def _is_person_piece(piece: str, people: set[str]) -> bool:
    key = fold(piece)
    if key.startswith("by "):
        key = key[3:]
    return bool(people) and key in people


_STRONG_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")


def _guess_suffix(title: str) -> tuple[str, str | None]:
    """Readability's rule for an unconfirmed title tag: drop a short last piece after a long headline."""
    if CJK_LETTERS.search(title):
        return _guess_cjk_suffix(title)
    matches = list(_STRONG_SEPARATOR.finditer(title))
    if not matches:
        return title, None
    last = matches[-1]
    head, tail = title[: last.start()].strip(), title[last.end() :].strip()
    if len(head.split()) >= 4 and 1 <= len(tail.split()) <= 4 and len(tail) < len(head):
        return head, tail
    return title, None


def _guess_cjk_suffix(title: str) -> tuple[str, str | None]:
    """ "港特首…道歉 - BBC中文网 - 两岸三地": a long CJK headline, then short site and section names.

    Characters, not words, measure CJK text; every trailing piece must be short beside the headline.
    """
    matches = list(_STRONG_SEPARATOR.finditer(title))
    if not matches or len(matches) > 3:
        return title, None
    head = title[: matches[0].start()].strip()
    tails = [p.strip() for p in _STRONG_SEPARATOR.split(title[matches[0].end() :]) if p.strip()]
    if len(head) >= 8 and tails and all(len(t) <= 10 and len(t) * 2 <= len(head) for t in tails):
        return head, tails[0]
    return title, None


def _split_positions(title: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SEPARATOR.finditer(title) if m.start() > 0 and m.end() < len(title)]


def title_suffix_site(
    title: str | None, confirmations: tuple[str | None, ...], *, page_is_cjk: bool = False
) -> str | None:
    """The site part of a "Headline | Site" title when the headline part is confirmed by the h1/og:title."""
    if not title:
        return None
    positions = _split_positions(title)
    if not positions:
        return None
    confirm = {fold(c) for c in confirmations if c}
    head_end, tail_start = positions[-1]
    head, tail = title[:head_end].strip(), title[tail_start:].strip()
    if fold(head) in confirm and _short_name(tail, head, page_is_cjk):
        return tail
    first_end, rest_start = positions[0]
    first, rest = title[:first_end].strip(), title[rest_start:].strip()
    if fold(rest) in confirm and _short_name(first, rest, page_is_cjk):
        return first
    return None


def _short_name(name: str, headline: str, page_is_cjk: bool = False) -> bool:
    return (
        plausible_site(name, page_is_cjk=page_is_cjk) and len(name.split()) <= 5 and len(name) < len(headline)
    )
