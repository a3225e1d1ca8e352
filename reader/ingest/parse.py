"""The parse stage: the decoded, repaired document parsed once, as a browser parses it, into an lxml tree.

The WHATWG tree-building rules (lexbor, copied into lxml by :mod:`.treebuild`) decide the tree: no nesting
limit cuts the text (libxml2 stops at 256 levels), text after a stray ``</body>`` stays in the body, a
``<p>`` ends an open ``<p>``, ``<noframes>`` is raw text.  When the browser's tree lost the page, because
a ``<title>``, a comment or a ``<textarea>`` is never closed and swallows the rest of the document, the
page is parsed again with Python's ``html.parser`` (through beautifulsoup4), which ends them where the
author meant, and that tree is used when it holds more of the text.

Before parsing, what no tree can hold is taken out: an XML declaration (lxml refuses a string that still
declares an encoding), control characters and lone surrogates, absurd start tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.etree
from lxml.html import HtmlElement

from reader.errors import IngestError
from reader.ingest.treebuild import browser_parse, html_parser_tree

# Characters lxml keeps when parsing but refuses when a tree is edited (control codes, lone surrogates).
_NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same characters looked for one by one (a substring search is several times faster than the class).
_CONTROL_CHARACTERS = tuple(
    chr(code) for code in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
)
# An XML declaration up to its "?>", or, when a "?>" never comes (garbage in the encoding label), its ">".
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b(?:[^?]|\?(?!>)){0,1000}\?>|^\s*<\?xml\b[^>]{0,1000}>?", re.I)

# A start tag this long is an attack or garbage, never content; its attributes are dropped.
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
# Elements whose content a browser keeps as raw text: left open, they swallow the rest of the page.
SWALLOWERS = ("title", "textarea", "noframes", "noembed", "xmp", "iframe")
# Raw text that holds paragraph markup was meant to be a page, not a title or a comment.
_MARKUP = re.compile(r"<(?:p|div|br|h[1-6]|li|table|td|a|span|article|body)\b", re.I)
SWALLOWED_MIN_CHARS = 200  # less swallowed text than this is a quirk, not a lost page


@dataclass
class Parsed:
    """The parsed tree and how it was obtained."""

    tree: HtmlElement
    lexbor: Any = None  # lexbor's tree of the page (resiliparse's HTMLTree), for the body's second opinion
    recovered: str | None = None  # what swallowed the page ("title", "comment"…) when html.parser saved it


def parse_html(text: str, path: str) -> HtmlElement:
    """Parse a whole document once; IngestError when there is nothing to parse."""
    return parse_page(text, path).tree


def parse_page(text: str, path: str) -> Parsed:
    """Parse a whole document as a browser does, recovering a page a never-closed element swallowed."""
    text = prepared(text)
    if not text.strip():
        raise IngestError(f"{path}: empty file")
    try:
        parsed = Parsed(*browser_parse(text))
        unnest_void_elements(parsed.tree)
        swallower = swallowed_by(parsed.tree)
        if swallower is not None:
            parsed = _recovered(text, parsed, swallower)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"{path}: not a readable web page ({exc})") from None
    if parsed.tree.find("body") is None:
        raise IngestError(f"{path}: not a readable web page (no document body)")
    return parsed


def prepared(text: str) -> str:
    """The document less what no lxml tree can hold (see the module's docstring)."""
    # Only at the start (each branch is anchored): matching there spares a search through the page.
    declaration = _XML_DECLARATION.match(text)
    if declaration is not None:
        text = text[declaration.end() :]
    text = _without_non_xml_characters(text)
    # A start tag that long needs a run that long without a ">" (cheap tests before the costly pattern).
    if _may_hold_long_run(text, 20000) and max(map(len, text.split(">"))) >= 20000:
        text = _HUGE_START_TAG.sub(r"<\1>", text)
    return text


def _may_hold_long_run(text: str, length: int) -> bool:
    """False when no ``length`` characters in a row lack a ">": such a run would hold a whole window of
    ``length // 2`` characters starting at a multiple of it, and every such window has a ">"."""
    if len(text) <= length:
        return False
    window = length // 2
    return any(text.find(">", start, start + window) < 0 for start in range(0, len(text), window))


def _without_non_xml_characters(text: str) -> str:
    """The text less the characters of :data:`_NOT_XML_CHARACTERS` (one substring search each, and a
    deletion each of those found, unless a lone surrogate needs the pattern)."""
    present = [character for character in _CONTROL_CHARACTERS if character in text]
    if not text.isascii():
        try:
            text.encode("utf-8")  # fails on a lone surrogate, and only on that
        except UnicodeEncodeError:
            return _NOT_XML_CHARACTERS.sub("", text)
    for character in present:
        text = text.replace(character, "")
    return text


def swallowed_by(tree: HtmlElement) -> str | None:
    """The kind of element (or "comment") that swallowed most of the page's markup as raw text, or None."""
    swallowed: dict[str, int] = {}
    for node in tree.iter(lxml.etree.Comment, *SWALLOWERS):
        raw = node.text or ""
        if len(raw) >= SWALLOWED_MIN_CHARS and _MARKUP.search(raw):
            kind = "comment" if not isinstance(node.tag, str) else node.tag
            swallowed[kind] = swallowed.get(kind, 0) + len(raw)
    if not swallowed:
        return None
    kind, size = max(swallowed.items(), key=lambda item: item[1])
    return kind if size > _body_chars(tree) else None


def _recovered(text: str, parsed: Parsed, swallower: str) -> Parsed:
    recovered = html_parser_tree(text)
    unnest_void_elements(recovered)
    if _body_chars(recovered) > _body_chars(parsed.tree) and swallowed_by(recovered) is None:
        return Parsed(recovered, recovered=swallower)  # lexbor's tree lost the page too
    return parsed


def _body_chars(tree: HtmlElement) -> int:
    """The length of the body's text less the raw text of swallowing elements (comments hold none)."""
    body = tree.find("body")
    if body is None:
        return 0
    raw = sum(len(node.text or "") for node in body.iter(*SWALLOWERS))
    return len(body.text_content()) - raw


def unnest_void_elements(tree: HtmlElement) -> None:
    """Give back content a parser put inside a void element (``<embed>``, ``<source>``…) to its parent.

    A void element has no content: whatever is inside one follows it.  Browser rules never nest there,
    but libxml2, reading the browser tree's serialisation, does not know HTML5's new void elements
    (``<embed>``, ``<source>``, ``<track>``, ``<wbr>``) and nests what follows them inside.
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


def page_direction(tree: HtmlElement) -> str | None:
    body = tree.find("body")
    for element in (body, tree):
        value = (element.get("dir") or "").strip().lower() if element is not None else ""
        if value in ("rtl", "ltr"):
            return value
    return None
