"""The ingest pipeline: one saved file (or its bytes) in, one :class:`~reader.ingest.model.Article` out.

read (:mod:`.source`) → decode (:mod:`.decode`) → repair the whole decoded document (:mod:`.repair`) →
parse once as a browser does, into lxml (:mod:`.parse`) → metadata from the whole tree (:mod:`.metadata`)
→ remove the page's boilerplate → find the article body → sanitise → text and reader HTML (:mod:`.body`)
→ flag what repair could not restore.

Every failure a user can meet comes out as :class:`~reader.errors.IngestError` naming the file and the
problem; nothing else escapes, whatever the bytes.  :data:`STAGES` lets the benchmark time each stage.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from reader.errors import IngestError, swallowed
from reader.ingest.body.boilerplate import remove_boilerplate
from reader.ingest.body.choose import find_article_body
from reader.ingest.body.dom import inner_text
from reader.ingest.body.leftovers import drop_doubled_blocks
from reader.ingest.body.render import to_html, to_text
from reader.ingest.body.sanitize import SanitizeContext, sanitize
from reader.ingest.decode import decode_bytes
from reader.ingest.metadata.accessed import record_accessed
from reader.ingest.metadata.orchestrate import extract_metadata
from reader.ingest.metadata.page import Metadata
from reader.ingest.model import Article, RepairEntry
from reader.ingest.parse import page_direction, parse_page
from reader.ingest.repair.document import repair_text
from reader.ingest.repair.report import examples_in_article
from reader.ingest.repair.unrepaired import find_unrepaired
from reader.ingest.source.read import read_path, read_source
from reader.ingest.source.record import Source
from reader.ingest.source.textdump import text_to_html

logger = logging.getLogger(__name__)

STAGES = ("read", "decode", "repair", "parse", "metadata", "clean", "extract", "sanitise")
# The fields metadata decides and the article carries as they were decided (title, authors, … provenance).
SHARED_FIELDS = tuple(f.name for f in fields(Metadata) if f.name in {a.name for a in fields(Article)})
MAX_TEXT_CHARS = 64 * 1024 * 1024
EXCERPT_CHARS = 300


class StageTimer:
    """Accumulates seconds per stage; the benchmark reads :attr:`seconds`.

    ``clock`` is the wall clock by default; a benchmark on a busy machine passes ``time.process_time``.
    """

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.clock = clock

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = self.clock()
        try:
            yield
        finally:
            self.seconds[name] += self.clock() - start


@dataclass
class _Page:
    tree: HtmlElement
    encoding: str
    repairs: list[RepairEntry]
    direction: str | None  # the page's writing direction (``dir`` on <html> or <body>)
    lexbor: Any = None  # lexbor's own tree of the page (see reader.ingest.parse.Parsed)


def extract_file(path: str | os.PathLike[str], *, timer: StageTimer | None = None) -> Article:
    """Read a saved page from disk and turn it into an article (``IngestError`` when that fails)."""
    name = os.fspath(path)
    timer = timer or StageTimer()
    with timer.stage("read"):
        data, source = read_path(name)
    return _guarded(data, source, name, timer)


def extract_bytes(
    data: bytes, *, path: str = "<bytes>", kind: str | None = None, timer: StageTimer | None = None
) -> Article:
    """Turn the bytes of a saved page into an article; ``kind`` is guessed when not given."""
    timer = timer or StageTimer()
    try:
        with timer.stage("read"):
            source = read_source(data, path=path, kind=kind)
    except IngestError:
        raise
    except Exception as exc:  # a reader bug must still reach the user as a message about this file
        swallowed(logger, f"{path}: an unexpected failure reading the page, reported as its error")
        raise IngestError(f"{path}: cannot read the page ({type(exc).__name__}: {exc})") from exc
    return _guarded(data, source, path, timer)


def _guarded(data: bytes, source: Source, path: str, timer: StageTimer) -> Article:
    try:
        return _build(data, source, path, timer)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(f"{path}: the page is nested too deeply to read") from None
    except MemoryError:
        raise IngestError(f"{path}: the page is too large to read") from None
    except Exception as exc:  # one broken page must never stop a batch with a traceback
        swallowed(logger, f"{path}: an unexpected failure, reported as the page's error")
        raise IngestError(f"{path}: could not extract the article ({type(exc).__name__}: {exc})") from exc


def _build(data: bytes, source: Source, path: str, timer: StageTimer) -> Article:
    page = _parse_page(source, path, timer)
    with timer.stage("metadata"):
        metadata = extract_metadata(page.tree, path=path)
        record_accessed(metadata, page.tree, source)
    with timer.stage("clean"):
        remove_boilerplate(page.tree, metadata.consumed)
    with timer.stage("extract"):
        title = metadata.title or _document_title(page.tree)
        body = find_article_body(page.tree, title=title, as_parsed=page.lexbor)
    with timer.stage("sanitise"):
        context = SanitizeContext(base_url=metadata.url or source.base_url, resolve_image=source.resolve)
        if body is None:
            body = lxml.html.fragment_fromstring("<div></div>")
        drop_doubled_blocks(body)
        reader_tree = sanitize(body, context)
        html = to_html(reader_tree, direction=page.direction)
        text = to_text(reader_tree)
    if not text.strip() and not context.used and "<img" not in html and not metadata.title:
        # Nothing a reader could read or cite: a script-only shell, bare markup, or markup nested
        # deeper than the parser follows.  An empty, untitled "article" would only confuse.
        raise IngestError(f"{path}: no article found (the page has no title and no readable text)")
    with timer.stage("repair"):
        # Examples from the article's own text (a repair in stripped clutter is none a reader can find).
        names = [*metadata.authors, *metadata.organizations, metadata.site or ""]
        repairs = examples_in_article([*page.repairs, *find_unrepaired(text, names)], text)
    return _article(path, data, source, page, metadata, text, html, repairs, context)


def _parse_page(source: Source, path: str, timer: StageTimer) -> _Page:
    with timer.stage("decode"):
        decoded = decode_bytes(source.data, kind=source.markup, declared=source.declared_charset)
        text = decoded.text
    if not text.strip():
        raise IngestError(f"{path}: empty file")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(f"{path}: too large for a saved page ({len(text) // 1_000_000} million characters)")
    with timer.stage("repair"):
        repaired = repair_text(text)
        text, repairs = repaired.text, [*decoded.entries, *repaired.entries]
    with timer.stage("parse"):
        if source.markup == "text":
            text = text_to_html(text)
        parsed = parse_page(text, path)
        tree = parsed.tree
        if parsed.recovered:
            repairs.append(RepairEntry(f"recovered-unclosed-{parsed.recovered}", 1))
    direction = page_direction(tree)
    return _Page(tree, decoded.encoding, repairs, direction, lexbor=parsed.lexbor)


def _document_title(tree: HtmlElement) -> str | None:
    title = tree.find(".//title")
    return inner_text(title) or None if title is not None else None


def _article(
    path: str,
    data: bytes,
    source: Source,
    page: _Page,
    metadata: Metadata,
    text: str,
    html: str,
    repairs: list[RepairEntry],
    context: SanitizeContext,
) -> Article:
    article = Article(
        path=path,
        text=text,
        html=html,
        repairs=repairs,
        encoding=page.encoding,
        content_hash=hashlib.sha256(data).hexdigest(),
        kind=source.kind,
        resources=list({id(r): r for r in context.used.values()}.values()),
    )
    for name in SHARED_FIELDS:
        setattr(article, name, _copied(getattr(metadata, name)))
    article.excerpt = metadata.excerpt or _first_paragraph(text)
    return article


def _copied(value: object) -> object:
    """A field's value for the article: its own list or dict, never the metadata's."""
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def _first_paragraph(text: str) -> str | None:
    for paragraph in text.split("\n\n"):
        if len(paragraph) >= 40:
            return (
                paragraph
                if len(paragraph) <= EXCERPT_CHARS
                else paragraph[: EXCERPT_CHARS - 1].rstrip() + "…"
            )
    return None
