"""Gathering the raw metadata signals of a page: its head, JSON-LD and a few tag-filtered walks.

This module owns *reading* the page: meta tags, JSON-LD blocks, link relations, the
"saved from url" comment, the language attributes, title and first-level headings.
It interprets nothing beyond flattening; the choice between signals belongs to
:mod:`reader.ingest.metadata.orchestrate` and the field modules.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from reader.ingest.metadata.text import squash

SAVED_FROM = re.compile(r"saved from url=\(\d+\)\s*(\S+)", re.IGNORECASE)

# Properties some pages join with spaces inside one attribute ("dc:title og:title").
_SPACE = re.compile(r"\s+")
_JSONLD_TRAILING_COMMA = re.compile(r",\s*([}\]])")


@dataclass
class PageSignals:
    """Everything the page declares about itself, as found (strings stripped, never parsed)."""

    metas: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    title_tag: str | None = None
    h1s: list[lxml.html.HtmlElement] = field(default_factory=list)
    canonical: str | None = None
    saved_from: str | None = None
    html_lang: str | None = None
    rel_author: list[lxml.html.HtmlElement] = field(default_factory=list)
    rel_tag: list[lxml.html.HtmlElement] = field(default_factory=list)
    feed_titles: list[str] = field(default_factory=list)
    itemprops: dict[str, list[lxml.html.HtmlElement]] = field(default_factory=dict)
    # Meta keys given only as ``value=`` (not ``content=``): a theme's leftovers, weaker than the page.
    value_only: set[str] = field(default_factory=set)

    def meta(self, *names: str) -> str | None:
        """The first non-empty value among meta ``names`` (lower-case keys), in the order asked."""
        for name in names:
            for value in self.metas.get(name, ()):
                if value:
                    return value
        return None

    def meta_all(self, *names: str) -> list[tuple[str, str]]:
        """Every ``(name, value)`` pair among meta ``names``, in the order asked."""
        return [(name, value) for name in names for value in self.metas.get(name, ()) if value]


def collect_signals(tree: lxml.html.HtmlElement) -> PageSignals:
    """Read the page's declared metadata from the head and a few tag-filtered walks (no re-parsing).

    Body-wide signals (``rel=author``/``rel=tag`` links, ``itemprop`` elements) are added by the one
    pass over the body (:func:`add_body_signal`), so the page is not walked once per kind of signal.
    """
    signals = PageSignals()
    _read_metas(tree, signals)
    _read_jsonld(tree, signals)
    _read_canonical(tree, signals)
    signals.title_tag = _first_title(tree)
    signals.h1s = list(tree.iter("h1"))
    signals.saved_from = _saved_from(tree)
    signals.html_lang = _html_lang(tree)
    return signals


def _read_metas(tree: lxml.html.HtmlElement, signals: PageSignals) -> None:
    for meta in tree.iter("meta"):
        value = meta.get("content")
        by_value = value is None
        if by_value:
            value = meta.get("value")
        if value is None:
            continue
        value = squash(value)
        if "&" in value and ";" in value:
            value = html.unescape(value)  # "Privacy &amp; Technology": escaped twice by the publisher
        keys = (
            (meta.get("property") or "") + " " + (meta.get("name") or "") + " " + (meta.get("itemprop") or "")
        )
        http_equiv = meta.get("http-equiv")
        if http_equiv:
            keys += " " + http_equiv
        for key in _SPACE.split(keys.strip().lower()):
            if key:
                if key not in signals.metas and by_value:
                    signals.value_only.add(key)
                elif not by_value:
                    signals.value_only.discard(key)
                signals.metas.setdefault(key, []).append(value)
            if key in PARSELY_JSON and value.startswith("{"):
                _read_parsely(value, signals)


# Parse.ly's page tags hold a JSON object ({"author": …, "pub_date": …}); its fields become the
# equivalent single meta tags when the page does not have those already.
PARSELY_JSON = {"parsely-page", "parsely-metadata"}
PARSELY_FIELDS = (("author", "parsely-author"), ("pub_date", "parsely-pub-date"), ("title", "parsely-title"))


def _read_parsely(value: str, signals: PageSignals) -> None:
    data = _parse_json(value)
    if not isinstance(data, dict):
        return
    for field_name, key in PARSELY_FIELDS:
        found = data.get(field_name)
        if isinstance(found, str) and found.strip() and key not in signals.metas:
            signals.metas[key] = [squash(found)]


def _read_jsonld(tree: lxml.html.HtmlElement, signals: PageSignals) -> None:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _parse_json(script.text or "")
        if data is not None:
            signals.jsonld.extend(_flatten_jsonld(data))


def _parse_json(text: str) -> Any:
    # Wrappers such as <!-- -->, <![CDATA[ ]]> or //<![CDATA[ surround some blocks: keep the JSON between.
    text = text.replace("<![CDATA[", " ").replace("]]>", " ")
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    end = max(text.rfind("}"), text.rfind("]"))
    if start < 0 or end <= start:
        return None
    text = text[start : end + 1]
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    try:  # sloppy publishers leave trailing commas
        return json.loads(_JSONLD_TRAILING_COMMA.sub(r"\1", text), strict=False)
    except ValueError:
        return None


def _flatten_jsonld(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Top-level objects of a JSON-LD block, with ``@graph`` members lifted up."""
    if depth > 4:
        return []
    if isinstance(data, list):
        out: list[dict[str, Any]] = []
        for item in data:
            out.extend(_flatten_jsonld(item, depth + 1))
        return out
    if not isinstance(data, dict):
        return []
    out = [data]
    graph = data.get("@graph")
    if graph is not None:
        out.extend(_flatten_jsonld(graph, depth + 1))
    return out


def _read_canonical(tree: lxml.html.HtmlElement, signals: PageSignals) -> None:
    """The canonical link, and the titles of the site's RSS/Atom feeds ("Boing Boing » Feed")."""
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        if "canonical" in rels and signals.canonical is None:
            signals.canonical = (link.get("href") or "").strip() or None
        elif "alternate" in rels and (
            "rss" in (link.get("type") or "") or "atom" in (link.get("type") or "")
        ):
            title = squash(link.get("title") or "")
            if title and len(signals.feed_titles) < 6:
                signals.feed_titles.append(title)


ITEMPROPS = {"author", "creator", "datepublished", "headline", "name", "publisher", "datecreated"}


def add_body_signal(el: lxml.html.HtmlElement, signals: PageSignals) -> None:
    """Record ``el`` when it is a ``rel=author``/``rel=tag`` link or carries a citation ``itemprop``."""
    if el.tag == "a":
        rel = el.get("rel")
        if rel:
            rels = rel.lower().split()
            if "author" in rels:
                signals.rel_author.append(el)
            if "tag" in rels:
                signals.rel_tag.append(el)
    itemprop = el.get("itemprop")
    if itemprop and el.tag != "meta":
        for prop in itemprop.lower().split():
            if prop in ITEMPROPS:
                signals.itemprops.setdefault(prop, []).append(el)


def _first_title(tree: lxml.html.HtmlElement) -> str | None:
    for title in tree.iter("title"):
        # An <svg><title> inside the body is not the page title.
        if any(anc.tag == "svg" for anc in title.iterancestors()):
            continue
        text = squash(title.text_content())
        if text:
            return text
    return None


def _saved_from(tree: lxml.html.HtmlElement) -> str | None:
    """The URL in a browser's ``<!-- saved from url=(0047)https://… -->`` comment."""
    root = tree.getroottree().getroot()
    candidates: list[Any] = list(root.itersiblings(preceding=True))
    head = root.find("head")
    scope = head if head is not None else root
    for node in scope.iterchildren():
        if isinstance(node, etree._Comment):
            candidates.append(node)
    for node in root.iterchildren(etree.Comment):
        candidates.append(node)
    for node in candidates:
        if isinstance(node, etree._Comment):
            match = SAVED_FROM.search(node.text or "")
            if match:
                return match.group(1)
    return None


def _html_lang(tree: lxml.html.HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    for key in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
        value: str | None = root.get(key)
        if value and value.strip():
            return value.strip()
    body = root.find("body")
    if body is not None and (body.get("lang") or "").strip():
        return (body.get("lang") or "").strip()
    return None
