"""Desktop app figures: launch to a usable window on a 10,000-article library (target ≤ 1 s), and the
longest GUI-thread stall while typing a query, scrolling the list and importing (target ≤ 50 ms).

Stalls are measured with a 5 ms QTimer heartbeat on the GUI thread: the longest gap between two beats
is the longest time the window could not answer a click or a key.  The 10,000 articles are synthetic
(written straight into the store, then indexed), so building them does not time the importer.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARTICLES = 10_000
IMPORT_PAGES = 150
HEARTBEAT_MS = 5
QUERY = "harbour storms"
TYPING_INTERVAL_MS = 90  # a brisk typist
_VOCABULARY = (
    "harbour tide ferry lighthouse keeper storm council breakwater estuary survey ledger archive quay "
    "fishing boat winter flood sand shore pier timetable salt marsh channel dredging pilot beacon gull "
    "cargo customs warehouse crane rope net mackerel herring oyster mussel reef shoal current wind"
)
WORDS = _VOCABULARY.split()
SERIES = [
    f"Series {name}" for name in ("Coastal Notes", "Harbour Lives", "Port Ledger", "Tidewatch", "Salt Roads")
]
TOPICS = [f"topic-{word}" for word in WORDS[:24]]
AUTHORS = [
    f"{first} {last}"
    for first in ("Ana", "Tomas", "Mirela", "Jun", "Oskar", "Leila", "Priya")
    for last in ("Baev", "de la Cruz", "Ostrova", "Haldane", "Mwangi", "Sato")
]


def build_library(folder: Path, count: int = ARTICLES) -> None:
    """A library of ``count`` synthetic articles (tantivy index, as the app suggests past ~20,000)."""
    from reader.ingest import Article
    from reader.library import Library

    rng = random.Random(7)
    with Library.open(folder) as library:
        with library.store.transaction() as conn:
            for number in range(count):
                paragraphs = [
                    " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "." for _ in range(6)
                ]
                text = "\n\n".join(paragraphs)
                data = text.encode("utf-8") + str(number).encode()
                article = Article(
                    path=f"/bench/article-{number}.html",
                    title=f"{rng.choice(WORDS).title()} notes {number}",
                    authors=[rng.choice(AUTHORS)],
                    date=f"{2015 + number % 11}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                    site=f"site{number % 40}.example",
                    url=f"https://site{number % 40}.example/a/{number}",
                    language="en",
                    series=[rng.choice(SERIES)] if number % 3 == 0 else [],
                    topics=rng.sample(TOPICS, 2),
                    text=text,
                    html="".join(f"<p>{p}</p>" for p in paragraphs),
                    content_hash=hashlib.sha256(data).hexdigest(),
                    kind="html",
                )
                library.store.insert_article(conn, article, article.path)  # originals are not needed here
        try:
            library.reindex("tantivy")
        except Exception as exc:  # the engine the app would pick is not usable: bench the default one
            print(f"(tantivy unavailable: {exc}; using {library.engine})")
            library.reindex(library.engine if library.engine != "tantivy" else "whoosh")


class Heartbeat:
    """Records the longest gap between ticks of a fast GUI-thread timer."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.longest = 0.0
        self._last = 0.0

    def __enter__(self) -> Heartbeat:
        self._last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def measure_launch(folder: Path) -> tuple[float, float]:
    """(seconds from process start to a usable window, seconds inside the process) in a fresh process."""
    code = (
        "import time; t0 = time.perf_counter()\n"
        "import os, sys; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from reader.ui.app import make_application, open_library_for_app\n"
        "from reader.ui.headless import wait_until, quiet_offscreen_warnings\n"
        "from reader.ui.settings import Settings, file_qsettings\n"
        "app = make_application(); quiet_offscreen_warnings()\n"
        "from reader.ui.main_window import MainWindow\n"
        f"library = open_library_for_app({str(folder)!r})\n"
        f"window = MainWindow(library, Settings(file_qsettings({str(folder / 'bench.ini')!r})))\n"
        "window.show()\n"
        "wait_until(lambda: window.search_count >= 1 and window.model.is_loaded(0), what='the list')\n"
        "print(time.perf_counter() - t0, flush=True)\n"
        "window.close(); library.close()\n"
    )
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline()  # printed the moment the window is usable (closing is not timed)
    wall = time.perf_counter() - start
    child.communicate()
    if child.returncode != 0 or not line.strip():
        raise RuntimeError(f"the launch probe failed (exit status {child.returncode})")
    return wall, float(line)


def run_in_window(folder: Path, body: Callable[[object, Heartbeat], None]) -> float:
    from PySide6.QtCore import QThreadPool

    from reader.ui.app import make_application, open_library_for_app
    from reader.ui.headless import quiet_offscreen_warnings, wait_until
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings, file_qsettings

    make_application()
    quiet_offscreen_warnings()
    library = open_library_for_app(folder)
    window = MainWindow(library, Settings(file_qsettings(folder / "bench-window.ini")))
    window.resize(1400, 900)
    window.show()
    try:
        wait_until(lambda: window.search_count >= 1, what="the first search")
        beat = Heartbeat()
        body(window, beat)
        return beat.longest
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(30_000)
        library.close()


def typing(window: object, beat: Heartbeat) -> None:
    from PySide6.QtCore import QTimer

    from reader.ui.headless import wait_until

    w = window
    pending = list(QUERY)
    typer = QTimer()
    typer.setInterval(TYPING_INTERVAL_MS)
    typer.timeout.connect(lambda: w.search_bar.insert(pending.pop(0)) if pending else typer.stop())  # type: ignore[attr-defined]
    with beat:
        typer.start()
        wait_until(
            lambda: not pending and w.search_count > 0 and w.model.query == QUERY,
            30_000,  # type: ignore[attr-defined]
            what="the typed query's results",
        )
        wait_until(lambda: w.current_id is None or w.current_article is not None, what="idle")  # type: ignore[attr-defined]


def scrolling(window: object, beat: Heartbeat) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.ui.headless import wait_until

    w = window
    bar = w.list_view.verticalScrollBar()  # type: ignore[attr-defined]
    with beat:
        for step in range(0, 101):
            bar.setValue(bar.maximum() * step // 100)
            QApplication.processEvents()
        rows = w.model.rowCount()  # type: ignore[attr-defined]
        wait_until(lambda: w.model.is_loaded(rows - 1), what="the last page")  # type: ignore[attr-defined]


def importing(pages: Path) -> Callable[[object, Heartbeat], None]:
    def body(window: object, beat: Heartbeat) -> None:
        from reader.ui.headless import wait_until

        w = window
        w.importer.show_summary = False  # type: ignore[attr-defined]
        with beat:
            w.import_paths([pages])  # type: ignore[attr-defined]
            wait_until(lambda: not w.importer.running, 300_000, what="the import")  # type: ignore[attr-defined]

    return body


def write_import_pages(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    for number in range(IMPORT_PAGES):
        body = "".join(f"<p>{' '.join(rng.choice(WORDS) for _ in range(80))}.</p>" for _ in range(8))
        folder.joinpath(f"page-{number}.html").write_text(
            f"<!doctype html><html><head><meta charset='utf-8'><title>Imported page {number}</title>"
            f"<meta name='citation_author' content='{rng.choice(AUTHORS)}'></head>"
            f"<body><article><h1>Imported page {number}</h1>{body}</article></body></html>",
            encoding="utf-8",
        )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="offprint-bench-ui-") as tmp:
        root = Path(tmp)
        folder = root / "library"
        start = time.perf_counter()
        build_library(folder)
        print(f"built a {ARTICLES:,}-article library in {time.perf_counter() - start:.1f} s (not a target)")
        wall, inside = measure_launch(folder)
        print(
            f"launch to usable window, {ARTICLES:,} articles: {inside:.2f} s in-process, "
            f"{wall:.2f} s with interpreter start (target ≤ 1 s)"
        )
        stall = run_in_window(folder, typing)
        print(f"longest GUI stall while typing {QUERY!r}: {stall * 1000:.0f} ms (target ≤ 50 ms)")
        stall = run_in_window(folder, scrolling)
        print(
            f"longest GUI stall while scrolling {ARTICLES:,} rows top to bottom: {stall * 1000:.0f} ms "
            "(target ≤ 50 ms)"
        )
        write_import_pages(root / "pages")
        stall = run_in_window(folder, importing(root / "pages"))
        print(
            f"longest GUI stall while importing {IMPORT_PAGES} pages: {stall * 1000:.0f} ms (target ≤ 50 ms)"
        )
        # Stalls include time the OS gave other processes: read them against the machine's load.
        print(f"(load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
