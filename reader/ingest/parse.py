"""The parse stage: the decoded, repaired document parsed once with lxml, as every later stage reads it.

libxml2 parses HTML4 and keeps what a tree cannot hold: the XML declaration, control characters and
lone surrogates are taken out first, absurd start tags cut down (it checks attributes pairwise), and the
content it puts inside HTML5 void elements given back to their parents.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from reader.errors import IngestError

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


def page_direction(tree: HtmlElement) -> str | None:
    body = tree.find("body")
    for element in (body, tree):
        value = (element.get("dir") or "").strip().lower() if element is not None else ""
        if value in ("rtl", "ltr"):
            return value
    return None
