"""A tiny, fast stand-in extractor for the fault tests (runs in the importer's worker processes).

The fault tests are about what the library keeps when a process dies or a disk fills,
not about extraction, so pages are read with a few regular expressions.  A page whose
body contains ``SLOW`` takes far longer than any time limit a test sets.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from pathlib import Path

from reader.ingest import Article


def _meta(page: str, name: str) -> str | None:
    found = re.search(rf'<meta name="{name}" content="([^"]*)">', page)
    return html.unescape(found.group(1)) if found else None


def extract_file(path: str | os.PathLike[str]) -> Article:
    data = Path(path).read_bytes()
    page = data.decode("utf-8")
    if "SLOW" in page:
        threading.Event().wait(600)  # a page that makes the extractor crawl
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    paragraphs = re.findall(r"<p>(.*?)</p>", page, re.S)
    return Article(
        path=str(path),
        title=html.unescape(title.group(1)) if title else None,
        authors=[a for a in [_meta(page, "author")] if a],
        url=_meta(page, "url"),
        language="en",
        text="\n\n".join(html.unescape(p) for p in paragraphs),
        html="".join(f"<p>{p}</p>" for p in paragraphs),
        content_hash=hashlib.sha256(data).hexdigest(),
        kind="html",
    )
