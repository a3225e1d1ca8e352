"""Undo and redo for as long as the app is open: a ``QUndoStack`` whose commands call named library
operations, each with the one that reverses it.

An edit or a bulk edit is undone by putting back the user's own values the library recorded before it
(:meth:`Library.restore_edits` with the snapshots taken before; redo puts back those taken after), a
removal by :meth:`Library.restore` (redo: :meth:`Library.remove`), a restore by removing again, a merge
of duplicates by :meth:`Library.unmerge`.  A command is pushed once its action has succeeded, so its
first ``redo`` (Qt calls it on push) does nothing.  Undo and redo run off the GUI thread on a pool of
one thread, in the order they were asked for; one that fails says so and clears the history (what it
would undo may no longer be there).  The Edit menu's items carry the command's name ("Undo Edit Title",
"Undo Remove 3 Articles", "Undo Add Series").

Emptying the Trash deletes articles for good; :meth:`UndoController.forget_articles` then drops only the
commands that refer to them and keeps the rest.  Commands put back snapshots of the articles they name,
so one on other articles gives the same result with or without the dropped ones between: a kept command
names none of the deleted articles nor any article of a newer dropped command.  A command that names no
articles (collections, saved searches) may touch any, so nothing older than it is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.library import BulkEdit, EditSnapshot, Merge

from .error_report import log_failure
from .workers import LibraryRunner, run_in_background

if TYPE_CHECKING:
    from reader.library import Library

logger = logging.getLogger(__name__)

FIELD_NAMES = {
    "item_type": "Item Type",
    "title": "Title",
    "authors": "Authors",
    "organizations": "Organisations",
    "date": "Date",
    "site": "Site",
    "url": "URL",
    "language": "Language",
    "accessed": "Accessed",
    "series": "Series",
    "topics": "Topics",
}


def articles(count: int) -> str:
    return "Article" if count == 1 else f"{count} Articles"


def edit_name(fields: Sequence[str], verb: str = "Edit") -> str:
    """ "Edit Title", "Edit Title and Date", "Edit 4 Fields"; "Revert Title" with ``verb="Revert"``."""
    names = [FIELD_NAMES.get(f, f.title()) for f in fields]
    if len(names) == 1:
        return f"{verb} {names[0]}"
    if len(names) == 2:
        return f"{verb} {names[0]} and {names[1]}"
    return f"{verb} {len(names)} Fields"


def bulk_edit_name(edit: BulkEdit) -> str:
    """ "Add Series", "Remove Topics", "Edit Series and Topics"."""
    parts = [("Add", name) for name, values in edit.add.items() if values]
    parts += [("Remove", name) for name, values in edit.remove.items() if values]
    parts += [("Edit", name) for name in edit.assign]
    if len(parts) == 1:
        verb, name = parts[0]
        return f"{verb} {FIELD_NAMES.get(name, name.title())}"
    names = list(dict.fromkeys(FIELD_NAMES.get(name, name.title()) for _, name in parts))
    return "Edit " + " and ".join(names)


class LibraryCommand(QUndoCommand):
    """One undoable action: ``redo`` and ``undo`` call library operations through the controller."""

    def __init__(
        self,
        controller: UndoController,
        text: str,
        redo: Callable[[Library], Any],
        undo: Callable[[Library], Any],
        ids: Sequence[int],
        on_done: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self._redo, self._undo = redo, undo
        self.ids = list(ids)
        self.on_done = on_done
        self._done = True  # pushed after the action itself succeeded

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.controller.run(f"redo {self.text()}", self._redo, self.on_done)

    def undo(self) -> None:
        self.controller.run(f"undo {self.text()}", self._undo, self.on_done)

    def copy(self) -> LibraryCommand:
        """The same command, marked done (pushing it runs nothing), for a stack rebuilt without others."""
        return LibraryCommand(self.controller, self.text(), self._redo, self._undo, self.ids, self.on_done)


class UndoController(QObject):
    """The app's undo history and the thread that replays it."""

    changed = Signal(str)  # what was undone or redone ("Undid Remove 3 Articles.")
    failed = Signal(str)

    def __init__(self, runner: LibraryRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.stack = QUndoStack(self)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # undo, undo, redo run in the order asked

    def run(
        self, what: str, operation: Callable[[Library], Any], on_done: Callable[[str], None] | None = None
    ) -> None:
        """Run ``operation`` (an undo or a redo, ``what`` says which) after those asked before it; then
        ``on_done`` (or ``changed``) gets what was done."""

        def failed(error: BaseException) -> None:
            log_failure(logger, f"could not {what}", error)
            self.stack.clear()
            self.failed.emit(f"Could not {what}: {error}. The undo history was cleared.")

        done = f"{'Undid' if what.startswith('undo') else 'Redid'} {what.split(' ', 1)[1]}."
        run_in_background(
            lambda: self.runner.locked(operation),
            lambda _answer: (on_done or self.changed.emit)(done),
            failed,
            pool=self.pool,
        )

    def forget_articles(self, deleted: Sequence[int]) -> None:
        """``deleted`` are gone for good: drop the commands that refer to them (and older ones on the same
        articles, see the module docstring), keep the others in order.  What was undone is not redone
        after this, as after any new action."""
        blocked = {int(i) for i in deleted}
        kept: list[LibraryCommand] = []
        for index in reversed(range(self.stack.index())):
            command = self.stack.command(index)
            if not isinstance(command, LibraryCommand) or not command.ids:
                break  # it may touch any article: nothing older is known to be independent
            if blocked.intersection(command.ids):
                blocked.update(command.ids)
                continue
            kept.append(command.copy())
        self.stack.clear()
        for command in reversed(kept):
            self.stack.push(command)

    # -- the actions, recorded once done -----------------------------------------------------------
    def record(
        self,
        text: str,
        redo: Callable[[Library], Any],
        undo: Callable[[Library], Any],
        ids: Sequence[int] = (),
        on_done: Callable[[str], None] | None = None,
    ) -> None:
        """An action already done, undone by ``undo`` and done again by ``redo`` (library operations);
        ``on_done`` refreshes what they change instead of the window's whole refresh (``changed``)."""
        self.stack.push(LibraryCommand(self, text, redo, undo, ids, on_done))

    def edited(self, text: str, before: Sequence[EditSnapshot], after: Sequence[EditSnapshot]) -> None:
        ids = [s.article_id for s in after]
        self.stack.push(
            LibraryCommand(
                self,
                text,
                lambda library: library.restore_edits(list(after)),
                lambda library: library.restore_edits(list(before)),
                ids,
            )
        )

    def removed(self, ids: Sequence[int]) -> None:
        wanted = list(ids)
        self.stack.push(
            LibraryCommand(
                self,
                f"Remove {articles(len(wanted))}",
                lambda library: library.remove(wanted),
                lambda library: library.restore(wanted),
                wanted,
            )
        )

    def restored(self, ids: Sequence[int]) -> None:
        wanted = list(ids)
        self.stack.push(
            LibraryCommand(
                self,
                f"Restore {articles(len(wanted))}",
                lambda library: library.restore(wanted),
                lambda library: library.remove(wanted),
                wanted,
            )
        )

    def merged(self, merge: Merge) -> None:
        state = {"merge": merge}

        def redo(library: Library) -> None:
            state["merge"] = library.redo_merge(state["merge"])

        self.stack.push(
            LibraryCommand(
                self,
                f"Merge {len(merge.merged) + 1} Duplicates",
                redo,
                lambda library: library.unmerge(state["merge"]),
                [merge.keep, *merge.merged],
            )
        )
