"""Reader HTML from an allow-list.

:func:`sanitize` rebuilds the extracted article as a fresh tree holding only allowed tags and
attributes: links only to ``http(s)``, ``mailto`` and in-page ``#`` targets (relative links resolved
against the page URL when it is known), images only when they are resources saved with the page (or
``data:image``), never remote.  Scripts, styles, frames, objects, forms and event handlers cannot pass.
Containers that are not in the list (``span``, ``font``…) are unwrapped; their text stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from reader.ingest.body.dom import holds_prose, new_element
from reader.ingest.model import Resource

ALLOWED_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "figcaption",
        "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col", "pre",
        "code",
        "em", "strong", "b", "i", "u", "s", "a", "br", "hr", "sup", "sub", "dl", "dt", "dd", "div", "section",
        "abbr", "cite", "q", "small", "mark", "del", "ins", "kbd", "samp", "var", "time", "address",
    }
)  # fmt: skip
RENAMED_TAGS = {"article": "div", "main": "div", "header": "div", "footer": "div", "center": "div",
                "tt": "code", "strike": "s", "listing": "pre", "xmp": "pre", "details": "div",
                "summary": "p"}  # fmt: skip
DROPPED_TAGS = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
        "button", "select", "option", "textarea", "noscript", "template", "svg", "canvas", "audio",
        "video", "source", "track", "link", "meta", "base", "head", "title", "dialog", "map", "area",
        "param", "portal", "nav", "aside",
    }
)  # fmt: skip
# Form controls that hold the article's paragraphs were left open by the page (browsers show what follows
# an unclosed <form>, <button> or <select> inside it): the control goes, the paragraphs stay.
CONTROL_CONTAINERS = frozenset({"form", "button", "select"})
CELL_ATTRIBUTES = ("colspan", "rowspan")
SAFE_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpe?g|gif|webp|avif|bmp);base64,[A-Za-z0-9+/=\s]+$", re.I)
LAZY_SOURCES = ("src", "data-src", "data-original", "data-lazy-src", "data-url")
BLOCK_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "figcaption",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "pre", "dl", "dt", "dd", "div", "section", "hr",
        "address",
    }
)  # fmt: skip


@dataclass
class SanitizeContext:
    """What the sanitiser needs to know about the page."""

    base_url: str | None = None
    resolve_image: Callable[[str], Resource | None] = lambda _reference: None
    used: dict[str, Resource] = field(default_factory=dict)  # resources the article shows


def sanitize(article: HtmlElement, context: SanitizeContext) -> HtmlElement:
    """A new ``<div>`` holding the article's allowed content."""
    root = new_element("div")
    _copy_children(article, root, context)
    _drop_empty(root)
    _flatten_wrappers(root)
    return root


def _copy_children(source: HtmlElement, target: HtmlElement, context: SanitizeContext) -> None:
    _append_text(target, source.text)
    for child in source:
        if isinstance(child.tag, str):
            _copy_element(child, target, context)
        _append_text(target, child.tail)


def _copy_element(element: HtmlElement, target: HtmlElement, context: SanitizeContext) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if ":" in tag:
        tag = tag.rsplit(":", 1)[1]
    tag = RENAMED_TAGS.get(tag, tag)
    if tag in CONTROL_CONTAINERS and holds_prose(element):
        _copy_children(element, target, context)  # an unclosed control that swallowed the story
        return
    if tag in DROPPED_TAGS:
        return
    if tag not in ALLOWED_TAGS:
        _copy_children(element, target, context)  # unwrap: keep the text, lose the tag
        return
    if tag == "img":
        image = _image(element, context)
        if image is not None:
            target.append(image)
        return
    copy: HtmlElement = etree.SubElement(target, tag)  # (made and appended in one call)
    _copy_attributes(element, copy, tag, context)
    _copy_children(element, copy, context)
    if tag == "a" and copy.get("href") is None and len(copy) == 0:
        _unwrap(copy)


def _copy_attributes(element: HtmlElement, copy: HtmlElement, tag: str, context: SanitizeContext) -> None:
    title = element.get("title")
    if title and tag in ("a", "abbr", "img"):
        copy.set("title", title)
    direction = (element.get("dir") or "").lower()
    if direction in ("rtl", "ltr"):  # right-to-left passages must stay right-to-left in the reader
        copy.set("dir", direction)
    if tag == "a":
        href = safe_href(element.get("href"), context.base_url)
        if href:
            copy.set("href", href)
    elif tag in ("td", "th"):
        for name in CELL_ATTRIBUTES:
            value = element.get(name)
            if value and value.isascii() and value.isdigit() and 0 < int(value) <= 1000:
                copy.set(name, value)
    elif tag == "ol":
        start = element.get("start")
        if start and start.isascii() and start.lstrip("-").isdigit():
            copy.set("start", start)


def safe_href(href: str | None, base_url: str | None) -> str | None:
    """A link target readers may follow: http(s), mailto or an in-page fragment; None otherwise."""
    try:
        return _safe_href(href, base_url)
    except ValueError:  # a malformed URL ("http://[::1") is no link to follow
        return None


def _safe_href(href: str | None, base_url: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith("#"):
        return href if len(href) > 1 else None
    scheme = urlsplit(href).scheme.lower()
    if not scheme and base_url and urlsplit(base_url).scheme in ("http", "https"):
        href = urljoin(base_url, href)
        scheme = urlsplit(href).scheme.lower()
    if scheme in ("http", "https") and urlsplit(href).netloc:
        return href
    if scheme == "mailto":
        return href
    return None


def _image(element: HtmlElement, context: SanitizeContext) -> HtmlElement | None:
    """The image as reader HTML when the page saved it (or it is inline data), else None."""
    for attribute in LAZY_SOURCES:
        reference = (element.get(attribute) or "").strip()
        if not reference:
            continue
        if SAFE_DATA_IMAGE.match(reference):
            src = reference
        else:
            try:
                resource = context.resolve_image(reference)
            except ValueError:  # a malformed URL resolves to nothing
                resource = None
            if resource is None:
                continue
            context.used[resource.name] = resource
            src = resource.name
        image = new_element("img")
        image.set("src", src)
        alt = element.get("alt")
        if alt:
            image.set("alt", alt)
        title = element.get("title")
        if title:
            image.set("title", title)
        return image
    return None


def _append_text(target: HtmlElement, text: str | None) -> None:
    if not text:
        return
    try:
        last = target[-1]  # O(1) in lxml, where len() walks every child
    except IndexError:
        target.text = (target.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _unwrap(element: HtmlElement) -> None:
    element.drop_tag()


_EMPTIABLE = ("p", "div", "section", "figure", "figcaption", "li", "ul", "ol", "blockquote", "a", "strong",
              "em", "b", "i", "span", "dl")  # fmt: skip


def _drop_empty(root: HtmlElement) -> None:
    """Containers left without text or images (an emptied figure, a paragraph that held an ad)."""
    for element in reversed(list(root.iter(*_EMPTIABLE))):
        if element is root or element.getparent() is None:
            continue
        if (element.text or "").strip() or len(element):
            continue
        element.drop_tree()


def _flatten_wrappers(root: HtmlElement) -> None:
    """Unwrap layout-only ``div``/``section`` wrappers and drop white space between blocks.

    The reader pane then gets a flat run of paragraphs, headings, lists and figures; a wrapper holding
    only inline content becomes the paragraph it is.
    """
    for element in reversed(list(root.iter("div", "section"))):
        if element is root or element.getparent() is None:
            continue
        children_are_blocks = all(child.tag in BLOCK_TAGS for child in element)
        own_text = (element.text or "").strip() or any((child.tail or "").strip() for child in element)
        if children_are_blocks and not own_text:
            element.drop_tag()
        elif not any(child.tag in BLOCK_TAGS for child in element):
            element.tag = "p"
    for element in root.iter():
        if element.tag in BLOCK_TAGS or element is root:
            if (
                element.text is not None
                and not element.text.strip()
                and len(element)
                and element[0].tag in BLOCK_TAGS
            ):
                element.text = None
            for child in element:
                if child.tag in BLOCK_TAGS and child.tail is not None and not child.tail.strip():
                    child.tail = None
