"""The app on a library it cannot write: a read-only filesystem, or another Offprint holding it.

Either way the window opens, says so in its notice bar, and turns every write action off.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fault_helpers import write_batch
from qt_support import close_window

from reader.library import lock as lock_module
from reader.library.facade import Library

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

pytestmark = pytest.mark.timeout(90)
WRITE_ACTIONS = ("import_files", "import_folder", "edit_metadata", "bulk_edit", "remove")


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("app-ro")
    write_batch(root / "pages")
    with Library.open(root / "lib") as library:
        list(library.import_paths([root / "pages"], workers=1))
    return root / "lib"


def _window(qtbot: QtBot, library: Library, settings: Settings) -> MainWindow:
    from reader.ui.main_window import MainWindow

    window = MainWindow(library, settings, citer_factory=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search_count >= 1, timeout=10_000)
    return window


def _assert_read_only_window(window: MainWindow, library: Library, reason: str) -> None:
    texts = window.notice_bar.texts()
    assert window.notice_bar.isVisible(), "the notice bar must be on screen"
    assert any("read-only" in t for t in texts), texts
    assert any(reason in t for t in texts), f"the notice must say why ({reason!r}): {texts}"
    for name in WRITE_ACTIONS:
        assert not window.actions_by_name[name].isEnabled(), f"{name} is still enabled"
    assert not window.actions_by_name["import_toolbar"].isEnabled()
    assert not window.acceptDrops()
    assert window.model.rowCount() == library.count() > 0  # reading still works


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_the_app_on_a_read_only_filesystem_shows_why_and_disables_writing(
    filled: Path,
    qtbot: QtBot,
    app_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
) -> None:
    def refuse(self: lock_module.WriterLock) -> None:
        raise OSError(code, os.strerror(code), str(self.path))

    monkeypatch.setattr(lock_module.WriterLock, "acquire", refuse)
    from reader.ui.app import open_library_for_app

    library = open_library_for_app(filled)
    window = _window(qtbot, library, app_settings)
    try:
        _assert_read_only_window(window, library, os.strerror(code))
    finally:
        close_window(qtbot, window, library)


_HOLDER = """
import sys
from reader.library.facade import Library
library = Library.open({folder!r})
print("holding", flush=True)
sys.stdin.readline()
library.close()
"""


def test_a_second_app_on_a_library_in_use_opens_it_read_only(
    filled: Path,
    qtbot: QtBot,
    app_settings: Settings,
) -> None:
    from reader.ui.app import open_library_for_app

    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER.format(folder=str(filled))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "holding"
        library = open_library_for_app(filled)
        assert library.read_only
        window = _window(qtbot, library, app_settings)
        try:
            _assert_read_only_window(window, library, "another Offprint")
        finally:
            close_window(qtbot, window, library)
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    with Library.open(filled) as library:  # the holder closed: writable again, nothing damaged
        assert not library.read_only and library.check().ok
