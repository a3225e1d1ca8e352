"""Importing files and folders without freezing the window.

``ImportController`` offers a first import on an empty library, asks for files or a folder (or takes
dropped ones), runs ``Library.import_paths`` on its own thread, shows a progress dialog only when the
import lasts longer than ~0.5 s, and ends with a summary that lists every failure with its reason and
every note (an earlier version kept, a page without text, a likely duplicate), with "Show the Imported
Articles".  The progress dialog's default button is "Run in Background" (the import goes on, its progress
in the status bar): a stray Enter never cancels; Cancel takes a click or Esc.  The file being imported is
shown by its path inside the imported folder, so the pages of a folder of folders can be told apart.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import ImportProgress, ImportResult, ImportStatus
from reader.resources import sample_corpus_path

from .error_report import log_failure
from .notice_bar import Notice, NoticeBar
from .workers import LibraryRunner, run_in_background

PROGRESS_DELAY_MS = 500
WELCOME = "welcome"  # the key of the first-import offer in the notice bar

logger = logging.getLogger(__name__)


def local_paths(urls: Sequence[QUrl]) -> list[Path]:
    """The local files and folders among dropped URLs (what a drop onto the window imports)."""
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and url.toLocalFile()]


def shipped_sample_corpus() -> Path | None:
    """The bundled sample articles, or None when this build ships without them."""
    folder = sample_corpus_path()
    return folder if folder.is_dir() and any(folder.iterdir()) else None


def import_workers() -> int:
    """Extraction processes for an import from the app: every core but one, which stays with the window."""
    return max(1, (os.cpu_count() or 2) - 1)


def shown_path(current: str, roots: Sequence[str]) -> str:
    """``current`` inside the folder it was imported from (``2024/march/source.html``), else its name."""
    path = PurePath(current)
    for root in roots:
        try:
            inside = path.relative_to(root)
        except ValueError:
            continue
        if inside.parts:
            return str(inside)
    return path.name


class ImportProgressDialog(QDialog):
    """The progress of a running import: Run in Background (the default button) or Cancel (a click or Esc)."""

    background_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importing")
        self.setAccessibleName("Import progress")
        self.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable while importing
        self.label = QLabel("Importing…", self)
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(420)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(self)
        self.background_button = QPushButton("Run in &Background", self)
        self.cancel_button = QPushButton("Cancel", self)
        self.buttons.addButton(self.background_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.background_button.setDefault(True)
        self.background_button.setAutoDefault(True)
        self.cancel_button.setAutoDefault(False)
        self.background_button.clicked.connect(self.background_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    def reject(self) -> None:  # Esc, or the window's close button: cancel, as the Cancel button does
        self.cancel_requested.emit()

    def accept(self) -> None:  # Enter: the default button, Run in Background
        self.background_requested.emit()

    def show_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        self.label.setText(text)


class ImportSummaryDialog(QDialog):
    """Counts by outcome, every note and every failed file with its reason; Show the Imported Articles."""

    show_requested = Signal(list)  # the ids of the imported and updated articles

    def __init__(
        self, results: Sequence[ImportResult], cancelled: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Cancelled" if cancelled else "Import Finished")
        self.setAccessibleName("Import summary")
        counts = Counter(r.status for r in results)
        lines = [
            f"{counts[ImportStatus.IMPORTED]} imported",
            f"{counts[ImportStatus.UPDATED]} updated",
            f"{counts[ImportStatus.DUPLICATE]} already in the library",
            f"{counts[ImportStatus.FAILED]} failed",
        ]
        if counts[ImportStatus.KEPT]:
            lines.insert(2, f"{counts[ImportStatus.KEPT]} not replaced (the earlier version was better)")
        head = (
            "Cancelled after " if cancelled else ""
        ) + f"{len(results)} file{'s' if len(results) != 1 else ''}: "
        self.headline = QLabel(head + ", ".join(lines) + ".", self)
        self.headline.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        self.notes = [r for r in results if r.note and r.status != ImportStatus.FAILED]
        if self.notes:
            layout.addWidget(QLabel("Worth a look:", self))
            noted = QPlainTextEdit(self)
            noted.setReadOnly(True)
            noted.setAccessibleName("Notes")
            noted.setPlainText("\n".join(f"{r.path}: {r.note}" for r in self.notes))
            layout.addWidget(noted)
            self.resize(700, 360)
        self.failures = [r for r in results if r.status == ImportStatus.FAILED]
        if self.failures:
            layout.addWidget(QLabel("These files could not be imported:", self))
            details = QPlainTextEdit(self)
            details.setReadOnly(True)
            details.setAccessibleName("Failed files")
            details.setPlainText(
                "\n".join(f"{r.path}: {r.error or 'unknown problem'}" for r in self.failures)
            )
            layout.addWidget(details)
            self.resize(700, 360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        self.imported_ids = list(
            dict.fromkeys(
                r.article_id
                for r in results
                if r.article_id is not None and r.status in (ImportStatus.IMPORTED, ImportStatus.UPDATED)
            )
        )
        self.show_button = buttons.addButton(
            "&Show the Imported Articles", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_button.setEnabled(bool(self.imported_ids))
        self.show_button.clicked.connect(self._show_imported)
        layout.addWidget(buttons)

    def _show_imported(self) -> None:
        self.show_requested.emit(self.imported_ids)
        self.accept()


class ImportController(QObject):
    """One import at a time, on a thread of its own; progress and results come back as signals.

    It owns the import flow from the file dialogs (or a drop) to the summary; on a read-only library
    it refuses, saying why.
    """

    started = Signal()
    progressed = Signal(object)  # ImportProgress
    finished = Signal(list, bool)  # list[ImportResult], cancelled
    failed = Signal(str)
    status = Signal(str)  # one line for the status bar
    show_requested = Signal(list)  # the summary's "Show the Imported Articles": their ids

    def __init__(self, runner: LibraryRunner, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
        self.read_only = runner.library.read_only
        self.notices: NoticeBar | None = None  # where the first-import offer is shown, once made
        self.cancel_event = threading.Event()
        self.running = False
        self.show_summary = True
        self.summary: ImportSummaryDialog | None = None
        self.progress_dialog: ImportProgressDialog | None = None
        self.in_background = False  # the user sent the progress dialog away: progress goes to the status bar
        self._roots: list[str] = []
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(PROGRESS_DELAY_MS)
        self._delay.timeout.connect(self._show_progress)
        self._last_progress: ImportProgress | None = None
        self.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def offer_first_import(self, notices: NoticeBar, file_filter: str) -> Notice:
        """The empty library's welcome: import the sample articles (when shipped), files or a folder."""
        buttons: list[tuple[str, Callable[[], object]]] = []
        corpus = shipped_sample_corpus()
        if corpus is not None:
            buttons.append(("Import the Sample Articles", lambda: self.import_paths([corpus])))
        buttons += [
            ("Import Files…", lambda: self.choose_files(file_filter)),
            ("Import Folder…", self.choose_folder),
        ]
        self.notices = notices
        return notices.show_notice(
            WELCOME,
            "Your library is empty. Import your saved pages (.html, .mhtml, .txt, or whole folders — you can "
            "also drop them on this window)"
            + (", or start with the bundled sample articles." if corpus else "."),
            buttons,
        )

    def choose_files(self, file_filter: str) -> None:
        """Ask for saved pages to import (``file_filter`` is the dialog's filter line)."""
        if self.read_only:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self.parent_widget, "Import Saved Pages", str(Path.home()), file_filter
        )
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        if self.read_only:
            return
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, "Import a Folder of Saved Pages", str(Path.home())
        )
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        """Start importing ``paths``, or say in the status bar why not."""
        if self.read_only:
            self.status.emit("This library is open read-only: nothing can be imported.")
            return False
        if self.running:
            self.status.emit("An import is already running.")
            return False
        started = self.start(paths)
        if started:
            self.status.emit(f"Importing {', '.join(Path(p).name for p in paths)[:120]}…")
        return started

    def start(self, paths: Sequence[str | Path]) -> bool:
        """Begin importing ``paths``; False when an import is already running or nothing was given."""
        if self.running or not paths:
            return False
        if self.notices is not None:
            self.notices.remove_notice(WELCOME)
        self.started.emit()
        self.running = True
        self.cancel_event = threading.Event()
        cancel = self.cancel_event
        self._last_progress = None
        self.in_background = False
        self._delay.start()
        wanted = [str(p) for p in paths]
        self._roots = [os.path.abspath(p) for p in wanted if os.path.isdir(p)] + [
            os.path.dirname(os.path.abspath(p)) for p in wanted if not os.path.isdir(p)
        ]
        run_in_background(lambda: self._import(wanted, cancel), self._done, self._crashed, pool=self.pool)
        return True

    def cancel(self) -> None:
        self.cancel_event.set()

    def _import(self, paths: list[str], cancel: threading.Event) -> tuple[list[ImportResult], bool]:
        """On the import thread: hold the library lock one file at a time, so searches run in between."""
        results: list[ImportResult] = []
        stream = self.runner.locked(
            lambda library: library.import_paths(
                paths, workers=import_workers(), cancel=cancel, on_progress=self.progressed.emit
            )
        )
        while True:
            with self.runner.lock:
                item = next(stream, None)
            if item is None:
                break
            results.append(item)
        return results, cancel.is_set()

    # GUI thread ------------------------------------------------------------------------------------
    def progress_text(self, progress: ImportProgress) -> str:
        eta = f", about {progress.eta_seconds:.0f} s left" if progress.eta_seconds else ""
        return (
            f"Importing {progress.done} of {progress.total}{eta}\n"
            f"{shown_path(progress.current, self._roots) if progress.current else ''}"
        )

    def _on_progress(self, progress: ImportProgress) -> None:
        self._last_progress = progress
        if not self.running:
            return
        dialog = self.progress_dialog
        if dialog is not None:
            dialog.show_progress(progress.done, progress.total, self.progress_text(progress))
        elif self.in_background:
            self.status.emit(self.progress_text(progress).replace("\n", " — "))

    def _show_progress(self) -> None:
        if not self.running or self.in_background:
            return
        dialog = ImportProgressDialog(self.parent_widget)
        dialog.background_requested.connect(self.run_in_background)
        dialog.cancel_requested.connect(self.cancel)
        self.progress_dialog = dialog
        if self._last_progress is not None:
            self._on_progress(self._last_progress)
        dialog.show()

    def run_in_background(self) -> None:
        """Send the progress dialog away: the import goes on, its progress in the status bar."""
        self.in_background = True
        self._close_progress()
        if self._last_progress is not None:
            self._on_progress(self._last_progress)

    def _close_progress(self) -> None:
        self._delay.stop()
        if self.progress_dialog is not None:
            self.progress_dialog.background_requested.disconnect(self.run_in_background)
            self.progress_dialog.cancel_requested.disconnect(self.cancel)
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _done(self, answer: tuple[list[ImportResult], bool]) -> None:
        results, cancelled = answer
        self.running = False
        self._close_progress()
        if self.show_summary and (
            cancelled or len(results) > 1 or any(r.status == ImportStatus.FAILED or r.note for r in results)
        ):
            self.summary = ImportSummaryDialog(results, cancelled, self.parent_widget)
            self.summary.show_requested.connect(self.show_requested)
            self.summary.open()  # window-modal but non-blocking
        counts = Counter(r.status for r in results)
        self.status.emit(
            ("Import cancelled: " if cancelled else "Import finished: ")
            + f"{counts[ImportStatus.IMPORTED] + counts[ImportStatus.UPDATED]} added or updated, "
            f"{counts[ImportStatus.FAILED]} failed."
        )
        self.finished.emit(results, cancelled)

    def _crashed(self, error: BaseException) -> None:
        log_failure(logger, "the import stopped", error)
        self.running = False
        self._close_progress()
        self.failed.emit(f"The import stopped: {error}")
