"""What a user does to articles, as named library operations: edit, bulk edit, revert, remove to the
trash, restore, empty the trash, find and merge duplicates — each with the operation that undoes it.

:class:`ArticleActions` is a part of :class:`~reader.library.facade.Library` (a mixin: the facade
stays about opening, searching and importing).  Every write is one store transaction followed by one
index catch-up.  Undo is built from these operations, never from a copy of the database: an edit or a
bulk edit is undone by putting back an :class:`EditSnapshot` taken before it (:meth:`edit_snapshots`,
:meth:`restore_edits`), a removal by :meth:`restore`, a merge by :meth:`unmerge`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import ArticleNotFoundError, StorageError
from reader.library.annotation_store import move_user_data, move_user_data_back
from reader.library.duplicates import DuplicateFinder, best_values, changed_values
from reader.library.originals import Originals
from reader.library.store import Store
from reader.library.trash import Trash
from reader.library.types import (
    EDITABLE_FIELDS,
    ITEM_TYPES,
    LIST_FIELDS,
    BulkEdit,
    DuplicateSet,
    EditSnapshot,
    Merge,
    StoredArticle,
    TrashedArticle,
)

if TYPE_CHECKING:
    from reader.library.index.manager import IndexManager

logger = logging.getLogger(__name__)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATE_FIELDS = ("date", "accessed")
#: The marker file present while the trash is being emptied (a crash leaves files to clean up).
PURGE_MARKER = ".purge-in-progress"


class ArticleActions:
    """The user's actions on articles (part of :class:`~reader.library.facade.Library`)."""

    folder: Path
    store: Store
    originals: Originals
    index: IndexManager
    trash: Trash
    duplicates: DuplicateFinder

    def _require_writable(self, action: str) -> None:
        raise NotImplementedError  # the facade's

    def get(self, article_id: int) -> StoredArticle:
        raise NotImplementedError  # the facade's

    # -- edits ---------------------------------------------------------------------------------------

    def update(self, article_id: int, **fields: Any) -> StoredArticle:
        """Record the user's edits (kept apart from extracted values; they survive re-import)."""
        self._require_writable("edit an article")
        article_id = int(article_id)
        unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
        if unknown:
            raise StorageError(
                f"cannot edit {', '.join(unknown)} of article {article_id}: "
                f"editable fields are {', '.join(EDITABLE_FIELDS)}"
            )
        self.store.content_hash(article_id)  # raises ArticleNotFoundError
        clean = {name: clean_edit(name, value, article_id) for name, value in fields.items()}
        with self.store.transaction() as conn:
            self.store.set_edits(conn, article_id, clean)
        self.index.sync()
        return self.get(article_id)

    def update_many(self, ids: Sequence[int], changes: BulkEdit) -> list[int]:
        """Apply one :class:`BulkEdit` to each article in ``ids``, in one transaction and one index update.

        Returns the ids of the articles it changed (an article that already had every added value
        and none of the removed ones is left alone).  Nothing is written when an id is missing.
        """
        self._require_writable("edit articles")
        problems = changes.problems()
        if problems:
            raise StorageError(f"cannot make this bulk edit: {'; '.join(problems)}")
        wanted = list(dict.fromkeys(int(i) for i in ids))
        current = self.store.summaries(wanted)
        missing = [str(i) for i in wanted if i not in current]
        if missing:
            raise ArticleNotFoundError(f"no article {', '.join(missing)} in the library {self.folder}")
        edits: dict[int, dict[str, Any]] = {}
        for article_id in wanted:
            fields = changes.changes_for(current[article_id][0])
            if fields:
                edits[article_id] = {
                    name: clean_edit(name, value, article_id) for name, value in fields.items()
                }
        if edits:
            with self.store.transaction() as conn:
                for article_id, fields in edits.items():
                    self.store.set_edits(conn, article_id, fields)
            self.index.sync()
        return list(edits)

    def revert(self, article_id: int, fields: Sequence[str]) -> StoredArticle:
        """Drop the user's edits of ``fields``: the extracted values are in effect again."""
        self._require_writable("revert an edit")
        article_id = int(article_id)
        self.store.content_hash(article_id)
        with self.store.transaction() as conn:
            self.store.drop_edits(conn, article_id, list(fields))
        self.index.sync()
        return self.get(article_id)

    def edit_snapshots(self, ids: Sequence[int], fields: Sequence[str]) -> list[EditSnapshot]:
        """The user's own values of ``fields`` of each article now: what :meth:`restore_edits` puts back."""
        return [self.store.edit_snapshot(int(i), list(fields)) for i in ids]

    def restore_edits(self, snapshots: Sequence[EditSnapshot]) -> list[int]:
        """Put the user's own values back as the snapshots recorded them (undo and redo of edits)."""
        self._require_writable("undo an edit")
        if not snapshots:
            return []
        for snapshot in snapshots:
            self.store.content_hash(snapshot.article_id)
        with self.store.transaction() as conn:
            for snapshot in snapshots:
                self.store.put_edit_snapshot(conn, snapshot)
        self.index.sync()
        return [s.article_id for s in snapshots]

    # -- the trash -----------------------------------------------------------------------------------

    def remove(self, ids: Sequence[int]) -> int:
        """Move articles to the trash (restorable: :meth:`restore`); returns how many moved."""
        self._require_writable("remove articles")
        with self.store.transaction() as conn:
            moved = self.trash.put(conn, [int(i) for i in ids])
        self.index.sync()
        return len(moved)

    def restore(self, ids: Sequence[int]) -> int:
        """Take articles out of the trash, with their edits; returns how many came back."""
        self._require_writable("restore articles")
        with self.store.transaction() as conn:
            restored = self.trash.take_out(conn, [int(i) for i in ids])
        self.index.sync()
        return len(restored)

    def trash_count(self) -> int:
        """How many articles are in the trash."""
        return self.trash.count()

    def trashed(self) -> list[TrashedArticle]:
        """The articles in the trash, the most recently removed first."""
        return self.trash.articles()

    def empty_trash(self, ids: Sequence[int] | None = None) -> int:
        """Delete articles in the trash for good (all of them, or those of ``ids``), with the original
        files no other article uses.  Cannot be undone; returns how many were deleted."""
        self._require_writable("empty the trash")
        in_trash = self.trash.ids()
        doomed = sorted(in_trash if ids is None else in_trash & {int(i) for i in ids})
        if not doomed:
            return 0
        with self._purging():
            with self.store.transaction() as conn:
                hashes = self.trash.purge(conn, doomed)
            self.index.sync()
            for content_hash in dict.fromkeys(hashes):
                if not self.store.holds_original(content_hash):
                    self.originals.delete(content_hash)
        return len(doomed)

    @contextmanager
    def _purging(self) -> Iterator[None]:
        """A marker file while files are deleted after the rows: a crash there is finished on next open."""
        marker = self.folder / PURGE_MARKER
        marker.touch()
        yield
        marker.unlink(missing_ok=True)

    def attention_ids(self) -> list[int]:
        """The articles that need the user's eye (a page that gave no article text), oldest first."""
        return self.store.attention_ids()

    # -- duplicates ----------------------------------------------------------------------------------

    def duplicate_sets(self) -> list[DuplicateSet]:
        """Every set of duplicates in the library (signing articles stored before signatures existed)."""
        if not getattr(self, "read_only", False) and self.duplicates.unsigned():
            self.duplicates.sign_missing()
        return self.duplicates.sets()

    def similar_to(self, article_id: int) -> list[tuple[int, float]]:
        """Articles that look like one story with ``article_id``: (id, estimated likeness), best first."""
        return self.duplicates.similar_to(int(article_id))

    def merge_values(self, keep: int, others: Sequence[int]) -> dict[str, Any]:
        """The values a merge of ``others`` into ``keep`` proposes (see :func:`best_values`)."""
        articles = [self.get(i) for i in (keep, *others)]
        return best_values(articles, EDITABLE_FIELDS)

    def merge_duplicates(
        self, keep: int, others: Sequence[int], values: dict[str, Any] | None = None
    ) -> Merge:
        """Merge ``others`` into ``keep``: ``keep`` takes ``values`` (default :meth:`merge_values`) as the
        user's edits and records the others' files as its sources; the others go to the trash, marked
        as merged.  :meth:`unmerge` undoes it."""
        self._require_writable("merge duplicates")
        keep = int(keep)
        merged = tuple(dict.fromkeys(int(i) for i in others if int(i) != keep))
        if not merged:
            raise StorageError(f"nothing to merge into article {keep}: name at least one other article")
        kept = self.get(keep)
        sources = [self.get(i) for i in merged]  # raises ArticleNotFoundError
        chosen = changed_values(kept, values if values is not None else self.merge_values(keep, merged))
        clean = {name: clean_edit(name, value, keep) for name, value in chosen.items()}
        before = self.store.edit_snapshot(keep, list(clean))
        moved: list[tuple[str, int]] = []
        # The merged articles' highlights and notes move to the kept article (placed on its text), and it
        # joins their collections, inside this transaction; unmerge() moves them back.
        with self.store.transaction() as conn:
            joined = move_user_data(conn, keep, merged, kept.text)
            for source in sources:
                files = [(source.content_hash, source.source_path, source.url)]
                files += [
                    (f["content_hash"], f["source_path"], f["url"])
                    for f in self.store.kept_originals(source.id)
                ]
                for content_hash, path, url in files:
                    reason = f"merged duplicate (article {source.id}: {source.title or 'untitled'})"
                    self.store.keep_original(conn, keep, content_hash, path, url, reason)
                    moved.append((content_hash, source.id))
            if clean:
                self.store.set_edits(conn, keep, clean)
            self.trash.put(conn, merged, merged_into=keep)
        self.index.sync()
        after = self.store.edit_snapshot(keep, list(clean))
        return Merge(keep, merged, before, after, tuple(moved), joined)

    def unmerge(self, merge: Merge) -> None:
        """Undo :meth:`merge_duplicates`: the merged articles come back, the kept one is as it was."""
        self._require_writable("undo a merge")
        with self.store.transaction() as conn:
            for content_hash, source in merge.moved:
                conn.execute(
                    "DELETE FROM kept_originals WHERE article_id = ? AND content_hash = ?",
                    (merge.keep, content_hash),
                )
                conn.execute(
                    "UPDATE seen_hashes SET article_id = ? WHERE content_hash = ?", (source, content_hash)
                )
            self.store.put_edit_snapshot(conn, merge.before)
            move_user_data_back(conn, merge.keep, merge.merged, merge.joined, self.store.texts(merge.merged))
            self.trash.take_out(conn, merge.merged)
        self.index.sync()

    def redo_merge(self, merge: Merge) -> Merge:
        """Do an undone merge again, with the values it chose."""
        chosen = {name: merge.after.edits.get(name) for name in merge.after.fields}
        return self.merge_duplicates(merge.keep, merge.merged, chosen)

    def mark_not_duplicates(self, ids: Sequence[int]) -> None:
        """These articles are different stories: the duplicate finder never proposes them together again."""
        self._require_writable("mark articles as different")
        with self.store.transaction(bump=False) as conn:
            self.duplicates.mark_distinct(conn, [int(i) for i in ids])


def clean_edit(name: str, value: Any, article_id: int | None = None) -> Any:
    """A user's value for field ``name`` as the store keeps it; a :class:`StorageError` says what is wrong."""
    if name in LIST_FIELDS:
        if isinstance(value, str):
            value = [value]
        return [str(v).strip() for v in value or [] if str(v).strip()]
    if value is None:
        return None
    text = str(value).strip() or None
    where = f" of article {article_id}" if article_id is not None else ""
    if text and name == "item_type" and text not in ITEM_TYPES:
        raise StorageError(f"unknown item type {text!r}{where}: choose one of {', '.join(ITEM_TYPES)}")
    if text and name in _DATE_FIELDS and not is_date(text):
        raise StorageError(f"{name} {text!r}{where} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def is_date(text: str) -> bool:
    """Whether ``text`` is a real date written YYYY, YYYY-MM or YYYY-MM-DD (a partial date is one)."""
    found = _DATE.match(text)
    if not found:
        return False
    year, month, day = (int(g) if g else None for g in found.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return False
    return True
