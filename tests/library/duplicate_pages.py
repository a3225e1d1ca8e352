"""The duplicate finder's labelled set: sample-corpus pages and copies made of them (importable).

For each HTML page of ``corpus/`` three copies are written, each one story with its original:
- a **re-save** under a tracking/AMP URL, a few hours later: a new "Updated" line, other comment and
  share counts, a reordered "related" block;
- a **wire copy** on another site: another headline, site name and URL, a dateline, the last third of
  its long paragraphs cut (a shorter edition), a distribution note added;
- the same story under **another banner**: a mirror URL, a cookie banner, a navigation bar, a newsletter
  box and a footer of its own.
Every other pair of pages is a different story (pages of one site and one series share their
template and often their subject, which is what makes the negatives hard).  ``benchmarks/duplicates.py``
measures precision and recall on it; ``tests/library/test_duplicates.py`` uses a few of its stories.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
KINDS = ("resave", "wire", "banner")

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_OG_URL = re.compile(r'<meta property="og:url" content="([^"]+)"')
_SITE = re.compile(r'(<meta property="og:site_name" content=")([^"]+)(")')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H1 = re.compile(r"(<h1[^>]*>)(.*?)(</h1>)", re.S)
_LONG_P = re.compile(r"<p>([^<]{200,}?)</p>")
_BODY = re.compile(r"<body[^>]*>")

BANNER = """<div id="consent" class="cookie-consent"><p>We and our 214 partners use cookies to personalise
content and ads. By clicking Accept you agree to our use of cookies.</p><button>Accept all</button>
<button>Manage choices</button></div><nav class="mirror-nav"><ul><li><a href="/">Front page</a></li>
<li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/podcasts">Podcasts
</a></li></ul></nav><aside class="newsletter"><h3>Get the Morning Briefing</h3><p>Our editors' pick of the
day's stories, in your inbox before breakfast.</p><form><input type="email"></form></aside>"""
FOOTER = """<footer class="mirror-footer"><p>(c) 2026 Mirror Press Syndicate. All rights reserved. Terms of
use | Privacy | Contact us | Advertise with us</p></footer>"""


@dataclass(frozen=True)
class LabelledPage:
    path: Path
    story: str  # the original page's name: pages with the same story are duplicates
    kind: str  # "original" or one of KINDS


def _url_of(page: str) -> str | None:
    found = _CANONICAL.search(page) or _OG_URL.search(page)
    return found.group(1) if found else None


def _with_url(page: str, old: str | None, new: str) -> str:
    return page.replace(old, new) if old else page


def resave(page: str) -> str:
    url = _url_of(page)
    page = _with_url(page, url, f"{url}?utm_source=newsletter&amp;output=amp" if url else "")
    page = re.sub(
        r"\b(\d{1,3}) (comments|shares|Comments|Shares)\b", lambda m: f"{int(m[1]) + 17} {m[2]}", page
    )
    return _BODY.sub(
        lambda m: m[0] + '<p class="updated">Updated 3 hours ago | 4 min read</p>', page, count=1
    )


def wire_copy(page: str) -> str:
    url = _url_of(page)
    slug = url.rstrip("/").rsplit("/", 1)[-1] if url else "story"
    page = _with_url(page, url, f"https://vesselwire.example/syndicated/{slug}")
    page = _SITE.sub(r"\1Vessel Wire\3", page)
    page = _H1.sub(lambda m: f"{m[1]}Wire: {m[2]}{m[3]}", page, count=1)
    page = _TITLE.sub(lambda m: f"<title>Wire: {m[1]}</title>", page, count=1)
    longs = list(_LONG_P.finditer(page))
    for cut in reversed(longs[len(longs) - len(longs) // 3 :]):  # the last third: a shorter edition
        page = page[: cut.start()] + page[cut.end() :]
    page = _LONG_P.sub(lambda m: f"<p>ALDENPORT (Vessel Wire) -- {m[1]}</p>", page, count=1)
    return page.replace(
        "</article>", "<p>This story was distributed by Vessel Wire to its member papers.</p></article>", 1
    )


def another_banner(page: str) -> str:
    url = _url_of(page)
    mirror = re.sub(r"^https?://[^/]+", "https://mirror.example", url) if url else "https://mirror.example/"
    page = _with_url(page, url, mirror)
    page = _BODY.sub(lambda m: m[0] + BANNER, page, count=1)
    return page.replace("</body>", FOOTER + "</body>", 1)


_MAKERS = {"resave": resave, "wire": wire_copy, "banner": another_banner}


def corpus_pages(corpus: Path = CORPUS) -> list[Path]:
    """The sample corpus's HTML pages (MHTML archives and text dumps are left out: copies are made by
    editing HTML)."""
    return sorted(p for p in corpus.iterdir() if p.suffix in (".html", ".htm"))


def write_labelled_set(out: Path, sources: Iterable[Path] | None = None) -> list[LabelledPage]:
    """Write each source page and its three copies into ``out``; returns every page with its story."""
    out.mkdir(parents=True, exist_ok=True)
    pages: list[LabelledPage] = []  # inserted text is ASCII: right in whatever encoding the page is in
    for source in corpus_pages() if sources is None else sources:
        html = source.read_bytes().decode("utf-8", "surrogateescape")  # any encoding, bytes kept
        story = source.stem
        original = out / f"{story}.html"
        original.write_bytes(source.read_bytes())
        pages.append(LabelledPage(original, story, "original"))
        for kind, make in _MAKERS.items():
            copy = out / f"{story}.{kind}.html"
            copy.write_bytes(make(html).encode("utf-8", "surrogateescape"))
            pages.append(LabelledPage(copy, story, kind))
    return pages


def true_pairs(pages: list[LabelledPage]) -> set[frozenset[Path]]:
    """Every pair of pages of one story."""
    return {frozenset((a.path, b.path)) for a, b in itertools.combinations(pages, 2) if a.story == b.story}
