"""The item type of a saved page: blog post, newspaper or magazine article, report or web page.

Decided from evidence on the page, strongest first, and recorded with its source in ``provenance``:

1. a hosted blog platform (the page's host, its ``generator``, or the platform's app metas: Medium and
   Substack mark every post up as a schema.org NewsArticle, so the platform wins over the markup);
2. the schema.org ``@type`` of the page's article (JSON-LD): Report, BlogPosting, NewsArticle and its kinds;
3. Highwire's ``citation_technical_report_institution`` (a report, as Zotero's Embedded Metadata reads it);
4. a publisher declared a NewsMediaOrganization, or a well-known newspaper or magazine host;
5. self-hosted blog software (``generator`` WordPress, Blogger, Jekyll…, as Zotero reads WordPress and
   Blogger) or the post markup blog software writes (``single-post``, ``type-post``, ``blog-post``…);
6. the site's name or address naming a blog ("PRIO Blogs", a ``/blog/`` path), a magazine (Weekly,
   Magazine, 週刊…) or a newspaper (Herald, Times, 新報, a ``news.`` host…);
7. ``og:type`` ``blog``, or ``website`` for a page that is no article.

No evidence leaves the type unset: a citation then treats the page as a web page.  Values are CSL types
(``post-weblog``, ``article-newspaper``, ``article-magazine``, ``webpage``, ``report``), Zotero's blogPost,
newspaperArticle, magazineArticle, webpage and report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from reader.ingest.metadata.item_type_words import (
    BLOG_APP_METAS,
    BLOG_APP_NAMES,
    BLOG_CLASSES,
    BLOG_GENERATORS,
    BLOG_PLATFORM_GENERATORS,
    BLOG_PLATFORM_HOSTS,
    ITEM_TYPES,
    JSONLD_TYPES,
    MAGAZINE_HOSTS,
    MAGAZINE_NAME_CJK,
    MAGAZINE_NAME_WORDS,
    NEWS_HOSTS,
    NEWS_NAME_CJK,
    NEWS_NAME_WORDS,
    NEWS_PUBLISHER_TYPES,
)
from reader.ingest.metadata.jsonld import types_of
from reader.ingest.metadata.page import Page

Evidence = tuple[str, str]  # (CSL type, provenance)

_NEWS_NAME_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in NEWS_NAME_WORDS) + r")\b", re.I)
_MAGAZINE_NAME_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in MAGAZINE_NAME_WORDS) + r")\b", re.I)
_NEWS_HOST_RE = re.compile(r"(?:^|[.-])news(?:[.-]|$)")
_BLOG_PATH_RE = re.compile(r"/blogs?/")
_BLOG_NAME_RE = re.compile(r"\bblogs?\b|\bweblog\b|ブログ|博客|블로그", re.I)


def decide_item_type(page: Page) -> None:
    """Set ``item_type`` (and its provenance) from the strongest evidence on the page, if there is any."""
    found = item_type_evidence(
        metas=page.signals.metas,
        jsonld=page.signals.jsonld,
        classes=_page_classes(page),
        site=page.meta.site,
        url=page.meta.url or page.signals.canonical or page.signals.saved_from,
    )
    if found is not None:
        page.set("item_type", found[0], found[1])


def item_type_evidence(
    *,
    metas: Mapping[str, list[str]],
    jsonld: list[dict[str, Any]],
    classes: Iterable[str] = (),
    site: str | None = None,
    url: str | None = None,
) -> Evidence | None:
    """(type, provenance) from a page's signals, strongest first (see the module's list), or None."""
    host, _path = _host_and_path(url)
    rules: tuple[Callable[[], Evidence | None], ...] = (
        lambda: _blog_platform(metas, host),
        lambda: _jsonld_type(jsonld),
        lambda: (
            ("report", "meta:citation_technical_report_institution")
            if metas.get("citation_technical_report_institution")
            else None
        ),
        lambda: _news_publisher(jsonld) or _known_host(host),
        lambda: _blog_software(metas, classes),
        lambda: item_type_from_names(site, url),
        lambda: _og_type(metas),
    )
    for rule in rules:
        found = rule()
        if found is not None:
            return found
    return None


def item_type_from_names(site: str | None, url: str | None) -> Evidence | None:
    """A blog, magazine or newspaper named by its site name or address (the weakest evidence), or None."""
    host, path = _host_and_path(url)
    name = site or ""
    platform = _blog_platform({}, host)
    if platform is not None:
        return platform
    known = _known_host(host)
    if known is not None:
        return known
    if _BLOG_NAME_RE.search(name):
        return "post-weblog", "site-name"
    if _BLOG_PATH_RE.search(path) or host.startswith(("blog.", "blogs.")):
        return "post-weblog", "url"
    if _MAGAZINE_NAME_RE.search(name) or any(word in name for word in MAGAZINE_NAME_CJK):
        return "article-magazine", "site-name"
    if _NEWS_NAME_RE.search(name) or any(word in name for word in NEWS_NAME_CJK):
        return "article-newspaper", "site-name"
    if _NEWS_HOST_RE.search(host):
        return "article-newspaper", "host"
    return None


def is_item_type(value: object) -> bool:
    """Whether ``value`` is one of the CSL item types ingest records."""
    return value in ITEM_TYPES


# -- the rules ------------------------------------------------------------------------------------------


def _blog_platform(metas: Mapping[str, list[str]], host: str) -> Evidence | None:
    for platform in BLOG_PLATFORM_HOSTS:
        if host == platform or host.endswith("." + platform):
            return "post-weblog", f"host:{platform}"
    generator = _first(metas, "generator").lower()
    for name in BLOG_PLATFORM_GENERATORS:
        if generator.startswith(name):
            return "post-weblog", f"generator:{_first(metas, 'generator')}"
    for key in BLOG_APP_METAS:
        app = _first(metas, key)
        if app.lower() in BLOG_APP_NAMES:
            return "post-weblog", f"meta:{key}:{app}"
    return None


def _jsonld_type(objects: list[dict[str, Any]]) -> Evidence | None:
    """The type of the page's own article: the first object with a decisive type, headline-bearing first."""
    candidates = sorted(objects, key=lambda obj: not (obj.get("headline") or obj.get("name")))
    for obj in candidates:
        for kind in sorted(types_of(obj)):
            csl_type = JSONLD_TYPES.get(kind)
            if csl_type:
                return csl_type, f"json-ld:{_declared_name(obj, kind)}"
    return None


def _news_publisher(objects: list[dict[str, Any]]) -> Evidence | None:
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    for obj in objects:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and set(publisher) <= {"@id", "@type"}:
            publisher = by_id.get(str(publisher.get("@id")), publisher)
        if isinstance(publisher, dict) and types_of(publisher) & NEWS_PUBLISHER_TYPES:
            return "article-newspaper", "json-ld:publisher NewsMediaOrganization"
    return None


def _known_host(host: str) -> Evidence | None:
    if _host_in(host, MAGAZINE_HOSTS):
        return "article-magazine", "host"
    if _host_in(host, NEWS_HOSTS):
        return "article-newspaper", "host"
    return None


def _blog_software(metas: Mapping[str, list[str]], classes: Iterable[str]) -> Evidence | None:
    generator = _first(metas, "generator")
    if any(generator.lower().startswith(name) for name in BLOG_GENERATORS):
        return "post-weblog", f"generator:{generator}"
    marked = sorted(set(classes) & BLOG_CLASSES)
    if marked:
        return "post-weblog", f"markup:{marked[0]}"
    return None


def _og_type(metas: Mapping[str, list[str]]) -> Evidence | None:
    og_type = _first(metas, "og:type").lower()
    if og_type == "blog":
        return "post-weblog", "og:type"
    if og_type == "website":
        return "webpage", "og:type"
    return None


# -- helpers ------------------------------------------------------------------------------------------------


def _page_classes(page: Page) -> set[str]:
    """The class tokens of the page's <body> and of its first few <article> elements."""
    tokens: set[str] = set()
    elements = [page.body, *list(_first_articles(page))]
    for element in elements:
        for token in (element.get("class") or "").lower().split():
            tokens.add("postid" if token.startswith("postid-") else token)
    return tokens


def _first_articles(page: Page, limit: int = 3) -> Iterable[Any]:
    for count, element in enumerate(page.body.iter("article")):
        if count >= limit:
            return
        yield element


def _first(metas: Mapping[str, list[str]], key: str) -> str:
    return next((value for value in metas.get(key, ()) if value), "")


def _declared_name(obj: dict[str, Any], kind: str) -> str:
    raw = obj.get("@type")
    for value in raw if isinstance(raw, list) else [raw]:
        if isinstance(value, str) and value.rsplit("/", 1)[-1].lower() == kind:
            return value.rsplit("/", 1)[-1]
    return kind


def _host_and_path(url: str | None) -> tuple[str, str]:
    try:
        parts = urlsplit(url or "")
        host = (parts.hostname or "").lower()
    except ValueError:
        return "", ""
    return host.removeprefix("www."), parts.path.lower()


def _host_in(host: str, hosts: frozenset[str]) -> bool:
    return bool(host) and any(host == h or host.endswith("." + h) for h in hosts)
