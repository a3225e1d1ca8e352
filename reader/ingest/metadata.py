"""Citation metadata of a saved page: title, authors, date, site, URL, language, excerpt, series, topics.

Owns :func:`extract_metadata`, which weighs the page's signals (JSON-LD, meta tags, link
relations, the "saved from" comment, visible bylines and series/topic blocks, the title
tag and headings) in order of reliability and records, for each field, the source that
gave it.  It also names the visible elements that are metadata rather than article body
(``Metadata.consumed``) so the cleaner can drop them.  Pure: reads the tree, never edits it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urljoin, urlsplit

import lxml.html

from reader.ingest import meta_blocks
from reader.ingest.meta_authors import dedupe, fold, split_names
from reader.ingest.meta_dates import find_written_date, local_date_for, parse_date, utc_stamp
from reader.ingest.meta_jsonld import JsonLdFacts, read_jsonld
from reader.ingest.meta_lang import guess_language, normalise_language
from reader.ingest.meta_sources import PageSignals, collect_signals, squash
from reader.ingest.meta_title import (
    clean_title,
    date_piece,
    is_cjk_text,
    is_hosting_platform,
    matches_site_name,
    names_host,
    plausible_site,
    site_from_feed_titles,
    site_from_url_string,
    split_title,
    tidy_site,
    title_suffix_site,
)


@dataclass
class Metadata:
    """Citation metadata of one page, each field with its source in ``provenance``."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    date: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    excerpt: str | None = None
    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)
    consumed: list[lxml.html.HtmlElement] = field(default_factory=list)


TITLE_METAS = (
    ("citation_title", "meta:citation_title"),
    ("dc:title", "meta:dc.title"),
    ("dc.title", "meta:dc.title"),
    ("dcterms.title", "meta:dcterms.title"),
    ("og:title", "meta:og:title"),
    ("twitter:title", "meta:twitter:title"),
    ("parsely-title", "meta:parsely-title"),
    ("sailthru.title", "meta:sailthru.title"),
    ("title", "meta:title"),
    ("headline", "meta:headline"),
)
AUTHOR_METAS = (
    "citation_author",
    "dc:creator",
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "og:article:author",
    "citation_authors",
    "cxenseparse:author",
)
# A host name inside a credited name ("Deutsche Welle (www.dw.com)", "… - ICI.Radio-Canada.ca").
HOST_IN_NAME = re.compile(r"(?<![@\w])(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,13}\b(?!@)")
# Sources that hold one person per value: "Ó Briain, Séamus" there is one inverted name, not two.
ONE_PERSON_SOURCES = {
    "json-ld",
    "meta:citation_author",
    "meta:dc:creator",
    "meta:dc.creator",
    "meta:dcterms.creator",
}
DATE_METAS = (
    "article:published_time",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dc.date",
    "dc:date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "datepublished",
    "og:published_time",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "date",
    "dc.date.created",
    "article:published",
    "og:article:published_time",
    "created",
    "displaydate",
    "originalpublicationdate",
    "article:publicationdate",
    "publication_date",
    "publication-date",
    "date.available",
    "citation_cover_date",
    "prism.publicationdate",
    "dc.date.available",
    "eprints.date",
    "bt:pubdate",
    "cxenseparse:recs:publishtime",
)
# /2015/03/18/ or /2015-03-18/ in an article URL is the publication day; nothing shorter is trusted.
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
SITE_METAS = (
    ("og:site_name", "og:site_name"),
    ("citation_journal_title", "meta:citation_journal_title"),
    ("application-name", "meta:application-name"),
    ("al:ios:app_name", "meta:al:ios:app_name"),
    ("apple-mobile-web-app-title", "meta:apple-mobile-web-app-title"),
)
JUNK_TOPIC = re.compile(
    r"^(?:https?://|www\.)|[<>{}=→←»«]|^\W*$|^\d+$|^\w+:\S|^(?:null|none|undefined|untagged|"
    r"uncategori[sz]ed|news|home|article|articles|story|select|show\s+(?:more|all)|see\s+all|"
    r"more|next|previous|prev|read\s+more)$|^(?:next|previous)\s",
    re.IGNORECASE,
)
MAX_TOPICS = 30
DOMAIN_SUFFIX = re.compile(
    r"\.(?:com|net|org|fr|de|cz|es|it|nl|co\.uk|uk|ru|pl|ch|at|be|se|no|dk|fi|pt|br|jp|cn)$", re.IGNORECASE
)
MAX_CONSUMED_CHARS = 600
# A publisher named like a company is the owner ("Wikimedia Foundation, Inc."), not the site a reader cites.
CORPORATE = re.compile(
    r"\b(?:inc|ltd|llc|plc|gmbh|corp|corporation|foundation|holdings|group|company|"
    r"limited|s\.a|ag|media|medien|verlag|publishing|publications|enterprises)\b\.?",
    re.IGNORECASE,
)


def extract_metadata(
    tree: lxml.html.HtmlElement, *, path: str | None = None, body_text: str | None = None
) -> Metadata:
    """The citation metadata of a parsed page (head included, before cleaning). Never raises."""
    try:
        return _Extractor(tree, path, body_text).run()
    except Exception:
        meta = Metadata()
        try:
            title = tree.findtext(".//title")
            meta.title = " ".join(title.split()) if title else None
            if meta.title:
                meta.provenance["title"] = "title-tag"
        except Exception:
            pass
        return meta


class _Extractor:
    """One extraction: the signals of one page and the fields decided so far."""

    def __init__(self, tree: lxml.html.HtmlElement, path: str | None, body_text: str | None) -> None:
        self.tree = tree
        self.path = path
        self.body_text = body_text
        self.meta = Metadata()
        self.signals: PageSignals = collect_signals(tree)
        self.ld: JsonLdFacts = read_jsonld(self.signals.jsonld)
        self.body = meta_blocks.body_of(tree)
        self.h1 = self._main_h1()
        self.scan = meta_blocks.scan_body(self.body, self.h1, self.signals)
        self.byline: meta_blocks.BylineFound | None = None

    def run(self) -> Metadata:
        stages = (
            self._url,
            self._language,
            self._site,
            self._authors,
            self._title,
            self._site_owner_author,
            self._date,
            self._excerpt,
            self._series_and_topics,
            self._keep_only_small_consumed,
        )
        for stage in stages:
            try:
                stage()
            except Exception:  # one odd signal loses one field, not the page's whole metadata
                if stage == self._keep_only_small_consumed:
                    self.meta.consumed = []  # unchecked elements are never handed to the cleaner
        return self.meta

    def _set(self, name: str, value: object, source: str) -> None:
        setattr(self.meta, name, value)
        # One spelling per source: "dc:creator" and "DC.creator" are both "meta:dc.creator".
        self.meta.provenance[name] = source.replace("meta:dc:", "meta:dc.")

    def _keep_only_small_consumed(self) -> None:
        """Never hand the cleaner a big element (a container of the article) to drop, nor one twice."""
        kept: list[lxml.html.HtmlElement] = []
        for el in self.meta.consumed:
            if el in kept or el.tag in {"body", "html", "article", "main"}:
                continue
            if meta_blocks.short_text(el, MAX_CONSUMED_CHARS) is not None:
                kept.append(el)
        self.meta.consumed = kept

    # --- url and language -----------------------------------------------------------------

    def _url(self) -> None:
        s = self.signals
        base = s.saved_from if s.saved_from and _absolute(s.saved_from) else None
        for value, source in (
            (s.saved_from, "saved-from-comment"),
            (s.canonical, "link:canonical"),
            (s.meta("og:url"), "meta:og:url"),
            (self.ld.url, "json-ld"),
            (s.meta("twitter:url"), "meta:twitter:url"),
        ):
            if not value:
                continue
            url = value.strip()
            if not _absolute(url) and base and not url.startswith(("data:", "javascript:", "#")):
                url = urljoin(base, url)
            if _absolute(url):
                self._set("url", url, source)
                return

    def _language(self) -> None:
        s = self.signals
        for value, source in (
            (s.html_lang, "html-lang"),
            (s.meta("content-language"), "meta:content-language"),
            (s.meta("og:locale"), "meta:og:locale"),
            (self.ld.language, "json-ld"),
            (s.meta("language", "dc.language", "dc:language"), "meta:language"),
        ):
            lang = normalise_language(value)
            if lang:
                self._set("language", lang, source)
                return
        guessed = guess_language(self.body_text or self._sample_text())
        if guessed:
            self._set("language", guessed, "text-guess")

    def _sample_text(self) -> str:
        parts: list[str] = []
        total = 0
        for el in self.body.iter("p"):
            text = el.text_content()
            parts.append(text)
            total += len(text)
            if total > 3000:
                break
        return " ".join(parts)

    def _page_is_cjk(self) -> bool:
        lang = (self.meta.language or "").split("-")[0]
        if lang in {"zh", "ja", "ko"}:
            return True
        if self.meta.language and self.meta.provenance.get("language") != "text-guess":
            return False
        return is_cjk_text(self.signals.title_tag) or is_cjk_text(self.body_text)

    # --- site and title --------------------------------------------------------------------

    def _site(self) -> None:
        s = self.signals
        cjk = self._page_is_cjk()
        candidates = [(s.meta("og:site_name"), "og:site_name")]
        if self.ld.publisher and not CORPORATE.search(self.ld.publisher):
            # The publisher's own brand; a company name ("… Media Group, Inc.") is only the owner.
            candidates.append((self.ld.publisher, "json-ld"))
        candidates.append((self.ld.website, "json-ld"))
        candidates += [(s.meta(name), source) for name, source in SITE_METAS[1:]]
        if (
            is_hosting_platform(candidates[0][0])
            and self.ld.publisher
            and not is_hosting_platform(self.ld.publisher)
        ):
            candidates.insert(0, (self.ld.publisher, "json-ld"))  # a Medium publication: cite the publication
        og_name, publisher = candidates[0][0], self.ld.publisher
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
        if declared and not is_hosting_platform(declared) and not self._corroborated(declared):
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
                if value and fold(value) != fold(declared) and names_host(value, self.meta.url):
                    candidates.insert(0, (value, source))
                    break
        for value, source in candidates:
            if not value:
                continue
            value = " ".join(value.split())
            host = site_from_url_string(value)
            if host:
                self._set("site", host, source)
                return
            if plausible_site(value, page_is_cjk=cjk):
                self._set("site", tidy_site(value), source)
                return

    def _corroborated(self, name: str) -> bool:
        """Whether a site name is the URL's host or an end piece of the title tag."""
        pieces = split_title(self.signals.title_tag or "")
        ends = (pieces[0], pieces[-1]) if len(pieces) > 1 else ()
        return matches_site_name(name, ends, self.meta.url) or names_host(name, self.meta.url)

    def _confirmations(self) -> tuple[str | None, ...]:
        s = self.signals
        h1 = self._text(self.h1) if self.h1 is not None else None
        return (h1, self.ld.headline, s.meta("og:title"), s.meta("twitter:title"), s.meta("citation_title"))

    def _title(self) -> None:
        s = self.signals
        candidates: list[tuple[str | None, str]] = [(self.ld.headline, "json-ld")]
        candidates += [(s.meta(name), source) for name, source in TITLE_METAS]
        candidates += [(s.title_tag, "title-tag")]
        if self.h1 is not None:
            candidates.append((self._text(self.h1), "h1"))
        confirmations = self._confirmations()
        h1_text = self._text(self.h1) if self.h1 is not None else None
        # When the title tag and the headline agree, a metadata title saying something else is a
        # social/SEO variant ("If You Can Picture A Tarot Card…"): the agreed headline is the one published.
        anchors = s.title_tag if s.title_tag and h1_text and fold(h1_text) in fold(s.title_tag) else None
        feed = site_from_feed_titles(s.feed_titles)
        for value, source in candidates:
            if not value or not value.strip() or not _plausible_title(value, self._page_is_cjk()):
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
                site=self.meta.site,
                url=self.meta.url,
                confirmations=tuple(c for c in confirmations if c != value),
                authors=tuple(self.meta.authors),
                guess=source == "title-tag",
                # A blog inside a larger site ("Mathias Brunet" on "Blogues de La Presse") ends its titles
                # with the blog's own name, which its feed gives.
                other_names=(feed,) if feed and self.meta.site else (),
            )
            if title and removed and source != "h1" and h1_text and _extends_headline(h1_text, title):
                # "Meta Outage Hits … Messenger | Kulu Media" copied from the <title> into the JSON-LD is the
                # SEO title; the shown headline that begins with it and says more is the one published.
                title, source = " ".join(h1_text.split()), "h1"
            if title:
                self._set("title", title, source)
                if (
                    removed
                    and not self.meta.site
                    and plausible_site(removed, page_is_cjk=self._page_is_cjk())
                    and (not _guessed_suffix(value, title, self.meta.site) or _name_like(removed))
                ):
                    self._set("site", removed, "title-suffix")
                break
        if not self.meta.site and s.title_tag:
            suffix = title_suffix_site(s.title_tag, confirmations, page_is_cjk=self._page_is_cjk())
            if suffix and plausible_site(suffix, page_is_cjk=self._page_is_cjk()):
                self._set("site", suffix, "title-suffix")
        if not self.meta.site and self.ld.publisher and plausible_site(self.ld.publisher):
            self._set(
                "site", tidy_site(self.ld.publisher), "json-ld"
            )  # the owner, when nothing names the site
        if not self.meta.site and feed and plausible_site(feed, page_is_cjk=self._page_is_cjk()):
            self._set("site", feed, "link:alternate-feed")  # "Boing Boing » Feed": the site names itself
        if not self.meta.title and self._is_text_dump():
            line = self._first_heading_line()
            if line is not None:
                self._set("title", self._text(line), "first-line")
                self.meta.consumed.append(line)
        if self._is_text_dump():
            self._headline_above_byline()
        if not self.meta.site or _acronym(self.meta.site):
            self._site_from_page_chrome(acronym=self.meta.site)
        if not self.meta.site and self.meta.url:
            host = site_from_url_string(self.meta.url)
            if host:
                self._set("site", host, "url-host")  # nothing names the site: cite it by its address

    def _headline_above_byline(self) -> None:
        """In a text dump the headline is the line right above "Posted … by …"; a line above that
        (taken for the title when the dump was read) is the site's name."""
        if self.byline is None or not self.byline.elements:
            return
        above = self.byline.elements[0].getprevious()
        first = self.h1 if self.h1 is not None else next(iter(self.meta.consumed), None)
        if above is None or first is None or above is first or above.tag not in {"p", "h2", "h3", "div"}:
            return
        headline = self._text(above)
        between = self._chrome_lines_between(first, above)
        if not _headline_like(headline) or between is None:
            return
        old_title = self._text(first)
        self._set("title", headline, "text-headline")
        # The lines between the site's name and the headline are the page's menu ("Menu", "Search" …).
        self.meta.consumed.extend(el for el in (first, *between, above) if el not in self.meta.consumed)
        if not self.meta.site and plausible_site(old_title, page_is_cjk=self._page_is_cjk()):
            self._set("site", old_title, "text-first-line")

    def _chrome_lines_between(
        self, first: lxml.html.HtmlElement, last: lxml.html.HtmlElement
    ) -> list[lxml.html.HtmlElement] | None:
        """The few short lines between two sibling lines, or None when prose (or too much) stands there."""
        lines: list[lxml.html.HtmlElement] = []
        for el in first.itersiblings():
            if el is last:
                return lines
            text = meta_blocks.short_text(el, 120)
            if text is None or len(lines) >= 6 or text.endswith((".", "!", "?")):
                return None
            lines.append(el)
        return None

    def _site_from_page_chrome(self, acronym: str | None = None) -> None:
        """The site's name in its logo/brand link or its copyright line, when nothing declares it
        (or only an acronym does: "CCPR" becomes the "Caldrenne Centre for Policy Research" it stands for)."""
        cjk = self._page_is_cjk()
        names = [
            (meta_blocks.short_text(el, 80), "site-brand")
            for el in self.scan.brands[:20]
            if BRAND_CLASS.search(" ".join(filter(None, (el.get("class"), el.get("id")))))
        ]
        if acronym:
            # A copyright line names the owner, often a company: only good to spell out an acronym.
            for node in self.body.xpath("//text()[contains(., '©')]")[:5]:
                match = COPYRIGHT.search(str(node))
                names.append((match.group(1).strip() if match else None, "copyright-line"))
        for text, source in names:
            if not text or not _name_like(text) or fold(text) in GENERIC_BRANDS:
                continue
            if not plausible_site(text, page_is_cjk=cjk):
                continue
            if acronym and _initials(text) != acronym.upper():
                continue
            self._set("site", text, source)
            return

    def _is_text_dump(self) -> bool:
        return bool(self.path) and str(self.path).lower().endswith((".txt", ".text"))

    def _main_h1(self) -> lxml.html.HtmlElement | None:
        """The headline among the page's h1s: the one the title tag or og:title repeats, else the first."""
        s = self.signals
        reference = _tokens(" ".join(filter(None, (s.title_tag, s.meta("og:title"), self.ld.headline))))
        best: lxml.html.HtmlElement | None = None
        best_score = -1.0
        for h1 in s.h1s[:6]:
            words = _tokens(self._text(h1))
            if not words or len(words) > 60:
                continue
            score = len(words & reference) / len(words) if reference else 0.0
            if _is_logo(h1):
                score -= 0.5
            if score > best_score + 0.2 or best is None:
                best, best_score = h1, score
        return best if best is not None else self._title_piece_heading()

    def _title_piece_heading(self) -> lxml.html.HtmlElement | None:
        """Without an h1, the h2/h3 repeating a piece of the title tag ("Site | Headline") is the headline."""
        pieces = split_title(self.signals.title_tag or "")
        if len(pieces) < 2:
            return None
        keys = {fold(piece) for piece in pieces if len(piece.split()) >= 2}
        found: list[tuple[int, lxml.html.HtmlElement]] = []
        for count, heading in enumerate(self.body.iter("h2", "h3")):
            if count >= 15:
                break
            text = meta_blocks.short_text(heading, 300)
            if text and fold(text) in keys:
                found.append((len(text), heading))
        # A blog's name may sit in a heading too: the headline is the longer piece.
        return max(found, key=lambda item: item[0])[1] if found else None

    def _first_heading_line(self) -> lxml.html.HtmlElement | None:
        """In a plain-text dump: the first short line that reads like a headline."""
        cjk = self._page_is_cjk()
        seen = 0
        for el in self.body.iter("p", "div", "h2", "h3", "pre", "li"):
            if len(el) and any(isinstance(c.tag, str) and c.tag in {"p", "div"} for c in el):
                continue
            text = self._text(el)
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

    @staticmethod
    def _text(el: lxml.html.HtmlElement) -> str:
        return squash(el.text_content()).rstrip("¶#§ ").strip()

    # --- authors ---------------------------------------------------------------------------

    def _authors(self) -> None:
        site = self.meta.site
        orgs: list[str] = list(self.ld.organizations)
        persons: list[str] = []
        source = ""
        for names, origin in self._structured_author_sources():
            found_persons, found_orgs = self._split_all(names, site, single=origin in ONE_PERSON_SOURCES)
            orgs += found_orgs
            if found_persons:
                persons, source = found_persons, origin
                break
        self.byline = self._visible_byline(site, persons)
        if source.startswith("meta:") and source[5:] in self.signals.value_only and not self.byline.persons:
            # <meta name="author" value="…">, a theme's leftover credit: the page's own byline wins.
            shown = self._visible_byline(site, [])
            if shown.persons:
                self.byline, persons = shown, []
        if self.byline.elements:
            self.meta.consumed.extend(self.byline.elements)
        if self.byline.persons and (not persons or _extends(persons, self.byline.persons)):
            # The visible byline, when it credits everyone the metadata names and more ("By A and B"
            # beside <meta name="author" content="A">), is the complete list in byline order.
            persons, source = self.byline.persons, self.byline.source
        # The byline's agencies ("By Jane Doe, Reuters") are credited beside its persons, or alone.
        orgs += self.byline.organizations
        persons = dedupe(persons)
        if persons:
            self._set("authors", persons, source)
        orgs = dedupe(orgs)
        if orgs:
            self.meta.organizations = orgs

    def _site_owner_author(self) -> None:
        """A personal site with no byline is written by its owner ("Gregory Szorc's Digital Home")."""
        if self.meta.authors or self.meta.organizations:
            return
        owner = _site_owner(self.meta.site)
        if owner:
            self._set("authors", [owner], "site-owner")

    def _structured_author_sources(self) -> list[tuple[list[str], str]]:
        s = self.signals
        sources: list[tuple[list[str], str]] = []
        if self.ld.persons:
            sources.append((self.ld.persons, "json-ld"))
        editors = {fold(v) for v in s.metas.get("editor", ())}
        for name in AUTHOR_METAS:
            values = [v for v in s.metas.get(name, ()) if v and not _absolute(v) and not v.startswith("@")]
            # "고든의 블.. | 블로그": a name cut short by the platform is no name; the byline has it whole.
            values = [v for v in values if not TRUNCATED.search(v)]
            # The same name in <meta name="editor"> is the desk editor who filed the page, not its author.
            values = [v for v in values if fold(v) not in editors]
            if values:
                sources.append((values, f"meta:{name}"))
        for el in s.itemprops.get("author", []) + s.itemprops.get("creator", []):
            names = el.xpath(".//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' name ')]")
            text = self._text(names[0]) if names else meta_blocks.short_text(el, 120)
            if text:
                sources.append(([text], "itemprop-author"))
        links = [self._text(a) for a in s.rel_author]
        links = [t for t in links if t and len(t) <= 80]
        if links:
            sources.append((links[:5], "rel-author"))
        return sources

    def _split_all(self, names: list[str], site: str | None, *, single: bool) -> tuple[list[str], list[str]]:
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

    def _visible_byline(self, site: str | None, known: list[str]) -> meta_blocks.BylineFound:
        """The byline shown on the page: when the authors are already known, only a line naming them
        (a teaser's byline elsewhere on the page must not be taken, nor removed from the article)."""
        if known:
            return meta_blocks.find_byline_naming(self.scan, site, known)
        found = meta_blocks.find_class_byline(self.scan, site)
        if found.persons:
            return found
        text_found = meta_blocks.find_text_byline(self.scan, site)
        if text_found.persons or text_found.organizations:
            return text_found
        return found

    # --- date ------------------------------------------------------------------------------

    def _date(self) -> None:
        s = self.signals
        declared = [(self.ld.published, "json-ld")] + [(v, f"meta:{n}") for n, v in s.meta_all(*DATE_METAS)]
        declared = [(value, source) for value, source in declared if value]
        for index, (value, source) in enumerate(declared):
            if self._try_date(value, source):
                if len(self.meta.date or "") < 10:
                    self._prefer_full_date(declared[index + 1 :])
                    return
                local = local_date_for(value, [v for v, _ in declared[index + 1 :]])
                if local and local[0] != self.meta.date:
                    # The same instant written with the publisher's own offset gives their calendar date.
                    self._set("date", local[0], declared[index + 1 + local[1]][1])
                elif not local and utc_stamp(value):
                    self._local_day_from_url()
                return
        for el in s.itemprops.get("datepublished", []) + s.itemprops.get("datecreated", []):
            value = el.get("datetime") or el.get("content") or el.get("title") or self._text(el)
            if self._try_date(value, "itemprop-datePublished", loose=True):
                return
        if self._microformat_date():
            return
        if self.byline is not None and self.byline.elements:
            for block in self.byline.elements:
                for time_el in block.iter("time"):
                    if self._try_date(
                        time_el.get("datetime") or self._text(time_el), "time-element", loose=True
                    ):
                        return
            if self.byline.date:
                self._set("date", self.byline.date, self.byline.source)
                return
        if self._time_element_date():
            return
        if self._title_date():
            return
        self._dateline_date()
        if not self.meta.date:
            self._url_date()

    def _microformat_date(self) -> bool:
        """An hAtom/h-entry stamp: ``<abbr class="published" title="2016-12-23T05:11:00-05:00">``."""
        for el in self.scan.published:
            ancestors = el.iterancestors()
            if any(a.tag in {"aside", "nav"} or SIDEBAR.search(a.get("class") or "") for a in ancestors):
                continue  # a sidebar list of other posts
            value = el.get("datetime") or el.get("title") or el.get("content")
            if value and self._try_date(value, "microformat-published"):
                return True
            text = meta_blocks.short_text(el, 60)
            if not value and text and self._try_date(text, "microformat-published", loose=True):
                return True
        return False

    def _local_day_from_url(self) -> None:
        """A UTC stamp ("2014-12-19T04:38Z") may fall on the next or previous calendar day from the one the
        publisher printed; the date in the article's own URL (/2014/12/18/) is that local day."""
        for url in (self.meta.url, self.signals.meta("og:url"), self.signals.canonical):
            match = URL_DATE.search(urlsplit(url).path) if url else None
            if not match:
                continue
            url_day = parse_date("-".join(match.groups()))
            if url_day and self.meta.date and _days_apart(url_day, self.meta.date) == 1:
                self._set("date", url_day, "url")
            return

    def _title_date(self) -> bool:
        """A date stamped as a piece of the title ("Headline | DW | 19.01.2020")."""
        s = self.signals
        for value, source in ((s.title_tag, "title-tag"), (s.meta("og:title"), "meta:og:title")):
            pieces = split_title(value or "")
            for piece in (pieces[-1], pieces[0]) if len(pieces) > 1 else ():
                date = date_piece(piece)
                if date:
                    self._set("date", date, source)
                    return True
        return False

    def _url_date(self) -> None:
        for url in (self.meta.url, self.signals.meta("og:url"), self.signals.canonical):
            match = URL_DATE.search(urlsplit(url).path) if url else None
            if match and self._try_date("-".join(match.groups()), "url"):
                return

    def _prefer_full_date(self, others: list[tuple[str | None, str]]) -> None:
        """A later source giving the day within the same month or year ("2020-05" then "2020-05-14")."""
        partial = self.meta.date or ""
        for value, source in others:
            full = parse_date(value)
            if full and len(full) == 10 and full.startswith(partial):
                self._set("date", full, source)
                return

    def _try_date(self, value: str | None, source: str, *, loose: bool = False) -> bool:
        date = parse_date(value, loose=loose)
        if date:
            self._set("date", date, source)
            return True
        return False

    def _time_element_date(self) -> bool:
        """The first <time> near the headline that is not an "updated" stamp."""
        times = self.scan.times
        if not times:
            return False
        after = [el for pos, el in times if pos > self.scan.h1_position][:3]
        for el in after or [times[0][1]]:
            parent = el.getparent()
            label = " ".join(
                filter(
                    None,
                    (
                        el.get("class"),
                        el.get("itemprop"),
                        parent.get("class") if parent is not None else None,
                    ),
                )
            )
            if re.search(r"updat|modif|edit", label, re.IGNORECASE):
                continue
            value = el.get("datetime") or (self._text(el) if el.get("pubdate") is not None else None)
            if self._try_date(value, "time-element", loose=True):
                return True
        return False

    def _dateline_date(self) -> None:
        """A written date in the short lines right after the headline, before the article text starts."""
        start = self.h1
        if start is None and self.meta.provenance.get("title") == "first-line" and self.meta.consumed:
            start = self.meta.consumed[0]
        if start is None:
            return
        for el in _following(start, 40):
            if not isinstance(el.tag, str) or el.tag in meta_blocks.SKIP_TAGS or el.tag in {"td", "th"}:
                continue  # an infobox cell ("Founded 28 February 1998") is not a dateline
            if el.tag == "p" and meta_blocks.short_text(el, 200) is None:
                return  # the article has begun: a date further down is about something else
            text = meta_blocks.short_text(el, 80)
            if not text or re.search(r"updat|modif|aktualisiert|mis à jour", text, re.IGNORECASE):
                continue
            date = find_written_date(text)
            if date and len(DATE_WORDS.sub("", text)) <= 40:  # a dateline, not a sentence mentioning a date
                self._set("date", date, "dateline-text")
                return

    # --- excerpt, series and topics ----------------------------------------------------------

    def _excerpt(self) -> None:
        s = self.signals
        for value, source in (
            (s.meta("description"), "meta:description"),
            (s.meta("og:description"), "meta:og:description"),
            (s.meta("twitter:description"), "meta:twitter:description"),
            (self.ld.description, "json-ld"),
        ):
            if value and len(value.strip()) >= 20:
                self._set("excerpt", value.strip(), source)
                return
        if self.body_text:
            paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", self.body_text))
        else:
            paragraphs = (self._text(p) for p in islice(self.body.iter("p"), 40))
        for para in paragraphs:
            if len(para) >= 80 and para.endswith((".", "!", "?", "”", '"', "。", "»")):
                self._set("excerpt", para[:500], "first-paragraph")
                return

    def _series_and_topics(self) -> None:
        s = self.signals
        blocks = meta_blocks.find_blocks(self.scan)
        series: list[tuple[str, str]] = [(name, "json-ld") for name in self.ld.series]
        series += [(name, "series-block") for name in blocks.series]
        topics: list[tuple[str, str]] = [(t, "topics-block") for t in blocks.topics]
        topics += [(t, "meta:article:tag") for t in _split_tags(s.metas.get("article:tag", []))]
        topics += [(t, "json-ld") for t in self.ld.keywords]
        topics += [(self._text(a), "rel-tag") for a in s.rel_tag]
        if not topics:
            topics += [
                (t, "meta:keywords")
                for t in _split_tags(s.metas.get("news_keywords", []) + s.metas.get("keywords", []))
            ]
        # Keywords often repeat the headline, the site or the author's name: those are not topics.
        known = {fold(v) for v in (self.meta.title, self.meta.site, *self.meta.authors) if v}
        topics = [(t, source) for t, source in topics if fold(t) not in known]
        self._set_list("series", series)
        self._set_list("topics", topics[: MAX_TOPICS * 3])
        self.meta.consumed.extend(el for el in blocks.elements if el not in self.meta.consumed)

    def _set_list(self, name: str, pairs: list[tuple[str, str]]) -> None:
        values: list[str] = []
        seen: set[str] = set()
        first_source = ""
        for value, source in pairs:
            value = " ".join(value.split()).strip(" ,;#")
            key = value.casefold()
            if not value or key in seen or len(value) > 80 or JUNK_TOPIC.search(value):
                continue
            seen.add(key)
            values.append(value)
            first_source = first_source or source
            if len(values) >= MAX_TOPICS:
                break
        if values:
            self._set(name, values, first_source)


DATE_WORDS = re.compile(
    r"[\d\W_]+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:am|pm|at|on|published|posted|[A-Z]{2,4}T?)\b",
    re.IGNORECASE,
)


TRUNCATED = re.compile(r"\w(?:\.\.\.?|…)(?:\s|$)")
SIDEBAR = re.compile(r"sidebar|recent|popular|related", re.IGNORECASE)


def _following(el: lxml.html.HtmlElement, limit: int) -> Iterator[lxml.html.HtmlElement]:
    """Up to ``limit`` elements after ``el`` in document order (not its descendants)."""
    count = 0
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        nxt = node.getnext()
        while nxt is None:
            node = node.getparent()
            if node is None:
                return
            nxt = node.getnext()
        for sub in nxt.iter():
            yield sub
            count += 1
            if count >= limit:
                return
        node = nxt


SECTION_WORDS = {
    "news",
    "center",
    "centre",
    "newsroom",
    "room",
    "blog",
    "blogs",
    "home",
    "edition",
    "world",
    "international",
    "us",
    "u",
    "s",
    "uk",
    "latest",
    "stories",
    "press",
    "media",
    "online",
    "hub",
    "insights",
    "features",
    "opinion",
    "the",
    "and",
    "&",
}


def _section_label(name: str) -> bool:
    """A label made only of generic words ("News Center", "U.S.", "World Edition"), not a publication."""
    words = fold(name).split()
    return bool(words) and all(word in SECTION_WORDS for word in words)


def _extends_headline(h1_text: str, title: str) -> bool:
    """Whether the shown headline is ``title`` with more words after it (never a different headline)."""
    longer, shorter = fold(" ".join(h1_text.split())), fold(title)
    if len(longer) > 2 * len(shorter):
        return False
    return len(longer) > len(shorter) + 3 and longer.startswith(shorter + " ")


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


OWNED_SITE = re.compile(r"^([^\W\d][\w.\- ]{2,40}?)[’']s\s+\w")


def _compact(name: str) -> str:
    """A name folded with its spaces and punctuation gone ("PC Gamer" and "pcgamer" agree)."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def _days_apart(first: str, second: str) -> int:
    try:
        return abs((dt.date.fromisoformat(first) - dt.date.fromisoformat(second)).days)
    except ValueError:
        return -1


def _names_a_host(name: str) -> bool:
    """A bare host name in a credit ("(www.dw.com)"); a person's home page URL or e-mail is not one."""
    return bool(HOST_IN_NAME.search(LINK.sub(" ", EMAIL_ADDRESS.sub(" ", name))))


def _without_hosts(name: str) -> str:
    """A credited body's name without the host names and brackets around it."""
    text = HOST_IN_NAME.sub(" ", EMAIL_ADDRESS.sub(" ", name))
    text = re.sub(r"[()\[\]]", " ", text)
    return " ".join(text.split()).strip(" -–—|,;:©") or ""


EMAIL_ADDRESS = re.compile(r"\S+@\S+")
LINK = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)


def _absolute(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


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


BRAND_CLASS = re.compile(
    r"(?:^|\s)(?:navbar-brand|brand|site-title|site-name|site-logo|logo|masthead|site-branding|"
    r"header-logo|logo-link|brand-name)(?:\s|$)",
    re.IGNORECASE,
)
GENERIC_BRANDS = {
    "home",
    "menu",
    "logo",
    "skip to content",
    "skip to main content",
    "toggle navigation",
    "search",
}
COPYRIGHT = re.compile(
    r"©\s*(?:copyright\s*)?(?:\d{4}(?:\s*[–-]\s*\d{4})?\s*[,.]?\s*)?"
    r"([^\W\d][^·|•\n]{1,60}?)\s*(?:[·|•.]|all rights|$)",
    re.IGNORECASE,
)


def _extends(names: list[str], longer: list[str]) -> bool:
    keys = {fold(n) for n in names}
    return len(longer) > len(names) and keys <= {fold(n) for n in longer}


def _acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


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


def _name_like(piece: str) -> bool:
    """ "Lumen Notes", "Centre for Policy Research", "example.com": written as a publication's name."""
    words = [w for w in piece.split() if w.lower() not in NAME_SMALL_WORDS]
    if re.search(r"\w\.[a-z]{2,}$", piece):
        return True
    if is_cjk_text(piece) and len(piece) <= 12:
        return True  # CJK has no capitals: a short CJK piece ("海湾中文网") is written as a name
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() for w in words)


NAME_SMALL_WORDS = {
    "for",
    "of",
    "the",
    "and",
    "on",
    "in",
    "at",
    "de",
    "du",
    "la",
    "le",
    "des",
    "di",
    "von",
    "&",
}


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


def _split_tags(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        separator = r"\s*[,;，、]\s*" if re.search(r"[,;，、]", value) or not is_cjk_text(value) else r"\s+"
        out.extend(part.strip() for part in re.split(separator, value) if part.strip())
    return out


__all__ = ["Metadata", "extract_metadata"]
