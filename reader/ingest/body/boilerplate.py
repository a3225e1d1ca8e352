"""Boilerplate removal from the whole page: everything on a saved page that is not the article.

:func:`remove_boilerplate` works in place on the parsed page (after metadata was read from it) and drops
code, hidden elements, page navigation and page header/footer, asides, small forms, cookie and consent
banners, share bars, newsletter boxes, related-article teasers, comment sections, app error overlays
(Blazor, React, "please enable JavaScript") and the elements metadata extraction consumed (bylines,
series and topic blocks).  Containers holding the article itself are never dropped by a class-name
guess.  What is left inside the chosen article is :mod:`reader.ingest.body.leftovers`' business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from reader.ingest.body.dom import inner_text, is_hidden, remove
from reader.ingest.source.textdump import OVERLAY_LINE

_ALWAYS_DROP = ("script", "style", "noscript", "template", "link", "meta", "iframe", "object", "embed", "svg",
                "canvas", "dialog", "nav", "aside",
                # dev-server crash overlays
                "vite-error-overlay", "nextjs-portal", "react-error-overlay")  # fmt: skip
_PAGE_LANDMARK_ROLES = {
    "banner",
    "contentinfo",
    "navigation",
    "search",
    "complementary",
    "alert",
    "alertdialog",
}
_CONTENT_MARKERS = "//*[@role='main' or @itemprop='articleBody']"  # besides <article> and <main>

# Each class/id pattern with the most text a matching element may hold and still be taken for that
# boilerplate (a big container with "share" in a class name is more likely the article than a share bar).
_BOILERPLATE: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"cookie|consent|gdpr|onetrust|truste-|cc-(?:banner|window)|cmp-container|privacy-(?:banner|notice)",
                re.I), 3000),
    (re.compile(r"(?:^|[\s_-])(?:share|sharing|shares|sharebar|sharedaddy|addthis|shareaholic|social-?(?:links|icons|bar|share|media))(?:$|[\s_-])",
                re.I), 600),
    (re.compile(r"newsletter|subscribe|sign-?up-?(?:box|form)|mailing-?list|optin|opt-in", re.I), 1500),
    (re.compile(r"(?:^|[\s_-])(?:related|recommended|recommendations|more-(?:stories|articles|news)|"
                r"also-?read|you-may-like|outbrain|taboola|trending|most-(?:popular|read))(?:$|[\s_-])",
                re.I), 4000),
    # "commentbody", "commentlist", "comment-text" too ("commentary" is a kind of article).
    (re.compile(r"(?:^|[\s_-])(?:comments?(?:list|body|text|content|thread|wrap|area|block|section)?"
                r"|disqus|respond)(?:$|[\s_-])",
                re.I), 10**9),
    (re.compile(r"(?:^|[\s_-])(?:skip-?link|skip-to-content|screen-reader-text|sr-only|visually-hidden)(?:$|[\s_-])",
                re.I), 200),
    (re.compile(r"blazor-error-ui|error-overlay|webpack-dev-server-client-overlay|nextjs-portal|"
                r"(?:^|[\s_-])(?:modal|popup|overlay|paywall|interstitial)(?:$|[\s_-])", re.I), 1500),
    # Author bio boxes and breadcrumb trails: about the writer or the site, not part of the story.
    (re.compile(r"(?:^|[\s_-])(?:author-?bio|about-?(?:the-?)?authors?|author-?(?:box|card|profile|about|notes?)|"
                r"bio-?box|breadcrumbs?)(?:$|[\s_-])", re.I), 1500),
    # Photo credits ("Getty Images") under a picture: the caption stays, the agency line goes.
    (re.compile(r"(?:^|[\s_-])(?:(?:photo|image|img|media)-?)?credits?(?:$|[\s_-])", re.I), 150),
    # Series navigation (a box listing every part of the series): the series itself is metadata.
    (re.compile(r"series-?(?:box|nav|navigation|list|toc|links|meta|parts)|(?:post|article)-series", re.I),
     1500),
)  # fmt: skip
_COMMENTS = 4  # indexes of the comment-section and skip-link patterns above
_SCREEN_READER = 5
_CREDIT = 8
_INLINE_BOILERPLATE = frozenset({_SCREEN_READER, _CREDIT})  # inline elements may be these two kinds
_INLINE = frozenset({"a", "span", "b", "i", "em", "strong", "code", "small", "abbr", "time", "cite", "label"})
_KEYWORDS = ("cookie", "consent", "gdpr", "onetrust", "truste", "cc-", "cmp-", "privacy", "shar", "social",
             "addthis", "newsletter", "subscri", "sign", "mailing", "optin", "opt-in", "related", "recommend",
             "more", "also", "you-may", "outbrain", "taboola", "trending", "most", "comment", "disqus",
             "respond", "error", "overlay", "skip", "screen-reader", "sr-only",
             "visually-hidden", "nextjs", "modal", "popup", "paywall",
             "interstitial", "author", "bio", "breadcrumb", "credit", "series")  # fmt: skip
_SCREEN = re.compile("|".join(re.escape(k) for k in _KEYWORDS))  # on lower-cased names: re.I is 7x slower
_ANY_BOILERPLATE = re.compile(
    "|".join(f"(?P<b{i}>{p.pattern})" for i, (p, _) in enumerate(_BOILERPLATE)), re.I
)


# Only elements with one of these can be hidden, page chrome or named boilerplate (libxml2 finds them; a
# walk over every element through Python took 5 ms a page).
_MAY_BE_BOILERPLATE = (
    "descendant-or-self::*[@class or @id or @role or @hidden or @aria-hidden or @style"
    " or self::header or self::footer]"
)


def remove_boilerplate(root: HtmlElement, consumed: Iterable[HtmlElement] = ()) -> None:
    """Drop boilerplate from the whole page tree, in place."""
    strip_comments(root)
    consumed = list(consumed)
    page_text = len(inner_text(root)) if consumed else 0
    for element in consumed:
        # Metadata never holds most of a page; if a consumed element does, keeping the text is safer.
        if len(inner_text(element)) < page_text * 0.5:
            remove(element)
    protected = content_ancestors(root)
    for element in list(root.iter(*_ALWAYS_DROP)):
        remove(element)
    whole_text: list[int] = []  # measured once, only when a hidden element needs it
    for element in root.xpath(_MAY_BE_BOILERPLATE):
        if element.getparent() is None:
            continue
        if element.tag in ("html", "body", "head"):
            continue
        if is_hidden(element):
            if _holds_most_text(element, root, whole_text):
                element.drop_tag()  # keep what it wraps, lose the wrapper (and the link it pretends to be)
            else:
                remove(element)
        elif is_page_chrome(element, protected) or is_boilerplate(element, protected):
            remove(element)
    for form in list(root.iter("form")):
        if form not in protected and not has_article_text(form):
            remove(form)
    # One lower-cased copy of the page's text for both screens (case-insensitive patterns over a whole
    # page cost 5 ms a page; case-sensitive ones over the lower-cased text a tenth of that).
    page_text = root.text_content().lower()
    drop_overlay_text(root, page_text)
    drop_ad_labels(root, page_text)


def _holds_most_text(element: HtmlElement, root: HtmlElement, whole_text: list[int]) -> bool:
    """A "hidden" element wrapping most of the page is broken markup (an unclosed ``<a hidden>``), not
    hidden content: dropping it would drop the article."""
    if not whole_text:
        whole_text.append(len(inner_text(root)))
    return whole_text[0] > 0 and len(inner_text(element)) > whole_text[0] * 0.8


def strip_comments(root: HtmlElement) -> None:
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)


def content_ancestors(root: HtmlElement) -> set[HtmlElement]:
    """Elements that are, or contain, a marked article container: never dropped by a class-name guess."""
    protected: set[HtmlElement] = set()
    # Comments and teasers are often <article>s too: only the one holding the most text marks the story.
    articles = sorted(root.iter("article"), key=lambda a: len(a.text_content()), reverse=True)[:1]
    for marker in [*articles, *root.iter("main"), *root.xpath(_CONTENT_MARKERS)]:
        node = marker
        while node is not None and node not in protected:
            protected.add(node)
            node = node.getparent()
    return protected


def is_page_chrome(element: HtmlElement, protected: set[HtmlElement]) -> bool:
    """The page's own header, footer and landmarks (an article's header and footer stay)."""
    if element in protected:
        return False
    role = element.get("role")
    if role in _PAGE_LANDMARK_ROLES:
        return True
    if element.tag not in ("header", "footer"):
        return False
    inside_article = any(a.tag in ("article", "main") for a in element.iterancestors())
    if inside_article:
        return False
    if element.tag == "header":
        # A page header that carries the standfirst (a real paragraph) is part of the story.
        return not any(len(inner_text(p)) >= 100 for p in element.iter("p"))
    return True


def is_boilerplate(element: HtmlElement, protected: set[HtmlElement]) -> bool:
    if element in protected or element.tag in ("img", "figure", "p", "h1", "h2"):
        return False
    names = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    if not names:
        return False
    index = boilerplate_kind(names)
    if index is None:
        return False
    if element.tag in _INLINE and index not in _INLINE_BOILERPLATE:  # a link or span in a sentence stays
        return False
    if index == _CREDIT and is_caption(element):
        return False  # a caption box named "credit" holds the caption too
    if any(ancestor.tag in ("pre", "code") for ancestor in element.iterancestors()):
        return False  # syntax highlighters mark up "comment" tokens
    if len(inner_text(element)) > _BOILERPLATE[index][1]:
        return False
    # Comment sections hold real prose; other boilerplate that does is more likely the story.
    return index == _COMMENTS or not has_article_text(element)


@lru_cache(maxsize=4096)  # a page repeats its class names on many elements
def boilerplate_kind(names: str) -> int | None:
    """The index in :data:`_BOILERPLATE` of the kind of boilerplate that class and id names, or None."""
    if not _SCREEN.search(names.lower()):  # a cheap literal screen before the costly pattern
        return None
    match = _ANY_BOILERPLATE.search(names)
    if match is None:
        return None
    return int(match.lastgroup[1:])  # type: ignore[index]


def is_caption(element: HtmlElement) -> bool:
    """A figure caption, or a box holding one."""
    if element.tag in ("figcaption", "figure", "caption"):
        return True
    return any("caption" in (e.get("class") or "").lower() for e in element.iterdescendants())


def has_article_text(element: HtmlElement) -> bool:
    """True when a container holds several real paragraphs (ASP.NET pages wrap everything in a form)."""
    return sum(1 for p in element.iter("p") if len(inner_text(p)) >= 80) >= 2


_OVERLAY_SCREEN = ("enable javascript", "error has occurred", "unhandled exception")


def drop_overlay_text(root: HtmlElement, page_text: str | None = None) -> None:
    """Small elements that only say an app crashed or needs JavaScript (``page_text``: the page's text,
    lower-cased, when the caller has it)."""
    lowered = root.text_content().lower() if page_text is None else page_text
    if not any(phrase in lowered for phrase in _OVERLAY_SCREEN):
        return
    for element in list(root.iter("div", "p", "section", "span", "h1", "h2", "h3")):
        if element.getparent() is None:
            continue
        text = inner_text(element)
        if text and len(text) < 400 and OVERLAY_LINE.search(text):
            remove(element)


_AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|"
    r"pubblicità|реклама|广告|広告|광고|scroll to continue with content|continue reading below|"
    r"(?:the )?(?:story|article) continues below(?: (?:this )?(?:advertisement|ad))?)$",
    re.I,
)
_AD_SCREEN = re.compile(
    r"advertis|sponsored|anzeige|werbung|publicit|pubblicit|реклама|广告|広告|광고|continu"
)


def drop_ad_labels(root: HtmlElement, page_text: str | None = None) -> None:
    """Small elements that only say "Advertisement" (the ad itself was never saved); ``page_text``: the
    page's text, lower-cased, when the caller has it."""
    if not _AD_SCREEN.search(root.text_content().lower() if page_text is None else page_text):
        return
    for element in list(root.iter("p", "div", "span", "section", "figcaption", "h6", "small")):
        if element.getparent() is None or len(element) > 3:
            continue
        text = inner_text(element)
        if text and len(text) <= 40 and _AD_LABEL.match(text):
            remove(element)
