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
from typing import ClassVar

import pytest

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
