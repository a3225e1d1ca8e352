"""The named operations on the user's highlights and notes: a part of the :class:`Library` facade.

:class:`AnnotationActions` is a part of :class:`~reader.library.facade.Library` (a mixin, as
:class:`~reader.library.actions.ArticleActions` is): annotate, edit, delete and put back highlights and
notes.  Each write is one store transaction that also queues the article for the index when what the
index holds of it changes (comments and notes are searchable: ``note:WORD``), then one index catch-up.
Undo is built from these operations: a deletion returns the record that
:meth:`AnnotationActions.restore_annotation` (or ``restore_note``) puts back under the same id; an edit is
undone by restoring the record as it was.  The rows, and placing highlights again when a text changes,
are :mod:`.annotation_store`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import StorageError
from reader.library.anchoring import Selector, context_score, place, selector_at
from reader.library.annotation_store import (
    AnnotationStore,
    clean_colour,
    clean_tags,
    covered,
    indexed_view,
    queue_if_seen,
)
from reader.library.records import utc_now
from reader.library.store import Store, queue
from reader.library.types import COLOURS, Anchoring, Annotation, Note

if TYPE_CHECKING:
    from reader.library.index.manager import IndexManager


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
            queue_if_seen(conn, record.article_id, before)
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
                    "quote": covered(text, placed, record),
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
