"""The page's series and topics: JSON-LD, visible series and topic blocks, tags and keywords.

Keywords that repeat the headline, the site or an author's name are not topics; junk values (links,
"Uncategorized", "Read more") never are.  The blocks' elements are handed to the cleaner.
"""

from __future__ import annotations

import re

from reader.ingest.metadata.blocks import find_blocks
from reader.ingest.metadata.page import Page
from reader.ingest.metadata.text import fold, heading_text
from reader.ingest.scripts import is_cjk_text

JUNK_TOPIC = re.compile(
    r"^(?:https?://|www\.)|[<>{}=→←»«]|^\W*$|^\d+$|^\w+:\S|^(?:null|none|undefined|untagged|"
    r"uncategori[sz]ed|news|home|article|articles|story|select|show\s+(?:more|all)|see\s+all|"
    r"more|next|previous|prev|read\s+more)$|^(?:next|previous)\s",
    re.IGNORECASE,
)
MAX_TOPICS = 30


def decide_series_and_topics(page: Page) -> None:
    """Series and topics from JSON-LD, visible blocks, tags and keywords; the blocks go to the cleaner."""
    s = page.signals
    blocks = find_blocks(page.scan)
    series: list[tuple[str, str]] = [(name, "json-ld") for name in page.ld.series]
    series += [(name, "series-block") for name in blocks.series]
    topics: list[tuple[str, str]] = [(t, "topics-block") for t in blocks.topics]
    topics += [(t, "meta:article:tag") for t in _split_tags(s.metas.get("article:tag", []))]
    topics += [(t, "json-ld") for t in page.ld.keywords]
    topics += [(heading_text(a), "rel-tag") for a in s.rel_tag]
    if not topics:
        topics += [
            (t, "meta:keywords")
            for t in _split_tags(s.metas.get("news_keywords", []) + s.metas.get("keywords", []))
        ]
    # Keywords often repeat the headline, the site or the author's name: those are not topics.
    known = {fold(v) for v in (page.meta.title, page.meta.site, *page.meta.authors) if v}
    topics = [(t, source) for t, source in topics if fold(t) not in known]
    _set_list(page, "series", series)
    _set_list(page, "topics", topics[: MAX_TOPICS * 3])
    page.meta.consumed.extend(el for el in blocks.elements if el not in page.meta.consumed)


def _set_list(page: Page, name: str, pairs: list[tuple[str, str]]) -> None:
    values: list[str] = []
    seen: set[str] = set()
    first_source = ""
    for value, source in pairs:
        value = " ".join(value.split()).strip(" ,;#")
        key = value.casefold()
        if not value or key in seen or len(value) > 80 or JUNK_TOPIC.search(value):
            continue
        seen.add(key)
        values.append(value)
        first_source = first_source or source
        if len(values) >= MAX_TOPICS:
            break
    if values:
        page.set(name, values, first_source)


def _split_tags(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        separator = r"\s*[,;，、]\s*" if re.search(r"[,;，、]", value) or not is_cjk_text(value) else r"\s+"
        out.extend(part.strip() for part in re.split(separator, value) if part.strip())
    return out
