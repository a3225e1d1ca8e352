"""Work off the GUI thread: run a function in the pool, then deliver success or failure on the GUI thread.

``run_in_background(fn, on_success, on_failure)`` is the one way the app runs slow work (Anki's
``QueryOp`` pattern); a job without its own ``on_failure`` reports its failure as unexpected (a message
and the log, see :mod:`.error_report`).  ``LatestOnly`` wraps it with a generation counter so a search
answer that arrives after a newer query was typed is dropped, never shown.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from .error_report import report_unexpected

if TYPE_CHECKING:
    from reader.library import Library

T = TypeVar("T")

_live_relays: set[_Relay] = set()  # keep relays alive until their answer is delivered


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits into it and Qt queues the call across threads."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, value: Any) -> None:
        _live_relays.discard(self)
        self._on_success(value)

    @Slot(object)
    def _deliver_failure(self, error: BaseException) -> None:
        _live_relays.discard(self)
        self._on_failure(error)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # on a pool thread
        try:
            value = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost in a thread
            with contextlib.suppress(AttributeError):  # a few C exceptions take no attributes
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.succeeded, value)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # While the app shuts down the receiver may already be gone; the answer has nobody to go to.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] = report_unexpected,
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn()`` on a pool thread; call ``on_success(value)`` or ``on_failure(exc)`` on the GUI thread."""
    relay = _Relay(on_success, on_failure)
    _live_relays.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Job(fn, relay))


class LatestOnly(QObject):
    """Runs background requests of one kind and delivers only the answer to the newest one.

    Typing "cli", "clim", "climate" starts three searches; whichever order they finish in, only
    the answer for "climate" reaches the GUI.
    """

    delivered = Signal(int)  # generation whose answer was handed on
    dropped = Signal(int)  # generation whose answer came too late

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.generation = 0
        self._pool = pool

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] = report_unexpected,
    ) -> int:
        self.generation += 1
        mine = self.generation

        def success_if_current(value: Any) -> None:
            if mine == self.generation:
                on_success(value)
                self.delivered.emit(mine)
            else:
                self.dropped.emit(mine)

        def failure_if_current(error: BaseException) -> None:
            if mine == self.generation:
                on_failure(error)
                self.delivered.emit(mine)
            else:
                self.dropped.emit(mine)

        run_in_background(fn, success_if_current, failure_if_current, pool=self._pool)
        return mine

    def cancel(self) -> None:
        """Forget every request in flight (their answers will be dropped)."""
        self.generation += 1


class LibraryRunner:
    """Every library call the app makes, run off the GUI thread under one lock.

    The library is used from one thread at a time; the lock makes the search, page and import
    threads take turns, and the GUI thread never waits on it (it only receives answers).
    """

    def __init__(self, library: Library, pool: QThreadPool | None = None) -> None:
        self.library = library
        self.lock = threading.RLock()
        self._pool = pool
        self._channels: dict[str, LatestOnly] = {}

    def locked(self, fn: Callable[[Library], T]) -> T:
        """Run ``fn(library)`` holding the lock, on the calling thread (used inside workers)."""
        with self.lock:
            return fn(self.library)

    def forget_pending(self) -> None:
        """Drop the answers of every latest-only request in flight (the window is closing)."""
        for latest in self._channels.values():
            latest.cancel()

    def call(
        self,
        fn: Callable[[Library], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] = report_unexpected,
    ) -> None:
        """Run ``fn(library)`` on a pool thread; answer on the GUI thread."""
        run_in_background(lambda: self.locked(fn), on_success, on_failure, pool=self._pool)

    def call_latest(
        self,
        fn: Callable[[Library], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] = report_unexpected,
        *,
        channel: str = "search",
    ) -> int:
        """Like :meth:`call`, but an answer is dropped once a newer call on the same channel was made."""
        latest = self._channels.setdefault(channel, LatestOnly(self._pool))
        return latest.submit(lambda: self.locked(fn), on_success, on_failure)
