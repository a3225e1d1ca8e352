"""Finding duplicates (Zotero's "Duplicate Items"): the same canonical URL, or the same text elsewhere.

Every article with text has a :class:`~reader.library.signatures.TextSignature` and its LSH band keys
in the store (written with the article by the importer; :meth:`DuplicateFinder.sign_missing` fills in
articles stored before signatures existed).  :meth:`DuplicateFinder.similar_to` looks one article up
through its band keys (an import notes "looks like a duplicate of …"); :meth:`DuplicateFinder.sets`
scans the whole library: articles sharing a band key are candidates, a candidate pair whose signatures
say one story (:meth:`TextSignature.is_duplicate_of`) is joined, and so are articles whose URLs are one
page (tracking parameters, ``www.``, an AMP suffix, a trailing slash ignored).  Pairs the user said are
different stories are never joined.  :func:`best_values` proposes the merged article's values.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from reader.library.database import reads, writes
from reader.library.signatures import TextSignature, signature
from reader.library.store import LIVE, Store, put_signature
from reader.library.types import LIST_FIELDS, DuplicateSet, StoredArticle

logger = logging.getLogger(__name__)

#: A band shared by more articles than this is checked against its first article only (n, not n²).
BIG_BAND = 50
_TRACKING = ("utm_", "fbclid", "gclid", "mc_", "output", "amp", "ref", "cmp", "ncid")


def page_key(url: str | None) -> str | None:
    """One key for the URLs of one page: scheme, ``www.``, tracking parameters, ``/amp`` and a trailing
    slash ignored; None for no URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/").removesuffix("/amp") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING)]
    return f"{host}{path}" + (f"?{urlencode(sorted(query))}" if query else "")


class _Joined:
    """Union-find over article ids, remembering why each set was joined and how alike its pairs are."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.same_url: set[int] = set()  # roots of sets joined by a URL
        self.lowest: dict[int, float] = {}

    def root(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int, likeness: float, by_url: bool) -> None:
        ra, rb = self.root(a), self.root(b)
        low = min(likeness, self.lowest.get(ra, 1.0), self.lowest.get(rb, 1.0))
        url = by_url or ra in self.same_url or rb in self.same_url
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        root = min(ra, rb)
        self.lowest[root] = low
        if url:
            self.same_url.add(root)

    def sets(self) -> list[DuplicateSet]:
        members: dict[int, list[int]] = defaultdict(list)
        for item in self.parent:
            members[self.root(item)].append(item)
        found = []
        for root, ids in members.items():
            if len(ids) < 2:
                continue
            low = self.lowest.get(root, 1.0)
            only_url = root in self.same_url and low >= 1.0
            reason = "the same URL" if only_url else f"the same text ({round(low * 100)} % alike)"
            found.append(DuplicateSet(tuple(sorted(ids)), reason, low))
        return sorted(found, key=lambda s: s.ids)


class DuplicateFinder:
    """The duplicate finder of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path: Path = store.path
        # The last scan and the store's change mark it was made at: the app asks for the count after
        # every change of the library, and a scan reads every signature (0.7 s at 10,000 articles).
        self._scanned: tuple[tuple[int, int], list[DuplicateSet]] | None = None

    @reads
    def signature(self, article_id: int) -> TextSignature | None:
        row = self.store.conn.execute(
            "SELECT shingles, signature FROM text_signatures WHERE article_id = ?", (article_id,)
        ).fetchone()
        return TextSignature.from_bytes(row[0], row[1]) if row else None

    @reads
    def _signatures(self, ids: Iterable[int]) -> dict[int, TextSignature]:
        found: dict[int, TextSignature] = {}
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.store.conn.execute(
                f"SELECT article_id, shingles, signature FROM text_signatures WHERE article_id IN ({marks})",
                chunk,
            ):
                found[row[0]] = TextSignature.from_bytes(row[1], row[2])
        return found

    @reads
    def unsigned(self) -> list[int]:
        """Articles with text but no signature (stored before signatures existed)."""
        return [
            row[0]
            for row in self.store.conn.execute(
                "SELECT id FROM articles INDEXED BY articles_url"
                " WHERE id NOT IN (SELECT article_id FROM text_signatures)"
                " EXCEPT SELECT id FROM articles INDEXED BY articles_attention WHERE attention IS NOT NULL"
                " ORDER BY 1"
            )
        ]

    def sign_missing(self, batch: int = 500) -> int:
        """Sign every article that has text but no signature yet; returns how many were signed."""
        missing = self.unsigned()
        for start in range(0, len(missing), batch):
            chunk = missing[start : start + batch]
            texts = self.store.texts(chunk)
            with self.store.transaction(bump=False) as conn:  # the index holds no signature
                for article_id in chunk:
                    put_signature(conn, article_id, signature(texts.get(article_id, "")))
        return len(missing)

    @reads
    def _distinct(self) -> set[tuple[int, int]]:
        return {
            (row[0], row[1]) for row in self.store.conn.execute("SELECT first, second FROM distinct_pairs")
        }

    @writes
    def mark_distinct(self, conn: sqlite3.Connection, ids: Sequence[int]) -> None:
        """The user says these articles are different stories: never propose them as one again."""
        ordered = sorted(set(ids))
        conn.executemany(
            "INSERT OR IGNORE INTO distinct_pairs (first, second) VALUES (?, ?)",
            [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]],
        )

    @reads
    def similar_to(self, article_id: int, mine: TextSignature | None = None) -> list[tuple[int, float]]:
        """Articles in the library that look like one story with ``article_id`` (id, likeness), best first.

        ``mine`` is the article's signature when the caller has it (the importer, which just made it)."""
        mine = mine or self.signature(article_id)
        if mine is None:
            return []
        keys = mine.band_keys()
        marks = ",".join("?" * len(keys))
        candidates = [
            row[0]
            for row in self.store.conn.execute(
                f"SELECT DISTINCT article_id FROM text_bands WHERE band IN ({marks}) AND article_id != ?"
                " AND article_id NOT IN (SELECT article_id FROM trash)",
                (*keys, article_id),
            )
        ]
        found = []
        for other, theirs in self._signatures(candidates).items():
            same, likeness = mine.is_duplicate_of(theirs)
            if same:
                found.append((other, likeness))
        return sorted(found, key=lambda pair: -pair[1])

    def sets(self) -> list[DuplicateSet]:
        """Every set of duplicates in the library (the trash left out); scanned again only once the
        store has changed since the last scan."""
        mark = self.store.change_mark()
        if self._scanned is None or self._scanned[0] != mark:
            self._scanned = (mark, self._scan())
        return list(self._scanned[1])

    def _scan(self) -> list[DuplicateSet]:
        distinct = self._distinct()
        joined = _Joined()
        for a, b in self._same_page_pairs():
            if (min(a, b), max(a, b)) not in distinct:
                joined.join(a, b, 1.0, by_url=True)
        pairs = self._candidate_pairs()
        signatures = self._signatures({i for pair in pairs for i in pair})
        for a, b in pairs:
            if (a, b) in distinct or a not in signatures or b not in signatures:
                continue
            same, likeness = signatures[a].is_duplicate_of(signatures[b])
            if same:
                joined.join(a, b, likeness, by_url=False)
        return joined.sets()

    @reads
    def _same_page_pairs(self) -> list[tuple[int, int]]:
        pages: dict[str, list[int]] = defaultdict(list)
        for article_id, url in self.store.conn.execute(
            f"SELECT id, url FROM articles WHERE url IS NOT NULL AND {LIVE}"
        ):
            key = page_key(url)
            if key:
                pages[key].append(article_id)
        return [(ids[0], other) for ids in pages.values() for other in ids[1:]]

    @reads
    def _candidate_pairs(self) -> set[tuple[int, int]]:
        pairs: set[tuple[int, int]] = set()
        for (members,) in self.store.conn.execute(
            "SELECT group_concat(article_id) FROM text_bands"
            " WHERE article_id NOT IN (SELECT article_id FROM trash) GROUP BY band HAVING count(*) > 1"
        ):
            ids = sorted({int(i) for i in members.split(",")})
            if len(ids) > BIG_BAND:  # the same text many times over: each against the first is enough
                pairs.update((ids[0], other) for other in ids[1:])
                continue
            pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
        return pairs


def best_values(articles: Sequence[StoredArticle], fields: Sequence[str]) -> dict[str, Any]:
    """The values a merge proposes, the article to keep first: its value when it has one, else the first
    other article's that has one; series and topics are the union of all (case-insensitive, in order)."""
    chosen: dict[str, Any] = {}
    for name in fields:
        values = [getattr(article, name) for article in articles]
        if name in ("series", "topics"):
            union: dict[str, str] = {}
            for value in values:
                for item in value or []:
                    union.setdefault(item.casefold(), item)
            chosen[name] = list(union.values())
        else:
            chosen[name] = next((v for v in values if v), values[0] if values else None)
        if name in LIST_FIELDS:
            chosen[name] = list(chosen[name] or [])
    return chosen


def changed_values(article: StoredArticle, values: Mapping[str, Any]) -> dict[str, Any]:
    """Those of ``values`` that differ from the article's own."""
    return {name: value for name, value in values.items() if getattr(article, name) != value}
