"""The user's highlights and notes: their rows, and the named operations the facade offers on them.

:class:`AnnotationStore` reads and writes the ``annotations`` and ``notes`` tables (inside the store's
transactions).  :class:`AnnotationActions` is a part of :class:`~reader.library.facade.Library` (a
mixin, as :class:`~reader.library.actions.ArticleActions` is): annotate, edit, delete and put back
highlights and notes.  Each write is one store transaction that also queues the article for the index
(comments and notes are searchable: ``note:WORD``), then one index catch-up.  Undo is built from these
operations: a deletion returns the record that :meth:`AnnotationActions.restore_annotation` (or
``restore_note``) puts back under the same id; an edit is undone by restoring the record as it was.

Highlights sit on the article's text (:mod:`.anchoring`); when the text changes they are placed again
(:func:`reanchor_article`, called inside the transaction that changes the text).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import ArticleNotFoundError, StorageError
from reader.library.anchoring import (
    Moving,
    Placement,
    Selector,
    context_score,
    place,
    reanchor,
    selector_at,
)
from reader.library.database import reads, writes
from reader.library.records import utc_now
from reader.library.store import LIVE, Store, queue
from reader.library.types import COLOURS, Anchoring, Annotation, Note

if TYPE_CHECKING:
    from reader.library.index.manager import IndexManager

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
        _queue_if_seen(conn, record.article_id, before)
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


def _queue_if_seen(conn: sqlite3.Connection, article_id: int, before: tuple[str, bool]) -> None:
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
            (p.start, p.end, p.anchoring.value, _covered(new_text, p, h), h.id)
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
                _covered(text, placed, highlight),
                annotation_id,
            ),
        )


def _moving(highlight: Annotation) -> Moving:
    current = Placement(highlight.start, highlight.end, highlight.anchoring) if highlight.anchored else None
    return Moving(current, _original(highlight))


def _original(highlight: Annotation) -> Selector:
    return Selector(highlight.exact, highlight.prefix, highlight.suffix, highlight.start, highlight.end)


def _covered(text: str, placed: Placement, highlight: Annotation) -> str:
    """The text a highlight covers now (its quote as highlighted when it is orphaned)."""
    return text[placed.start : placed.end] if placed.anchoring is not Anchoring.ORPHANED else highlight.exact


class AnnotationActions:
    """Highlights and notes (part of :class:`~reader.library.facade.Library`)."""

    folder: Path
    store: Store
    index: IndexManager
    marks: AnnotationStore

    def _require_writable(self, action: str) -> None:
        raise NotImplementedError  # the facade's

    # -- highlights ------------------------------------------------------------------------------------

    def annotate(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        colour: str = COLOURS[0],
        comment: str = "",
        tags: Sequence[str] = (),
    ) -> Annotation:
        """Highlight ``StoredArticle.text[start:end]`` of an article (a selection's character offsets)."""
        self._require_writable("highlight")
        article_id = int(article_id)
        text = self.store.text(article_id)  # raises ArticleNotFoundError
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise StorageError(
                f"cannot highlight characters {start}–{end} of article {article_id}: "
                f"choose some text inside its {len(text):,} characters"
            )
        start, end = _without_spaces(text, start, end)
        return self._add(article_id, selector_at(text, start, end), Anchoring.EXACT, colour, comment, tags)

    def annotate_quote(
        self,
        article_id: int,
        quote: str,
        *,
        colour: str = COLOURS[0],
        comment: str = "",
        tags: Sequence[str] = (),
        prefix: str = "",
        suffix: str = "",
        near: int | None = None,
    ) -> Annotation:
        """Highlight the passage ``quote`` of an article (``offprint annotate --quote``; the app when it
        knows the selected text and its context rather than offsets).

        Spaces and line breaks in ``quote`` match any run of white space.  The occurrence whose context
        fits ``prefix`` and ``suffix`` (and is nearest ``near``) is chosen; a quote the article does not
        contain is an error naming the article.
        """
        self._require_writable("highlight")
        article_id = int(article_id)
        text = self.store.text(article_id)
        span = _find_quote(text, quote, prefix, suffix, near)
        if span is None:
            shown = " ".join(quote.split())
            shown = shown if len(shown) <= 80 else shown[:77] + "…"
            raise StorageError(f"article {article_id} does not contain the passage “{shown}”")
        return self._add(article_id, selector_at(text, *span), Anchoring.EXACT, colour, comment, tags)

    def _add(
        self,
        article_id: int,
        selector: Selector,
        anchoring: Anchoring,
        colour: str,
        comment: str,
        tags: Sequence[str],
    ) -> Annotation:
        now = utc_now()
        record = Annotation(
            id=0,
            article_id=article_id,
            exact=selector.exact,
            prefix=selector.prefix,
            suffix=selector.suffix,
            start=selector.start,
            end=selector.end,
            quote=selector.exact,
            colour=clean_colour(colour),
            comment=str(comment).strip(),
            tags=clean_tags(tags),
            created=now,
            modified=now,
            anchoring=anchoring,
        )
        with self.store.transaction() as conn:
            annotation_id = self.marks.insert(conn, record)
        self.index.sync()
        return self.marks.get(annotation_id)

    def annotation(self, annotation_id: int) -> Annotation:
        """One highlight (ArticleNotFoundError when there is none)."""
        return self.marks.get(int(annotation_id))

    def update_annotation(
        self,
        annotation_id: int,
        *,
        colour: str | None = None,
        comment: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Annotation:
        """Change a highlight's colour, comment or tags (what is None stays); returns it as it is now."""
        self._require_writable("edit a highlight")
        before = self.marks.get(int(annotation_id))
        changes: dict[str, Any] = {}
        if colour is not None:
            changes["colour"] = clean_colour(colour)
        if comment is not None:
            changes["comment"] = str(comment).strip()
        if tags is not None:
            changes["tags"] = clean_tags(tags)
        if not changes:
            return before
        after = _replaced(before, changes)
        with self.store.transaction() as conn:
            self.marks.insert(conn, after, keep_id=True)
        self.index.sync()
        return self.marks.get(before.id)

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Delete a highlight; returns it as it was, for :meth:`restore_annotation` (undo)."""
        self._require_writable("delete a highlight")
        record = self.marks.get(int(annotation_id))
        with self.store.transaction() as conn:
            before = indexed_view(conn, record.article_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (record.id,))
            _queue_if_seen(conn, record.article_id, before)
        self.index.sync()
        return record

    def restore_annotation(self, record: Annotation) -> Annotation:
        """Put a highlight back exactly as ``record`` has it, under its id (undo of a deletion or an edit;
        redo of a highlight).  Its place is checked against the article's text now."""
        self._require_writable("put a highlight back")
        text = self.store.text(record.article_id)  # the article must still be there (library or trash)
        if record.anchored and text[record.start : record.end] != record.quote:
            selector = Selector(record.quote, record.prefix, record.suffix, record.start, record.end)
            placed = place(text, selector)
            record = _replaced(
                record,
                {
                    "start": placed.start,
                    "end": placed.end,
                    "anchoring": placed.anchoring,
                    "quote": _covered(text, placed, record),
                },
            )
        with self.store.transaction() as conn:
            self.marks.insert(conn, record, keep_id=True)
        self.index.sync()
        return self.marks.get(record.id)

    def annotations(
        self,
        article_id: int | None = None,
        *,
        colour: str | None = None,
        collection: int | None = None,
        tag: str | None = None,
    ) -> list[Annotation]:
        """The highlights of one article (even in the trash), or of the whole library (the trash left out),
        in reading order (orphaned ones after the placed ones of their article); filtered by colour,
        collection (its id) or tag."""
        if article_id is not None:
            self.store.content_hash(int(article_id))  # raises ArticleNotFoundError
            found = self.marks.of_article(int(article_id))
            if colour is not None:
                found = [a for a in found if a.colour == clean_colour(colour)]
            if tag is not None:
                found = [a for a in found if tag in a.tags]
            return found
        return self.marks.listed(colour=colour, collection=collection, tag=tag)

    # -- notes -------------------------------------------------------------------------------------------

    def add_note(self, article_id: int | None, text: str) -> Note:
        """A new Markdown note on an article (None: a note on no article)."""
        self._require_writable("add a note")
        if article_id is not None:
            article_id = int(article_id)
            self.store.content_hash(article_id)
        now = utc_now()
        with self.store.transaction() as conn:
            note_id = self.marks.put_note(conn, Note(0, article_id, str(text), now, now))
        self.index.sync()
        return self.marks.note(note_id)

    def note(self, note_id: int) -> Note:
        return self.marks.note(int(note_id))

    def update_note(self, note_id: int, text: str) -> Note:
        self._require_writable("edit a note")
        before = self.marks.note(int(note_id))
        if before.text == text:
            return before
        after = Note(before.id, before.article_id, str(text), before.created, utc_now())
        with self.store.transaction() as conn:
            self.marks.put_note(conn, after, keep_id=True)
        self.index.sync()
        return self.marks.note(before.id)

    def delete_note(self, note_id: int) -> Note:
        """Delete a note; returns it as it was, for :meth:`restore_note` (undo)."""
        self._require_writable("delete a note")
        record = self.marks.note(int(note_id))
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM notes WHERE id = ?", (record.id,))
            if record.article_id is not None:
                queue(conn, [record.article_id])
        self.index.sync()
        return record

    def restore_note(self, record: Note) -> Note:
        """Put a note back exactly as ``record`` has it, under its id (undo of a deletion or an edit)."""
        self._require_writable("put a note back")
        if record.article_id is not None:
            self.store.content_hash(record.article_id)
        with self.store.transaction() as conn:
            self.marks.put_note(conn, record, keep_id=True)
        self.index.sync()
        return self.marks.note(record.id)

    def notes(self, article_id: int | None = None) -> list[Note]:
        """The notes on an article (None: the notes on no article), oldest first."""
        if article_id is not None:
            self.store.content_hash(int(article_id))
        return self.marks.notes(None if article_id is None else int(article_id))


def _replaced(record: Annotation, changes: dict[str, Any]) -> Annotation:
    return replace(record, **changes)


def _without_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the white space at its ends (a drag often takes a line break along)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _find_quote(text: str, quote: str, prefix: str, suffix: str, near: int | None) -> tuple[int, int] | None:
    """The span of ``text`` that is ``quote`` (white space matching any white space), best fitting the
    context; None when there is none."""
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    hint = near if near is not None else 0
    best: tuple[float, tuple[int, int]] | None = None
    for count, found in enumerate(pattern.finditer(text)):
        if count >= 2000:
            break
        selector = Selector(found.group(), prefix, suffix, found.start(), found.end())
        score = context_score(text, found.start(), found.end(), selector, hint)
        if best is None or score > best[0]:
            best = (score, (found.start(), found.end()))
    return best[1] if best else None
