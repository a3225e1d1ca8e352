"""Article → CSL-JSON item, following Zotero's conventions for saved web pages.

The item type is decided from what the page told us: ``post-weblog`` for blogs,
``article-newspaper`` for news sites, ``article-magazine`` for magazines, ``webpage`` otherwise
(Zotero's blogPost / newspaperArticle / magazineArticle / webpage).  Persons become
``{family, given}`` names with particles split (:mod:`reader.cite.names`); organisations credited
instead of a person become ``{literal}`` names.  ``accessed`` is the user's access date, else the
import date, else today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol
from urllib.parse import urlsplit

from reader.cite.names import organization_to_csl, person_to_csl

_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

# Schema.org / Open Graph types that settle the question when the page declared one.
_NEWS_TYPES = (
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
)
_BLOG_TYPES = ("blogposting", "blog")
_MAGAZINE_TYPES = ("publicationissue", "magazine")

_BLOG_HOSTS = (
    "blogspot.",
    "wordpress.com",
    "medium.com",
    "substack.com",
    "typepad.com",
    "tumblr.com",
    "livejournal.com",
    "ghost.io",
    "hypotheses.org",
    "blogs.",
    "blog.",
)
_NEWS_HOSTS = frozenset(
    [
        "nytimes.com",
        "washingtonpost.com",
        "wsj.com",
        "theguardian.com",
        "guardian.co.uk",
        "bbc.co.uk",
        "bbc.com",
        "reuters.com",
        "apnews.com",
        "cnn.com",
        "nbcnews.com",
        "cbsnews.com",
        "abcnews.go.com",
        "foxnews.com",
        "npr.org",
        "usatoday.com",
        "latimes.com",
        "bloomberg.com",
        "ft.com",
        "telegraph.co.uk",
        "independent.co.uk",
        "thetimes.co.uk",
        "dailymail.co.uk",
        "mirror.co.uk",
        "aljazeera.com",
        "politico.com",
        "politico.eu",
        "axios.com",
        "thehill.com",
        "news.sky.com",
        "lemonde.fr",
        "lefigaro.fr",
        "liberation.fr",
        "spiegel.de",
        "zeit.de",
        "faz.net",
        "sueddeutsche.de",
        "welt.de",
        "elpais.com",
        "elmundo.es",
        "corriere.it",
        "repubblica.it",
        "nzz.ch",
        "derstandard.at",
        "aftenposten.no",
        "nrk.no",
        "vg.no",
        "dn.se",
        "svd.se",
        "yle.fi",
        "hs.fi",
        "dr.dk",
        "theglobeandmail.com",
        "cbc.ca",
        "abc.net.au",
        "smh.com.au",
        "scmp.com",
        "japantimes.co.jp",
        "asahi.com",
        "nikkei.com",
        "hindustantimes.com",
        "thehindu.com",
        "timesofindia.indiatimes.com",
        "kyivindependent.com",
        "kyivpost.com",
        "pravda.com.ua",
        "meduza.io",
        "themoscowtimes.com",
        "rferl.org",
        "dw.com",
        "france24.com",
        "euronews.com",
        "haaretz.com",
        "timesofisrael.com",
        "straitstimes.com",
        "irishtimes.com",
        "rte.ie",
        "bostonglobe.com",
        "chicagotribune.com",
        "sfchronicle.com",
        "nypost.com",
        "news.yahoo.com",
        "afp.com",
        "tass.com",
    ]
)
_MAGAZINE_HOSTS = frozenset(
    [
        "newyorker.com",
        "theatlantic.com",
        "economist.com",
        "wired.com",
        "time.com",
        "newsweek.com",
        "foreignaffairs.com",
        "foreignpolicy.com",
        "newstatesman.com",
        "spectator.co.uk",
        "thenation.com",
        "newrepublic.com",
        "vanityfair.com",
        "rollingstone.com",
        "harpers.org",
        "forbes.com",
        "fortune.com",
        "nationalreview.com",
        "motherjones.com",
        "prospectmagazine.co.uk",
        "nationalgeographic.com",
        "scientificamerican.com",
        "smithsonianmag.com",
        "theweek.com",
        "slate.com",
        "salon.com",
    ]
)
_NEWS_NAME_RE = re.compile(
    r"\b(news|times|post|herald|tribune|gazette|guardian|telegraph|daily|chronicle|observer|courier|"
    r"zeitung|journal|press|reuters|associated press|independent|standard|inquirer|dispatch|bulletin)\b",
    re.I,
)
_MAGAZINE_NAME_RE = re.compile(r"\b(magazine|magazin|revue|quarterly|weekly|monthly)\b", re.I)
_BLOG_NAME_RE = re.compile(r"\bblog", re.I)


class CitableArticle(Protocol):
    """What :func:`article_to_csl` reads: a library's ``StoredArticle`` and ingest's ``Article`` both fit.

    Optional extras are read when present: ``id`` (the item id), ``content_hash`` or ``path`` (an id for
    an article not stored yet), ``accessed`` and ``imported_at`` (the access date).
    """

    @property
    def title(self) -> str | None: ...
    @property
    def authors(self) -> Sequence[str]: ...
    @property
    def organizations(self) -> Sequence[str]: ...
    @property
    def date(self) -> str | None: ...
    @property
    def site(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def series(self) -> Sequence[str]: ...
    @property
    def provenance(self) -> Mapping[str, str]: ...


def article_to_csl(
    article: CitableArticle, *, item_id: str | None = None, include_series: bool = False
) -> dict[str, Any]:
    """The CSL-JSON item for an :class:`~reader.ingest.model.Article` or a stored article."""
    language = _normalise_language(article.language)
    item: dict[str, Any] = {"id": item_id or _default_id(article), "type": guess_csl_type(article)}
    title = _clean(article.title)
    if title:
        item["title"] = title
    authors = _authors(article, language)
    if authors:
        item["author"] = authors
    site = _clean(article.site)
    if site:
        item["container-title"] = site
    series = [s for s in article.series or [] if _clean(s)]
    if include_series and series:
        item["collection-title"] = _clean(series[0])
    issued = date_parts(article.date)
    if issued:
        item["issued"] = issued
    item["accessed"] = date_parts(_accessed(article)) or _today_parts()
    url = _clean(article.url)
    if url:
        item["URL"] = url
    if language:
        item["language"] = language
    return item


def guess_csl_type(article: CitableArticle) -> str:
    """``post-weblog``, ``article-newspaper``, ``article-magazine`` or ``webpage`` for a saved page."""
    declared = _declared_type(article.provenance or {})
    if declared:
        return declared
    site = _clean(article.site) or ""
    url = _clean(article.url) or ""
    host, path = _host_and_path(url)
    if _BLOG_NAME_RE.search(site) or any(marker in host for marker in _BLOG_HOSTS):
        return "post-weblog"
    if re.search(r"/blogs?/", path):
        return "post-weblog"
    if _host_in(host, _MAGAZINE_HOSTS) or _MAGAZINE_NAME_RE.search(site):
        return "article-magazine"
    if _host_in(host, _NEWS_HOSTS) or _NEWS_NAME_RE.search(site) or re.search(r"news(\.|-|$)", host):
        return "article-newspaper"
    return "webpage"


def date_parts(value: str | None) -> dict[str, Any] | None:
    """``{"date-parts": [[Y, M, D]]}`` from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the rest is ignored)."""
    if not value:
        return None
    match = _DATE_RE.match(str(value))
    if not match:
        return None
    parts = [int(match.group(1))]
    for group in (match.group(2), match.group(3)):
        if group is None:
            break
        number = int(group)
        if number == 0:
            break
        parts.append(number)
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        parts = parts[:2]
    return {"date-parts": [parts]}


# -- helpers -------------------------------------------------------------------------------------------


def _default_id(article: CitableArticle) -> str:
    article_id = getattr(article, "id", None)
    if article_id is not None:
        return str(article_id)
    content_hash = getattr(article, "content_hash", "") or ""
    return content_hash[:16] or str(getattr(article, "path", "") or "item")


def _authors(article: CitableArticle, language: str | None) -> list[dict[str, Any]]:
    persons = [person_to_csl(a, language=language) for a in article.authors or []]
    names = [p for p in persons if p]
    if names:
        return names
    organisations = [organization_to_csl(o) for o in article.organizations or []]
    return [o for o in organisations if o]


def _accessed(article: CitableArticle) -> str | None:
    accessed = getattr(article, "accessed", None)
    if accessed:
        return str(accessed)
    imported = getattr(article, "imported_at", None)
    return str(imported)[:10] if imported else None


def _today_parts() -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date()
    return {"date-parts": [[today.year, today.month, today.day]]}


def _declared_type(provenance: Mapping[str, str]) -> str | None:
    """A schema.org / og:type the metadata step recorded (in a key or a source label)."""
    text = " ".join(f"{k} {v}" for k, v in provenance.items()).lower()
    tokens = set(re.findall(r"[a-z]+", text))
    if tokens & set(_NEWS_TYPES):
        return "article-newspaper"
    if tokens & set(_BLOG_TYPES):
        return "post-weblog"
    if tokens & set(_MAGAZINE_TYPES):
        return "article-magazine"
    return None


def _host_and_path(url: str) -> tuple[str, str]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "", ""
    host = (parts.hostname or "").lower()
    return (host[4:] if host.startswith("www.") else host), parts.path.lower()


def _host_in(host: str, hosts: frozenset[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def _normalise_language(value: str | None) -> str | None:
    value = _clean(value)
    return value.replace("_", "-") if value else None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
