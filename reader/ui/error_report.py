"""Failures the app meets reach the user and the log; none vanish.

* :func:`report_unexpected` — a bug or an error nobody planned for (a background job without its own
  failure handler, an exception escaping a Qt slot): logged with its traceback and shown in a message
  box, one box at a time, that says where the log is.  Under ``OFFPRINT_STRICT=1`` (the test suite) it
  is raised again instead, so the test that meets it fails.
* :func:`quiet_failure` — a handler for background work whose expected failures need no message.
* :func:`log_failure` — an expected failure a flow already shows the user (an edit refused, an import
  stopped): logged, with the traceback only when it is not one of Offprint's own errors.
* :func:`configure_logging` and :func:`install_excepthook` — set up once by the running app.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.errors import STRICT_ENV, OffprintError

logger = logging.getLogger(__name__)

LOG_ENV = "OFFPRINT_LOG"  # the lowest level logged: info (the app's default), debug…; as reader.cli reads it
LOG_BYTES = 1_000_000
LOG_BACKUPS = 2

_box: QMessageBox | None = None  # the message box on screen, if any
_log_file: Path | None = None


def log_file() -> Path | None:
    """The log file of this run (None until :func:`configure_logging` made one)."""
    return _log_file


def configure_logging(folder: Path | None = None) -> Path | None:
    """Write what Offprint logs to a rotating file in the user's log folder: the app's user has no terminal.

    The file takes info and above, or what ``$OFFPRINT_LOG`` names (``debug`` adds every failure Offprint
    deliberately carried on after, with its traceback) — the variable the command line reads too, which
    itself shows warnings on stderr while ``offprint gui`` runs.  Returns the log file, or None when it
    cannot be written (the app runs without it).
    """
    global _log_file
    if _log_file is not None:  # configured already (a second window, an embedding)
        return _log_file
    wanted = logging.getLevelName(os.environ.get(LOG_ENV, "info").upper())
    level = wanted if isinstance(wanted, int) else logging.INFO
    folder = folder or platformdirs.user_log_path("Offprint", appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "offprint.log", maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        logger.warning("cannot write the log file in %s (%s)", folder, exc)
        return None
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("reader")
    root.addHandler(handler)
    if level < root.getEffectiveLevel():
        root.setLevel(level)
    _log_file = folder / "offprint.log"
    return _log_file


def log_failure(log: logging.Logger, what: str, error: BaseException) -> None:
    """Log a failure the user is already being shown: Offprint's own errors by their message, others with
    their traceback (they may be bugs)."""
    if isinstance(error, OffprintError):
        log.warning("%s: %s", what, error)
    else:
        log.error("%s: %r", what, error, exc_info=_exc_info(error))


def quiet_failure(
    log: logging.Logger, what: str, level: int = logging.DEBUG
) -> Callable[[BaseException], None]:
    """A failure handler for work whose failure the user need not see when it is one of Offprint's own
    errors (a highlight for an article removed meanwhile): that is logged at ``level``; anything else may be
    a bug and goes to :func:`report_unexpected`."""

    def handle(error: BaseException) -> None:
        if isinstance(error, OffprintError):
            log.log(level, "%s: %s", what, error)
        else:
            report_unexpected(error)

    return handle


def report_unexpected(error: BaseException) -> None:
    """Log ``error`` with its traceback and show it to the user; re-raise it under ``OFFPRINT_STRICT=1``."""
    if os.environ.get(STRICT_ENV) == "1":
        raise error
    _log_and_show(error)


def install_excepthook() -> None:
    """Send exceptions that escape Qt slots and event handlers to :func:`report_unexpected`'s box.

    PySide prints such an exception through ``sys.excepthook`` and carries on; without this hook a
    desktop user, who sees no terminal, would never know that what they clicked did nothing.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: not ours to show
            previous(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        _log_and_show(error)

    sys.excepthook = hook


def _log_and_show(error: BaseException) -> None:
    logger.error("unexpected error: %r", error, exc_info=_exc_info(error))
    if not isinstance(QApplication.instance(), QApplication):
        return  # no window to show it in (a headless caller): the log has it
    _show(error)


def _show(error: BaseException) -> None:
    global _box
    if _box is not None and _box.isVisible():
        shown = int(_box.property("errors") or 1) + 1
        _box.setProperty("errors", shown)
        _box.setInformativeText(f"{shown} problems so far. {_where_logged()}")
        return
    where = _where_logged()
    _box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Offprint Ran into a Problem",
        f"Something went wrong: {error or type(error).__name__}",
        QMessageBox.StandardButton.Ok,
        QApplication.activeWindow(),
    )
    _box.setProperty("errors", 1)
    _box.setInformativeText(f"Offprint carries on; what you asked for may not have been done. {where}")
    _box.setDetailedText(
        getattr(error, "__traceback_text__", None) or "".join(traceback.format_exception(error))
    )
    _box.open()


def _where_logged() -> str:
    return f"The details are in {_log_file}." if _log_file is not None else "The details are below."


def _exc_info(error: BaseException) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    return type(error), error, error.__traceback__
