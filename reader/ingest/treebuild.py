"""Parsers' trees as lxml trees: browser rules (lexbor, through resiliparse) and Python's ``html.parser``.

Every later stage reads an lxml :class:`~lxml.html.HtmlElement`.  :func:`browser_tree` parses a document
with the WHATWG tree-building rules, as a browser does (no nesting limit, stray end tags and misnested
formatting handled as browsers handle them), and brings lexbor's tree into lxml.  :func:`html_parser_tree`
does the same for beautifulsoup4's ``html.parser`` tree builder, the recovery parse for pages whose
``<title>``, comment or ``<textarea>`` is never closed.  Copies are made without recursion, and nesting
deeper than :data:`MAX_DEPTH` is flattened (its text kept), so later stages may walk trees recursively.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

__all__ = ["PLAIN_PARSER", "browser_parse", "browser_tree", "html_parser_tree"]


def _plain_parser(**options: Any) -> lxml.html.HTMLParser:
    """An HTML parser whose elements are all plain :class:`HtmlElement`\\s, looked up in C.

    lxml.html's own lookup is a Python method called for every element proxy (700,000 calls over the
    130 Readability pages, 6% of ingest time) to give forms and inputs their own classes, which ingest
    never uses."""
    parser = lxml.html.HTMLParser(**options)
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction
        )
    )
    return parser


_PARSER = _plain_parser()
# For every tree ingest builds or reads back (new elements, other readers' markup): an element moved into
# a tree of lxml.html's own parser is looked up through Python again (250,000 calls over the 130 pages).
PLAIN_PARSER = _PARSER
_UNLIMITED = _plain_parser(huge_tree=True)  # no 256-level limit
_ELEMENT, _TEXT_NODE = 1, 3  # DOM node types
# libxml2's HTML trees take almost any name; these characters it refuses.
_BAD_TAG_CHARACTERS = re.compile(r"[^\w:.-]")
_BAD_ATTRIBUTE_CHARACTERS = re.compile(r"[\s\"'>/=<\x00-\x1f]")
# Deeper than this, only paragraph-like elements keep their own node (see _target): later stages walk
# trees recursively, two Python frames a level at most, within Python's default limit of 1000.
MAX_DEPTH = 300
_KEPT_WHEN_DEEP = frozenset({"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "tr"})


def browser_tree(text: str) -> HtmlElement:
    """The document parsed as a browser parses it, as an lxml tree rooted at ``<html>``."""
    return browser_parse(text)[0]


def browser_parse(text: str) -> tuple[HtmlElement, Any]:
    """The lxml tree of :func:`browser_tree` and lexbor's own (a resiliparse ``HTMLTree``), which
    resiliparse's main-content extractor reads, or None for a tree nested deeper than MAX_DEPTH.

    lexbor builds the tree; its serialisation, a well-formed document, is read back by libxml2 into lxml,
    which costs a millisecond a page against the 12 that copying lexbor's nodes one by one through Python
    costs.  libxml2 still gives up below about 2,000 levels even without its usual limit, and reads a few
    names inside SVG or MathML as raw text, so when its tree holds less text than lexbor's, or such an
    element is there, lexbor's nodes are copied after all.  Nesting beyond
    :data:`MAX_DEPTH` is flattened either way.
    """
    from resiliparse.parse.html import HTMLTree

    parsed = HTMLTree.parse(text)  # the nodes live only as long as the tree object: keep it referenced
    document = parsed.document
    if document is None:
        return _PARSER.makeelement("html", {}), parsed
    root: HtmlElement = lxml.html.document_fromstring(document.html, parser=_UNLIMITED)
    body = root.find("body")
    have = len(body.text_content()) if body is not None else 0
    lexbor_body = parsed.body  # (the document node's own text crashes resiliparse 2.0.1: ask the body)
    want = len(lexbor_body.text or "") if lexbor_body is not None else 0
    copied = want > have + max(8, have // 50) or _misread_by_libxml2(parsed)
    if copied:
        root = _copied_lexbor_tree(document)
    if flatten_deep_nesting(root) or copied:
        return root, None  # resiliparse's extractor takes minutes on lexbor's deepest trees
    return root, parsed


# Elements whose content libxml2 reads as raw text although in SVG or MathML they hold markup; a
# <plaintext> there swallows the rest of the serialised page.
_FOREIGN_RAW_TEXT = ", ".join(
    f"{space} {name}"
    for space in ("svg", "math")
    for name in ("plaintext", "xmp", "noembed", "noframes", "textarea")
)


def _misread_by_libxml2(parsed: Any) -> bool:
    body = parsed.body
    return body is not None and body.query_selector(_FOREIGN_RAW_TEXT) is not None


def _copied_lexbor_tree(document: Any) -> HtmlElement:
    root = _PARSER.makeelement("html", {})
    top = document.first_child
    while top is not None and top.type != _ELEMENT:
        top = top.next
    if top is None:
        return root
    _copy_attributes(root, _lexbor_attributes(top))
    # A walk in document order with an explicit stack of [next source node, target element, depth].
    stack: list[list[Any]] = [[top.first_child, root, 1]]
    while stack:
        frame = stack[-1]
        node, element, depth = frame
        if node is None:
            stack.pop()
            continue
        frame[0] = node.next
        kind = node.type
        if kind == _TEXT_NODE:
            _append_text(element, node.text)
        elif kind == _ELEMENT:
            target, child_depth = _target(element, node.tag, depth)
            if target is not element:
                _copy_attributes(target, _lexbor_attributes(node))
            stack.append([node.first_child, target, child_depth])
    return root


def _lexbor_attributes(node: Any) -> Iterator[tuple[str, str]]:
    for name in node.attrs:
        yield name, node.getattr(name) or ""


def flatten_deep_nesting(root: HtmlElement, limit: int = MAX_DEPTH) -> bool:
    """Keep the text below ``limit`` levels, lose the markup (later stages walk trees recursively).

    True when the tree was that deep."""
    deep = root.xpath("/*" * limit)  # one step a level: linear in the size of the tree
    for element in deep:
        for block in element.iter(*_KEPT_WHEN_DEEP):
            block.tail = "\n" + (block.tail or "")  # paragraphs stay apart as lines of text
        lxml.etree.strip_tags(element, "*")
    return bool(deep)


def html_parser_tree(text: str) -> HtmlElement:
    """The document parsed by Python's forgiving ``html.parser`` (through beautifulsoup4), as an lxml tree.

    ``html.parser`` does not treat ``<title>`` or ``<textarea>`` as raw text and ends a comment that is
    never closed at the end of its line (giving that line as text, which is put back into a comment
    here), so a page that swallows itself in a browser keeps its body.
    """
    from bs4 import BeautifulSoup
    from bs4.element import Comment, NavigableString, Tag

    soup = BeautifulSoup(text, "html.parser")
    top = soup.find("html")
    root = _PARSER.makeelement("html", {})
    if isinstance(top, Tag):
        _copy_attributes(root, _soup_attributes(top.attrs))
    stack: list[list[Any]] = [[iter((top if isinstance(top, Tag) else soup).children), root, 1]]
    while stack:
        children, element, depth = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
        elif isinstance(child, Tag):
            target, child_depth = _target(element, child.name, depth)
            if target is not element:
                _copy_attributes(target, _soup_attributes(child.attrs))
            stack.append([iter(child.children), target, child_depth])
        elif isinstance(child, Comment):
            _append_comment(element, str(child))
        elif type(child) is NavigableString:  # doctype, declarations and CDATA are not text
            text, opened, unclosed = str(child).partition("<!--")
            _append_text(element, text)
            if opened:  # html.parser's rest of the line of a comment never closed
                _append_comment(element, unclosed)
    return _with_head_and_body(root)


def _with_head_and_body(root: HtmlElement) -> HtmlElement:
    """``html.parser`` keeps the page's own structure, which may lack ``<head>`` or ``<body>``."""
    if root.find("body") is not None:
        return root
    body = _PARSER.makeelement("body", {})
    head = root.find("head")
    body.text, root.text = root.text, None
    for child in list(root):
        if child is not head:
            body.append(child)
    root.append(body)
    return root


def _target(parent: HtmlElement, tag: str, depth: int) -> tuple[HtmlElement, int]:
    """The element a source element's content goes into, and its depth.

    Below :data:`MAX_DEPTH` every element is copied.  Deeper, only paragraph-like elements are, and what
    they hold is flattened into them: every later stage can then walk the tree recursively, and no text
    is lost (libxml2 drops what lies below its 256th level).
    """
    if depth < MAX_DEPTH:
        return _new_child(parent, tag), depth + 1
    if depth == MAX_DEPTH and tag.lower() in _KEPT_WHEN_DEEP:
        return _new_child(parent, tag), depth + 1
    return parent, depth


def _new_child(parent: HtmlElement, tag: str) -> HtmlElement:
    name = tag.lower()
    if _BAD_TAG_CHARACTERS.search(name) or not name[:1].isalpha():
        name = _BAD_TAG_CHARACTERS.sub("", name) or "span"
        if not name[:1].isalpha():
            name = "span"
    child: HtmlElement = lxml.etree.SubElement(parent, name)
    return child


def _copy_attributes(element: HtmlElement, attributes: Iterator[tuple[str, str]]) -> None:
    for name, value in attributes:
        if not name or _BAD_ATTRIBUTE_CHARACTERS.search(name):
            continue
        try:
            element.set(name, value)
        except (ValueError, TypeError):  # a name lxml refuses even in HTML: the attribute is noise
            continue


def _soup_attributes(attributes: Any) -> Iterator[tuple[str, str]]:
    for name, value in attributes.items():
        if isinstance(value, list):  # beautifulsoup4 splits class and rel into lists
            value = " ".join(value)
        yield str(name).lower(), "" if value is None else str(value)


def _append_text(parent: HtmlElement, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _append_comment(parent: HtmlElement, text: str | None) -> lxml.etree._Element | None:
    # An XML comment may not hold "--" nor end with "-"; the text matters only to metadata ("saved from").
    content = (text or "").replace("--", "- -").rstrip("-")
    try:
        comment = lxml.etree.Comment(content)
    except ValueError:
        return None
    parent.append(comment)
    return comment
