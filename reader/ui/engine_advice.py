"""Suggests the tantivy index engine when a whoosh library grows past what whoosh serves quickly.

The numbers behind the threshold live in the library (``WHOOSH_COMFORT_LIMIT``); this widget logic only
shows the advice in the notice bar and, on request, rebuilds the index off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from reader.library import WHOOSH_COMFORT_LIMIT

from .error_report import log_failure
from .notice_bar import NoticeBar
from .workers import LibraryRunner

NOTICE_KEY = "faster-engine"

logger = logging.getLogger(__name__)


class EngineAdvisor(QObject):
    """Shows "switch to tantivy" once a whoosh library outgrows whoosh, and performs the switch."""

    def __init__(
        self,
        runner: LibraryRunner,
        notices: NoticeBar,
        show_status: Callable[[str], None],
        on_switched: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.notices = notices
        self.show_status = show_status
        self.on_switched = on_switched

    def check(self) -> None:
        """Look at the library's engine and size (off the GUI thread) and advise when it is worth it."""
        self.runner.call(lambda library: (library.engine, library.count(), library.read_only), self._advise)

    def _advise(self, state: tuple[str, int, bool]) -> None:
        engine, count, read_only = state
        if read_only or engine != "whoosh" or count <= WHOOSH_COMFORT_LIMIT:
            self.notices.remove_notice(NOTICE_KEY)
            return
        self.notices.show_notice(
            NOTICE_KEY,
            f"This library has {count:,} articles. Search stays fast at this size with the tantivy index "
            "engine; switching rebuilds the index from your library (nothing else changes).",
            [("Switch to Tantivy", self.switch)],
        )

    def switch(self) -> None:
        self.notices.remove_notice(NOTICE_KEY)
        self.show_status("Rebuilding the index with tantivy…")
        self.runner.call(lambda library: library.reindex("tantivy"), self._switched, self._failed)

    def _switched(self, _result: object) -> None:
        self.show_status("The index now uses tantivy.")
        self.on_switched()

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "switching the index engine failed", error)
        self.show_status(f"Could not switch the index engine: {error}")
