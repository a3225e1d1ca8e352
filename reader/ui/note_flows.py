"""Notes as the user keeps them: new, open, edit (saved as typed), delete, and Note from Annotations.

Each note opens in its own :class:`~.note_editor.NoteEditor` window (one per note: opening it again
brings that window forward).  New Note and Delete Note are undoable from the window's Edit menu; an
editing session is one undoable "Edit Note" once its window closes (inside the window Ctrl+Z undoes
typing).  Note from Annotations asks the citation service to compose the note (each quote with its
in-text citation, its comment, then the bibliography entry, in the current style) and opens it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from reader.library import Note

from .error_report import log_failure
from .note_editor import NoteEditor
from .placement import place_over

if TYPE_CHECKING:
    from reader.library import Library

    from .annotation_flows import AnnotationFlows
    from .main_window import MainWindow

logger = logging.getLogger(__name__)


class NoteFlows(QObject):
    """See the module docstring."""

    def __init__(self, window: MainWindow, annotations: AnnotationFlows) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.annotations = annotations
        self.editors: dict[int, NoteEditor] = {}  # open note windows, by note id
        self._latest: dict[int, str] = {}  # the newest text of each note being saved
        panel = window.reader_pane.annotations_panel
        panel.note_opened.connect(self.open_note)
        panel.note_delete_requested.connect(self.delete_note)
        panel.new_note_requested.connect(self.new_note)
        panel.note_from_annotations_requested.connect(self.note_from_annotations)

    # -- creating ----------------------------------------------------------------------------------------
    def new_note(self, text: str = "", name: str = "New Note") -> None:
        """A note on the open article, opened for writing."""
        article_id = self._writable_article()
        if article_id is None:
            return

        def done(note: Note) -> None:
            self._record_created(note, name)
            self.annotations.refresh(article_id)
            self.open_editor(note)

        self.runner.call(lambda library: library.add_note(article_id, text), done, self._failed)

    def note_from_annotations(self) -> None:
        """A note quoting every highlight of the open article with its citation, its comment and the
        bibliography entry, in the style chosen in the toolbar."""
        article_id = self._writable_article()
        if article_id is None:
            return
        self.compose_and_save([article_id], article_id)

    def compose_and_save(self, article_ids: Sequence[int], note_on: int | None, heading: str = "") -> None:
        """Compose the note from the highlights of ``article_ids`` (the citation service formats it), then
        save it on ``note_on`` (None: a note on no article, e.g. for a collection) and open it."""
        style = self.window.current_style()

        def save(markdown: str) -> None:
            if not markdown.strip():
                self.window.show_status("These articles have no highlights to make a note from.")
                return

            def done(note: Note) -> None:
                self._record_created(note, "Note from Annotations")
                if note_on is not None:
                    self.annotations.refresh(note_on)
                self.window.show_status("Made a note from the highlights (Ctrl+Z takes it away).")
                self.open_editor(note, heading)

            self.runner.call(lambda library: library.add_note(note_on, markdown), done, self._failed)

        title = f"Annotations in “{heading}”" if heading else "Annotations"
        self.window.citations.compose_note(list(article_ids), style, save, heading=title)

    def _record_created(self, note: Note, name: str) -> None:
        state: dict[str, Note] = {"record": note}

        def undo(library: Library) -> None:
            state["record"] = library.delete_note(note.id)  # as it is then, typing and all

        def after(message: str) -> None:
            if message.startswith("Undid"):
                self._close_editor(note.id)  # its note is gone: nothing left to save
            self._after_undo(message, note)

        self.window.undo.record(
            name, lambda library: library.restore_note(state["record"]), undo, _ids(note), after
        )

    # -- editing -----------------------------------------------------------------------------------------
    def open_note(self, note_id: int) -> None:
        if (editor := self.editors.get(note_id)) is not None:
            editor.show()
            editor.raise_()
            editor.activateWindow()
            return
        self.runner.call(lambda library: library.note(note_id), self._open_fetched, self._failed)

    def _open_fetched(self, note: Note) -> None:
        self.open_editor(note)

    def open_editor(self, note: Note, heading: str = "") -> NoteEditor:
        if (editor := self.editors.get(note.id)) is not None:
            editor.show()
            return editor
        article = self.window.current_article
        if not heading and article is not None and article.id == note.article_id:
            heading = article.title
        editor = NoteEditor(note, heading, self._save, self.window, read_only=self.window.read_only)
        editor.closed.connect(self._editor_closed)
        place_over(editor, self.window, cascade=len(self.editors))
        self.editors[note.id] = editor
        editor.show()
        editor.editor.setFocus()
        return editor

    def _save(self, note_id: int, text: str) -> None:
        # Saves run on the pool's threads in any order: each stores the newest text typed, so the last
        # one to run never puts back an older text.
        self._latest[note_id] = text

        def done(note: Note) -> None:
            if (editor := self.editors.get(note_id)) is not None:
                editor.mark_saved(note)
            if note.article_id is not None:
                self.annotations.refresh(note.article_id)

        def failed(error: BaseException) -> None:
            log_failure(logger, f"note {note_id} was not saved", error)
            if (editor := self.editors.get(note_id)) is not None:
                editor.mark_failed(str(error))
            else:
                self.window.show_error("Note", f"The note was not saved: {error}")

        self.runner.call(
            lambda library: library.update_note(note_id, self._latest.get(note_id, text)), done, failed
        )

    def _editor_closed(self, opened_as: Note, text: str) -> None:
        """The window saved as it closed: the whole session becomes one undoable edit."""
        self.editors.pop(opened_as.id, None)
        if text == opened_as.text or self.window.read_only:
            return
        self._record(
            "Edit Note",
            lambda library: library.update_note(opened_as.id, text),
            lambda library: library.restore_note(opened_as),
            opened_as,
        )

    def delete_note(self, note_id: int) -> None:
        """Delete a note at once (Ctrl+Z brings it back)."""
        if self.window.read_only:
            return
        editor = self.editors.get(note_id)
        if editor is not None and editor.has_unsaved_text():
            self._latest[note_id] = editor.text()  # kept in the record the deletion returns (undo)
        self._close_editor(note_id)

        def work(library: Library) -> Note:
            if note_id in self._latest:
                library.update_note(note_id, self._latest[note_id])
            return library.delete_note(note_id)

        def done(record: Note) -> None:
            self._record(
                "Delete Note",
                lambda library: library.delete_note(record.id),
                lambda library: library.restore_note(record),
                record,
            )
            if record.article_id is not None:
                self.annotations.refresh(record.article_id)
            self.window.show_status(f"Deleted the note “{record.title or 'empty'}” (Ctrl+Z brings it back).")

        self.runner.call(work, done, self._failed)

    def _close_editor(self, note_id: int) -> None:
        """Close a note's window without saving (the note was deleted)."""
        editor = self.editors.pop(note_id, None)
        if editor is not None:
            editor.discard()

    def close_all(self) -> None:
        """The window is closing: each open note saves as its window closes."""
        for editor in list(self.editors.values()):
            editor.close()

    # -- plumbing ----------------------------------------------------------------------------------------
    def _writable_article(self) -> int | None:
        article_id = self.window.current_id
        if article_id is None:
            self.window.show_status("Open an article first: a note belongs to an article.")
        elif self.window.read_only:
            self.window.show_status("This library is open read-only: notes cannot be added.")
            return None
        return article_id

    def _record(
        self, name: str, redo: Callable[[Library], Any], undo: Callable[[Library], Any], note: Note
    ) -> None:
        self.window.undo.record(name, redo, undo, _ids(note), lambda message: self._after_undo(message, note))

    def _after_undo(self, message: str, note: Note) -> None:
        self.window.show_status(message)
        if note.article_id is not None:
            self.annotations.refresh(note.article_id)

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "a note was not saved", error)
        self.window.show_error("Note", f"The note was not saved: {error}")


def _ids(note: Note) -> list[int]:
    return [note.article_id] if note.article_id is not None else []
