"""Reading citation metadata out of a page's JSON-LD (schema.org) objects.

Owns the choice of the article object among the page's JSON-LD objects (``@graph``
members included) and the reading of its headline, authors, dates, publisher,
series (``isPartOf`` / ``partOfSeries``), keywords and ``about``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reader.ingest.metadata.text import squash
from reader.ingest.metadata.vocabulary import (
    ARTICLE_TYPES,
    NOT_WORK_TYPES,
    ORG_TYPES,
    PAGE_TYPES,
    SERIES_TYPES,
)


@dataclass
class JsonLdFacts:
    """What the page's JSON-LD says about the article (raw strings, not yet cleaned)."""

    headline: str | None = None
    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    website: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    series: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


def types_of(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` names of a JSON-LD object (URLs reduced to their last part)."""
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def text_of(value: Any) -> str | None:
    """A plain string out of a JSON-LD value that may be a string, an object with a name, or a list."""
    if isinstance(value, str):
        value = squash(value)
        return value or None
    if isinstance(value, dict):
        for key in ("name", "@value", "headline", "text"):
            found = text_of(value.get(key))
            if found:
                return found
        return None
    if isinstance(value, list):
        for item in value:
            found = text_of(item)
            if found:
                return found
    return None


def read_jsonld(objects: list[dict[str, Any]]) -> JsonLdFacts:
    """Interpret the page's JSON-LD objects."""
    facts = JsonLdFacts()
    if not objects:
        return facts
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    article = _pick_article(objects)
    if article is not None:
        _read_article(article, by_id, facts)
    for obj in objects:
        kinds = types_of(obj)
        if "website" in kinds and not facts.website:
            facts.website = text_of(obj.get("name"))
        if kinds & PAGE_TYPES and article is not None and obj is not article:
            if not facts.published:
                facts.published = text_of(obj.get("datePublished"))
            if not facts.language:
                facts.language = text_of(obj.get("inLanguage"))
    return facts


def _pick_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    best: dict[str, Any] | None = None
    best_rank = 0
    for obj in objects:
        kinds = types_of(obj)
        rank = 0
        if kinds & ARTICLE_TYPES:
            rank = 3 if (obj.get("headline") or obj.get("author")) else 2
        elif kinds & PAGE_TYPES:
            rank = 1
        elif kinds and not kinds & NOT_WORK_TYPES and obj.get("headline") and obj.get("datePublished"):
            rank = 2  # another creative work with a headline (a RadioEpisode, a Chapter): the page's own text
        if rank > best_rank:
            best, best_rank = obj, rank
    return best


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """Follow ``{"@id": ...}`` references to the object the graph defines."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _read_article(article: dict[str, Any], by_id: dict[str, dict[str, Any]], facts: JsonLdFacts) -> None:
    facts.headline = text_of(article.get("headline")) or (
        text_of(article.get("name")) if types_of(article) & ARTICLE_TYPES else None
    )
    facts.published = text_of(article.get("datePublished")) or text_of(article.get("dateCreated"))
    facts.url = _url_of(article.get("url")) or _url_of(article.get("mainEntityOfPage"))
    facts.language = text_of(article.get("inLanguage"))
    facts.description = text_of(article.get("description"))
    for key in ("author", "creator"):
        _read_people(article.get(key), by_id, facts)
        if facts.persons or facts.organizations:
            break
    publisher = _resolve(article.get("publisher"), by_id)
    facts.publisher = text_of(publisher.get("name") if isinstance(publisher, dict) else publisher)
    for key in ("isPartOf", "partOfSeries"):
        _read_series(article.get(key), by_id, facts, explicit=(key == "partOfSeries"))
    facts.keywords = _keywords(article.get("keywords")) + _about_names(article.get("about"), by_id)


def _url_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _read_people(value: Any, by_id: dict[str, dict[str, Any]], facts: JsonLdFacts) -> None:
    items = value if isinstance(value, list) else [value]
    for item in items:
        item = _resolve(_json_in_string(item), by_id)
        if isinstance(item, str):
            if not item.strip().lower().startswith(("http://", "https://")):
                facts.persons.append(item)
            continue
        if not isinstance(item, dict):
            continue
        name = text_of(item.get("name"))
        if not name:
            given, family = text_of(item.get("givenName")), text_of(item.get("familyName"))
            name = " ".join(part for part in (given, family) if part) or None
        if not name:
            continue
        if types_of(item) & ORG_TYPES:
            facts.organizations.append(name)
        else:
            facts.persons.append(name)


def _json_in_string(value: Any) -> Any:
    """A person written as a JSON string inside the JSON ("{ \"@type\":\"Person\", \"name\":\"A B\" }"):
    a publisher's template escaped it once too often; the object it holds is what was meant."""
    if isinstance(value, str) and value.strip().startswith("{") and value.strip().endswith("}"):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        return parsed if isinstance(parsed, dict) else value
    return value


def _read_series(value: Any, by_id: dict[str, dict[str, Any]], facts: JsonLdFacts, *, explicit: bool) -> None:
    items = value if isinstance(value, list) else [value]
    for item in items:
        item = _resolve(item, by_id)
        if isinstance(item, str) and explicit:
            facts.series.append(item)
        if not isinstance(item, dict):
            continue
        kinds = types_of(item)
        # A plain WebSite / WebPage isPartOf is the site, not a series.
        if explicit or kinds & SERIES_TYPES:
            name = text_of(item.get("name"))
            if name:
                facts.series.append(name)


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part for part in (p.strip() for p in value.split(",")) if part]
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_keywords(item) if isinstance(item, str) else [])
        return out
    return []


def _about_names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        item = _resolve(item, by_id)
        if isinstance(item, dict):
            name = text_of(item.get("name"))
            if name:
                names.append(name)
    return names
