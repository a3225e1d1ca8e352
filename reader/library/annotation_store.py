"""The rows of the user's highlights and notes, and what the library does to them when texts change.

:class:`AnnotationStore` reads and writes the ``annotations`` and ``notes`` tables (inside the store's
transactions).  :func:`reanchor_article` places an article's highlights on its new text (a newer save, a
re-extraction) in the transaction that changes the text; :func:`move_user_data` and
:func:`move_user_data_back` move highlights, notes and collection memberships for a merge of duplicates
and its undo; :func:`place_again` places highlights by their quotes (a merge, ``offprint check --repair``).
The named operations on them are :mod:`.annotations`'.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.errors import ArticleNotFoundError, StorageError
from reader.library.anchoring import Moving, Placement, Selector, place, reanchor
from reader.library.database import reads, writes
from reader.library.records import utc_now
from reader.library.store import LIVE, Store, queue
from reader.library.types import COLOURS, Anchoring, Annotation, Note

_COLUMNS = (
    "id, article_id, exact, prefix, suffix, start, end, quote, colour, comment, tags, created_at,"
    " modified_at, anchoring"
)
# Reading order: by article, then by place; orphaned highlights after the placed ones of their article.
_ORDER = "ORDER BY a.article_id, (a.anchoring = 'orphaned'), a.start, a.id"


def _annotation(row: sqlite3.Row | tuple[Any, ...]) -> Annotation:
    return Annotation(
        id=row[0],
        article_id=row[1],
        exact=row[2],
        prefix=row[3],
        suffix=row[4],
        start=row[5],
        end=row[6],
        quote=row[7],
        colour=row[8],
        comment=row[9],
        tags=tuple(json.loads(row[10])),
        created=row[11],
        modified=row[12],
        anchoring=Anchoring(row[13]),
    )


def _note(row: sqlite3.Row | tuple[Any, ...]) -> Note:
    return Note(id=row[0], article_id=row[1], text=row[2], created=row[3], modified=row[4])


def clean_colour(colour: str) -> str:
    """A colour name the library keeps (case and spaces forgiven); a StorageError names the five."""
    name = str(colour).strip().lower()
    if name == "grey" or name not in COLOURS:
        raise StorageError(f"unknown highlight colour {colour!r}: choose one of {', '.join(COLOURS)}")
    return name


def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = [tags]
    return tuple(dict.fromkeys(t.strip() for t in tags if str(t).strip()))


class AnnotationStore:
    """The highlights and notes of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path: Path = store.path

    # -- highlights ------------------------------------------------------------------------------------

    @reads
    def get(self, annotation_id: int) -> Annotation:
        row = self.store.conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no highlight {annotation_id} in the library {self.path.parent}")
        return _annotation(row)

    @reads
    def of_article(self, article_id: int) -> list[Annotation]:
        rows = self.store.conn.execute(
            f"SELECT {_prefixed()} FROM annotations a WHERE a.article_id = ? {_ORDER}", (article_id,)
        )
        return [_annotation(row) for row in rows]

    @reads
    def listed(
        self, *, colour: str | None = None, collection: int | None = None, tag: str | None = None
    ) -> list[Annotation]:
        """Every highlight of the library (the trash left out), in reading order, filtered."""
        where = [f"a.article_id IN (SELECT id FROM articles WHERE {LIVE})"]
        params: list[Any] = []
        if colour is not None:
            where.append("a.colour = ?")
            params.append(clean_colour(colour))
        if collection is not None:
            where.append("a.article_id IN (SELECT article_id FROM collection_items WHERE collection_id = ?)")
            params.append(collection)
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(a.tags) WHERE json_each.value = ?)")
            params.append(tag)
        rows = self.store.conn.execute(
            f"SELECT {_prefixed()} FROM annotations a WHERE {' AND '.join(where)} {_ORDER}", params
        )
        return [_annotation(row) for row in rows]

    @writes
    def insert(self, conn: sqlite3.Connection, record: Annotation, *, keep_id: bool = False) -> int:
        before = indexed_view(conn, record.article_id)
        values = (
            record.article_id,
            record.exact,
            record.prefix,
            record.suffix,
            record.start,
            record.end,
            record.quote,
            record.colour,
            record.comment,
            json.dumps(list(record.tags)),
            record.created,
            record.modified,
            record.anchoring.value,
        )
        columns = (
            "article_id, exact, prefix, suffix, start, end, quote, colour, comment, tags, created_at,"
            " modified_at, anchoring"
        )
        if keep_id:
            cursor = conn.execute(
                f"INSERT OR REPLACE INTO annotations (id, {columns}) VALUES (?, {_marks(14 - 1)})",
                (record.id, *values),
            )
        else:
            cursor = conn.execute(f"INSERT INTO annotations ({columns}) VALUES ({_marks(13)})", values)
        queue_if_seen(conn, record.article_id, before)
        return int(cursor.lastrowid or record.id)

    @reads
    def misplaced(self) -> list[tuple[int, int]]:
        """(highlight, article) of each placed highlight whose offsets do not cover its quote on the text."""
        return [
            (row[0], row[1])
            for row in self.store.conn.execute(
                "SELECT an.id, an.article_id FROM annotations an JOIN articles ar ON ar.id = an.article_id"
                " WHERE an.anchoring != 'orphaned' AND (an.start < 0 OR an.end <= an.start"
                " OR substr(ar.text, an.start + 1, an.end - an.start) != an.quote) ORDER BY an.id"
            )
        ]

    @reads
    def orphaned(self) -> list[int]:
        """The articles of the library with highlights that are no longer on their text."""
        return [
            row[0]
            for row in self.store.conn.execute(
                "SELECT DISTINCT article_id FROM annotations WHERE anchoring = 'orphaned'"
                f" AND article_id IN (SELECT id FROM articles WHERE {LIVE}) ORDER BY article_id"
            )
        ]

    @reads
    def counts(self) -> dict[str, int]:
        """How many highlights (and of them orphaned), notes, collections and saved searches there are."""
        conn = self.store.conn
        live = f"article_id IN (SELECT id FROM articles WHERE {LIVE})"
        return {
            "highlights": conn.execute(f"SELECT count(*) FROM annotations WHERE {live}").fetchone()[0],
            "orphaned_highlights": conn.execute(
                f"SELECT count(*) FROM annotations WHERE anchoring = 'orphaned' AND {live}"
            ).fetchone()[0],
            "notes": conn.execute(
                f"SELECT count(*) FROM notes WHERE article_id IS NULL OR {live}"
            ).fetchone()[0],
            "collections": conn.execute("SELECT count(*) FROM collections").fetchone()[0],
            "saved_searches": conn.execute("SELECT count(*) FROM saved_searches").fetchone()[0],
        }

    # -- notes -------------------------------------------------------------------------------------------

    @reads
    def note(self, note_id: int) -> Note:
        row = self.store.conn.execute(
            "SELECT id, article_id, text, created_at, modified_at FROM notes WHERE id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"no note {note_id} in the library {self.path.parent}")
        return _note(row)

    @reads
    def notes(self, article_id: int | None) -> list[Note]:
        where = "article_id IS NULL" if article_id is None else "article_id = ?"
        rows = self.store.conn.execute(
            f"SELECT id, article_id, text, created_at, modified_at FROM notes WHERE {where}"
            " ORDER BY created_at, id",
            () if article_id is None else (article_id,),
        )
        return [_note(row) for row in rows]

    @writes
    def put_note(self, conn: sqlite3.Connection, note: Note, *, keep_id: bool = False) -> int:
        values = (note.article_id, note.text, note.created, note.modified)
        if keep_id:
            conn.execute(
                "INSERT OR REPLACE INTO notes (id, article_id, text, created_at, modified_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (note.id, *values),
            )
            note_id = note.id
        else:
            cursor = conn.execute(
                "INSERT INTO notes (article_id, text, created_at, modified_at) VALUES (?, ?, ?, ?)", values
            )
            note_id = int(cursor.lastrowid or 0)
        if note.article_id is not None:
            queue(conn, [note.article_id])
        return note_id


def indexed_view(conn: sqlite3.Connection, article_id: int) -> tuple[str, bool]:
    """What the index holds of an article's highlights: their comments, and whether it has any (or notes)."""
    comments = [
        row[0]
        for row in conn.execute(
            "SELECT comment FROM annotations WHERE article_id = ? ORDER BY id", (article_id,)
        )
    ]
    has_notes = conn.execute("SELECT 1 FROM notes WHERE article_id = ? LIMIT 1", (article_id,)).fetchone()
    return "\x1f".join(comments), bool(comments) or has_notes is not None


def queue_if_seen(conn: sqlite3.Connection, article_id: int, before: tuple[str, bool]) -> None:
    """Queue the article for the index when what the index holds of it changed (a highlight's place or
    colour is not in the index: re-indexing a long article for it would cost a whoosh write each time)."""
    if indexed_view(conn, article_id) != before:
        queue(conn, [article_id])


def _prefixed() -> str:
    return ", ".join(f"a.{name.strip()}" for name in _COLUMNS.split(","))


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def reanchor_article(
    conn: sqlite3.Connection, article_id: int, old_text: str, new_text: str
) -> Counter[Anchoring]:
    """Place the article's highlights on its new text (inside the transaction that changes the text);
    returns how many are placed exactly, fuzzily and not at all."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM annotations WHERE article_id = ? ORDER BY id", (article_id,)
    ).fetchall()
    if not rows or old_text == new_text:
        return Counter()
    highlights = [_annotation(row) for row in rows]
    placed = reanchor(old_text, new_text, [_moving(h) for h in highlights])
    conn.executemany(
        "UPDATE annotations SET start = ?, end = ?, anchoring = ?, quote = ? WHERE id = ?",
        [
            (p.start, p.end, p.anchoring.value, covered(new_text, p, h), h.id)
            for h, p in zip(highlights, placed, strict=True)
        ],
    )
    return Counter(p.anchoring for p in placed)


def reanchored_note(placed: Counter[Anchoring]) -> str | None:
    """What an import tells the user about highlights it could not place exactly on the new text."""
    parts = []
    if placed[Anchoring.FUZZY]:
        parts.append(f"{placed[Anchoring.FUZZY]} placed on a changed passage")
    if placed[Anchoring.ORPHANED]:
        parts.append(f"{placed[Anchoring.ORPHANED]} no longer found in the text (kept, listed as orphaned)")
    return f"highlights: {'; '.join(parts)}" if parts else None


def move_user_data(conn: sqlite3.Connection, keep: int, merged: Sequence[int], text: str) -> tuple[int, ...]:
    """A merge of duplicates: the merged articles' highlights and notes move to ``keep`` (highlights placed
    on its ``text``, which may differ), and ``keep`` joins their collections; returns the collections it
    joined (what :func:`move_user_data_back` leaves again)."""
    marks = ",".join("?" * len(merged))
    moving = [
        row[0]
        for row in conn.execute(
            f"SELECT id FROM annotations WHERE article_id IN ({marks}) ORDER BY id", merged
        )
    ]
    conn.execute(
        f"UPDATE annotations SET moved_from = article_id, article_id = ? WHERE article_id IN ({marks})",
        (keep, *merged),
    )
    conn.execute(
        f"UPDATE notes SET moved_from = article_id, article_id = ? WHERE article_id IN ({marks})",
        (keep, *merged),
    )
    place_again(conn, moving, text)
    joined = [
        row[0]
        for row in conn.execute(
            f"SELECT DISTINCT collection_id FROM collection_items WHERE article_id IN ({marks})"
            " AND collection_id NOT IN (SELECT collection_id FROM collection_items WHERE article_id = ?)"
            " ORDER BY collection_id",
            (*merged, keep),
        )
    ]
    now = utc_now()
    conn.executemany(
        "INSERT OR IGNORE INTO collection_items (collection_id, article_id, added_at) VALUES (?, ?, ?)",
        [(collection_id, keep, now) for collection_id in joined],
    )
    queue(conn, [keep])
    return tuple(joined)


def move_user_data_back(
    conn: sqlite3.Connection, keep: int, merged: Sequence[int], joined: Sequence[int], texts: dict[int, str]
) -> None:
    """Undo :func:`move_user_data`: highlights and notes go back to the articles they came from (highlights
    placed on those articles' texts again) and ``keep`` leaves the collections the merge made it join."""
    for source in merged:
        back = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM annotations WHERE article_id = ? AND moved_from = ?", (keep, source)
            )
        ]
        for table in ("annotations", "notes"):
            conn.execute(
                f"UPDATE {table} SET article_id = moved_from, moved_from = NULL"
                " WHERE article_id = ? AND moved_from = ?",
                (keep, source),
            )
        place_again(conn, back, texts.get(source, ""))
    conn.executemany(
        "DELETE FROM collection_items WHERE collection_id = ? AND article_id = ?", [(c, keep) for c in joined]
    )
    queue(conn, [keep, *merged])


def place_again(conn: sqlite3.Connection, annotation_ids: Sequence[int], text: str) -> None:
    """Place highlights on ``text`` again by their quotes (moved to another article by a merge, or found
    off their passage by `offprint check`)."""
    for annotation_id in annotation_ids:
        row = conn.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        highlight = _annotation(row)
        selector = Selector(
            highlight.quote, highlight.prefix, highlight.suffix, highlight.start, highlight.end
        )
        placed = place(text, selector)
        if placed.anchoring is Anchoring.ORPHANED and highlight.exact != highlight.quote:
            placed = place(text, _original(highlight))
        conn.execute(
            "UPDATE annotations SET start = ?, end = ?, anchoring = ?, quote = ? WHERE id = ?",
            (
                placed.start,
                placed.end,
                placed.anchoring.value,
                covered(text, placed, highlight),
                annotation_id,
            ),
        )


def _moving(highlight: Annotation) -> Moving:
    current = Placement(highlight.start, highlight.end, highlight.anchoring) if highlight.anchored else None
    return Moving(current, _original(highlight))


def _original(highlight: Annotation) -> Selector:
    return Selector(highlight.exact, highlight.prefix, highlight.suffix, highlight.start, highlight.end)


def covered(text: str, placed: Placement, highlight: Annotation) -> str:
    """The text a highlight covers now (its quote as highlighted when it is orphaned)."""
    return text[placed.start : placed.end] if placed.anchoring is not Anchoring.ORPHANED else highlight.exact
