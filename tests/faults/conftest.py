"""Fixtures for the fault tests: offscreen Qt, the stand-in extractor, app settings in a temp folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import (the app tests)

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # the tests import fault_helpers; worker processes import fault_extract

from fault_helpers import FAULT_EXTRACTOR  # noqa: E402

if TYPE_CHECKING:
    from reader.ui.settings import Settings


@pytest.fixture(autouse=True)
def fault_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.library import importer

    monkeypatch.setattr(importer, "DEFAULT_EXTRACTOR", FAULT_EXTRACTOR)


@pytest.fixture
def app_settings(tmp_path: Path) -> Settings:
    """The app's settings in a temp file; the default QSettings locations point into tmp_path too."""
    from PySide6.QtCore import QSettings

    from reader.ui.settings import Settings, file_qsettings

    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    return Settings(file_qsettings(tmp_path / "settings.ini"))
