"""The ingest pipeline: one saved file (or its bytes) in, one :class:`~reader.ingest.model.Article` out.

read → decode → repair (the whole decoded document) → parse once with lxml → metadata (whole tree) →
clean → extract the body → sanitise → text and reader HTML → flag what repair could not restore.

Every failure a user can meet comes out as :class:`~reader.errors.IngestError` naming the file and the
problem; nothing else escapes, whatever the bytes.  :data:`STAGES` lets the benchmark time each stage.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from reader.errors import IngestError
from reader.ingest.clean import clean_page, drop_doubled_blocks, text_of
from reader.ingest.decode import decode_bytes
from reader.ingest.extract import extract_article
from reader.ingest.metadata import Metadata, extract_metadata
from reader.ingest.model import Article, RepairEntry
from reader.ingest.read import Source, read_path, read_source
from reader.ingest.repair import find_unrepaired, repair_text
from reader.ingest.sanitize import SanitizeContext, sanitize, to_html, to_text
from reader.ingest.textdump import text_to_html

STAGES = ("read", "decode", "repair", "parse", "metadata", "clean", "extract", "sanitise")
MAX_TEXT_CHARS = 64 * 1024 * 1024
EXCERPT_CHARS = 300
# Characters lxml keeps when parsing but refuses when a tree is edited (control codes, lone surrogates).
_NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# libxml2 checks attributes for duplicates pairwise: a tag with a million attributes takes hours to parse.
_HUGE_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)[^<>]{20000,}>")
_VOID_ELEMENTS = (
    "embed",
    "source",
    "track",
    "wbr",
    "keygen",
    "param",
    "area",
    "input",
    "img",
    "br",
    "hr",
    "col",
)


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
        raise IngestError(f"{path}: could not extract the article ({type(exc).__name__}: {exc})") from exc


def _build(data: bytes, source: Source, path: str, timer: StageTimer) -> Article:
    page = _parse_page(source, path, timer)
    with timer.stage("metadata"):
        metadata = extract_metadata(page.tree, path=path)
    with timer.stage("clean"):
        clean_page(page.tree, metadata.consumed)
    with timer.stage("extract"):
        body = extract_article(page.tree, title=metadata.title or _document_title(page.tree))
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
    repairs = list(page.repairs)
    with timer.stage("repair"):
        repairs.extend(find_unrepaired(text))
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
        text, repairs = repaired.text, list(repaired.entries)
    with timer.stage("parse"):
        if source.markup == "text":
            text = text_to_html(text)
        tree = parse_html(text, path)
    return _Page(tree=tree, encoding=decoded.encoding, repairs=repairs, direction=_direction(tree))


def parse_html(text: str, path: str) -> HtmlElement:
    """Parse a whole document once; IngestError when there is nothing to parse."""
    text = _XML_DECLARATION.sub("", text, count=1)
    text = _NOT_XML_CHARACTERS.sub("", text)
    if len(text) > 20000:
        text = _HUGE_START_TAG.sub(r"<\1>", text)
    if not text.strip():
        raise IngestError(f"{path}: empty file")
    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"{path}: not a readable web page ({exc})") from None
    if tree.find("body") is None and tree.tag != "html":
        raise IngestError(f"{path}: not a readable web page (no document body)")
    unnest_void_elements(tree)
    return tree


def unnest_void_elements(tree: HtmlElement) -> None:
    """Give back the content libxml2 puts inside HTML5 void elements it does not know as void.

    libxml2 parses HTML4: ``<embed>``, ``<source>``, ``<track>``, ``<wbr>`` and ``<keygen>`` become
    containers that swallow everything up to their parent's end tag, so dropping an ``<embed>``
    would drop the rest of the article with it.  A void element has no content: whatever is inside
    one follows it.
    """
    for element in list(tree.iter(*_VOID_ELEMENTS)):
        parent = element.getparent()
        if parent is None or (len(element) == 0 and not element.text):
            continue
        children, inner_text, tail = list(element), element.text, element.tail
        element.text = None
        index = parent.index(element)
        for offset, child in enumerate(children, 1):
            parent.insert(index + offset, child)  # moves the child, its tail included
        if children:
            element.tail = inner_text
            children[-1].tail = (children[-1].tail or "") + (tail or "")
        else:
            element.tail = (inner_text or "") + (tail or "")


def _direction(tree: HtmlElement) -> str | None:
    body = tree.find("body")
    for element in (body, tree):
        value = (element.get("dir") or "").strip().lower() if element is not None else ""
        if value in ("rtl", "ltr"):
            return value
    return None


def _document_title(tree: HtmlElement) -> str | None:
    title = tree.find(".//title")
    return text_of(title) or None if title is not None else None


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
    excerpt = metadata.excerpt or _first_paragraph(text)
    return Article(
        path=path,
        title=metadata.title,
        authors=list(metadata.authors),
        organizations=list(metadata.organizations),
        date=metadata.date,
        site=metadata.site,
        url=metadata.url,
        language=metadata.language,
        excerpt=excerpt,
        series=list(metadata.series),
        topics=list(metadata.topics),
        text=text,
        html=html,
        repairs=repairs,
        provenance=dict(metadata.provenance),
        encoding=page.encoding,
        content_hash=hashlib.sha256(data).hexdigest(),
        kind=source.kind,
        resources=list({id(r): r for r in context.used.values()}.values()),
    )


def _first_paragraph(text: str) -> str | None:
    for paragraph in text.split("\n\n"):
        if len(paragraph) >= 40:
            return (
                paragraph
                if len(paragraph) <= EXCERPT_CHARS
                else paragraph[: EXCERPT_CHARS - 1].rstrip() + "…"
            )
    return None
