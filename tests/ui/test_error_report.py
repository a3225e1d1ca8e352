"""Failures reach the user and the log: a background job that fails with nobody to handle it, and an
exception escaping a slot, each show a message box and leave their traceback in the log file."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.errors import STRICT_ENV, StorageError
from reader.ui import error_report
from reader.ui.workers import run_in_background


class Harbour(QObject):
    moored = Signal()


def _boom() -> None:
    raise ValueError("the tide table has no row 13")


def _visible_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _visible_box() -> QMessageBox | None:
    boxes = _visible_boxes()
    return boxes[-1] if boxes else None


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's logging set up as ``run_app`` does, into a temp folder; undone afterwards."""
    monkeypatch.delenv(STRICT_ENV, raising=False)  # the app's behaviour, not the suite's
    monkeypatch.setattr(error_report, "_log_file", None)
    monkeypatch.setattr(error_report, "_box", None)
    root = logging.getLogger("reader")
    saved_handlers, saved_level = list(root.handlers), root.level
    cli_stderr = logging.StreamHandler(io.StringIO())  # what `offprint gui` has installed by then
    cli_stderr.setLevel(logging.WARNING)
    root.addHandler(cli_stderr)
    assert error_report.configure_logging(tmp_path / "logs") == tmp_path / "logs" / "offprint.log"
    yield tmp_path / "logs"
    for handler in root.handlers:
        handler.close()
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)
    box = _visible_box()
    if box is not None:
        box.close()


def test_a_failed_job_with_no_handler_shows_a_message_and_logs_the_traceback(log_folder: Path, qtbot) -> None:
    run_in_background(_boom, lambda _value: None)
    qtbot.waitUntil(lambda: _visible_box() is not None, timeout=10_000)
    box = _visible_box()
    assert box is not None and "the tide table has no row 13" in box.text()
    assert str(log_folder / "offprint.log") in box.informativeText()
    assert "_boom" in box.detailedText()  # the traceback, for a bug report
    log = (log_folder / "offprint.log").read_text(encoding="utf-8")
    assert "ValueError: the tide table has no row 13" in log and "Traceback" in log

    run_in_background(_boom, lambda _value: None)  # a second failure counts in the same box
    qtbot.waitUntil(lambda: "2 problems" in box.informativeText(), timeout=10_000)
    assert _visible_boxes() == [box]


@pytest.mark.qt_no_exception_capture
def test_an_exception_escaping_a_slot_reaches_the_user(
    log_folder: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    error_report.install_excepthook()
    harbour = Harbour()
    harbour.moored.connect(_boom)
    harbour.moored.emit()
    qtbot.waitUntil(lambda: _visible_box() is not None, timeout=10_000)
    assert "the tide table has no row 13" in _visible_box().text()
    assert "Traceback" in (log_folder / "offprint.log").read_text(encoding="utf-8")


def test_under_the_suites_strict_setting_an_unexpected_error_is_raised(monkeypatch) -> None:
    monkeypatch.setenv(STRICT_ENV, "1")
    with pytest.raises(ValueError, match="row 13"):
        error_report.report_unexpected(ValueError("the tide table has no row 13"))


def test_an_expected_failure_is_logged_by_its_message_and_a_bug_with_its_traceback(caplog) -> None:
    log = logging.getLogger("reader.ui.test")
    with caplog.at_level(logging.WARNING, logger="reader"):
        error_report.log_failure(log, "saving", StorageError("the disk is full"))
        error_report.log_failure(log, "saving", KeyError("title"))
    expected, bug = caplog.records
    assert expected.getMessage() == "saving: the disk is full" and expected.exc_info is None
    assert bug.levelno == logging.ERROR and bug.exc_info is not None


def test_the_log_file_takes_info_by_default_and_what_offprint_log_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = logging.getLogger("reader")
    saved_handlers, saved_level = list(root.handlers), root.level
    log = logging.getLogger("reader.ui.test")
    try:
        for setting, folder in (("", "default"), ("debug", "debug")):
            monkeypatch.setattr(error_report, "_log_file", None)
            monkeypatch.setenv(error_report.LOG_ENV, setting)
            error_report.configure_logging(tmp_path / folder)
            log.info("opened the library")
            log.debug("carried on after a bad signal")
            for handler in root.handlers[len(saved_handlers) :]:
                handler.close()
            root.handlers[:] = saved_handlers
        default = (tmp_path / "default" / "offprint.log").read_text(encoding="utf-8")
        debug = (tmp_path / "debug" / "offprint.log").read_text(encoding="utf-8")
        assert "opened the library" in default and "bad signal" not in default
        assert "opened the library" in debug and "bad signal" in debug
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
