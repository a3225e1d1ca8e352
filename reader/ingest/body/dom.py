"""DOM helpers the body stage shares: DOM-style child nodes on lxml trees, element text, link density.

lxml keeps text in ``.text`` and ``.tail`` where the DOM has text nodes; :func:`child_nodes` and
:func:`set_child_nodes` give the algorithms ported from Readability.js the DOM's view.
"""

from __future__ import annotations

from collections.abc import Callable

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from reader.ingest.treebuild import PLAIN_PARSER


def new_element(tag: str) -> HtmlElement:
    """A fresh element that behaves like the parsed ones (``text_content``, ``drop_tree``), made by the
    parser whose element classes are looked up in C (as the page tree's are)."""
    element: HtmlElement = PLAIN_PARSER.makeelement(tag)
    return element


def parse_document(markup: str) -> HtmlElement:
    """``lxml.html.document_fromstring`` with the parser of :func:`new_element`."""
    document: HtmlElement = lxml.html.document_fromstring(markup, parser=PLAIN_PARSER)
    return document


def inner_text(element: HtmlElement) -> str:
    """The element's text with runs of white space collapsed (Readability's ``_getInnerText``)."""
    return " ".join(_text_of(element).split())


def _text_of(element: HtmlElement) -> str:
    # The same text as ``text_content()`` (the XPath ``string()``), from libxml2's text serialiser: about
    # half the time per call, and the body stage asks for an element's text 700 times a page.  A leaf (a
    # link, a plain paragraph: about half the elements asked about) holds only its own text.
    if not len(element) and isinstance(element.tag, str):  # (a comment's text is no element text)
        return element.text or ""
    text: str = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
    return text


def is_hidden(element: HtmlElement) -> bool:
    """Hidden by the page: the ``hidden`` attribute, ``aria-hidden``, or ``display:none`` in its style."""
    if element.get("hidden") is not None:
        return True
    if element.get("aria-hidden") == "true" and "fallback-image" not in (element.get("class") or ""):
        return True  # (MediaWiki hides its formula images from screen readers; they are still shown)
    style = element.get("style")
    if style:
        compact = style.replace(" ", "").lower()
        return "display:none" in compact or "visibility:hidden" in compact
    return False


PROSE_CHARS = 80  # a paragraph at least this long is prose, never a control's label


def holds_prose(element: HtmlElement) -> bool:
    """Does the element hold paragraphs of prose (two at least)?  A form control left open swallows the
    story after it (browsers show what follows an unclosed ``<form>``, ``<button>`` or ``<select>``)."""
    paragraphs = element.iter("p", "blockquote", "li", "h1", "h2", "h3", "h4", "pre")
    return sum(1 for paragraph in paragraphs if len(paragraph.text_content()) >= PROSE_CHARS) >= 2


def class_and_id(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def link_density(element: HtmlElement, text_len: int | None = None) -> float:
    """Share of the element's text that sits inside links (in-page ``#`` links count for less)."""
    total = inner_text(element) if text_len is None else None
    length = len(total) if total is not None else (text_len or 0)
    if not length:
        return 0.0
    linked = 0.0
    for anchor in element.iter("a"):
        href = anchor.get("href") or ""
        weight = 0.3 if href.startswith("#") and len(href) > 1 else 1.0
        linked += len(inner_text(anchor)) * weight
    return linked / length


def text_density(element: HtmlElement, tags: tuple[str, ...], total: int) -> float:
    if not total:
        return 0.0
    children = sum(len(inner_text(child)) for child in element.iterdescendants(*tags))
    return children / total


def child_nodes(parent: HtmlElement) -> list[HtmlElement | str]:
    """The DOM child nodes of an lxml element: text runs as strings, elements as themselves."""
    nodes: list[HtmlElement | str] = []
    if parent.text:
        nodes.append(parent.text)
    for child in parent:
        nodes.append(child)
        if child.tail:
            nodes.append(child.tail)
    return nodes


def set_child_nodes(parent: HtmlElement, nodes: list[HtmlElement | str]) -> None:
    """Replace the parent's content with the given DOM-style nodes."""
    for child in list(parent):
        child.tail = None
        parent.remove(child)
    parent.text = None
    last: HtmlElement | None = None
    for node in nodes:
        if isinstance(node, str):
            if last is None:
                parent.text = (parent.text or "") + node
            else:
                last.tail = (last.tail or "") + node
        else:
            node.tail = None
            parent.append(node)
            last = node


def next_node(element: HtmlElement, skip_children: bool = False) -> HtmlElement | None:
    """The next element in document order (Readability's ``_getNextNode``)."""
    if not skip_children:
        for child in element:
            return child
    sibling = element.getnext()
    if sibling is not None:
        return sibling
    parent = element.getparent()
    while parent is not None:
        sibling = parent.getnext()
        if sibling is not None:
            return sibling
        parent = parent.getparent()
    return None


def remove_and_next(element: HtmlElement) -> HtmlElement | None:
    following = next_node(element, skip_children=True)
    remove(element)
    return following


def remove(element: HtmlElement) -> None:
    """Remove an element but keep the text that follows it."""
    if element.getparent() is not None:
        element.drop_tree()


def has_ancestor(
    element: HtmlElement, tag: str, max_depth: int = 3, accept: Callable[[HtmlElement], bool] | None = None
) -> bool:
    depth = 0
    parent = element.getparent()
    while parent is not None:
        if 0 < max_depth < depth:
            return False
        if parent.tag == tag and (accept is None or accept(parent)):
            return True
        parent = parent.getparent()
        depth += 1
    return False


def ancestors(element: HtmlElement, max_depth: int) -> list[HtmlElement]:
    found: list[HtmlElement] = []
    parent = element.getparent()
    while parent is not None and len(found) < max_depth:
        found.append(parent)
        parent = parent.getparent()
    return found
