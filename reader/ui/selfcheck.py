"""The offscreen self-check packaging runs on the built app: open the window on a temporary library,
import one page through the window, render it, and exit 0 (or 1 with the reason)."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

TITLE = "The tide tables of Port Maren"
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>
<meta name="citation_title" content="{TITLE}"><meta name="citation_author" content="Ana Baev">
<meta name="citation_publication_date" content="2024-03-01"></head>
<body><article><h1>{TITLE}</h1><p>The harbour master kept the tide tables of Port Maren for forty years,
writing each high and low water in a ledger that the town archive still holds.</p>
<p>This page exists only so that Offprint can check that it imports, indexes and renders an article.</p>
</article></body></html>"""


def run_self_check() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        _check()
    except Exception as exc:  # the reason, not a crash: packaging prints it
        print(f"offprint self-check FAILED: {exc}", file=sys.stderr)
        traceback.print_exc()
        return 1
    print("offprint self-check passed: window opened, one page imported, article rendered")
    return 0


def _check() -> None:
    from PySide6.QtCore import QThreadPool

    from reader.library import Library

    from .app import make_application
    from .headless import quiet_offscreen_warnings, wait_until
    from .main_window import MainWindow
    from .settings import Settings, file_qsettings

    make_application()
    quiet_offscreen_warnings()
    with tempfile.TemporaryDirectory(prefix="offprint-selfcheck-") as tmp:
        root = Path(tmp)
        page = root / "page.html"
        page.write_text(PAGE, encoding="utf-8")
        library = Library.open(root / "library")
        window = MainWindow(library, Settings(file_qsettings(root / "settings.ini")))
        try:
            window.show()
            wait_until(lambda: window.search_count >= 1, what="the first search")
            if not window.import_paths([page]):
                raise RuntimeError("the window refused to start an import")
            wait_until(lambda: not window.importer.running, 60_000, what="the import")
            wait_until(lambda: window.model.rowCount() == 1, what="the imported article in the list")
            window.select_article(window.model.id_at(0) or 0)
            wait_until(lambda: window.current_article is not None, what="the article to open")
            shown = window.reader.toPlainText()
            if TITLE not in shown or "ledger" not in shown:
                raise RuntimeError(f"the reader shows the wrong text: {shown[:200]!r}")
            if window.reader.document().size().height() < 100:
                raise RuntimeError("the article was not laid out")
        finally:
            window.close()
            QThreadPool.globalInstance().waitForDone(10_000)
            library.close()


if __name__ == "__main__":
    raise SystemExit(run_self_check())
