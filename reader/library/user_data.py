"""What the index knows of the user's own data on each article: its comments and notes, and flags.

Read per batch of articles by :meth:`Store.index_docs` (one query per table for the whole batch), so the
index's ``notes`` field and ``flags`` keywords always come from the store's truth.  Collections are not in
the index: a search scoped to one is given its articles' ids (:mod:`.scopes`), so putting a thousand
articles in a collection writes nothing to the index.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from reader.library.index.base import IndexDoc

#: The flag of an article with highlights or notes (``Filters.has_annotations``).
ANNOTATED = "annotated"


def with_user_data(conn: sqlite3.Connection, docs: Sequence[IndexDoc]) -> list[IndexDoc]:
    """``docs`` with their comments and notes and flags filled in from the store."""
    if not docs:
        return []
    ids = [doc.id for doc in docs]
    marks = ",".join("?" * len(ids))
    texts: dict[int, list[str]] = defaultdict(list)
    annotated: set[int] = set()
    for article_id, comment in conn.execute(
        f"SELECT article_id, comment FROM annotations WHERE article_id IN ({marks}) ORDER BY start", ids
    ):
        annotated.add(article_id)
        if comment:
            texts[article_id].append(comment)
    for article_id, text in conn.execute(
        f"SELECT article_id, text FROM notes WHERE article_id IN ({marks}) ORDER BY id", ids
    ):
        annotated.add(article_id)
        texts[article_id].append(text)
    for doc in docs:
        doc.notes = "\n\n".join(texts.get(doc.id, []))
        doc.flags = [ANNOTATED] if doc.id in annotated else []
    return list(docs)
