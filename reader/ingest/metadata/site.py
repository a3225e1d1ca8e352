"""The page's site: the publication a reader cites, not its owner, host platform, edition or section.

og:site_name first, unless the JSON-LD publisher, the app name, the feed or the title tag show it names an
edition or a section while they name the site; a hosting platform (Medium) yields to the publication on
it.  When nothing declares a site, the headline module takes it from the title, and
:func:`site_from_page_chrome` from the logo link or spells out an acronym from the copyright line.
"""

from __future__ import annotations

import re

from reader.ingest.metadata.page import Page
from reader.ingest.metadata.scan import short_text
from reader.ingest.metadata.site_names import (
    is_hosting_platform,
    matches_site_name,
    name_like,
    names_host,
    plausible_site,
    site_from_feed_titles,
    site_from_url_string,
    tidy_site,
)
from reader.ingest.metadata.text import fold
from reader.ingest.metadata.titles import split_title
from reader.ingest.metadata.vocabulary import GENERIC_BRANDS, SECTION_WORDS, SITE_METAS

DOMAIN_SUFFIX = re.compile(
    r"\.(?:com|net|org|fr|de|cz|es|it|nl|co\.uk|uk|ru|pl|ch|at|be|se|no|dk|fi|pt|br|jp|cn)$", re.IGNORECASE
)

# A publisher named like a company is the owner ("Wikimedia Foundation, Inc."), not the site a reader cites.
CORPORATE = re.compile(
    r"\b(?:inc|ltd|llc|plc|gmbh|corp|corporation|foundation|holdings|group|company|"
    r"limited|s\.a|ag|media|medien|verlag|publishing|publications|enterprises)\b\.?",
    re.IGNORECASE,
)
BRAND_CLASS = re.compile(
    r"(?:^|\s)(?:navbar-brand|brand|site-title|site-name|site-logo|logo|masthead|site-branding|"
    r"header-logo|logo-link|brand-name)(?:\s|$)",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(
    r"©\s*(?:copyright\s*)?(?:\d{4}(?:\s*[–-]\s*\d{4})?\s*[,.]?\s*)?"
    r"([^\W\d][^·|•\n]{1,60}?)\s*(?:[·|•.]|all rights|$)",
    re.IGNORECASE,
)


def decide_site(page: Page) -> None:
    """The first plausible site name among the declared ones, in the order the module docstring gives."""
    s = page.signals
    cjk = page.is_cjk()
    candidates = [(s.meta("og:site_name"), "og:site_name")]
    if page.ld.publisher and not CORPORATE.search(page.ld.publisher):
        # The publisher's own brand; a company name ("… Media Group, Inc.") is only the owner.
        candidates.append((page.ld.publisher, "json-ld"))
    candidates.append((page.ld.website, "json-ld"))
    candidates += [(s.meta(name), source) for name, source in SITE_METAS[1:]]
    if (
        is_hosting_platform(candidates[0][0])
        and page.ld.publisher
        and not is_hosting_platform(page.ld.publisher)
    ):
        candidates.insert(0, (page.ld.publisher, "json-ld"))  # a Medium publication: cite the publication
    og_name, publisher = candidates[0][0], page.ld.publisher
    if og_name and publisher and fold(DOMAIN_SUFFIX.sub("", og_name)) == fold(publisher) != fold(og_name):
        candidates.insert(0, (publisher, "json-ld"))  # "Libération.fr" is the website of "Libération"
    if og_name and og_name == og_name.lower():
        # "pcgamer" beside "PC Gamer" in the publisher or title tag: the same name, as it is written.
        pieces = split_title(s.title_tag or "")
        ends = [(pieces[-1], "title-suffix"), (pieces[0], "title-prefix")] if len(pieces) > 1 else []
        for value, source in [(publisher, "json-ld"), *ends]:
            if value and value != og_name and _compact(value) == _compact(og_name):
                candidates.insert(0, (value, source))
                break
    feed = site_from_feed_titles(s.feed_titles)
    declared = s.meta("og:site_name")
    if declared and not is_hosting_platform(declared) and not _corroborated(page, declared):
        # og:site_name naming an edition or a section ("U.S.", "Technology Review" on heise.de) while
        # the publisher, app name or feed agrees with the host or the title tag: cite the latter.
        pieces = split_title(s.title_tag or "")
        # "Headline | News Center | Stanford Medicine": a section's generic label names no publication.
        last_piece = pieces[-1] if len(pieces) > 2 and _section_label(declared) else None
        for value, source in [
            *candidates[1:],
            (feed, "link:alternate-feed"),
            (last_piece, "title-suffix"),
        ]:
            if value and fold(value) != fold(declared) and names_host(value, page.meta.url):
                candidates.insert(0, (value, source))
                break
    for value, source in candidates:
        if not value:
            continue
        value = " ".join(value.split())
        host = site_from_url_string(value)
        if host:
            page.set("site", host, source)
            return
        if plausible_site(value, page_is_cjk=cjk):
            page.set("site", tidy_site(value), source)
            return


def _corroborated(page: Page, name: str) -> bool:
    """Whether a site name is the URL's host or an end piece of the title tag."""
    pieces = split_title(page.signals.title_tag or "")
    ends = (pieces[0], pieces[-1]) if len(pieces) > 1 else ()
    return matches_site_name(name, ends, page.meta.url) or names_host(name, page.meta.url)


def site_from_page_chrome(page: Page, acronym: str | None = None) -> None:
    """The site's name in its logo/brand link or its copyright line, when nothing declares it
    (or only an acronym does: "CCPR" becomes the "Caldrenne Centre for Policy Research" it stands for)."""
    cjk = page.is_cjk()
    names = [
        (short_text(el, 80), "site-brand")
        for el in page.scan.brands[:20]
        if BRAND_CLASS.search(" ".join(filter(None, (el.get("class"), el.get("id")))))
    ]
    if acronym:
        # A copyright line names the owner, often a company: only good to spell out an acronym.
        for node in page.body.xpath("//text()[contains(., '©')]")[:5]:
            match = COPYRIGHT.search(str(node))
            names.append((match.group(1).strip() if match else None, "copyright-line"))
    for text, source in names:
        if not text or not name_like(text) or fold(text) in GENERIC_BRANDS:
            continue
        if not plausible_site(text, page_is_cjk=cjk):
            continue
        if acronym and _initials(text) != acronym.upper():
            continue
        page.set("site", text, source)
        return


def _section_label(name: str) -> bool:
    """A label made only of generic words ("News Center", "U.S.", "World Edition"), not a publication."""
    words = fold(name).split()
    return bool(words) and all(word in SECTION_WORDS for word in words)


def _compact(name: str) -> str:
    """A name folded with its spaces and punctuation gone ("PC Gamer" and "pcgamer" agree)."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())
