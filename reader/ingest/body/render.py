"""The sanitised article as the reader's HTML fragment and as plain text.

:func:`to_text` renders it with one blank line between paragraphs, headings, list items, table rows and
captions each their own paragraph, ``pre`` kept verbatim.
"""

from __future__ import annotations

import re
from html import escape

import lxml.html
from lxml.html import HtmlElement

from reader.ingest.body.sanitize import BLOCK_TAGS

# Markup white space only: a no-break space (51\u00a0days) is part of the text and stays.
_WS = re.compile(r"[ \t\n\r\f\v]+")


def to_html(root: HtmlElement, *, direction: str | None = None) -> str:
    """The reader HTML fragment; a right-to-left page's article comes wrapped in ``<div dir="rtl">``."""
    parts = [lxml.html.tostring(child, encoding="unicode") for child in root]
    lead = root.text.strip() if root.text else ""
    html = (f"<p>{escape(lead)}</p>" if lead else "") + "".join(parts)
    return f'<div dir="rtl">{html}</div>' if direction == "rtl" and html else html


# -- plain text -------------------------------------------------------------------------------------------
class _TextWriter:
    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def inline(self, text: str | None) -> None:
        # Only a newline needs replacing here (it would split the line): :meth:`flush` collapses every
        # run of white space in each line anyway.
        if text:
            self.current.append(text.replace("\n", " "))

    def newline(self) -> None:
        self.current.append("\n")

    def flush(self) -> None:
        lines = (_WS.sub(" ", line).strip(" ") for line in "".join(self.current).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            self.paragraphs.append(text)
        self.current = []

    def verbatim(self, text: str) -> None:
        self.flush()
        if text.strip():
            self.paragraphs.append(text.strip("\n"))


def preformatted_text(element: HtmlElement) -> str:
    """A ``pre`` block's text as displayed: ``<br>`` and block children break lines."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        starts_line = node.tag in BLOCK_TAGS and parts and not parts[-1].endswith("\n")
        if node.tag == "br" or starts_line:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return "".join(parts)


def to_text(root: HtmlElement) -> str:
    """Plain text: a blank line between paragraphs; headings, list items and rows their own paragraph."""
    writer = _TextWriter()
    _write(root, writer)
    writer.flush()
    return "\n\n".join(writer.paragraphs)


def _write(element: HtmlElement, writer: _TextWriter) -> None:
    tag = element.tag
    if tag == "pre":
        writer.verbatim(preformatted_text(element))
        return
    block = tag in BLOCK_TAGS
    if block:
        writer.flush()
    if tag == "br":
        writer.newline()
    writer.inline(element.text)
    for index, child in enumerate(element):
        if tag == "tr" and index and child.tag in ("td", "th"):
            writer.inline(" | ")
        _write(child, writer)
        writer.inline(child.tail)
    if block:
        writer.flush()
