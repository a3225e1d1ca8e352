"""Site names: judging whether a string can be cited as a publication, and tidying one.

Owns: the comparison keys of a site (its names and its URL's host), whether a piece matches them, whether a
name spells the URL's domain, hosting platforms (Medium, Substack…: the host of a publication, not the
publication), corporate suffixes and taglines, site names in feed titles, sites written as URLs, and
whether a string is written like a publication's name at all.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reader.ingest.metadata.text import fold
from reader.ingest.metadata.vocabulary import (
    GENERIC_SITE_NAMES,
    HOSTING_PLATFORMS,
    HOSTING_PLATFORMS_OWN_SCRIPT,
    NAME_SMALL_WORDS,
)
from reader.ingest.scripts import CJK_LETTERS, is_cjk_text

# The folded names of hosting platforms, those written in their own script folded as names are compared.
HOSTING_KEYS = HOSTING_PLATFORMS | {fold(name) for name in HOSTING_PLATFORMS_OWN_SCRIPT}


def site_keys(site: str | None, url: str | None, other_names: tuple[str, ...] = ()) -> set[str]:
    keys: set[str] = set()
    for name in (site, *other_names):
        if name:
            keys.add(fold(name))
            keys.add(fold(name).replace(" ", ""))
    if url:
        host = _host(url)
        host = host[4:] if host.startswith("www.") else host
        if host:
            keys.add(fold(host))
            keys.add(host.split(".")[0])
    keys.discard("")
    return keys


def matches_site(piece: str, keys: set[str]) -> bool:
    key = fold(piece)
    if not key:
        return False
    squeezed = key.replace(" ", "")
    if key in keys or squeezed in keys:
        return True
    # "The Guardian" vs "Guardian", "Le Monde.fr" vs "Le Monde"
    return any(
        len(k) >= 4
        and (squeezed.startswith(k.replace(" ", "")) or k.replace(" ", "").startswith(squeezed))
        and abs(len(k.replace(" ", "")) - len(squeezed)) <= 4
        for k in keys
    )


CORPORATE_SUFFIX = re.compile(
    r",?\s+(?:inc|ltd|llc|plc|gmbh|corp|co|s\.?a|ag|limited|pty)\.?$", re.IGNORECASE
)


def tidy_site(name: str) -> str:
    """A site name without a corporate suffix ("Spiceworks Inc") or a tagline ("Aktuálně.cz - Víte, co …")."""
    name = " ".join(name.split())
    name = CORPORATE_SUFFIX.sub("", name).strip() or name
    match = re.match(r"^(.{2,40}?)\s+(?:[-–—|:·]|::)\s+(.+)$", name)
    if match and is_hosting_platform(match.group(1)) and not is_hosting_platform(match.group(2)):
        return match.group(2).strip()  # "Naver Blog | Gordon's Blog": the blog, not its host
    if match:
        tagline = match.group(2)
        if (
            len(tagline.split()) >= 5
            or "," in tagline
            or tagline.endswith((".", "!", "?"))
            or TAGLINE.search(tagline)
        ):
            return match.group(1).strip()
    return name


TAGLINE = re.compile(
    r"\b(?:latest|breaking|headlines|official\s+site|homepage|home\s+page|welcome)\b", re.IGNORECASE
)
FEED_NAME = re.compile(
    r"^(?P<name>.+?)\s*(?:»|&raquo;|[-–—:|])?\s*(?:(?:rss|atom)\s+)?(?:feed|flux|fil|rss|atom)(?:\s+rss)?\s*$",
    re.IGNORECASE,
)
# "RSS Feed for Tim Ferriss' Blog", "Posts on 'Web Ink Now' (Atom)" (Blogger): the name after the words.
FEED_FOR_NAME = re.compile(
    r"^(?:(?:rss|atom)\s+)?(?:feed|flux|posts)\s+(?:for|of|on|von|de|du)\s+(?P<q>['\"‘“]?)(?P<name>.+?)"
    r"(?P=q)?\s*(?:\((?:rss|atom)[^)]*\))?$",
    re.IGNORECASE,
)
FEED_NOT_SITE = re.compile(r"comment|kommentar|réponse|topic|tag|categor|author|auteur", re.IGNORECASE)


def site_from_feed_titles(titles: list[str]) -> str | None:
    """The site's name in its feed link: "Boing Boing » Feed", "NextWarez » Flux", "Mathias Brunet RSS Feed".

    Feeds of comments, tags or authors are skipped: they name something narrower than the site.
    """
    for title in titles:
        match = FEED_NAME.match(title) or FEED_FOR_NAME.match(title)
        if not match or FEED_NOT_SITE.search(title):
            continue
        name = match.group("name").strip(" -–—:|»'\"‘’“”")
        if plausible_site(name, page_is_cjk=bool(CJK_LETTERS.search(name))) and len(name) >= 2:
            return name
    return None


def matches_site_name(piece: str, names: tuple[str | None, ...], url: str | None) -> bool:
    """Whether ``piece`` is one of ``names`` or the URL's host ("Reuters" on reuters.com)."""
    keys = site_keys(None, url, tuple(n for n in names if n))
    return matches_site(piece, keys)


def names_host(name: str, url: str | None) -> bool:
    """Whether a site name spells the URL's domain ("Blogues de La Presse" on blogues.lapresse.ca)."""
    label = domain_label(url).replace("-", "")
    squeezed = fold(name).replace(" ", "")
    return (
        bool(label) and len(label) >= 3 and (label in squeezed or (len(squeezed) >= 4 and squeezed in label))
    )


def domain_label(url: str | None) -> str:
    """The registered name in a URL's host: "lapresse" for blogues.lapresse.ca, "bbc" for www.bbc.co.uk."""
    host = _host(url) if url else ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return ""
    # "co.uk", "com.au", "ne.jp": a short second-level label belongs to the suffix.
    if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def is_hosting_platform(name: str | None) -> bool:
    """Medium, Substack, WordPress …: the host of a publication, not the publication."""
    return bool(name) and fold(name or "") in HOSTING_KEYS


def plausible_site(name: str | None, *, page_is_cjk: bool = False) -> bool:
    """A string a reader could cite as a publication: short, not a URL, not a spam run, not a sentence."""
    if not name:
        return False
    name = name.strip()
    if not name or len(name) > 80 or len(name.split()) > 8:
        return False
    if re.match(r"^(?:https?://|www\.)", name, re.IGNORECASE) or fold(name) in GENERIC_SITE_NAMES:
        return False
    if CJK_LETTERS.search(name) and not page_is_cjk:
        return False
    if name.endswith((".", "!", "?")) and len(name.split()) > 3:
        return False
    return bool(re.search(r"\w", name))


def site_from_url_string(value: str) -> str | None:
    """A site written as a URL ("http://www.tmz.com") becomes its host name ("tmz.com")."""
    if not re.match(r"^(?:https?://|www\.)", value.strip(), re.IGNORECASE):
        return None
    host = _host(value if "://" in value else "http://" + value)
    host = host[4:] if host.startswith("www.") else host
    return host or None


def _host(url: str) -> str:
    """The lower-case host of an address; "" when it has none or is malformed ("http://[broken")."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def name_like(piece: str) -> bool:
    """ "Lumen Notes", "Centre for Policy Research", "example.com": written as a publication's name."""
    words = [w for w in piece.split() if w.lower() not in NAME_SMALL_WORDS]
    if re.search(r"\w\.[a-z]{2,}$", piece):
        return True
    if is_cjk_text(piece) and len(piece) <= 12:
        return True  # CJK has no capitals: a short CJK piece ("海湾中文网") is written as a name
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() for w in words)
