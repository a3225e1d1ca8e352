"""Desktop app figures: launch to a usable window on a 10,000-article library (target ≤ 1 s), and the
longest GUI-thread stall (target ≤ 50 ms) while typing a query (in the automatic order and with the
list sorted by a column), ticking filters one after another, listing every author and filtering them,
selecting every article, scrolling the list top to bottom, and importing — on whoosh (the default
engine) and tantivy.

Stalls are measured with a 5 ms QTimer heartbeat on the GUI thread: the longest gap between two beats
is the longest time the window could not answer a click or a key.  The 10,000 articles are synthetic
(written straight into the store, then indexed), so building them does not time the importer; they
have 3,600 authors and 400 topics, so the filters sidebar has a large library's long lists.
`OFFPRINT_BENCH_UI_ENGINES` (default ``whoosh,tantivy``) chooses the engines,
`OFFPRINT_BENCH_UI_SCENARIOS` (default all: typing,sorted,ticking,authors,select,scrolling,import) the
scenarios.
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
from typing import Any

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
TOPICS = [f"{a} {b}" for a in WORDS[:20] for b in WORDS[20:40]]  # 400
_FIRST = [f"{a}{b}" for a in ("Ana", "Tom", "Mir", "Jun", "Osk", "Lei") for b in "abcdefghij"]  # 60
_LAST = [
    f"{p}{a}{b}" for p in ("", "de la ", "van ") for a in ("Baev", "Cruz", "Sato", "Berg") for b in "klmnp"
]
AUTHORS = [f"{first} {last}" for first in _FIRST for last in _LAST]  # 60 x 60 = 3,600
TICKS = (("topics", 0), ("topics", 1), ("authors", 0), ("years", 0), ("topics", 2))


def build_library(folder: Path, count: int = ARTICLES, engine: str = "whoosh") -> None:
    """A library of ``count`` synthetic articles indexed by ``engine``."""
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
                    authors=rng.sample(AUTHORS, 1 + number % 3),
                    date=f"{2015 + number % 11}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                    site=f"site{number % 40}.example",
                    url=f"https://site{number % 40}.example/a/{number}",
                    language="en",
                    series=[rng.choice(SERIES)] if number % 3 == 0 else [],
                    topics=rng.sample(TOPICS, 3),
                    text=text,
                    html="".join(f"<p>{p}</p>" for p in paragraphs),
                    content_hash=hashlib.sha256(data).hexdigest(),
                    kind="html",
                )
                library.store.insert_article(conn, article, article.path)  # originals are not needed here
        library.reindex(engine)


class Heartbeat:
    """Records the longest gap between ticks of a fast GUI-thread timer, and the most CPU the GUI thread
    itself used between two ticks (``busiest``): a long gap with little CPU of its own is the window
    waiting for the processor or the interpreter lock, on a loaded machine or behind a worker thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.longest = 0.0
        self.busiest = 0.0
        self._last = 0.0
        self._last_cpu = 0.0

    def __enter__(self) -> Heartbeat:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.longest = self.busiest = 0.0
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, now - self._last)
        self.busiest = max(self.busiest, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu


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


def run_in_window(folder: Path, body: Callable[[Any, Heartbeat], None], name: str) -> tuple[float, float]:
    """Open the window on ``folder`` (settings of its own: one scenario's column order is not the next
    one's), run ``body`` and return the longest stall its heartbeat saw and the GUI thread's busiest."""
    from PySide6.QtCore import QThreadPool

    from reader.ui.app import make_application, open_library_for_app
    from reader.ui.headless import quiet_offscreen_warnings, wait_until
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings, file_qsettings

    make_application()
    quiet_offscreen_warnings()
    library = open_library_for_app(folder)
    window = MainWindow(library, Settings(file_qsettings(folder.parent / f"bench-{name}.ini")))
    window.resize(1400, 900)
    window.show()
    try:
        wait_until(lambda: window.search_count >= 1, what="the first search")
        pump(300)  # the organisations, the citation styles: the window's own start-up work
        beat = Heartbeat()
        body(window, beat)
        return beat.longest, beat.busiest
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(30_000)
        library.close()


def pump(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (the heartbeat keeps beating)."""
    from reader.ui.headless import wait_until

    deadline = time.monotonic() + ms / 1000
    wait_until(lambda: time.monotonic() >= deadline, ms + 5_000, what="a pause")


def answered(w: Any, action: Callable[[], object], what: str) -> None:
    """Do ``action`` and wait until the window has shown the answer it asks for."""
    from reader.ui.headless import wait_until

    before = w.search_count
    action()
    wait_until(lambda: w.search_count > before, 30_000, what=what)


def typing(w: Any, beat: Heartbeat) -> None:
    from PySide6.QtCore import QTimer

    from reader.ui.headless import wait_until

    pending = list(QUERY)
    typer = QTimer()
    typer.setInterval(TYPING_INTERVAL_MS)
    typer.timeout.connect(lambda: w.search_bar.insert(pending.pop(0)) if pending else typer.stop())
    with beat:
        typer.start()
        wait_until(
            lambda: not pending and w.search_count > 0 and w.model.query == QUERY,
            30_000,
            what="the typed query's results",
        )
        wait_until(lambda: w.current_id is None or w.current_article is not None, what="idle")
        pump(200)


def typing_sorted_by_title(w: Any, beat: Heartbeat) -> None:
    """Typing with the list sorted by a column (the store orders the matches, not the index)."""
    from reader.ui.article_list import ListOrder

    answered(w, lambda: w.article_pane.set_order(ListOrder("title")), "the list sorted by title")
    typing(w, beat)


def ticking(w: Any, beat: Heartbeat) -> None:
    """Ticking five values one after another, each answer on screen before the next tick."""
    with beat:
        for facet, rank in TICKS:
            values = w.facets.values_shown(facet)
            value = values[min(rank, len(values) - 1)]
            answered(w, lambda f=facet, v=value: w.facets.toggle_value(f, v), f"the filter {facet}")
            pump(100)


def listing_authors(w: Any, beat: Heartbeat) -> None:
    """Show all 3,600 authors, then filter them letter by letter."""
    section = w.facets.sections["authors"]
    with beat:
        section.set_show_all(True)
        pump(100)
        for letter in "cruz":
            section.filter_box.insert(letter)
            pump(TYPING_INTERVAL_MS)
        section.filter_box.clear()
        section.set_show_all(False)
        pump(100)


def selecting_all(w: Any, beat: Heartbeat) -> None:
    """Ctrl+A on every article (the status bar counts the selection)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    w.list_view.setFocus()
    with beat:
        QTest.keyClick(w.list_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        pump(200)


def scrolling(w: Any, beat: Heartbeat) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.ui.headless import wait_until

    bar = w.list_view.verticalScrollBar()
    with beat:
        for step in range(0, 101):
            bar.setValue(bar.maximum() * step // 100)
            QApplication.processEvents()
        rows = w.model.rowCount()
        wait_until(lambda: w.model.is_loaded(rows - 1), what="the last page")


def importing(pages: Path) -> Callable[[Any, Heartbeat], None]:
    def body(w: Any, beat: Heartbeat) -> None:
        from reader.ui.headless import wait_until

        w.importer.show_summary = False
        with beat:
            w.import_paths([pages])
            wait_until(lambda: not w.importer.running, 300_000, what="the import")
            pump(300)

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


SCENARIOS: tuple[tuple[str, str, Callable[[Any, Heartbeat], None]], ...] = (
    ("typing", f"typing {QUERY!r}", typing),
    ("sorted", f"typing {QUERY!r} in a list sorted by title", typing_sorted_by_title),
    ("ticking", f"ticking {len(TICKS)} filter values one after another", ticking),
    ("authors", "showing all 3,600 authors and filtering them", listing_authors),
    ("select", f"selecting all {ARTICLES:,} articles", selecting_all),
    ("scrolling", f"scrolling {ARTICLES:,} rows top to bottom", scrolling),
)


def _stall_line(what: str, stall: float, busiest: float) -> str:
    return (
        f"longest GUI stall while {what}: {stall * 1000:.0f} ms (target ≤ 50 ms); "
        f"the GUI thread's own work at most {busiest * 1000:.0f} ms of a stall"
    )


def main() -> None:
    engines = [e for e in os.environ.get("OFFPRINT_BENCH_UI_ENGINES", "whoosh,tantivy").split(",") if e]
    every = ",".join([name for name, _what, _body in SCENARIOS] + ["import"])
    chosen = set(os.environ.get("OFFPRINT_BENCH_UI_SCENARIOS", every).split(","))
    with tempfile.TemporaryDirectory(prefix="offprint-bench-ui-") as tmp:
        root = Path(tmp)
        write_import_pages(root / "pages")
        for number, engine in enumerate(engines):
            folder = root / engine / "library"
            start = time.perf_counter()
            build_library(folder, engine=engine)
            print(
                f"{engine}: built a {ARTICLES:,}-article library in {time.perf_counter() - start:.1f} s "
                "(not a target)"
            )
            wall, inside = measure_launch(folder)
            print(
                f"{engine}: launch to usable window, {ARTICLES:,} articles: {inside:.2f} s in-process, "
                f"{wall:.2f} s with interpreter start (target ≤ 1 s)"
            )
            for name, what, body in SCENARIOS:
                if name in chosen:
                    print(f"{engine}: {_stall_line(what, *run_in_window(folder, body, name))}")
            if number == 0 and "import" in chosen:  # the import is the same work on either engine
                stall = run_in_window(folder, importing(root / "pages"), "import")
                print(f"{engine}: {_stall_line(f'importing {IMPORT_PAGES} pages', *stall)}")
        # Stalls include time the OS gave other processes: read them against the machine's load.
        print(f"(load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
