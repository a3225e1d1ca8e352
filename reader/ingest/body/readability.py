"""The article body by the Readability.js algorithm (Mozilla, Apache-2.0), ported to lxml trees.

Works on the tree the pipeline already parsed: paragraphs are scored by length and commas, their scores
flow to their ancestors, the best-scoring ancestor (adjusted for link density and class names) wins,
related siblings join it (beyond Readability: also a sibling block of plain prose, and a heading between
two joined siblings, so a story split into sections comes whole), and the result is cleaned
(:mod:`.readability_cleanup`).  When the strict pass finds too little text it retries with looser rules,
as Readability.js does.
"""

from __future__ import annotations

import copy
import re

from lxml.html import HtmlElement

from reader.ingest.body.dom import (
    ancestors,
    child_nodes,
    class_and_id,
    has_ancestor,
    inner_text,
    is_hidden,
    link_density,
    new_element,
    next_node,
    remove_and_next,
    set_child_nodes,
)
from reader.ingest.body.readability_cleanup import ArticleCleaner
from reader.ingest.body.readability_dom import prepare_document, wrap_phrasing
from reader.ingest.body.readability_rules import (
    ALTER_TO_DIV_EXCEPTIONS,
    CHAR_THRESHOLD,
    COMMAS,
    DIV_TO_P_ELEMS,
    HEADINGS,
    NEGATIVE,
    TAGS_TO_SCORE,
    TOP_CANDIDATES,
    UNLIKELY_CANDIDATES,
    UNLIKELY_ROLES,
    Flags,
    byline_names,
    class_weight,
    unlikely_names,
)


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
    """Any descendant is a block (libxml2 filters the tags: a recursion through Python cost 2% of ingest)."""
    return next(element.iterdescendants(*DIV_TO_P_ELEMS), None) is not None


def text_similarity(text_a: str, text_b: str) -> float:
    tokens_a = [t for t in re.split(r"\W+", text_a.lower()) if t]
    tokens_b = [t for t in re.split(r"\W+", text_b.lower()) if t]
    if not tokens_a or not tokens_b:
        return 0.0
    set_a = set(tokens_a)
    unique_b = [t for t in tokens_b if t not in set_a]
    distance = len(" ".join(unique_b)) / len(" ".join(tokens_b))
    return 1 - distance


class Readability:
    """One run of the Readability algorithm over one page body."""

    def __init__(self, title: str | None) -> None:
        self.title = title or ""
        self.flags = Flags()
        self.scores: dict[HtmlElement, float] = {}
        self.pending: set[HtmlElement] = set()  # candidates whose link-density discount is not applied yet
        self.byline_found = False

    def class_weight(self, element: HtmlElement) -> int:
        return class_weight(element, self.flags)

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
        if rel == "author" or "author" in itemprop or (match != " " and byline_names(match)):
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
            if is_hidden(node):
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
                    match != " "  # no class, no id (most elements): nothing for the patterns to find
                    and unlikely_names(match)
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

    def prepare_article(self, article: HtmlElement) -> None:
        ArticleCleaner(self.flags).clean(article)


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
