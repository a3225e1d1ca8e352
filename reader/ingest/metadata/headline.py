"""The page's title (its headline as published), the headline element, and the site a title names.

Candidates come from JSON-LD, title meta tags, the title tag and the h1; the first plausible one wins
unless the title tag and the h1 agree on another.  Its " | Site" decoration goes (:mod:`.titles`), and
the piece removed may name the site when nothing declared one; so may the title tag's suffix, the
publisher, the feed, the page's logo or, last, the URL's host.  A text dump's headline is its first
headline-like line, or the line above its byline.
"""

from __future__ import annotations

import re

import lxml.html

from reader.ingest.metadata.jsonld import JsonLdFacts
from reader.ingest.metadata.page import Page
from reader.ingest.metadata.scan import short_text
from reader.ingest.metadata.signals import PageSignals
from reader.ingest.metadata.site import is_acronym, site_from_page_chrome
from reader.ingest.metadata.site_names import (
    name_like,
    plausible_site,
    site_from_feed_titles,
    site_from_url_string,
    tidy_site,
)
from reader.ingest.metadata.text import fold, heading_text
from reader.ingest.metadata.titles import clean_title, split_title, title_suffix_site
from reader.ingest.metadata.vocabulary import TITLE_METAS
from reader.ingest.scripts import is_cjk_text


def decide_title(page: Page) -> None:
    """The title, and the site when the title (or the title tag, the publisher, the feed…) names it."""
    feed = site_from_feed_titles(page.signals.feed_titles)
    confirmations = _confirmations(page)
    _choose_title(page, confirmations, feed)
    _site_named_beside_the_title(page, confirmations, feed)
    if page.is_text_dump():
        _text_dump_headline(page)
    if not page.meta.site or is_acronym(page.meta.site):
        site_from_page_chrome(page, acronym=page.meta.site)
    if not page.meta.site and page.meta.url:
        host = site_from_url_string(page.meta.url)
        if host:
            page.set("site", host, "url-host")  # nothing names the site: cite it by its address


def _title_candidates(page: Page) -> list[tuple[str | None, str]]:
    """(title, source) in order of trust: JSON-LD, the title meta tags, the title tag, the h1."""
    s = page.signals
    candidates: list[tuple[str | None, str]] = [(page.ld.headline, "json-ld")]
    candidates += [(s.meta(name), source) for name, source in TITLE_METAS]
    candidates += [(s.title_tag, "title-tag")]
    if page.h1 is not None:
        candidates.append((heading_text(page.h1), "h1"))
    return candidates


def _choose_title(page: Page, confirmations: tuple[str | None, ...], feed: str | None) -> None:
    """The first plausible candidate, cleaned of its site decoration (which may name the site)."""
    s = page.signals
    candidates = _title_candidates(page)
    h1_text = heading_text(page.h1) if page.h1 is not None else None
    # When the title tag and the headline agree, a metadata title saying something else is a
    # social/SEO variant ("If You Can Picture A Tarot Card…"): the agreed headline is the one published.
    anchors = s.title_tag if s.title_tag and h1_text and fold(h1_text) in fold(s.title_tag) else None
    for value, source in candidates:
        if not value or not value.strip() or not _plausible_title(value, page.is_cjk()):
            continue
        whole = _completed(value, candidates)
        if whole is not None:
            value, source = whole  # "… for Hong Kong leader..." and the title tag has the whole headline
        if source not in {"title-tag", "h1"} and anchors and not _agrees(value, anchors):
            continue
        if source == "title-tag" and h1_text and _generic_title(value, h1_text):
            continue  # an app shell's "<title>CCPR</title>": the headline is the h1
        title, removed = clean_title(
            value,
            site=page.meta.site,
            url=page.meta.url,
            confirmations=tuple(c for c in confirmations if c != value),
            authors=tuple(page.meta.authors),
            guess=source == "title-tag",
            # A blog inside a larger site ("Mathias Brunet" on "Blogues de La Presse") ends its titles
            # with the blog's own name, which its feed gives.
            other_names=(feed,) if feed and page.meta.site else (),
        )
        if title and removed and source != "h1" and h1_text and _extends_headline(h1_text, title):
            # "Meta Outage Hits … Messenger | Kulu Media" copied from the <title> into the JSON-LD is the
            # SEO title; the shown headline that begins with it and says more is the one published.
            title, source = " ".join(h1_text.split()), "h1"
        if title:
            page.set("title", title, source)
            _site_from_removed_piece(page, value, title, removed)
            return


def _site_from_removed_piece(page: Page, value: str, title: str, removed: str | None) -> None:
    """The " | Site" piece the title lost names the site, when nothing declared one."""
    if (
        removed
        and not page.meta.site
        and plausible_site(removed, page_is_cjk=page.is_cjk())
        and (not _guessed_suffix(value, title, page.meta.site) or name_like(removed))
    ):
        page.set("site", removed, "title-suffix")


def _site_named_beside_the_title(page: Page, confirmations: tuple[str | None, ...], feed: str | None) -> None:
    """Without a site yet: the title tag's confirmed suffix, else the JSON-LD publisher, else the feed."""
    s = page.signals
    if not page.meta.site and s.title_tag:
        suffix = title_suffix_site(s.title_tag, confirmations, page_is_cjk=page.is_cjk())
        if suffix and plausible_site(suffix, page_is_cjk=page.is_cjk()):
            page.set("site", suffix, "title-suffix")
    if not page.meta.site and page.ld.publisher and plausible_site(page.ld.publisher):
        page.set("site", tidy_site(page.ld.publisher), "json-ld")  # the owner, when nothing names the site
    if not page.meta.site and feed and plausible_site(feed, page_is_cjk=page.is_cjk()):
        page.set("site", feed, "link:alternate-feed")  # "Boing Boing » Feed": the site names itself


def _text_dump_headline(page: Page) -> None:
    """A text dump's headline: its first headline-like line, or the line above its byline."""
    if not page.meta.title:
        line = _first_heading_line(page)
        if line is not None:
            page.set("title", heading_text(line), "first-line")
            page.meta.consumed.append(line)
    _headline_above_byline(page)


def _confirmations(page: Page) -> tuple[str | None, ...]:
    s = page.signals
    h1 = heading_text(page.h1) if page.h1 is not None else None
    return (h1, page.ld.headline, s.meta("og:title"), s.meta("twitter:title"), s.meta("citation_title"))


def _headline_above_byline(page: Page) -> None:
    """In a text dump the headline is the line right above "Posted … by …"; a line above that
    (taken for the title when the dump was read) is the site's name."""
    if page.byline is None or not page.byline.elements:
        return
    above = page.byline.elements[0].getprevious()
    first = page.h1 if page.h1 is not None else next(iter(page.meta.consumed), None)
    if above is None or first is None or above is first or above.tag not in {"p", "h2", "h3", "div"}:
        return
    headline = heading_text(above)
    between = _chrome_lines_between(first, above)
    if not _headline_like(headline) or between is None:
        return
    old_title = heading_text(first)
    page.set("title", headline, "text-headline")
    # The lines between the site's name and the headline are the page's menu ("Menu", "Search" …).
    page.meta.consumed.extend(el for el in (first, *between, above) if el not in page.meta.consumed)
    if not page.meta.site and plausible_site(old_title, page_is_cjk=page.is_cjk()):
        page.set("site", old_title, "text-first-line")


def _chrome_lines_between(
    first: lxml.html.HtmlElement, last: lxml.html.HtmlElement
) -> list[lxml.html.HtmlElement] | None:
    """The few short lines between two sibling lines, or None when prose (or too much) stands there."""
    lines: list[lxml.html.HtmlElement] = []
    for el in first.itersiblings():
        if el is last:
            return lines
        text = short_text(el, 120)
        if text is None or len(lines) >= 6 or text.endswith((".", "!", "?")):
            return None
        lines.append(el)
    return None


def main_h1(
    signals: PageSignals, ld: JsonLdFacts, body: lxml.html.HtmlElement
) -> lxml.html.HtmlElement | None:
    """The headline among the page's h1s: the one the title tag or og:title repeats, else the first."""
    s = signals
    reference = _tokens(" ".join(filter(None, (s.title_tag, s.meta("og:title"), ld.headline))))
    best: lxml.html.HtmlElement | None = None
    best_score = -1.0
    for h1 in s.h1s[:6]:
        words = _tokens(heading_text(h1))
        if not words or len(words) > 60:
            continue
        score = len(words & reference) / len(words) if reference else 0.0
        if _is_logo(h1):
            score -= 0.5
        if score > best_score + 0.2 or best is None:
            best, best_score = h1, score
    return best if best is not None else _title_piece_heading(signals, body)


def _title_piece_heading(signals: PageSignals, body: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """Without an h1, the h2/h3 repeating a piece of the title tag ("Site | Headline") is the headline."""
    pieces = split_title(signals.title_tag or "")
    if len(pieces) < 2:
        return None
    keys = {fold(piece) for piece in pieces if len(piece.split()) >= 2}
    found: list[tuple[int, lxml.html.HtmlElement]] = []
    for count, heading in enumerate(body.iter("h2", "h3")):
        if count >= 15:
            break
        text = short_text(heading, 300)
        if text and fold(text) in keys:
            found.append((len(text), heading))
    # A blog's name may sit in a heading too: the headline is the longer piece.
    return max(found, key=lambda item: item[0])[1] if found else None


def _first_heading_line(page: Page) -> lxml.html.HtmlElement | None:
    """In a plain-text dump: the first short line that reads like a headline."""
    cjk = page.is_cjk()
    seen = 0
    for el in page.body.iter("p", "div", "h2", "h3", "pre", "li"):
        if len(el) and any(isinstance(c.tag, str) and c.tag in {"p", "div"} for c in el):
            continue
        text = heading_text(el)
        if not text:
            continue
        seen += 1
        if seen > 6:
            break
        words = text.split()
        if not cjk and is_cjk_text(text):
            continue  # an injected spam run, not a headline
        if 2 <= len(words) <= 30 and len(text) <= 250 and not text.endswith((".", ":", ";")):
            return el
    return None


def _extends_headline(h1_text: str, title: str) -> bool:
    """Whether the shown headline is ``title`` with more words after it (never a different headline)."""
    longer, shorter = fold(" ".join(h1_text.split())), fold(title)
    if len(longer) > 2 * len(shorter):
        return False
    return len(longer) > len(shorter) + 3 and longer.startswith(shorter + " ")


def _completed(value: str, candidates: list[tuple[str | None, str]]) -> tuple[str, str] | None:
    """The candidate holding whole a headline that ``value`` cuts short with an ellipsis."""
    stripped = value.strip()
    if not stripped.endswith(("...", "…")):
        return None
    stem = fold(stripped.rstrip(".… "))
    if len(stem) < 10:
        return None
    for other, source in candidates:
        if other and fold(other).startswith(stem) and len(fold(other)) > len(stem) + 2:
            return other, source
    return None


def _plausible_title(value: str, cjk: bool) -> bool:
    value = value.strip()
    if len(value) > 400:
        return False
    return cjk or not is_cjk_text(value)


def _generic_title(title: str, headline: str) -> bool:
    """A title tag that names the app or site, not the article: short and sharing no word with the h1."""
    title_words, headline_words = len(title.split()), len(headline.split())
    short = (title_words == 1 and headline_words >= 3) or (title_words == 2 and headline_words >= 4)
    return short and not (_tokens(title) & _tokens(headline))


def _headline_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 30 and len(text) <= 250 and not text.endswith((".", ":", ";", ","))


def _guessed_suffix(value: str, title: str, site: str | None) -> bool:
    """Whether the title lost its last piece only by the unconfirmed title-tag rule."""
    return clean_title(value, site=site)[0] != title


def _is_logo(h1: lxml.html.HtmlElement) -> bool:
    """A site-name heading: its whole text is one link, or it sits in the page header/nav."""
    links = h1.findall(".//a")
    if len(links) == 1 and " ".join(links[0].text_content().split()) == " ".join(h1.text_content().split()):
        return True
    label = " ".join(filter(None, (h1.get("class"), h1.get("id")))).lower()
    if re.search(r"logo|site-?title|site-?name|brand|masthead", label):
        return True
    return any(
        anc.tag in {"header", "nav"} and not anc.xpath("ancestor::article")
        for anc in h1.iterancestors()
        if anc.tag in {"header", "nav"}
    )


_WORDS = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str | None) -> set[str]:
    return {w for w in _WORDS.findall((text or "").casefold()) if len(w) > 1 or not w.isascii()}


def _agrees(value: str, anchors: str) -> bool:
    """Whether a candidate title shares at least half of its words with the title tag / headline."""
    words = _tokens(value)
    if not words:
        return False
    if is_cjk_text(value):
        return any(ch in anchors for ch in value if not ch.isspace())
    return len(words & _tokens(anchors)) >= 0.5 * len(words)
