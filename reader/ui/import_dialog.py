"""Importing files and folders without freezing the window.

``ImportController`` offers a first import on an empty library, asks for files or a folder (or takes
dropped ones), runs ``Library.import_paths`` on its own thread, shows a progress dialog only when the
import lasts longer than ~0.5 s (its Cancel button sets the cancel Event), and ends with a summary that
lists every failure with its reason.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
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


def shipped_sample_corpus() -> Path | None:
    """The bundled sample articles, or None when this build ships without them."""
    folder = sample_corpus_path()
    return folder if folder.is_dir() and any(folder.iterdir()) else None


def import_workers() -> int:
    """Extraction processes for an import from the app: every core but one, which stays with the window."""
    return max(1, (os.cpu_count() or 2) - 1)


class ImportSummaryDialog(QDialog):
    """Counts by outcome, then every failed file with its reason."""

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
        head = (
            "Cancelled after " if cancelled else ""
        ) + f"{len(results)} file{'s' if len(results) != 1 else ''}: "
        self.headline = QLabel(head + ", ".join(lines) + ".", self)
        self.headline.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
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
        layout.addWidget(buttons)


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
        self.progress_dialog: QProgressDialog | None = None
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
        self._delay.start()
        wanted = [str(p) for p in paths]
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
    def _on_progress(self, progress: ImportProgress) -> None:
        self._last_progress = progress
        dialog = self.progress_dialog
        if dialog is not None and self.running:
            dialog.setMaximum(max(progress.total, 1))
            dialog.setValue(
                min(progress.done, max(progress.total, 1) - 1)
                if progress.done < progress.total
                else progress.done
            )
            eta = f", about {progress.eta_seconds:.0f} s left" if progress.eta_seconds else ""
            dialog.setLabelText(
                f"Importing {progress.done} of {progress.total}{eta}\n{Path(progress.current).name}"
            )

    def _show_progress(self) -> None:
        if not self.running:
            return
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, self.parent_widget)
        dialog.setWindowTitle("Importing")
        dialog.setAccessibleName("Import progress")
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable while importing
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog
        if self._last_progress is not None:
            self._on_progress(self._last_progress)
        dialog.show()

    def _close_progress(self) -> None:
        self._delay.stop()
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _done(self, answer: tuple[list[ImportResult], bool]) -> None:
        results, cancelled = answer
        self.running = False
        self._close_progress()
        if self.show_summary and (
            cancelled or len(results) > 1 or any(r.status == ImportStatus.FAILED for r in results)
        ):
            self.summary = ImportSummaryDialog(results, cancelled, self.parent_widget)
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
