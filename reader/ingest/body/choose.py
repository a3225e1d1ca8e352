"""Choosing the article body in a cleaned page tree.

:func:`find_article_body` returns a new ``<div>`` holding the article, less the leftovers that
:func:`reader.ingest.body.leftovers.remove_leftovers` finds inside it; the input tree is consumed.
Readability's scorer decides, trafilatura is asked when the scorer comes back with next to nothing or
with a list of links, a wrapper around the page's own marked article is narrowed to it, and a page too
large to score is taken whole.  Then the second opinions of :mod:`.candidates` (resiliparse always,
trafilatura's precision mode when resiliparse reads much more) may overrule the answer, and the page's
own marked story container may replace an answer that holds it and a sidebar besides.
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml.html import HtmlElement

from reader.ingest.body.candidates import (
    MARKED,
    READABILITY,
    RESILIPARSE,
    TRAFILATURA_PRECISION,
    Reading,
    article_from_text,
    best_reading,
    marked_container,
    needs_second_opinions,
    resiliparse_text,
    trafilatura_article,
)
from reader.ingest.body.dom import holds_prose, inner_text, link_density, new_element, parse_document
from reader.ingest.body.leftovers import remove_leftovers
from reader.ingest.body.readability import PROSE_PARAGRAPH_CHARS, Readability
from reader.ingest.body.sanitize import CONTROL_CONTAINERS

HUGE_PAGE_CHARS = 4_000_000  # beyond this (a book-length dump), scoring costs minutes: take the container
FALLBACK_BELOW_CHARS = 250  # a Readability result this short on a page with much text is suspect
FALLBACK_PAGE_CHARS = 1500


def find_article_body(root: HtmlElement, *, title: str | None, as_parsed: Any = None) -> HtmlElement | None:
    """The article ``<div>`` found in a cleaned page tree, less the boilerplate left inside it, or None.

    ``as_parsed`` is lexbor's tree of the whole page (resiliparse's), which resiliparse reads; without it
    resiliparse reads the cleaned page."""
    return finished(best_reading(read_article(root, title=title, as_parsed=as_parsed)))


def finished(reading: Reading) -> HtmlElement | None:
    """The chosen reading's article; the page's marked container is cleaned only once it is chosen."""
    if reading.name == MARKED and reading.article is not None:
        remove_leftovers(reading.article)
    return reading.article


def read_article(
    root: HtmlElement, *, title: str | None, as_parsed: Any = None, everyone: bool = False
) -> list[Reading]:
    """Readability's reading of the page first, then the second opinions the page needs (all of them
    when ``everyone``: the chooser's fitting script compares them on every page)."""
    for control in list(root.iter(*CONTROL_CONTAINERS, "label")):
        if holds_prose(control):  # left open, it swallowed the story; other readers drop controls whole
            control.drop_tag()
    page_chars = _page_chars(root)
    too_large = page_chars > HUGE_PAGE_CHARS
    # The cleaned page as the other readers see it (Readability's preparation changes the tree).
    markup = "" if too_large else lxml.html.tostring(root, encoding="unicode")
    marked = None if too_large else marked_container(root, markup)  # before Readability takes the tree apart
    article = choose_article(root, title=title, page_chars=page_chars)
    if article is not None:
        article = narrow_to_marked_article(article)
        remove_leftovers(article)
    own = Reading(READABILITY, inner_text(article) if article is not None else "", article)
    if too_large:
        return [own]
    # The container the page marks as its story (a blog's entry-content) does not vote: it overrules
    # the vote's answer when that answer holds it and more (see candidates.prefers_marked).
    aside = [Reading(MARKED, inner_text(marked), marked)] if marked is not None else []
    quick_text = resiliparse_text(as_parsed if as_parsed is not None else markup)
    quick = Reading(RESILIPARSE, quick_text)
    if not everyone and not needs_second_opinions(own, quick):
        return [own, *aside]
    quick.article = _cleaned(article_from_text(markup, quick_text))
    readings = [own, quick]
    # Its precision mode only: with the recall mode too the chooser scored the same on held-out pages
    # (benchmarks/fit_chooser.py) and trafilatura took twice as long.
    other = trafilatura_article(parse_document(markup), precision=True, consume=True)
    if other is not None:
        readings.append(Reading(TRAFILATURA_PRECISION, inner_text(other), _cleaned(other)))
    return [*readings, *aside]


def _cleaned(article: HtmlElement) -> HtmlElement:
    remove_leftovers(article)
    return article


def _page_chars(root: HtmlElement) -> int:
    body = root.find("body")
    return len(inner_text(body if body is not None else root))


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


def choose_article(
    root: HtmlElement, *, title: str | None, page_chars: int | None = None
) -> HtmlElement | None:
    """The article ``<div>`` found in a cleaned page tree, or None when the page has no text at all.

    Readability's scorer decides; when it comes back with next to nothing from a page full of text
    (its failure mode on pages without paragraph markup), or with a list of links, trafilatura's
    extractor is asked too and the longer, less link-heavy answer wins.
    """
    if page_chars is None:  # the length of the body's text, when the caller has not measured it
        page_chars = _page_chars(root)
    if page_chars > HUGE_PAGE_CHARS:
        return whole_container(root)
    article = Readability(title).run(root)
    found = len(inner_text(article)) if article is not None else 0
    mostly_links = article is not None and found and link_density(article, found) > 0.5
    if page_chars < FALLBACK_PAGE_CHARS or (found >= FALLBACK_BELOW_CHARS and not mostly_links):
        return article
    alternative = trafilatura_article(root)  # recall mode
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
