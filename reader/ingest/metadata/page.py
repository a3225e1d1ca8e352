"""The :class:`Metadata` record one page yields, and the :class:`Page` the field modules decide it from.

A :class:`Page` holds what was read once (the declared signals, the JSON-LD facts, the body scan, the
headline element) and the fields decided so far: the field modules run in order and later ones build on
earlier ones (the title on the site, the date on the byline).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html

from reader.ingest.metadata.bylines import BylineFound
from reader.ingest.metadata.jsonld import JsonLdFacts
from reader.ingest.metadata.scan import BodyScan
from reader.ingest.metadata.signals import PageSignals
from reader.ingest.scripts import is_cjk_text


@dataclass
class Metadata:
    """Citation metadata of one page, each field with its source in ``provenance``.

    ``consumed`` names the visible elements that are metadata rather than article body (bylines, series
    and topic blocks) so the boilerplate remover can drop them.
    """

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    date: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    excerpt: str | None = None
    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    item_type: str | None = None  # CSL: post-weblog, article-newspaper, article-magazine, webpage, report
    accessed: str | None = None  # YYYY-MM-DD: when the page was saved (see metadata.accessed)
    provenance: dict[str, str] = field(default_factory=dict)
    # Per field, every claim weighed and its verdict ("chosen", "agrees", "set aside") with the reason.
    evidence: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    consumed: list[lxml.html.HtmlElement] = field(default_factory=list)


@dataclass
class Page:
    """One page's signals, read once, and the metadata decided from them so far."""

    tree: lxml.html.HtmlElement
    path: str | None
    body_text: str | None  # the article's text when the caller has it (a better language sample)
    signals: PageSignals
    ld: JsonLdFacts
    body: lxml.html.HtmlElement
    h1: lxml.html.HtmlElement | None  # the headline element, when the page has one
    scan: BodyScan
    meta: Metadata = field(default_factory=Metadata)
    byline: BylineFound | None = None  # the visible byline, once the authors are decided

    def set(self, name: str, value: object, source: str) -> None:
        """Decide a field, recording its source."""
        setattr(self.meta, name, value)
        # One spelling per source: "dc:creator" and "DC.creator" are both "meta:dc.creator".
        self.meta.provenance[name] = source.replace("meta:dc:", "meta:dc.")

    def is_cjk(self) -> bool:
        """Whether the page is written in Chinese, Japanese or Korean (declared, else seen in its text)."""
        lang = (self.meta.language or "").split("-")[0]
        if lang in {"zh", "ja", "ko"}:
            return True
        if self.meta.language and self.meta.provenance.get("language") != "text-guess":
            return False
        return is_cjk_text(self.signals.title_tag) or is_cjk_text(self.body_text)

    def is_text_dump(self) -> bool:
        """Whether the page is a plain-text dump (its headline is a line, its byline a line under it)."""
        return bool(self.path) and str(self.path).lower().endswith((".txt", ".text"))
