"""Real text for the library benchmark: the dev-set pages, extracted once, replicated and varied to any size.

The pages are ``../shared/corpora/dragnet-dev`` (687 news and blog pages) and ``readability`` (130 pages,
several in Chinese and Japanese), extracted by Offprint's own pipeline on two processes the first time
and cached as JSON lines in ``$OFFPRINT_BENCH_CACHE`` (default ``~/.cache/offprint-bench``), keyed by
the set of pages.  :class:`RealText` then writes article *n* of any size from them: the first copy of
each page as extracted, later copies with their paragraphs in another order, a few paragraphs of
another page mixed in and the title varied, so a 10,000 or 100,000 article library has the vocabulary,
the word frequencies and the scripts of real pages rather than one page repeated.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
CACHE = Path(os.environ.get("OFFPRINT_BENCH_CACHE") or Path.home() / ".cache" / "offprint-bench")
_WORD = re.compile(r"[^\W\d_]{4,}")
_NO_SPACE_RUN = re.compile(r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}")


def dev_pages() -> list[Path]:
    dragnet = sorted((CORPORA / "dragnet-dev" / "html").glob("*.html.gz"))
    readability = sorted((CORPORA / "readability").glob("*/source.html"))
    return dragnet + readability


def _extract(path: str) -> dict[str, Any] | None:
    from reader.errors import IngestError
    from reader.ingest import extract_bytes

    data = Path(path).read_bytes()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    try:
        article = extract_bytes(data, path=path)
    except IngestError:
        return None
    if len(article.text) < 400:
        return None  # a stub: no article to search
    return {
        "title": article.title or "",
        "authors": article.authors,
        "site": article.site,
        "date": article.date,
        "language": article.language,
        "topics": article.topics,
        "text": article.text,
    }


def load_articles() -> list[dict[str, Any]]:
    """The dev-set pages as extracted articles (from the cache when the pages have not changed)."""
    pages = dev_pages()
    if not pages:
        return []
    key = hashlib.sha256("\n".join(f"{p}:{p.stat().st_size}" for p in pages).encode()).hexdigest()[:16]
    cached = CACHE / f"real-text-{key}.jsonl"
    if cached.exists():
        with cached.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]
    with ProcessPoolExecutor(max_workers=2) as pool:
        articles = [a for a in pool.map(_extract, map(str, pages), chunksize=8) if a is not None]
    CACHE.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_suffix(".part")
    with temporary.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    temporary.replace(cached)
    return articles


class RealText:
    """A seeded writer of articles from the real pages: same seed and pages, same library."""

    def __init__(self, articles: list[dict[str, Any]], seed: int) -> None:
        self.base = articles
        self.seed = seed
        rng = random.Random(seed)
        self.people = sorted({name for a in articles for name in a["authors"]}) or ["Anonymous"]
        self.sites = sorted({a["site"] for a in articles if a["site"]}) or ["Real Text"]
        topics = sorted({t for a in articles for t in a["topics"]})
        self.topics = topics if len(topics) >= 50 else topics + self.frequent_words(300)[:300]
        self.series = [" ".join(rng.sample(self.frequent_words(400), 2)).title() for _ in range(80)]

    def frequent_words(self, count: int) -> list[str]:
        """Words of four letters or more by how many pages use them (the commonest first)."""
        seen: dict[str, int] = {}
        for article in self.base:
            for word in set(_WORD.findall(article["text"].lower())):
                seen[word] = seen.get(word, 0) + 1
        return sorted(seen, key=lambda w: (-seen[w], w))[:count]

    def cjk_runs(self) -> list[str]:
        """Runs of Chinese, Japanese or Korean in the pages' text (for run queries)."""
        return [run for a in self.base for run in _NO_SPACE_RUN.findall(a["text"])]

    def article(self, number: int) -> dict[str, Any]:
        base = self.base[number % len(self.base)]
        copy = number // len(self.base)
        rng = random.Random(self.seed * 1_000_003 + number)
        paragraphs = [p for p in base["text"].split("\n\n") if p.strip()]
        title = base["title"] or paragraphs[0][:80]
        if copy:
            other = self.base[rng.randrange(len(self.base))]
            rng.shuffle(paragraphs)
            extra = [p for p in other["text"].split("\n\n") if p.strip()]
            paragraphs[rng.randrange(len(paragraphs) + 1) : 0] = rng.sample(extra, min(len(extra), 2))
            words = (other["title"] or "").split()
            title = f"{title}: {' '.join(words[: rng.randint(2, 4)])}" if words else f"{title} ({copy})"
        return {
            "title": title,
            "authors": base["authors"] or rng.sample(self.people, 1),
            "site": base["site"] or rng.choice(self.sites),
            "series": [rng.choice(self.series)] if rng.random() < 0.3 else [],
            "topics": list(base["topics"]) or rng.sample(self.topics, rng.randint(1, 3)),
            "date": f"{rng.randint(2000, 2026)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
            "url": f"https://example.invalid/real/{number}",
            "language": base["language"] or "en",
            "text": "\n\n".join(paragraphs),
        }
