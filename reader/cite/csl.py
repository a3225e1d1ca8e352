"""Article → CSL-JSON item, following Zotero's conventions for saved web pages.

The item type is the one ingest decided from evidence on the page (``item_type``: ``post-weblog``,
``article-newspaper``, ``article-magazine``, ``report``, ``webpage``; Zotero's blogPost, newspaperArticle,
magazineArticle, report, webpage), or the user's choice; an article stored before ingest recorded one is
typed from its site name and host, as ingest's weakest rule does; with no evidence it is a web page.
Persons become ``{family, given}`` names with particles split (:mod:`reader.cite.names`: citeproc-js runs
with ``parse_names = false`` as in Zotero, so names arrive split); organisations credited instead of a
person become ``{literal}`` names.  Topics become the ``keyword`` variable (comma-separated, as Zotero
exports tags).  A report's site is its ``publisher`` (Zotero's institution).  Only an http(s) or ftp
``URL`` is cited (citeproc-js links it in HTML: a ``javascript:`` address must never become a link).
``accessed`` is the stored access date (when the page was saved, or the user's), else the import date,
else today.  Text is kept as stored: only runs of ASCII white space become one space.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from reader.cite.fields import text
from reader.cite.names import organization_to_csl, person_to_csl
from reader.ingest import ITEM_TYPES, item_type_from_names

_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class CitableArticle(Protocol):
    """What :func:`article_to_csl` reads: a library's ``StoredArticle`` and ingest's ``Article`` both fit.

    Optional extras are read when present: ``id`` (the item id), ``content_hash`` or ``path`` (an id for
    an article not stored yet), ``item_type``, ``topics``, ``accessed`` and ``imported_at`` (the access
    date).
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
    """The CSL-JSON item for an :class:`~reader.ingest.Article` or a stored article."""
    language = _normalise_language(article.language)
    item_type = guess_csl_type(article)
    item: dict[str, Any] = {"id": item_id or _default_id(article), "type": item_type}
    title = text(article.title)
    if title:
        item["title"] = title
    authors = _authors(article, language)
    if authors:
        item["author"] = authors
    site = text(article.site)
    if site:
        item["publisher" if item_type == "report" else "container-title"] = site
    series = [s for s in article.series or [] if text(s)]
    if include_series and series:
        item["collection-title"] = text(series[0])
    issued = date_parts(article.date)
    if issued:
        item["issued"] = issued
    item["accessed"] = date_parts(_accessed(article)) or _today_parts()
    url = _citable_url(text(article.url))
    if url:
        item["URL"] = url
    if language:
        item["language"] = language
    keywords = [k for k in (text(t) for t in getattr(article, "topics", None) or []) if k]
    if keywords:
        item["keyword"] = ", ".join(keywords)
    return item


def guess_csl_type(article: CitableArticle) -> str:
    """The article's CSL item type: the one recorded (ingest's evidence or the user's choice), else what
    its site name and host say, else ``webpage``."""
    recorded = getattr(article, "item_type", None)
    if recorded in ITEM_TYPES:
        return str(recorded)
    named = item_type_from_names(text(article.site), text(article.url))
    return named[0] if named else "webpage"


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


def _citable_url(url: str | None) -> str | None:
    """An address a reader can follow (http, https, ftp); never a ``javascript:`` or ``data:`` one, which
    citeproc-js would make a live link in the clipboard HTML."""
    if not url:
        return None
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    return url if scheme in ("http", "https", "ftp") else None


def _normalise_language(value: str | None) -> str | None:
    language = text(value)
    return language.replace("_", "-") if language else None
