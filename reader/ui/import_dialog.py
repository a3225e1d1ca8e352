"""Importing files and folders without freezing the window.

``ImportController`` runs ``Library.import_paths`` on its own thread, shows a progress dialog only
when the import lasts longer than ~0.5 s (its Cancel button sets the cancel Event), and ends with a
summary that lists every failure with its reason.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from reader.library import ImportProgress, ImportResult, ImportStatus

from .workers import LibraryRunner, run_in_background

PROGRESS_DELAY_MS = 500


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
    """One import at a time, on a thread of its own; progress and results come back as signals."""

    progressed = Signal(object)  # ImportProgress
    finished = Signal(list, bool)  # list[ImportResult], cancelled
    failed = Signal(str)

    def __init__(self, runner: LibraryRunner, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
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

    def start(self, paths: Sequence[str | Path]) -> bool:
        """Begin importing ``paths``; False when an import is already running or nothing was given."""
        if self.running or not paths:
            return False
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
        self.finished.emit(results, cancelled)

    def _crashed(self, error: BaseException) -> None:
        self.running = False
        self._close_progress()
        self.failed.emit(f"The import stopped: {error}")
