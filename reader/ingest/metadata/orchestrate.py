"""Citation metadata of a saved page: :func:`extract_metadata` reads the signals once and decides each field.

The page's signals (JSON-LD, meta tags, link relations, the "saved from" comment, visible bylines and
series/topic blocks, the title tag and headings) are read once into a :class:`~.page.Page`; then the field
modules decide, in :data:`FIELD_STAGES` order, each field from its most reliable source, recording the
source in ``provenance``.  Later stages build on earlier ones (the title on the site, the date on the
byline).  One odd signal costs one field, never the page's metadata.  Pure: reads the tree, never edits it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import lxml.html

from reader.errors import swallowed
from reader.ingest.metadata.authors import decide_authors, decide_site_owner_author
from reader.ingest.metadata.excerpt import decide_excerpt
from reader.ingest.metadata.headline import decide_title, main_h1
from reader.ingest.metadata.item_type import decide_item_type
from reader.ingest.metadata.jsonld import read_jsonld
from reader.ingest.metadata.language import decide_language
from reader.ingest.metadata.page import Metadata, Page
from reader.ingest.metadata.published import decide_date
from reader.ingest.metadata.scan import body_of, scan_body, short_text
from reader.ingest.metadata.signals import collect_signals
from reader.ingest.metadata.site import decide_site
from reader.ingest.metadata.site_spelled import spell_out_site
from reader.ingest.metadata.topics import decide_series_and_topics
from reader.ingest.metadata.url import decide_url

logger = logging.getLogger(__name__)

MAX_CONSUMED_CHARS = 600


def keep_only_small_consumed(page: Page) -> None:
    """Never hand the cleaner a big element (a container of the article) to drop, nor one twice."""
    kept: list[lxml.html.HtmlElement] = []
    for el in page.meta.consumed:
        if el in kept or el.tag in {"body", "html", "article", "main"}:
            continue
        if short_text(el, MAX_CONSUMED_CHARS) is not None:
            kept.append(el)
    page.meta.consumed = kept


#: The field decisions, in the order they build on each other.
FIELD_STAGES: tuple[Callable[[Page], None], ...] = (
    decide_url,
    decide_language,
    decide_site,
    decide_authors,
    decide_title,
    spell_out_site,
    decide_site_owner_author,
    decide_date,
    decide_excerpt,
    decide_series_and_topics,
    decide_item_type,
    keep_only_small_consumed,
)


def extract_metadata(
    tree: lxml.html.HtmlElement, *, path: str | None = None, body_text: str | None = None
) -> Metadata:
    """The citation metadata of a parsed page (head included, before cleaning). Never raises."""
    try:
        page = read_page(tree, path=path, body_text=body_text)
        for stage in FIELD_STAGES:
            _decide(page, stage)
        return page.meta
    except Exception:  # the signals could not be read at all: the title tag is better than nothing
        swallowed(logger, f"the metadata of {path or 'a page'} (only its title tag is kept)")
        return _title_tag_only(tree)


def read_page(tree: lxml.html.HtmlElement, *, path: str | None, body_text: str | None = None) -> Page:
    """The page's signals, read once: head, JSON-LD, the headline element and one scan of the body."""
    signals = collect_signals(tree)
    ld = read_jsonld(signals.jsonld)
    body = body_of(tree)
    h1 = main_h1(signals, ld, body)
    scan = scan_body(body, h1, signals)
    return Page(
        tree=tree, path=path, body_text=body_text, signals=signals, ld=ld, body=body, h1=h1, scan=scan
    )


def _decide(page: Page, stage: Callable[[Page], None]) -> None:
    try:
        stage(page)
    except Exception:  # one odd signal loses one field, not the page's whole metadata
        swallowed(logger, f"a metadata field of {page.path or 'a page'} ({stage.__name__})")
        if stage is keep_only_small_consumed:
            page.meta.consumed = []  # unchecked elements are never handed to the cleaner


def _title_tag_only(tree: lxml.html.HtmlElement) -> Metadata:
    meta = Metadata()
    try:
        title = tree.findtext(".//title")
        meta.title = " ".join(title.split()) if title else None
        if meta.title:
            meta.provenance["title"] = "title-tag"
    except Exception:  # a last resort must not fail: no metadata at all, then
        swallowed(logger, "the title tag of a page whose metadata could not be read")
    return meta
