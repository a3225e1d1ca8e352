"""Plain data exchanged across the library facade (no I/O, no Qt).

These types are the contract between ``reader.library`` and its callers
(``reader.cli``, ``reader.cite``, ``reader.ui``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

FACETS = ("series", "topics", "authors", "sites", "years")


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"  # same canonical URL as a stored article: updated in place, edits kept
    DUPLICATE = "duplicate"  # same content hash as a stored article: skipped
    FAILED = "failed"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    article_id: int | None = None
    title: str | None = None
    error: str | None = None  # set when status is FAILED: names the file and the problem


@dataclass(frozen=True)
class ImportProgress:
    """Progress of a running import, sent after every file."""

    done: int
    total: int
    current: str
    rate: float  # files per second so far
    eta_seconds: float | None


@dataclass
class Filters:
    """Facet filters: values within one facet combine with OR, facets with AND."""

    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None

    def is_empty(self) -> bool:
        return not (
            self.series
            or self.topics
            or self.authors
            or self.sites
            or self.years
            or self.date_from
            or self.date_to
        )


class SortOrder(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"  # newest first
    TITLE = "title"
    AUTHOR = "author"
    SITE = "site"


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    authors: list[str]
    date: str | None
    site: str | None
    series: list[str]
    topics: list[str]
    score: float
    snippet: str  # HTML: escaped text with matched words in <b>…</b>


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]  # facet name (see FACETS) → value → count
    # When nothing matched: the query's words (or phrases) that no article contains, as written.
    unmatched: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "authors": h.authors,
                    "date": h.date,
                    "site": h.site,
                    "series": h.series,
                    "topics": h.topics,
                    "score": h.score,
                    "snippet": h.snippet,
                }
                for h in self.hits
            ],
            "facets": self.facets,
            "unmatched": self.unmatched,
        }


def no_match_message(query: str, unmatched: Sequence[str]) -> str:
    """What the app and the CLI say when ``query`` finds nothing, naming the words no article has.

    ``No articles match “harbour xyzzy”: “xyzzy” is in no article.``
    """
    shown = f"No articles match “{query}”" if query.strip() else "No articles match"
    if not unmatched:
        return shown + "."
    words = [f"“{word}”" for word in unmatched]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"{shown}: {listed} {'is' if len(words) == 1 else 'are'} in no article."


@dataclass(frozen=True)
class Match:
    """One hit inside one article's text: character offsets into ``StoredArticle.text``."""

    start: int
    end: int


@dataclass
class StoredArticle:
    """One article as the store holds it: extracted metadata with user edits applied.

    ``edited`` names the fields whose value comes from a user edit; ``extracted``
    keeps the values ingest found, so the app can show both.
    """

    id: int
    content_hash: str
    source_path: str
    imported_at: str  # ISO 8601, UTC
    title: str
    authors: list[str]
    organizations: list[str]
    date: str | None
    site: str | None
    url: str | None
    language: str | None
    excerpt: str | None
    series: list[str]
    topics: list[str]
    accessed: str | None  # YYYY-MM-DD: the user's own, else the import date
    text: str
    html: str
    repairs: list[dict[str, Any]]
    provenance: dict[str, str]
    edited: set[str] = field(default_factory=set)
    extracted: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, str] = field(default_factory=dict)  # reference in html → media type


EDITABLE_FIELDS = (
    "title",
    "authors",
    "organizations",
    "date",
    "site",
    "url",
    "language",
    "series",
    "topics",
    "accessed",
)
