"""Readability's preparation of the page before scoring: ``<font>`` becomes ``<span>``, ``<br><br>``
chains become paragraph breaks, and runs of phrasing content directly inside a ``<div>`` become paragraphs.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from reader.ingest.body.dom import child_nodes, new_element, set_child_nodes

PHRASING_ELEMS = frozenset(
    {
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
        "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
        "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
        "textarea", "time", "var", "wbr",
    }
)  # fmt: skip


def is_whitespace_node(node: HtmlElement | str) -> bool:
    if isinstance(node, str):
        return not node.strip()
    return bool(node.tag == "br")


def is_phrasing(node: HtmlElement | str) -> bool:
    if isinstance(node, str):
        return True
    tag = node.tag
    if tag in PHRASING_ELEMS:
        return True
    return tag in ("a", "del", "ins") and all(is_phrasing(child) for child in child_nodes(node))


def prepare_document(body: HtmlElement) -> None:
    """Readability's ``_prepDocument``: fonts become spans and ``<br>`` chains paragraph breaks."""
    for font in body.iter("font"):
        font.tag = "span"
    replace_brs(body)


def replace_brs(body: HtmlElement) -> None:
    """Turn ``<br><br>`` chains into paragraph breaks (Readability's ``_replaceBrs``)."""
    parents = {br.getparent() for br in body.iter("br") if br.getparent() is not None}
    for parent in parents:
        nodes = child_nodes(parent)
        if not _has_br_chain(nodes):
            continue
        set_child_nodes(parent, _paragraphs_from_br_chains(nodes))
        if parent.tag == "p" and any(isinstance(n, HtmlElement) and n.tag == "p" for n in parent):
            parent.tag = "div"


def _significant(nodes: list[HtmlElement | str], start: int) -> int:
    """Index of the next node from ``start`` that is not white space text."""
    index = start
    while index < len(nodes) and isinstance(nodes[index], str) and not nodes[index].strip():
        index += 1
    return index


def _is_br(node: HtmlElement | str) -> bool:
    return not isinstance(node, str) and node.tag == "br"


def _has_br_chain(nodes: list[HtmlElement | str]) -> bool:
    for index, node in enumerate(nodes):
        if _is_br(node):
            following = _significant(nodes, index + 1)
            if following < len(nodes) and _is_br(nodes[following]):
                return True
    return False


def _paragraphs_from_br_chains(nodes: list[HtmlElement | str]) -> list[HtmlElement | str]:
    out: list[HtmlElement | str] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        following = _significant(nodes, index + 1)
        if not (_is_br(node) and following < len(nodes) and _is_br(nodes[following])):
            out.append(node)
            index += 1
            continue
        # Skip the whole chain of <br>s, then gather phrasing content up to the next chain.
        index += 1
        while True:
            following = _significant(nodes, index)
            if following < len(nodes) and _is_br(nodes[following]):
                index = following + 1
                continue
            break
        content: list[HtmlElement | str] = []
        while index < len(nodes):
            current = nodes[index]
            if _is_br(current):
                after = _significant(nodes, index + 1)
                if after < len(nodes) and _is_br(nodes[after]):
                    break
            if not is_phrasing(current):
                break
            content.append(current)
            index += 1
        out.append(make_paragraph(content))
    return out


def wrap_phrasing(div: HtmlElement) -> None:
    """Put runs of phrasing content directly inside a div into paragraphs."""
    nodes = child_nodes(div)
    if not any(is_phrasing(n) and not is_whitespace_node(n) for n in nodes):
        return
    out: list[HtmlElement | str] = []
    paragraph: list[HtmlElement | str] | None = None
    for node in nodes:
        if is_phrasing(node):
            if paragraph is not None:
                paragraph.append(node)
            elif not is_whitespace_node(node):
                paragraph = [node]
            else:
                out.append(node)
        else:
            if paragraph is not None:
                out.append(make_paragraph(paragraph))
                paragraph = None
            out.append(node)
    if paragraph is not None:
        out.append(make_paragraph(paragraph))
    set_child_nodes(div, out)


def make_paragraph(nodes: list[HtmlElement | str]) -> HtmlElement:
    while nodes and is_whitespace_node(nodes[-1]):
        nodes.pop()
    paragraph = new_element("p")
    set_child_nodes(paragraph, nodes)
    return paragraph
