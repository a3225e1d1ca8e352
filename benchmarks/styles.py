"""The style chooser over every installed style: building the index, loading it, opening, searching.

Targets: opening the chooser with every style listed and each keystroke of a search ≤ 100 ms (the index
is in memory: the app loads it in the background after its first search).  Also reported: building the
index from the ~11,000 style files (once per style package) and loading it from its cache (once per
run of the app).  Run with ``.venv/bin/python -m benchmarks styles``.
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 100.0
QUERIES = ("n", "na", "nat", "natu", "natur", "nature", "medicine numeric", "chicago", "zzqx")
ROUNDS = 5


def _ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    from reader.cite import style_index
    from reader.cite.styles import packaged_styles_dir

    with tempfile.TemporaryDirectory() as cache:
        os.environ[style_index.CACHE_ENV] = cache
        root = packaged_styles_dir()
        style_index._LOADED.clear()
        built = _ms(lambda: style_index.packaged_index(root))
        style_index._LOADED.clear()
        loaded = _ms(lambda: style_index.packaged_index(root))
        from reader.cite import Citer

        styles = Citer().styles(installed=True)
        print(f"styles: {len(styles):,} (independent and dependent)")
        print(f"build the index from the files: {built:8.0f} ms (once per style package)")
        print(f"load the index from its cache:  {loaded:8.0f} ms (once per run, in the background)")
        _bench_chooser(styles)


def _warm_up_widgets(app: object) -> None:
    from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout

    window = QDialog()
    layout = QVBoxLayout(window)
    for widget in (QLineEdit(), QListView(), QComboBox(), QPushButton("OK"), QLabel("label")):
        layout.addWidget(widget)
    window.show()
    app.processEvents()  # type: ignore[attr-defined]
    window.close()


def _bench_chooser(styles: list) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.ui.style_dialog import StylePickerDialog

    app = QApplication.instance() or QApplication([])
    _warm_up_widgets(app)  # in the app the window is up first: its widgets and fonts are loaded

    def open_chooser() -> StylePickerDialog:
        dialog = StylePickerDialog(
            styles,
            current="apa",
            recent=["nature", "ieee"],
            locale="en-US",
            locales=[("en-US", "English (US)")],
            declares_locale=lambda _style_id: False,
        )
        dialog.show()
        app.processEvents()
        return dialog

    # the index was just built, then loaded twice: collect that garbage now, so that a full collection of
    # it is not timed as the chooser's (the app loads the index once, at start-up)
    gc.collect()
    opens = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        dialog = open_chooser()
        opens.append((time.perf_counter() - start) * 1000)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    dialog = open_chooser()
    keystrokes = []
    for query in QUERIES:
        keystrokes.append(_ms(lambda q=query: (dialog.search.setText(q), app.processEvents())))
    dialog.close()
    worst_open, worst_key = max(opens), max(keystrokes)
    print(
        f"open the chooser, every style listed: first {opens[0]:5.1f} ms, "
        f"then median {statistics.median(opens[1:]):5.1f} ms"
    )
    print(
        f"search keystroke ({len(QUERIES)} queries): median {statistics.median(keystrokes):5.1f} ms, "
        f"worst {worst_key:5.1f} ms"
    )
    verdict = "ok" if max(worst_open, worst_key) <= TARGET_MS else "SLOWER THAN TARGET"
    print(f"target ≤ {TARGET_MS:.0f} ms: {verdict}")
