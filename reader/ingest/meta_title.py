"""Title and site name: choosing the headline and removing the " | Site" decoration.

Owns: splitting a title at its separators (" | ", " - ", " :: ", " — ", " » ", "_" …),
deciding whether an end part is the site name (it equals the site, the domain, or the
rest of the title is confirmed by the h1 / og:title), and judging whether a string can be
a site name at all (no spam runs, no URLs, not a sentence).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from reader.ingest.meta_authors import fold
from reader.ingest.meta_dates import find_written_date
from reader.ingest.meta_sources import squash

# A full-width colon is a separator only after a space ("見出し　：日本経済新聞"); inside a CJK headline
# ("外国专家：中美合作…") it is part of the sentence.
SEPARATOR = re.compile(
    r"\s+(?:\||-|–|—|::|·|•|/|»|«|>|<|~|\\|:)\s+|\s*(?:\||｜|_)\s*(?=\S)|[\s\u3000]+：[\s\u3000]*(?=\S)"
)
# Decoration before the headline ("» Going mobile in 1998" when the blog's name before it is empty).
LEADING_JUNK = re.compile(r"^[\s\u3000»«|•·:>~\-–—]+")
# A photo credit glued to a Japanese headline: "…の成否（写真＝ロイター）".
PHOTO_CREDIT = re.compile(r"[\s\u3000]*[（(](?:写真|画像|撮影)\s*[＝=：:][^）)]{1,40}[）)][\s\u3000]*$")
_DATE_RESIDUE = re.compile(
    r"[\d\W_]+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:updated|published|am|pm)\b",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")


def split_title(title: str) -> list[str]:
    """Pieces of a title between its separators (a plain hyphenated word is not split)."""
    pieces = [p.strip() for p in SEPARATOR.split(title)]
    return [p for p in pieces if p]


def _site_keys(site: str | None, url: str | None, other_names: tuple[str, ...] = ()) -> set[str]:
    keys: set[str] = set()
    for name in (site, *other_names):
        if name:
            keys.add(fold(name))
            keys.add(fold(name).replace(" ", ""))
    if url:
        host = (urlsplit(url).hostname or "").lower()
        host = host[4:] if host.startswith("www.") else host
        if host:
            keys.add(fold(host))
            keys.add(host.split(".")[0])
    keys.discard("")
    return keys


def _matches_site(piece: str, keys: set[str]) -> bool:
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


def clean_title(
    title: str,
    *,
    site: str | None = None,
    url: str | None = None,
    confirmations: tuple[str | None, ...] = (),
    authors: tuple[str, ...] = (),
    guess: bool = False,
    other_names: tuple[str, ...] = (),
) -> tuple[str, str | None]:
    """``(title without site decoration, the removed site part or None)``.

    A leading or trailing piece is removed when it is the site name or domain, a credited
    author ("… | by Jane Doe | Medium"), or when the remaining part equals a confirming
    headline (h1, og:title).  With ``guess`` (a bare title tag, nothing to compare with),
    a short last piece after a long headline goes too ("Lorem ipsum dolor sit amet – My website").
    """
    title = tidy_headline(squash(unicodedata.normalize("NFC", title)))
    confirm = {fold(c) for c in confirmations if c}
    confirm.discard("")
    if fold(title) in confirm:
        return title, None
    keys = _site_keys(site, url, other_names)
    people = {fold(a) for a in authors if a}
    removed: str | None = None
    changed = False
    confirmed = _confirmed_piece(title, confirm)
    if confirmed is not None:
        return tidy_headline(confirmed[0]), confirmed[1]
    for _ in range(4):
        pieces = _split_positions(title)
        if not pieces:
            break
        head_end, tail_start = pieces[-1]
        head, tail = title[:head_end].strip(), title[tail_start:].strip()
        first_end, first_rest = pieces[0]
        first, rest = title[:first_end].strip(), title[first_rest:].strip()
        if tail and head and date_piece(tail):
            title = head  # "Headline | DW | 19.01.2020": the date is the page's stamp, not the headline
            continue
        if (
            tail
            and head
            and (
                _matches_site(tail, keys) or _is_person_piece(tail, people) or _confirmed(head, tail, confirm)
            )
        ):
            title, removed = head, removed if _is_person_piece(tail, people) else (removed or tail)
            changed = True
            continue
        if first and rest and (_matches_site(first, keys) or _confirmed(rest, first, confirm)):
            title, removed = rest, removed or first
            changed = True
            continue
        break
    if guess and not changed:
        title, removed = _guess_suffix(title)
    return tidy_headline(title), removed


def tidy_headline(title: str) -> str:
    """A headline without leading separator junk and without a photo credit glued to its end."""
    cleaned = PHOTO_CREDIT.sub("", LEADING_JUNK.sub("", title))
    return cleaned.strip(" \u3000") or title


def date_piece(piece: str) -> str | None:
    """``YYYY-MM-DD`` when a title piece is only a date ("19.01.2020", "Jan 19, 2020"), else None."""
    if len(piece) > 32 or not any(ch.isdigit() for ch in piece):
        return None
    if len(_DATE_RESIDUE.sub("", piece)) > 3:
        return None
    return find_written_date(piece)


def _confirmed_piece(title: str, confirm: set[str]) -> tuple[str, str | None] | None:
    """ "Headline | Section | Site" where the h1 says "Headline": the headline, and the last piece."""
    positions = _split_positions(title)
    for start, end in positions:
        head, tail = title[:start].strip(), title[end:].strip()
        if _confirmed(head, tail, confirm):
            return head, split_title(tail)[-1] if tail else None
    for start, end in reversed(positions):
        head, tail = title[:start].strip(), title[end:].strip()
        # "Site | Headline": the kept end must be the longer one (a logo h1 often repeats the site).
        if _confirmed(tail, head, confirm) and len(tail) >= len(head):
            return tail, split_title(head)[0] if head else None
    return None


def _confirmed(kept: str, dropped: str, confirm: set[str]) -> bool:
    # A confirming headline never leaves a stub: "V8" must not replace "Outside the web: … · V8".
    return fold(kept) in confirm and len(kept) * 2 >= len(dropped)


def _is_person_piece(piece: str, people: set[str]) -> bool:
    key = fold(piece)
    if key.startswith("by "):
        key = key[3:]
    return bool(people) and key in people


_STRONG_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")


def _guess_suffix(title: str) -> tuple[str, str | None]:
    """Readability's rule for an unconfirmed title tag: drop a short last piece after a long headline."""
    if _CJK.search(title):
        return _guess_cjk_suffix(title)
    matches = list(_STRONG_SEPARATOR.finditer(title))
    if not matches:
        return title, None
    last = matches[-1]
    head, tail = title[: last.start()].strip(), title[last.end() :].strip()
    if len(head.split()) >= 4 and 1 <= len(tail.split()) <= 4 and len(tail) < len(head):
        return head, tail
    return title, None


def _guess_cjk_suffix(title: str) -> tuple[str, str | None]:
    """ "港特首…道歉 - BBC中文网 - 两岸三地": a long CJK headline, then short site and section names.

    Characters, not words, measure CJK text; every trailing piece must be short beside the headline.
    """
    matches = list(_STRONG_SEPARATOR.finditer(title))
    if not matches or len(matches) > 3:
        return title, None
    head = title[: matches[0].start()].strip()
    tails = [p.strip() for p in _STRONG_SEPARATOR.split(title[matches[0].end() :]) if p.strip()]
    if len(head) >= 8 and tails and all(len(t) <= 10 and len(t) * 2 <= len(head) for t in tails):
        return head, tails[0]
    return title, None


def _split_positions(title: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SEPARATOR.finditer(title) if m.start() > 0 and m.end() < len(title)]


def title_suffix_site(
    title: str | None, confirmations: tuple[str | None, ...], *, page_is_cjk: bool = False
) -> str | None:
    """The site part of a "Headline | Site" title when the headline part is confirmed by the h1/og:title."""
    if not title:
        return None
    positions = _split_positions(title)
    if not positions:
        return None
    confirm = {fold(c) for c in confirmations if c}
    head_end, tail_start = positions[-1]
    head, tail = title[:head_end].strip(), title[tail_start:].strip()
    if fold(head) in confirm and _short_name(tail, head, page_is_cjk):
        return tail
    first_end, rest_start = positions[0]
    first, rest = title[:first_end].strip(), title[rest_start:].strip()
    if fold(rest) in confirm and _short_name(first, rest, page_is_cjk):
        return first
    return None


def _short_name(name: str, headline: str, page_is_cjk: bool = False) -> bool:
    return (
        plausible_site(name, page_is_cjk=page_is_cjk) and len(name.split()) <= 5 and len(name) < len(headline)
    )


CORPORATE_SUFFIX = re.compile(
    r",?\s+(?:inc|ltd|llc|plc|gmbh|corp|co|s\.?a|ag|limited|pty)\.?$", re.IGNORECASE
)
HOSTING_PLATFORMS = {
    "medium",
    "substack",
    "wordpress",
    "wordpress com",
    "blogger",
    "blogspot",
    "tumblr",
    "ghost",
    "wix",
    "squarespace",
    "hashnode",
    "dev community",
    "linkedin",
    "typepad",
    "naver blog",
    "tistory",
    "livejournal",
    "hatena blog",
}
# Platforms written in their own script, folded the way names are compared.
HOSTING_PLATFORMS |= {fold(name) for name in ("네이버 블로그", "はてなブログ", "アメーバブログ")}


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
FEED_NOT_SITE = re.compile(r"comment|kommentar|réponse|topic|tag|categor|author|auteur", re.IGNORECASE)


def site_from_feed_titles(titles: list[str]) -> str | None:
    """The site's name in its feed link: "Boing Boing » Feed", "NextWarez » Flux", "Mathias Brunet RSS Feed".

    Feeds of comments, tags or authors are skipped: they name something narrower than the site.
    """
    for title in titles:
        match = FEED_NAME.match(title)
        if not match or FEED_NOT_SITE.search(title):
            continue
        name = match.group("name").strip(" -–—:|»")
        if plausible_site(name, page_is_cjk=bool(_CJK.search(name))) and len(name) >= 2:
            return name
    return None


def matches_site_name(piece: str, names: tuple[str | None, ...], url: str | None) -> bool:
    """Whether ``piece`` is one of ``names`` or the URL's host ("Reuters" on reuters.com)."""
    keys = _site_keys(None, url, tuple(n for n in names if n))
    return _matches_site(piece, keys)


def names_host(name: str, url: str | None) -> bool:
    """Whether a site name spells the URL's domain ("Blogues de La Presse" on blogues.lapresse.ca)."""
    label = domain_label(url).replace("-", "")
    squeezed = fold(name).replace(" ", "")
    return (
        bool(label) and len(label) >= 3 and (label in squeezed or (len(squeezed) >= 4 and squeezed in label))
    )


def domain_label(url: str | None) -> str:
    """The registered name in a URL's host: "lapresse" for blogues.lapresse.ca, "bbc" for www.bbc.co.uk."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return ""
    # "co.uk", "com.au", "ne.jp": a short second-level label belongs to the suffix.
    if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def is_hosting_platform(name: str | None) -> bool:
    """Medium, Substack, WordPress …: the host of a publication, not the publication."""
    return bool(name) and fold(name or "") in HOSTING_PLATFORMS


GENERIC_SITE_NAMES = {
    "home",
    "homepage",
    "home page",
    "index",
    "untitled",
    "default",
    "site",
    "website",
    "web site",
    "blog",
    "my blog",
    "my site",
    "my website",
    "new site",
    "just another wordpress site",
    "welcome",
    "news",
}


def plausible_site(name: str | None, *, page_is_cjk: bool = False) -> bool:
    """A string a reader could cite as a publication: short, not a URL, not a spam run, not a sentence."""
    if not name:
        return False
    name = name.strip()
    if not name or len(name) > 80 or len(name.split()) > 8:
        return False
    if re.match(r"^(?:https?://|www\.)", name, re.IGNORECASE) or fold(name) in GENERIC_SITE_NAMES:
        return False
    if _CJK.search(name) and not page_is_cjk:
        return False
    if name.endswith((".", "!", "?")) and len(name.split()) > 3:
        return False
    return bool(re.search(r"\w", name))


def site_from_url_string(value: str) -> str | None:
    """A site written as a URL ("http://www.tmz.com") becomes its host name ("tmz.com")."""
    if not re.match(r"^(?:https?://|www\.)", value.strip(), re.IGNORECASE):
        return None
    host = (urlsplit(value if "://" in value else "http://" + value).hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return host or None


def is_cjk_text(text: str | None) -> bool:
    """Whether a text is mostly CJK (so CJK site names are expected there)."""
    if not text:
        return False
    sample = text[:2000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    return cjk > latin * 0.5 and cjk >= 2
