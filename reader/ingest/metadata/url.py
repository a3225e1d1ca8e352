"""The page's URL: the address it was saved from, else the one it declares (canonical, og:url, JSON-LD).

A relative address is resolved against the saved-from address; only an absolute http(s) URL is taken.  A
malformed address ("http://[broken") is no address: the next source is asked.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from reader.ingest.metadata.page import Page


def decide_url(page: Page) -> None:
    """The first absolute address among the page's sources, in order of trust."""
    s = page.signals
    base = s.saved_from if s.saved_from and is_absolute(s.saved_from) else None
    for value, source in (
        (s.saved_from, "saved-from-comment"),
        (s.canonical, "link:canonical"),
        (s.meta("og:url"), "meta:og:url"),
        (page.ld.url, "json-ld"),
        (s.meta("twitter:url"), "meta:twitter:url"),
    ):
        url = _absolute_url(value.strip(), base) if value else None
        if url:
            page.set("url", url, source)
            return


def _absolute_url(url: str, base: str | None) -> str | None:
    """``url`` as an absolute http(s) address (a relative one resolved against ``base``), or None."""
    if not is_absolute(url) and base and not url.startswith(("data:", "javascript:", "#")):
        try:
            url = urljoin(base, url)
        except ValueError:  # malformed ("http://[broken"): no address
            return None
    return url if is_absolute(url) else None


def is_absolute(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) address (a malformed one is not)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def url_path(url: str | None) -> str:
    """The path of an address; "" when there is none or it is malformed."""
    if not url:
        return ""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""
