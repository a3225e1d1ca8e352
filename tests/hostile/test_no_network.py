"""No network, no code: a hostile page is imported, read and cited without one request.

A local HTTP server stands in for every remote host the page references (images,
scripts, stylesheets, iframes, fonts, beacons, link prefetches).  It counts requests;
the guarantee is that it counts zero.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.ui.settings import Settings

pytestmark = pytest.mark.timeout(120)


class _CountingHandler(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"tracked")

    do_POST = do_GET
    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture()
def tracker() -> Iterator[tuple[str, list[str]]]:
    _CountingHandler.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.hits
    finally:
        server.shutdown()
        server.server_close()


def hostile_page(base: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour dues rise again | The Tideline</title>
<base href="{base}/base/">
<link rel="stylesheet" href="{base}/style.css">
<link rel="preload" href="{base}/font.woff2" as="font">
<link rel="prefetch" href="{base}/next-page">
<link rel="dns-prefetch" href="{base}/dns">
<style>@import url("{base}/import.css"); body {{ background: url({base}/bg.png) }}</style>
<script src="{base}/tracker.js"></script>
<script>fetch("{base}/inline-fetch"); new Image().src = "{base}/pixel";</script>
<meta http-equiv="refresh" content="0; url={base}/refresh">
<meta property="og:image" content="{base}/og.png">
</head>
<body onload="fetch('{base}/onload')">
<article>
<h1>Harbour dues rise again</h1>
<p>The port authority raised harbour dues for the third time in a year, citing dredging costs.</p>
<p><img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x" alt="Cranes at dusk"
   onerror="fetch('{base}/onerror')"></p>
<picture><source srcset="{base}/source.webp"><img src="{base}/picture.jpg" alt="x"></picture>
<p style="background-image: url({base}/inline-style.png)">Shipowners said the rise would be passed on.</p>
<iframe src="{base}/iframe"></iframe>
<object data="{base}/object"></object><embed src="{base}/embed">
<video src="{base}/video.mp4" poster="{base}/poster.jpg"></video>
<audio src="{base}/audio.mp3"></audio>
<svg><image href="{base}/svg-image.png"/></svg>
<form action="{base}/form"><input type="image" src="{base}/input.png"></form>
<p><a href="javascript:fetch('{base}/js-link')">a script link</a> and
   <a href="{base}/ordinary-link" ping="{base}/ping">an ordinary link</a>.</p>
<p>Dredging of the outer channel is due to finish before the autumn storms arrive.</p>
</article>
<img src="{base}/beacon.gif" width="1" height="1">
</body></html>"""


def test_import_extract_and_cite_make_no_request(tmp_path: Path, tracker: tuple[str, list[str]]) -> None:
    from reader.cite.csl import article_to_csl
    from reader.cite.facade import Citer
    from reader.library.facade import Library

    base, hits = tracker
    page = tmp_path / "tideline.html"
    page.write_text(hostile_page(base), encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        results = list(library.import_paths([page], workers=1))
        assert results[0].article_id is not None, results[0].error
        article = library.get(results[0].article_id)
        Citer(extra_style_dirs=[library.styles_folder()]).bibliography(
            [article_to_csl(article)], "apa", "html"
        )
        library.search("harbour")
    assert hits == [], f"the page reached the network: {hits}"
    html = article.html
    assert "127.0.0.1" not in re.sub(r'<a [^>]*href="http://127\.0\.0\.1[^"]*"', "", html), (
        "reader HTML may keep ordinary link targets, nothing else remote"
    )
    for forbidden in (
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<style",
        "onload",
        "onerror",
        "javascript:",
        "srcset",
        "ping=",
    ):
        assert forbidden not in html.lower(), f"reader HTML keeps {forbidden!r}"


def test_the_app_opens_scrolls_and_cites_a_hostile_page_without_a_request(
    tmp_path: Path,
    tracker: tuple[str, list[str]],
    qtbot: QtBot,
    app_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication
    from qt_support import close_window

    from reader.cite.facade import Citer
    from reader.library.facade import Library
    from reader.ui.main_window import MainWindow
    from reader.ui.reader_pane import TAB_ARTICLE, TAB_ORIGINAL

    base, hits = tracker
    page = tmp_path / "tideline.html"
    page.write_text(hostile_page(base), encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    library = Library.open(tmp_path / "lib")
    [result] = list(library.import_paths([page], workers=1))
    assert result.article_id is not None, result.error
    citer = Citer(extra_style_dirs=[library.styles_folder()])
    window = MainWindow(library, app_settings, citer_factory=lambda: citer)
    qtbot.addWidget(window)
    try:
        window.resize(900, 420)  # small: the article needs scrolling
        window.show()
        qtbot.waitUntil(lambda: window.search_count >= 1, timeout=10_000)
        with qtbot.waitSignal(window.article_shown, timeout=10_000):
            window.list_view.setCurrentIndex(window.model.index(0, 0))
        reader = window.reader
        assert "Harbour dues rise again" in reader.toPlainText()
        bar = reader.verticalScrollBar()
        reader.setFocus()
        for _ in range(12):  # scroll to the end, painting every screenful
            qtbot.keyClick(reader, Qt.Key.Key_PageDown)
            reader.viewport().grab()
        assert bar.maximum() > 0 and bar.value() == bar.maximum()
        bar.setValue(0)
        reader.viewport().grab()
        with qtbot.waitSignal(window.reader_pane.original_shown, timeout=10_000):
            window.reader_pane.setCurrentIndex(TAB_ORIGINAL)
        assert f"{base}/tracker.js" in window.reader_pane.original.toPlainText()  # shown as text, never run
        window.reader_pane.original.viewport().grab()
        window.reader_pane.setCurrentIndex(TAB_ARTICLE)
        with qtbot.waitSignal(window.citations.copied, timeout=30_000):
            window.copy_citation()
        mime = QApplication.clipboard().mimeData()
        assert "harbour dues rise again" in mime.text().lower()
        assert "<script" not in mime.html().lower()
    finally:
        close_window(qtbot, window, library)
    assert hits == [], f"the app reached the network: {hits}"
    assert opened == [], f"a link left the app without a click: {opened}"


@pytest.mark.parametrize(
    ("url", "leaves"),
    [
        ("https://example.org/story", True),
        ("http://example.org/story", True),
        ("mailto:editor@example.org", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("ftp://example.org/file", False),
        ("relative/page.html", False),
        ("#section", False),
    ],
)
def test_a_clicked_link_leaves_only_for_the_web_or_mail(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    leaves: bool,
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from reader.ui.reader_view import ReaderView

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda target: opened.append(target.toString()) or True)
    view = ReaderView()
    qtbot.addWidget(view)
    before = view.toPlainText()
    view.anchorClicked.emit(QUrl(url))
    assert opened == ([QUrl(url).toString()] if leaves else [])
    assert view.toPlainText() == before, "a click must never navigate the reader pane"


@pytest.mark.parametrize(
    "name",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.png",
        "//example.org/x.png",
        "file:///etc/passwd",
        "/etc/passwd",
        "../outside.png",
        "page_files/../../outside.png",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        "data:text/html;base64,PHNjcmlwdD4=",
    ],
)
def test_the_reader_loads_no_resource_from_outside_the_article(qtbot: QtBot, name: str) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from reader.ui.reader_view import ReaderView

    view = ReaderView()
    qtbot.addWidget(view)
    view._resources = {name: b"not served", "page_files/ok.png": b"also not served for other names"}
    assert view.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(name)) is None
    for kind in (QTextDocument.ResourceType.StyleSheetResource, QTextDocument.ResourceType.HtmlResource):
        assert view.loadResource(int(kind), QUrl("page_files/ok.png")) is None
