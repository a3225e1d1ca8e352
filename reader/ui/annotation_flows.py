"""Highlighting as the user does it: select, choose a colour, comment, recolour, delete, jump, copy.

:class:`AnnotationFlows` answers the reader (a selection let go, a click on a highlight, its context
menu), the bar under a selection (:mod:`.highlight_popup`), the sidebar (:mod:`.annotations_panel`) and
the Annotate menu's keys.  Each change is a named library operation run off the GUI thread, then an
entry on the window's undo stack ("Undo Highlight in Yellow", "Undo Delete Highlight") whose undo and
redo refresh only the open article's highlights, not the whole window.  On a read-only library the
highlights are shown and copied, never changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from reader.library import Annotation, Note

from .comment_dialog import CommentDialog
from .error_report import log_failure
from .highlight_popup import HighlightPopup
from .highlights import HIGHLIGHT_COLOURS, label, swatch_icon, whole_words
from .shortcuts import key_sequences

if TYPE_CHECKING:
    from reader.library import Library

    from .main_window import MainWindow

logger = logging.getLogger(__name__)

DEFAULT_COLOUR = HIGHLIGHT_COLOURS[0].name


def quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


class AnnotationFlows(QObject):
    """See the module docstring."""

    changed = Signal(int)  # the article whose highlights or notes changed

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.reader = window.reader_pane.reader
        self.panel = window.reader_pane.annotations_panel
        self.popup = HighlightPopup(self.reader.viewport())
        self.dialog: CommentDialog | None = None  # the comment being edited (tests fill it in)
        self.last_colour = DEFAULT_COLOUR
        self._connect()

    def _connect(self) -> None:
        reader, popup, panel = self.reader, self.popup, self.panel
        reader.selection_finished.connect(self._offer_popup)
        reader.highlight_clicked.connect(self._popup_for_highlight)
        reader.escaped.connect(popup.hide)
        reader.selectionChanged.connect(self._selection_changed)
        reader.cursorPositionChanged.connect(self._cursor_moved)
        reader.verticalScrollBar().valueChanged.connect(lambda _value: self._follow_scroll())
        reader.menu_extender = self._extend_menu
        popup.colour_chosen.connect(self._popup_colour)
        popup.comment_requested.connect(self._popup_comment)
        popup.copy_requested.connect(self._popup_copy)
        popup.delete_requested.connect(lambda: self._act_on_popup(self.delete))
        panel.annotation_chosen.connect(self.jump)
        panel.comment_requested.connect(self.edit_comment)
        panel.recolour_requested.connect(self.recolour)
        panel.copy_requested.connect(self.copy_with_citation)
        panel.delete_requested.connect(self.delete)
        self.window.reader_pane.article_shown.connect(lambda _id: self.popup.hide())

    @property
    def read_only(self) -> bool:
        return self.window.read_only

    # -- making highlights ---------------------------------------------------------------------------
    def highlight(self, colour: str, *, then_comment: bool = False) -> None:
        """Highlight the selection (or the find bar's current match) in ``colour``; with no selection,
        recolour the highlight at the cursor."""
        article = self.reader.article
        if self.read_only or article is None:
            self._status("Open an article first." if article is None else "This library is open read-only.")
            return
        offsets = self.reader.selected_offsets() or self._find_match_offsets()
        if offsets is None:
            existing = self.reader.annotation_at_cursor()
            if existing is not None:
                self.recolour(existing.id, colour)
            else:
                self._status("Select a passage of the article first, then choose a colour (Ctrl+Alt+1 … 5).")
            return
        article_id, (start, end) = article.id, whole_words(article.text, *offsets)
        self.popup.hide()
        self.last_colour = colour

        def done(annotation: Annotation) -> None:
            self._clear_selection()
            self._record_added(annotation)
            self._status(
                f"Highlighted in {label(colour).lower()}: {quoted(annotation.quote)} (Ctrl+Z undoes it)"
            )
            self.refresh(article_id, choose=annotation.id)
            if then_comment:
                self._open_comment(annotation)

        self.runner.call(
            lambda library: library.annotate(article_id, start, end, colour=colour), done, self._failed
        )

    def _find_match_offsets(self) -> tuple[int, int] | None:
        """The find bar's current match, when the bar is open: Ctrl+F, type, Ctrl+Alt+1 highlights it."""
        bar = self.window.reader_pane.find_bar
        if not bar.isVisible() or not 0 <= bar.current < len(bar.matches):
            return None
        match = bar.matches[bar.current]
        return self.reader.positions().offsets(match.selectionStart(), match.selectionEnd())

    def _record_added(self, annotation: Annotation) -> None:
        state = {"record": annotation}

        def undo(library: Library) -> None:
            state["record"] = library.delete_annotation(annotation.id)  # as it is then (comment and all)

        self._record(
            f"Highlight in {label(annotation.colour)}",
            lambda library: library.restore_annotation(state["record"]),
            undo,
            annotation.article_id,
        )

    # -- changing them -------------------------------------------------------------------------------
    def recolour(self, annotation_id: int, colour: str) -> None:
        self._change(annotation_id, "Change Highlight Colour", colour=colour)

    def edit_comment(self, annotation_id: int) -> None:
        """Ask for the highlight's comment (the dialog shows the quote), then save it."""
        known = self._known(annotation_id)
        if known is not None:
            self._open_comment(known)
        else:
            self.runner.call(
                lambda library: library.annotation(annotation_id), self._open_comment, self._failed
            )

    def _open_comment(self, annotation: Annotation) -> None:
        if self.read_only:
            self._status("This library is open read-only: comments cannot be changed.")
            return
        dialog = CommentDialog(
            annotation.quote, annotation.colour, annotation.comment, annotation.tags, self.window
        )
        dialog.accepted.connect(lambda: self._save_comment(annotation, dialog.comment(), dialog.tag_list()))
        self.dialog = dialog
        dialog.open()

    def _save_comment(self, annotation: Annotation, comment: str, tags: tuple[str, ...]) -> None:
        changes: dict[str, Any] = {}
        if comment != annotation.comment:
            changes["comment"] = comment
        if tags != tuple(annotation.tags):
            changes["tags"] = tags
        if not changes:
            return
        name = (
            "Edit Tags"
            if "comment" not in changes
            else "Delete Comment"
            if not comment
            else "Edit Comment"
            if annotation.comment
            else "Add Comment"
        )
        self._change(annotation.id, name, **changes)

    def _change(self, annotation_id: int, name: str, **changes: Any) -> None:
        """Change a highlight's colour or comment; undoable (each side puts a whole record back)."""
        if self.read_only:
            return

        def work(library: Library) -> tuple[Annotation, Annotation]:
            before = library.annotation(annotation_id)
            return before, library.update_annotation(annotation_id, **changes)

        def done(answer: tuple[Annotation, Annotation]) -> None:
            before, after = answer
            self._record(
                name,
                lambda library: library.restore_annotation(after),
                lambda library: library.restore_annotation(before),
                after.article_id,
            )
            self._status(f"{name}: {quoted(after.quote)}")
            self.refresh(after.article_id, choose=after.id)

        self.runner.call(work, done, self._failed)

    def delete(self, annotation_id: int) -> None:
        """Delete a highlight, at once (Ctrl+Z brings it back, comment and all)."""
        if self.read_only:
            return
        self.popup.hide()

        def done(record: Annotation) -> None:
            self._record(
                "Delete Highlight",
                lambda library: library.delete_annotation(record.id),
                lambda library: library.restore_annotation(record),
                record.article_id,
            )
            self._status(f"Deleted the highlight {quoted(record.quote)} (Ctrl+Z brings it back).")
            self.refresh(record.article_id)

        self.runner.call(lambda library: library.delete_annotation(annotation_id), done, self._failed)

    # -- reading them --------------------------------------------------------------------------------
    def jump(self, annotation_id: int) -> None:
        """Show the highlight in the reader (an orphaned one has no place: the sidebar says so)."""
        annotation = self._known(annotation_id)
        if annotation is None:
            return
        if not self.reader.jump_to(annotation):
            self._status("This highlight's passage is no longer in the article's text; its quote is kept.")
        self.panel.choose(annotation.id)

    def copy_with_citation(self, annotation_id: int) -> None:
        """The highlight's quote with its citation in the current style (as Copy with Citation)."""
        known = self._known(annotation_id)
        if known is not None:
            self._copy(known)
        else:
            self.runner.call(lambda library: library.annotation(annotation_id), self._copy, self._failed)

    def _copy(self, annotation: Annotation) -> None:
        self.window.citations.copy_passage(
            annotation.quote, annotation.article_id, self.window.current_style()
        )

    def copy_passage(self) -> None:
        """Ctrl+Alt+C: the selected passage with its citation; with no selection, the highlight at the
        cursor, or the one chosen in the sidebar."""
        window = self.window
        passage = self.reader.selected_passage()
        if passage and window.current_id is not None:
            window.citations.copy_passage(passage, window.current_id, window.current_style())
            return
        annotation = self.reader.annotation_at_cursor() or self._known(self.reader.chosen)
        if annotation is not None:
            self._copy(annotation)
        else:
            self._status("Select a passage in the article first, then Copy with Citation.")

    def refresh(self, article_id: int, *, choose: int | None = None) -> None:
        """Read the article's highlights and notes again and show them (when it is still open)."""

        def show(answer: tuple[list[Annotation], list[Note]]) -> None:
            if self.reader.article is None or self.reader.article.id != article_id:
                return
            annotations, notes = answer
            self.reader.set_annotations(annotations)
            if choose is not None:
                self.reader.choose(choose)
            self.panel.show_annotations(annotations)
            self.panel.show_notes(notes)
            self.panel.choose(self.reader.chosen)
            self.changed.emit(article_id)

        self.runner.call(
            lambda library: (library.annotations(article_id), library.notes(article_id)), show, self._failed
        )

    def _known(self, annotation_id: int | None) -> Annotation | None:
        return next((a for a in self.reader.annotations if a.id == annotation_id), None)

    # -- the popup and the menu ------------------------------------------------------------------------
    def _offer_popup(self) -> None:
        below = self.reader.selection_rect_end()
        if below is not None:
            self.popup.show_for_selection(below, writable=not self.read_only)

    def _popup_for_highlight(self, annotation_id: int) -> None:
        annotation = self._known(annotation_id)
        below = self.reader.span_rect_end(annotation) if annotation is not None else None
        if annotation is None or below is None:
            return
        self.reader.choose(annotation.id)
        self.panel.choose(annotation.id)
        self.popup.show_for_highlight(annotation.id, annotation.colour, below, writable=not self.read_only)

    def _selection_changed(self) -> None:
        if (
            self.popup.isVisible()
            and self.popup.annotation_id is None
            and not self.reader.textCursor().hasSelection()
        ):
            self.popup.hide()

    def _cursor_moved(self) -> None:
        """A click away from the highlight the bar is for takes the bar away."""
        shown_for = self.popup.annotation_id
        if self.popup.isVisible() and shown_for is not None:
            here = self.reader.annotation_at_position(self.reader.textCursor().position())
            if here is None or here.id != shown_for:
                self.popup.hide()

    def _follow_scroll(self) -> None:
        if not self.popup.isVisible():
            return
        annotation = self._known(self.popup.annotation_id)
        self.popup.move_to(
            self.reader.span_rect_end(annotation)
            if annotation is not None
            else self.reader.selection_rect_end()
        )

    def _popup_colour(self, colour: str) -> None:
        if self.popup.annotation_id is None:
            self.highlight(colour)
        else:
            self._act_on_popup(lambda annotation_id: self.recolour(annotation_id, colour))

    def _popup_comment(self) -> None:
        if self.popup.annotation_id is None:
            self.highlight(self.last_colour, then_comment=True)
        else:
            self._act_on_popup(self.edit_comment)

    def _popup_copy(self) -> None:
        if self.popup.annotation_id is None:
            self.copy_passage()
        else:
            self._act_on_popup(self.copy_with_citation)
        self.popup.hide()

    def _act_on_popup(self, action: Callable[[int], None]) -> None:
        annotation_id = self.popup.annotation_id
        self.popup.hide()
        if annotation_id is not None:
            action(annotation_id)

    def comment(self) -> None:
        """Ctrl+Alt+M: highlight the selection and comment on it, or comment on the highlight at the
        cursor."""
        if self.reader.selected_offsets() is not None:
            self.highlight(self.last_colour, then_comment=True)
        elif (
            annotation := self.reader.annotation_at_cursor() or self._known(self.reader.chosen)
        ) is not None:
            self._open_comment(annotation)
        else:
            self._status("Select a passage (or put the cursor in a highlight) first, then Ctrl+Alt+M.")

    def _extend_menu(self, menu: QMenu, position: QPoint) -> None:
        """The reader's context menu: the colours for a selection, or the highlight's own items."""
        writable = not self.read_only and self.reader.article is not None
        if self.reader.selected_offsets() is not None:
            menu.addSeparator()
            for colour in HIGHLIGHT_COLOURS:
                action = menu.addAction(swatch_icon(colour.name), f"Highlight {colour.label}")
                action.setShortcuts(key_sequences(colour.key))
                action.setEnabled(writable)
                action.triggered.connect(lambda _c=False, name=colour.name: self.highlight(name))
            comment = menu.addAction("Highlight and Comment…")
            comment.setEnabled(writable)
            comment.triggered.connect(lambda: self.highlight(self.last_colour, then_comment=True))
            return
        annotation = self.reader.annotation_at(position)
        if annotation is None:
            return
        from .annotations_panel import annotation_menu

        menu.addSeparator()
        items = annotation_menu(self.panel, annotation, read_only=self.read_only)
        items.setParent(menu, items.windowFlags())  # lives as long as the menu it lends its items to
        for action in items.actions():
            menu.addAction(action)

    # -- plumbing ----------------------------------------------------------------------------------------
    def _record(
        self, name: str, redo: Callable[[Library], Any], undo: Callable[[Library], Any], article_id: int
    ) -> None:
        self.window.undo.record(
            name, redo, undo, [article_id], lambda done: self._after_undo(done, article_id)
        )

    def _after_undo(self, message: str, article_id: int) -> None:
        self._status(message)
        self.refresh(article_id)

    def _clear_selection(self) -> None:
        cursor = QTextCursor(self.reader.textCursor())
        cursor.clearSelection()
        self.reader.setTextCursor(cursor)

    def _status(self, message: str) -> None:
        self.window.show_status(message)

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "a highlight was not saved", error)
        self.window.show_error("Highlight", f"The highlight was not saved: {error}")
