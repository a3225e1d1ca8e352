"""Finding the article body in a cleaned page tree.

The main extractor is a port of the Readability.js algorithm (Mozilla, Apache-2.0) to lxml trees, working
on the tree the pipeline already parsed: paragraphs are scored by length and commas, their scores flow
to their ancestors, the best-scoring ancestor (adjusted for link density and class names) wins, related
siblings join it (beyond Readability: also a sibling block of plain prose, and a heading between two
joined siblings, so a story split into sections comes whole), and the result is cleaned of the
leftovers that survive scoring (share widgets, link lists, empty paragraphs).  When the strict pass finds
too little text it retries with looser rules, as Readability.js does.

:func:`extract_article` returns a new ``<div>`` holding the article, less the boilerplate that
:func:`reader.ingest.clean.drop_article_boilerplate` finds inside it; the input tree is consumed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement, html_parser

from reader.ingest.clean import drop_article_boilerplate

# -- the regular expressions and tag sets of Readability.js ------------------------------------------------
UNLIKELY_CANDIDATES = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
    r"legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
    r"ad-break|agegate|pagination|pager|popup|yom-remote",
    re.I,
)
MAYBE_CANDIDATE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.I)
POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", re.I
)
NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|"
    r"outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
    re.I,
)
BYLINE = re.compile(r"byline|author|dateline|writtenby|p-author", re.I)
SHARE_ELEMENTS = re.compile(r"(\b|_)(share|sharedaddy)(\b|_)", re.I)
VIDEOS = re.compile(
    r"//(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|"
    r"player\.twitch\.tv)",
    re.I,
)
AD_WORDS = re.compile(
    r"^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", re.I | re.U
)
LOADING_WORDS = re.compile(r"^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$", re.I | re.U)
COMMAS = re.compile(r"[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]")
UNLIKELY_ROLES = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)
TAGS_TO_SCORE = frozenset({"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})
DIV_TO_P_ELEMS = frozenset({"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"})
ALTER_TO_DIV_EXCEPTIONS = frozenset({"div", "article", "section", "p", "ol", "ul"})
PHRASING_ELEMS = frozenset(
    {
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
        "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
        "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
        "textarea", "time", "var", "wbr",
    }
)  # fmt: skip
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CHAR_THRESHOLD = 500
TOP_CANDIDATES = 5


def new_element(tag: str) -> HtmlElement:
    """A fresh element that behaves like the parsed ones (``text_content``, ``drop_tree``)."""
    return html_parser.makeelement(tag)


def inner_text(element: HtmlElement) -> str:
    """The element's text with runs of white space collapsed (Readability's ``_getInnerText``)."""
    return " ".join(element.text_content().split())


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


def is_whitespace_node(node: HtmlElement | str) -> bool:
    if isinstance(node, str):
        return not node.strip()
    return node.tag == "br"


def is_phrasing(node: HtmlElement | str) -> bool:
    if isinstance(node, str):
        return True
    tag = node.tag
    if tag in PHRASING_ELEMS:
        return True
    return tag in ("a", "del", "ins") and all(is_phrasing(child) for child in child_nodes(node))


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


def is_probably_visible(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return False
    if element.get("hidden") is not None:
        return False
    aria_hidden = element.get("aria-hidden")
    return aria_hidden != "true" or "fallback-image" in (element.get("class") or "")


def is_without_content(element: HtmlElement) -> bool:
    # The cheap test on the children first: text_content() of every container would be quadratic.
    if any(child.tag not in ("br", "hr") for child in element):
        return False
    return not element.text_content().strip()


def has_single_tag_inside(element: HtmlElement, tag: str) -> bool:
    if len(element) != 1 or element[0].tag != tag:
        return False
    return not (element.text or "").strip() and not (element[0].tail or "").strip()


def has_child_block(element: HtmlElement) -> bool:
    return any(child.tag in DIV_TO_P_ELEMS or has_child_block(child) for child in element)


def text_similarity(text_a: str, text_b: str) -> float:
    tokens_a = [t for t in re.split(r"\W+", text_a.lower()) if t]
    tokens_b = [t for t in re.split(r"\W+", text_b.lower()) if t]
    if not tokens_a or not tokens_b:
        return 0.0
    set_a = set(tokens_a)
    unique_b = [t for t in tokens_b if t not in set_a]
    distance = len(" ".join(unique_b)) / len(" ".join(tokens_b))
    return 1 - distance


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


@dataclass
class Flags:
    strip_unlikely: bool = True
    weight_classes: bool = True
    clean_conditionally: bool = True


class ReadabilityExtractor:
    """One run of the Readability algorithm over one page body."""

    def __init__(self, title: str | None) -> None:
        self.title = title or ""
        self.flags = Flags()
        self.scores: dict[HtmlElement, float] = {}
        self.pending: set[HtmlElement] = set()  # candidates whose link-density discount is not applied yet
        self.data_tables: set[HtmlElement] = set()
        self.byline_found = False

    # -- public --------------------------------------------------------------------------------------
    def run(self, root: HtmlElement) -> HtmlElement | None:
        prepare_document(root)
        attempts: list[tuple[int, HtmlElement]] = []
        while True:
            document = copy.deepcopy(root)
            page = document.find("body")
            if page is None:
                page = document
            self.scores = {}
            self.pending = set()
            article = self.grab(page)
            length = len(inner_text(article))
            if length >= CHAR_THRESHOLD:
                return article
            attempts.append((length, article))
            if self.flags.strip_unlikely:
                self.flags.strip_unlikely = False
            elif self.flags.weight_classes:
                self.flags.weight_classes = False
            elif self.flags.clean_conditionally:
                self.flags.clean_conditionally = False
            else:
                attempts.sort(key=lambda attempt: -attempt[0])
                return attempts[0][1] if attempts[0][0] else None

    # -- scoring ---------------------------------------------------------------------------------------
    def class_weight(self, element: HtmlElement) -> int:
        if not self.flags.weight_classes:
            return 0
        weight = 0
        for value in (element.get("class"), element.get("id")):
            if value:
                if NEGATIVE.search(value):
                    weight -= 25
                if POSITIVE.search(value):
                    weight += 25
        return weight

    def initialise(self, element: HtmlElement) -> None:
        tag = element.tag
        score = 0.0
        if tag == "div":
            score += 5
        elif tag in ("pre", "td", "blockquote"):
            score += 3
        elif tag in ("address", "ol", "ul", "dl", "dd", "dt", "li", "form"):
            score -= 3
        elif tag in HEADINGS or tag == "th":
            score -= 5
        self.scores[element] = score + self.class_weight(element)

    def is_byline(self, element: HtmlElement, match: str) -> bool:
        if self.byline_found:
            return False
        rel = element.get("rel") or ""
        itemprop = element.get("itemprop") or ""
        if rel == "author" or "author" in itemprop or BYLINE.search(match):
            length = len(element.text_content().strip())
            if 0 < length < 100:
                self.byline_found = True
                return True
        return False

    def header_duplicates_title(self, element: HtmlElement) -> bool:
        if element.tag not in ("h1", "h2") or not self.title:
            return False
        return text_similarity(self.title, inner_text(element)) > 0.75

    def walk(self, page: HtmlElement) -> list[HtmlElement]:
        """Drop unlikely nodes, turn text-only divs into paragraphs and list the elements to score."""
        to_score: list[HtmlElement] = []
        remove_title_header = True
        node: HtmlElement | None = page
        while node is not None:
            tag = node.tag
            match = class_and_id(node)
            if not is_probably_visible(node):
                node = remove_and_next(node)
                continue
            if node.get("aria-modal") == "true" and node.get("role") == "dialog":
                node = remove_and_next(node)
                continue
            if node is not page and self.is_byline(node, match):
                node = remove_and_next(node)
                continue
            if remove_title_header and self.header_duplicates_title(node):
                remove_title_header = False
                node = remove_and_next(node)
                continue
            if self.flags.strip_unlikely and node is not page:
                if (
                    UNLIKELY_CANDIDATES.search(match)
                    and not MAYBE_CANDIDATE.search(match)
                    and tag != "a"
                    and not has_ancestor(node, "table")
                    and not has_ancestor(node, "code")
                ):
                    node = remove_and_next(node)
                    continue
                if node.get("role") in UNLIKELY_ROLES:
                    node = remove_and_next(node)
                    continue
            if (
                tag in ("div", "section", "header", *HEADINGS)
                and node is not page
                and is_without_content(node)
            ):
                node = remove_and_next(node)
                continue
            if tag in TAGS_TO_SCORE:
                to_score.append(node)
            if tag == "div":
                node = self.div_to_paragraphs(node, to_score)
            node = next_node(node)
        return to_score

    def div_to_paragraphs(self, div: HtmlElement, to_score: list[HtmlElement]) -> HtmlElement:
        wrap_phrasing(div)
        if has_single_tag_inside(div, "p") and link_density(div) < 0.25:
            child = div[0]
            child.tail = div.tail
            div.getparent().replace(div, child)
            to_score.append(child)
            return child
        if not has_child_block(div):
            div.tag = "p"
            to_score.append(div)
        return div

    def score(self, to_score: list[HtmlElement]) -> list[HtmlElement]:
        candidates: list[HtmlElement] = []
        for element in to_score:
            parent = element.getparent()
            if parent is None:
                continue
            text = inner_text(element)
            if len(text) < 25:
                continue
            lineage = [a for a in ancestors(element, 5) if a.getparent() is not None]
            if not lineage:
                continue
            points = 1 + len(COMMAS.split(text)) + min(len(text) // 100, 3)
            for level, ancestor in enumerate(lineage):
                if ancestor not in self.scores:
                    self.initialise(ancestor)
                    candidates.append(ancestor)
                divider = 1 if level == 0 else 2 if level == 1 else level * 3
                self.scores[ancestor] += points / divider
        return candidates

    def score_of(self, element: HtmlElement) -> float:
        """A candidate's score, discounted by its link density (computed when first needed)."""
        if element in self.pending:
            self.pending.discard(element)
            self.scores[element] *= 1 - link_density(element)
        return self.scores[element]

    def top_candidates(self, candidates: list[HtmlElement]) -> list[HtmlElement]:
        """The best candidates after the link-density discount.

        The discount only lowers scores, so candidates whose raw score is already below the fifth best
        discounted one cannot make the list: their (costly) link density is left until asked for.
        """
        self.pending = set(candidates)
        order = {candidate: index for index, candidate in enumerate(candidates)}
        best: list[HtmlElement] = []
        for candidate in sorted(candidates, key=lambda c: -self.scores[c]):
            if len(best) >= TOP_CANDIDATES and self.scores[candidate] < self.score_of(best[-1]):
                break
            self.score_of(candidate)
            best.append(candidate)
            best.sort(key=lambda c: (-self.scores[c], order[c]))
            del best[TOP_CANDIDATES:]
        return best

    def grab(self, page: HtmlElement) -> HtmlElement:
        to_score = self.walk(page)
        candidates = self.score(to_score)
        top = self.top_candidates(candidates)
        article = new_element("div")
        if not top or top[0].tag == "body" or top[0] is page:
            holder = new_element("div")
            article.append(holder)
            set_child_nodes(holder, child_nodes(page))
            self.prepare_article(article)
            return article
        candidate = self.better_candidate(top, page)
        parent = candidate.getparent()
        threshold = max(10.0, self.score_of(candidate) * 0.2)
        candidate_class = candidate.get("class") or ""
        siblings = [
            s for s in (list(parent) if parent is not None else [candidate]) if isinstance(s.tag, str)
        ]
        joined = [
            sibling is candidate or self.sibling_belongs(sibling, candidate, candidate_class, threshold)
            for sibling in siblings
        ]
        for sibling, joins in zip(siblings, join_section_headings(siblings, joined), strict=True):
            if joins:
                if sibling.tag not in ALTER_TO_DIV_EXCEPTIONS and sibling.tag not in HEADINGS:
                    sibling.tag = "div"
                sibling.tail = None
                article.append(sibling)
        self.prepare_article(article)
        return article

    def sibling_belongs(
        self, sibling: HtmlElement, candidate: HtmlElement, css: str, threshold: float
    ) -> bool:
        bonus = 0.0
        if css and (sibling.get("class") or "") == css:
            bonus += self.score_of(candidate) * 0.2
        if sibling in self.scores and self.score_of(sibling) + bonus >= threshold:
            return True
        if sibling.tag in ("div", "section", "article"):
            return is_prose_block(sibling)
        if sibling.tag != "p":
            return False
        text = inner_text(sibling)
        density = link_density(sibling, len(text))
        if len(text) > 80 and density < 0.25:
            return True
        return 0 < len(text) < 80 and density == 0 and re.search(r"\.( |$)", text) is not None

    def better_candidate(self, top: list[HtmlElement], page: HtmlElement) -> HtmlElement:
        candidate = top[0]
        best = self.score_of(candidate)
        alternatives = [
            ancestors(other, 10_000) for other in top[1:] if best and self.score_of(other) / best >= 0.75
        ]
        if len(alternatives) >= 3:
            parent = candidate.getparent()
            while parent is not None and parent is not page and parent.tag != "body":
                containing = sum(1 for lineage in alternatives if parent in lineage)
                if containing >= 3:
                    candidate = parent
                    break
                parent = parent.getparent()
        if candidate not in self.scores:
            self.initialise(candidate)
        # A parent scoring higher than its child means more content may lie beside the child.
        parent = candidate.getparent()
        last = self.score_of(candidate)
        threshold = last / 3
        while parent is not None and parent is not page and parent.tag != "body":
            if parent not in self.scores:
                parent = parent.getparent()
                continue
            parent_score = self.score_of(parent)
            if parent_score < threshold:
                break
            if parent_score > last:
                candidate = parent
                break
            last = parent_score
            parent = parent.getparent()
        # An only child: use the parent, so sibling joining can see the parent's siblings.
        parent = candidate.getparent()
        while parent is not None and parent is not page and parent.tag != "body" and len(parent) == 1:
            candidate = parent
            parent = candidate.getparent()
        if candidate not in self.scores:
            self.initialise(candidate)
        return candidate

    # -- cleaning the article --------------------------------------------------------------------------
    def prepare_article(self, article: HtmlElement) -> None:
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
            if SHARE_ELEMENTS.search(class_and_id(element)) and len(element.text_content()) < CHAR_THRESHOLD:
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
        heading_density = text_density(node, HEADINGS, len(text))
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
        textish = text_density(node, ("span", "li", "td", *DIV_TO_P_ELEMS), len(text))
        in_figure = has_ancestor(node, "figure")
        reasons = (
            (not in_figure and images > 1 and paragraphs / images < 0.5)
            or (not is_list and items > paragraphs)
            or (inputs > paragraphs // 3)
            or (
                not is_list
                and not in_figure
                and heading_density < 0.9
                and len(text) < 25
                and (images == 0 or images > 2)
                and density > 0
            )
            or (not is_list and weight < 25 and density > 0.2)
            or (weight >= 25 and density > 0.5)
            or ((embeds == 1 and len(text) < 75) or embeds > 1)
            or (images == 0 and textish == 0)
        )
        if is_list and reasons:
            if any(len(child) > 1 for child in node):
                return True
            if images == sum(1 for _ in node.iter("li")):
                return False
        return bool(reasons)


PROSE_PARAGRAPH_CHARS = 80
ASIDE_NAMES = re.compile(r"author|(?:^|[\s_-])bio|note|teaser|card|promo", re.I)


def is_prose_block(element: HtmlElement) -> bool:
    """A block holding at least two real paragraphs and few links: the story's next section.

    Scoring can leave such a block out when the main section scores far higher (a long story continued
    after an inline ad or a pull quote); people reading the page take it as part of the article.
    """
    names = class_and_id(element)
    if NEGATIVE.search(names) or UNLIKELY_CANDIDATES.search(names) or ASIDE_NAMES.search(names):
        return False
    paragraphs = [p for p in element.iter("p") if len(inner_text(p)) >= PROSE_PARAGRAPH_CHARS]
    if len(paragraphs) < 2:
        return False
    # Teaser grids hold one standfirst per card, each under its own headline and in its own box.
    parents = [p.getparent() for p in paragraphs]
    if max(parents.count(parent) for parent in parents) < 2:
        return False
    if sum(1 for _ in element.iter(*HEADINGS)) * 2 > len(paragraphs):
        return False
    text_len = len(inner_text(element))
    prose = sum(len(inner_text(p)) for p in paragraphs)
    return prose >= 0.6 * text_len and link_density(element, text_len) < 0.2


def join_section_headings(siblings: list[HtmlElement], joined: list[bool]) -> list[bool]:
    """Also join a heading that stands between two joined siblings: it titles the section that follows."""
    result = list(joined)
    for index, sibling in enumerate(siblings):
        if result[index] or sibling.tag not in HEADINGS or not any(result[:index]):
            continue
        following = next(
            (i for i in range(index + 1, len(siblings)) if siblings[i].tag not in HEADINGS), None
        )
        if following is not None and joined[following]:
            result[index] = True
    return result


def text_density(element: HtmlElement, tags: tuple[str, ...], total: int) -> float:
    if not total:
        return 0.0
    children = sum(len(inner_text(child)) for child in element.iterdescendants(*tags))
    return children / total


def clean_tag(article: HtmlElement, tag: str) -> None:
    is_embed = tag in ("object", "embed", "iframe")
    for element in list(article.iter(tag)):
        if is_embed and VIDEOS.search(" ".join(element.attrib.values())):
            continue
        remove(element)


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


def prepare_document(body: HtmlElement) -> None:
    """Readability's ``_prepDocument``: fonts become spans and ``<br>`` chains paragraph breaks."""
    for font in body.iter("font"):
        font.tag = "span"
    replace_brs(body)


HUGE_PAGE_CHARS = 4_000_000  # beyond this (a book-length dump), scoring costs minutes: take the container
FALLBACK_BELOW_CHARS = 250  # a Readability result this short on a page with much text is suspect
FALLBACK_PAGE_CHARS = 1500


def extract_article(root: HtmlElement, *, title: str | None) -> HtmlElement | None:
    """The article ``<div>`` found in a cleaned page tree, less the boilerplate left inside it, or None."""
    article = choose_article(root, title=title)
    if article is not None:
        article = narrow_to_marked_article(article)
        drop_article_boilerplate(article)
    return article


MARKED_SHARE = 0.6  # of the chosen text that the page's own article container must hold to be preferred


def narrow_to_marked_article(article: HtmlElement) -> HtmlElement:
    """The page's own ``<article>``/``articleBody`` container when the scorer took a wrapper around it.

    Scoring sometimes picks a page wrapper whose other children are widgets (feedback forms, "make us
    your homepage" dialogs, teaser lists).  When the site marked its story and that story holds most of
    the text while no real paragraph lies outside it, the marked container is the better answer.
    """
    marked = [*article.iter("article"), *article.xpath(".//*[@itemprop='articleBody']")]
    if not marked:
        return article
    total = len(inner_text(article))
    best = max(marked, key=lambda element: len(inner_text(element)))
    best_len = len(inner_text(best))
    if not total or best_len == total or best_len < MARKED_SHARE * total:
        return article
    inside = set(best.iter("p"))
    outside_prose = sum(
        1 for p in article.iter("p") if p not in inside and len(inner_text(p)) >= PROSE_PARAGRAPH_CHARS
    )
    if outside_prose > 1:
        return article
    narrowed = new_element("div")
    best.tail = None
    narrowed.append(best)
    return narrowed


def choose_article(root: HtmlElement, *, title: str | None) -> HtmlElement | None:
    """The article ``<div>`` found in a cleaned page tree, or None when the page has no text at all.

    Readability's scorer decides; when it comes back with next to nothing from a page full of text
    (its failure mode on pages without paragraph markup), or with a list of links, trafilatura's
    extractor is asked too and the longer, less link-heavy answer wins.
    """
    body = root.find("body")
    page_chars = len(inner_text(body if body is not None else root))
    if page_chars > HUGE_PAGE_CHARS:
        return whole_container(root)
    article = ReadabilityExtractor(title).run(root)
    found = len(inner_text(article)) if article is not None else 0
    mostly_links = article is not None and found and link_density(article, found) > 0.5
    if page_chars < FALLBACK_PAGE_CHARS or (found >= FALLBACK_BELOW_CHARS and not mostly_links):
        return article
    alternative = trafilatura_article(root)
    if alternative is None:
        return article
    alternative_chars = len(inner_text(alternative))
    alternative_links = link_density(alternative, alternative_chars)
    if alternative_chars > 2 * max(found, 100) and alternative_links < 0.5:
        return alternative
    if mostly_links and alternative_chars >= FALLBACK_BELOW_CHARS and alternative_links < 0.25:
        return alternative
    return article


def whole_container(root: HtmlElement) -> HtmlElement:
    """The page's marked article container (or its body) as is, for pages too large to score."""
    container = next(root.iter("article", "main"), None)
    if container is None:
        container = root.find("body")
    article = new_element("div")
    if container is not None:
        container.tail = None
        article.append(container)
    return article


def trafilatura_article(root: HtmlElement) -> HtmlElement | None:
    """trafilatura's reading of the same (cleaned) tree as a ``<div>``, or None."""
    import trafilatura  # imported on first use: it is only a fallback and costs time to load

    try:
        markup = trafilatura.extract(
            copy.deepcopy(root),
            output_format="html",
            include_tables=True,
            include_images=True,
            include_links=True,
            include_comments=False,
            favor_recall=True,
        )
    except Exception:  # a library failure leaves Readability's answer standing
        return None
    if not markup:
        return None
    try:
        document = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    body = document.find("body")
    article = new_element("div")
    set_child_nodes(article, child_nodes(body if body is not None else document))
    return article
