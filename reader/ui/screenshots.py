"""``python -m reader.ui.screenshots OUTDIR``: the README's screenshots, rendered offscreen.

The main window on the sample library (the bundled ``corpus/`` imported into a temp folder, or
``--library DIR``) with a search active, a series filter ticked and an article open, in the light and
the dark theme: ``OUTDIR/main-light.png`` and ``OUTDIR/main-dark.png``.  Then the reader with highlights,
their comments in the annotations sidebar, a selection with the highlight bar under it, and collections
and a saved search in the sidebar: ``OUTDIR/reader-light.png`` (on the sample library the highlights,
the note, the collection and the saved search are made for the picture; a ``--library`` of your own is
only read, and shows what it holds).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library import Library

    from .main_window import MainWindow

WINDOW_SIZE = (1440, 900)
DEFAULT_QUERY = "harbour"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.ui.screenshots", description=__doc__.splitlines()[0]
    )
    parser.add_argument("outdir", type=Path)
    parser.add_argument(
        "--library", type=Path, help="use this library (default: import corpus/ into a temp one)"
    )
    parser.add_argument(
        "--query", default=DEFAULT_QUERY, help=f"the search to show (default: {DEFAULT_QUERY})"
    )
    parser.add_argument("--themes", default="light,dark", help="comma-separated: light, sepia, dark")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="offprint-shots-") as tmp:
        written = render(args.outdir, Path(tmp), args.library, args.query, args.themes.split(","))
    for path in written:
        print(path)
    return 0


def render(
    outdir: Path, scratch: Path, library_folder: Path | None, query: str, themes: list[str]
) -> list[Path]:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from .app import make_application, open_library_for_app
    from .headless import import_into, quiet_offscreen_warnings, wait_until
    from .import_dialog import shipped_sample_corpus
    from .main_window import MainWindow
    from .settings import Settings, file_qsettings

    make_application()
    quiet_offscreen_warnings()
    QApplication.setFont(QApplication.font())  # the platform's UI font, as a user would see it
    if library_folder is None:
        corpus = shipped_sample_corpus()
        if corpus is None:
            raise SystemExit("no --library given and no sample corpus (corpus/) to build one from")
        import_into(scratch / "library", [corpus]).close()
        library = open_library_for_app(scratch / "library")  # as the app finds it: built, then reopened
    else:
        library = open_library_for_app(library_folder)
    written: list[Path] = []
    try:
        for theme in themes:
            settings = Settings(file_qsettings(scratch / f"settings-{theme}.ini"))
            settings.set_theme(theme)
            settings.dismiss_sample_offer(library.folder)
            window = MainWindow(library, settings)
            try:
                window.resize(*WINDOW_SIZE)
                window.show()
                wait_until(functools.partial(_searched_once, window), what="the first search")
                _stage(window, query)
                path = outdir / f"main-{theme}.png"
                window.grab().save(str(path))
                written.append(path)
            finally:
                window.close()
                QThreadPool.globalInstance().waitForDone(10_000)
        written.append(_shoot_reading(outdir, scratch, library, make_examples=library_folder is None))
    finally:
        library.close()
    return written


def _shoot_reading(outdir: Path, scratch: Path, library: Library, *, make_examples: bool) -> Path:
    """The reader with highlights and the annotations sidebar, the light theme."""
    from PySide6.QtCore import QThreadPool

    from .headless import wait_until
    from .main_window import MainWindow
    from .reading_shot import stage_reading
    from .settings import Settings, file_qsettings

    settings = Settings(file_qsettings(scratch / "settings-reading.ini"))
    settings.set_theme("light")
    settings.dismiss_sample_offer(library.folder)
    window = MainWindow(library, settings)
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_until(functools.partial(_searched_once, window), what="the first search")
        stage_reading(window, make_examples=make_examples)
        path = outdir / "reader-light.png"
        window.grab().save(str(path))
        return path
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)


def _searched_once(window: MainWindow) -> bool:
    return window.search_count >= 1


def _stage(window: MainWindow, query: str) -> None:
    """Search, tick the busiest series, open the first article."""
    from .headless import TimedOut, wait_until

    def search_then(action: Callable[[], None], what: str) -> None:
        count = window.search_count
        action()
        wait_until(lambda: window.search_count > count, what=what)

    search_then(lambda: window.search_bar.set_query(query), "the search")
    if window.model.rowCount() == 0:  # the query fits another corpus: show everything instead
        search_then(lambda: window.search_bar.set_query(""), "the search")
    series = window.facets.values_shown("series")
    if series:
        search_then(lambda: window.facets.toggle_value("series", series[0], True), "the filtered search")
    if window.model.rowCount():
        window.select_article(window.model.id_at(0) or 0)
        wait_until(lambda: window.current_article is not None, what="the article")
        window.list_view.setFocus()
    with contextlib.suppress(TimedOut):  # without citation styles the picker keeps its saved value
        wait_until(lambda: window.style_box.count() > 1, 10_000, what="the citation styles")
    visible = range(min(8, window.model.rowCount()))
    wait_until(lambda: all(window.model.is_loaded(row) for row in visible), what="the visible rows")


if __name__ == "__main__":
    sys.exit(main())
