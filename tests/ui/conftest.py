"""Fixtures for the desktop app's tests: offscreen Qt, a real library in a temp folder, temp settings.

Pages are small HTML files written here; a template library is imported once per session and copied
for each test, so every test starts from the same real library without paying for an import.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from qt_support import close_window

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.cite.facade import Citer
    from reader.library.facade import Library
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

SERIES = ("Coastal Notes", "Harbour Lives")
TOPICS = ("tides", "ferries", "lighthouses")
AUTHORS = ("Ana Baev", "Tomas de la Cruz", "Mirela Ostrova")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives the Qt interface: ``-m "not gui"`` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.gui)


def page_html(number: int, *, title: str | None = None, body_word: str = "breakwater") -> str:
    """A saved article page with citation metadata, a series block and a topic block."""
    series = SERIES[number % len(SERIES)]
    topic = TOPICS[number % len(TOPICS)]
    author = AUTHORS[number % len(AUTHORS)]
    title = title or f"Letters on the {topic} of Port Maren, number {number}"
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Tidewater Review</title>
<meta name="citation_title" content="{title}">
<meta name="citation_author" content="{author}">
<meta name="citation_publication_date" content="202{number % 4}-0{1 + number % 9}-1{number % 9}">
<meta property="og:site_name" content="Tidewater Review">
<meta property="og:url" content="https://tidewater.example/articles/{number}">
</head><body><article><h1>{title}</h1>
<p class="byline">By {author}</p>
<div class="series"><h4>Part of the series</h4><p><a href="/series/{number % 2}">{series}</a></p></div>
<p>The harbour master of Port Maren wrote to the council every winter about the {topic}, asking again for a
new {body_word} to shelter the fishing boats from the easterly storms that flooded the quay.</p>
<p>Article {number} of the survey records how the sand drifted along the shore, year after year, and how the
keepers of the lighthouse logged each storm in a ledger that is still kept in the town archive.</p>
<p>The council answered with promises. The {body_word} was finally built after the great flood.</p>
<div class="topics"><h4>Related topics</h4><p><a href="/topics/{topic}">{topic}</a></p></div>
</article></body></html>"""


def write_pages(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"article-{number:03d}.html"
        path.write_text(page_html(number), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="session", autouse=True)
def _isolated_user_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Even code that asks for the user's default QSettings writes to a temp folder during tests."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(scope="session")
def template_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real library holding 8 imported pages (built once; tests get copies)."""
    from reader.library.facade import Library

    root = tmp_path_factory.mktemp("template")
    pages = root / "pages"
    write_pages(pages, 8)
    folder = root / "library"
    with Library.open(folder) as library:
        results = list(library.import_paths([pages]))
        assert all(r.error is None for r in results), [r.error for r in results]
    return folder


@pytest.fixture
def library_folder(template_library: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(template_library, folder, ignore=shutil.ignore_patterns("*.lock", "lock"))
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    from reader.ui.settings import Settings, file_qsettings

    return Settings(file_qsettings(tmp_path / "settings.ini"))


@pytest.fixture(scope="session")
def shared_citer() -> Citer:
    """One real Citer for the whole session (building one costs seconds; windows use it one at a time)."""
    pytest.importorskip("reader.cite.facade")
    from reader.cite.facade import Citer

    return Citer()


@pytest.fixture
def citer_factory(request: pytest.FixtureRequest) -> Callable[[], Citer] | None:
    try:
        citer = request.getfixturevalue("shared_citer")
    except pytest.skip.Exception:
        return None  # citations not built yet: the window reports it in the status bar
    return lambda: citer


@pytest.fixture
def open_window(
    qtbot: QtBot, settings: Settings, citer_factory: Callable[[], Citer] | None
) -> Iterator[Callable[..., MainWindow]]:
    """``open_window(folder)`` → a shown MainWindow on a real library, its first search on screen."""
    from reader.library.facade import Library
    from reader.ui.main_window import MainWindow

    opened: list[tuple[MainWindow, Library]] = []

    def make(folder: Path, *, read_only: bool = False) -> MainWindow:
        library = Library.open(folder, read_only=read_only)
        window = MainWindow(library, settings, citer_factory=citer_factory)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitUntil(lambda: window.search_count >= 1, timeout=10_000)
        opened.append((window, library))
        return window

    yield make
    for window, library in opened:
        close_window(qtbot, window, library)


@pytest.fixture
def make_pages() -> Callable[..., list[Path]]:
    """``make_pages(folder, count)`` writes that many article pages and returns their paths."""
    return write_pages


@pytest.fixture
def shut(qtbot: QtBot) -> Callable[[MainWindow, Library], None]:
    """``shut(window, library)`` closes a window the test opened itself."""
    return lambda window, library: close_window(qtbot, window, library)
