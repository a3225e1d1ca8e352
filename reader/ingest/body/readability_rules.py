"""The regular expressions, tag sets and thresholds of Readability.js, and the class weight they give.

:class:`Flags` are the three rules a strict pass applies and later passes relax, as Readability.js does
when a pass finds too little text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml.html import HtmlElement

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
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CHAR_THRESHOLD = 500
TOP_CANDIDATES = 5


@dataclass
class Flags:
    """Which of the strict rules this pass applies."""

    strip_unlikely: bool = True
    weight_classes: bool = True
    clean_conditionally: bool = True


def class_weight(element: HtmlElement, flags: Flags) -> int:
    """Readability's ``_getClassWeight``: ±25 for a class or id that reads like content or like clutter."""
    if not flags.weight_classes:
        return 0
    weight = 0
    for value in (element.get("class"), element.get("id")):
        if value:
            weight += name_weight(value)
    return weight


# A page repeats its class names on many elements: each verdict is found once (the patterns cost
# microseconds a name, the cache a tenth of that).
_NAMES_CACHED = 4096


@lru_cache(maxsize=_NAMES_CACHED)
def name_weight(value: str) -> int:
    """What one class or id value adds to the class weight: -25 clutter, +25 content, both, or 0."""
    return (-25 if NEGATIVE.search(value) else 0) + (25 if POSITIVE.search(value) else 0)


@lru_cache(maxsize=_NAMES_CACHED)
def unlikely_names(names: str) -> bool:
    """Class and id (``class_and_id``) name an unlikely candidate and nothing that may be content."""
    return UNLIKELY_CANDIDATES.search(names) is not None and MAYBE_CANDIDATE.search(names) is None


@lru_cache(maxsize=_NAMES_CACHED)
def byline_names(names: str) -> bool:
    """Class and id (``class_and_id``) name a byline."""
    return BYLINE.search(names) is not None
