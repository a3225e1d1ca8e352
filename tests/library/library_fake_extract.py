"""A stand-in extractor for the library tests: reads the tiny pages ``conftest.write_page`` writes.

It runs inside the importer's worker processes (they find it on ``sys.path``), so the
library's tests do not depend on the real ingest pipeline.  A body containing
``HANG`` never returns; one containing ``BOOM`` fails like a bad page; one containing ``BUG``
raises what a bug in ingest would (not an :class:`IngestError`).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from pathlib import Path

from reader.errors import IngestError
from reader.ingest import Article


def _meta(page: str, name: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(rf'<meta name="{name}" content="([^"]*)">', page)]


def extract_file(path: str | os.PathLike[str]) -> Article:
    data = Path(path).read_bytes()
    page = data.decode("utf-8")
    if "HANG" in page:
        threading.Event().wait()  # a pathological page: never finishes
    if "BOOM" in page:
        raise IngestError(f"{path}: no article found in this page")
    if "BUG" in page:
        raise RuntimeError("an unexpected state in the extractor")
    delay = float(os.environ.get("OFFPRINT_TEST_EXTRACT_DELAY", "0") or 0)
    if delay:
        threading.Event().wait(delay)  # slows extraction so a test can kill an import mid-way
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    body = re.search(r"<body>(.*)</body>", page, re.S)
    paragraphs = re.findall(r"<p>(.*?)</p>", body.group(1) if body else "", re.S)
    text = "\n\n".join(html.unescape(p) for p in paragraphs)
    dates, urls, sites = _meta(page, "date"), _meta(page, "url"), _meta(page, "site")
    return Article(
        path=str(path),
        title=html.unescape(title.group(1)) if title else None,
        authors=_meta(page, "author"),
        date=dates[0] if dates else None,
        site=sites[0] if sites else None,
        url=urls[0] if urls else None,
        language="en",
        series=_meta(page, "series"),
        topics=_meta(page, "topic"),
        text=text,
        html="".join(f"<p>{p}</p>" for p in paragraphs),
        content_hash=hashlib.sha256(data).hexdigest(),
        kind="html",
    )
