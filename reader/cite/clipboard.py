"""What goes on the clipboard for a copied bibliography, built as Zotero's Quick Copy builds it.

Zotero copies a bibliography with ``Zotero.Cite.makeFormattedBibliographyOrCitationList``
(chrome/content/zotero/xpcom/cite.js).  For HTML, ``makeFormattedBibliography`` joins citeproc-js's
``bibstart``, each entry followed by its COinS span, and ``bibend``; parses that into a document; puts
inline CSS on it ("line-height" and, for a one-field style with a hanging indent, "margin-left: 2em;
text-indent:-2em;" on the ``csl-bib-body``; "margin-bottom" between ``csl-entry`` divs; label columns
floated left "with a width from maxoffset"; ``csl-right-inline`` and ``csl-indent`` margins); and
returns the body's ``innerHTML``.  The plain text is ``bibstart + entries + bibend``.  A style without a
bibliography gets a list of citations instead (an ``<ol>`` for note styles, ``<br />`` between in-text
citations).

:func:`formatted_html` does the same with a small HTML parser and the HTML fragment serialisation
algorithm browsers use for ``innerHTML``, as Firefox 115 ESR under Zotero 7 writes it (``&amp;``,
``&nbsp;``, ``&lt;``, ``&gt;`` in text; ``&amp;``, ``&nbsp;``, ``&quot;`` in attributes), so the string
is the one Zotero puts on the clipboard.  One difference: Zotero's COinS for an organisation author reads
``rft.au=undefined`` (its item JSON has no ``lastName`` for a one-field name); Offprint writes the
organisation's name.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

from reader.cite.fields import zotero_name

# Elements that never have content or an end tag (HTML's void elements).
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
# Zotero's item types for the CSL types Offprint writes (schema's CSL_TYPE_MAPPINGS, reversed).
ZOTERO_TYPES = {
    "post-weblog": "blogPost",
    "article-newspaper": "newspaperArticle",
    "article-magazine": "magazineArticle",
    "article-journal": "journalArticle",
    "webpage": "webpage",
    "report": "report",
    "book": "book",
    "chapter": "bookSection",
    "thesis": "thesis",
    "paper-conference": "conferencePaper",
    "post": "forumPost",
}
# The padding (em) Zotero puts right of a label column.
_RIGHT_PADDING = 0.5


@dataclass(frozen=True)
class ClipboardText:
    """One copy: the plain text and the HTML a rich paste reads."""

    text: str
    html: str


# -- a small DOM: parse, serialise ------------------------------------------------------------------------


@dataclass
class _Element:
    tag: str
    attrs: list[tuple[str, str]]
    children: list[_Node] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def set(self, name: str, value: str) -> None:
        """Set an attribute as ``setAttribute`` does: in place when it exists, else last."""
        for index, (key, _old) in enumerate(self.attrs):
            if key == name:
                self.attrs[index] = (name, value)
                return
        self.attrs.append((name, value))


@dataclass
class _Text:
    data: str


@dataclass
class _Comment:
    data: str


_Node = _Element | _Text | _Comment


class _FragmentParser(HTMLParser):
    """Parses well-formed citeproc-js HTML into :class:`_Element` nodes under one root."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("body", [])
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, [(name, value or "") for name, value in attrs])
        self._stack[-1].children.append(element)
        if tag not in _VOID:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return  # an end tag nothing opened is dropped, as a browser drops it

    def handle_data(self, data: str) -> None:
        siblings = self._stack[-1].children
        if siblings and isinstance(siblings[-1], _Text):
            siblings[-1].data += data
        else:
            siblings.append(_Text(data))

    def handle_comment(self, data: str) -> None:
        self._stack[-1].children.append(_Comment(data))


def parse_fragment(markup: str) -> _Element:
    """A body element holding ``markup`` parsed (``insertAdjacentHTML`` into an empty body)."""
    parser = _FragmentParser()
    parser.feed(markup)
    parser.close()
    return parser.root


def inner_html(element: _Element) -> str:
    """``element.innerHTML`` by the HTML fragment serialisation algorithm."""
    return "".join(_serialise(child) for child in element.children)


def _serialise(node: _Node) -> str:
    if isinstance(node, _Text):
        return _escape(node.data, attribute=False)
    if isinstance(node, _Comment):
        return f"<!--{node.data}-->"
    attrs = "".join(f' {name}="{_escape(value, attribute=True)}"' for name, value in node.attrs)
    if node.tag in _VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{inner_html(node)}</{node.tag}>"


def _escape(text: str, *, attribute: bool) -> str:
    # The serialisation of Firefox 115 ESR (Zotero 7): ``<`` and ``>`` are escaped in text only.
    text = text.replace("&", "&amp;").replace("\u00a0", "&nbsp;")
    if attribute:
        return text.replace('"', "&quot;")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _walk(element: _Element) -> list[_Element]:
    found = []
    for child in element.children:
        if isinstance(child, _Element):
            found.append(child)
            found.extend(_walk(child))
    return found


# -- Zotero's makeFormattedBibliography ------------------------------------------------------------------


def formatted_html(entries: Sequence[str], params: dict[str, Any], coins: Sequence[str | None]) -> str:
    """The HTML Zotero's Quick Copy puts on the clipboard for citeproc-js's bibliography (``entries`` as
    made, ``params`` its layout, ``coins`` one ContextObject per entry or None)."""
    parts = [str(params.get("bibstart") or "")]
    for entry, context in zip(entries, coins, strict=True):
        parts.append(entry)
        if context:
            parts.append(f'  <span class="Z3988" title="{html.escape(context, quote=True)}"></span>\n')
    parts.append(str(params.get("bibend") or ""))
    body = parse_fragment("".join(parts))
    _style(body, params)
    return inner_html(body)


def _style(body: _Element, params: dict[str, Any]) -> None:
    elements = _walk(body)
    by_class = {name: [e for e in elements if e.tag == "div" and e.get("class") == name] for name in _CLASSES}
    left_margins = by_class["csl-left-margin"]
    multi_field = bool(left_margins)
    max_offset = max(1, _js_int(params.get("maxoffset")) - 2)  # "one of the characters is usually a period"
    entry_spacing = _js_int(params.get("entryspacing"))
    line_spacing: float = _js_int(params.get("linespacing"))
    line_spacing = 1.35 if line_spacing <= 1.35 else line_spacing  # "force a minimum line height"
    hanging = bool(params.get("hangingindent"))
    second_field = bool(params.get("second-field-align"))
    root = next((c for c in body.children if isinstance(c, _Element)), None)
    if root is not None:
        style = (root.get("style") or "") + f"line-height: {_js_number(line_spacing)}; "
        if hanging and not multi_field:
            style += "margin-left: 2em; text-indent:-2em;"
        root.set("style", style)
    entries = by_class["csl-entry"]
    for index, entry in enumerate(entries):
        style = entry.get("style") or ""
        if multi_field:
            style += "clear: left; "
        if entry_spacing and index != len(entries) - 1:
            style += f"margin-bottom: {entry_spacing}em;"
        if style:
            entry.set("style", style)
    for label in left_margins:
        style = f"float: left; padding-right: {_js_number(_RIGHT_PADDING)}em;"
        if second_field:
            style += f"text-align: right; width: {max_offset}em;"
        label.set("style", style)
    for text in by_class["csl-right-inline"]:
        left = _js_number(max_offset + _RIGHT_PADDING) if second_field else "0"
        style = f"margin: 0 .4em 0 {left}em;"
        if hanging:
            style += "padding-left: 2em; text-indent:-2em;"
        text.set("style", style)
    for indent in by_class["csl-indent"]:
        indent.set("style", "margin: .5em 0 0 2em; padding: 0 0 .2em .5em; border-left: 5px solid #ccc;")


_CLASSES = ("csl-entry", "csl-left-margin", "csl-right-inline", "csl-indent")


def formatted_text(entries: Sequence[str], params: dict[str, Any]) -> str:
    """The plain text Zotero's Quick Copy puts beside the HTML: ``bibstart + entries + bibend``."""
    return str(params.get("bibstart") or "") + "".join(entries) + str(params.get("bibend") or "")


def citation_list(citations: Sequence[str], fmt: str, *, note_style: bool) -> str:
    """Zotero's list for a style without a bibliography: numbered notes, or citations one per line."""
    if note_style:
        if fmt == "html":
            return "<ol>\n\t<li>" + "</li>\n\t<li>".join(citations) + "</li>\n</ol>"
        return "".join(f"{number}. {citation}\r\n" for number, citation in enumerate(citations, start=1))
    return ("<br />" if fmt == "html" else "\r\n").join(citations)


def _js_int(value: Any) -> int:
    """``parseInt(value)`` for the numbers and booleans citeproc-js puts in its parameters (NaN → 0)."""
    match = re.match(r"\s*[-+]?\d+", str(value)) if not isinstance(value, bool) else None
    return int(match.group(0)) if match else 0


def _js_number(value: float) -> str:
    """A number as JavaScript writes it into a string (``2``, ``1.35``, ``3.5``)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# -- COinS: Zotero.OpenURL.createContextObject(item, "1.0") ------------------------------------------------


def context_object(item: dict[str, Any]) -> str:
    """The OpenURL 1.0 ContextObject Zotero writes into a copied entry's COinS span, from a CSL item."""
    pairs: list[tuple[str, str]] = [
        ("url_ver", "Z39.88-2004"),
        ("ctx_ver", "Z39.88-2004"),
        ("rfr_id", "info:sid/zotero.org:2"),
    ]
    zotero_type = ZOTERO_TYPES.get(str(item.get("type")), "document")
    if zotero_type == "report":
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
            ("rft.genre", "report"),
            ("rft.series", _plain(item.get("collection-title"))),
            ("rft.btitle", _plain(item.get("title"))),
            ("rft.place", _plain(item.get("publisher-place"))),
            ("rft.publisher", _plain(item.get("publisher"))),
        ]
    else:
        source = (
            item.get("container-title") if zotero_type.endswith(("paperArticle", "zineArticle")) else None
        )
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rft.type", zotero_type),
            ("rft.title", _plain(item.get("title"))),
            ("rft.source", _plain(source)),
            ("rft.publisher", _plain(item.get("publisher"))),
            ("rft.identifier", _plain(item.get("URL"))),
        ]
    pairs += _creator_pairs(item.get("author") or [])
    pairs += [("rft.date", _iso(item.get("issued"))), ("rft.language", _plain(item.get("language")))]
    return "&".join(f"{key}={_uri_component(value)}" for key, value in pairs if value)


def _creator_pairs(names: Sequence[Any]) -> list[tuple[str, str]]:
    people = [zotero_name(name) for name in names if isinstance(name, dict)]
    people = [p for p in people if p[0] or p[1]]
    if not people:
        return []
    first_given, first_last = people[0]
    pairs = [("rft.aufirst", first_given), ("rft.aulast", first_last)]
    pairs += [("rft.au", f"{given} {last}" if given else last) for given, last in people]
    return pairs


def _iso(value: Any) -> str:
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not parts or not parts[0]:
        return ""
    numbers = [int(p) for p in parts[0][:3]]
    return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])


def _plain(value: Any) -> str:
    return str(value) if value else ""


def _uri_component(value: str) -> str:
    """JavaScript's ``encodeURIComponent``."""
    return quote(value, safe="-_.!~*'()")
