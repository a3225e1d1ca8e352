"""What the app asks of the library, and the flows around the asking: search, edit, bulk edit, remove,
restore, empty the trash, merge duplicates.

As in anki's ``aqt/operations``: the work is a named operation of the :class:`Library` run off the GUI
thread (:func:`search`; the library's ``update``, ``update_many``, ``remove``, ``restore``…), and
:class:`ArticleOperations` holds the flows around it — the confirmation naming the articles, the editing
dialogs, the answer or the failure on the GUI thread, the undo command once it is done — so the window
only connects its menus and its views to them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from reader.library import (
    FACETS,
    BulkEdit,
    EditSnapshot,
    Filters,
    Merge,
    SearchHit,
    SortOrder,
    StoredArticle,
    no_match_message,
)

from .article_model import PAGE_SIZE
from .error_report import log_failure
from .library_views import ALL, ATTENTION, DUPLICATES, TRASH
from .metadata_editor import BulkTagsDialog, MetadataDialog
from .undo import UndoController, bulk_edit_name, edit_name
from .workers import LibraryRunner

if TYPE_CHECKING:
    from reader.library import Library

logger = logging.getLogger(__name__)

# -- searching -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchAnswer:
    """Everything one search puts on screen: the result ids, the first page of rows, the sidebar counts."""

    query: str
    filters: Filters
    ids: list[int]
    first_page: list[SearchHit]
    facets: dict[str, dict[str, int]]
    library_count: int
    unmatched: list[str]  # when nothing matched: the words no article contains, as typed
    view: str = ALL
    trash_count: int = 0
    attention_count: int = 0
    duplicate_count: int | None = None  # articles in duplicate sets, when the Duplicates view was searched

    def empty_message(self) -> str:
        """What the list says when nothing matched: which word found nothing, and how to widen the search."""
        if self.view == TRASH:
            return (
                "The Trash is empty." if not self.query else f"Nothing in the Trash matches “{self.query}”."
            )
        if self.view == ATTENTION and not self.query and self.filters.is_empty():
            return (
                "No article needs attention: every article has its text, and none has damage left that "
                "Offprint could not repair."
            )
        if self.view == DUPLICATES and not self.query and self.filters.is_empty():
            return "No duplicates found: no two articles share a URL or their text."
        if self.library_count == 0:
            return "Your library is empty. Import saved pages with File → Import (Ctrl+O) or drop them here."
        hints = []
        if self.unmatched:
            hints.append("check the spelling")
        elif self.query:
            hints.append("use fewer or shorter words, or OR between alternatives")
        if not self.filters.is_empty():
            hints.append("clear the filters (Ctrl+Shift+X)")
        if not hints:  # nothing typed, nothing ticked: the index has not caught up (an import is running)
            return "No articles to show yet: articles being imported appear here as they are indexed."
        said = (
            no_match_message(self.query, self.unmatched) if self.query else "No articles match these filters."
        )
        return f"{said} To widen the search, " + " or ".join(hints) + "."


def search(
    library: Library,
    query: str,
    filters: Filters,
    sort: SortOrder,
    reverse: bool = False,
    view: str = ALL,
) -> SearchAnswer:
    """The search behind the list and the sidebar (off the GUI thread), inside one library view: all
    articles, those needing attention, those in duplicate sets (set by set), or the Trash (whose
    articles are out of the index: its list is filtered by title).  The query is read as typed so far
    (the last word also as the start of a longer one); the ids come in the list's order."""
    filters = existing_scopes(library, filters)
    attention = library.attention_ids()
    duplicates: int | None = None
    if view == TRASH:
        ids = _trash_ids(library, query)
        sidebar_counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    else:
        ids = library.search_ids(query, filters, sort=sort, reverse=reverse)
        in_view: list[int] | None = None  # the articles of a view narrower than the library
        if view == ATTENTION:
            in_view = list(attention)
            wanted = set(attention)
            ids = [i for i in ids if i in wanted]
        elif view == DUPLICATES:
            in_view = [i for found in library.duplicate_sets() for i in found.ids]
            duplicates, matched = len(in_view), set(ids)
            ids = [i for i in in_view if i in matched]
        # Values within a facet combine with OR: a facet with ticked values keeps listing its other values.
        # The counts are the view's: a value the view has no article of is not offered.
        sidebar_counts = library.facets(
            query, filters, keep_own_facet_open=True, every_value=True, only=in_view
        )
    first = library.summaries(ids[:PAGE_SIZE], query=query if view != TRASH else "")
    unmatched = library.unmatched_words(query) if query and not ids and view != TRASH else []
    return SearchAnswer(
        query=query,
        filters=filters,
        ids=ids,
        first_page=first,
        facets=sidebar_counts,
        library_count=library.count(),
        unmatched=unmatched,
        view=view,
        trash_count=library.trash_count(),
        attention_count=len(attention),
        duplicate_count=duplicates,
    )


def existing_scopes(library: Library, filters: Filters) -> Filters:
    """``filters`` without a collection or saved search the library no longer has (deleted meanwhile,
    from the command line, or remembered from another library): the list shows what the rest selects,
    and the sidebar lifts the stale chip when it next reads the collections."""
    if not filters.collections and filters.saved_search is None:
        return filters
    known = {c.id for top in library.collections() for c in top.walk()}
    searches = {s.id for s in library.saved_searches()} if filters.saved_search is not None else set()
    collections = [i for i in filters.collections if i in known]
    saved = filters.saved_search if filters.saved_search in searches else None
    if collections == filters.collections and saved == filters.saved_search:
        return filters
    return replace(filters, collections=collections, saved_search=saved)


def _trash_ids(library: Library, query: str) -> list[int]:
    words = query.casefold().split()
    return [t.id for t in library.trashed() if all(w in t.title.casefold() for w in words)]


def name_articles(titles: Sequence[str], total: int) -> str:
    """ "“A”", "“A” and “B”", "“A”, “B”, “C” and 4 more": the articles a confirmation is about."""
    quoted = [f"“{t or 'untitled'}”" for t in titles[:3]]
    more = total - len(quoted)
    if more > 0:
        return ", ".join(quoted) + f" and {more} more"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}"


# -- editing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edited:
    """Saved edits: the articles changed, the one article's new state (single edits), how many changed."""

    ids: list[int]
    article: StoredArticle | None
    count: int
    selected: int = 0  # how many articles a bulk edit was made to (some may have had its values)

    @property
    def message(self) -> str:
        if self.selected > self.count:  # else the user would think the edit missed the others
            if not self.count:
                return f"Nothing to change: the {self.selected} selected articles already had these values."
            return (
                f"Saved changes to {self.count} of the {self.selected} selected articles "
                "(the others already had these values)."
            )
        return f"Saved changes to {self.count} article{'s' if self.count != 1 else ''}."


def ask_to_confirm(parent: QWidget | None) -> Callable[[str, str], bool]:
    """A confirmation by message box (the window's default; tests pass their own answer). Its title is
    also the text of the button that goes ahead ("Move to Trash", "Empty Trash"), beside Cancel: the
    button says what happens, as the menu item that asked did."""

    def ask(title: str, question: str) -> bool:
        cancel = QMessageBox.StandardButton.Cancel
        box = QMessageBox(QMessageBox.Icon.Question, title, question, cancel, parent)
        go_ahead = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(go_ahead)
        box.exec()
        return box.clickedButton() is go_ahead

    return ask


class ArticleOperations(QObject):
    """Editing, bulk editing, removing, restoring and merging articles: dialogs and confirmations here,
    the work off-thread, an undo command once it is done.

    Answers come back as signals; the window refreshes its views on them.  On a read-only library
    every flow does nothing (its actions are disabled too).
    """

    edited = Signal(object)  # Edited
    removed = Signal(int)  # how many articles went to the Trash
    restored = Signal(int)  # how many came back from it
    deleted = Signal(int)  # how many were deleted for good (the Trash emptied)
    merged = Signal(object)  # Merge
    failed = Signal(str)  # a message naming what was not saved and why

    def __init__(
        self,
        runner: LibraryRunner,
        parent_widget: QWidget | None = None,
        *,
        confirm: Callable[[str, str], bool] | None = None,
        undo: UndoController | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
        self.read_only = runner.library.read_only
        self.confirm = confirm or ask_to_confirm(parent_widget)
        self.undo = undo or UndoController(runner, self)
        self.editor: QDialog | None = None  # the open editing dialog (tests fill it in)

    def edit(self, ids: Sequence[int]) -> None:
        """The metadata editor for one article; the series and topics editor for several."""
        if len(ids) > 1:
            self.bulk_edit(ids)
            return
        if not ids or self.read_only:
            return
        article_id = ids[0]
        self.runner.call(
            lambda library: (library.get(article_id), completions(library)), self._open_editor, self._failed
        )

    def _open_editor(self, answer: tuple[StoredArticle, dict[str, list[str]]]) -> None:
        article, known = answer
        dialog = MetadataDialog(article, self.parent_widget, completions=known)
        dialog.accepted.connect(
            lambda: self.save_edits(article.id, dialog.changed_fields(), dialog.reverted_fields())
        )
        self.editor = dialog
        dialog.open()

    def save_edits(self, article_id: int, changes: dict[str, Any], reverted: Sequence[str] = ()) -> None:
        """Save the editor's changes and "revert to extracted" choices as one undoable edit."""
        reverting = [name for name in reverted if name not in changes]
        if not changes and not reverting:
            return
        fields = [*changes, *reverting]

        def work(library: Library) -> tuple[StoredArticle, list[EditSnapshot], list[EditSnapshot]]:
            before = library.edit_snapshots([article_id], fields)
            article = library.revert(article_id, reverting) if reverting else library.get(article_id)
            if changes:
                article = library.update(article_id, **changes)
            return article, before, library.edit_snapshots([article_id], fields)

        def done(answer: tuple[StoredArticle, list[EditSnapshot], list[EditSnapshot]]) -> None:
            article, before, after = answer
            name = edit_name(fields) if changes else edit_name(reverting, "Revert")
            self.undo.edited(name, before, after)
            self.edited.emit(Edited([article_id], article, 1))

        self.runner.call(work, done, self._failed)

    def bulk_edit(self, ids: Sequence[int]) -> None:
        if not ids or self.read_only:
            return
        wanted = list(ids)
        self.runner.call(completions, lambda known: self._open_bulk_editor(wanted, known), self._failed)

    def _open_bulk_editor(self, ids: list[int], known: dict[str, list[str]]) -> None:
        dialog = BulkTagsDialog(len(ids), self.parent_widget, completions=known)
        dialog.accepted.connect(lambda: self.apply_bulk_edit(ids, dialog.bulk_edit()))
        self.editor = dialog
        dialog.open()

    def apply_bulk_edit(self, ids: Sequence[int], edit: BulkEdit) -> None:
        """Make ``edit`` to each of ``ids`` (one transaction in the library), undoable as one."""
        wanted = list(ids)
        fields = list(dict.fromkeys([*edit.add, *edit.remove, *edit.assign]))

        def work(library: Library) -> tuple[list[int], list[EditSnapshot], list[EditSnapshot]]:
            before = library.edit_snapshots(wanted, fields)
            changed = library.update_many(wanted, edit)
            after = library.edit_snapshots(changed, fields)
            return changed, [s for s in before if s.article_id in set(changed)], after

        def done(answer: tuple[list[int], list[EditSnapshot], list[EditSnapshot]]) -> None:
            changed, before, after = answer
            if changed:
                self.undo.edited(bulk_edit_name(edit), before, after)
            self.edited.emit(Edited(changed, None, len(changed), selected=len(wanted)))

        self.runner.call(work, done, self._failed)

    def remove(self, ids: Sequence[int]) -> None:
        """Ask (naming the articles), then move ``ids`` to the Trash; undoable."""
        if not ids or self.read_only:
            return
        wanted = list(ids)
        self.runner.call(
            lambda library: [hit.title for hit in library.summaries(wanted[:3])],
            lambda titles: self._confirm_remove(wanted, titles),
            self._failed,
        )

    def _confirm_remove(self, ids: list[int], titles: list[str]) -> None:
        question = (
            f"Move {name_articles(titles, len(ids))} to the Trash?\n\nArticles in the Trash keep their "
            "edits: Edit → Undo (Ctrl+Z) or the Trash brings them back. The saved files you imported "
            "from are not touched."
        )
        if not self.confirm("Move to Trash", question):
            return

        def done(count: int) -> None:
            self.undo.removed(ids)
            self.removed.emit(count)

        self.runner.call(lambda library: library.remove(ids), done, self._failed)

    def restore(self, ids: Sequence[int]) -> None:
        """Bring ``ids`` back from the Trash; undoable."""
        if not ids or self.read_only:
            return
        wanted = list(ids)

        def done(count: int) -> None:
            self.undo.restored(wanted)
            self.restored.emit(count)

        self.runner.call(lambda library: library.restore(wanted), done, self._failed)

    def empty_trash(self, ids: Sequence[int] | None = None) -> None:
        """Ask, then delete the Trash's articles (or those of ``ids``) for good: the one thing not undone."""
        if self.read_only:
            return
        wanted = None if ids is None else list(ids)
        self.runner.call(
            lambda library: [t.title for t in library.trashed() if wanted is None or t.id in wanted],
            lambda titles: self._confirm_empty(wanted, titles),
            self._failed,
        )

    def _confirm_empty(self, ids: list[int] | None, titles: list[str]) -> None:
        if not titles:
            return
        question = (
            f"Delete {name_articles(titles, len(titles))} for good?\n\nThis cannot be undone: the "
            "articles, your edits and the copies of their files in the library are deleted."
        )
        if not self.confirm("Empty Trash" if ids is None else "Delete for Good", question):
            return

        def work(library: Library) -> list[int]:
            doomed = [t.id for t in library.trashed() if ids is None or t.id in ids]
            library.empty_trash(doomed)
            return doomed

        def done(deleted: list[int]) -> None:
            self.undo.forget_articles(deleted)  # only what would bring them back goes from the history
            self.deleted.emit(len(deleted))

        self.runner.call(work, done, self._failed)

    def merge(self, keep: int, others: Sequence[int], values: dict[str, Any]) -> None:
        """Merge ``others`` into ``keep`` with the chosen values; undoable."""
        if self.read_only:
            return
        wanted = list(others)

        def done(merge: Merge) -> None:
            self.undo.merged(merge)
            self.merged.emit(merge)

        self.runner.call(lambda library: library.merge_duplicates(keep, wanted, values), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "an edit was not saved", error)
        self.failed.emit(f"The change was not saved: {error}")


def completions(library: Library) -> dict[str, list[str]]:
    """The values the editors complete from: every series, topic, site and author in the library."""
    counts = library.facets()
    return {
        facet: sorted(counts.get(facet, {}), key=str.casefold)
        for facet in ("series", "topics", "sites", "authors")
    }
