"""How an article is laid out in the store's rows: pure conversions, no database.

An ``articles`` row keeps what ingest extracted (``extracted``, JSON) and the values in effect
(``effective``: extracted, the import date as the access date, then the user's edits), sort keys
derived from the effective values, and the text, reader HTML and repair report.  This module builds
those values from an ingest :class:`~reader.ingest.Article` and turns rows back into a
:class:`~reader.library.types.StoredArticle` or the index's :class:`~reader.library.index.base.IndexDoc`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from reader.ingest import Article, RepairEntry, attention_reasons
from reader.library.index.base import IndexDoc, date_key
from reader.library.types import EDITABLE_FIELDS, EXTRACTED_FIELDS, LIST_FIELDS, StoredArticle

#: The provenance of an access date that is the import day (the page and its file told none).
IMPORT_DATE = "import-date"

#: Every citation field a StoredArticle carries (extracted, editable or both), in the class's order.
_CITATION_FIELDS = tuple(dict.fromkeys(EXTRACTED_FIELDS + EDITABLE_FIELDS))


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def extracted_values(article: Article) -> dict[str, Any]:
    """What ingest found, as the store keeps it (the ``extracted`` column)."""
    return {name: getattr(article, name) for name in EXTRACTED_FIELDS}


def effective_values(
    extracted: Mapping[str, Any], edits: Mapping[str, Any], imported_at: str
) -> dict[str, Any]:
    """The values in effect: extracted (the import day as the access date when the page told none), then
    the user's edits."""
    effective = dict(extracted)
    effective["accessed"] = extracted.get("accessed") or imported_at[:10]
    effective.update({name: value for name, value in edits.items() if name in EDITABLE_FIELDS})
    return effective


def sort_keys(effective: Mapping[str, Any]) -> tuple[str, str, str, int]:
    """The ``sort_title``, ``sort_author``, ``sort_site`` and ``sort_date`` columns."""
    authors = effective.get("authors") or effective.get("organizations") or []
    first_author = authors[0] if authors else ""
    surname = first_author.split()[-1] if first_author.split() else ""
    return (
        (effective.get("title") or "").casefold(),
        f"{surname} {first_author}".strip().casefold(),
        (effective.get("site") or "").casefold(),
        date_key(effective.get("date")),
    )


def provenance_json(article: Article) -> str:
    """The ``provenance`` column: ingest's sources, and ``import-date`` for an access date it did not find."""
    provenance = dict(article.provenance)
    if not article.accessed:
        provenance["accessed"] = IMPORT_DATE
    return json.dumps(provenance)


#: What the import says of an article whose page gave no article text (it shows under Needs Attention).
NO_TEXT = "no text found"


def attention_for(text: str, repairs: Iterable[RepairEntry | Mapping[str, Any]] = ()) -> str | None:
    """The ``attention`` column: why an article with this text and repair report needs the user's eye,
    as the codes of ``reader.ingest.ATTENTION_REASONS`` space-separated ("no-text", "suspected-spam
    lost-link-text"), or None when nothing does."""
    return " ".join(attention_reasons(repairs, text)) or None


def repairs_json(article: Article) -> str:
    return json.dumps([entry.to_json() for entry in article.repairs])


def stored_article(row: sqlite3.Row, edits: Mapping[str, Any], resources: Mapping[str, str]) -> StoredArticle:
    """An ``articles`` row (``SELECT *`` and the trash's ``trashed_at``) with its edits and resources
    (name → media type)."""
    effective = json.loads(row["effective"])
    return StoredArticle(
        id=row["id"],
        content_hash=row["content_hash"],
        source_path=row["source_path"],
        imported_at=row["imported_at"],
        text=row["text"],
        html=row["html"],
        repairs=json.loads(row["repairs"]),
        provenance=json.loads(row["provenance"]),
        evidence=json.loads(row["evidence"]),
        attention=(row["attention"] or "").split(),
        edited=set(edits),
        extracted=json.loads(row["extracted"]),
        resources=dict(resources),
        trashed_at=row["trashed_at"],
        **{name: _citation_value(name, effective.get(name)) for name in _CITATION_FIELDS},
    )


def _citation_value(name: str, value: Any) -> Any:
    if name in LIST_FIELDS:
        return list(value or [])
    if name == "title":
        return value or ""  # the one citation field that is never None
    return value


def index_doc(article_id: int, effective: Mapping[str, Any], text: str, imported_at: str = "") -> IndexDoc:
    """The index's view of an article: effective values, persons and organisations as authors."""
    return IndexDoc(
        id=article_id,
        title=effective.get("title") or "",
        body=text,
        authors=list(effective.get("authors") or []) + list(effective.get("organizations") or []),
        site=effective.get("site"),
        series=list(effective.get("series") or []),
        topics=list(effective.get("topics") or []),
        date=effective.get("date"),
        language=effective.get("language"),
        added=unix_seconds(imported_at),
    )


def unix_seconds(timestamp: str) -> int:
    """An ISO 8601 time (UTC when it names no zone) as Unix seconds; 0 when it is empty or unreadable."""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return 0
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def chunks(items: list[int], size: int) -> Iterator[list[int]]:
    """``items`` in slices of at most ``size`` (SQLite limits the parameters of one statement)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
