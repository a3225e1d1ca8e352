"""Readability's cleaning of the article a pass chose: forms, embeds, share widgets, headings that
score as clutter, and the tables, lists and ``div``s that look like link lists or ads
(``_cleanConditionally``, with data tables and video embeds kept).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from reader.ingest.body.dom import (
    class_and_id,
    has_ancestor,
    holds_prose,
    inner_text,
    link_density,
    remove,
    text_density,
)
from reader.ingest.body.readability_rules import (
    AD_WORDS,
    CHAR_THRESHOLD,
    DIV_TO_P_ELEMS,
    HEADINGS,
    LOADING_WORDS,
    SHARE_ELEMENTS,
    VIDEOS,
    Flags,
    class_weight,
)


def is_data_table(table: HtmlElement) -> bool:
    """Readability's ``_markDataTables`` test for one table."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary"):
        return True
    caption = table.find("caption")
    if caption is not None and len(caption):
        return True
    for tag in ("col", "colgroup", "tfoot", "thead", "th"):
        if next(table.iter(tag), None) is not None:
            return True
    if next(table.iterdescendants("table"), None) is not None:
        return False
    rows = list(table.iter("tr"))
    columns = 0
    for row in rows:
        count = 0
        for cell in row:
            if cell.tag in ("td", "th"):
                try:
                    count += int(cell.get("colspan") or 1)
                except ValueError:
                    count += 1
        columns = max(columns, count)
    if len(rows) >= 10 or columns > 4:
        return True
    return len(rows) * columns > 10


def clean_tag(article: HtmlElement, tag: str) -> None:
    is_embed = tag in ("object", "embed", "iframe")
    for element in list(article.iter(tag)):
        if is_embed and VIDEOS.search(" ".join(element.attrib.values())):
            continue
        if tag in ("select", "button") and holds_prose(element):
            continue  # left open, it holds the story: the sanitiser keeps the story and drops the control
        remove(element)


class ArticleCleaner:
    """Readability's ``_prepArticle`` over the article a pass chose, under that pass's :class:`Flags`."""

    def __init__(self, flags: Flags) -> None:
        self.flags = flags
        self.data_tables: set[HtmlElement] = set()

    def class_weight(self, element: HtmlElement) -> int:
        return class_weight(element, self.flags)

    def clean(self, article: HtmlElement) -> None:
        self.data_tables = {table for table in article.iter("table") if is_data_table(table)}
        self.clean_conditionally(article, "form")
        self.clean_conditionally(article, "fieldset")
        for tag in ("object", "embed", "footer", "link", "aside"):
            clean_tag(article, tag)
        for child in list(article):
            self.clean_share_nodes(child)
        for tag in ("iframe", "input", "textarea", "select", "button"):
            clean_tag(article, tag)
        for heading in [h for h in article.iter("h1", "h2")]:
            if self.class_weight(heading) < 0:
                remove(heading)
        self.clean_conditionally(article, "table")
        self.clean_conditionally(article, "ul")
        self.clean_conditionally(article, "div")
        for heading in article.iter("h1"):
            heading.tag = "h2"
        for paragraph in list(article.iter("p")):
            if next(paragraph.iter("img", "embed", "object", "iframe"), None) is None and not inner_text(
                paragraph
            ):
                remove(paragraph)
        for br in list(article.iter("br")):
            following = br.getnext()
            if following is not None and not (br.tail or "").strip() and following.tag == "p":
                remove(br)

    def clean_share_nodes(self, root: HtmlElement) -> None:
        for element in list(root.iterdescendants()):
            if element.getparent() is None or not isinstance(element.tag, str):
                continue
            if _share_names(class_and_id(element)) and len(element.text_content()) < CHAR_THRESHOLD:
                remove(element)

    def clean_conditionally(self, article: HtmlElement, tag: str) -> None:
        if not self.flags.clean_conditionally:
            return
        # Readability walks its node list backwards so inner nodes are judged before their containers.
        for element in reversed(list(article.iter(tag))):
            if self.should_remove(element, tag):
                remove(element)

    def should_remove(self, node: HtmlElement, tag: str) -> bool:
        is_data = self.data_tables.__contains__
        text = inner_text(node)
        is_list = tag in ("ul", "ol")
        if not is_list:
            list_length = sum(len(inner_text(lst)) for lst in node.iter("ul", "ol"))
            is_list = bool(text) and list_length / len(text) > 0.9
        if tag == "table" and node in self.data_tables:
            return False
        if has_ancestor(node, "table", -1, is_data) or has_ancestor(node, "code"):
            return False
        if any(table in self.data_tables for table in node.iter("table")):
            return False
        weight = self.class_weight(node)
        if weight < 0:
            return True
        if text.count(",") >= 10:
            return False
        paragraphs = sum(1 for _ in node.iter("p"))
        images = sum(1 for _ in node.iter("img"))
        items = sum(1 for _ in node.iter("li")) - 100
        inputs = sum(1 for _ in node.iter("input"))
        embeds = 0
        for embed in node.iter("object", "embed", "iframe"):
            attributes = " ".join(embed.attrib.values())
            if VIDEOS.search(attributes) or (
                embed.tag == "object" and VIDEOS.search(etree.tostring(embed, encoding="unicode"))
            ):
                return False
            embeds += 1
        if AD_WORDS.match(text) or LOADING_WORDS.match(text):
            return True
        density = link_density(node, len(text))
        in_figure = has_ancestor(node, "figure")
        # The text densities (a walk over every heading or block inside) are measured only when the
        # other tests leave them to decide, in the order Readability.js gives.
        reasons = (
            (not in_figure and images > 1 and paragraphs / images < 0.5)
            or (not is_list and items > paragraphs)
            or (inputs > paragraphs // 3)
            or (
                not is_list
                and not in_figure
                and len(text) < 25
                and (images == 0 or images > 2)
                and density > 0
                and text_density(node, HEADINGS, len(text)) < 0.9
            )
            or (not is_list and weight < 25 and density > 0.2)
            or (weight >= 25 and density > 0.5)
            or ((embeds == 1 and len(text) < 75) or embeds > 1)
            or (images == 0 and not _holds_text(node, _TEXTISH, len(text)))
        )
        if is_list and reasons:
            if any(len(child) > 1 for child in node):
                return True
            if images == sum(1 for _ in node.iter("li")):
                return False
        return bool(reasons)


_TEXTISH = ("span", "li", "td", *DIV_TO_P_ELEMS)


def _holds_text(node: HtmlElement, tags: tuple[str, ...], total: int) -> bool:
    """``text_density(node, tags, total) > 0``, stopping at the first of ``tags`` that holds text."""
    return bool(total) and any(inner_text(child) for child in node.iterdescendants(*tags))


@lru_cache(maxsize=4096)  # a page repeats its class names on many elements
def _share_names(names: str) -> bool:
    """Class and id (``class_and_id``) name a share widget."""
    return names != " " and SHARE_ELEMENTS.search(names) is not None
