"""The page's authors (persons) and the organisations credited beside or instead of them.

The first structured source that names a person wins (JSON-LD, author meta tags, ``itemprop=author``,
``rel=author`` links); the visible byline replaces it when it credits everyone it names and more, or when
the meta tag is a theme's leftover.  Agencies and publishers go to the organisations.  A personal site
with no byline is written by its owner.
"""

from __future__ import annotations

import re

from reader.ingest.metadata.bylines import (
    BylineFound,
    find_byline_naming,
    find_class_byline,
    find_text_byline,
)
from reader.ingest.metadata.names import dedupe, split_names
from reader.ingest.metadata.page import Page
from reader.ingest.metadata.scan import short_text
from reader.ingest.metadata.text import fold, heading_text
from reader.ingest.metadata.url import is_absolute
from reader.ingest.metadata.vocabulary import AUTHOR_METAS, ONE_PERSON_SOURCES

# A host name inside a credited name ("Deutsche Welle (www.dw.com)", "… - ICI.Radio-Canada.ca").
HOST_IN_NAME = re.compile(r"(?<![@\w])(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,13}\b(?!@)")
TRUNCATED = re.compile(r"\w(?:\.\.\.?|…)(?:\s|$)")
EMAIL_ADDRESS = re.compile(r"\S+@\S+")
LINK = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
OWNED_SITE = re.compile(r"^([^\W\d][\w.\- ]{2,40}?)[’']s\s+\w")


def decide_authors(page: Page) -> None:
    """The persons credited (structured sources, else or beside them the visible byline) and the bodies."""
    site = page.meta.site
    orgs: list[str] = list(page.ld.organizations)
    persons: list[str] = []
    source = ""
    for names, origin in _structured_author_sources(page):
        found_persons, found_orgs = _split_all(page, names, site, single=origin in ONE_PERSON_SOURCES)
        orgs += found_orgs
        if found_persons:
            persons, source = found_persons, origin
            break
    page.byline = _visible_byline(page, site, persons)
    if source.startswith("meta:") and source[5:] in page.signals.value_only and not page.byline.persons:
        # <meta name="author" value="…">, a theme's leftover credit: the page's own byline wins.
        shown = _visible_byline(page, site, [])
        if shown.persons:
            page.byline, persons = shown, []
    if page.byline.elements:
        page.meta.consumed.extend(page.byline.elements)
    if page.byline.persons and (not persons or _extends(persons, page.byline.persons)):
        # The visible byline, when it credits everyone the metadata names and more ("By A and B"
        # beside <meta name="author" content="A">), is the complete list in byline order.
        persons, source = page.byline.persons, page.byline.source
    # The byline's agencies ("By Jane Doe, Reuters") are credited beside its persons, or alone.
    orgs += page.byline.organizations
    persons = dedupe(persons)
    if persons:
        page.set("authors", persons, source)
    orgs = dedupe(orgs)
    if orgs:
        page.meta.organizations = orgs


def decide_site_owner_author(page: Page) -> None:
    """A personal site with no byline is written by its owner ("Gregory Szorc's Digital Home")."""
    if page.meta.authors or page.meta.organizations:
        return
    owner = _site_owner(page.meta.site)
    if owner:
        page.set("authors", [owner], "site-owner")


def _structured_author_sources(page: Page) -> list[tuple[list[str], str]]:
    s = page.signals
    sources: list[tuple[list[str], str]] = []
    if page.ld.persons:
        sources.append((page.ld.persons, "json-ld"))
    editors = {fold(v) for v in s.metas.get("editor", ())}
    for name in AUTHOR_METAS:
        values = [v for v in s.metas.get(name, ()) if v and not is_absolute(v) and not v.startswith("@")]
        # "고든의 블.. | 블로그": a name cut short by the platform is no name; the byline has it whole.
        values = [v for v in values if not TRUNCATED.search(v)]
        # The same name in <meta name="editor"> is the desk editor who filed the page, not its author.
        values = [v for v in values if fold(v) not in editors]
        if values:
            sources.append((values, f"meta:{name}"))
    for el in s.itemprops.get("author", []) + s.itemprops.get("creator", []):
        names = el.xpath(".//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' name ')]")
        text = heading_text(names[0]) if names else short_text(el, 120)
        if text:
            sources.append(([text], "itemprop-author"))
    links = [heading_text(a) for a in s.rel_author]
    links = [t for t in links if t and len(t) <= 80]
    if links:
        sources.append((links[:5], "rel-author"))
    return sources


def _split_all(
    page: Page, names: list[str], site: str | None, *, single: bool
) -> tuple[list[str], list[str]]:
    persons: list[str] = []
    orgs: list[str] = []
    for name in names:
        if _names_a_host(name):
            orgs.append(_without_hosts(name))  # "Deutsche Welle (www.dw.com)": a publisher, not a person
            continue
        found_persons, found_orgs = split_names(name, site=site, single=single)
        persons += found_persons
        orgs += found_orgs
    return dedupe(persons), dedupe([o for o in orgs if o])


def _visible_byline(page: Page, site: str | None, known: list[str]) -> BylineFound:
    """The byline shown on the page: when the authors are already known, only a line naming them
    (a teaser's byline elsewhere on the page must not be taken, nor removed from the article)."""
    if known:
        return find_byline_naming(page.scan, site, known)
    found = find_class_byline(page.scan, site)
    if found.persons:
        return found
    text_found = find_text_byline(page.scan, site)
    if text_found.persons or text_found.organizations:
        return text_found
    return found


def _site_owner(site: str | None) -> str | None:
    """The person a personal site is named after ("Jane Doe's Notebook" → "Jane Doe"); two words at least."""
    match = OWNED_SITE.match(site or "")
    if not match:
        return None
    name = match.group(1)
    if len(name.split()) < 2 or not all(w[:1].isupper() for w in name.split()):
        return None
    persons, orgs = split_names(name, single=True)
    return persons[0] if persons == [name] and not orgs else None


def _names_a_host(name: str) -> bool:
    """A bare host name in a credit ("(www.dw.com)"); a person's home page URL or e-mail is not one."""
    return bool(HOST_IN_NAME.search(LINK.sub(" ", EMAIL_ADDRESS.sub(" ", name))))


def _without_hosts(name: str) -> str:
    """A credited body's name without the host names and brackets around it."""
    text = HOST_IN_NAME.sub(" ", EMAIL_ADDRESS.sub(" ", name))
    text = re.sub(r"[()\[\]]", " ", text)
    return " ".join(text.split()).strip(" -–—|,;:©") or ""


def _extends(names: list[str], longer: list[str]) -> bool:
    keys = {fold(n) for n in names}
    return len(longer) > len(names) and keys <= {fold(n) for n in longer}
