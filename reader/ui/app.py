"""Starting the app: the QApplication, the library, the window.

The command line is read in :mod:`reader.commands.gui` (``offprint gui``, ``offprint``, ``offprint-gui``),
which calls :func:`run_app`; the self-check builds its window with :func:`make_application` too.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.errors import OffprintError
from reader.resources import resource_path

from .error_report import configure_logging, install_excepthook
from .settings import Settings

if TYPE_CHECKING:
    from reader.library import Library

    from .main_window import MainWindow

logger = logging.getLogger(__name__)

APP_NAME = "Offprint"
GIL_SWITCH_INTERVAL = 0.001  # seconds


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication (reused when one exists, as in tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Library work runs in Python threads; a short GIL switch interval lets the GUI thread take the GIL
    # back within ~1 ms instead of 5 ms each time it wants it (keeps typing and scrolling smooth).
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.offprint.Offprint")  # packaging/linux/*.desktop: taskbar icon
    icon = resource_path("icons", "offprint.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_library_for_app(folder: str | Path | None, read_only: bool = False) -> Library:
    """Open the library; when another process holds it for writing, open it read-only with a notice."""
    from reader.library import Library

    library = Library.open(folder, read_only=read_only, if_locked="read-only")
    for notice in library.notices:
        logger.info("library %s: %s", library.folder, notice)
    return library


def run_app(
    folder: str | Path | None = None,
    *,
    read_only: bool = False,
    settings: Settings | None = None,
    paths: Sequence[str | Path] = (),
) -> int:
    """Start the desktop app on ``folder`` (None: the default library) and run until the window closes.

    ``paths`` (files a file manager asked Offprint to open) are imported once the window is up.
    """
    app = make_application()
    configure_logging()
    install_excepthook()
    try:
        library = open_library_for_app(folder, read_only)
    except OffprintError as exc:
        logger.error("cannot open the library: %s", exc)
        QMessageBox.critical(None, "Offprint cannot open the library", str(exc))
        print(f"offprint: {exc}", file=sys.stderr)
        return 2
    try:
        open_window(library, settings or Settings(), paths)
        return int(app.exec())
    finally:
        library.close()


def open_window(library: Library, settings: Settings, paths: Sequence[str | Path] = ()) -> MainWindow:
    """Show the main window on ``library`` and start importing ``paths`` as soon as the event loop runs."""
    from .main_window import MainWindow

    window = MainWindow(library, settings)
    window.show()
    if paths:
        QTimer.singleShot(0, lambda: window.import_paths(list(paths)))
    return window
