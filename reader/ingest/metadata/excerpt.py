"""The page's excerpt: its declared description, else the first paragraph that reads like one."""

from __future__ import annotations

import re
from itertools import islice

from reader.ingest.metadata.page import Page
from reader.ingest.metadata.text import heading_text


def decide_excerpt(page: Page) -> None:
    """The declared description (meta, og, twitter, JSON-LD), else the first paragraph that reads like one."""
    s = page.signals
    for value, source in (
        (s.meta("description"), "meta:description"),
        (s.meta("og:description"), "meta:og:description"),
        (s.meta("twitter:description"), "meta:twitter:description"),
        (page.ld.description, "json-ld"),
    ):
        if value and len(value.strip()) >= 20:
            page.set("excerpt", value.strip(), source)
            return
    if page.body_text:
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", page.body_text))
    else:
        paragraphs = (heading_text(p) for p in islice(page.body.iter("p"), 40))
    for para in paragraphs:
        if len(para) >= 80 and para.endswith((".", "!", "?", "”", '"', "。", "»")):
            page.set("excerpt", para[:500], "first-paragraph")
            return
