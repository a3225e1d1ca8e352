"""Citation copying and export: one Citer, kept on one worker thread, answering on the GUI thread.

Ctrl+Shift+C copies the bibliography entry, Ctrl+Shift+A the in-text citation (a note for note
styles), "Copy with Citation" a quoted passage with its citation; the clipboard gets HTML and plain
text together so a word processor keeps the italics and a text editor gets clean text.
"""

from __future__ import annotations

import atexit
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from reader import cite

from .error_report import log_failure, quiet_failure
from .workers import LibraryRunner, run_in_background

if TYPE_CHECKING:
    from reader.cite import Citer, StyleInfo

logger = logging.getLogger(__name__)

WARM_DELAY_MS = 5000  # building a style's engine costs seconds of CPU: not while the window settles

# file-dialog filter → (format name, extension), from the one table in reader.cite
EXPORT_FORMATS = {fmt.file_filter: (fmt.name, fmt.extension) for fmt in cite.EXPORT_FORMATS}


@dataclass(frozen=True)
class Copied:
    """What went on the clipboard."""

    kind: str  # "bibliography" | "citation" | "passage"
    text: str
    html: str
    count: int

    def summary(self) -> str:
        """The status-bar line: what was copied, for how many articles, and its start."""
        noun = _COPIED_NOUNS[self.kind]
        if self.kind == "bibliography" and self.count > 1:
            noun = "bibliography entries"
        articles = "" if self.count == 1 else f" for {self.count} articles"
        return f"Copied {noun}{articles}: {' '.join(self.text.split())[:90]}"


_COPIED_NOUNS = {
    "bibliography": "bibliography entry",
    "citation": "citation",
    "passage": "passage with citation",
}


def default_citer_factory(extra_dirs: Sequence[Path]) -> Callable[[], Citer]:
    def make() -> Citer:
        from reader.cite import Citer

        return Citer(extra_style_dirs=list(extra_dirs))

    return make


def put_on_clipboard(text: str, html: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)
    _release_clipboard_at_exit()


@functools.cache
def _release_clipboard_at_exit() -> None:
    """Empty our clipboard data before Python finalises, if a QApplication is still alive then.

    The clipboard owns the QMimeData we gave it; an application object that outlives the interpreter
    (pytest-qt's, or any embedding) would free that Python-wrapped object after finalisation and crash.
    """

    def release() -> None:
        if QApplication.instance() is not None:
            QApplication.clipboard().clear()

    atexit.register(release)


class CitationService(QObject):
    """Formats citations on its own single thread (the Citer is built there, once, and stays)."""

    copied = Signal(object)  # Copied
    failed = Signal(str)
    styles_loaded = Signal(list)  # list[StyleInfo]: every installed style, common and user ones first
    styles_failed = Signal(str)
    style_added = Signal(object, list)  # the StyleInfo added from a file, and the styles now
    style_refused = Signal(str)  # why a .csl file could not be added (names the file)
    exported = Signal(str, int)  # path, count

    def __init__(
        self, runner: LibraryRunner, citer_factory: Callable[[], Citer], parent: QObject | None = None
    ):
        super().__init__(parent)
        self.runner = runner
        self._factory = citer_factory
        self._citer: Citer | None = None
        self._styles: dict[str, StyleInfo] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)  # the thread never retires, so the Citer never changes threads
        self.last: Copied | None = None
        self.locale = ""  # the user's citation locale for styles that declare none ("": American English)
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(WARM_DELAY_MS)
        self._warm_style = ""
        self._warm_timer.timeout.connect(lambda: self.warm(self._warm_style))

    # styles ----------------------------------------------------------------------------------------
    def load_styles(self) -> None:
        """Load every installed style (the index is read from its cache, or built once, off the GUI)."""
        self._run(
            lambda citer: citer.styles(installed=True),
            self._store_styles,
            self._styles_failed,
        )

    def add_style_file(self, path: str) -> None:
        """Check and add a ``.csl`` file; ``style_added`` or ``style_refused`` answers."""

        def work(citer: Citer) -> tuple[StyleInfo, list[StyleInfo]]:
            added = citer.add_style_file(path)
            return added, citer.styles(installed=True)

        def done(answer: tuple[StyleInfo, list[StyleInfo]]) -> None:
            self._store_styles(answer[1], quiet=True)
            self.style_added.emit(*answer)

        self._run(work, done, self._refused)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, cite.CitationError):
            logger.info("a style file was refused: %s", error)
            self.style_refused.emit(str(error))
        else:
            log_failure(logger, "adding a citation style failed", error)
            self.style_refused.emit(f"The style could not be added: {error}")

    def _styles_failed(self, error: BaseException) -> None:
        log_failure(logger, "the citation styles could not be loaded", error)
        self.styles_failed.emit(str(error))

    def _store_styles(self, styles: list[StyleInfo], *, quiet: bool = False) -> None:
        self._styles = {s.id: s for s in styles}
        if not quiet:
            self.styles_loaded.emit(styles)

    def warm_soon(self, style: str) -> None:
        """Prepare ``style`` once the window has settled, so the first copy is quick."""
        self._warm_style = style
        self._warm_timer.start()

    def stop_warming(self) -> None:
        self._warm_timer.stop()

    def warm(self, style: str) -> None:
        """Prepare ``style`` now (a style the user just chose)."""
        self._warm_timer.stop()
        self._run(
            lambda citer: citer.warm(style),
            lambda _none: None,
            quiet_failure(logger, f"preparing the citation style {style}"),  # copying will say why
        )

    # copying ---------------------------------------------------------------------------------------
    def copy_bibliography(self, ids: Sequence[int], style: str) -> None:
        """Copy the entries as Zotero's Quick Copy does: its HTML (one block per entry) and plain text."""

        def work(citer: Citer) -> Copied:
            items = self._items(ids)
            copied = citer.copy_bibliography(items, style, locale=self.locale or None)
            return Copied("bibliography", copied.text, copied.html, len(items))

        self._run(work, self._deliver)

    def copy_citation(self, ids: Sequence[int], style: str) -> None:
        """Copy one citation cluster for all ``ids`` (a note style gives its note), as Zotero does."""

        def work(citer: Citer) -> Copied:
            items = self._items(ids)
            copied = citer.copy_citation(items, style, locale=self.locale or None)
            return Copied("citation", copied.text, copied.html, len(items))

        self._run(work, self._deliver)

    def copy_passage(self, passage: str, article_id: int, style: str) -> None:
        def work(citer: Citer) -> Copied:
            item = self._items([article_id])[0]
            return Copied(
                "passage",
                citer.passage(passage, item, style, "text", locale=self.locale or None),
                citer.passage(passage, item, style, "html", locale=self.locale or None),
                1,
            )

        self._run(work, self._deliver)

    def export_with_dialog(self, ids: Sequence[int], parent: QWidget | None = None) -> None:
        """Ask where and in which format to export ``ids``, then export them (adding the format's file
        extension when the name has none)."""
        path, chosen = QFileDialog.getSaveFileName(
            parent, f"Export {len(ids)} Articles", "offprint-export.bib", ";;".join(EXPORT_FORMATS)
        )
        if not path:
            return
        format_name, extension = EXPORT_FORMATS.get(chosen, ("bibtex", ".bib"))
        if not Path(path).suffix:
            path += extension
        self.export(ids, path, format_name)

    def export(self, ids: Sequence[int], path: str, format_name: str) -> None:
        def work(_citer: Citer) -> tuple[str, int]:
            items = self._items(ids)
            cite.write_export(path, format_name, items)
            return path, len(items)

        self._run(work, lambda answer: self.exported.emit(*answer))

    def compose_note(
        self, ids: Sequence[int], style: str, on_done: Callable[[str], None], *, heading: str = "Annotations"
    ) -> None:
        """Create Note from Annotations: the Markdown of a note quoting every highlight of ``ids`` with
        its in-text citation in ``style`` and its comment, then the bibliography (``reader.cite``'s
        composition, as ``offprint notes export`` writes it); "" when none has a highlight."""

        def work(citer: Citer) -> str:
            wanted = list(ids)
            found = self.runner.locked(
                lambda library: [(library.get(i), library.annotations(i)) for i in wanted]
            )
            annotated = [
                cite.Annotated(cite.article_to_csl(article, item_id=str(article.id)), passages)
                for article, passages in found
            ]
            body = cite.note_from_annotations(annotated, citer, style)
            return f"# {heading}\n\n{body}" if body else ""

        self._run(work, on_done)

    # plumbing --------------------------------------------------------------------------------------
    def _items(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        from reader.cite import article_to_csl

        articles = self.runner.locked(lambda library: [library.get(i) for i in ids])
        return [article_to_csl(a, item_id=str(a.id)) for a in articles]

    def _deliver(self, copied: Copied) -> None:
        put_on_clipboard(copied.text, copied.html)
        self.last = copied
        self.copied.emit(copied)

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "copying or exporting citations failed", error)
        self.failed.emit(str(error))

    def _citer_here(self) -> Citer:
        if self._citer is None:
            self._citer = self._factory()
        return self._citer

    def _run(
        self,
        work: Callable[[Citer], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        run_in_background(
            lambda: work(self._citer_here()),
            on_success,
            on_failure or self._failed,
            pool=self.pool,
        )
