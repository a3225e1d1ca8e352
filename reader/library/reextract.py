"""Extracting stored articles again from their original files, with the extractor Offprint has now.

The originals are kept byte for byte (:mod:`.originals`), so when extraction improves (a better body
finder, better dates) the library can be brought up to it without the user's files: each article's
original is extracted again in this process, and the article is updated in place as a newer save of its
page would be (the user's edits, highlights, notes and collections kept; its highlights placed again on
the new text in the same transaction).  A new extraction that would make the article worse (no text, far
less text, a lost title: :func:`~reader.library.reimport.worse_than`) is not applied.  Images saved
beside the page (its ``_files/`` folder) are not in the original's bytes: when the new extraction finds
none, the article keeps those it has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from reader.errors import IngestError, StorageError
from reader.ingest import Resource, extract_bytes
from reader.library.annotation_store import reanchor_article, reanchored_note
from reader.library.records import extracted_values
from reader.library.reimport import worse_than
from reader.library.signatures import signature
from reader.library.types import ImportResult, ImportStatus, StoredArticle

if TYPE_CHECKING:
    from reader.library.facade import Library

logger = logging.getLogger(__name__)


def reextract(
    library: Library, ids: Sequence[int] | None = None, *, on_article: Callable[[int], None] | None = None
) -> Iterator[ImportResult]:
    """Extract articles again from their originals (``ids``; None: every article of the library).

    Yields one result per article: UPDATED (extracted again; ``note`` says what happened to highlights
    that could not be placed exactly), KEPT (the same as before, or the new extraction would be worse:
    ``note`` says why) or FAILED (the original is missing or cannot be extracted: ``error`` says why).
    """
    wanted = library.store.all_ids() if ids is None else [int(i) for i in ids]
    for article_id in wanted:
        if on_article is not None:
            on_article(article_id)
        yield _one(library, article_id)
    library.index.sync()


def _one(library: Library, article_id: int) -> ImportResult:
    earlier = library.get(article_id)
    shown = earlier.source_path
    try:
        data = library.original_bytes(article_id)
        article = extract_bytes(data, path=earlier.source_path, kind=_kind(library, article_id))
    except (IngestError, StorageError) as exc:
        return ImportResult(shown, ImportStatus.FAILED, article_id, earlier.title, error=str(exc))
    article.content_hash = earlier.content_hash
    if article.text == earlier.text and extracted_values(article) == earlier.extracted:
        return ImportResult(shown, ImportStatus.KEPT, article_id, earlier.title, note="unchanged")
    worse = worse_than(article, earlier)
    if worse is not None:
        return ImportResult(
            shown, ImportStatus.KEPT, article_id, earlier.title, note=f"kept the earlier extraction: {worse}"
        )
    if not article.resources:
        article.resources = _resources(library, earlier)
    with library.store.transaction() as conn:
        library.store.replace_extracted(
            conn, article_id, article, earlier.source_path, signature(article.text)
        )
        placed = reanchor_article(conn, article_id, earlier.text, article.text)
    return ImportResult(
        shown, ImportStatus.UPDATED, article_id, article.title or earlier.title, note=reanchored_note(placed)
    )


def _kind(library: Library, article_id: int) -> str:
    row = library.store.conn.execute("SELECT kind FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else "html"


def _resources(library: Library, earlier: StoredArticle) -> list[Resource]:
    """The images the article has now (saved beside its page, so not in the original's bytes)."""
    kept = []
    for name, media_type in earlier.resources.items():
        data = library.resource(earlier.id, name)
        if data is not None:
            kept.append(Resource(name=name, media_type=media_type, data=data))
    return kept
