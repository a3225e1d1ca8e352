"""The site's name as the publication spells it, when the name decided so far is only a stand-in for it.

After :mod:`.site` and :mod:`.headline` have decided the site, the name may still be a section label
("U.S." on reuters.com), a domain ("computerbild.de", "WSJ.com", the address's host when nothing else
named the site), an abbreviation ("BMFSFJ", "hpd") or a name with its tagline ("Fone Arena – The Mobile
Blog").  The page usually spells the publication out somewhere else: the JSON-LD publisher, the
``application-name``, an end piece of the title tag, the logo's alt text, the copyright line, the feed.
:func:`spell_out_site` looks there, in that order, and takes

* for a section label or a host: the first name that spells the address's domain;
* for a domain in lower case: the name whose letters are the domain's, written apart ("COMPUTER BILD" for
  computerbild.de; "skispringen" for skispringen.com says no more than the address);
* for an abbreviation: the name it abbreviates ("The Wall Street Journal" for WSJ, "Humanistischer
  Pressedienst" for hpd: each word's initial in turn, compound words giving more than one letter);
* for "Name – Tagline": the name, when another of the page's names is the name alone.

A site it changes keeps its evidence (``evidence["site"]``): the name taken, where, and the one set aside.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from reader.ingest.metadata.page import Page
from reader.ingest.metadata.scan import short_text
from reader.ingest.metadata.site_names import (
    name_like,
    names_host,
    plausible_site,
    site_from_feed_titles,
)
from reader.ingest.metadata.text import fold
from reader.ingest.metadata.titles import split_title
from reader.ingest.metadata.vocabulary import ACRONYM_SKIPPABLE_WORDS, GENERIC_BRANDS, SECTION_WORDS

_TLD = re.compile(r"\.(?:[a-z]{2,10}|co\.[a-z]{2}|com\.[a-z]{2})$", re.IGNORECASE)
_LOGO_WORDS = re.compile(
    r"^(?:(?:das|the|le|la)\s+)?logo(?:\s+(?:des|der|von|of|de|du|de\s+la|del|della|van))?\s*[:\-–]?\s*|"
    r"\s*[\-–|:]?\s*(?:logo|home(?:page)?|startseite|accueil)$",
    re.IGNORECASE,
)
_TAGLINE = re.compile(r"^(?P<name>.{2,40}?)\s+[\-–—|:·]\s+(?P<tagline>.+)$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[–\-]\s*\d{4})?\s*[,.]?\s*)?"
    r"(?P<name>[^\W\d][^·|•\n©]{1,60}?)\s*(?:[·|•.,]|all rights|alle rechte|tous droits|$)",
    re.IGNORECASE,
)
_TRAILING_YEARS = re.compile(r"[\s,]*(?:19|20)\d\d(?:\s*[–\-]\s*(?:19|20)?\d\d)?$")
MAX_LOGOS = 12
MAX_COPYRIGHT_LINES = 6


def spell_out_site(page: Page) -> None:
    """Replace a stand-in site name (section, domain, abbreviation, name with tagline) by the name the
    page spells out, keeping both in the site's evidence."""
    site = page.meta.site
    source = page.meta.provenance.get("site", "")
    url = page.meta.url
    if site is None and not url:
        found = _first_named_in_chrome(page)
        reason = "nothing else names the site: its logo or copyright line does"
    elif site is None or source == "url-host":
        found = _first(_names(page), lambda name: names_host(name, url) and not _section_label(name))
        reason = "the page's own name for the site at this address"
    elif _section_label(site):
        found = _first(_names(page), lambda name: names_host(name, url) and not _section_label(name))
        reason = f"{site!r} names a section, not the publication"
    elif _domain_like(site):
        found = _spelled_domain(page, site)
        reason = f"{site!r} is the site's address, not its name"
    elif is_abbreviation(site):
        found = _first(_names(page), lambda name: spells_acronym(site, name))
        reason = f"{site!r} abbreviates it"
    else:
        found = _without_tagline(page, site)
        reason = f"{site!r} carries the site's tagline"
    if found is not None and found[0] != site:
        _record(page, found, site, source, reason)


def _record(page: Page, found: tuple[str, str], old: str | None, old_source: str, reason: str) -> None:
    name, source = found
    page.set("site", name, source)
    evidence = [{"value": name, "source": source, "verdict": "chosen", "reason": reason}]
    if old:
        evidence.append({"value": old, "source": old_source or "extracted", "verdict": "set aside"})
    page.meta.evidence["site"] = evidence


def _first(names: Iterator[tuple[str, str]], wanted: Callable[[str], bool]) -> tuple[str, str] | None:
    return next(((name, source) for name, source in names if wanted(name)), None)


def _first_named_in_chrome(page: Page) -> tuple[str, str] | None:
    """A page with no address and no declared site: its logo's alt text, else its copyright line."""
    for name, source in _names(page):
        if source in {"logo-alt", "copyright-line"} and name_like(name) and not _section_label(name):
            return name, source
    return None


def _names(page: Page) -> Iterator[tuple[str, str]]:
    """Every name the page gives itself, most trusted first, each once and each plausible as a site."""
    seen: set[str] = set()
    cjk = page.is_cjk()
    for name, source in _raw_names(page):
        name = " ".join((name or "").split()).strip(" -–|:·")
        key = fold(name)
        if not key or key in seen or key in GENERIC_BRANDS or not plausible_site(name, page_is_cjk=cjk):
            continue
        seen.add(key)
        yield name, source


def _raw_names(page: Page) -> Iterator[tuple[str | None, str]]:
    s = page.signals
    yield s.meta("og:site_name"), "og:site_name"
    yield page.ld.publisher, "json-ld"
    yield page.ld.website, "json-ld"
    yield from ((name, "itemprop-publisher") for name in _microdata_publishers(page))
    yield s.meta("application-name"), "meta:application-name"
    yield s.meta("apple-mobile-web-app-title"), "meta:apple-mobile-web-app-title"
    pieces = split_title(s.title_tag or "")
    if len(pieces) > 1:
        yield pieces[-1], "title-suffix"
        yield pieces[0], "title-prefix"
    yield from ((alt, "logo-alt") for alt in _logo_texts(page))
    yield from ((name, "copyright-line") for name in _copyright_names(page))
    yield site_from_feed_titles(s.feed_titles), "link:alternate-feed"


def _microdata_publishers(page: Page) -> Iterator[str]:
    """``<div itemprop="publisher" itemscope><meta itemprop="name" content="…">``: the publisher block."""
    for block in page.signals.itemprops.get("publisher", [])[:3]:
        for el in block.iter():
            if "name" in (el.get("itemprop") or "").split():
                text = el.get("content") or short_text(el, 80)
                if text:
                    yield text
                break


def _logo_texts(page: Page) -> Iterator[str]:
    """The alt text (or title) of the site's logo images, without "Logo of …"."""
    count = 0
    for el in page.body.iter("img"):
        hints = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("src"))))
        parent = el.getparent()
        if parent is not None:
            hints += " " + " ".join(filter(None, (parent.get("class"), parent.get("id"))))
        if "logo" not in hints.lower() and "brand" not in hints.lower():
            continue
        count += 1
        if count > MAX_LOGOS:
            return
        text = (el.get("alt") or el.get("title") or "").strip()
        if text:
            yield _LOGO_WORDS.sub("", text).strip() or text
    for el in page.scan.brands[:MAX_LOGOS]:
        text = el.get("title") or (short_text(el, 60) if el.tag == "a" else None)
        if text:
            yield _LOGO_WORDS.sub("", text).strip() or text


def _copyright_names(page: Page) -> Iterator[str]:
    nodes = page.body.xpath("//text()[contains(., '©') or contains(., 'opyright')]")
    for node in nodes[:MAX_COPYRIGHT_LINES]:
        parent = node.getparent()
        if parent is not None and parent.tag in {"script", "style"}:
            continue
        match = _COPYRIGHT.search(" ".join(str(node).split()))
        if match:
            yield _TRAILING_YEARS.sub("", match.group("name")).strip()  # "© NHL 2012": the name is "NHL"


def _spelled_domain(page: Page, site: str) -> tuple[str, str] | None:
    """The page's name whose letters are the domain's ("COMPUTER BILD" for computerbild.de), or the name
    a domain-like abbreviation stands for ("The Wall Street Journal" for WSJ.com)."""
    bare = _TLD.sub("", site.strip().removeprefix("www."))
    label = compact(bare.split(".")[-1])
    found = None
    if site == site.lower():  # "IT-Learner.de" is a brand written as an address; "computerbild.de" is not
        found = _first(
            _names(page),
            lambda name: "." not in name and compact(name) == label and fold(name) != label,
        )
    if found is None and is_abbreviation(bare):
        found = _first(_names(page), lambda name: spells_acronym(bare, name))
    return found


def _without_tagline(page: Page, site: str) -> tuple[str, str] | None:
    """ "Fone Arena – The Mobile Blog" is "Fone Arena" when the page also names itself so (its copyright
    line, logo, another tag): the address alone does not say where a name ends and a tagline begins."""
    match = _TAGLINE.match(site)
    if not match or not name_like(match.group("name")):
        return None
    name = match.group("name").strip()
    source = page.meta.provenance.get("site", "extracted")
    others = {fold(other) for other, _ in _names(page) if fold(other) != fold(site)}
    return (name, source) if fold(name) in others else None


def _section_label(name: str) -> bool:
    words = fold(name).split()
    return bool(words) and all(word in SECTION_WORDS for word in words)


def _domain_like(site: str) -> bool:
    """ "computerbild.de", "WSJ.com", "www.example.org": a host written as the site's name."""
    return bool(re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,10}", site.strip(), re.IGNORECASE))


def is_abbreviation(name: str) -> bool:
    """ "BMFSFJ", "WSJ", "hpd", "N.Y.T.": two to eight letters, no vowels' worth of a word, one token."""
    letters = name.replace(".", "")
    if not letters.isalpha() or not 2 <= len(letters) <= 8 or " " in name:
        return False
    return letters.isupper() or (letters.islower() and len(letters) <= 4 and _unpronounceable(letters))


def _unpronounceable(word: str) -> bool:
    """ "hpd", "nzz": too few vowels to be read as a word."""
    vowels = sum(ch in "aeiouy" for ch in word)
    return vowels == 0 or vowels * 3 < len(word) - 1


def compact(name: str) -> str:
    """A name folded with its spaces and punctuation gone ("COMPUTER BILD" and "computerbild" agree)."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def spells_acronym(acronym: str, name: str) -> bool:
    """Whether ``name`` is what ``acronym`` abbreviates: each word's initial in turn (small words may be
    left out), letters from inside a compound word allowed ("Bundesministerium" gives B and M)."""
    letters = "".join(ch for ch in fold(acronym) if ch.isalpha())
    words = [w for w in re.split(r"[^\w]+", fold(name)) if w]
    if not 2 <= len(letters) <= 8 or len(words) < 2 or len(words) > 10 or not _written_as_name(name):
        return False
    return _spells(letters, tuple(words))


def _written_as_name(name: str) -> bool:
    """Each word capitalised but the small ones ("Bundesministerium für Familie, Senioren …")."""
    words = [w for w in re.split(r"[^\w]+", name) if w]
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in ACRONYM_SKIPPABLE_WORDS for w in words)


@cache
def _spells(letters: str, words: tuple[str, ...]) -> bool:
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in ACRONYM_SKIPPABLE_WORDS and _spells(letters, rest):
        return True
    if not letters or word[0] != letters[0]:
        return False
    # The initial, then as many of the next letters as the word holds in order (a compound's parts).
    used, position = 1, 1
    while True:
        if _spells(letters[used:], rest):
            return True
        if used >= len(letters):
            return False
        found = word.find(letters[used], position)
        if found < 0:
            return False
        used, position = used + 1, found + 1
